//! Stores a type as TEXT on both backends (and on the `MultiBackend` that dispatches between
//! them): `to_sql` writes `as_str()`, `from_sql` parses what was stored with `from_stored` (a
//! value the database should never hold is a deserialize error, not a silent default).
//! Concrete impls per backend, as a generic `impl<DB>` sends diesel's trait solver into the weeds.

macro_rules! text_column {
    ($t:ty) => {
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $t {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $t {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, $crate::store::connection::MultiBackend> for $t {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, $crate::store::connection::MultiBackend>,
            ) -> diesel::serialize::Result {
                out.set_value((diesel::sql_types::Text, self));
                Ok(diesel::serialize::IsNull::No)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $t {
            fn from_sql(bytes: diesel::sqlite::SqliteValue<'_, '_, '_>) -> diesel::deserialize::Result<Self> {
                let stored = <String as diesel::deserialize::FromSql<
                    diesel::sql_types::Text,
                    diesel::sqlite::Sqlite,
                >>::from_sql(bytes)?;
                <$t>::from_stored(stored).map_err(|e| e.into())
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $t {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let stored =
                    <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(bytes)?;
                <$t>::from_stored(stored).map_err(|e| e.into())
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, $crate::store::connection::MultiBackend> for $t {
            fn from_sql(bytes: $crate::store::connection::MultiRawValue<'_>) -> diesel::deserialize::Result<Self> {
                bytes.from_sql::<Self, diesel::sql_types::Text>()
            }
        }
    };
}

pub(crate) use text_column;

/// `as_str`, `Display` and the TEXT mapping of a closed set that derives strum's
/// `IntoStaticStr` and `EnumString`.
macro_rules! text_enum {
    ($t:ident, $what:literal) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                self.into()
            }

            fn from_stored(value: String) -> Result<Self, $crate::domain::sql_text::BadStoredValue> {
                value.parse().map_err(|_| $crate::domain::sql_text::BadStoredValue { what: $what, value })
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::domain::sql_text::text_column!($t);
    };
}

pub(crate) use text_enum;

/// A closed set stored as TEXT: the enum with its derives (serde and strum in snake_case, the
/// OpenAPI schema, diesel's TEXT mapping) and `text_enum!`. Variants keep their docs and attributes.
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
            strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
            diesel::AsExpression, diesel::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),*
        }

        $crate::domain::sql_text::text_enum!($name, $what);
    };
}

pub(crate) use closed_set;

/// `Display`, `Deserialize` through `parse` (so a body or a path can only hold a valid value) and
/// the TEXT mapping of a string newtype with `parse(&str) -> Result<Self, Invalid>` and `as_str`.
macro_rules! parsed_string {
    ($t:ty) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&raw).map_err(|e| serde::de::Error::custom(e.message))
            }
        }

        $crate::domain::sql_text::text_column!($t);
    };
}

pub(crate) use parsed_string;

/// A stored value that does not parse: the database holds something this version cannot read.
#[derive(Debug, thiserror::Error)]
#[error("unexpected stored value for {what}: {value:?}")]
pub struct BadStoredValue {
    pub what: &'static str,
    pub value: String,
}
