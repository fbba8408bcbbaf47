//! `uncached-connection`: connecting to a database the way a long-running
//! server does.
//!
//! A connection is `mongoose.connect` / `mongoose.createConnection`,
//! `MongoClient.connect`, `new MongoClient(...).connect()`, `new MongoClient(...)`,
//! `new Pool(...)` / `new Client(...)` (`pg`), `mysql.createConnection` /
//! `createPool`, `new Sequelize(...)`, `new PrismaClient()`.
//!
//! Flagged:
//! - at module scope, when chained into `listen`: `connect(...).then(() => app.listen())`
//!   (any `.then/.catch/.finally` callback of the chain calls `listen`), or a
//!   callback argument of the connect call calls `listen`;
//! - awaited at the top level of a module that calls `listen` at module scope
//!   (`await mongoose.connect(uri); app.listen(3000)`);
//! - inside a callback given to `.listen(...)`;
//! - inside any other function, unless the function reuses a cached
//!   connection: an enclosing function tests a module-scope variable (or
//!   `global.x`) for emptiness (`if (cachedDb) return cachedDb`,
//!   `if (!cached.conn)`), checks `readyState`/`isConnected`, or stores the
//!   connection in a module-scope variable (`cachedDb = await ...`, `??=`).
//!
//! Clean: anything under a "run directly" guard (see `persistent-server`),
//! a plain module-scope connection not tied to `listen` (created once
//! per instance and reused by warm invocations), `client.connect()` on a
//! module-scope client, and the cached pattern above.

use super::{describe, is_null_check_of, Hit};
use crate::check::facts::{resolve, Facts};
use crate::check::ir::*;
use crate::check::walk::{is_listen, walk, Cx, Visitor};
use crate::content::model::Reason;

pub fn check(program: &Program, facts: &Facts<'_>) -> Vec<Hit> {
    let mut rule = Rule {
        facts,
        hits: Vec::new(),
    };
    walk(program, &mut rule);
    rule.hits.extend(awaited_then_listen(program, facts));
    rule.hits
}

/// Top-level `await connect(...)` in a module that also calls `listen` at
/// module scope: the ES-module spelling of `connect().then(() => listen())`.
fn awaited_then_listen(program: &Program, facts: &Facts<'_>) -> Vec<Hit> {
    let listens = program.body.iter().any(|s| match s {
        Stmt::Expr(e) => calls_listen(e),
        _ => false,
    });
    if !listens {
        return Vec::new();
    }
    program
        .body
        .iter()
        .filter_map(|s| match s {
            Stmt::Expr(e) => Some(e),
            Stmt::Decl(d) => d.declarators.first().and_then(|d| d.init.as_ref()),
            _ => None,
        })
        .filter_map(|e| match e {
            Expr::Await(inner, _) if is_connection(inner, facts) => Some(&**inner),
            _ => None,
        })
        .map(|conn| {
            Hit::error(
                Reason::UncachedConnection,
                conn.span(),
                format!("`{}` is awaited at module scope before `listen`: the function waits on a server start that never completes; connect in the handler through a cached connection instead", short(conn)),
            )
        })
        .collect()
}

struct Rule<'a, 'p> {
    facts: &'a Facts<'p>,
    hits: Vec<Hit>,
}

impl<'p> Visitor<'p> for Rule<'_, 'p> {
    fn expr(&mut self, e: &'p Expr, cx: &Cx<'p>) {
        if cx.guarded {
            // Local development only (`if (require.main === module)`).
            return;
        }
        if cx.at_module_scope() {
            self.module_scope(e);
            return;
        }
        if !is_connection(e, self.facts) {
            return;
        }
        let message = if cx.in_listen_callback {
            format!("`{}` connects inside the `listen` callback: the connection waits for a server that never starts on serverless", short(e))
        } else if cx
            .funcs
            .iter()
            .any(|f| caches_connection(f, self.facts, cx))
        {
            return;
        } else {
            format!("`{}` opens a new connection on every invocation; cache it in a module-scope variable and reuse it", short(e))
        };
        self.hits
            .push(Hit::error(Reason::UncachedConnection, e.span(), message));
    }
}

