//! Light or dark: which theme suits the terminal's background, for when
//! neither `--theme` nor `config.toml` says.
//!
//! The first guess is `COLORFGBG` (rxvt, Konsole), else dark, so the first
//! frame never waits. The terminal is then asked: [`QUERY`] goes out in the
//! same write as the first frame, and [`read_reply`] reads the answer
//! before anything else reads input (so it is never taken for keys). If
//! the terminal says otherwise, the app switches theme and redraws.

use super::input::{InputWatch, Wait};
use crate::theme::ThemeName;
use std::time::{Duration, Instant};

/// The background colour (OSC 11), then the device attributes (DA1), which
/// every terminal answers, in that order: DA1's answer ends the wait
/// whether or not the terminal knows OSC 11.
pub const QUERY: &[u8] = b"\x1b]11;?\x1b\\\x1b[c";

/// The longest wait for the answers (a terminal that answers nothing at
/// all, a slow SSH link); a local terminal answers in well under 1 ms.
pub const REPLY_TIMEOUT: Duration = Duration::from_millis(150);

/// The guess before asking: `COLORFGBG`, else dark.
pub fn first_guess() -> ThemeName {
    from_colorfgbg(std::env::var("COLORFGBG").ok().as_deref())
}

/// `COLORFGBG` is `fg;bg` (or `fg;default;bg`) in palette numbers: 7 and
/// 9–15 are light backgrounds.
fn from_colorfgbg(value: Option<&str>) -> ThemeName {
    let background = value.and_then(|v| v.rsplit(';').next()?.parse::<u8>().ok());
    match background {
        Some(7 | 9..=15) => ThemeName::Light,
        _ => ThemeName::Dark,
    }
}

/// What came back: the theme the background colour calls for (`None`:
/// the terminal did not say) and whatever else was read meanwhile (keys
/// typed in that instant, to be handled next), in order.
#[derive(Debug, Default, PartialEq)]
pub struct Reply {
    pub theme: Option<ThemeName>,
    pub typed: Vec<u8>,
}

/// Reads the answers to [`QUERY`], for up to `timeout`.
pub fn read_reply(input: &InputWatch, timeout: Duration) -> Reply {
    let deadline = Instant::now() + timeout;
    let mut bytes = Vec::new();
    loop {
        if let Some(reply) = parse_reply(&bytes) {
            return reply;
        }
        let ready = deadline
            .checked_duration_since(Instant::now())
            .is_some_and(|left| input.wait(left) == Wait::Ready);
        let mut chunk = [0u8; 256];
        let read = match ready && bytes.len() <= 4096 {
            true => input.read(&mut chunk).unwrap_or(0),
            false => 0,
        };
        if read == 0 {
            return Reply {
                theme: None,
                typed: bytes,
            };
        }
        bytes.extend_from_slice(&chunk[..read]);
    }
}

/// `None` until the DA1 answer (`ESC [ ? … c`) is in; then the theme for
/// the OSC 11 answer before it (`ESC ] 11 ; rgb:R/G/B`, ended by BEL or
/// `ESC \`), if there was one, and every other byte.
fn parse_reply(bytes: &[u8]) -> Option<Reply> {
    let da1 = find(bytes, b"\x1b[?")?;
    let rest = &bytes[da1 + 3..];
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_digit() || *b == b';'))?;
    let after = da1 + 3 + end + 1;
    let before = &bytes[..da1];
    let (theme, mut typed) = match osc11(before) {
        Some((span, spec)) => {
            let mut typed = before[..span.start].to_vec();
            typed.extend_from_slice(&before[span.end..]);
            (theme_for(spec), typed)
        }
        None => (None, before.to_vec()),
    };
    typed.extend_from_slice(&bytes[after..]);
    Some(Reply { theme, typed })
}

/// The OSC 11 answer in `bytes`: where it is, and its colour spec.
fn osc11(bytes: &[u8]) -> Option<(std::ops::Range<usize>, &str)> {
    let start = find(bytes, b"\x1b]11;")?;
    let body = &bytes[start + 5..];
    let (stop, terminator) = match body.iter().position(|&b| b == 0x07 || b == 0x1b) {
        Some(i) if body[i] == 0x1b && body.get(i + 1) == Some(&b'\\') => (i, 2),
        Some(i) => (i, 1),
        None => (body.len(), 0),
    };
    let spec = std::str::from_utf8(&body[..stop]).unwrap_or("");
    Some((start..start + 5 + stop + terminator, spec))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `rgb:RRRR/GGGG/BBBB` (1 to 4 hex digits each) → light when its
/// luminance is over one half.
fn theme_for(spec: &str) -> Option<ThemeName> {
    let channels = spec.strip_prefix("rgb:")?;
    let mut values = channels.split('/').map(|hex| {
        let max = 16f64.powi(i32::try_from(hex.len()).ok()?) - 1.0;
        let value = u32::from_str_radix(hex, 16).ok()?;
        (1..=4).contains(&hex.len()).then(|| f64::from(value) / max)
    });
    let (r, g, b) = (values.next()??, values.next()??, values.next()??);
    let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    Some(if luminance > 0.5 {
        ThemeName::Light
    } else {
        ThemeName::Dark
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg() {
        assert_eq!(from_colorfgbg(Some("0;15")), ThemeName::Light);
        assert_eq!(from_colorfgbg(Some("0;default;7")), ThemeName::Light);
        assert_eq!(from_colorfgbg(Some("15;0")), ThemeName::Dark);
        assert_eq!(from_colorfgbg(Some("garbage")), ThemeName::Dark);
        assert_eq!(from_colorfgbg(None), ThemeName::Dark);
    }

    fn theme(bytes: &[u8]) -> Option<Option<ThemeName>> {
        parse_reply(bytes).map(|r| r.theme)
    }

    #[test]
    fn replies() {
        let light = b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c";
        assert_eq!(theme(light), Some(Some(ThemeName::Light)));
        let dark_bel = b"\x1b]11;rgb:1e/1e/2e\x07\x1b[?1;2c";
        assert_eq!(theme(dark_bel), Some(Some(ThemeName::Dark)));
        // No OSC 11 support: DA1 alone ends the wait.
        assert_eq!(theme(b"\x1b[?6c"), Some(None));
        // Not complete yet.
        assert_eq!(theme(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"), None);
        assert_eq!(theme(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62"), None);
        // Nonsense answers give no theme, and never panic.
        assert_eq!(theme(b"\x1b]11;rgb:zz/1/\x1b\\\x1b[?c"), Some(None));
        assert_eq!(theme(b"\x1b]11;rgb:12345/0/0\x07\x1b[?c"), Some(None));
        assert_eq!(theme(b"\x1b]11;\x1b[?c"), Some(None));
    }

    #[test]
    fn keys_typed_around_the_answers_are_kept_in_order() {
        let bytes = b"j\x1b]11;rgb:0/0/0\x1b\\k\x1b[?62c]";
        let reply = parse_reply(bytes).expect("complete");
        assert_eq!(reply.theme, Some(ThemeName::Dark));
        assert_eq!(reply.typed, b"jk]");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_parse_without_panicking(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let _ = parse_reply(&bytes);
        }
    }
}
