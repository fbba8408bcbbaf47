//! `local-filesystem`: writes to the local disk outside `/tmp`.
//!
//! Flagged: `fs` write calls — `writeFile(Sync)`, `appendFile(Sync)`,
//! `createWriteStream`, `mkdir(Sync)`, `mkdtemp(Sync)`, and the destination of
//! `copyFile(Sync)`, `rename(Sync)`, `cp(Sync)` — through `fs.x`,
//! `fs.promises.x`, a binding of `require('fs')`/`require('fs').promises`/
//! `fs/promises`/`fs-extra`/`import`, or a destructured name; unbound roots
//! named `fs`, `fsp`, `fsPromises`, `fse` count too (snippets rarely show the
//! require). Also `multer.diskStorage({ destination })` and `multer({ dest })`.
//!
//! Clean: a path that is a string or template starting with `/tmp`, or built
//! from `os.tmpdir()` (`path.join(os.tmpdir(), ...)`, `` `${os.tmpdir()}/x` ``),
//! directly or through a variable initialised that way; `diskStorage` with no
//! destination (multer then uses `os.tmpdir()`); `multer.memoryStorage()`.

use super::{describe, Hit};
use crate::check::facts::{resolve, Facts};
use crate::check::ir::*;
use crate::check::walk::{walk, Cx, Visitor};
use crate::content::model::Reason;
use std::collections::HashMap;

const FS_NAMES: &[&str] = &["fs", "fsp", "fsPromises", "fse", "fsExtra"];
const WRITES: &[&str] = &[
    "writeFile",
    "writeFileSync",
    "appendFile",
    "appendFileSync",
    "createWriteStream",
    "mkdir",
    "mkdirSync",
    "mkdtemp",
    "mkdtempSync",
    "outputFile",
    "outputFileSync",
];
const DEST_SECOND: &[&str] = &[
    "copyFile",
    "copyFileSync",
    "rename",
    "renameSync",
    "cp",
    "cpSync",
];

pub fn check(program: &Program, facts: &Facts<'_>) -> Vec<Hit> {
    let mut inits = Inits::default();
    walk(program, &mut inits);
    let mut rule = Rule {
        facts,
        inits: inits.0,
        hits: Vec::new(),
    };
    walk(program, &mut rule);
    rule.hits
}

/// Every `name = init` declared anywhere, to follow a path through a variable.
#[derive(Default)]
struct Inits<'p>(HashMap<&'p str, Vec<&'p Expr>>);

impl<'p> Visitor<'p> for Inits<'p> {
    fn stmt(&mut self, s: &'p Stmt, _cx: &Cx<'p>) {
        if let Stmt::Decl(d) = s {
            for decl in &d.declarators {
                if let (Pattern::Ident(name, _), Some(init)) = (&decl.pattern, &decl.init) {
                    self.0.entry(name).or_default().push(init);
                }
            }
        }
    }
}

struct Rule<'a, 'p> {
    facts: &'a Facts<'p>,
    inits: HashMap<&'p str, Vec<&'p Expr>>,
    hits: Vec<Hit>,
}

impl<'p> Visitor<'p> for Rule<'_, 'p> {
    fn expr(&mut self, e: &'p Expr, _cx: &Cx<'p>) {
        let Expr::Call { callee, args, span } = e else {
            return;
        };
        let Some(r) = resolve(callee, self.facts) else {
            return;
        };
        if r.is_module("multer", &["multer"]) {
            self.multer(&r.path, args, *span, callee);
            return;
        }
        if !r.is_module("fs", FS_NAMES) {
            return;
        }
        let method = match r.path.as_slice() {
            [m] => m.as_str(),
            [p, m] if p == "promises" => m.as_str(),
            _ => return,
        };
        let index = if WRITES.contains(&method) {
            0
        } else if DEST_SECOND.contains(&method) {
            1
        } else {
            return;
        };
        if args.get(index).is_some_and(|p| self.is_tmp(p, 0)) {
            return;
        }
        self.hits.push(Hit::error(
            Reason::LocalFilesystem,
            *span,
            format!("`{}(...)` writes to the local filesystem outside /tmp, which is read-only on serverless (and /tmp does not persist)", describe(callee)),
        ));
    }
}

impl Rule<'_, '_> {
    fn multer(&mut self, path: &[String], args: &[Expr], span: Span, callee: &Expr) {
        let key = match path {
            [m] if m == "diskStorage" => "destination",
            [] => "dest",
            _ => return,
        };
        let Some(Expr::Object(props, _)) = args.first() else {
            return;
        };
        let Some(dest) = props.iter().find(|p| p.key.as_deref() == Some(key)) else {
            return;
        };
        if self.is_tmp(&dest.value, 0) {
            return;
        }
        self.hits.push(Hit::error(
            Reason::LocalFilesystem,
            span,
            format!("`{}(...)` stores uploads on the local disk, which is read-only on serverless and does not persist", describe(callee)),
        ));
    }

    /// A path under `/tmp` or built from `os.tmpdir()`.
    fn is_tmp(&self, e: &Expr, depth: usize) -> bool {
        if depth > 4 {
            return false;
        }
        match e {
            Expr::Str(s, _) => is_tmp_text(s),
            Expr::Template { head, parts, .. } => {
                is_tmp_text(head)
                    || (head.is_empty() && parts.first().is_some_and(|p| self.is_tmp(p, depth + 1)))
            }
            Expr::Ident(name, _) => self
                .inits
                .get(name.as_str())
                .is_some_and(|inits| inits.iter().all(|i| self.is_tmp(i, depth + 1))),
            Expr::Call { callee, args, .. } => {
                resolve(callee, self.facts)
                    .is_some_and(|r| r.last() == Some("tmpdir") || r.base == "tmpdir")
                    || args.first().is_some_and(|a| self.is_tmp(a, depth + 1))
            }
            Expr::Binary { left, .. } => self.is_tmp(left, depth + 1),
            Expr::Await(inner, _) => self.is_tmp(inner, depth + 1),
            _ => false,
        }
    }
}

fn is_tmp_text(s: &str) -> bool {
    s == "/tmp" || s.starts_with("/tmp/")
}
