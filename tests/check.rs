//! The red-flag checker: rule fixtures (the guide's own snippets and tricky
//! near-misses), unparseable files, the `check` command's text/JSON output and
//! exit codes, and the quiz keys of the embedded course.

use serverless_tutor::check::{scan_source, ScanResult, Severity};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", root.display());
    files
}

/// `(line, reason)` for every error finding.
fn flagged(path: &Path) -> BTreeSet<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    match scan_source(&path.to_string_lossy(), &text) {
        ScanResult::Scanned(findings) => findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.line, f.reason.to_string()))
            .collect(),
        ScanResult::Unparseable(u) => panic!("{} does not parse: {u:?}", path.display()),
    }
}

/// The `// expect: reason reason` markers of a fixture.
fn expected(path: &Path) -> BTreeSet<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if let Some((_, reasons)) = line.split_once("// expect:") {
            for r in reasons.split_whitespace() {
                out.insert((i + 1, r.to_owned()));
            }
        }
    }
    out
}

#[test]
fn positive_fixtures_are_flagged_exactly_on_their_marked_lines() {
    for path in fixtures("flag") {
        let want = expected(&path);
        assert!(!want.is_empty(), "{} has no markers", path.display());
        assert_eq!(flagged(&path), want, "{}", path.display());
    }
}

#[test]
fn negative_fixtures_are_clean() {
    for path in fixtures("clean") {
        assert_eq!(flagged(&path), BTreeSet::new(), "{}", path.display());
    }
}

