//! Grading: a pure function from a question and an answer to a [`Grade`].
//! No view or session code grades anything; they all call [`grade`].
//!
//! Rules (also in the course docs for authors):
//! - `choice`: correct when the selected set equals the keyed set exactly
//!   (single-select is the one-element case; order and duplicates ignored).
//! - `verdict`: `correct` is the verdict alone (it is what the score counts).
//!   For a snippet that fails, two partial-credit parts are graded as well:
//!   - `lines_correct`: the learner marked at least one keyed line and at
//!     most one line that is not keyed. Pointing at the line that breaks is
//!     what matters; one neighbouring line too (e.g. the `app.listen(` line
//!     and its callback) is forgiven, spraying marks is not.
//!   - `reason_correct`: the chosen reason is the keyed one.
//!
//!   Answering `works` for a failing snippet gets both parts `Some(false)`.
//!   For a snippet that works, the parts do not apply (`None`).
//! - `compare`: correct when the chosen side is the keyed side.
//! - `placement`: `items_correct` counts items placed on their keyed target;
//!   correct only when every item is.
//!
//! An answer of the wrong type for the question grades as incorrect.

use crate::content::model::{
    ChoiceQuestion, PlacementQuestion, Question, QuestionKind, Verdict, VerdictQuestion,
};
use crate::quiz::answer::{Answer, Grade};
use std::collections::BTreeSet;

/// How many marked lines outside the keyed set are forgiven.
pub const EXTRA_LINES_FORGIVEN: usize = 1;

pub fn grade(question: &Question, answer: &Answer) -> Grade {
    match (&question.kind, answer) {
        (QuestionKind::Choice(q), Answer::Choice { selected }) => grade_choice(q, selected),
        (
            QuestionKind::Verdict(q),
            Answer::Verdict {
                verdict,
                lines,
                reason,
            },
        ) => grade_verdict(q, *verdict, lines, *reason),
        (QuestionKind::Compare(q), Answer::Compare { side }) => Grade {
            correct: *side == q.answer,
            ..Grade::default()
        },
        (QuestionKind::Placement(q), Answer::Placement { targets }) => grade_placement(q, targets),
        _ => Grade::default(),
    }
}

fn grade_choice(q: &ChoiceQuestion, selected: &[usize]) -> Grade {
    let chosen: BTreeSet<usize> = selected.iter().copied().collect();
    let keyed: BTreeSet<usize> = q.answer.iter().copied().collect();
    Grade {
        correct: !keyed.is_empty() && chosen == keyed,
        ..Grade::default()
    }
}

fn grade_verdict(
    q: &VerdictQuestion,
    verdict: Verdict,
    lines: &[usize],
    reason: Option<crate::content::model::Reason>,
) -> Grade {
    let correct = verdict == q.answer;
    if q.answer == Verdict::Works {
        return Grade {
            correct,
            ..Grade::default()
        };
    }
    let said_fails = verdict == Verdict::Fails;
    Grade {
        correct,
        lines_correct: Some(said_fails && lines_match(&q.lines, lines)),
        reason_correct: Some(said_fails && reason.is_some() && reason == q.reason),
        items_correct: None,
    }
}

/// The fair-lines rule: at least one keyed line marked, at most
/// [`EXTRA_LINES_FORGIVEN`] marked lines that are not keyed.
pub fn lines_match(keyed: &[usize], marked: &[usize]) -> bool {
    let keyed: BTreeSet<usize> = keyed.iter().copied().collect();
    let marked: BTreeSet<usize> = marked.iter().copied().collect();
    let hits = marked.intersection(&keyed).count();
    let extra = marked.len() - hits;
    hits > 0 && extra <= EXTRA_LINES_FORGIVEN
}

