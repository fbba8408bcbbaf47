use super::*;
use crate::content::model::{
    ChoiceQuestion, CodeBlock, Comparison, QuestionKind, Quiz, TextRun, Verdict,
};

pub(crate) fn para(text: &str) -> Block {
    Block::Paragraph(vec![Inline::Text(TextRun {
        text: text.into(),
        ..TextRun::default()
    })])
}

pub(crate) fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: vec![Inline::Text(TextRun {
            text: text.into(),
            ..TextRun::default()
        })],
    }
}

pub(crate) fn comparison() -> Block {
    let mut left = CodeBlock::plain(Some("js"), "const app = express();\napp.listen(3000);");
    left.verdict = Some(Verdict::Fails);
    left.title = Some("Starts a server".into());
    left.marked_lines = vec![2];
    let mut right = CodeBlock::plain(Some("js"), "const app = express();\nexport default app;");
    right.verdict = Some(Verdict::Works);
    right.title = Some("Exports the app".into());
    Block::Compare(Box::new(Comparison { left, right }))
}

pub(crate) fn lesson(id: &str, blocks: Vec<Block>, quiz: Option<&str>) -> Lesson {
    Lesson {
        id: id.into(),
        title: format!("Lesson {id}"),
        minutes: Some(10),
        quiz: quiz.map(str::to_owned),
        path: format!("lessons/{id}.md"),
        block_lines: (0..blocks.len()).map(|i| 10 + i).collect(),
        blocks,
    }
}

pub(crate) fn choice(id: &str) -> Question {
    Question {
        id: id.into(),
        prompt: "Where should a visit counter live?".into(),
        explanation: "Only an external store survives instances.".into(),
        pin_order: true,
        kind: QuestionKind::Choice(ChoiceQuestion {
            options: vec![
                "A module-scope variable".into(),
                "A file under /var/data".into(),
                "A database".into(),
            ],
            answer: vec![2],
            multi: false,
            feedback: vec![],
        }),
        line: 3,
    }
}

/// A course of one lesson (`l1`) with sections, a pause, a comparison,
/// notes, a rule and a two-question quiz.
pub(crate) fn sample_course() -> Course {
    let blocks = vec![
        Block::Notes("welcome".into()),
        heading(1, "Lesson l1"),
        para("intro"),
        heading(2, "The old model"),
        Block::Notes("old model notes".into()),
        para("A server starts once."),
        Block::Pause,
        para("It keeps state."),
        heading(2, "Listen versus export"),
        comparison(),
        para("After the comparison."),
        Block::Rule,
        Block::Notes("rule notes".into()),
        para("A rule starts a slide."),
    ];
    Course {
        id: "c".into(),
        title: "Course".into(),
        version: "1".into(),
        lessons: vec![lesson("l1", blocks, Some("q1"))],
        quizzes: vec![Quiz {
            id: "q1".into(),
            title: None,
            path: "quizzes/q1.toml".into(),
            questions: vec![choice("a"), choice("b")],
        }],
    }
}

fn titles(slides: &[Slide]) -> Vec<String> {
    slides.iter().map(Slide::title).collect()
}

#[test]
fn a_lesson_splits_at_headings_and_rules_then_polls() {
    let course = sample_course();
    let slides = slides_for(&course, &course.lessons[0]);
    assert_eq!(
        titles(&slides),
        vec![
            "Lesson l1",
            "Lesson l1",
            "The old model",
            "Listen versus export",
            "Lesson l1",
            "Poll 1/2",
            "Poll 2/2",
        ]
    );
    assert!(matches!(
        slides[0].kind,
        SlideKind::Title { questions: 2, .. }
    ));
    assert_eq!(slides[2].line, 13);
    assert_eq!(slides[5].path, "quizzes/q1.toml");
}

#[test]
fn notes_attach_to_their_slide_and_early_notes_to_the_title() {
    let course = sample_course();
    let slides = slides_for(&course, &course.lessons[0]);
    assert_eq!(slides[0].notes, vec!["welcome"]);
    assert_eq!(slides[2].notes, vec!["old model notes"]);
    assert_eq!(slides[4].notes, vec!["rule notes"]);
    assert!(slides[3].notes.is_empty());
}