impl Rule<'_, '_> {
    /// `connect(...).then(() => app.listen())` and `connect(uri, () => app.listen())`.
    fn module_scope(&mut self, e: &Expr) {
        let Expr::Call { callee, args, .. } = e else {
            return;
        };
        let chained = match callee.static_prop() {
            Some((object, "then" | "catch" | "finally")) => {
                let mut root = object;
                let mut callbacks_listen = args.iter().any(calls_listen);
                while let Expr::Call { callee, args, .. } = root {
                    match callee.static_prop() {
                        Some((inner, "then" | "catch" | "finally")) => {
                            callbacks_listen |= args.iter().any(calls_listen);
                            root = inner;
                        }
                        _ => break,
                    }
                }
                (callbacks_listen && is_connection(root, self.facts)).then_some(root)
            }
            _ => (is_connection(e, self.facts) && args.iter().any(calls_listen)).then_some(e),
        };
        if let Some(conn) = chained {
            self.hits.push(Hit::error(
                Reason::UncachedConnection,
                conn.span(),
                format!("`{}` at module scope is chained into `listen`: the function waits on a server start that never completes; connect in the handler through a cached connection instead", short(conn)),
            ));
        }
    }
}

fn short(e: &Expr) -> String {
    match e {
        Expr::Call { callee, .. } => format!("{}(...)", describe(callee)),
        other => describe(other),
    }
}

fn calls_listen(e: &Expr) -> bool {
    expr_any(
        e,
        &mut |x| matches!(x, Expr::Call { callee, .. } if is_listen(callee)),
    )
}

/// One of the connection-opening expressions listed in the module docs.
pub fn is_connection(e: &Expr, facts: &Facts<'_>) -> bool {
    match e {
        Expr::Call { callee, .. } => {
            if let Some((Expr::New { callee: ctor, .. }, "connect")) = callee.static_prop() {
                return is_client_ctor(ctor, facts);
            }
            let Some(r) = resolve(callee, facts) else {
                return false;
            };
            let method = r.last().unwrap_or("");
            (r.is_module("mongoose", &["mongoose"])
                && r.path.len() == 1
                && matches!(method, "connect" | "createConnection"))
                || (r.is_module("mongodb", &["MongoClient"])
                    && matches!(r.path.as_slice(), [m] if m == "connect")
                    || r.module.as_deref() == Some("mongodb")
                        && matches!(r.path.as_slice(), [c, m] if c == "MongoClient" && m == "connect"))
                || ((r.is_module("mysql", &["mysql"])
                    || r.is_module("mysql2", &["mysql2"])
                    || r.module.as_deref() == Some("mysql2/promise"))
                    && r.path.len() == 1
                    && matches!(method, "createConnection" | "createPool"))
        }
        Expr::New { callee, .. } => is_client_ctor(callee, facts),
        _ => false,
    }
}

fn is_client_ctor(ctor: &Expr, facts: &Facts<'_>) -> bool {
    let Some(r) = resolve(ctor, facts) else {
        return false;
    };
    let name = r.last().unwrap_or(&r.base);
    match r.module.as_deref() {
        Some("pg") => matches!(name, "Pool" | "Client"),
        Some("mongodb") => name == "MongoClient",
        Some("sequelize") => name == "Sequelize",
        Some("@prisma/client") => name == "PrismaClient",
        Some(_) => false,
        None => matches!(name, "MongoClient" | "Pool" | "Sequelize" | "PrismaClient"),
    }
}

/// The function reuses a connection kept at module scope.
fn caches_connection(f: &Func, facts: &Facts<'_>, cx: &Cx<'_>) -> bool {
    let is_cache_root = |name: &str| {
        matches!(name, "global" | "globalThis")
            || (facts.module_var(name).is_some() && cx.is_module_binding(name))
    };
    let tests_cache = if_tests(&f.body).into_iter().any(|t| {
        mentions_ready_state(t)
            || expr_any(t, &mut |x| {
                x.root_ident()
                    .is_some_and(|n| is_cache_root(n) && is_null_check_of(t, n))
            })
    });
    tests_cache
        || stmts_any(&f.body, &mut |x| match x {
            Expr::Assign {
                target, value, op, ..
            } => {
                target.root_ident().is_some_and(is_cache_root)
                    && (*op == AssignOp::Logical
                        || is_connection(value.unawaited(), facts)
                        || matches!(value.unawaited(), Expr::Ident(..)))
            }
            _ => false,
        })
}

fn mentions_ready_state(t: &Expr) -> bool {
    expr_any(t, &mut |x| {
        x.static_prop()
            .is_some_and(|(_, p)| matches!(p, "readyState" | "isConnected"))
    })
}
