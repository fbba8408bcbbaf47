//! Which code languages a course may name (`lang = "..."` in quizzes, the
//! info string of a fenced block). Kept in one function so it can be swapped
//! for the highlighter's own answer (`crate::highlight::resolves`) once the
//! renderer lands, without touching the callers.

/// Languages the highlighter is known to resolve (plus plain-text names).
const KNOWN: &[&str] = &[
    "js",
    "javascript",
    "jsx",
    "mjs",
    "cjs",
    "ts",
    "typescript",
    "tsx",
    "json",
    "toml",
    "yaml",
    "yml",
    "bash",
    "sh",
    "shell",
    "console",
    "text",
    "plain",
    "plaintext",
    "txt",
    "html",
    "css",
    "sql",
    "diff",
    "markdown",
    "md",
];

/// True when `lang` (case-insensitive) names a language the renderer highlights.
pub fn is_known(lang: &str) -> bool {
    let lang = lang.to_ascii_lowercase();
    KNOWN.contains(&lang.as_str())
}

/// The accepted names, for error messages.
pub fn known_list() -> String {
    KNOWN.join(", ")
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
