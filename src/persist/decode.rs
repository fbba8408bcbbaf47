//! Decoding the bytes of a progress file, and saying precisely why they are
//! unusable when they are (empty, NUL bytes, not JSON, wrong shape, a newer
//! schema). Pure: the store decides what to do with a bad file.

use super::progress::{Progress, SCHEMA_VERSION};
use std::fmt;

/// Why a progress file cannot be used. The `Display` text completes
/// "the progress file ...", e.g. "the progress file is empty".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    Empty,
    NulBytes,
    NotUtf8,
    /// Not JSON at all, or cut short (a truncated write).
    NotJson(String),
    /// JSON, but not a progress document of this schema.
    WrongSchema(String),
    /// Written by a newer serverless-tutor: never overwrite it.
    FutureVersion(u64),
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unusable::Empty => f.write_str("is empty"),
            Unusable::NulBytes => f.write_str("contains NUL bytes"),
            Unusable::NotUtf8 => f.write_str("is not UTF-8 text"),
            Unusable::NotJson(e) => write!(f, "is not valid JSON ({e})"),
            Unusable::WrongSchema(e) => write!(f, "does not match the progress schema ({e})"),
            Unusable::FutureVersion(v) => write!(
                f,
                "was written by a newer serverless-tutor (schema {v}, this one reads {SCHEMA_VERSION})"
            ),
        }
    }
}

/// Decodes a progress file, or says why it is unusable. Never panics.
pub fn decode(bytes: &[u8]) -> Result<Progress, Unusable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unusable::Empty);
    }
    if bytes.contains(&0) {
        return Err(Unusable::NulBytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Unusable::NotUtf8)?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Unusable::NotJson(e.to_string()))?;
    check_version(&value)?;
    serde_json::from_value(value).map_err(|e| Unusable::WrongSchema(e.to_string()))
}

/// The version is checked before the shape, so a newer file is recognised as
/// newer (and kept) even when its shape has changed.
fn check_version(value: &serde_json::Value) -> Result<(), Unusable> {
    let Some(object) = value.as_object() else {
        return Err(Unusable::WrongSchema("not a JSON object".into()));
    };
    match object.get("schema_version").and_then(|v| v.as_u64()) {
        None => Err(Unusable::WrongSchema(
            "no numeric `schema_version` field".into(),
        )),
        Some(v) if v > u64::from(SCHEMA_VERSION) => Err(Unusable::FutureVersion(v)),
        Some(v) if v < u64::from(SCHEMA_VERSION) => {
            Err(Unusable::WrongSchema(format!("unknown schema_version {v}")))
        }
        Some(_) => Ok(()),
    }
}

/// The bytes a progress document is saved as.
pub fn encode(progress: &Progress) -> Vec<u8> {
    // Serialising plain maps/strings/numbers cannot fail; fall back to an
    // empty document rather than panic if it somehow did.
    let mut bytes = serde_json::to_vec_pretty(progress).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_empty_document_round_trips() {
        let p = Progress::default();
        assert_eq!(decode(&encode(&p)), Ok(p));
        assert_eq!(decode(br#"{"schema_version":1}"#), Ok(Progress::default()));
    }

    #[test]
    fn each_kind_of_damage_is_named() {
        assert_eq!(decode(b""), Err(Unusable::Empty));
        assert_eq!(decode(b" \n\t"), Err(Unusable::Empty));
        assert_eq!(decode(b"\0\0\0\0"), Err(Unusable::NulBytes));
        assert_eq!(decode(b"{\"schema_version\":1}\0"), Err(Unusable::NulBytes));
        assert_eq!(decode(b"\xff\xfe{}"), Err(Unusable::NotUtf8));
        assert!(matches!(
            decode(br#"{"schema_version":1,"courses":{"#),
            Err(Unusable::NotJson(_))
        ));
        assert!(matches!(decode(b"[1,2]"), Err(Unusable::WrongSchema(_))));
        assert!(matches!(
            decode(br#"{"courses":{}}"#),
            Err(Unusable::WrongSchema(_))
        ));
        assert!(matches!(
            decode(br#"{"schema_version":1,"courses":{"c":{"lessons":7}}}"#),
            Err(Unusable::WrongSchema(_))
        ));
        assert!(matches!(
            decode(br#"{"schema_version":0}"#),
            Err(Unusable::WrongSchema(_))
        ));
    }

    #[test]
    fn a_newer_schema_is_recognised_even_with_a_new_shape() {
        assert_eq!(
            decode(br#"{"schema_version":7,"learners":[]}"#),
            Err(Unusable::FutureVersion(7))
        );
        let msg = Unusable::FutureVersion(7).to_string();
        assert!(msg.contains("newer"), "{msg}");
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn arbitrary_json_like_text_never_panics(text in r#"[{}\[\]":,0-9a-z_ ]{0,120}"#) {
            let _ = decode(text.as_bytes());
        }
    }
}
