//! The domain's input rules as JSON Schema, for the OpenAPI document (`#[schema(schema_with =
//! …)]` on request fields). Each schema accepts only what the parser next to it accepts (a
//! little less where a regular expression cannot say it exactly, never more), so a generated
//! client refuses what the server would refuse. `tests/api/openapi.rs` checks them against the
//! parsers; the schemathesis run in `.ci/fuzz` checks them against the server.

use utoipa::openapi::schema::{
    AnyOfBuilder, ArrayBuilder, KnownFormat, Object, ObjectBuilder, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{RefOr, Schema};

use super::text::INVISIBLE_RANGES;

/// `[…]` body of a character class holding every unsafe character (`text::is_unsafe_char`),
/// as literal characters (control characters as JSON escapes once serialized).
fn unsafe_class() -> String {
    let mut class = String::from("\u{0}-\u{1f}\u{7f}-\u{9f}");
    for &(from, to) in INVISIBLE_RANGES {
        class.push(from);
        if to != from {
            class.push('-');
            class.push(to);
        }
    }
    class
}

/// `[…]` of the characters `str::trim` removes (Unicode White_Space), which differ from a
/// JSON Schema regular expression's `\\s` (that one has U+FEFF and lacks U+0085).
const TRIMMED_SPACE: &str = "[\t-\r \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}]";

/// A field the server reads after trimming surrounding white space: `core`, padded. Its length
/// limits are in `core` (a `maxLength` would count the padding).
fn trimmed(core: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!("^{TRIMMED_SPACE}*(?:{core}){TRIMMED_SPACE}*$")))
}

fn string(pattern: String, min: usize, max: usize) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).pattern(Some(pattern)).min_length(Some(min)).max_length(Some(max))
}

fn nullable(object: ObjectBuilder) -> ObjectBuilder {
    object.schema_type(SchemaType::from_iter([Type::String, Type::Null]))
}

/// A tenant slug (`Slug::parse`).
pub fn slug() -> Object {
    trimmed("[a-z0-9][a-z0-9-]{0,61}[a-z0-9]").min_length(Some(2)).examples([serde_json::json!("acme")]).build()
}

fn email_builder() -> ObjectBuilder {
    let u = unsafe_class();
    let local = format!("[^\\s@{u}]+");
    let domain = format!("[^\\s@.{u}](?:[^\\s@{u}]*[^\\s@.{u}])?");
    string(format!("^{local}@{domain}$"), 3, 254)
}

/// An email address (`Email::parse`).
pub fn email() -> Object {
    email_builder().examples([serde_json::json!("alice@example.com")]).build()
}

/// An email address, or `null`.
pub fn email_or_null() -> Object {
    nullable(email_builder()).build()
}

fn username_builder() -> ObjectBuilder {
    // Read in lower case.
    trimmed("[A-Za-z0-9][A-Za-z0-9._-]{2,63}").min_length(Some(3))
}

/// A user name (`Username::parse`).
pub fn username() -> Object {
    username_builder().examples([serde_json::json!("alice.m")]).build()
}

/// A user name, or `null`.
pub fn username_or_null() -> Object {
    nullable(username_builder()).build()
}

/// One line of text people see (`text::line`): at least one visible character, no control or
/// invisible formatting characters.
fn line(max: usize) -> ObjectBuilder {
    let u = unsafe_class();
    string(format!("^[^{u}]*[^\\s{u}][^{u}]*$"), 1, max)
}

/// A name of at most 100 characters (groups).
pub fn name_100() -> Object {
    line(100).build()
}

/// A name of at most 100 characters, or `null`.
pub fn name_100_or_null() -> Object {
    nullable(line(100)).build()
}

/// A name of at most 200 characters (tenants).
pub fn name_200() -> Object {
    line(200).build()
}

/// A name of at most 200 characters, or `null` (display names, descriptions).
pub fn name_200_or_null() -> Object {
    nullable(line(200)).build()
}

fn blank_or_line(max: usize) -> ObjectBuilder {
    let u = unsafe_class();
    nullable(string(format!("^[^{u}]*$"), 0, max))
}

