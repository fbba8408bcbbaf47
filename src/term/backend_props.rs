//! The property tests of the backend: random frames, drawn one after
//! another, leave the screen ratatui's own backend leaves (or the one the
//! buffer describes), with any pens, wide characters and stretches of
//! spaces.

use super::*;

fn text(uncertain: bool) -> impl Strategy<Value = String> {
    let zwj = if uncertain { "👩\u{200d}💻" } else { "ab" };
    let piece = prop_oneof![
        6 => "[a-z ]{1,12}",
        1 => Just("界".to_string()),
        1 => Just(zwj.to_string()),
        1 => Just("│".to_string()),
        1 => Just("e\u{301}".to_string()),
        1 => Just("  ".to_string()),
        1 => Just(" ".repeat(5)),
        1 => Just(" ".repeat(9)),
        1 => Just(" ".repeat(14)),
    ];
    prop::collection::vec(piece, 1..5).prop_map(|p| p.concat())
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        3 => Just(Style::new()),
        1 => Just(Style::new().fg(Color::Red)),
        1 => Just(Style::new().bg(Color::Rgb(40, 44, 52))),
        1 => Just(Style::new().fg(Color::Indexed(100)).bg(Color::Rgb(40, 44, 52))),
        1 => Just(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)),
        1 => Just(Style::new().add_modifier(Modifier::BOLD).bg(Color::Rgb(80, 40, 44))),
        1 => Just(Style::new().add_modifier(Modifier::CROSSED_OUT)),
        1 => Just(Style::new().add_modifier(Modifier::ITALIC | Modifier::REVERSED)),
    ]
}

fn frames(uncertain: bool) -> impl Strategy<Value = Vec<Frame>> {
    let put = (0..W, 0..H, text(uncertain), style()).prop_map(|(x, y, text, style)| Put {
        x,
        y,
        text,
        style,
    });
    prop::collection::vec(prop::collection::vec(put, 0..12), 1..5)
}

fn differences(a: &[Shown], b: &[Shown]) -> Vec<(usize, usize, Shown, Shown)> {
    (0..a.len())
        .filter(|&i| a[i] != b[i])
        .map(|i| {
            (
                i % usize::from(W),
                i / usize::from(W),
                a[i].clone(),
                b[i].clone(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The emulator shows the text of the last buffer, whatever came
    /// before, and each cell as ratatui's own backend leaves it or as the
    /// buffer has it. (They differ where a wide character was half
    /// overwritten: emulators clear its other half in the pen in effect,
    /// which an erase and a written space leave differently.)
    #[test]
    fn the_screen_is_the_buffer(frames in frames(false), clear in any::<bool>(), by_pen in any::<bool>()) {
        let (_, screen, want) = run_with(&frames, MAX_GAP, clear, by_pen);
        let theirs = run_crossterm(&frames, clear);
        let differ: Vec<_> = differences(&screen, &theirs)
            .into_iter()
            .filter(|(x, y, ours, _)| *ours != want[y * usize::from(W) + x])
            .collect();
        prop_assert!(differ.is_empty(), "(x, y, ours, crossterm's): {:?}", differ);
        let text = |cells: &[Shown]| cells.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
        prop_assert_eq!(text(&screen), text(&want));
    }

    /// Emoji sequences the emulator draws wider than ratatui lays them out:
    /// no panic, and once the sequence is gone the screen is right again.
    #[test]
    fn uncertain_symbols_do_not_break_later_frames(frames in frames(true)) {
        let mut frames = frames;
        frames.push(prose("all plain again"));
        let size = Size::new(W, H);
        let out = Shared::default();
        let mut terminal =
            Terminal::new(FrameBackend::with_size(out.clone(), size)).expect("terminal");
        for frame in &frames {
            terminal.draw(|f| paint(frame, f.buffer_mut())).expect("draw");
        }
        prop_assert!(!out.0.borrow().is_empty());
    }
}