/// The embedded course, through the real loader.
fn repo_course() -> serverless_tutor::content::model::Course {
    use serverless_tutor::content::{load::load_checked, source::CourseSource};
    match load_checked(&CourseSource::Embedded) {
        Ok((course, _warnings)) => course,
        Err(diagnostics) => panic!(
            "the embedded course does not load:\n{}",
            diagnostics
                .iter()
                .map(|d| d.render())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn every_quiz_key_and_lesson_comparison_agrees_with_the_checker() {
    let course = repo_course();
    let keyed = course
        .quizzes
        .iter()
        .flat_map(|q| &q.questions)
        .filter(|q| matches!(q.kind.type_name(), "verdict" | "compare"))
        .count();
    assert!(keyed >= 20, "only {keyed} verdict/compare questions");
    let comparisons = course
        .lessons
        .iter()
        .flat_map(|l| &l.blocks)
        .filter(|b| matches!(b, serverless_tutor::content::model::Block::Compare(_)))
        .count();
    assert!(comparisons >= 5, "only {comparisons} lesson comparisons");
    let problems: Vec<String> = serverless_tutor::check::keys::verify_course(&course)
        .iter()
        .map(|d| d.render())
        .collect();
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_file_that_does_not_parse_is_unparseable_never_clean() {
    let result = scan_source("broken.ts", "const x: = 1;\nexport default x;\n");
    let ScanResult::Unparseable(u) = &result else {
        panic!("expected unparseable, got {result:?}");
    };
    assert_eq!((u.line, u.col), (1, 10));
    assert!(!result.is_clean());
}

#[test]
fn source_type_follows_the_extension() {
    // Type annotations only parse as TypeScript, JSX only where JSX is allowed.
    let ts = "const n: number = 1;\nexport default n;\n";
    assert!(scan_source("a.ts", ts).is_clean());
    assert!(matches!(
        scan_source("a.mjs", ts),
        ScanResult::Unparseable(_)
    ));
    assert!(scan_source("a.tsx", "export const A = () => <div/>;").is_clean());
    assert!(scan_source("a.cjs", "module.exports = require('express')();").is_clean());
}

#[test]
fn listen_under_a_require_main_guard_is_a_note_with_the_same_reason() {
    let src = "const app = require('express')();\nif (require.main === module) {\n  app.listen(3000);\n}\nmodule.exports = app;\n";
    let result = scan_source("app.js", src);
    assert!(result.is_clean());
    let notes: Vec<_> = result
        .findings()
        .iter()
        .map(|f| (f.line, f.col, f.reason.as_str(), f.severity))
        .collect();
    assert_eq!(notes, vec![(3, 3, "persistent-server", Severity::Note)]);
    // The opposite test guards the else branch.
    let src = "if (require.main !== module) { module.exports = app } else { app.listen(3000) }";
    assert!(scan_source("app.js", src).is_clean());
}

#[test]
fn a_local_variable_shadows_module_state() {
    let src = "let users = [];\nfunction handler(req) {\n  let users = [];\n  users.push(req.body);\n  return users;\n}\nmodule.exports = handler;\n";
    assert!(scan_source("a.js", src).is_clean());
    let src = "const hits = {};\nexports.handler = (req, users) => { users.push(1); hits[req.path] = (hits[req.path] || 0) + 1; };\n";
    let lines: Vec<_> = scan_source("a.js", src)
        .findings()
        .iter()
        .map(|f| f.line)
        .collect();
    assert_eq!(lines, vec![1, 2]);
}

#[test]
fn findings_carry_fix_lesson_and_one_based_char_columns() {
    let src = "// héllo wörld\n  fs.writeFileSync('./out.txt', 'x');\n";
    let result = scan_source("a.js", src);
    let f = &result.findings()[0];
    assert_eq!((f.line, f.col), (2, 3));
    assert_eq!(f.reason.as_str(), "local-filesystem");
    assert_eq!(f.lesson, "04-red-flags");
    assert!(f.fix.contains("/tmp"), "{}", f.fix);
    assert!(!f.fix.contains('\n'));
}

mod command {
    use assert_cmd::Command;
    use std::path::Path;

    fn fixture_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
    }

    fn check() -> Command {
        let mut cmd = Command::cargo_bin("serverless-tutor").unwrap();
        cmd.current_dir(fixture_dir()).arg("check");
        cmd
    }

    #[test]
    fn clean_code_exits_zero_with_a_summary() {
        check()
            .arg("clean")
            .assert()
            .code(0)
            .stdout(predicates::str::ends_with(
                "checked 6 files: no red flags, 6 notes\n",
            ));
    }

    #[test]
    fn findings_exit_one_with_location_caret_fix_and_lesson() {
        let out = check().arg("flag/guide-original.js").assert().code(1);
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let first: Vec<&str> = stdout.lines().take(6).collect();
        assert_eq!(
            first,
            vec![
                "flag/guide-original.js:3:1: persistent-server: `app.listen(...)` starts a persistent server; a serverless function is invoked per request and must not listen",
                "  |",
                "3 | app.listen(port, () => console.log(`Server listening on port ${port}!`)); // expect: persistent-server",
                "  | ^",
                "  fix: export the app (`module.exports = app`) and let the platform handle the listening; keep `listen` for local runs under `if (require.main === module)`",
                "  learn: lesson 04-red-flags",
            ]
        );
        assert!(
            stdout.ends_with("checked 1 file: 3 red flags in 1 file\n"),
            "{stdout}"
        );
    }

    #[test]
    fn unparseable_files_exit_one() {
        check()
            .arg("broken.js")
            .assert()
            .code(1)
            .stdout(predicates::str::starts_with(
                "broken.js:2:17: unparseable: Expected `,` or `)` but found `;`\n",
            ));
    }

    #[test]
    fn a_missing_path_exits_two() {
        check()
            .arg("no/such/dir")
            .assert()
            .code(2)
            .stdout("")
            .stderr("serverless-tutor: error: no/such/dir: no such file or directory\n");
    }

    #[test]
    fn json_output_is_an_array_of_findings() {
        let out = check()
            .args(["flag/guide-original.js", "--format", "json"])
            .assert()
            .code(1);
        let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let items = value.as_array().unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(
            items[2],
            serde_json::json!({
                "path": "flag/guide-original.js",
                "line": 9,
                "col": 17,
                "reason": "local-filesystem",
                "severity": "error",
                "message": "`multer.diskStorage(...)` stores uploads on the local disk, which is read-only on serverless and does not persist",
                "fix": "store files in external storage (Firebase Storage, S3) with `multer.memoryStorage()`; only `/tmp` is writable and it does not persist",
                "lesson": "04-red-flags",
                "source_line": "const storage = multer.diskStorage({ // expect: local-filesystem"
            })
        );
    }

    #[test]
    fn walks_directories_honouring_gitignore_and_skipping_node_modules() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        write(".gitignore", "dist/\n");
        write("dist/bundle.js", "app.listen(1);\n");
        write("node_modules/express/index.js", "app.listen(1);\n");
        write("src/ok.ts", "export default 1;\n");
        write("src/readme.md", "app.listen(1)\n");
        write("src/bad.js", "app.listen(1);\n");
        // A terminal escape in a source line is shown, not executed.
        write("src/esc.js", "server.listen(1); // \u{1b}[31mred\n");
        let out = Command::cargo_bin("serverless-tutor")
            .unwrap()
            .current_dir(dir.path())
            .args(["check", "--format", "json"])
            .assert()
            .code(1);
        let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let paths: Vec<&str> = value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, vec!["src/bad.js", "src/esc.js"]);
        assert_eq!(value[1]["source_line"], "server.listen(1); // ^[[31mred");
    }
}

mod robustness {
    use proptest::prelude::*;
    use serverless_tutor::check::{scan_snippet, scan_source, ScanResult};

    fn check_positions(text: &str, result: &ScanResult) {
        let lines = text.split('\n').count();
        match result {
            ScanResult::Scanned(findings) => {
                for f in findings {
                    assert!(f.line >= 1 && f.line <= lines, "{f:?}");
                    assert!(f.col >= 1, "{f:?}");
                }
            }
            ScanResult::Unparseable(u) => assert!(u.line >= 1 && u.line <= lines, "{u:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            for ext in ["a.js", "a.ts", "a.tsx", "a.mjs"] {
                let result = scan_source(ext, &text);
                check_positions(&text, &result);
            }
        }

        #[test]
        fn mangled_express_code_never_panics(cut in 0usize..400, insert in "[(){}\\[\\];,.=>`'\"/*a-z ]{0,12}") {
            let base = "const app = require('express')();\nlet n = 0;\napp.get('/', (req, res) => { n++; fs.writeFileSync('./x', `${n}`); res.json({ n }); });\nwhile (true) { setInterval(() => {}, 1); }\nmongoose.connect(u).then(() => app.listen(3000));\n";
            let at = base.char_indices().map(|(i, _)| i).nth(cut % base.chars().count()).unwrap_or(0);
            let text = format!("{}{}{}", &base[..at], insert, &base[at..]);
            let result = scan_snippet("js", &text);
            check_positions(&text, &result);
        }
    }

    #[test]
    fn deeply_nested_or_long_chained_code_does_not_overflow_the_stack() {
        use serverless_tutor::check::files::{scan_files, Outcome};
        let depth = 20_000;
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            (
                "brackets.js",
                format!("x = {}1{};", "[".repeat(depth), "]".repeat(depth)),
            ),
            (
                "arrows.js",
                format!("{}{}", "(() => {".repeat(depth), "})();".repeat(depth)),
            ),
            ("nots.js", format!("x = {}1;", "!".repeat(depth))),
            ("sum.js", format!("x = 1{};", "+1".repeat(50_000))),
            ("chain.js", format!("x = a{};", ".b".repeat(50_000))),
        ];
        let paths: Vec<_> = cases
            .iter()
            .map(|(name, text)| {
                let p = dir.path().join(name);
                std::fs::write(&p, text).unwrap();
                p
            })
            .collect();
        let reports = scan_files(&paths);
        let kinds: Vec<&str> = reports
            .iter()
            .map(|r| match &r.outcome {
                Outcome::Scanned(ScanResult::Scanned(_)) => "scanned",
                Outcome::Scanned(ScanResult::Unparseable(_)) => "unparseable",
                Outcome::Unreadable(_) => "unreadable",
            })
            .collect();
        // Bracket nesting is refused before parsing; bracket-free chains
        // (`!!!…`, `1+1+…`, `a.b.b…`) are cut while lowering. Either way the
        // file is reported as too deep, never as clean, and nothing overflows.
        assert_eq!(kinds, vec!["unparseable"; 5]);
    }

    /// Right-nesting chains without brackets: oxc's own parser recursed on
    /// them until the stack overflowed and the process aborted.
    fn right_nested_chains(n: usize) -> Vec<(&'static str, String)> {
        vec![
            (
                "arrows.js",
                format!("f = {}1;\napp.listen(3000);\n", "x=>".repeat(n)),
            ),
            ("assign.js", format!("a{};\n", "=a".repeat(n))),
            ("ternary.js", format!("x = {}c;\n", "a?b:".repeat(n))),
        ]
    }

    #[test]
    fn right_nested_chains_are_too_deep_in_a_snippet_on_this_thread() {
        for (name, text) in right_nested_chains(50_000) {
            let ScanResult::Unparseable(u) = scan_snippet("js", &text) else {
                panic!("{name}: expected unparseable");
            };
            assert_eq!(u.message, "nesting deeper than 1000 levels", "{name}");
            assert_eq!(u.line, 1, "{name}");
        }
        // Below the limit the same chains parse (on a large stack, even
        // though this test thread's is small).
        for (name, text) in right_nested_chains(900) {
            let result = scan_snippet("js", &text);
            assert!(
                matches!(result, ScanResult::Scanned(_)),
                "{name}: {result:?}"
            );
        }
        let normal = format!(
            "const f = {}1;\nconst t = {}c;\n",
            "x => ".repeat(10),
            "a ? b : ".repeat(50)
        );
        assert_eq!(scan_snippet("js", &normal), ScanResult::Scanned(vec![]));
    }

    #[test]
    fn right_nested_chains_are_too_deep_for_the_check_command() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in right_nested_chains(50_000) {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let out = assert_cmd::Command::cargo_bin("serverless-tutor")
            .unwrap()
            .current_dir(dir.path())
            .arg("check")
            .assert()
            .code(1);
        let stdout = String::from_utf8_lossy(&out.get_output().stdout);
        for name in ["arrows.js", "assign.js", "ternary.js"] {
            let expected = format!("{name}:1:");
            let line = stdout
                .lines()
                .find(|l| l.starts_with(&expected))
                .unwrap_or_default();
            assert!(
                line.ends_with(": unparseable: nesting deeper than 1000 levels"),
                "{stdout}"
            );
        }
    }

    #[test]
    fn invalid_utf8_is_unparseable() {
        use serverless_tutor::check::files::{scan_files, Outcome};
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("latin1.js");
        std::fs::write(&p, b"const s = 'caf\xe9';\n").unwrap();
        let reports = scan_files(&[p]);
        let Outcome::Scanned(ScanResult::Unparseable(u)) = &reports[0].outcome else {
            panic!("{:?}", reports[0].outcome);
        };
        assert_eq!(
            (u.line, u.col, u.message.as_str()),
            (1, 15, "not valid UTF-8")
        );
    }
}
