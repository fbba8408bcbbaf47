//! `persistent-connection`: servers and clients that hold connections open.
//!
//! Flagged anywhere: a socket.io server (`socketIo(server)`, `require('socket.io')(server)`,
//! `new Server(...)` imported from `socket.io`), anything constructed from `ws`
//! (`new WebSocketServer`, `new WebSocket.Server`), `new WebSocketServer(...)`
//! and `new WebSocket.Server(...)` even without the import, `new WebTorrent()`
//! / `new WebTorrentClient()`, and `net.createServer` / `tls.createServer`.

use super::{describe, Hit};
use crate::check::facts::{resolve, Facts};
use crate::check::ir::*;
use crate::check::walk::{walk, Cx, Visitor};
use crate::content::model::Reason;

const SOCKET_IO_NAMES: &[&str] = &[
    "socketIo",
    "socketio",
    "socketIO",
    "SocketIO",
    "socketIoServer",
];
const CONSTRUCTORS: &[&str] = &[
    "WebSocketServer",
    "WebTorrent",
    "WebTorrentClient",
    "SocketIOServer",
];

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
    fn expr(&mut self, e: &'p Expr, _cx: &Cx<'p>) {
        let (callee, span, is_new) = match e {
            Expr::Call { callee, span, .. } => (callee, *span, false),
            Expr::New { callee, span, .. } => (callee, *span, true),
            _ => return,
        };
        let Some(r) = resolve(callee, self.facts) else {
            return;
        };
        let module = r.module.as_deref();
        let flagged = if is_new {
            matches!(module, Some("socket.io" | "ws" | "webtorrent"))
                || (module.is_none()
                    && (CONSTRUCTORS.contains(&r.base.as_str()) && r.path.is_empty()
                        || r.last().is_some_and(|l| CONSTRUCTORS.contains(&l))
                        || (r.base == "WebSocket" && r.path == ["Server"])))
        } else {
            (module == Some("socket.io") && r.path.is_empty())
                || (module.is_none()
                    && SOCKET_IO_NAMES.contains(&r.base.as_str())
                    && r.path.is_empty())
                || ((r.is_module("net", &["net"]) || r.is_module("tls", &["tls"]))
                    && r.path == ["createServer"])
        };
        if flagged {
            let name = if is_new {
                format!("new {}(...)", describe(callee))
            } else {
                format!("{}(...)", describe(callee))
            };
            self.hits.push(Hit::error(
                Reason::PersistentConnection,
                span,
                format!("`{name}` holds persistent connections (WebSockets, P2P), which end when the function returns"),
            ));
        }
    }
}
