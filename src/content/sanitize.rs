//! Neutralises untrusted text before it enters the model: no C0/C1 control
//! character, ESC, DEL or bidi override/isolate from course files may ever reach
//! the terminal. Each is replaced by a visible placeholder (`^[` for ESC, U+FFFD
//! otherwise), so an author sees that something was there.
//!
//! `\n` is kept only where the caller allows multi-line text (code, notes);
//! tabs are expanded to spaces (to the next multiple of [`TAB_WIDTH`] in code).

use std::borrow::Cow;

pub const TAB_WIDTH: usize = 4;

/// Bidirectional formatting characters that can reorder what a reader sees
/// (the "Trojan Source" set) plus other invisible format controls.
fn is_bidi_or_format(c: char) -> bool {
    matches!(c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'
        | '\u{061C}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}' | '\u{FFF9}'..='\u{FFFB}')
}

/// True for any character that must not be written to a terminal as-is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_or_format(c)
}

fn placeholder(c: char) -> &'static str {
    if c == '\u{1b}' {
        "^["
    } else {
        "\u{FFFD}"
    }
}

/// One line of prose: tabs and newlines become spaces, everything unsafe a placeholder.
pub fn inline(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Multi-line text (code, notes): newlines kept (CRLF normalised), tabs expanded per line.
pub fn multiline(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// Whether `clean` has anything to change: `s.chars().any(is_unsafe)`
/// (except `\n` where newlines are kept), on bytes. Every unsafe character
/// is an ASCII control, a C1 control (`C2 80`..`C2 9F`) or starts with one
/// of the lead bytes of the bidi and format characters, so most text is
/// never decoded, and clean text is borrowed as it is.
fn needs_cleaning(s: &str, keep_newlines: bool) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' => !keep_newlines,
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xd8 | 0xe2 | 0xef => s[i..].chars().next().is_some_and(is_unsafe),
        _ => false,
    })
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !needs_cleaning(s, keep_newlines) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' if keep_newlines => {
                out.push('\n');
                col = 0;
            }
            '\n' | '\r' => {
                out.push(' ');
                col += 1;
            }
            '\t' if keep_newlines => {
                let n = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\t' => {
                out.push(' ');
                col += 1;
            }
            c if is_unsafe(c) => {
                let p = placeholder(c);
                out.push_str(p);
                col += p.chars().count();
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_byte_scan_agrees_with_the_char_check(keep in proptest::bool::ANY, s in "(\\PC|\\pC|[\u{80}-\u{9f}\u{200e}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{61c}\u{feff}\u{fff9}-\u{fffb}\u{2028}])*") {
            let unsafe_char = |c: char| is_unsafe(c) && !(keep && c == '\n');
            proptest::prop_assert_eq!(needs_cleaning(&s, keep), s.chars().any(unsafe_char));
        }
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        assert!(matches!(inline("héllo 🛠️ 世界"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(inline("a\u{1b}[31mred"), "a^[[31mred");
        assert_eq!(inline("bell\u{7}"), "bell\u{FFFD}");
        assert_eq!(inline("c1\u{9b}31m"), "c1\u{FFFD}31m");
        assert_eq!(inline("del\u{7f}"), "del\u{FFFD}");
    }

    #[test]
    fn bidi_overrides_are_replaced() {
        assert_eq!(inline("a\u{202E}b\u{2066}c"), "a\u{FFFD}b\u{FFFD}c");
    }

    #[test]
    fn multiline_keeps_lines_and_expands_tabs_to_columns() {
        assert_eq!(multiline("a\tb\r\n\tc"), "a   b\n    c");
        assert_eq!(inline("a\tb\nc"), "a b c");
    }

    #[test]
    fn nothing_unsafe_survives() {
        let all: String = (0u32..0x300).filter_map(char::from_u32).collect();
        for out in [inline(&all), multiline(&all)] {
            assert!(!out.chars().any(|c| is_unsafe(c) && c != '\n'));
        }
    }
}