fn grade_placement(q: &PlacementQuestion, targets: &[Option<usize>]) -> Grade {
    let items_correct = q
        .answer
        .iter()
        .enumerate()
        .filter(|(i, want)| targets.get(*i).copied().flatten() == Some(**want))
        .count();
    Grade {
        correct: !q.answer.is_empty() && items_correct == q.answer.len(),
        items_correct: Some(items_correct),
        ..Grade::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{CompareQuestion, Reason, Side};
    use crate::quiz::testdata;

    fn choice(answer: Vec<usize>) -> Question {
        testdata::question(
            "c",
            QuestionKind::Choice(ChoiceQuestion {
                options: vec!["a".into(), "b".into(), "c".into(), "d".into()],
                multi: answer.len() > 1,
                answer,
                feedback: vec![],
            }),
        )
    }

    fn sel(v: &[usize]) -> Answer {
        Answer::Choice {
            selected: v.to_vec(),
        }
    }

    #[test]
    fn single_choice_needs_the_one_keyed_option() {
        let q = choice(vec![2]);
        assert!(grade(&q, &sel(&[2])).correct);
        assert!(!grade(&q, &sel(&[1])).correct);
        assert!(!grade(&q, &sel(&[])).correct);
        assert!(!grade(&q, &sel(&[2, 1])).correct);
        assert_eq!(grade(&q, &sel(&[2])).lines_correct, None);
    }

    #[test]
    fn multi_choice_needs_the_exact_set() {
        let q = choice(vec![0, 2]);
        assert!(grade(&q, &sel(&[0, 2])).correct);
        assert!(grade(&q, &sel(&[2, 0])).correct, "order does not matter");
        assert!(grade(&q, &sel(&[2, 0, 2])).correct, "duplicates ignored");
        assert!(!grade(&q, &sel(&[0])).correct, "a subset is wrong");
        assert!(!grade(&q, &sel(&[0, 1, 2])).correct, "a superset is wrong");
        assert!(!grade(&q, &sel(&[9])).correct);
    }

    fn failing() -> Question {
        testdata::question(
            "v",
            QuestionKind::Verdict(VerdictQuestion {
                code: "a\nb\nc\nd\ne\nf".into(),
                lang: "js".into(),
                answer: Verdict::Fails,
                lines: vec![3, 4],
                reason: Some(Reason::InMemoryState),
            }),
        )
    }

    fn verdict(v: Verdict, lines: &[usize], reason: Option<Reason>) -> Answer {
        Answer::Verdict {
            verdict: v,
            lines: lines.to_vec(),
            reason,
        }
    }

    #[test]
    fn failing_snippet_all_parts_right() {
        let g = grade(
            &failing(),
            &verdict(Verdict::Fails, &[3, 4], Some(Reason::InMemoryState)),
        );
        assert_eq!(
            g,
            Grade {
                correct: true,
                lines_correct: Some(true),
                reason_correct: Some(true),
                items_correct: None
            }
        );
    }

    #[test]
    fn failing_snippet_partial_lines_and_wrong_reason() {
        let g = grade(
            &failing(),
            &verdict(Verdict::Fails, &[4], Some(Reason::UnboundedWork)),
        );
        assert!(g.correct);
        assert_eq!(g.lines_correct, Some(true), "one keyed line is enough");
        assert_eq!(g.reason_correct, Some(false));
    }

    #[test]
    fn failing_snippet_line_rule_forgives_one_extra_line_only() {
        let q = failing();
        let r = Some(Reason::InMemoryState);
        let g = grade(&q, &verdict(Verdict::Fails, &[3, 5], r));
        assert_eq!(g.lines_correct, Some(true));
        let g = grade(&q, &verdict(Verdict::Fails, &[2, 3, 5], r));
        assert_eq!(g.lines_correct, Some(false), "two extra lines");
        let g = grade(&q, &verdict(Verdict::Fails, &[1, 2], r));
        assert_eq!(g.lines_correct, Some(false), "no keyed line");
        let g = grade(&q, &verdict(Verdict::Fails, &[], r));
        assert_eq!(g.lines_correct, Some(false), "nothing marked");
        assert_eq!(g.reason_correct, Some(true));
    }

    #[test]
    fn failing_snippet_answered_works_fails_every_part() {
        let g = grade(&failing(), &verdict(Verdict::Works, &[], None));
        assert!(!g.correct);
        assert_eq!(g.lines_correct, Some(false));
        assert_eq!(g.reason_correct, Some(false));
    }

    #[test]
    fn failing_snippet_without_reason_is_reason_wrong() {
        let g = grade(&failing(), &verdict(Verdict::Fails, &[3], None));
        assert_eq!(g.reason_correct, Some(false));
    }

    #[test]
    fn working_snippet_grades_only_the_verdict() {
        let q = testdata::question(
            "w",
            QuestionKind::Verdict(VerdictQuestion {
                code: "export default handler".into(),
                lang: "js".into(),
                answer: Verdict::Works,
                lines: vec![],
                reason: None,
            }),
        );
        let g = grade(&q, &verdict(Verdict::Works, &[], None));
        assert_eq!(
            g,
            Grade {
                correct: true,
                ..Grade::default()
            }
        );
        let g = grade(
            &q,
            &verdict(Verdict::Fails, &[1], Some(Reason::PersistentServer)),
        );
        assert!(!g.correct);
        assert_eq!((g.lines_correct, g.reason_correct), (None, None));
    }

    #[test]
    fn compare_needs_the_working_side() {
        let q = testdata::question(
            "cmp",
            QuestionKind::Compare(CompareQuestion {
                left: "l".into(),
                right: "r".into(),
                lang: "js".into(),
                answer: Side::Right,
            }),
        );
        assert!(grade(&q, &Answer::Compare { side: Side::Right }).correct);
        assert!(!grade(&q, &Answer::Compare { side: Side::Left }).correct);
    }

    fn placement() -> Question {
        testdata::question(
            "p",
            QuestionKind::Placement(PlacementQuestion {
                items: vec!["auth".into(), "streaming".into(), "pages".into()],
                targets: vec!["functions".into(), "server".into()],
                answer: vec![0, 1, 0],
            }),
        )
    }

    fn place(t: &[Option<usize>]) -> Answer {
        Answer::Placement {
            targets: t.to_vec(),
        }
    }

    #[test]
    fn placement_counts_items_and_needs_all_for_correct() {
        let q = placement();
        let g = grade(&q, &place(&[Some(0), Some(1), Some(0)]));
        assert_eq!((g.correct, g.items_correct), (true, Some(3)));
        let g = grade(&q, &place(&[Some(0), Some(0), Some(0)]));
        assert_eq!((g.correct, g.items_correct), (false, Some(2)));
        let g = grade(&q, &place(&[Some(0), None, Some(0)]));
        assert_eq!((g.correct, g.items_correct), (false, Some(2)));
        let g = grade(&q, &place(&[Some(1)]));
        assert_eq!(
            (g.correct, g.items_correct),
            (false, Some(0)),
            "short answer"
        );
        let g = grade(&q, &place(&[]));
        assert_eq!((g.correct, g.items_correct), (false, Some(0)));
    }

    #[test]
    fn answer_of_the_wrong_type_is_incorrect() {
        let g = grade(&placement(), &sel(&[0]));
        assert_eq!(g, Grade::default());
        let g = grade(&choice(vec![0]), &Answer::Compare { side: Side::Left });
        assert!(!g.correct);
    }
}
