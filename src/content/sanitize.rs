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
/// is an ASCII control, a C1 control (`C2 80`..`C2 9F`) or one of the bidi
/// and format characters, whose UTF-8 forms start with `D8`, `E2` or `EF`;
/// those are told apart by their next bytes, so text is never decoded and
/// clean text is borrowed as it is. Sixteen bytes are looked at together
/// for a byte that may start one ([`may_start_unsafe`], which the compiler
/// turns into a few vector compares), and only such chunks byte by byte:
/// every lesson's text goes through here, a megabyte of it before a big
/// lesson's first frame, and arrows and emoji (`E2 ..`) are common in it.
fn needs_cleaning(s: &str, keep_newlines: bool) -> bool {
    if keep_newlines {
        scan::<true>(s.as_bytes())
    } else {
        scan::<false>(s.as_bytes())
    }
}

const CHUNK: usize = 16;
/// A chunk and the byte after it, which tells a lead byte of an unsafe
/// character from the same lead byte of a box-drawing one (`E2 94 ..`).
const WINDOW: usize = CHUNK + 1;

fn scan<const KEEP_NEWLINES: bool>(bytes: &[u8]) -> bool {
    let mut at = 0;
    while let Some(window) = bytes.get(at..at + WINDOW) {
        let window: &[u8; WINDOW] = window.try_into().unwrap_or(&[b' '; WINDOW]);
        if may_start_unsafe::<KEEP_NEWLINES>(window)
            && unsafe_byte_in(bytes, at..at + CHUNK, KEEP_NEWLINES)
        {
            return true;
        }
        at += CHUNK;
    }
    // The rest (a chunk at most), padded with spaces, which are safe.
    let tail = &bytes[at..];
    let mut padded = [b' '; WINDOW];
    padded[..tail.len()].copy_from_slice(tail);
    may_start_unsafe::<KEEP_NEWLINES>(&padded)
        && unsafe_byte_in(bytes, at..bytes.len(), KEEP_NEWLINES)
}

/// Whether any of the first sixteen bytes of `window` is a control
/// character (but a kept newline) or may start an unsafe multi-byte
/// character, judged by its next byte ([`unsafe_sequence`] looks at the
/// rest). No branch per byte, so that the compiler tests all sixteen at
/// once.
fn may_start_unsafe<const KEEP_NEWLINES: bool>(window: &[u8; WINDOW]) -> bool {
    let (chunk, next) = (&window[..CHUNK], &window[1..]);
    chunk.iter().zip(next).fold(false, |any, (&b, &n)| {
        let control = (b < 0x20) & !(KEEP_NEWLINES & (b == b'\n'));
        let c1 = (b == 0xc2) & (n & 0xe0 == 0x80); // n in 0x80..=0x9f
        let arabic_mark = (b == 0xd8) & (n == 0x9c);
        let punctuation = (b == 0xe2) & ((n == 0x80) | (n == 0x81));
        let specials = (b == 0xef) & ((n == 0xbb) | (n == 0xbf));
        any | control | (b == 0x7f) | c1 | arabic_mark | punctuation | specials
    })
}

/// Whether a character starting at one of the byte positions in `range`
/// is unsafe (it may end past the range).
fn unsafe_byte_in(bytes: &[u8], range: std::ops::Range<usize>, keep_newlines: bool) -> bool {
    range.into_iter().any(|i| match bytes[i] {
        b'\n' => !keep_newlines,
        0x00..=0x1f | 0x7f => true,
        0xc2 | 0xd8 | 0xe2 | 0xef => unsafe_sequence(bytes[i], bytes.get(i + 1..).unwrap_or(&[])),
        _ => false,
    })
}

/// Whether the character starting with `lead` (followed by `next`) is a C1
/// control or a bidi or format character of [`is_bidi_or_format`].
fn unsafe_sequence(lead: u8, next: &[u8]) -> bool {
    match (lead, next) {
        (0xc2, [0x80..=0x9f, ..]) => true,       // U+0080..U+009F
        (0xd8, [0x9c, ..]) => true,              // U+061C
        (0xe2, [0x80, 0x8e | 0x8f, ..]) => true, // U+200E, U+200F
        (0xe2, [0x80, 0xa8..=0xae, ..]) => true, // U+2028..U+202E
        (0xe2, [0x81, 0xa6..=0xa9, ..]) => true, // U+2066..U+2069
        (0xef, [0xbb, 0xbf, ..]) => true,        // U+FEFF
        (0xef, [0xbf, 0xb9..=0xbb, ..]) => true, // U+FFF9..U+FFFB
        _ => false,
    }
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
        fn the_byte_scan_agrees_with_the_char_check(keep in proptest::bool::ANY, s in "(\\PC|\\pC|[\u{7e}-\u{a0}\u{200d}-\u{2010}\u{2027}-\u{202f}\u{2065}-\u{206a}\u{61b}-\u{61d}\u{fefe}-\u{feff}\u{fff8}-\u{fffc}\u{ffff}\u{bf}\u{bbbf}])*") {
            let unsafe_char = |c: char| is_unsafe(c) && !(keep && c == '\n');
            proptest::prop_assert_eq!(needs_cleaning(&s, keep), s.chars().any(unsafe_char));
        }
    }

    #[test]
    fn the_byte_scan_knows_every_edge_of_every_range() {
        let edges = [
            0x1f, 0x20, 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0x61b, 0x61c, 0x61d, 0x200d, 0x200e, 0x200f,
            0x2010, 0x2027, 0x2028, 0x2029, 0x202a, 0x202e, 0x202f, 0x2065, 0x2066, 0x2069, 0x206a,
            0xfefe, 0xfeff, 0xfff8, 0xfff9, 0xfffb, 0xfffc,
        ];
        for c in edges.into_iter().filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(needs_cleaning(&s, true), is_unsafe(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn an_unsafe_character_is_found_after_any_run_of_ascii() {
        for at in 0..70 {
            for (c, unsafe_char) in [
                ('\u{1b}', true),
                ('\u{202e}', true),
                ('\n', false),
                ('é', false),
            ] {
                let s = format!("{}{c}{}", "x".repeat(at), "y".repeat(5));
                assert_eq!(needs_cleaning(&s, true), unsafe_char, "{c:?} at {at}");
            }
            let s = format!("{}\n", "x".repeat(at));
            assert!(needs_cleaning(&s, false), "newline at {at}");
        }
    }

    #[test]
    fn the_window_check_knows_every_byte_pair_at_every_position() {
        let candidate = |b: u8, n: u8, keep: bool| {
            (b < 0x20 && !(keep && b == b'\n'))
                || b == 0x7f
                || unsafe_sequence(b, &[n, 0x80, 0x80])
                || (b == 0xe2 && matches!(n, 0x80 | 0x81))
                || (b == 0xef && matches!(n, 0xbb | 0xbf))
        };
        for b in 0..=u8::MAX {
            for n in 0..=u8::MAX {
                for at in [0, 7, CHUNK - 1] {
                    let mut window = [b'a'; WINDOW];
                    window[at] = b;
                    window[at + 1] = n;
                    let found = (
                        may_start_unsafe::<true>(&window),
                        may_start_unsafe::<false>(&window),
                    );
                    // `n` may itself be a candidate, unless it is the byte after the chunk.
                    let n_alone = |keep| at + 1 < CHUNK && candidate(n, b'a', keep);
                    let expected = (
                        candidate(b, n, true) || n_alone(true),
                        candidate(b, n, false) || n_alone(false),
                    );
                    assert_eq!(found, expected, "{b:#04x} {n:#04x} at {at}");
                }
            }
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
