//! `unbounded-work`: work with no end inside a time-limited function.
//!
//! Flagged: `setInterval(...)` at module scope (including callbacks run at
//! load, e.g. inside `.then(...)`... those count as functions, see below);
//! `setInterval(...)` inside a function whose outermost function (the
//! handler) never calls `clearInterval`; and `while (true)`, `while (1)`,
//! `do ... while (true)`, `for (;;)` anywhere, unless the loop body has a
//! `break`, `return` or `throw` (outside nested loops/switches/functions).

use super::Hit;
use crate::check::facts::{resolve, Facts};
use crate::check::ir::*;
use crate::check::walk::{walk, Cx, Visitor};
use crate::content::model::Reason;

pub fn check(program: &Program, facts: &Facts<'_>) -> Vec<Hit> {
    let mut rule = Rule {
        facts,
        hits: Vec::new(),
    };
    walk(program, &mut rule);
    rule.hits
}

struct Rule<'a, 'p> {
    facts: &'a Facts<'p>,
    hits: Vec<Hit>,
}

impl<'p> Visitor<'p> for Rule<'_, 'p> {
    fn expr(&mut self, e: &'p Expr, cx: &Cx<'p>) {
        let Expr::Call { callee, span, .. } = e else {
            return;
        };
        if !is_timer(callee, self.facts, "setInterval") {
            return;
        }
        let message = match cx.outermost_func() {
            None => "`setInterval(...)` at module scope never stops; the function instance is frozen or discarded after each response".to_owned(),
            Some(handler) if clears_interval(handler, self.facts) => return,
            Some(_) => "`setInterval(...)` is never cleared with `clearInterval` before the function returns".to_owned(),
        };
        self.hits
            .push(Hit::error(Reason::UnboundedWork, *span, message));
    }

    fn stmt(&mut self, s: &'p Stmt, _cx: &Cx<'p>) {
        let Stmt::Loop(l) = s else {
            return;
        };
        if !is_endless(l) || has_exit(&l.body, 0) {
            return;
        }
        self.hits.push(Hit::error(
            Reason::UnboundedWork,
            l.span,
            "an endless loop with no `break` or time limit runs past the function's maximum duration".to_owned(),
        ));
    }
}

fn is_timer(callee: &Expr, facts: &Facts<'_>, name: &str) -> bool {
    resolve(callee, facts).is_some_and(|r| match r.path.as_slice() {
        [] => r.base == name && r.module.is_none(),
        [m] => {
            m == name
                && (matches!(r.base.as_str(), "global" | "globalThis" | "window")
                    || r.module.as_deref() == Some("timers"))
        }
        _ => false,
    })
}

fn clears_interval(f: &Func, facts: &Facts<'_>) -> bool {
    stmts_any(&f.body, &mut |e| match e {
        Expr::Call { callee, .. } => is_timer(callee, facts, "clearInterval"),
        _ => false,
    })
}

fn is_endless(l: &Loop) -> bool {
    match (&l.kind, &l.test) {
        (LoopKind::For, None) => true,
        (LoopKind::While | LoopKind::DoWhile | LoopKind::For, Some(test)) => is_truthy(test),
        _ => false,
    }
}

fn is_truthy(e: &Expr) -> bool {
    match e {
        Expr::Lit(Lit::Bool(b), _) => *b,
        Expr::Lit(Lit::Number(n), _) => *n != 0.0,
        Expr::Str(s, _) => !s.is_empty(),
        _ => false,
    }
}

/// A `break` for this loop, or a `return`/`throw`, in `body`. `depth` counts
/// nested loops and switches, whose plain `break` does not leave this loop.
fn has_exit(body: &[Stmt], depth: usize) -> bool {
    body.iter().any(|s| match s {
        Stmt::Return(..) | Stmt::Throw(..) => true,
        Stmt::Break(label) => label.is_some() || depth == 0,
        Stmt::If { then, els, .. } => has_exit(then, depth) || has_exit(els, depth),
        Stmt::Loop(inner) => has_exit(&inner.body, depth + 1),
        Stmt::Switch(_, inner) => has_exit(inner, depth + 1),
        Stmt::Labeled(_, inner) | Stmt::Block(inner) => has_exit(inner, depth),
        _ => false,
    })
}
