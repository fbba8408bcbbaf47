use super::*;
use crate::content::model::{Reason, Side, Verdict};
use crate::quiz::interact::{Interaction, VerdictPhase};
use crate::quiz::testdata::sample_quiz;
use std::time::Duration;

struct Clock {
    start: Instant,
    ms: u64,
}

impl Clock {
    fn new() -> Self {
        Clock {
            start: Instant::now(),
            ms: 0,
        }
    }
    fn tick(&mut self, ms: u64) -> Now {
        self.ms += ms;
        Now {
            instant: self.start + Duration::from_millis(self.ms),
            at: DateTime::from_timestamp(1_800_000_000 + (self.ms / 1000) as i64, 0)
                .unwrap_or_default(),
        }
    }
}

fn send(s: &mut QuizSession, c: &mut Clock, msgs: &[QuizMsg]) -> Vec<QuizEffect> {
    msgs.iter()
        .flat_map(|m| s.update(m.clone(), c.tick(100)))
        .collect()
}

fn recorded(effects: &[QuizEffect]) -> Vec<(&str, &Attempt)> {
    effects
        .iter()
        .filter_map(|e| match e {
            QuizEffect::Record {
                question_id,
                attempt,
                ..
            } => Some((question_id.as_str(), attempt)),
            _ => None,
        })
        .collect()
}

use QuizMsg::*;

#[test]
fn whole_quiz_right_answers_scores_full_and_records_each() {
    let quiz = sample_quiz();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, None, None).started(c.tick(0).instant);
    let mut effects = Vec::new();
    // choice: letter B then Enter
    effects.extend(send(&mut s, &mut c, &[Key('b'), Submit]));
    assert!(matches!(s.stage(), Stage::Answered(_)));
    assert!(s.current_outcome().is_some_and(|o| o.grade.correct));
    effects.extend(send(&mut s, &mut c, &[Submit]));
    // verdict: f, mark line 1 and 4, reason 2 (in-memory-state)
    effects.extend(send(
        &mut s,
        &mut c,
        &[Key('f'), Toggle, Down, Down, Down, Toggle, Submit, Key('2')],
    ));
    let o = s.current_outcome().cloned();
    assert_eq!(
        o.map(|o| o.answer),
        Some(Answer::Verdict {
            verdict: Verdict::Fails,
            lines: vec![1, 4],
            reason: Some(Reason::InMemoryState)
        })
    );
    effects.extend(send(&mut s, &mut c, &[Submit]));
    // compare: right
    effects.extend(send(&mut s, &mut c, &[Right, Submit, Submit]));
    // placement: 1 then 2 (numbers move the cursor down)
    effects.extend(send(&mut s, &mut c, &[Key('1'), Key('2'), Submit]));
    effects.extend(send(&mut s, &mut c, &[Submit]));
    assert_eq!(s.stage(), &Stage::Results);
    assert_eq!(s.score(), (4, 4));
    assert!(effects.contains(&QuizEffect::Finished {
        correct: 4,
        total: 4
    }));
    let rec = recorded(&effects);
    let ids: Vec<&str> = rec.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, ["stateless", "counter", "listen", "hybrid"]);
    assert!(rec.iter().all(|(_, a)| a.attempt == 1 && a.grade.correct));
    // the choice took two messages of 100 ms after being shown
    assert_eq!(rec[0].1.time_ms, 200);
    assert_eq!(s.missed(), Vec::<String>::new());
}

#[test]
fn wrong_answers_then_retry_only_missed() {
    let quiz = sample_quiz();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, Some(9), None);
    send(&mut s, &mut c, &[Key('a'), Submit, Submit]); // choice: pinned, A is wrong
    send(&mut s, &mut c, &[Key('w')]); // verdict: works is wrong (submits at once)
    let g = s.current_outcome().map(|o| o.grade);
    assert_eq!(g.and_then(|g| g.lines_correct), Some(false));
    send(&mut s, &mut c, &[Submit]);
    send(&mut s, &mut c, &[Key('r'), Submit, Submit]); // compare (pinned): right
    send(&mut s, &mut c, &[Key('2'), Key('2'), Submit, Submit]); // placement: 1 of 2
    assert_eq!(s.score(), (1, 4));
    assert_eq!(s.missed(), ["stateless", "counter", "hybrid"]);
    let effects = send(&mut s, &mut c, &[Key('r')]);
    assert!(effects.is_empty());
    assert_eq!(s.progress(), (0, 3));
    assert_ne!(s.seed(), Some(9), "a retry shuffles anew");
    assert_eq!(
        s.current_question().map(|q| q.id.as_str()),
        Some("stateless")
    );
    let effects = send(&mut s, &mut c, &[Key('b'), Submit]);
    assert_eq!(
        recorded(&effects)[0].1.attempt,
        2,
        "attempt numbers continue"
    );
}

