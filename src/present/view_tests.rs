use super::*;
use crate::present::notes_view::{Link, NotesView};
use crate::present::protocol::Snapshot;
use crate::present::slides::deck_for;
use crate::present::slides::tests::sample_course;
use crate::theme::ThemeName;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const SIZES: [(u16, u16); 2] = [(120, 35), (80, 24)];

fn draw(widget: impl Fn(Rect, &mut Buffer), (w, h): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| widget(f.area(), f.buffer_mut())).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..w {
                let symbol = buf.cell((x, y)).map_or(" ", |c| c.symbol());
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn slide_screen(state: &State, size: (u16, u16)) -> String {
    let deck = deck_for(&sample_course());
    let view = SlideView {
        deck: &deck,
        state,
        theme: Theme::no_color(ThemeName::HighContrast),
        elapsed: Duration::from_secs(754),
        clock: "21:05".into(),
    };
    draw(|area, buf| (&view).render(area, buf), size)
}

fn state(slide: usize, step: usize) -> State {
    let mut s = State::new(slide, 7);
    s.step = step;
    s
}

#[test]
fn title_slide() {
    for size in SIZES {
        let name = format!("title_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, slide_screen(&state(0, 0), size));
    }
}

#[test]
fn body_slide_with_a_comparison_reveals_the_bad_pane_first() {
    for size in SIZES {
        for step in [0, 1] {
            let name = format!("compare_step{step}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(name, slide_screen(&state(3, step), size));
        }
    }
}

#[test]
fn poll_before_and_after_reveal() {
    for size in SIZES {
        let mut s = state(5, 0);
        insta::assert_snapshot!(
            format!("poll_hidden_{}x{}", size.0, size.1),
            slide_screen(&s, size)
        );
        s.revealed = true;
        insta::assert_snapshot!(
            format!("poll_revealed_{}x{}", size.0, size.1),
            slide_screen(&s, size)
        );
    }
}

#[test]
fn blackout_is_blank() {
    for size in SIZES {
        let mut s = state(3, 1);
        s.blackout = true;
        let screen = slide_screen(&s, size);
        assert!(screen.chars().all(|c| c == '\n'), "{screen}");
        insta::assert_snapshot!(format!("blackout_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn footer_shows_lesson_slide_step_time_and_countdown() {
    let mut s = state(5, 0);
    s.countdown_until = Some(Duration::from_secs(754 + 21));
    let screen = slide_screen(&s, (120, 35));
    let footer = screen.lines().last().unwrap();
    assert!(footer.starts_with(" slide 6/7  ·  Lesson l1 "), "{footer}");
    assert!(footer.ends_with("⏳ 21 s  ⏱ 12:34  🕒 21:05"), "{footer}");
    s.footer = false;
    assert!(!slide_screen(&s, (120, 35)).contains("slide 6/7"));
}

#[test]
fn help_overlay_lists_the_keys() {
    let mut s = state(1, 0);
    s.help = true;
    let screen = slide_screen(&s, (80, 24));
    assert!(
        screen.contains("blackout (blank screen) and back"),
        "{screen}"
    );
}

fn notes_snapshot() -> Snapshot {
    let deck = deck_for(&sample_course());
    Snapshot::of("c", &deck, &state(2, 1), Duration::from_secs(754))
}

#[test]
fn notes_view() {
    let snap = notes_snapshot();
    for size in SIZES {
        let view = NotesView {
            link: &Link::Live,
            snapshot: Some(&snap),
            theme: Theme::no_color(ThemeName::HighContrast),
            elapsed: Duration::from_secs(754),
            clock: "21:05".into(),
        };
        let screen = draw(|area, buf| (&view).render(area, buf), size);
        insta::assert_snapshot!(format!("notes_{}x{}", size.0, size.1), screen);
    }
    let waiting = Link::Waiting("/run/user/1000/serverless-tutor/present-c.sock".into());
    let view = NotesView {
        link: &waiting,
        snapshot: None,
        theme: Theme::no_color(ThemeName::HighContrast),
        elapsed: Duration::ZERO,
        clock: "21:05".into(),
    };
    let screen = draw(|area, buf| (&view).render(area, buf), (80, 24));
    assert!(screen.contains("Waiting for the presenter"), "{screen}");
}

#[test]
fn every_slide_draws_at_every_small_size_without_panicking() {
    let deck = deck_for(&sample_course());
    for w in [1u16, 2, 3, 7, 20, 41, 99, 100, 200] {
        for h in [1u16, 2, 3, 5, 11, 24, 40] {
            for (slide, shown) in deck.iter().enumerate() {
                for flags in 0..4 {
                    let mut s = state(slide, shown.steps() - 1);
                    s.revealed = flags & 1 == 1;
                    s.help = flags & 2 == 2;
                    s.zoom = if flags == 3 { -6 } else { 6 };
                    slide_screen(&s, (w, h));
                }
            }
            let snap = notes_snapshot();
            let view = NotesView {
                link: &Link::Live,
                snapshot: Some(&snap),
                theme: Theme::no_color(ThemeName::Dark),
                elapsed: Duration::ZERO,
                clock: String::new(),
            };
            draw(|area, buf| (&view).render(area, buf), (w, h));
        }
    }
}

#[test]
fn the_notes_show_a_polls_answer_to_the_speaker_only() {
    let deck = deck_for(&sample_course());
    let snap = Snapshot::of("c", &deck, &state(5, 0), Duration::ZERO);
    assert_eq!(snap.answer.as_deref(), Some("C"));
    let view = NotesView {
        link: &Link::Live,
        snapshot: Some(&snap),
        theme: Theme::no_color(ThemeName::HighContrast),
        elapsed: Duration::ZERO,
        clock: "21:05".into(),
    };
    let notes = draw(|area, buf| (&view).render(area, buf), (40, 24));
    assert!(notes.contains("Answer: C"), "{notes}");
    assert!(notes.contains("answer hidden"), "{notes}");
    let projector = slide_screen(&state(5, 0), (120, 35));
    assert!(!projector.contains('✅'), "{projector}");
}
