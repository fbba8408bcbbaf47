//! The red-flag checker (issue 9): the same rules that prove the quiz keys
//! scan a learner's own JavaScript/TypeScript before they deploy.
//!
//! Pipeline: source → [`parse`] (the only module that knows the real parser)
//! → [`ir`] (a small owned tree) → [`facts`] (imports, module-scope variables)
//! → [`rules`] (one per [`Reason`], scope-aware through [`walk`]) → [`Finding`]s.
//! [`files`] walks directories in parallel, [`report`] prints text or JSON,
//! [`keys`] checks every keyed quiz snippet and lesson comparison.
//!
//! Line convention for quiz keys: a finding is reported on the line where the
//! offending call, construction or write *starts*. For `in-memory-state` the
//! checker reports both the module-scope declaration and every write from a
//! function, so a key on either line agrees.

pub mod facts;
pub mod files;
pub mod ir;
pub mod keys;
pub mod parse;
pub mod report;
pub mod rules;
pub mod stack;
pub mod walk;

use crate::content::diagnostics::line_col;
use crate::content::model::Reason;
use serde::Serialize;

/// The lesson that teaches every red flag.
pub const LESSON: &str = "04-red-flags";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Breaks on serverless.
    Error,
    /// Fine as written (e.g. `listen` under `require.main === module`), worth knowing.
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Note => "note",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub reason: Reason,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    pub message: String,
    /// One line, in the guide's terms.
    pub fix: &'static str,
    /// Id of the lesson that teaches this red flag.
    pub lesson: &'static str,
    pub severity: Severity,
}

/// A file that does not parse: never reported as clean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unparseable {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanResult {
    Scanned(Vec<Finding>),
    Unparseable(Unparseable),
}

impl ScanResult {
    /// The findings (none for an unparseable file).
    pub fn findings(&self) -> &[Finding] {
        match self {
            ScanResult::Scanned(f) => f,
            ScanResult::Unparseable(_) => &[],
        }
    }

    /// Parsed, and nothing of error severity found.
    pub fn is_clean(&self) -> bool {
        match self {
            ScanResult::Scanned(f) => f.iter().all(|f| f.severity == Severity::Note),
            ScanResult::Unparseable(_) => false,
        }
    }
}

/// Scan one file's text; the source type comes from `path`'s extension
/// (`.js .mjs .cjs .jsx .ts .tsx`; anything else is tried as JavaScript).
pub fn scan_source(path: &str, source: &str) -> ScanResult {
    let ext = std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("js");
    scan_snippet(ext, source)
}

/// Scan a snippet in a fenced-code / quiz language (`js`, `ts`, `jsx`, `tsx`...).
/// Parsing and the rules recurse once per nesting level, so this runs on a
/// thread with a large stack (see [`stack`]), never on a caller's small one.
pub fn scan_snippet(lang: &str, source: &str) -> ScanResult {
    stack::on_large_stack(|| scan_here(lang, source))
}

fn scan_here(lang: &str, source: &str) -> ScanResult {
    match parse::parse(lang, source) {
        Ok(program) => ScanResult::Scanned(findings(&program, source)),
        Err(e) => {
            let (line, col) = line_col(source, e.offset as usize);
            ScanResult::Unparseable(Unparseable {
                line,
                col,
                message: e.message,
            })
        }
    }
}

fn findings(program: &ir::Program, source: &str) -> Vec<Finding> {
    let mut out: Vec<Finding> = rules::run(program)
        .into_iter()
        .map(|hit| {
            let (line, col) = line_col(source, hit.at as usize);
            Finding {
                reason: hit.reason,
                line,
                col,
                message: hit.message,
                fix: fix_for(hit.reason),
                lesson: LESSON,
                severity: hit.severity,
            }
        })
        .collect();
    out.sort_by_key(|f| (f.line, f.col, f.reason));
    out.dedup_by(|a, b| a.line == b.line && a.col == b.col && a.reason == b.reason);
    out
}

/// The one-line fix for each red flag, in the guide's terms.
pub fn fix_for(reason: Reason) -> &'static str {
    match reason {
        Reason::PersistentServer => {
            "export the app (`module.exports = app`) and let the platform handle the listening; keep `listen` for local runs under `if (require.main === module)`"
        }
        Reason::InMemoryState => {
            "keep state in a database or cache (MongoDB, Redis), not in module-scope variables: the next request may get another instance, or share this one"
        }
        Reason::LocalFilesystem => {
            "store files in external storage (Firebase Storage, S3) with `multer.memoryStorage()`; only `/tmp` is writable and it does not persist"
        }
        Reason::PersistentConnection => {
            "use a managed real-time service (Pusher, Ably, Firebase, Supabase Realtime) or run this part on a separate server (Railway, Render)"
        }
        Reason::UnboundedWork => {
            "finish within the function's time limit: move long or periodic work to a cron job, a queue or a separate server, and clear timers before responding"
        }
        Reason::UncachedConnection => {
            "cache the connection and reuse it: `let cachedDb = null; if (cachedDb) return cachedDb;` connect inside the handler, never chained to `listen`"
        }
    }
}
