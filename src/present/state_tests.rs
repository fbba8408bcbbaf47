use super::*;
use crate::present::slides::deck_for;
use crate::present::slides::tests::sample_course;

const T0: Duration = Duration::ZERO;

fn deck() -> Vec<Slide> {
    // title, intro, old model (2 steps), compare (2 steps), rule, poll, poll
    deck_for(&sample_course())
}

fn at(state: &State) -> (usize, usize) {
    (state.slide, state.step)
}

#[test]
fn next_walks_steps_then_slides_and_prev_walks_back() {
    let deck = deck();
    let mut s = State::new(0, deck.len());
    let mut seen = vec![at(&s)];
    for _ in 0..8 {
        assert_eq!(update(&mut s, &deck, Msg::Next, T0), vec![Effect::Moved]);
        seen.push(at(&s));
    }
    assert_eq!(
        seen,
        vec![
            (0, 0),
            (1, 0),
            (2, 0),
            (2, 1),
            (3, 0),
            (3, 1),
            (4, 0),
            (5, 0),
            (6, 0)
        ]
    );
    assert_eq!(
        update(&mut s, &deck, Msg::Next, T0),
        vec![],
        "stays on the last slide"
    );
    update(&mut s, &deck, Msg::Prev, T0);
    update(&mut s, &deck, Msg::Prev, T0);
    update(&mut s, &deck, Msg::Prev, T0);
    assert_eq!(
        at(&s),
        (3, 1),
        "going back lands on the fully revealed slide"
    );
    update(&mut s, &deck, Msg::Prev, T0);
    assert_eq!(at(&s), (3, 0));
}

#[test]
fn goto_home_and_end() {
    let deck = deck();
    let mut s = State::new(0, deck.len());
    for msg in [Msg::GotoStart, Msg::GotoDigit(4), Msg::GotoConfirm] {
        update(&mut s, &deck, msg, T0);
    }
    assert_eq!(at(&s), (3, 0));
    assert_eq!(s.goto, None);
    for msg in [
        Msg::GotoStart,
        Msg::GotoDigit(9),
        Msg::GotoDigit(9),
        Msg::GotoConfirm,
    ] {
        update(&mut s, &deck, msg, T0);
    }
    assert_eq!(s.slide, 6, "clamped to the last slide");
    for msg in [Msg::GotoStart, Msg::GotoDigit(0), Msg::GotoConfirm] {
        update(&mut s, &deck, msg, T0);
    }
    assert_eq!(s.slide, 6, "slide 0 does not exist: ignored");
    update(&mut s, &deck, Msg::First, T0);
    assert_eq!(at(&s), (0, 0));
    update(&mut s, &deck, Msg::Last, T0);
    assert_eq!(s.slide, 6);
    update(&mut s, &deck, Msg::GotoStart, T0);
    update(&mut s, &deck, Msg::Next, T0);
    assert_eq!(s.goto, None, "any other key cancels the prompt");
}

#[test]
fn polls_reveal_by_key_or_countdown() {
    let deck = deck();
    let mut s = State::new(5, deck.len());
    assert_eq!(update(&mut s, &deck, Msg::Reveal, T0), vec![Effect::Moved]);
    assert!(s.revealed);
    update(&mut s, &deck, Msg::Next, T0);
    assert!(!s.revealed, "a new poll starts hidden");
    update(&mut s, &deck, Msg::Countdown, Duration::from_secs(5));
    assert_eq!(s.countdown_left(Duration::from_secs(6)), Some(29));
    assert_eq!(
        update(&mut s, &deck, Msg::Tick, Duration::from_secs(34)),
        vec![]
    );
    assert_eq!(
        update(&mut s, &deck, Msg::Tick, Duration::from_secs(35)),
        vec![Effect::Moved]
    );
    assert!(s.revealed && s.countdown_until.is_none());
    let mut body = State::new(2, deck.len());
    update(&mut body, &deck, Msg::Reveal, T0);
    update(&mut body, &deck, Msg::Countdown, T0);
    assert!(
        !body.revealed && body.countdown_until.is_none(),
        "only polls reveal"
    );
}

#[test]
fn toggles_zoom_scroll_and_quit() {
    let deck = deck();
    let mut s = State::new(0, deck.len());
    update(&mut s, &deck, Msg::Blackout, T0);
    assert!(s.blackout);
    update(&mut s, &deck, Msg::Next, T0);
    assert!(!s.blackout && s.slide == 0, "next first lifts the blackout");
    update(&mut s, &deck, Msg::Footer, T0);
    update(&mut s, &deck, Msg::Help, T0);
    assert!(!s.footer && s.help);
    for _ in 0..20 {
        update(&mut s, &deck, Msg::ZoomIn, T0);
    }
    assert_eq!(s.zoom, ZOOM_LIMIT);
    update(&mut s, &deck, Msg::ScrollDown, T0);
    update(&mut s, &deck, Msg::ScrollDown, T0);
    update(&mut s, &deck, Msg::ScrollUp, T0);
    assert_eq!(s.scroll, 1);
    update(&mut s, &deck, Msg::Next, T0);
    assert_eq!(s.scroll, 0, "a new slide starts at the top");
    assert_eq!(update(&mut s, &deck, Msg::Quit, T0), vec![Effect::Quit]);
}

#[test]
fn an_empty_deck_only_quits() {
    let mut s = State::new(3, 0);
    assert_eq!(s.slide, 0);
    assert_eq!(update(&mut s, &[], Msg::Next, T0), vec![]);
    assert_eq!(update(&mut s, &[], Msg::Quit, T0), vec![Effect::Quit]);
}
