//! Rules between the fields of a request body, which field attributes cannot carry: added to
//! the generated schemas by name, so the document refuses the combinations the server refuses.

use utoipa::openapi::schema::{
    AdditionalProperties, AllOfBuilder, AnyOfBuilder, ObjectBuilder, OneOfBuilder, Schema, Type,
};
use utoipa::openapi::{OpenApi, RefOr};
use utoipa::Modify;

pub struct RequestRules;

impl Modify for RequestRules {
    fn modify(&self, openapi: &mut OpenApi) {
        let Some(components) = openapi.components.as_mut() else { return };
        let schemas = &mut components.schemas;
        // A second factor is one proof: a code, a recovery code or a key's answer; never two, never none.
        let (code, recovery_code, credential) = ("code", "recovery_code", "credential");
        let verify = exactly_one_required(&[code, recovery_code, credential], "CredentialJson");
        add_rule(schemas.get_mut("VerifyRequest"), verify);
        let reset = exactly_one_required(&[code, recovery_code, credential], "AuthenticationResponseJSON");
        add_rule(schemas.get_mut("ResetSecondFactor"), reset);
        let confirm = exactly_one_required(&[code, credential], "RegistrationResponseJSON");
        add_rule(schemas.get_mut("ConfirmMethod"), confirm);
        // `phone_number` only with `sms`, `email` only with `email`, `name` and `passkey` only
        // with `webauthn`.
        let kind_fields = OneOfBuilder::new()
            .item(kind_branch("totp", &["phone_number", "email", "name", "passkey"]))
            .item(kind_branch("sms", &["email", "name", "passkey"]))
            .item(kind_branch("email", &["phone_number", "name", "passkey"]))
            .item(kind_branch("webauthn", &["phone_number", "email"]))
            .build();
        add_rule(schemas.get_mut("EnrollRequest"), Schema::OneOf(kind_fields));
        // A key's answer is a registration or an authentication; both shapes share their outer
        // fields (a registration's `response` may carry `authenticatorData` too), so `anyOf`.
        if let Some(RefOr::T(Schema::OneOf(one_of))) = schemas.get_mut("CredentialJson") {
            let mut any_of = AnyOfBuilder::new().description(one_of.description.clone());
            for item in std::mem::take(&mut one_of.items) {
                any_of = any_of.item(item);
            }
            schemas.insert("CredentialJson".into(), RefOr::T(Schema::AnyOf(any_of.build())));
        }
    }
}

/// The schema becomes `allOf: [itself, rule]`.
fn add_rule(schema: Option<&mut RefOr<Schema>>, rule: Schema) {
    if let Some(schema) = schema {
        let own = std::mem::replace(schema, RefOr::T(Schema::default()));
        *schema = RefOr::T(Schema::AllOf(AllOfBuilder::new().item(own).item(rule).build()));
    }
}

/// Exactly one of `fields` is given (`null` is not given; `credential` is the schema named
/// `credential_schema`, the others strings).
fn exactly_one_required(fields: &[&str], credential_schema: &str) -> Schema {
    let mut one_of = OneOfBuilder::new();
    for field in fields {
        // The credential's own schema is on the property; here, only that it is given (an object),
        // which keeps the document shallow for generators that walk it.
        let _ = credential_schema;
        let given: RefOr<Schema> = if *field == "credential" {
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .additional_properties(Some(AdditionalProperties::FreeForm(true)))
                .into()
        } else {
            ObjectBuilder::new().schema_type(Type::String).into()
        };
        one_of = one_of.item(ObjectBuilder::new().schema_type(Type::Object).property(*field, given).required(*field));
    }
    Schema::OneOf(one_of.build())
}

/// `kind` is `kind` and the fields named are absent or `null`.
fn kind_branch(kind: &str, absent: &[&str]) -> ObjectBuilder {
    let mut branch = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("kind", ObjectBuilder::new().schema_type(Type::String).enum_values(Some([kind])))
        .required("kind");
    for field in absent {
        branch = branch.property(*field, ObjectBuilder::new().schema_type(Type::Null));
    }
    branch
}