/// An API key's name: empty or blank gives the default name.
pub fn key_name_or_null() -> Object {
    blank_or_line(100).examples([serde_json::json!("billing-backend")]).build()
}

/// A webhook's description: empty, blank or `null` means none.
pub fn description_or_null() -> Object {
    blank_or_line(200).build()
}

/// A second-factor method's name ("YubiKey 5"): empty, blank or `null` means none.
pub fn method_name_or_null() -> Object {
    blank_or_line(64).examples([serde_json::json!("YubiKey 5")]).build()
}

/// A user's display name: empty, blank or `null` means none.
pub fn display_name_or_null() -> Object {
    blank_or_line(200).examples([serde_json::json!("Alice Martin")]).build()
}

/// Printable ASCII: URLs are written percent-encoded.
const URL_REST: &str = "[!-~]";
/// A DNS name whose last label starts with a letter (never an IP literal), no `--` (no
/// punycode labels), lower case.
const HOST: &str = "(?:[a-z0-9]+(?:-[a-z0-9]+)*\\.)*[a-z][a-z0-9]*(?:-[a-z0-9]+)*";
const PORT: &str = "(?::[1-9][0-9]{0,3})?";
/// A port from 1 to 65535, without leading zeros.
const ANY_PORT: &str = "(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?";
const LOCAL_HOSTS: &str = "(?:localhost|127\\.0\\.0\\.1|\\[::1\\])";

/// An http(s) URL (`tenant_policy::parse_url`), or `null`.
pub fn url_or_null() -> Object {
    nullable(string(format!("^https?://{URL_REST}{{2,}}$"), 9, 2000))
        .examples([serde_json::json!("https://idp.example.com/saml/login")])
        .build()
}

/// Where a tenant's users sign in (`tenant_policy::parse_public_url`), or `null`.
pub fn public_url_or_null() -> Object {
    let pattern = format!("^(?:https://{URL_REST}{{2,}}|http://{LOCAL_HOSTS}(?:[:/]{URL_REST}*)?)$");
    nullable(string(pattern, 9, 2000)).examples([serde_json::json!("https://app.acme.example")]).build()
}

/// A web origin (`tenant_policy::parse_origin`), or `null`.
fn origin_pattern() -> String {
    let label = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    let last = "[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    let host = format!("(?:(?:{label}\\.)*{last}|{}|\\[{}\\])", ipv4_pattern(), ipv6_pattern());
    let local = "(?:[Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt]|127\\.0\\.0\\.1|\\[::1\\])";
    format!("(?:https://{host}{ANY_PORT}|http://{local}{ANY_PORT})/?")
}

/// A search (`?q=`): one line of 1-100 visible characters (`text::line`: no control or invisible
/// formatting characters, something besides the white space the server trims).
pub fn search_query() -> Object {
    line(100).examples([serde_json::json!("ali")]).build()
}

/// A WebAuthn relying-party id (`tenant_policy::parse_rp_id`): a domain name whose last label
/// starts with a letter (never an IP address), any case, or `null`.
pub fn rp_id_or_null() -> Object {
    let label = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    let last = "[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    nullable(trimmed(&format!("(?:{label}\\.)*{last}")))
        .max_length(Some(253))
        .description(Some(
            "The WebAuthn relying-party id: a domain name such as `acme.example` (never an IP address); stored \
             in lower case.",
        ))
        .examples([serde_json::json!("acme.example")])
        .build()
}

/// Authenticator models (`webauthn_allowed_aaguids`): UUIDs, hyphenated, any case.
pub fn aaguids() -> RefOr<Schema> {
    let hex = "[0-9A-Fa-f]";
    let uuid = format!("{hex}{{8}}-{hex}{{4}}-{hex}{{4}}-{hex}{{4}}-{hex}{{12}}");
    let aaguid = trimmed(&uuid)
        .description(Some("An authenticator model's AAGUID, such as cb69481e-8ff7-4039-93ec-0a2729a154a8."))
        .build();
    array_or_null(aaguid, Some(100))
}

