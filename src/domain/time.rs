//! A point in time: whole seconds since the Unix epoch, stored as BIGINT on both backends.
//! Durations stay plain seconds (`i64`): `time + secs` is a time, `time - time` is seconds.

use std::ops::{Add, Sub};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, diesel::AsExpression, diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::BigInt)]
pub struct UnixTime(i64);

impl UnixTime {
    pub const fn from_secs(secs: i64) -> Self {
        Self(secs)
    }

    /// Seconds since the epoch (for JWT claims and step arithmetic).
    pub const fn secs(self) -> i64 {
        self.0
    }

    /// RFC 3339, for JSON bodies.
    pub fn rfc3339(self) -> String {
        chrono::DateTime::from_timestamp(self.0, 0)
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }
}

impl Add<i64> for UnixTime {
    type Output = UnixTime;
    fn add(self, secs: i64) -> UnixTime {
        UnixTime(self.0.saturating_add(secs))
    }
}

impl Sub<i64> for UnixTime {
    type Output = UnixTime;
    fn sub(self, secs: i64) -> UnixTime {
        UnixTime(self.0.saturating_sub(secs))
    }
}

impl Sub for UnixTime {
    type Output = i64;
    fn sub(self, earlier: UnixTime) -> i64 {
        self.0.saturating_sub(earlier.0)
    }
}

impl std::fmt::Display for UnixTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.rfc3339())
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::BigInt, diesel::sqlite::Sqlite> for UnixTime {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
    ) -> diesel::serialize::Result {
        <i64 as diesel::serialize::ToSql<diesel::sql_types::BigInt, diesel::sqlite::Sqlite>>::to_sql(&self.0, out)
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::BigInt, diesel::pg::Pg> for UnixTime {
    fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>) -> diesel::serialize::Result {
        <i64 as diesel::serialize::ToSql<diesel::sql_types::BigInt, diesel::pg::Pg>>::to_sql(&self.0, out)
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::BigInt, crate::store::connection::MultiBackend> for UnixTime {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, crate::store::connection::MultiBackend>,
    ) -> diesel::serialize::Result {
        out.set_value((diesel::sql_types::BigInt, self));
        Ok(diesel::serialize::IsNull::No)
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::BigInt, diesel::sqlite::Sqlite> for UnixTime {
    fn from_sql(bytes: diesel::sqlite::SqliteValue<'_, '_, '_>) -> diesel::deserialize::Result<Self> {
        <i64 as diesel::deserialize::FromSql<diesel::sql_types::BigInt, diesel::sqlite::Sqlite>>::from_sql(bytes)
            .map(UnixTime)
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::BigInt, diesel::pg::Pg> for UnixTime {
    fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
        <i64 as diesel::deserialize::FromSql<diesel::sql_types::BigInt, diesel::pg::Pg>>::from_sql(bytes).map(UnixTime)
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::BigInt, crate::store::connection::MultiBackend> for UnixTime {
    fn from_sql(bytes: crate::store::connection::MultiRawValue<'_>) -> diesel::deserialize::Result<Self> {
        bytes.from_sql::<Self, diesel::sql_types::BigInt>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_and_rendering() {
        let t = UnixTime::from_secs(1_700_000_000);
        assert_eq!((t + 60) - t, 60);
        assert!(t + 1 > t);
        assert_eq!(t.rfc3339(), "2023-11-14T22:13:20Z");
        assert_eq!(UnixTime::from_secs(i64::MAX) + 1, UnixTime::from_secs(i64::MAX));
    }
}
