//! Coverage tests for the default course, read straight from the repository
//! files (course.toml, lessons/, quizzes/, assets/) with plain TOML parsing:
//! they do not depend on the crate's loader, so they keep the content honest
//! even while the loader changes.
//!
//! What they pin down: the eight lessons and their titles, front matter,
//! speaker notes on every slide, reveal steps, the quiz coverage (count per
//! type, every red-flag reason at least twice among failing verdicts, the
//! then-and-now questions), the dated platform notes, the aligned hybrid
//! diagram, and that every code line and table row of the source guide
//! appears in the lessons.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use toml::{Table, Value};
use unicode_width::UnicodeWidthStr;

const EXPECTED_LESSONS: [(&str, &str); 8] = [
    ("01-what-broke", "What broke: FUNCTION_INVOCATION_FAILED"),
    (
        "02-root-cause",
        "Root cause: a server where a function was expected",
    ),
    (
        "03-mental-model",
        "The mental model: a food truck, not a restaurant",
    ),
    ("04-red-flags", "Red flags: six patterns and their fixes"),
    (
        "05-before-you-deploy",
        "Before you deploy: six questions and three pitfalls",
    ),
    ("06-alternatives", "Alternatives and trade-offs"),
    ("07-hybrid-architecture", "The hybrid architecture"),
    ("08-takeaways", "Key takeaways and further reading"),
];

const REASONS: [&str; 6] = [
    "persistent-server",
    "in-memory-state",
    "local-filesystem",
    "persistent-connection",
    "unbounded-work",
    "uncached-connection",
];

const LANGS: [&str; 9] = [
    "js", "ts", "jsx", "tsx", "json", "toml", "yaml", "bash", "text",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn parse_table(rel: &str, text: &str) -> Table {
    text.parse::<Table>()
        .unwrap_or_else(|e| panic!("{rel}: invalid TOML: {e}"))
}

fn manifest() -> Table {
    parse_table("course.toml", &read("course.toml"))
}

fn lesson_ids() -> Vec<String> {
    manifest()["lessons"]
        .as_array()
        .expect("lessons is an array")
        .iter()
        .map(|v| v.as_str().expect("lesson id is a string").to_owned())
        .collect()
}

/// A lesson split into its TOML front matter and its markdown body.
struct LessonFile {
    id: String,
    front: Table,
    body: String,
}

fn lesson(id: &str) -> LessonFile {
    let rel = format!("lessons/{id}.md");
    let text = read(&rel);
    let rest = text
        .strip_prefix("+++\n")
        .unwrap_or_else(|| panic!("{rel}: must start with a +++ front matter line"));
    let end = rest
        .find("\n+++\n")
        .unwrap_or_else(|| panic!("{rel}: front matter is not closed by +++"));
    LessonFile {
        id: id.to_owned(),
        front: parse_table(&rel, &rest[..end + 1]),
        body: rest[end + 5..].to_owned(),
    }
}

fn lessons() -> Vec<LessonFile> {
    lesson_ids().iter().map(|id| lesson(id)).collect()
}

/// Splits a body into slides the way `present` does: a new slide at each
/// `## ` heading and each `---` rule, ignoring lines inside code fences.
fn slides(body: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut in_fence = false;
    for line in body.lines() {
        if line.starts_with("```") {
            in_fence = !in_fence;
        }
        let breaks = !in_fence && (line.starts_with("## ") || line.trim() == "---");
        if breaks {
            out.push(String::new());
        }
        if let Some(slide) = out.last_mut() {
            slide.push_str(line);
            slide.push('\n');
        }
    }
    out.retain(|s| !s.trim().is_empty() && s.trim() != "---");
    out
}

/// The fenced code blocks of a markdown text: (info string, code).
fn fences(body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in body.lines() {
        match open.take() {
            None => {
                if let Some(info) = line.strip_prefix("```") {
                    open = Some((info.trim().to_owned(), String::new()));
                }
            }
            Some((info, mut code)) => {
                if line.trim() == "```" {
                    out.push((info, code));
                } else {
                    code.push_str(line);
                    code.push('\n');
                    open = Some((info, code));
                }
            }
        }
    }
    assert!(open.is_none(), "unclosed code fence");
    out
}

struct QuizFile {
    rel: String,
    questions: Vec<Table>,
}

fn quiz(id: &str) -> QuizFile {
    let rel = format!("quizzes/{id}.toml");
    let table = parse_table(&rel, &read(&rel));
    let questions = table["questions"]
        .as_array()
        .unwrap_or_else(|| panic!("{rel}: no [[questions]]"))
        .iter()
        .map(|q| q.as_table().expect("question is a table").clone())
        .collect();
    QuizFile { rel, questions }
}

fn quizzes() -> Vec<QuizFile> {
    lessons()
        .iter()
        .map(|l| quiz(l.front["quiz"].as_str().expect("quiz is a string")))
        .collect()
}

fn all_questions() -> Vec<(String, Table)> {
    quizzes()
        .into_iter()
        .flat_map(|q| {
            let rel = q.rel;
            q.questions.into_iter().map(move |t| (rel.clone(), t))
        })
        .collect()
}

fn str_of<'a>(q: &'a Table, key: &str) -> &'a str {
    q.get(key).and_then(Value::as_str).unwrap_or("")
}