/// Origins allowed to run WebAuthn ceremonies (`webauthn_origins`).
pub fn origins() -> RefOr<Schema> {
    let origin = trimmed(&origin_pattern())
        .max_length(Some(300))
        .description(Some(
            "An origin as a browser sends it: `https://host[:port]` (`http://` only for localhost, 127.0.0.1 and \
             [::1]), on `webauthn_rp_id` or under it.",
        ))
        .build();
    array_or_null(origin, Some(20))
}

pub fn origin_or_null() -> Object {
    let core = origin_pattern();
    nullable(trimmed(&core))
        .max_length(Some(300))
        .description(Some(
            "The origin of the tenant's sign-in page, as a browser sends it: `https://host[:port]` (`http://` only for \
             localhost, 127.0.0.1 and [::1]). Stored in lower case without a default port.",
        ))
        .examples([serde_json::json!("https://app.example.com")])
        .build()
}

/// A webhook receiver: https, a DNS name that is not `localhost` (address literals and private
/// addresses are refused; names are checked again when they resolve, at every send).
pub fn webhook_url() -> Object {
    let not_local = "(?!(?:[a-z0-9-]+\\.)*localhost(?:[:/?#]|$))";
    let pattern = format!("^https://{not_local}{HOST}{PORT}(?:[/?#]{URL_REST}*)?$");
    string(pattern, 9, 2000).examples([serde_json::json!("https://siem.acme.example/latchkey")]).build()
}

/// A phone number in international form. Whether the number exists in its country's
/// numbering plan is checked by the server (`invalid_phone_number`); no pattern can say it.
fn phone_builder() -> ObjectBuilder {
    // `+`, then at most 31 digits and separators, one digit at least.
    trimmed("\\+(?=[ ().-]*[0-9])[0-9 ().-]{1,31}").min_length(Some(2))
}

/// A phone number.
pub fn phone() -> Object {
    phone_builder().examples([serde_json::json!("+358401234567")]).build()
}

/// A phone number, or `null`.
pub fn phone_or_null() -> Object {
    nullable(phone_builder()).examples([serde_json::json!("+358401234567")]).build()
}

/// An IPv4 address in dotted decimal, without leading zeros (RFC 3986 `IPv4address`).
fn ipv4_pattern() -> String {
    let octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    format!("{octet}(?:\\.{octet}){{3}}")
}

/// An IPv6 address in every text form of RFC 4291 section 2.2 (compressed, any case, the last
/// 32 bits as an embedded IPv4 address), built from RFC 3986's `IPv6address` grammar, which is
/// also what the standard library's parser reads:
///
/// ```text
///                            6( h16 ":" ) ls32
///      /                       "::" 5( h16 ":" ) ls32
///      / [               h16 ] "::" 4( h16 ":" ) ls32
///      / [ *1( h16 ":" ) h16 ] "::" 3( h16 ":" ) ls32
///      / [ *2( h16 ":" ) h16 ] "::" 2( h16 ":" ) ls32
///      / [ *3( h16 ":" ) h16 ] "::"    h16 ":"   ls32
///      / [ *4( h16 ":" ) h16 ] "::"              ls32
///      / [ *5( h16 ":" ) h16 ] "::"              h16
///      / [ *6( h16 ":" ) h16 ] "::"
/// ls32 = ( h16 ":" h16 ) / IPv4address
/// ```
fn ipv6_pattern() -> String {
    let h16 = "[0-9A-Fa-f]{1,4}";
    let ls32 = format!("(?:{h16}:{h16}|{})", ipv4_pattern());
    // `[ *n( h16 ":" ) h16 ]`: at most n + 1 groups before the `::`.
    let head = |n: usize| match n {
        0 => format!("(?:{h16})?"),
        n => format!("(?:(?:{h16}:){{0,{n}}}{h16})?"),
    };
    // `k( h16 ":" )`
    let groups = |k: usize| match k {
        0 => String::new(),
        1 => format!("{h16}:"),
        k => format!("(?:{h16}:){{{k}}}"),
    };
    let alternatives = [
        format!("{}{ls32}", groups(6)),
        format!("::{}{ls32}", groups(5)),
        format!("{}::{}{ls32}", head(0), groups(4)),
        format!("{}::{}{ls32}", head(1), groups(3)),
        format!("{}::{}{ls32}", head(2), groups(2)),
        format!("{}::{}{ls32}", head(3), groups(1)),
        format!("{}::{ls32}", head(4)),
        format!("{}::{h16}", head(5)),
        format!("{}::", head(6)),
    ];
    format!("(?:{})", alternatives.join("|"))
}