#[test]
fn pauses_make_steps_and_comparisons_reveal_the_bad_pane_first() {
    let course = sample_course();
    let slides = slides_for(&course, &course.lessons[0]);
    let SlideKind::Body { steps, blocks, .. } = &slides[2].kind else {
        panic!("body slide expected");
    };
    assert_eq!(blocks.len(), 2, "pause and notes are not blocks");
    assert_eq!(
        steps,
        &vec![
            Step {
                visible: 1,
                left_only: None
            },
            Step {
                visible: 2,
                left_only: None
            }
        ]
    );
    let SlideKind::Body { steps, .. } = &slides[3].kind else {
        panic!("body slide expected");
    };
    assert_eq!(
        steps,
        &vec![
            Step {
                visible: 1,
                left_only: Some(0)
            },
            Step {
                visible: 2,
                left_only: None
            }
        ]
    );
    assert_eq!(slides[3].steps(), 2);
    assert_eq!(slides[5].steps(), 1);
}

#[test]
fn empty_sections_make_no_slide_and_every_slide_has_a_step() {
    let blocks = vec![
        Block::Rule,
        Block::Notes("n".into()),
        Block::Rule,
        Block::Pause,
    ];
    let course = Course {
        id: "c".into(),
        title: "C".into(),
        version: "1".into(),
        lessons: vec![lesson("x", blocks, None)],
        quizzes: vec![],
    };
    let slides = slides_for(&course, &course.lessons[0]);
    assert_eq!(slides.len(), 1);
    assert_eq!(slides[0].notes, vec!["n"]);
    assert!(deck_for(&course).iter().all(|s| s.steps() >= 1));
}

#[test]
fn the_deck_starts_at_a_lesson() {
    let mut course = sample_course();
    let mut second = course.lessons[0].clone();
    second.id = "l2".into();
    second.quiz = None;
    course.lessons.push(second);
    let deck = deck_for(&course);
    assert_eq!(lesson_start(&deck, "l2"), Some(7));
    assert_eq!(lesson_start(&deck, "nope"), None);
}

#[test]
fn previews_are_plain_first_lines() {
    let course = sample_course();
    let slides = slides_for(&course, &course.lessons[0]);
    assert_eq!(
        slides[2].preview(3),
        vec!["A server starts once.", "It keeps state."]
    );
    assert_eq!(
        slides[3].preview(1),
        vec!["Starts a server ⟷ Exports the app"]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn block() -> impl Strategy<Value = Block> {
        prop_oneof![
            (1u8..4, "[a-z ]{0,12}").prop_map(|(l, t)| heading(l, &t)),
            "[a-z ]{0,20}".prop_map(|t| para(&t)),
            Just(Block::Pause),
            Just(Block::Rule),
            "[a-z ]{0,10}".prop_map(Block::Notes),
            Just(comparison()),
        ]
    }

    proptest! {
        #[test]
        fn any_block_sequence_makes_well_formed_slides(blocks in prop::collection::vec(block(), 0..40)) {
            let course = Course {
                id: "c".into(),
                title: "C".into(),
                version: "1".into(),
                lessons: vec![lesson("p", blocks.clone(), None)],
                quizzes: vec![],
            };
            let slides = slides_for(&course, &course.lessons[0]);
            let is_title = matches!(slides[0].kind, SlideKind::Title { .. });
            prop_assert!(is_title);
            let notes_in = blocks.iter().filter(|b| matches!(b, Block::Notes(_))).count();
            let notes_out: usize = slides.iter().map(|s| s.notes.len()).sum();
            prop_assert_eq!(notes_in, notes_out, "no note is lost");
            for s in &slides {
                prop_assert!(s.steps() >= 1);
                if let SlideKind::Body { blocks, steps, .. } = &s.kind {
                    let clean = blocks
                        .iter()
                        .all(|b| !matches!(b, Block::Pause | Block::Rule | Block::Notes(_)));
                    prop_assert!(clean);
                    for w in steps.windows(2) {
                        prop_assert!(w[0].visible <= w[1].visible);
                    }
                    for st in steps {
                        prop_assert!(st.visible <= blocks.len());
                        if let Some(i) = st.left_only {
                            prop_assert!(i < st.visible);
                            let is_compare = matches!(blocks[i], Block::Compare(_));
                            prop_assert!(is_compare);
                        }
                    }
                    prop_assert_eq!(steps.last().map(|s| s.visible), Some(blocks.len()));
                }
            }
        }
    }
}