fn ints(q: &Table, key: &str) -> Vec<i64> {
    match q.get(key) {
        Some(Value::Integer(i)) => vec![*i],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_integer).collect(),
        _ => Vec::new(),
    }
}

fn strings(q: &Table, key: &str) -> Vec<String> {
    q.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_course_has_eight_lessons_with_their_titles_in_order() {
    let m = manifest();
    assert_eq!(m["id"].as_str(), Some("serverless-migration"));
    assert_eq!(m["version"].as_str(), Some("1.0.0"));
    assert!(!str_of(&m, "title").is_empty());
    let got: Vec<(String, String)> = lessons()
        .iter()
        .map(|l| (l.id.clone(), str_of(&l.front, "title").to_owned()))
        .collect();
    let want: Vec<(String, String)> = EXPECTED_LESSONS
        .iter()
        .map(|(id, t)| (id.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn every_lesson_file_is_listed_and_has_complete_front_matter() {
    let listed: HashSet<String> = lesson_ids().into_iter().collect();
    for entry in fs::read_dir(root().join("lessons")).expect("lessons dir") {
        let name = entry.expect("dir entry").file_name();
        let name = name.to_string_lossy();
        let id = name.strip_suffix(".md").unwrap_or(&name);
        assert!(listed.contains(id), "lessons/{name} is not in course.toml");
    }
    for l in lessons() {
        let minutes = l.front["minutes"].as_integer().expect("minutes");
        assert!((5..=10).contains(&minutes), "{}: {minutes} minutes", l.id);
        let quiz_id = str_of(&l.front, "quiz");
        assert_eq!(quiz_id, l.id, "{}: quiz id matches the lesson id", l.id);
        assert!(root().join(format!("quizzes/{quiz_id}.toml")).is_file());
        let first = l.body.lines().find(|s| !s.trim().is_empty()).unwrap_or("");
        assert_eq!(
            first,
            format!("# {}", str_of(&l.front, "title")),
            "{}: body opens with the title",
            l.id
        );
    }
}

#[test]
fn every_slide_has_speaker_notes_and_every_lesson_has_reveal_steps() {
    for l in lessons() {
        let s = slides(&l.body);
        assert!(s.len() >= 5, "{}: only {} slides", l.id, s.len());
        for (i, slide) in s.iter().enumerate() {
            assert!(
                slide.contains("<!-- notes:"),
                "{}: slide {} has no speaker notes:\n{slide}",
                l.id,
                i + 1
            );
        }
        let pauses = l.body.matches("<!-- pause -->").count();
        assert!(pauses >= 2, "{}: {pauses} pause steps", l.id);
    }
}

#[test]
fn comparisons_are_two_fences_one_failing_with_marked_lines_and_one_working() {
    let mut total = 0;
    for l in lessons() {
        for part in l.body.split("<!-- compare -->").skip(1) {
            let inner = part
                .split("<!-- /compare -->")
                .next()
                .expect("split yields one part");
            assert!(part.contains("<!-- /compare -->"), "{}: unclosed", l.id);
            let f = fences(inner);
            assert_eq!(f.len(), 2, "{}: a comparison has two fences", l.id);
            assert!(f[0].0.starts_with("js fails title=\""), "{}", f[0].0);
            assert!(f[1].0.starts_with("js works title=\""), "{}", f[1].0);
            let lines = f[0]
                .0
                .split("lines=")
                .nth(1)
                .unwrap_or_else(|| panic!("{}: failing fence without lines=", l.id));
            let count = f[0].1.lines().count();
            for n in lines.split(',').flat_map(|r| r.split('-')) {
                let n: usize = n.trim().parse().expect("line number");
                assert!((1..=count).contains(&n), "{}: line {n} of {count}", l.id);
            }
            total += 1;
        }
    }
    // The original code in lesson 2, six red flags in lesson 4, pitfall 3 in lesson 5.
    assert_eq!(total, 8);
}

#[test]
fn the_quizzes_cover_every_type_and_every_reason() {
    let qs = all_questions();
    assert!(qs.len() >= 40, "{} questions", qs.len());
    let mut per_type: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_reason: BTreeMap<String, usize> = BTreeMap::new();
    let mut works_verdicts = 0;
    for (_, q) in &qs {
        *per_type.entry(str_of(q, "type").to_owned()).or_default() += 1;
        if str_of(q, "type") == "verdict" {
            match str_of(q, "answer") {
                "fails" => {
                    *per_reason
                        .entry(str_of(q, "reason").to_owned())
                        .or_default() += 1
                }
                _ => works_verdicts += 1,
            }
        }
    }
    for t in ["choice", "verdict", "compare", "placement"] {
        assert!(
            per_type.get(t).copied().unwrap_or(0) >= 1,
            "no {t} question"
        );
    }
    let code_questions = per_type["verdict"] + per_type["compare"];
    assert!(
        code_questions > per_type["choice"],
        "mostly code questions: {per_type:?}"
    );
    for r in REASONS {
        let n = per_reason.get(r).copied().unwrap_or(0);
        assert!(n >= 2, "reason {r}: {n} failing verdicts ({per_reason:?})");
    }
    assert_eq!(per_reason.len(), REASONS.len(), "{per_reason:?}");
    assert!(works_verdicts >= 6, "{works_verdicts} passing verdicts");
}

#[test]
fn every_question_is_well_formed() {
    let mut ids = HashSet::new();
    for (rel, q) in all_questions() {
        let id = str_of(&q, "id").to_owned();
        assert!(!id.is_empty(), "{rel}: question without id");
        assert!(ids.insert(id.clone()), "{rel}: duplicate id {id}");
        assert!(
            !str_of(&q, "prompt").trim().is_empty(),
            "{rel}:{id}: prompt"
        );
        assert!(
            str_of(&q, "explanation").trim().len() > 40,
            "{rel}:{id}: the explanation must teach"
        );
        match str_of(&q, "type") {
            "choice" => check_choice(&rel, &id, &q),
            "verdict" => check_verdict(&rel, &id, &q),
            "compare" => {
                assert!(LANGS.contains(&str_of(&q, "lang")), "{rel}:{id}: lang");
                assert!(!str_of(&q, "left").trim().is_empty());
                assert!(!str_of(&q, "right").trim().is_empty());
                assert!(matches!(str_of(&q, "answer"), "left" | "right"));
            }
            "placement" => check_placement(&rel, &id, &q),
            other => panic!("{rel}:{id}: unknown type {other}"),
        }
    }
}

fn check_choice(rel: &str, id: &str, q: &Table) {
    let options = strings(q, "options");
    assert!(options.len() >= 2, "{rel}:{id}: options");
    let answer = ints(q, "answer");
    assert!(!answer.is_empty(), "{rel}:{id}: answer");
    for a in answer {
        assert!(
            (0..options.len() as i64).contains(&a),
            "{rel}:{id}: answer {a}"
        );
    }
    let feedback = strings(q, "feedback");
    assert!(
        feedback.is_empty() || feedback.len() == options.len(),
        "{rel}:{id}: one feedback per option"
    );
}

fn check_verdict(rel: &str, id: &str, q: &Table) {
    assert!(LANGS.contains(&str_of(q, "lang")), "{rel}:{id}: lang");
    let count = str_of(q, "code").lines().count() as i64;
    assert!(count >= 3, "{rel}:{id}: code");
    let lines = ints(q, "lines");
    match str_of(q, "answer") {
        "fails" => {
            assert!(REASONS.contains(&str_of(q, "reason")), "{rel}:{id}: reason");
            assert!(!lines.is_empty(), "{rel}:{id}: failing lines");
            for n in lines {
                assert!((1..=count).contains(&n), "{rel}:{id}: line {n} of {count}");
            }
        }
        "works" => {
            assert!(lines.is_empty() && q.get("reason").is_none(), "{rel}:{id}");
        }
        other => panic!("{rel}:{id}: answer {other}"),
    }
}

fn check_placement(rel: &str, id: &str, q: &Table) {
    let items = strings(q, "items");
    let targets = strings(q, "targets");
    let answer = q["answer"].as_table().expect("placement answer is a table");
    assert_eq!(answer.len(), items.len(), "{rel}:{id}: one target per item");
    for item in &items {
        let target = answer
            .get(item)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{rel}:{id}: no target for {item}"));
        assert!(targets.iter().any(|t| t == target), "{rel}:{id}: {target}");
    }
}

#[test]
fn every_explanation_points_back_to_a_lesson_and_every_choice_has_feedback() {
    let titles: Vec<String> = EXPECTED_LESSONS
        .iter()
        .map(|(_, t)| t.to_string())
        .collect();
    for (rel, q) in all_questions() {
        let id = str_of(&q, "id");
        let explanation = str_of(&q, "explanation")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            titles.iter().any(|t| explanation.contains(t.as_str())),
            "{rel}:{id}: the explanation names no lesson title"
        );
        if str_of(&q, "type") == "choice" {
            assert!(
                !strings(&q, "feedback").is_empty(),
                "{rel}:{id}: no per-option feedback"
            );
        }
    }
}

/// Side-by-side panes on a projector are about 41 columns of code wide:
/// comparison code is written to fit, so nothing wraps in front of a room.
/// The guide's original code in lesson 2 is kept verbatim and may wrap.
#[test]
fn comparison_code_fits_a_projector_pane() {
    const PANE: usize = 41;
    for (rel, q) in all_questions() {
        if str_of(&q, "type") != "compare" {
            continue;
        }
        for side in ["left", "right"] {
            for line in str_of(&q, side).lines() {
                assert!(
                    line.width() <= PANE,
                    "{rel}:{}: {side}: {line}",
                    str_of(&q, "id")
                );
            }
        }
    }
    for l in lessons().iter().filter(|l| l.id != "02-root-cause") {
        for (info, code) in fences(&l.body) {
            if info.contains(" fails") || info.contains(" works") {
                for line in code.lines() {
                    assert!(line.width() <= PANE, "{}: {info}: {line}", l.id);
                }
            }
        }
    }
}

#[test]
fn the_hybrid_placement_covers_the_whole_movie_app() {
    let (_, q) = all_questions()
        .into_iter()
        .find(|(_, q)| str_of(q, "type") == "placement")
        .expect("a placement question");
    let answer = q["answer"].as_table().expect("table");
    let want = [
        ("Auth", "Vercel functions"),
        ("Reviews", "Vercel functions"),
        ("Movies", "Vercel functions"),
        ("Comments", "Vercel functions"),
        ("Lists", "Vercel functions"),
        ("WebTorrent streaming", "Separate server"),
        ("Subtitle uploads", "Cloud storage"),
        ("Realtime updates", "Managed realtime service"),
    ];
    for (item, target) in want {
        assert_eq!(answer.get(item).and_then(Value::as_str), Some(target));
    }
}

/// Each `<!-- since: DATE source=URL -->` note: (lesson id, date, source, body).
fn since_notes() -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for l in lessons() {
        for part in l.body.split("<!-- since:").skip(1) {
            let (head, rest) = part.split_once("-->").expect("since header closed");
            let body = rest
                .split("<!-- /since -->")
                .next()
                .expect("split yields one part");
            assert!(rest.contains("<!-- /since -->"), "{}: unclosed since", l.id);
            let mut words = head.split_whitespace();
            let date = words.next().unwrap_or("").to_owned();
            let source = words
                .find_map(|w| w.strip_prefix("source="))
                .unwrap_or("")
                .to_owned();
            out.push((l.id.clone(), date, source, body.to_owned()));
        }
    }
    out
}

#[test]
fn every_then_and_now_note_has_a_date_a_source_and_the_guides_claim() {
    let notes = since_notes();
    assert!(notes.len() >= 8, "{} notes", notes.len());
    for (id, date, source, body) in &notes {
        assert_eq!(date, "2026-12", "{id}: date");
        let official = [
            "https://vercel.com/docs/",
            "https://developers.cloudflare.com/workers/",
            "https://docs.aws.amazon.com/lambda/",
        ];
        assert!(
            official.iter().any(|p| source.starts_with(p)),
            "{id}: source {source}"
        );
        assert!(body.contains("**Since the guide:**"), "{id}: marker");
        assert!(
            body.contains("(The guide said:"),
            "{id}: keeps the guide's claim"
        );
    }
}

#[test]
fn each_platform_update_sits_in_the_lesson_where_the_guide_makes_the_claim() {
    let notes = since_notes();
    let has = |lesson: &str, source: &str, facts: &[&str]| {
        notes.iter().any(|(id, _, src, body)| {
            id == lesson && src.contains(source) && facts.iter().all(|f| body.contains(f))
        })
    };
    assert!(has(
        "02-root-cause",
        "vercel.com/docs/functions/limitations",
        &[
            "300 s",
            "800 s",
            "Fluid compute",
            "10 s on Hobby, 60 s on Pro"
        ]
    ));
    assert!(has(
        "02-root-cause",
        "vercel.com/docs/fluid-compute",
        &[
            "share one function instance",
            "overwrite",
            "each request gets its own instance"
        ]
    ));
    assert!(has(
        "03-mental-model",
        "vercel.com/docs/fluid-compute",
        &["several customers"]
    ));
    assert!(has(
        "04-red-flags",
        "vercel.com/docs/functions",
        &["waitUntil", "bounded", "setInterval"]
    ));
    assert!(has(
        "05-before-you-deploy",
        "developers.cloudflare.com/workers/platform/limits",
        &[
            "10 ms",
            "30 s",
            "5 minutes",
            "March 2025",
            "nodejs_compat",
            "50ms"
        ]
    ));
    assert!(has(
        "05-before-you-deploy",
        "docs.aws.amazon.com/lambda",
        &["15 minutes", "512 MB", "10,240 MB"]
    ));
    assert!(has(
        "06-alternatives",
        "docs.aws.amazon.com/lambda",
        &["512 MB", "10,240 MB", "512MB"]
    ));
}

#[test]
fn at_least_four_questions_test_the_platform_updates() {
    let now: Vec<(String, Table)> = all_questions()
        .into_iter()
        .filter(|(_, q)| str_of(q, "id").starts_with("now-"))
        .collect();
    assert!(now.len() >= 4, "{} then-and-now questions", now.len());
    let shared = now
        .iter()
        .find(|(_, q)| str_of(q, "id") == "now-shared-instance-current-user")
        .expect("the shared-instance question");
    assert_eq!(str_of(&shared.1, "answer"), "fails");
    assert_eq!(str_of(&shared.1, "reason"), "in-memory-state");
    assert!(str_of(&shared.1, "code").starts_with("let currentUser"));
}

#[test]
fn the_hybrid_diagram_is_aligned_and_matches_its_asset() {
    let asset = read("assets/hybrid-architecture.txt");
    let widths: Vec<usize> = asset.lines().map(UnicodeWidthStr::width).collect();
    assert_eq!(widths.len(), 22);
    assert!(
        widths.iter().all(|w| *w == widths[0]),
        "ragged diagram: {widths:?}"
    );
    // Narrow enough for the lesson pane beside the sidebar at 80 columns.
    assert!(widths[0] <= 52, "diagram is {} columns wide", widths[0]);
    assert!(asset.contains("Auth ✅") && asset.contains("[MongoDB Atlas] ← Database"));
    let lesson = lesson("07-hybrid-architecture");
    let diagram = fences(&lesson.body)
        .into_iter()
        .find(|(info, _)| info == "text")
        .expect("the diagram is a text fence");
    assert_eq!(diagram.1, asset);
}

/// Every code line and every table row of the source guide appears in a
/// lesson (the diagram is checked separately, because it was realigned).
#[test]
fn every_guide_snippet_line_and_table_row_is_in_the_lessons() {
    let guide = read("assets/serverless-migration-guide.md");
    let lesson_lines: HashSet<String> = lessons()
        .iter()
        .flat_map(|l| {
            l.body
                .lines()
                .map(|s| s.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut in_fence = false;
    let mut in_diagram = false;
    let mut checked = 0;
    for line in guide.lines() {
        if let Some(info) = line.strip_prefix("```") {
            in_diagram = !in_fence && info.trim().is_empty();
            in_fence = !in_fence;
            continue;
        }
        let is_code = in_fence && !in_diagram && !line.trim().is_empty();
        let is_row = !in_fence && line.starts_with('|') && !line.starts_with("|--");
        if is_code || is_row {
            assert!(
                lesson_lines.contains(line.trim()),
                "guide line missing from the lessons: {line}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 110, "only {checked} guide lines checked");
}

#[test]
fn the_four_further_reading_links_are_kept() {
    let body = lesson("08-takeaways").body;
    for url in [
        "https://vercel.com/docs/functions/serverless-functions",
        "https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html",
        "https://www.mongodb.com/docs/atlas/manage-connections-with-cloud-functions/",
        "https://12factor.net/",
    ] {
        assert!(body.contains(&format!("({url})")), "missing {url}");
    }
}

#[test]
fn assets_hold_real_files() {
    let dir = root().join("assets");
    let names: Vec<String> = fs::read_dir(&dir)
        .expect("assets dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n == ".keep"), "{names:?}");
    assert!(Path::new(&dir.join("firebase-upload.js")).is_file());
}
