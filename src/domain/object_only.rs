//! Request bodies are JSON objects: serde reads a struct from an array too (`[null, null]` as
//! the fields in order), which the document does not allow and no client means. `ObjectOnly`
//! reads a struct from an object only; the request extractor (`http::json_body`) applies it to
//! every body, and [`optional`] to structs nested in one.

use serde::de::{Deserializer, Visitor};
use serde::Deserialize;

/// For a nested `Option<Struct>` field: `#[serde(default, deserialize_with = "…")]`.
pub fn optional<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<ObjectOnly<T>>::deserialize(d).map(|o| o.map(|o| o.0))
}

/// Deserializes `T` (a struct) from a JSON object only.
pub struct ObjectOnly<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(StructAsMap(deserializer)).map(ObjectOnly)
    }
}

/// Hands a struct's visitor a map only: serde_json's `deserialize_map` refuses an array with
/// "invalid type: sequence, expected struct …". Everything else goes to the inner deserializer.
struct StructAsMap<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for StructAsMap<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_option(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Body {
        name: Option<String>,
        count: Option<i64>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        #[serde(default, deserialize_with = "optional")]
        inner: Option<Body>,
    }

    #[test]
    fn nested_objects_only() {
        let outer = |json: &str| serde_json::from_str::<ObjectOnly<Outer>>(json).ok().map(|o| o.0);
        assert_eq!(
            outer(r#"{"inner": {"count": 1}}"#),
            Some(Outer { inner: Some(Body { name: None, count: Some(1) }) })
        );
        assert_eq!(outer(r#"{"inner": null}"#), Some(Outer { inner: None }));
        assert_eq!(outer("{}"), Some(Outer { inner: None }));
        assert_eq!(outer(r#"{"inner": [null, 1]}"#), None);
    }

    fn parse(json: &str) -> Result<Body, serde_json::Error> {
        serde_json::from_str::<ObjectOnly<Body>>(json).map(|b| b.0)
    }

    #[test]
    fn objects_only() {
        assert_eq!(parse(r#"{"name": "a", "count": 2}"#).ok(), Some(Body { name: Some("a".into()), count: Some(2) }));
        assert_eq!(parse("{}").ok(), Some(Body { name: None, count: None }));
        for bad in ["[null, null]", r#"["a", 2]"#, "null", "1", r#"{"other": 1}"#] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
