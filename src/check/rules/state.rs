//! `in-memory-state`: a module-scope variable that request code writes to.
//!
//! Candidates are module-scope `const`/`let`/`var` holding a mutable
//! collection (`[]`, `{...}`, `new Map/Set/WeakMap/WeakSet/Array/Object()`),
//! and any module-scope `let`/`var` (not a `require`/import or a function).
//! A write is an assignment (`x = `, `x += `, `x.a = `, `x[k] = `), an update
//! (`x++`), `delete x[k]`, `Object.assign(x, ...)`, or a mutating method call
//! (`push pop shift unshift splice sort reverse fill set add delete clear`)
//! on the variable, made from inside any function where the name is not
//! shadowed by a local. Reading (`includes`, `get`, `map`) is fine.
//!
//! Clean: lazy initialisation of a singleton, i.e. the guide's connection
//! cache. A write is exempt when it is `x ??= ...`/`x ||= ...`, or when an
//! enclosing function tests `x` (or `x.prop`) for emptiness (`if (x) return x`,
//! `if (!cached.conn)`, `x == null`).
//!
//! Reported twice on purpose: once at the declaration and once at every
//! write line, so a quiz key on either line agrees.

use super::{describe, is_null_check_of, Hit};
use crate::check::facts::{Facts, ModuleVar};
use crate::check::ir::*;
use crate::check::walk::{walk, Cx, Visitor};
use crate::content::model::Reason;
use std::collections::BTreeMap;

const MUTATORS: &[&str] = &[
    "push",
    "pop",
    "shift",
    "unshift",
    "splice",
    "sort",
    "reverse",
    "fill",
    "copyWithin",
    "set",
    "add",
    "delete",
    "clear",
];

pub fn check(program: &Program, facts: &Facts<'_>) -> Vec<Hit> {
    let candidates: Vec<&ModuleVar<'_>> = facts
        .module_vars
        .iter()
        .filter(|v| is_candidate(v, facts))
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut rule = Rule {
        candidates,
        writes: BTreeMap::new(),
    };
    walk(program, &mut rule);
    let mut hits = Vec::new();
    for (name, writes) in rule.writes {
        let Some(var) = rule.candidates.iter().find(|v| v.name == name) else {
            continue;
        };
        hits.push(Hit::error(
            Reason::InMemoryState,
            var.span,
            format!("module-scope `{name}` is written from request code: state kept in memory is lost between invocations and shared between requests on one instance"),
        ));
        for (span, what) in writes {
            hits.push(Hit::error(
                Reason::InMemoryState,
                span,
                format!("`{what}` writes module-scope `{name}` from inside a function"),
            ));
        }
    }
    hits
}

fn is_candidate(v: &ModuleVar<'_>, facts: &Facts<'_>) -> bool {
    if facts.imports.contains_key(v.name) {
        return false;
    }
    match v.init {
        Some(init) if is_collection(init) => true,
        Some(Expr::Func(_)) => false,
        _ => v.kind != DeclKind::Const,
    }
}

fn is_collection(e: &Expr) -> bool {
    match e {
        Expr::Array(..) | Expr::Object(..) => true,
        Expr::New { callee, .. } => matches!(
            callee.ident(),
            Some("Map" | "Set" | "WeakMap" | "WeakSet" | "Array" | "Object")
        ),
        _ => false,
    }
}

struct Rule<'a, 'p> {
    candidates: Vec<&'a ModuleVar<'p>>,
    /// Variable name → (write span, description).
    writes: BTreeMap<String, Vec<(Span, String)>>,
}

impl<'p> Visitor<'p> for Rule<'_, '_> {
    fn expr(&mut self, e: &'p Expr, cx: &Cx<'p>) {
        if cx.at_module_scope() {
            return;
        }
        let Some((target, lazy)) = written_target(e) else {
            return;
        };
        let Some(name) = target.root_ident() else {
            return;
        };
        if !cx.is_module_binding(name) || !self.candidates.iter().any(|v| v.name == name) {
            return;
        }
        if lazy || guarded_by_null_check(name, cx) {
            return;
        }
        let what = match e {
            Expr::Call { callee, .. } => format!("{}(...)", describe(callee)),
            _ => describe(target),
        };
        self.writes
            .entry(name.to_owned())
            .or_default()
            .push((e.span(), what));
    }
}

/// The expression `e` writes to, and whether the write is a lazy `??=`/`||=`.
fn written_target(e: &Expr) -> Option<(&Expr, bool)> {
    match e {
        Expr::Assign {
            op, target, value, ..
        } => {
            let self_default = target.root_ident().is_some_and(|n| {
                is_null_check_of(value, n) && *op == AssignOp::Plain && is_or(value)
            });
            Some((target, *op == AssignOp::Logical || self_default))
        }
        Expr::Update { target, .. } => Some((target, false)),
        Expr::Unary {
            op: UnaryOp::Delete,
            arg,
            ..
        } => Some((arg, false)),
        Expr::Call { callee, args, .. } => {
            if let Some((object, method)) = callee.static_prop() {
                if MUTATORS.contains(&method) && object.root_ident().is_some() {
                    return Some((object, false));
                }
                if method == "assign" && object.ident() == Some("Object") {
                    return args.first().map(|a| (a, false));
                }
            }
            None
        }
        _ => None,
    }
}

/// `x = x || value` / `x = x ?? value`.
fn is_or(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Binary {
            op: BinOp::Or | BinOp::Nullish,
            ..
        }
    )
}

/// An enclosing function tests `name` for emptiness: the cache pattern.
fn guarded_by_null_check(name: &str, cx: &Cx<'_>) -> bool {
    cx.funcs.iter().any(|f| {
        if_tests(&f.body)
            .into_iter()
            .any(|t| is_null_check_of(t, name))
    })
}
