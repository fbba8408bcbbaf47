use super::parse_quiz;
use crate::content::model::{QuestionKind, Reason, Side, Verdict};

const GOOD: &str = r#"title = "Red flags"

[[questions]]
id = "pick"
type = "choice"
prompt = "Which *one*?"
explanation = "Because."
options = ["a", "b", "c"]
answer = 1
feedback = ["no", "yes", "no"]

[[questions]]
id = "multi"
type = "choice"
prompt = "Which ones?"
explanation = "Both."
options = ["a", "b", "c"]
answer = [0, 2]
pin_order = true

[[questions]]
id = "listen"
type = "verdict"
prompt = "Would this run?"
explanation = "No: it listens."
code = """
const app = express();
app.listen(3000);
"""
lang = "js"
answer = "fails"
lines = [2]
reason = "persistent-server"

[[questions]]
id = "export"
type = "verdict"
prompt = "And this?"
explanation = "Yes."
code = "export default app;"
lang = "ts"
answer = "works"

[[questions]]
id = "which"
type = "compare"
prompt = "Which works?"
explanation = "Right."
left = "app.listen(3000)"
right = "export default app"
lang = "js"
answer = "right"

[[questions]]
id = "where"
type = "placement"
prompt = "Where does each part run?"
explanation = "See the diagram."
items = ["auth", "streaming"]
targets = ["Vercel functions", "separate server"]
answer = { auth = "Vercel functions", streaming = "separate server" }
"#;

fn errors(text: &str) -> Vec<String> {
    parse_quiz("q", "quizzes/q.toml", text)
        .1
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
        .collect()
}

/// GOOD with `from` replaced by `to` (exactly once).
fn broken(from: &str, to: &str) -> Vec<String> {
    assert_eq!(GOOD.matches(from).count(), 1, "{from}");
    errors(&GOOD.replacen(from, to, 1))
}

#[test]
fn a_good_quiz_parses_into_clean_questions() {
    let (quiz, d) = parse_quiz("q", "quizzes/q.toml", GOOD);
    assert!(d.is_empty(), "{d:?}");
    let quiz = quiz.expect("quiz");
    assert_eq!(quiz.title.as_deref(), Some("Red flags"));
    let q = &quiz.questions;
    assert_eq!(q.len(), 6);
    assert_eq!(
        q.iter().map(|q| q.line).collect::<Vec<_>>(),
        vec![3, 12, 21, 35, 44, 54]
    );
    let QuestionKind::Choice(c) = &q[0].kind else {
        panic!()
    };
    assert_eq!(
        (c.answer.as_slice(), c.multi, c.feedback.len()),
        (&[1][..], false, 3)
    );
    let QuestionKind::Choice(c) = &q[1].kind else {
        panic!()
    };
    assert_eq!(
        (c.answer.as_slice(), c.multi, q[1].pin_order),
        (&[0, 2][..], true, true)
    );
    let QuestionKind::Verdict(v) = &q[2].kind else {
        panic!()
    };
    assert_eq!(v.code, "const app = express();\napp.listen(3000);");
    assert_eq!(
        (v.answer, v.lines.as_slice(), v.reason),
        (Verdict::Fails, &[2][..], Some(Reason::PersistentServer))
    );
    let QuestionKind::Verdict(v) = &q[3].kind else {
        panic!()
    };
    assert_eq!((v.answer, v.reason), (Verdict::Works, None));
    let QuestionKind::Compare(c) = &q[4].kind else {
        panic!()
    };
    assert_eq!(c.answer, Side::Right);
    let QuestionKind::Placement(p) = &q[5].kind else {
        panic!()
    };
    assert_eq!(p.answer, vec![0, 1]);
}

#[test]
fn toml_syntax_error_has_its_position() {
    assert_eq!(
        broken("answer = 1\n", "answer = \n"),
        vec!["9:10: string values must be quoted, expected literal string"]
    );
}

#[test]
fn unknown_and_missing_keys() {
    assert_eq!(
        broken("feedback = [", "feedbak = ["),
        vec!["10:1: unknown field `feedbak`, expected one of `id`, `type`, `prompt`, `explanation`, `pin_order`, `options`, `answer`, `feedback`, `code`, `lang`, `lines`, `reason`, `left`, `right`, `items`, `targets`"]
    );
    assert_eq!(
        broken("explanation = \"Because.\"\n", ""),
        vec!["3:1: missing field `explanation`"]
    );
    assert_eq!(
        broken(
            "options = [\"a\", \"b\", \"c\"]\nanswer = 1\n",
            "answer = 1\n"
        ),
        vec!["3:1: a `choice` question needs `options`"]
    );
    assert_eq!(
        broken("title = \"Red flags\"", "titel = \"Red flags\""),
        vec!["1:1: unknown field `titel`, expected `title` or `questions`"]
    );
    assert_eq!(
        broken(
            "lang = \"ts\"\nanswer = \"works\"",
            "lang = \"ts\"\nanswer = \"works\"\nreason = \"x\""
        ),
        vec!["43:10: a snippet that works has no `reason`"]
    );
    assert_eq!(
        broken("answer = \"right\"", "answer = \"right\"\nlines = [1]"),
        vec!["53:9: `lines` is not used by a `compare` question"]
    );
}

