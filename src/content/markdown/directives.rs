//! Lesson directives: HTML comments, so a lesson still reads well on GitHub.
//!
//! - `<!-- pause -->`: a reveal step for the projector;
//! - `<!-- notes: ... -->`: speaker notes (may span lines);
//! - `<!-- compare -->` … `<!-- /compare -->`: exactly two fenced blocks, side by side;
//! - `<!-- since: 2026-12 source=https://... -->` … `<!-- /since -->`: a dated
//!   "then and now" note around blocks.
//!
//! Any other comment is dropped. This module only recognises them; the
//! builder decides what they do to the block structure.

/// One piece of an HTML block: a comment, or anything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// `<!-- body -->`, starting at byte `start` of the scanned text.
    Comment { start: usize, body: &'a str },
    /// A `<!--` with no `-->` after it.
    Unclosed { start: usize },
    /// Other HTML (or text) between comments.
    Html { start: usize, text: &'a str },
}

/// Splits HTML block text into comments and the rest.
pub(super) fn scan(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(open) = text[pos..].find("<!--").map(|i| pos + i) else {
            out.push(Piece::Html {
                start: pos,
                text: &text[pos..],
            });
            break;
        };
        if open > pos {
            out.push(Piece::Html {
                start: pos,
                text: &text[pos..open],
            });
        }
        let body_start = open + 4;
        match text[body_start..].find("-->") {
            Some(i) => {
                out.push(Piece::Comment {
                    start: open,
                    body: &text[body_start..body_start + i],
                });
                pos = body_start + i + 3;
            }
            None => {
                out.push(Piece::Unclosed { start: open });
                break;
            }
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Directive {
    Pause,
    Notes(String),
    CompareOpen,
    CompareClose,
    /// A `since` opener; `problems` lists what is missing or malformed.
    SinceOpen {
        date: String,
        source: String,
        problems: Vec<String>,
    },
    SinceClose,
    /// An ordinary comment: dropped.
    Comment,
}

/// What a comment body means.
pub(super) fn classify(body: &str) -> Directive {
    let trimmed = body.trim();
    let (word, rest) = match trimmed.find([':', ' ', '\n', '\t']) {
        Some(i) => (&trimmed[..i], trimmed[i..].strip_prefix(':')),
        None => (trimmed, None),
    };
    match (word.to_ascii_lowercase().as_str(), rest) {
        ("pause", None) if trimmed.len() == 5 => Directive::Pause,
        ("notes", Some(text)) => Directive::Notes(dedent(text)),
        ("compare", None) if trimmed.len() == 7 => Directive::CompareOpen,
        ("/compare", None) if trimmed.len() == 8 => Directive::CompareClose,
        ("/since", None) if trimmed.len() == 6 => Directive::SinceClose,
        ("since", Some(args)) => since(args),
        ("since", None) if trimmed.len() == 5 => since(""),
        _ => Directive::Comment,
    }
}

/// For an ordinary comment whose first word is one or two edits away from a
/// directive (`<!-- puase -->`, `<!-- note: -->`), the directive it resembles.
pub(super) fn misspelt(body: &str) -> Option<&'static str> {
    let word = body
        .trim()
        .split([':', ' ', '\n', '\t'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let word = word.trim_start_matches('/');
    if word.len() < 4 || word.len() > 10 {
        return None;
    }
    ["pause", "notes", "compare", "since"]
        .into_iter()
        .find(|name| (1..=2).contains(&edit_distance(word, name)))
}

/// Levenshtein distance from `a` to `name`, a directive's name (ASCII,
/// shorter than [`NAME_ROOM`]), kept in two rows on the stack: every
/// comment of every lesson is measured against four names before the
/// first frame, and a row allocated per character cost a quarter of
/// loading the course.
fn edit_distance(a: &str, name: &str) -> usize {
    let name = &name.as_bytes()[..name.len().min(NAME_ROOM - 1)];
    let mut prev = [0; NAME_ROOM];
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, ca) in a.chars().enumerate() {
        let mut cur = [0; NAME_ROOM];
        cur[0] = i + 1;
        for (j, &cb) in name.iter().enumerate() {
            let cost = usize::from(ca != char::from(cb));
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[name.len()]
}

/// Room in [`edit_distance`]'s rows: more than the longest directive name.
const NAME_ROOM: usize = 16;

/// Notes text: each line trimmed, blank lines at both ends dropped.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines.join("\n").trim().to_owned()
}

/// `2026-12 source=https://...` (the source may be quoted).
fn since(args: &str) -> Directive {
    let mut date = String::new();
    let mut source = String::new();
    let mut problems = Vec::new();
    for tok in args.split_whitespace() {
        if let Some(v) = tok.strip_prefix("source=") {
            source = v.trim_matches('"').to_owned();
        } else if date.is_empty() && !tok.contains('=') {
            date = tok.to_owned();
        } else {
            problems.push(format!(
                "unexpected `{tok}` in a since note (expected `<!-- since: YYYY-MM source=URL -->`)"
            ));
        }
    }
    if date.is_empty() {
        problems.push(
            "a since note needs the date it was checked: `<!-- since: YYYY-MM source=URL -->`"
                .to_owned(),
        );
    } else if !is_date(&date) {
        problems.push(format!(
            "since note date `{date}` is not YYYY-MM or YYYY-MM-DD"
        ));
    }
    if source.is_empty() {
        problems
            .push("a since note needs its source: `<!-- since: YYYY-MM source=URL -->`".to_owned());
    } else if !(source.starts_with("https://") || source.starts_with("http://")) {
        problems.push(format!(
            "since note source `{source}` is not a URL (http:// or https://)"
        ));
    }
    Directive::SinceOpen {
        date,
        source,
        problems,
    }
}

/// `YYYY-MM` or `YYYY-MM-DD` with a real month (and day 1–31).
fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    let in_range = |p: &str, hi: u32| p.parse::<u32>().is_ok_and(|n| (1..=hi).contains(&n));
    match parts.as_slice() {
        [y, m] => num(y, 4) && num(m, 2) && in_range(m, 12),
        [y, m, d] => num(y, 4) && num(m, 2) && num(d, 2) && in_range(m, 12) && in_range(d, 31),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_splits_comments_from_html() {
        let pieces = scan("<!-- a --><b>x</b>\n<!-- b");
        assert_eq!(
            pieces,
            vec![
                Piece::Comment {
                    start: 0,
                    body: " a "
                },
                Piece::Html {
                    start: 10,
                    text: "<b>x</b>\n"
                },
                Piece::Unclosed { start: 19 },
            ]
        );
    }

    #[test]
    fn classify_each_directive() {
        assert_eq!(classify(" pause "), Directive::Pause);
        assert_eq!(classify(" pauses "), Directive::Comment);
        assert_eq!(
            classify(" notes: first\n   second\n"),
            Directive::Notes("first\nsecond".into())
        );
        assert_eq!(classify("compare"), Directive::CompareOpen);
        assert_eq!(classify(" /compare "), Directive::CompareClose);
        assert_eq!(classify(" /since "), Directive::SinceClose);
        assert_eq!(classify(" a plain remark "), Directive::Comment);
    }

    #[test]
    fn edit_distances_count_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("pause", "pause"), 0);
        assert_eq!(edit_distance("puase", "pause"), 2);
        assert_eq!(edit_distance("note", "notes"), 1);
        assert_eq!(edit_distance("notess", "notes"), 1);
        assert_eq!(edit_distance("comapre", "compare"), 2);
        assert_eq!(edit_distance("", "since"), 5);
        assert_eq!(edit_distance("sínce", "since"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn misspelt_directives_are_recognised() {
        assert_eq!(misspelt(" puase "), Some("pause"));
        assert_eq!(misspelt(" note: hello "), Some("notes"));
        assert_eq!(misspelt(" /comapre "), Some("compare"));
        assert_eq!(misspelt(" TODO: fix this "), None);
        assert_eq!(misspelt(" pause "), None);
        assert_eq!(misspelt(" a "), None);
    }

    #[test]
    fn since_needs_a_date_and_a_source() {
        assert_eq!(
            classify(" since: 2026-12 source=https://vercel.com/docs "),
            Directive::SinceOpen {
                date: "2026-12".into(),
                source: "https://vercel.com/docs".into(),
                problems: vec![]
            }
        );
        let Directive::SinceOpen { problems, .. } = classify(" since: ") else {
            panic!("not a since")
        };
        assert_eq!(problems.len(), 2);
        let Directive::SinceOpen { problems, .. } = classify("since: 2026-13 source=vercel.com")
        else {
            panic!("not a since")
        };
        assert_eq!(
            problems,
            vec![
                "since note date `2026-13` is not YYYY-MM or YYYY-MM-DD".to_owned(),
                "since note source `vercel.com` is not a URL (http:// or https://)".to_owned()
            ]
        );
        assert!(is_date("2026-12-04"));
        assert!(!is_date("26-12"));
    }
}
