//! The presenter's state and its pure `update`: navigation, reveal steps,
//! poll reveal and countdown, blackout, help, footer, zoom and scroll.
//! Time comes in as `now` (time since the presentation started), so the
//! whole thing is testable without a clock.

use super::slides::Slide;
use std::time::Duration;

/// Default length of the poll countdown (`c`).
pub const COUNTDOWN: Duration = Duration::from_secs(30);
/// Zoom steps each way; each step changes the column by [`ZOOM_STEP`] cells.
pub const ZOOM_LIMIT: i8 = 6;
pub const ZOOM_STEP: i16 = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub slide: usize,
    /// 0-based reveal step within the slide.
    pub step: usize,
    /// The current poll's answer is shown.
    pub revealed: bool,
    /// When the running countdown reaches zero (time since start).
    pub countdown_until: Option<Duration>,
    pub blackout: bool,
    pub help: bool,
    pub footer: bool,
    pub zoom: i8,
    /// Rows scrolled down in the slide body (a too-tall code pane).
    pub scroll: u16,
    /// Digits typed after `g`, waiting for Enter.
    pub goto: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Next,
    Prev,
    First,
    Last,
    /// `g`: start typing a slide number.
    GotoStart,
    GotoDigit(u8),
    GotoBackspace,
    GotoConfirm,
    GotoCancel,
    Blackout,
    Help,
    Footer,
    ZoomIn,
    ZoomOut,
    ScrollUp,
    ScrollDown,
    Reveal,
    Countdown,
    /// Time passed (drives the countdown).
    Tick,
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The slide, step or reveal changed: tell the followers.
    Moved,
    Quit,
}

impl State {
    /// A presentation at slide `start` (clamped to the deck).
    pub fn new(start: usize, deck_len: usize) -> Self {
        State {
            slide: start.min(deck_len.saturating_sub(1)),
            step: 0,
            revealed: false,
            countdown_until: None,
            blackout: false,
            help: false,
            footer: true,
            zoom: 0,
            scroll: 0,
            goto: None,
        }
    }

    /// Seconds left on the countdown, rounded up.
    pub fn countdown_left(&self, now: Duration) -> Option<u64> {
        self.countdown_until
            .map(|end| end.saturating_sub(now).as_millis().div_ceil(1000) as u64)
    }
}

/// Applies one message. `now` is the time since the presentation started.
pub fn update(state: &mut State, deck: &[Slide], msg: Msg, now: Duration) -> Vec<Effect> {
    if deck.is_empty() {
        return if msg == Msg::Quit {
            vec![Effect::Quit]
        } else {
            Vec::new()
        };
    }
    if state.goto.is_some() && !is_goto_msg(msg) && msg != Msg::Tick {
        state.goto = None;
    }
    let before = (state.slide, state.step, state.revealed);
    match msg {
        Msg::Next => next(state, deck),
        Msg::Prev => prev(state, deck),
        Msg::First => go_to(state, 0),
        Msg::Last => go_to(state, deck.len() - 1),
        Msg::GotoStart => state.goto = Some(String::new()),
        Msg::GotoDigit(d) => {
            if let Some(g) = &mut state.goto {
                if g.len() < 6 {
                    g.push(char::from(b'0' + d.min(9)));
                }
            }
        }
        Msg::GotoBackspace => {
            if let Some(g) = &mut state.goto {
                g.pop();
            }
        }
        Msg::GotoConfirm => {
            let target = state.goto.take().and_then(|g| g.parse::<usize>().ok());
            if let Some(n) = target.filter(|n| *n >= 1) {
                go_to(state, (n - 1).min(deck.len() - 1));
            }
        }
        Msg::GotoCancel => state.goto = None,
        Msg::Blackout => state.blackout = !state.blackout,
        Msg::Help => state.help = !state.help,
        Msg::Footer => state.footer = !state.footer,
        Msg::ZoomIn => state.zoom = (state.zoom + 1).min(ZOOM_LIMIT),
        Msg::ZoomOut => state.zoom = (state.zoom - 1).max(-ZOOM_LIMIT),
        Msg::ScrollUp => state.scroll = state.scroll.saturating_sub(1),
        // The view clamps the scroll to what overflows.
        Msg::ScrollDown => state.scroll = state.scroll.saturating_add(1),
        Msg::Reveal => {
            if deck[state.slide].is_poll() {
                state.revealed = !state.revealed;
                state.countdown_until = None;
            }
        }
        Msg::Countdown => {
            if deck[state.slide].is_poll() && !state.revealed {
                state.countdown_until = match state.countdown_until {
                    Some(_) => None,
                    None => Some(now + COUNTDOWN),
                };
            }
        }
        Msg::Tick => {
            if state.countdown_until.is_some_and(|end| now >= end) {
                state.countdown_until = None;
                state.revealed = true;
            }
        }
        Msg::Quit => return vec![Effect::Quit],
    }
    if (state.slide, state.step, state.revealed) != before {
        vec![Effect::Moved]
    } else {
        Vec::new()
    }
}

fn is_goto_msg(msg: Msg) -> bool {
    matches!(
        msg,
        Msg::GotoStart
            | Msg::GotoDigit(_)
            | Msg::GotoBackspace
            | Msg::GotoConfirm
            | Msg::GotoCancel
    )
}

fn next(state: &mut State, deck: &[Slide]) {
    if state.blackout {
        state.blackout = false;
        return;
    }
    if state.step + 1 < deck[state.slide].steps() {
        state.step += 1;
        state.scroll = 0;
    } else if state.slide + 1 < deck.len() {
        go_to(state, state.slide + 1);
    }
}

fn prev(state: &mut State, deck: &[Slide]) {
    if state.blackout {
        state.blackout = false;
        return;
    }
    if state.step > 0 {
        state.step -= 1;
        state.scroll = 0;
    } else if state.slide > 0 {
        go_to(state, state.slide - 1);
        // Going back lands on the fully revealed previous slide.
        state.step = deck[state.slide].steps() - 1;
    }
}

fn go_to(state: &mut State, slide: usize) {
    if slide != state.slide {
        state.revealed = false;
        state.countdown_until = None;
    }
    state.slide = slide;
    state.step = 0;
    state.scroll = 0;
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
