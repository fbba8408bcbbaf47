//! The content hash of a course's quizzes: two exports are comparable only if
//! the questions they answered were the same.
//!
//! Canonical serialisation (documented in `docs/export-format.md`): the
//! quizzes sorted by id, each as a JSON *array* (never an object, so no key
//! order is involved) of its id, title and questions; each question an array
//! of id, type, prompt, explanation, pin_order and its type's fields, in the
//! order listed below. Serialised compactly with `serde_json`, hashed with
//! SHA-256, written `sha256:<64 lowercase hex digits>`. File paths and line
//! numbers are left out: moving or reformatting a quiz file does not change
//! what was asked.

use crate::content::model::{Course, Question, QuestionKind, Quiz};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// `sha256:<hex>` of the canonical serialisation of every quiz in the course.
pub fn content_hash(course: &Course) -> String {
    let bytes = canonical_bytes(course);
    let digest = Sha256::digest(&bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The exact bytes hashed.
pub fn canonical_bytes(course: &Course) -> Vec<u8> {
    let mut quizzes: Vec<&Quiz> = course.quizzes.iter().collect();
    quizzes.sort_by(|a, b| a.id.cmp(&b.id));
    let value = Value::Array(quizzes.into_iter().map(quiz_value).collect());
    serde_json::to_vec(&value).unwrap_or_default()
}

fn quiz_value(quiz: &Quiz) -> Value {
    let questions: Vec<Value> = quiz.questions.iter().map(question_value).collect();
    json!([quiz.id, quiz.title, questions])
}

fn question_value(q: &Question) -> Value {
    let kind = match &q.kind {
        // options, answer, multi, feedback
        QuestionKind::Choice(c) => json!([c.options, c.answer, c.multi, c.feedback]),
        // code, lang, answer, lines, reason
        QuestionKind::Verdict(v) => {
            json!([
                v.code,
                v.lang,
                v.answer,
                v.lines,
                v.reason.map(|r| r.as_str())
            ])
        }
        // left, right, lang, answer
        QuestionKind::Compare(c) => json!([c.left, c.right, c.lang, c.answer]),
        // items, targets, answer
        QuestionKind::Placement(p) => json!([p.items, p.targets, p.answer]),
    };
    json!([
        q.id,
        q.kind.type_name(),
        q.prompt,
        q.explanation,
        q.pin_order,
        kind
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::export::testdata::course;

    #[test]
    fn the_hash_is_stable_and_content_sensitive() {
        let a = course();
        let h = content_hash(&a);
        assert!(h.starts_with("sha256:") && h.len() == 7 + 64, "{h}");
        assert_eq!(content_hash(&a.clone()), h);

        // Reordering quizzes, moving files and reflowing lines: same hash.
        let mut moved = a.clone();
        moved.quizzes.reverse();
        moved.quizzes[0].path = "elsewhere.toml".into();
        moved.quizzes[0].questions[0].line = 99;
        assert_eq!(content_hash(&moved), h);

        // Changing what was asked: a different hash.
        let mut edited = a.clone();
        edited.quizzes[0].questions[0].prompt.push('!');
        assert_ne!(content_hash(&edited), h);
    }

    #[test]
    fn the_canonical_form_is_arrays_only() {
        let bytes = canonical_bytes(&course());
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            text.starts_with("[[\"red-flags\",null,[[\"listen\",\"verdict\","),
            "{text}"
        );
        fn has_object(v: &Value) -> bool {
            match v {
                Value::Object(_) => true,
                Value::Array(items) => items.iter().any(has_object),
                _ => false,
            }
        }
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        assert!(!has_object(&value), "no objects: {text}");
    }
}
