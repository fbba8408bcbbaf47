//! A pre-order walk over the [`ir`](super::ir) tree that tells each rule where
//! it stands: at module scope or inside which functions, which names those
//! functions declare (so a local `users` shadows the module's), whether the
//! code sits under a "run directly" guard such as `if (require.main === module)`,
//! and whether it is inside a callback given to `.listen(...)`.

use super::ir::*;
use std::collections::HashSet;

/// Where a node sits.
#[derive(Debug, Default, Clone)]
pub struct Cx<'p> {
    /// Enclosing functions, innermost last; empty at module scope.
    pub funcs: Vec<&'p Func>,
    /// For each enclosing function, the names it declares.
    locals: Vec<HashSet<&'p str>>,
    /// Under `if (require.main === module)` (or a local-only environment check).
    pub guarded: bool,
    /// Inside a callback passed to `.listen(...)`.
    pub in_listen_callback: bool,
}

impl<'p> Cx<'p> {
    pub fn at_module_scope(&self) -> bool {
        self.funcs.is_empty()
    }

    /// True when `name` here refers to a module-scope binding (no enclosing
    /// function declares its own).
    pub fn is_module_binding(&self, name: &str) -> bool {
        !self.locals.iter().any(|l| l.contains(name))
    }

    /// The outermost enclosing function (the handler, for code in callbacks).
    pub fn outermost_func(&self) -> Option<&'p Func> {
        self.funcs.first().copied()
    }
}

/// Called for every statement and expression, parents before children.
pub trait Visitor<'p> {
    fn stmt(&mut self, _s: &'p Stmt, _cx: &Cx<'p>) {}
    fn expr(&mut self, _e: &'p Expr, _cx: &Cx<'p>) {}
}

pub fn walk<'p, V: Visitor<'p>>(program: &'p Program, v: &mut V) {
    let mut cx = Cx::default();
    stmts(&program.body, v, &mut cx);
}

fn stmts<'p, V: Visitor<'p>>(list: &'p [Stmt], v: &mut V, cx: &mut Cx<'p>) {
    for s in list {
        stmt(s, v, cx);
    }
}

fn stmt<'p, V: Visitor<'p>>(s: &'p Stmt, v: &mut V, cx: &mut Cx<'p>) {
    v.stmt(s, cx);
    match s {
        Stmt::Expr(e) | Stmt::Throw(e, _) => expr(e, v, cx),
        Stmt::Return(e, _) => e.iter().for_each(|e| expr(e, v, cx)),
        Stmt::Decl(d) => {
            for decl in &d.declarators {
                pattern_defaults(&decl.pattern, v, cx);
                decl.init.iter().for_each(|e| expr(e, v, cx));
            }
        }
        Stmt::Func(f) => func(f, v, cx),
        Stmt::If {
            test, then, els, ..
        } => {
            expr(test, v, cx);
            let polarity = guard_polarity(test);
            guarded(polarity == Some(true), cx, |cx| stmts(then, v, cx));
            guarded(polarity == Some(false), cx, |cx| stmts(els, v, cx));
        }
        Stmt::Loop(l) => {
            stmts(&l.head, v, cx);
            l.test.iter().for_each(|e| expr(e, v, cx));
            stmts(&l.body, v, cx);
        }
        Stmt::Labeled(_, body) | Stmt::Block(body) => stmts(body, v, cx),
        Stmt::Switch(d, body) => {
            expr(d, v, cx);
            stmts(body, v, cx);
        }
        Stmt::Break(_) | Stmt::Import(_) => {}
    }
}

fn guarded<'p>(on: bool, cx: &mut Cx<'p>, f: impl FnOnce(&mut Cx<'p>)) {
    let before = cx.guarded;
    cx.guarded |= on;
    f(cx);
    cx.guarded = before;
}

fn pattern_defaults<'p, V: Visitor<'p>>(p: &'p Pattern, v: &mut V, cx: &mut Cx<'p>) {
    match p {
        Pattern::Ident(..) => {}
        Pattern::Object(props) => props.iter().for_each(|(_, p)| pattern_defaults(p, v, cx)),
        Pattern::Array(items) => items.iter().for_each(|p| pattern_defaults(p, v, cx)),
        Pattern::Default(p, e) => {
            pattern_defaults(p, v, cx);
            expr(e, v, cx);
        }
    }
}

fn func<'p, V: Visitor<'p>>(f: &'p Func, v: &mut V, cx: &mut Cx<'p>) {
    cx.funcs.push(f);
    cx.locals.push(declared_names(f));
    f.params.iter().for_each(|p| pattern_defaults(p, v, cx));
    stmts(&f.body, v, cx);
    cx.locals.pop();
    cx.funcs.pop();
}

