//! Messages between the presenter and its notes followers: newline-delimited
//! JSON, one message per line. The presenter sends everything a follower
//! shows, so a follower needs no slide logic of its own.

use super::poll::answer_text;
use super::slides::{Slide, SlideKind};
use super::state::{Msg, State};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Longest line accepted from the other side; longer input drops the peer.
pub const MAX_LINE: usize = 1 << 20;

/// Presenter → follower.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ToFollower {
    /// Where the presentation is now.
    State(Box<Snapshot>),
    /// The presenter quit.
    Bye,
}

/// Follower → presenter (the clicker).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ToPresenter {
    Key { action: Action },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Next,
    Prev,
    Reveal,
    Blackout,
}

impl Action {
    pub fn from_msg(msg: Msg) -> Option<Action> {
        Some(match msg {
            Msg::Next => Action::Next,
            Msg::Prev => Action::Prev,
            Msg::Reveal => Action::Reveal,
            Msg::Blackout => Action::Blackout,
            _ => return None,
        })
    }

    pub fn to_msg(self) -> Msg {
        match self {
            Action::Next => Msg::Next,
            Action::Prev => Msg::Prev,
            Action::Reveal => Msg::Reveal,
            Action::Blackout => Msg::Blackout,
        }
    }
}

/// What the notes window shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Snapshot {
    pub course: String,
    pub lesson: String,
    /// 1-based slide number and deck size.
    pub slide: usize,
    pub slides: usize,
    pub title: String,
    /// 1-based reveal step and the slide's step count.
    pub step: usize,
    pub steps: usize,
    pub poll: bool,
    pub revealed: bool,
    pub blackout: bool,
    pub notes: Vec<String>,
    /// A poll's correct answer, for the speaker's eyes only.
    #[serde(default)]
    pub answer: Option<String>,
    pub next_title: Option<String>,
    pub next_lines: Vec<String>,
    /// Presentation time when this was sent, in milliseconds.
    pub elapsed_ms: u64,
}

impl Snapshot {
    pub fn of(course: &str, deck: &[Slide], state: &State, elapsed: Duration) -> Snapshot {
        let Some(slide) = deck.get(state.slide) else {
            return Snapshot {
                course: course.to_owned(),
                ..Snapshot::default()
            };
        };
        let next = deck.get(state.slide + 1);
        Snapshot {
            course: course.to_owned(),
            lesson: slide.lesson_title.clone(),
            slide: state.slide + 1,
            slides: deck.len(),
            title: slide.title(),
            step: state.step + 1,
            steps: slide.steps(),
            poll: slide.is_poll(),
            revealed: state.revealed,
            blackout: state.blackout,
            notes: slide.notes.clone(),
            answer: match &slide.kind {
                SlideKind::Poll { question, .. } => Some(answer_text(question)),
                _ => None,
            },
            next_title: next.map(Slide::title),
            next_lines: next.map(|s| s.preview(3)).unwrap_or_default(),
            elapsed_ms: u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
        }
    }
}

/// One message as a JSON line (with its newline).
pub fn encode<T: Serialize>(msg: &T) -> Vec<u8> {
    // Serialising these plain structs cannot fail; an empty line is ignored by readers.
    let mut line = serde_json::to_vec(msg).unwrap_or_default();
    line.push(b'\n');
    line
}

/// Splits complete lines off the front of `buf` and parses each; bad lines
/// are skipped (a newer peer may send messages this one does not know).
pub fn decode_lines<T: for<'de> Deserialize<'de>>(buf: &mut Vec<u8>) -> Vec<T> {
    let mut out = Vec::new();
    while let Some(end) = buf.iter().position(|b| *b == b'\n') {
        let line: Vec<u8> = buf.drain(..=end).collect();
        if let Ok(msg) = serde_json::from_slice::<T>(&line[..line.len() - 1]) {
            out.push(msg);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_as_json_lines() {
        let snap = Snapshot {
            course: "c".into(),
            slide: 3,
            slides: 9,
            notes: vec!["say hi".into()],
            ..Snapshot::default()
        };
        let mut buf = encode(&ToFollower::State(Box::new(snap.clone())));
        buf.extend(encode(&ToFollower::Bye));
        buf.extend(b"{\"type\":\"partial");
        let msgs: Vec<ToFollower> = decode_lines(&mut buf);
        assert_eq!(
            msgs,
            vec![ToFollower::State(Box::new(snap)), ToFollower::Bye]
        );
        assert_eq!(buf, b"{\"type\":\"partial");
        let key = encode(&ToPresenter::Key {
            action: Action::Next,
        });
        assert_eq!(key, b"{\"type\":\"key\",\"action\":\"next\"}\n");
    }

    #[test]
    fn garbage_lines_are_skipped() {
        let mut buf = b"not json\n\x1b[31m\n".to_vec();
        let msgs: Vec<ToPresenter> = decode_lines(&mut buf);
        assert!(msgs.is_empty() && buf.is_empty());
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_bytes_from_a_peer_decode_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
            let mut buf = bytes.clone();
            let _: Vec<ToFollower> = decode_lines(&mut buf);
            prop_assert!(!buf.contains(&b'\n'));
            let mut buf = bytes;
            let _: Vec<ToPresenter> = decode_lines(&mut buf);
        }
    }
}