#[test]
fn results_keys_export_and_exit() {
    let quiz = sample_quiz();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, None, Some(vec!["listen".into()]));
    assert_eq!(s.progress(), (0, 1));
    let effects = send(&mut s, &mut c, &[Submit, Submit]);
    assert_eq!(
        effects.last(),
        Some(&QuizEffect::Finished {
            correct: 0,
            total: 1
        })
    );
    assert_eq!(send(&mut s, &mut c, &[Key('e')]), vec![QuizEffect::Export]);
    assert_eq!(send(&mut s, &mut c, &[Back]), vec![QuizEffect::Exit]);
}

#[test]
fn verdict_phases_go_back_with_esc_and_esc_first_phase_exits() {
    let quiz = sample_quiz();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, None, Some(vec!["counter".into()]));
    send(&mut s, &mut c, &[Key('f'), Down, Submit]);
    let phase = |s: &QuizSession| match s.stage() {
        Stage::Asking(Interaction::Verdict(v)) => Some(v.phase),
        _ => None,
    };
    assert_eq!(phase(&s), Some(VerdictPhase::Reason));
    send(&mut s, &mut c, &[Back]);
    assert_eq!(phase(&s), Some(VerdictPhase::Lines));
    send(&mut s, &mut c, &[Back]);
    assert_eq!(phase(&s), Some(VerdictPhase::Verdict));
    assert_eq!(send(&mut s, &mut c, &[Back]), vec![QuizEffect::Exit]);
    // Enter on lines with nothing marked marks the cursor line (2)
    send(&mut s, &mut c, &[Key('f'), Submit, Key('6')]);
    assert_eq!(
        s.current_outcome().map(|o| o.answer.clone()),
        Some(Answer::Verdict {
            verdict: Verdict::Fails,
            lines: vec![2],
            reason: Some(Reason::UncachedConnection)
        })
    );
}

#[test]
fn placement_refuses_to_submit_until_every_item_is_placed() {
    let quiz = sample_quiz();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, None, Some(vec!["hybrid".into()]));
    let effects = send(&mut s, &mut c, &[Right, Submit]);
    assert!(effects.is_empty());
    assert!(s.notice().is_some_and(|n| n.contains("1 item left")));
    let effects = send(&mut s, &mut c, &[Down, Left, Submit]);
    assert_eq!(recorded(&effects).len(), 1);
    assert!(s.current_outcome().is_some_and(|o| o.grade.correct));
}

#[test]
fn multi_choice_toggles_and_needs_a_selection() {
    let mut quiz = sample_quiz();
    if let crate::content::model::QuestionKind::Choice(c) = &mut quiz.questions[0].kind {
        c.answer = vec![0, 2];
        c.multi = true;
    }
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, None, Some(vec!["stateless".into()]));
    assert!(send(&mut s, &mut c, &[Submit]).is_empty());
    assert!(s.notice().is_some());
    send(
        &mut s,
        &mut c,
        &[Key('a'), Key('b'), Key('b'), Down, Down, Toggle, Submit],
    );
    assert_eq!(
        s.current_outcome()
            .map(|o| (o.answer.clone(), o.grade.correct)),
        Some((
            Answer::Choice {
                selected: vec![0, 2]
            },
            true
        ))
    );
}

#[test]
fn shuffled_choice_stores_authored_indices() {
    let mut quiz = sample_quiz();
    quiz.questions[0].pin_order = false;
    let seed = (0..50)
        .find(|&s| !Order::for_question(&quiz.questions[0], Some(s)).is_identity())
        .unwrap();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, Some(seed), None);
    let order = s.current_order().cloned().unwrap();
    let shown_first = order.authored(0).unwrap();
    send(&mut s, &mut c, &[Key('a'), Submit]);
    assert_eq!(
        s.current_outcome().map(|o| o.answer.clone()),
        Some(Answer::Choice {
            selected: vec![shown_first]
        })
    );
}