fn expr<'p, V: Visitor<'p>>(e: &'p Expr, v: &mut V, cx: &mut Cx<'p>) {
    v.expr(e, cx);
    match e {
        Expr::Func(f) => func(f, v, cx),
        Expr::Call { callee, args, .. } if is_listen(callee) => {
            expr(callee, v, cx);
            let before = cx.in_listen_callback;
            for a in args {
                cx.in_listen_callback = before || matches!(a, Expr::Func(_));
                expr(a, v, cx);
            }
            cx.in_listen_callback = before;
        }
        other => other.children().into_iter().for_each(|c| expr(c, v, cx)),
    }
}

/// `x.listen(...)`.
pub fn is_listen(callee: &Expr) -> bool {
    callee.static_prop().is_some_and(|(_, p)| p == "listen")
}

/// Names a function declares: its parameters and every `var`/`let`/`const`/
/// function declaration in its body outside nested functions.
fn declared_names(f: &Func) -> HashSet<&str> {
    let mut out: HashSet<&str> = f.params.iter().flat_map(Pattern::names).collect();
    collect_decls(&f.body, &mut out);
    out
}

fn collect_decls<'p>(list: &'p [Stmt], out: &mut HashSet<&'p str>) {
    for s in list {
        match s {
            Stmt::Decl(d) => d
                .declarators
                .iter()
                .for_each(|decl| out.extend(decl.pattern.names())),
            Stmt::Func(f) => out.extend(f.name.as_deref()),
            Stmt::If { then, els, .. } => {
                collect_decls(then, out);
                collect_decls(els, out);
            }
            Stmt::Loop(l) => {
                collect_decls(&l.head, out);
                collect_decls(&l.body, out);
            }
            Stmt::Labeled(_, body) | Stmt::Block(body) | Stmt::Switch(_, body) => {
                collect_decls(body, out)
            }
            _ => {}
        }
    }
}

/// `Some(true)` when the test is true only when the file runs directly or
/// locally — `require.main === module`, `!module.parent`,
/// `NODE_ENV !== 'production'` (or `=== 'development'`/`'test'`),
/// `!process.env.VERCEL`, `process.env.VERCEL !== '1'` (also
/// `AWS_LAMBDA_FUNCTION_NAME`, `NETLIFY`, `LAMBDA_TASK_ROOT`), either side of
/// an `&&` — `Some(false)` for the opposite test (the `else` branch is
/// guarded), else `None`.
pub fn guard_polarity(test: &Expr) -> Option<bool> {
    match test {
        Expr::Unary {
            op: UnaryOp::Not,
            arg,
            ..
        } => guard_polarity(arg)
            .map(|p| !p)
            .or_else(|| is_platform_env(arg).then_some(true)),
        Expr::Binary {
            op: BinOp::And,
            left,
            right,
            ..
        } => match (guard_polarity(left), guard_polarity(right)) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            _ => None,
        },
        Expr::Binary {
            op: op @ (BinOp::Eq | BinOp::NotEq),
            left,
            right,
            ..
        } => {
            let equal = *op == BinOp::Eq;
            if is_require_main_check(left, right) {
                return Some(equal);
            }
            // `process.env.VERCEL !== '1'`: not on the platform.
            if (is_platform_env(left) && matches!(**right, Expr::Str(..)))
                || (is_platform_env(right) && matches!(**left, Expr::Str(..)))
            {
                return Some(!equal);
            }
            let (env, value) = match (node_env_value(left), node_env_value(right)) {
                (true, _) => (true, right.as_ref()),
                (_, true) => (true, left.as_ref()),
                _ => (false, left.as_ref()),
            };
            match (env, value) {
                (true, Expr::Str(s, _)) if s == "production" => Some(!equal),
                (true, Expr::Str(s, _)) if s == "development" || s == "test" => Some(equal),
                _ => None,
            }
        }
        other if is_platform_env(other) => Some(false),
        // `module.parent` is unset when the file is run directly (older idiom).
        other
            if other
                .static_prop()
                .is_some_and(|(o, p)| p == "parent" && o.ident() == Some("module")) =>
        {
            Some(false)
        }
        _ => None,
    }
}

fn is_require_main_check(left: &Expr, right: &Expr) -> bool {
    let is_require_main = |e: &Expr| {
        e.static_prop()
            .is_some_and(|(o, p)| p == "main" && o.ident() == Some("require"))
    };
    let is_module = |e: &Expr| e.ident() == Some("module");
    (is_require_main(left) && is_module(right)) || (is_module(left) && is_require_main(right))
}

fn env_var(e: &Expr) -> Option<&str> {
    let (obj, name) = e.static_prop()?;
    let (process, env) = obj.static_prop()?;
    (env == "env" && process.ident() == Some("process")).then_some(name)
}

fn node_env_value(e: &Expr) -> bool {
    env_var(e) == Some("NODE_ENV")
}

/// `process.env.VERCEL` and friends: set only on the serverless platform.
fn is_platform_env(e: &Expr) -> bool {
    matches!(
        env_var(e),
        Some("VERCEL" | "AWS_LAMBDA_FUNCTION_NAME" | "NETLIFY" | "LAMBDA_TASK_ROOT")
    )
}
