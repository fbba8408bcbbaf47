use super::*;
use crate::quiz::session::{Now, QuizMsg};
use crate::quiz::testdata::sample_quiz;
use crate::theme::ThemeName;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use QuizMsg::*;

fn session_on(id: &str, msgs: &[QuizMsg]) -> QuizSession {
    let quiz = sample_quiz();
    let mut s = QuizSession::new(&quiz, None, Some(vec![id.to_owned()]));
    for m in msgs {
        s.update(m.clone(), Now::current());
    }
    s
}

fn draw(s: &QuizSession, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let view = QuizView::new(s, Theme::new(ThemeName::Dark, true));
    term.draw(|f| f.render_widget(&view, f.area())).unwrap();
    term
}

fn screen(s: &QuizSession, w: u16, h: u16) -> String {
    let term = draw(s, w, h);
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                line.push_str(sym);
            }
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// (name, question id, messages) for each type, before and after answering.
fn cases() -> Vec<(&'static str, &'static str, Vec<QuizMsg>)> {
    vec![
        ("choice_before", "stateless", vec![Down]),
        ("choice_after", "stateless", vec![Key('a'), Submit]),
        ("verdict_before", "counter", vec![]),
        (
            "verdict_lines",
            "counter",
            vec![Key('f'), Down, Toggle, Down],
        ),
        (
            "verdict_reason",
            "counter",
            vec![Key('f'), Toggle, Submit, Down],
        ),
        (
            "verdict_after",
            "counter",
            vec![
                Key('f'),
                Down,
                Down,
                Down,
                Toggle,
                Down,
                Toggle,
                Submit,
                Key('5'),
            ],
        ),
        ("compare_before", "listen", vec![Right]),
        ("compare_after", "listen", vec![Submit]),
        ("placement_before", "hybrid", vec![Right]),
        (
            "placement_after",
            "hybrid",
            vec![Key('1'), Key('1'), Submit],
        ),
    ]
}

#[test]
fn question_screens_at_80x24_and_120x40() {
    for (name, id, msgs) in cases() {
        let s = session_on(id, &msgs);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&s, w, h));
        }
    }
}

#[test]
fn results_screen() {
    let quiz = sample_quiz();
    let mut s = QuizSession::new(&quiz, None, None);
    for m in [
        Key('b'),
        Submit,
        Submit,
        Key('w'),
        Submit,
        Key('r'),
        Submit,
        Submit,
    ] {
        s.update(m, Now::current());
    }
    s.update(Key('1'), Now::current());
    s.update(Key('2'), Now::current());
    s.update(Submit, Now::current());
    s.update(Submit, Now::current());
    assert_eq!(s.stage(), &Stage::Results);
    insta::assert_snapshot!("results_80x24", screen(&s, 80, 24));
}

#[test]
fn answered_screen_labels_answers_not_only_colour() {
    let s = session_on("stateless", &[Key('a'), Submit]);
    let text = screen(&s, 80, 24);
    assert!(text.contains("❌ Incorrect"));
    assert!(text.contains("Your answer:    A"));
    assert!(text.contains("Correct answer: B"));
    assert!(text.contains("— your answer"));
    assert!(text.contains("— correct answer"));
}

#[test]
fn any_size_draws_without_panicking() {
    let mut sessions: Vec<QuizSession> = cases()
        .into_iter()
        .map(|(_, id, msgs)| session_on(id, &msgs))
        .collect();
    sessions.push(session_on("nope", &[]));
    for s in &sessions {
        for w in 1..=40 {
            for h in 1..=12 {
                draw(s, w, h);
            }
        }
        draw(s, 1000, 3);
        draw(s, 3, 500);
    }
}

#[test]
fn tall_question_follows_the_line_cursor() {
    let mut quiz = sample_quiz();
    if let crate::content::model::QuestionKind::Verdict(v) = &mut quiz.questions[1].kind {
        v.code = (1..=60)
            .map(|i| format!("line{i};"))
            .collect::<Vec<_>>()
            .join("\n");
        v.lines = vec![50];
    }
    let mut s = QuizSession::new(&quiz, None, Some(vec!["counter".into()]));
    s.update(Key('f'), Now::current());
    for _ in 0..44 {
        s.update(Down, Now::current());
    }
    let text = screen(&s, 80, 24);
    assert!(text.contains("▶ 45 │ line45;"), "{text}");
    assert!(text.contains("↓ more"));
    s.update(PageUp, Now::current());
    s.update(PageUp, Now::current());
    let text = screen(&s, 80, 24);
    assert!(!text.contains("line45;"), "manual scroll wins: {text}");
}

#[test]
fn offsets_clamp_and_follow() {
    assert_eq!(scroll_offset(0, true, Some(30), 50, 10), 21);
    assert_eq!(scroll_offset(40, true, Some(5), 50, 10), 5);
    assert_eq!(scroll_offset(99, false, None, 50, 10), 40);
    assert_eq!(scroll_offset(3, true, None, 5, 10), 0);
    assert_eq!(scroll_offset(0, true, Some(3), 5, 0), 0);
}

#[test]
fn without_colour_the_focus_and_failing_lines_still_show() {
    use ratatui::style::Modifier;
    let s = session_on("stateless", &[Down]);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let view = QuizView::new(&s, Theme::no_color(ThemeName::Dark));
    term.draw(|f| f.render_widget(&view, f.area())).unwrap();
    let buf = term.backend().buffer();
    let row = (0..24u16)
        .find(|&y| buf[(0, y)].symbol() == "▶")
        .expect("a cursor row");
    let cell = &buf[(12, row)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert_eq!(cell.fg, ratatui::style::Color::Reset);

    let s = session_on("counter", &[Key('w')]);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let view = QuizView::new(&s, Theme::no_color(ThemeName::Dark));
    term.draw(|f| f.render_widget(&view, f.area())).unwrap();
    let text = screen(&s, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("visits += 1"))
        .expect("line 4 on screen");
    let buf = term.backend().buffer();
    let y = u16::try_from(row).unwrap();
    let bold = (0..80).any(|x| buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert!(bold, "failing line is bold without colour");
    assert!(text.lines().nth(row).unwrap().contains('❌'));
}