#[test]
fn wrong_types() {
    assert_eq!(
        broken("id = \"pick\"", "id = 7"),
        vec!["4:6: invalid type: integer `7`, expected a string"]
    );
    assert_eq!(
        broken(
            "type = \"choice\"\nprompt = \"Which *one*?\"",
            "type = \"quiz\"\nprompt = \"Which *one*?\""
        ),
        vec!["5:8: unknown question type `quiz` (expected choice, verdict, compare or placement)"]
    );
    // The top level is read from the parsed table; anything odd there is
    // left to serde, so its messages stay the same.
    assert_eq!(
        broken("title = \"Red flags\"", "title = 7"),
        vec!["1:9: invalid type: integer `7`, expected a string"]
    );
    assert_eq!(
        errors("title = \"x\"\nquestions = 3\n"),
        vec!["2:13: invalid type: integer `3`, expected a sequence"]
    );
    assert_eq!(broken("answer = [0, 2]", "answer = \"0\""), vec!["18:10: `answer` of a choice question is an option number (from 0) or an array of them, e.g. `answer = 2` or `answer = [0, 2]`"]);
}

#[test]
fn duplicate_question_ids() {
    assert_eq!(
        broken("id = \"multi\"", "id = \"pick\""),
        vec!["13:6: duplicate question id `pick` (first used at line 4)"]
    );
}

#[test]
fn answers_out_of_range_or_not_an_option() {
    assert_eq!(
        broken("answer = 1\n", "answer = 3\n"),
        vec!["9:10: answer 3 is out of range: there are 3 options, numbered from 0 to 2"]
    );
    assert_eq!(
        broken("answer = [0, 2]", "answer = [0, -1]"),
        vec!["18:10: answer -1 is out of range: there are 3 options, numbered from 0 to 2"]
    );
    assert_eq!(
        broken("answer = \"fails\"", "answer = \"broken\""),
        vec!["31:10: `answer` of a verdict question is \"fails\" or \"works\""]
    );
    assert_eq!(
        broken("answer = \"right\"", "answer = \"middle\""),
        vec!["52:10: `answer` of a compare question is \"left\" or \"right\""]
    );
    assert_eq!(
        broken(
            "feedback = [\"no\", \"yes\", \"no\"]",
            "feedback = [\"no\"]"
        ),
        vec!["10:12: `feedback` has 1 entries but there are 3 options (one per option)"]
    );
}

#[test]
fn lines_reason_and_lang() {
    assert_eq!(
        broken("lines = [2]", "lines = [2, 5]"),
        vec!["32:13: line 5 is outside the snippet (2 lines, numbered from 1)"]
    );
    assert_eq!(
        broken("reason = \"persistent-server\"", "reason = \"global-state\""),
        vec!["33:10: unknown reason `global-state` (valid: persistent-server, in-memory-state, local-filesystem, persistent-connection, unbounded-work, uncached-connection)"]
    );
    assert_eq!(
        broken("lang = \"ts\"", "lang = \"cobol\""),
        vec![format!(
            "41:8: unknown language `cobol` for the highlighter (try {})",
            crate::content::lang::known_list()
        )]
    );
    assert_eq!(
        broken("lines = [2]\n", ""),
        vec!["31:10: a failing snippet needs `lines`: the 1-based lines that break"]
    );
}

#[test]
fn placement_answers_must_name_items_and_targets() {
    assert_eq!(
        broken(
            "streaming = \"separate server\" }",
            "streaming = \"the moon\" }"
        ),
        vec!["61:10: `answer` puts `streaming` in `the moon`, which is not one of the targets"]
    );
    assert_eq!(
        broken(
            "answer = { auth = \"Vercel functions\", ",
            "answer = { auht = \"Vercel functions\", "
        ),
        vec![
            "61:10: `answer` names `auht`, which is not one of the items",
            "61:10: item `auth` has no target in `answer`"
        ]
    );
}

#[test]
fn every_broken_question_is_reported_not_just_the_first() {
    let text =
        GOOD.replacen("answer = 1\n", "answer = 9\n", 1)
            .replacen("lines = [2]", "lines = [7]", 1);
    assert_eq!(errors(&text).len(), 2);
}

#[test]
fn empty_quiz_is_an_error() {
    assert_eq!(
        errors("title = \"x\"\n"),
        vec!["1:1: a quiz needs at least one `[[questions]]` table"]
    );
}
