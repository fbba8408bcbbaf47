use super::*;
use crate::quiz::testdata::sample_quiz;

fn run_script(script: &str, seed: Option<u64>) -> (String, PlainResult) {
    let quiz = sample_quiz();
    let mut out = Vec::new();
    let opts = PlainOptions {
        seed,
        ..PlainOptions::default()
    };
    let result = run(&quiz, script.as_bytes(), &mut out, &opts).unwrap();
    (String::from_utf8(out).unwrap(), result)
}

#[test]
fn all_right_answers_score_full() {
    let (out, r) = run_script(
        "B\nfails 1,4 in-memory-state\nright\nauth=functions, chat=server\n",
        None,
    );
    assert_eq!((r.correct, r.total, r.ended_early), (4, 4, false));
    assert!(out.ends_with("score: 4/4\n"), "{out}");
    assert!(out.contains("Question 2 of 4 (works or fails?)"));
    assert!(out.contains("   1 | let visits = 0;"), "{out}");
    assert!(out.contains("❌ 1 | let visits = 0;"), "{out}");
    assert!(!out.contains('\u{1b}'));
    let ids: Vec<&str> = r.attempts.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["stateless", "counter", "listen", "hybrid"]);
}

#[test]
fn bad_input_is_reasked_with_the_expected_form() {
    let (out, r) = run_script("Z\n\nA\n", None);
    assert!(out.contains("Not understood (\"Z\" is not one of the options). Please answer with one letter (A to C), e.g. B."), "{out}");
    assert!(out.contains("Not understood (no answer given)"));
    assert_eq!(r.attempts.len(), 1);
    assert!(r.ended_early);
    assert!(
        out.ends_with("End of input: 1 of 4 questions answered.\nscore: 0/4\n"),
        "{out}"
    );
}

#[test]
fn feedback_labels_your_answer_and_the_correct_one() {
    let (out, _) = run_script(
        "A\nfails 2 unbounded\nleft\nauth=server, chat=server\n",
        None,
    );
    assert!(
        out.contains("❌ Incorrect.\nYour answer: A\nCorrect answer: B\n"),
        "{out}"
    );
    assert!(out.contains("  A (your answer, not correct): Stateless is exactly what it is."));
    assert!(out.contains("  B (correct answer): Right: there is no server to keep running."));
    assert!(
        out.contains("✔ Correct.\nYour answer: fails, line 2, unbounded-work\n"),
        "{out}"
    );
    assert!(out.contains("  Lines: ❌ wrong\n  Reason: ❌ wrong\n"));
    assert!(out.contains("  Items placed right: 1 of 2"));
    assert!(out.ends_with("score: 1/4\n"));
}

#[test]
fn empty_input_ends_cleanly() {
    let (out, r) = run_script("", Some(5));
    assert!(r.attempts.is_empty());
    assert!(out.ends_with("End of input: 0 of 4 questions answered.\nscore: 0/4\n"));
}

#[test]
fn long_and_binary_lines_are_bounded_and_safe() {
    let mut script = "x".repeat(100_000);
    script.push_str("\n\u{1b}[31mB\u{7}\n");
    let (out, r) = run_script(&script, None);
    assert!(!out.contains('\u{1b}'), "escape echoed");
    assert!(!out.contains('\u{7}'));
    assert!(out.len() < 20_000);
    assert_eq!(r.attempts.len(), 0);
    let mut input: &[u8] = b"abc\r\n\xff\xfe\nlast";
    assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("abc"));
    assert_eq!(
        read_line(&mut input).unwrap().as_deref(),
        Some("\u{FFFD}\u{FFFD}")
    );
    assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("last"));
    assert_eq!(read_line(&mut input).unwrap(), None);
}

#[test]
fn records_each_attempt_as_it_goes() {
    let quiz = sample_quiz();
    let mut seen = Vec::new();
    let opts = PlainOptions {
        seed: None,
        prior_attempts: [("stateless".to_owned(), 2)].into_iter().collect(),
    };
    run_with(
        &quiz,
        "B\nworks\n".as_bytes(),
        io::sink(),
        &opts,
        |id, a| {
            seen.push((id.to_owned(), a.attempt, a.grade.correct));
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(
        seen,
        [
            ("stateless".to_owned(), 3, true),
            ("counter".to_owned(), 1, false)
        ]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn answer_like() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            proptest::string::string_regex(
                "(works|fails|left|right|[a-e]|[0-9,-]+|[a-z ]+=[a-z ]+|memory|,| )*"
            )
            .expect("valid regex"),
        ]
    }

    proptest! {
        #[test]
        fn arbitrary_lines_never_panic_the_parser(line in answer_like()) {
            let quiz = sample_quiz();
            for q in &quiz.questions {
                for seed in [None, Some(3)] {
                    let order = Order::for_question(q, seed);
                    let _ = parse::parse_answer(q, &order, &line);
                }
            }
        }

        #[test]
        fn arbitrary_stdin_never_panics_a_run(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let quiz = sample_quiz();
            let mut out = Vec::new();
            let r = run(&quiz, bytes.as_slice(), &mut out, &PlainOptions::default()).unwrap();
            let text = String::from_utf8(out).unwrap();
            let score_line = format!("score: {}/4\n", r.correct);
            prop_assert!(text.ends_with(&score_line));
            let has_escape = text.contains('\u{1b}');
            prop_assert!(!has_escape);
        }
    }
}