/// IPv4 or IPv6 networks, at most 100 (`network::parse_cidrs`): an address, then optionally
/// `/` and a prefix length in decimal without leading zeros (up to 32 or 128).
pub fn cidrs() -> RefOr<Schema> {
    let v4 = format!("{}(?:/(?:3[0-2]|[12]?[0-9]))?", ipv4_pattern());
    let v6 = format!("{}(?:/(?:12[0-8]|1[01][0-9]|[1-9]?[0-9]))?", ipv6_pattern());
    let cidr = ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!("^(?:{v4}|{v6})$")))
        .description(Some(
            "An IPv4 or IPv6 network in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`), or a single address \
             (a /32 or /128). IPv6 in any RFC 4291 text form: compressed, upper or lower case, an embedded IPv4 \
             address. Stored as the network address in canonical form (`2001:db8:0:0:0:0:0:25/128` is stored as \
             `2001:db8::25/128`).",
        ))
        .examples([serde_json::json!("203.0.113.0/24"), serde_json::json!("2001:db8::/32")])
        .build();
    array_or_null(cidr, Some(super::network::MAX_NETWORKS))
}

/// ISO 3166 alpha-2 region codes (`TenantPolicy::validate`).
pub fn country_codes() -> RefOr<Schema> {
    let code = ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[A-Z]{2}$")).build();
    array_or_null(code, None)
}

/// Ids (UUIDs), as in `group_ids`, or `null`.
pub fn uuids_or_null() -> RefOr<Schema> {
    array_or_null(uuid_builder().build(), Some(100))
}

/// Ids (UUIDs).
pub fn uuids() -> RefOr<Schema> {
    let array = ArrayBuilder::new().items(uuid_builder().build()).max_items(Some(100)).build();
    RefOr::T(Schema::Array(array))
}

fn array_or_null(items: Object, max: Option<usize>) -> RefOr<Schema> {
    let array = ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(items)
        .max_items(max)
        .build();
    RefOr::T(Schema::Array(array))
}

fn uuid_builder() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
}

/// A TOTP algorithm (`TotpParams::new`), or `null`.
pub fn totp_algorithm_or_null() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(["SHA1", "SHA256", "SHA512"]))
        .examples([serde_json::json!("SHA1")])
        .build()
}

/// An id (UUID).
pub fn uuid() -> Object {
    uuid_builder().build()
}

/// An IPv4 or IPv6 address.
pub fn ip_address() -> RefOr<Schema> {
    let v4 = ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(KnownFormat::Ipv4)));
    let v6 = ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(KnownFormat::Ipv6)));
    RefOr::T(Schema::AnyOf(AnyOfBuilder::new().item(v4).item(v6).build()))
}

/// A string that is always one of `values` (an answer's fixed vocabulary).
fn one_of(values: &[&str]) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.iter().copied()))
        .examples([serde_json::json!(values[0])])
        .build()
}

/// `token_type` of a token answer: always `Bearer`.
pub fn bearer_token_type() -> Object {
    one_of(&["Bearer"])
}

/// `token_type` of an active introspected token.
pub fn introspected_token_type() -> Object {
    one_of(&["access_token", "refresh_token"])
}

/// Signing algorithm of access tokens and signing keys.
pub fn eddsa() -> Object {
    one_of(&["EdDSA"])
}

/// JWK key type of an Ed25519 key.
pub fn okp() -> Object {
    one_of(&["OKP"])
}

/// JWK curve of an Ed25519 key.
pub fn ed25519() -> Object {
    one_of(&["Ed25519"])
}

/// JWK public key use: signatures.
pub fn sig() -> Object {
    one_of(&["sig"])
}

/// A probe's answer.
pub fn ok() -> Object {
    one_of(&["ok"])
}

/// A TOTP HMAC algorithm, as stored.
pub fn totp_algorithm() -> Object {
    one_of(&["SHA1", "SHA256", "SHA512"])
}
