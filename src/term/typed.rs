//! Keys from raw terminal input read before crossterm's reader took over
//! (while the app waited for the terminal to answer a query): printable
//! characters, Enter, Tab, Backspace, Esc, the arrows, Home/End, Page Up/
//! Down and Ctrl+letter. Anything else (a mouse report, an unknown
//! sequence) is dropped, never turned into a wrong key.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn keys_in(bytes: &[u8]) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (key, used) = next_key(&bytes[i..]);
        keys.extend(key);
        i += used.max(1);
    }
    keys
}

fn plain(code: KeyCode) -> Option<KeyEvent> {
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The key at the start of `bytes` (if any) and how many bytes it took.
fn next_key(bytes: &[u8]) -> (Option<KeyEvent>, usize) {
    match bytes[0] {
        b'\r' | b'\n' => (plain(KeyCode::Enter), 1),
        b'\t' => (plain(KeyCode::Tab), 1),
        0x7f | 0x08 => (plain(KeyCode::Backspace), 1),
        0x1b => escape(bytes),
        b @ 0x01..=0x1a => {
            let letter = char::from(b'a' + b - 1);
            let key = KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL);
            (Some(key), 1)
        }
        0x00..=0x1f => (None, 1),
        _ => utf8_char(bytes),
    }
}

fn utf8_char(bytes: &[u8]) -> (Option<KeyEvent>, usize) {
    let len = match bytes[0] {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    };
    let text = bytes.get(..len).and_then(|b| std::str::from_utf8(b).ok());
    let key = text
        .and_then(|t| t.chars().next())
        .and_then(|c| plain(KeyCode::Char(c)));
    (key, len)
}

/// `ESC` alone, `ESC [ …` (CSI) or `ESC O x` (SS3).
fn escape(bytes: &[u8]) -> (Option<KeyEvent>, usize) {
    match bytes.get(1) {
        None => (plain(KeyCode::Esc), 1),
        Some(b'O') => match bytes.get(2) {
            Some(&last) => (cursor_key(last), 3),
            None => (None, 2),
        },
        Some(b'[') => {
            // Parameters and intermediates, then one final byte 0x40..=0x7e.
            let body = &bytes[2..];
            match body.iter().position(|b| (0x40..=0x7e).contains(b)) {
                Some(end) => (csi_key(&body[..end], body[end]), 2 + end + 1),
                None => (None, bytes.len()),
            }
        }
        Some(_) => (plain(KeyCode::Esc), 1),
    }
}

fn cursor_key(last: u8) -> Option<KeyEvent> {
    plain(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        _ => return None,
    })
}

fn csi_key(params: &[u8], last: u8) -> Option<KeyEvent> {
    match (params, last) {
        ([], _) => cursor_key(last),
        (b"5", b'~') => plain(KeyCode::PageUp),
        (b"6", b'~') => plain(KeyCode::PageDown),
        (b"1" | b"7", b'~') => plain(KeyCode::Home),
        (b"4" | b"8", b'~') => plain(KeyCode::End),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(bytes: &[u8]) -> Vec<KeyCode> {
        keys_in(bytes).into_iter().map(|k| k.code).collect()
    }

    #[test]
    fn common_keys() {
        assert_eq!(
            codes(b"j]\r\x1b[B\x1bOA\x1b[6~q"),
            vec![
                KeyCode::Char('j'),
                KeyCode::Char(']'),
                KeyCode::Enter,
                KeyCode::Down,
                KeyCode::Up,
                KeyCode::PageDown,
                KeyCode::Char('q'),
            ]
        );
        assert_eq!(codes("é".as_bytes()), vec![KeyCode::Char('é')]);
        assert_eq!(codes(b"\x1b"), vec![KeyCode::Esc]);
        let ctrl_c = keys_in(b"\x03");
        assert_eq!(ctrl_c[0].code, KeyCode::Char('c'));
        assert_eq!(ctrl_c[0].modifiers, KeyModifiers::CONTROL);
    }

    #[test]
    fn unknown_sequences_are_dropped_not_misread() {
        // A mouse report and an unknown CSI: nothing, and what follows survives.
        assert_eq!(
            codes(b"\x1b[<0;3;4Mx\x1b[99zy"),
            vec![KeyCode::Char('x'), KeyCode::Char('y')]
        );
        assert_eq!(codes(b"\x1b["), Vec::<KeyCode>::new());
        assert_eq!(codes(b"\xff\xfe"), Vec::<KeyCode>::new());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let _ = keys_in(&bytes);
        }
    }
}
