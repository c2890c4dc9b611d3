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

/// A stored value that does not parse: the database holds something this version cannot read.
#[derive(Debug, thiserror::Error)]
#[error("unexpected stored value for {what}: {value:?}")]
pub struct BadStoredValue {
    pub what: &'static str,
    pub value: String,
}
