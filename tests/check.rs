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
