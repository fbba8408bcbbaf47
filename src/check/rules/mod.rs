//! One rule per [`Reason`]. Each walks the program with [`walk`] and returns
//! [`Hit`]s at byte offsets; [`super::scan_snippet`] turns them into findings.

mod connection;
mod database;
mod filesystem;
mod server;
mod state;
mod work;

use super::facts::Facts;
use super::ir::*;
use super::Severity;
use crate::content::model::Reason;

/// A rule's raw result: where (byte offset), why, and how bad.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub reason: Reason,
    pub at: u32,
    pub message: String,
    pub severity: Severity,
}

impl Hit {
    fn error(reason: Reason, at: Span, message: String) -> Self {
        Hit {
            reason,
            at: at.start,
            message,
            severity: Severity::Error,
        }
    }
}

/// Run every rule over a parsed program.
pub fn run(program: &Program) -> Vec<Hit> {
    let facts = Facts::gather(program);
    let mut hits = Vec::new();
    hits.extend(server::check(program, &facts));
    hits.extend(state::check(program, &facts));
    hits.extend(filesystem::check(program, &facts));
    hits.extend(connection::check(program, &facts));
    hits.extend(work::check(program, &facts));
    hits.extend(database::check(program, &facts));
    hits
}

/// A short readable name for a callee: `app.listen`, `http.createServer(...).listen`.
pub fn describe(e: &Expr) -> String {
    match e {
        Expr::Ident(name, _) => name.clone(),
        Expr::Member {
            object,
            prop: Prop::Static(p),
            ..
        } => format!("{}.{p}", describe(object)),
        Expr::Member { object, .. } => format!("{}[...]", describe(object)),
        Expr::Call { callee, .. } => format!("{}(...)", describe(callee)),
        Expr::New { callee, .. } => format!("new {}(...)", describe(callee)),
        Expr::Await(inner, _) => describe(inner),
        _ => "...".to_owned(),
    }
}

/// True for `null`/`undefined`.
fn is_nullish(e: &Expr) -> bool {
    matches!(e, Expr::Lit(Lit::Null, _)) || e.ident() == Some("undefined")
}

/// True when `test` checks whether `name` (or a static property of it) is
/// empty: `x`, `!x`, `x.conn`, `x == null`, `typeof x === 'undefined'`,
/// combined with `&&`/`||`. `x.length`/`x.size` are contents, not a cache check.
pub fn is_null_check_of(test: &Expr, name: &str) -> bool {
    let refers = |e: &Expr| -> bool {
        let mut cur = e;
        loop {
            match cur {
                Expr::Ident(n, _) => return n == name,
                Expr::Member {
                    object,
                    prop: Prop::Static(p),
                    ..
                } if p != "length" && p != "size" => cur = object,
                _ => return false,
            }
        }
    };
    match test {
        Expr::Unary {
            op: UnaryOp::Not,
            arg,
            ..
        } => is_null_check_of(arg, name),
        Expr::Unary {
            op: UnaryOp::Typeof,
            arg,
            ..
        } => refers(arg),
        Expr::Binary {
            op: BinOp::And | BinOp::Or | BinOp::Nullish,
            left,
            right,
            ..
        } => is_null_check_of(left, name) || is_null_check_of(right, name),
        Expr::Binary {
            op: BinOp::Eq | BinOp::NotEq,
            left,
            right,
            ..
        } => {
            (refers(left) && is_nullish(right))
                || (refers(right) && is_nullish(left))
                || is_null_check_of(left, name)
        }
        other => refers(other),
    }
}
