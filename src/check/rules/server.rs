//! `persistent-server`: any `.listen(...)` call (`app.listen`, `server.listen`,
//! `http.createServer(app).listen`). Under a "run directly" guard
//! (`if (require.main === module)`, `NODE_ENV !== 'production'`,
//! `!process.env.VERCEL`) it is lowered to a note: that is how the guide keeps
//! local runs working while the platform imports the exported app.

use super::{describe, Hit};
use crate::check::facts::Facts;
use crate::check::ir::*;
use crate::check::walk::{is_listen, walk, Cx, Visitor};
use crate::check::Severity;
use crate::content::model::Reason;

pub fn check(program: &Program, _facts: &Facts<'_>) -> Vec<Hit> {
    let mut rule = Rule::default();
    walk(program, &mut rule);
    rule.hits
}

#[derive(Default)]
struct Rule {
    hits: Vec<Hit>,
}

impl<'p> Visitor<'p> for Rule {
    fn expr(&mut self, e: &'p Expr, cx: &Cx<'p>) {
        let Expr::Call { callee, span, .. } = e else {
            return;
        };
        if !is_listen(callee) {
            return;
        }
        let name = describe(callee);
        let mut hit = Hit::error(
            Reason::PersistentServer,
            *span,
            format!("`{name}(...)` starts a persistent server; a serverless function is invoked per request and must not listen"),
        );
        if cx.guarded {
            hit.severity = Severity::Note;
            hit.message = format!("`{name}(...)` runs only when started directly (local development); the deployed function must export the app instead");
        }
        self.hits.push(hit);
    }
}
