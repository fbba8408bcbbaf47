//! Which code languages a course may name (`lang = "..."` in quizzes, the
//! info string of a fenced block): whatever the highlighter resolves
//! (`crate::highlight::resolves`), kept behind one function so callers in
//! `content` do not depend on the highlighter's internals.

/// A few accepted names, for error messages (the highlighter knows more).
const EXAMPLES: &str = "js, ts, jsx, tsx, json, toml, yaml, bash or text";

/// True when `lang` (case-insensitive) names a language the renderer
/// highlights, or plain text: the highlighter's own answer.
pub fn is_known(lang: &str) -> bool {
    crate::highlight::resolves(lang)
}

/// Examples of accepted names, for error messages.
pub fn known_list() -> String {
    EXAMPLES.to_owned()
}

/// Languages that mean "no highlighting": their blocks may be diagrams.
pub fn is_plain(lang: &str) -> bool {
    matches!(
        lang.to_ascii_lowercase().as_str(),
        "text" | "plain" | "plaintext" | "txt"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_are_case_insensitive() {
        assert!(is_known("js"));
        assert!(is_known("TypeScript"));
        assert!(!is_known("javascrpt"));
        assert!(is_plain("TEXT"));
        assert!(!is_plain("js"));
    }
}
