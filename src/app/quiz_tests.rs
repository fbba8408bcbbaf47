//! Tests of hosting the quiz: opening it from a lesson, routing keys,
//! recording attempts, export, and leaving.

use super::fixture;
use super::*;
use crate::quiz::session::{Now, QuizMsg};
use crate::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Instant;

fn fresh() -> State {
    let theme = Theme::new(ThemeName::Dark, true);
    let mut s = State::new(
        fixture::course(),
        theme,
        CourseProgress::default(),
        Rect::new(0, 0, 100, 30),
    );
    update(&mut s, Msg::Resize(100, 30));
    s
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn open_quiz(s: &mut State) {
    update(s, Msg::Key(key(KeyCode::End)));
    let effects = update(s, Msg::Key(key(KeyCode::Enter)));
    assert_eq!(
        effects.last(),
        Some(&Effect::StartQuiz {
            quiz_id: "01-quiz".into()
        })
    );
    assert!(
        matches!(effects.first(), Some(Effect::SaveLesson(_))),
        "the place is saved first"
    );
    update(
        s,
        Msg::StartQuiz {
            quiz_id: "01-quiz".into(),
            seed: None,
            now: Instant::now(),
        },
    );
    assert!(s.quiz.is_some());
}

fn quiz(s: &mut State, msg: QuizMsg) -> Vec<Effect> {
    update(s, Msg::Quiz(msg, Now::current()))
}

#[test]
fn q_opens_the_quiz_from_anywhere_and_a_lesson_without_one_says_so() {
    let mut s = fresh();
    let effects = update(&mut s, Msg::Key(key(KeyCode::Char('Q'))));
    assert_eq!(
        effects.last(),
        Some(&Effect::StartQuiz {
            quiz_id: "01-quiz".into()
        })
    );
    update(&mut s, Msg::Key(key(KeyCode::Char(']'))));
    assert!(update(&mut s, Msg::Key(key(KeyCode::Char('Q')))).is_empty());
    assert_eq!(
        s.banner.as_ref().map(|b| b.lines[0].as_str()),
        Some("This lesson has no quiz.")
    );
}

#[test]
fn keys_go_to_the_quiz_except_the_global_ones() {
    let mut s = fresh();
    assert!(!routes_to_quiz(&s, &key(KeyCode::Char('a'))));
    open_quiz(&mut s);
    assert!(routes_to_quiz(&s, &key(KeyCode::Char('a'))));
    assert!(routes_to_quiz(&s, &key(KeyCode::Esc)));
    assert!(!routes_to_quiz(&s, &key(KeyCode::Char('?'))));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!routes_to_quiz(&s, &ctrl_c));
    assert_eq!(update(&mut s, Msg::Key(ctrl_c)).last(), Some(&Effect::Quit));
    update(&mut s, Msg::Key(key(KeyCode::Char('?'))));
    assert_eq!(s.overlay, Some(Overlay::Help));
    assert!(
        !routes_to_quiz(&s, &key(KeyCode::Char('a'))),
        "the help takes the keys"
    );
    update(&mut s, Msg::Key(key(KeyCode::Esc)));
    assert_eq!(s.overlay, None);
}

#[test]
fn an_answer_is_recorded_and_shows_in_the_sidebar_score() {
    let mut s = fresh();
    open_quiz(&mut s);
    quiz(&mut s, QuizMsg::Key('b'));
    let effects = quiz(&mut s, QuizMsg::Submit);
    let recorded: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::RecordAttempt {
                quiz_id,
                question_id,
                attempt,
            } => Some((
                quiz_id.as_str(),
                question_id.as_str(),
                attempt.grade.correct,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(recorded, vec![("01-quiz", "q1", true)]);
    let q = s.course.quiz("01-quiz").cloned().unwrap();
    assert_eq!(progress::quiz_score(&s.progress, &q), Some((1, 1)));
    quiz(&mut s, QuizMsg::Submit); // to the results
    assert_eq!(quiz(&mut s, QuizMsg::Key('e')), vec![Effect::Export]);
    update(&mut s, Msg::Notice("Exported: a.json and a.csv".into()));
    assert_eq!(
        s.quiz.as_ref().and_then(|q| q.notice.as_deref()),
        Some("Exported: a.json and a.csv")
    );
    assert!(
        quiz(&mut s, QuizMsg::Submit).is_empty(),
        "leaving returns to the lesson"
    );
    assert!(s.quiz.is_none());
    assert_eq!(s.lesson, 0);
}

#[test]
fn a_standalone_quiz_quits_when_left() {
    let mut s = fresh();
    s.quiz_only = true;
    update(
        &mut s,
        Msg::StartQuiz {
            quiz_id: "01-quiz".into(),
            seed: Some(7),
            now: Instant::now(),
        },
    );
    assert_eq!(quiz(&mut s, QuizMsg::Back), vec![Effect::Quit]);
}

#[test]
fn an_unknown_quiz_id_opens_nothing() {
    let mut s = fresh();
    update(
        &mut s,
        Msg::StartQuiz {
            quiz_id: "nope".into(),
            seed: None,
            now: Instant::now(),
        },
    );
    assert!(s.quiz.is_none());
    assert!(quiz(&mut s, QuizMsg::Submit).is_empty());
}
