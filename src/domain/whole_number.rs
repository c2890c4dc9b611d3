//! Integers in request bodies as JSON Schema counts them: `integer` includes `23.0`, which
//! serde's integer types refuse. These read a whole number written either way (and refuse
//! `23.5` or one out of the field's range as serde would), so a value the document calls an
//! integer is never refused for how it was written. Use with `#[serde(default,
//! deserialize_with = "…")]`.

use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// Above this, a float no longer holds every integer exactly.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

fn whole<E: Error, T: TryFrom<i64>>(number: serde_json::Number) -> Result<T, E> {
    let value = match number.as_i64() {
        Some(v) => v,
        None => match number.as_f64() {
            // Exact: the value is whole and within ±2^53, so the cast loses nothing.
            #[allow(clippy::cast_possible_truncation)]
            Some(f) if f.fract() == 0.0 && f.abs() <= MAX_EXACT => f as i64,
            _ => return Err(E::custom(format!("invalid value: {number}, expected a whole number"))),
        },
    };
    T::try_from(value).map_err(|_| E::custom(format!("invalid value: {value} is out of range")))
}

pub fn required<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<T, D::Error> {
    whole(serde_json::Number::deserialize(d)?)
}

/// Absent or `null`: `None`.
pub fn optional<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<serde_json::Number>::deserialize(d)?.map(whole).transpose()
}

/// Absent: `None` (with `#[serde(default)]`); `null`: `Some(None)`.
pub fn nullable<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    optional(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Body {
        #[serde(default, deserialize_with = "optional")]
        days: Option<i32>,
        #[serde(default, deserialize_with = "nullable")]
        budget: Option<Option<i64>>,
    }

    fn parse(json: &str) -> Option<Body> {
        serde_json::from_str(json).ok()
    }

    #[test]
    fn whole_numbers_written_either_way() {
        assert_eq!(parse(r#"{"days": 23}"#), Some(Body { days: Some(23), budget: None }));
        assert_eq!(parse(r#"{"days": 23.0, "budget": 1e3}"#), Some(Body { days: Some(23), budget: Some(Some(1000)) }));
        assert_eq!(parse(r#"{"days": null, "budget": null}"#), Some(Body { days: None, budget: Some(None) }));
        for bad in [r#"{"days": 23.5}"#, r#"{"days": 3000000000}"#, r#"{"days": "23"}"#, r#"{"budget": 1e300}"#] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