#[test]
fn shuffled_compare_maps_display_side_to_authored() {
    let mut quiz = sample_quiz();
    quiz.questions[2].pin_order = false;
    let swapped = (0..50)
        .find(|&s| !Order::for_question(&quiz.questions[2], Some(s)).is_identity())
        .unwrap();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, Some(swapped), Some(vec!["listen".into()]));
    send(&mut s, &mut c, &[Key('l'), Submit]);
    assert_eq!(
        s.current_outcome()
            .map(|o| (o.answer.clone(), o.grade.correct)),
        Some((Answer::Compare { side: Side::Right }, true))
    );
}

#[test]
fn scrolling_does_not_touch_the_interaction() {
    let quiz = sample_quiz();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, None, None);
    send(&mut s, &mut c, &[PageDown, ScrollBy(3), PageUp]);
    assert_eq!(s.scroll(), 3);
    assert!(!s.follow_focus());
    send(&mut s, &mut c, &[ScrollBy(-100)]);
    assert_eq!(s.scroll(), 0);
    send(&mut s, &mut c, &[Down]);
    assert!(s.follow_focus());
}

#[test]
fn vim_keys_move_unless_they_are_option_letters() {
    let quiz = sample_quiz();
    let mut c = Clock::new();
    let mut s = QuizSession::new(&quiz, None, None);
    send(&mut s, &mut c, &[Key('j'), Key('j'), Key('k')]);
    match s.stage() {
        Stage::Asking(Interaction::Choice(ch)) => assert_eq!(ch.cursor, 1),
        other => panic!("{other:?}"),
    }
    send(&mut s, &mut c, &[Submit, Key('j')]);
    assert_eq!(s.scroll(), 1, "j scrolls the feedback");
}

#[test]
fn empty_selection_goes_straight_to_results() {
    let quiz = sample_quiz();
    let s = QuizSession::new(&quiz, None, Some(vec!["nope".into()]));
    assert_eq!(s.stage(), &Stage::Results);
    assert_eq!(s.score(), (0, 0));
}

mod props {
    use super::*;
    use crate::content::model::QuestionKind;
    use proptest::prelude::*;

    fn msg() -> impl Strategy<Value = QuizMsg> {
        prop_oneof![
            Just(Up),
            Just(Down),
            Just(Left),
            Just(Right),
            Just(Toggle),
            Just(Submit),
            Just(Back),
            Just(PageUp),
            Just(PageDown),
            (-50i32..50).prop_map(ScrollBy),
            proptest::char::range('0', 'z').prop_map(Key),
        ]
    }

    fn in_range(q: &Question, a: &Answer) -> bool {
        match (&q.kind, a) {
            (QuestionKind::Choice(c), Answer::Choice { selected }) => {
                !selected.is_empty() && selected.iter().all(|&i| i < c.options.len())
            }
            (QuestionKind::Verdict(v), Answer::Verdict { lines, .. }) => {
                let n = v.code.lines().count();
                lines.iter().all(|&l| (1..=n).contains(&l))
            }
            (QuestionKind::Compare(_), Answer::Compare { .. }) => true,
            (QuestionKind::Placement(p), Answer::Placement { targets }) => {
                targets.len() == p.items.len()
                    && targets
                        .iter()
                        .all(|t| t.is_some_and(|t| t < p.targets.len()))
            }
            _ => false,
        }
    }

    proptest! {
        #[test]
        fn any_key_sequence_keeps_answers_authored_and_in_range(
            seed in proptest::option::of(any::<u64>()),
            msgs in proptest::collection::vec(msg(), 0..200),
        ) {
            let mut quiz = sample_quiz();
            for q in &mut quiz.questions {
                q.pin_order = false;
            }
            let mut s = QuizSession::new(&quiz, seed, None);
            let mut c = Clock::new();
            for m in msgs {
                for e in s.update(m, c.tick(7)) {
                    if let QuizEffect::Record { question_id, attempt, .. } = e {
                        let q = quiz.questions.iter().find(|q| q.id == question_id);
                        prop_assert!(q.is_some());
                        let q = q.unwrap();
                        prop_assert!(in_range(q, &attempt.answer));
                        prop_assert_eq!(attempt.grade, crate::quiz::grade(q, &attempt.answer));
                        prop_assert_eq!(attempt.seed, s.seed());
                    }
                }
                let (pos, total) = s.progress();
                prop_assert!(pos <= total);
                let (correct, asked) = s.score();
                prop_assert!(correct <= asked);
            }
        }
    }
}
