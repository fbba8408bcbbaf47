//! Fenced and indented code blocks: the info string
//! (```` ```js fails title="Starts a server" lines=2,4-5 ````) and the
//! diagram detection (box-drawing characters in a plain block).

use crate::content::lang;
use crate::content::model::{CodeBlock, Verdict};
use crate::content::sanitize;
use std::borrow::Cow;

/// What the info string says, plus what was wrong with it.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Info {
    pub lang: Option<String>,
    pub verdict: Option<Verdict>,
    pub title: Option<String>,
    /// The raw `lines=` value and its byte position in the info string,
    /// checked against the code once it is known.
    pub lines: Option<(String, usize)>,
    /// Each problem with the byte position in the info string it is about.
    pub problems: Vec<(usize, String)>,
}

/// Splits on whitespace outside double quotes; each token with its byte position.
fn tokens(info: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in info.char_indices() {
        if c.is_whitespace() && !quoted {
            if !cur.is_empty() {
                out.push((start, std::mem::take(&mut cur)));
            }
            continue;
        }
        if cur.is_empty() {
            start = i;
        }
        if c == '"' {
            quoted = !quoted;
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push((start, cur));
    }
    out
}

fn unquote(v: &str) -> &str {
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(v)
}

pub(super) fn parse_info(info: &str) -> Info {
    let mut out = Info::default();
    for (i, (at, tok)) in tokens(info).iter().enumerate() {
        match tok.split_once('=') {
            None if tok == "fails" || tok == "works" => {
                out.verdict = Some(if tok == "fails" {
                    Verdict::Fails
                } else {
                    Verdict::Works
                });
            }
            None if i == 0 => out.lang = Some(sanitize::inline(tok).into_owned()),
            Some(("title", v)) => out.title = Some(sanitize::inline(unquote(v)).into_owned()),
            Some(("lines", v)) => out.lines = Some((unquote(v).to_owned(), *at)),
            _ => out.problems.push((*at, format!(
                "unknown code attribute `{}` (expected a language first, then `fails` or `works`, `title=\"...\"`, `lines=2,4-5`)",
                sanitize::inline(tok)
            ))),
        }
    }
    if let Some(l) = &out.lang {
        if !lang::is_known(l) {
            out.problems.push((
                0,
                format!(
                    "unknown language `{l}` for the highlighter (try {})",
                    lang::known_list()
                ),
            ));
        }
    }
    out
}

/// Parses `2,4-5` into sorted, unique 1-based lines no greater than `max`.
/// Errors name the first bad part.
pub fn parse_line_list(spec: &str, max: usize) -> Result<Vec<usize>, String> {
    let mut lines = Vec::new();
    for part in spec.split(',').map(str::trim) {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (part, part),
        };
        let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
            return Err(format!(
                "`lines={spec}` is not a list of line numbers like `2,4-5`"
            ));
        };
        if a == 0 || b < a {
            return Err(format!(
                "`lines={spec}`: `{part}` is not a valid line range"
            ));
        }
        if b > max {
            return Err(format!(
                "`lines={spec}`: line {b} is outside the snippet ({max} lines)"
            ));
        }
        lines.extend(a..=b);
    }
    lines.sort_unstable();
    lines.dedup();
    Ok(lines)
}

/// Byte offset in `text` of the info string on the fence line starting at `fence`.
pub(super) fn info_offset(text: &str, fence: usize, info: Option<&str>) -> Option<usize> {
    let info = info.filter(|i| !i.is_empty())?;
    let rest = text.get(fence..)?;
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    line.find(info).map(|i| fence + i)
}

fn has_box_drawing(code: &str) -> bool {
    code.chars().any(|c| {
        matches!(
            c,
            '\u{2500}'..='\u{259F}' | '\u{25B2}' | '\u{25BC}' | '\u{25B6}' | '\u{25C0}'
        )
    })
}

/// Builds the model's code block; returns it with the problems found, each
/// with its byte position in the info string.
pub(super) fn build_code(
    info: Option<&str>,
    mut code: String,
    line: usize,
) -> (CodeBlock, Vec<(usize, String)>) {
    let info = parse_info(info.unwrap_or(""));
    let mut problems = info.problems;
    if code.ends_with('\n') {
        code.pop();
    }
    // Clean code (nearly all of it) is kept as it came, not copied.
    if let Cow::Owned(cleaned) = sanitize::multiline(&code) {
        code = cleaned;
    }
    let marked_lines = match &info.lines {
        Some((spec, at)) => parse_line_list(spec, code.lines().count()).unwrap_or_else(|e| {
            problems.push((*at, e));
            Vec::new()
        }),
        None => Vec::new(),
    };
    let plain = info.lang.as_deref().is_none_or(lang::is_plain);
    let block = CodeBlock {
        diagram: plain && has_box_drawing(&code),
        lang: info.lang,
        code,
        title: info.title,
        verdict: info.verdict,
        marked_lines,
        line,
    };
    (block, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_string_with_every_attribute() {
        let info = parse_info(r#"js fails title="Starts a server" lines=2,4-5"#);
        assert_eq!(info.lang.as_deref(), Some("js"));
        assert_eq!(info.verdict, Some(Verdict::Fails));
        assert_eq!(info.title.as_deref(), Some("Starts a server"));
        assert_eq!(info.lines, Some(("2,4-5".to_owned(), 33)));
        assert!(info.problems.is_empty());
    }

    #[test]
    fn unknown_attribute_and_language_are_problems() {
        let info = parse_info("javascrpt wroks");
        assert_eq!(info.problems.len(), 2, "{:?}", info.problems);
        assert_eq!(info.problems[0].0, 10);
        assert!(info.problems[0]
            .1
            .starts_with("unknown code attribute `wroks`"));
        assert!(info.problems[1]
            .1
            .starts_with("unknown language `javascrpt`"));
    }

    #[test]
    fn line_lists_expand_ranges_and_check_bounds() {
        assert_eq!(parse_line_list("2,4-5", 5), Ok(vec![2, 4, 5]));
        assert_eq!(parse_line_list("3, 1", 5), Ok(vec![1, 3]));
        assert_eq!(
            parse_line_list("7", 3),
            Err("`lines=7`: line 7 is outside the snippet (3 lines)".into())
        );
        assert!(parse_line_list("0", 3).is_err());
        assert!(parse_line_list("a", 3).is_err());
        assert!(parse_line_list("1-999999999999", 3).is_err());
    }

    #[test]
    fn plain_blocks_with_box_drawing_are_diagrams() {
        let (b, p) = build_code(None, "┌─┐\n└─┘\n".into(), 3);
        assert!(b.diagram && p.is_empty());
        assert_eq!(b.code, "┌─┐\n└─┘");
        assert_eq!(b.line, 3);
        let (b, _) = build_code(Some("text"), "┌─┐\n".into(), 1);
        assert!(b.diagram);
        let (b, _) = build_code(Some("js"), "// ┌─┐\n".into(), 1);
        assert!(!b.diagram);
    }

    #[test]
    fn code_is_sanitised_and_tabs_expanded() {
        let (b, _) = build_code(Some("js"), "\ta\u{1b}[2J\n".into(), 1);
        assert_eq!(b.code, "    a^[[2J");
    }
}
