//! The notes transport: a Unix domain socket, owner-only, one per
//! presentation. The presenter listens (non-blocking: it never waits on a
//! follower; a follower that stops reading is dropped), followers connect.
//!
//! Where: `$XDG_RUNTIME_DIR/serverless-tutor/` when set, else
//! `<temp dir>/serverless-tutor-<uid>/`; the directory is created 0700 and
//! must be ours, the socket is 0600. The name comes from the course id
//! (`present-<id>.sock`), so presentations of different courses coexist; a
//! second presenter of the same course is refused while the first runs.

use super::protocol::{decode_lines, encode, ToFollower, ToPresenter, MAX_LINE};
use std::io::{self, ErrorKind, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

/// Unsent bytes a follower may fall behind by before it is dropped.
const MAX_BACKLOG: usize = 256 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SocketError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{0}: not owned by you or open to other users; refusing to use it")]
    Unsafe(String),
    #[error("a presentation of this course is already running (socket {0})")]
    Busy(String),
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> SocketError + '_ {
    move |source| SocketError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The directory that holds the sockets, created owner-only if missing.
pub fn runtime_dir() -> Result<PathBuf, SocketError> {
    let dir = match std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
        Some(base) => PathBuf::from(base).join("serverless-tutor"),
        None => {
            // SAFETY: getuid has no preconditions and cannot fail.
            let uid = unsafe { libc::getuid() };
            std::env::temp_dir().join(format!("serverless-tutor-{uid}"))
        }
    };
    match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io_err(&dir)(e)),
    }
    let meta = std::fs::symlink_metadata(&dir).map_err(io_err(&dir))?;
    // SAFETY: as above.
    let uid = unsafe { libc::getuid() };
    if !meta.is_dir() || meta.uid() != uid || meta.mode() & 0o077 != 0 {
        return Err(SocketError::Unsafe(dir.display().to_string()));
    }
    Ok(dir)
}

/// The socket of the presentation of `course_id`.
pub fn socket_path(dir: &Path, course_id: &str) -> PathBuf {
    let safe: String = course_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    dir.join(format!("present-{safe}.sock"))
}

/// The presenter's end: accepts followers and broadcasts to them.
pub struct Server {
    listener: UnixListener,
    path: PathBuf,
    peers: Vec<Peer>,
}

struct Peer {
    stream: UnixStream,
    inbox: Vec<u8>,
    outbox: Vec<u8>,
}

impl Server {
    /// Listens at `path`; a stale socket (no one answering) is replaced.
    pub fn bind(path: &Path) -> Result<Server, SocketError> {
        if path.exists() {
            if UnixStream::connect(path).is_ok() {
                return Err(SocketError::Busy(path.display().to_string()));
            }
            std::fs::remove_file(path).map_err(io_err(path))?;
        }
        let listener = UnixListener::bind(path).map_err(io_err(path))?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(io_err(path))?;
        listener.set_nonblocking(true).map_err(io_err(path))?;
        Ok(Server {
            listener,
            path: path.to_owned(),
            peers: Vec::new(),
        })
    }

    pub fn followers(&self) -> usize {
        self.peers.len()
    }

    /// Accepts new followers (each is greeted with `hello`), reads their keys
    /// and flushes what is pending. Never blocks.
    pub fn poll(&mut self, hello: &ToFollower) -> Vec<ToPresenter> {
        while let Ok((stream, _)) = self.listener.accept() {
            if stream.set_nonblocking(true).is_ok() {
                self.peers.push(Peer {
                    stream,
                    inbox: Vec::new(),
                    outbox: encode(hello),
                });
            }
        }
        let mut keys = Vec::new();
        self.peers
            .retain_mut(|peer| peer.read(&mut keys) && peer.flush());
        keys
    }

    /// Queues `msg` for every follower and sends what the sockets take now.
    pub fn broadcast(&mut self, msg: &ToFollower) {
        let line = encode(msg);
        self.peers.retain_mut(|peer| {
            peer.outbox.extend_from_slice(&line);
            peer.outbox.len() <= MAX_BACKLOG && peer.flush()
        });
    }

    /// Says goodbye (best effort, briefly blocking per follower); dropping
    /// then removes the socket.
    pub fn close(mut self) {
        let bye = encode(&ToFollower::Bye);
        for peer in &mut self.peers {
            peer.outbox.extend_from_slice(&bye);
            let _ = peer.stream.set_nonblocking(false);
            let _ = peer
                .stream
                .set_write_timeout(Some(std::time::Duration::from_millis(200)));
            let _ = peer.stream.write_all(&peer.outbox);
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Peer {
    /// Reads what is available; false when the follower is gone.
    fn read(&mut self, keys: &mut Vec<ToPresenter>) -> bool {
        let mut chunk = [0u8; 4096];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => return false,
                Ok(n) => {
                    self.inbox.extend_from_slice(&chunk[..n]);
                    keys.extend(decode_lines::<ToPresenter>(&mut self.inbox));
                    if self.inbox.len() > MAX_LINE {
                        return false;
                    }
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return true,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return false,
            }
        }
    }

    /// Writes what the socket takes; false when the follower is gone.
    fn flush(&mut self) -> bool {
        while !self.outbox.is_empty() {
            match self.stream.write(&self.outbox) {
                Ok(0) => return false,
                Ok(n) => {
                    self.outbox.drain(..n);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return true,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return false,
            }
        }
        true
    }
}

/// A follower's connection.
pub struct Client {
    stream: UnixStream,
    inbox: Vec<u8>,
    /// The presenter hung up; reported after the messages read before it.
    closed: bool,
}

/// What a follower read.
#[derive(Debug, PartialEq)]
pub enum Received {
    Messages(Vec<ToFollower>),
    /// The presenter closed the connection.
    Closed,
}

impl Client {
    /// Connects if a presenter is listening (`None`: not yet).
    pub fn try_connect(path: &Path) -> Option<Client> {
        let stream = UnixStream::connect(path).ok()?;
        stream.set_nonblocking(true).ok()?;
        Some(Client {
            stream,
            inbox: Vec::new(),
            closed: false,
        })
    }

    pub fn receive(&mut self) -> Received {
        if self.closed {
            return Received::Closed;
        }
        let mut chunk = [0u8; 8192];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => {
                    self.closed = true;
                    break;
                }
                Ok(n) => {
                    self.inbox.extend_from_slice(&chunk[..n]);
                    if self.inbox.len() > MAX_LINE {
                        return Received::Closed;
                    }
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => {
                    self.closed = true;
                    break;
                }
            }
        }
        let msgs = decode_lines(&mut self.inbox);
        if msgs.is_empty() && self.closed {
            return Received::Closed;
        }
        Received::Messages(msgs)
    }

    /// Sends a clicker key (tiny; dropped if the socket is full).
    pub fn send(&mut self, msg: &ToPresenter) {
        let _ = self.stream.write(&encode(msg));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::protocol::{Action, Snapshot};

    #[test]
    fn followers_get_state_and_bye_and_can_click() {
        let dir = tempfile::tempdir().unwrap();
        let path = socket_path(dir.path(), "my course/../x");
        assert_eq!(path.file_name().unwrap(), "present-my_course____x.sock");
        let mut server = Server::bind(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(matches!(Server::bind(&path), Err(SocketError::Busy(_))));
        let hello = ToFollower::State(Box::new(Snapshot {
            slide: 1,
            ..Snapshot::default()
        }));
        let mut a = Client::try_connect(&path).unwrap();
        let mut b = Client::try_connect(&path).unwrap();
        server.poll(&hello);
        assert_eq!(server.followers(), 2);
        a.send(&ToPresenter::Key {
            action: Action::Next,
        });
        std::thread::sleep(std::time::Duration::from_millis(20));
        let keys = server.poll(&hello);
        assert_eq!(
            keys,
            vec![ToPresenter::Key {
                action: Action::Next
            }]
        );
        server.close();
        std::thread::sleep(std::time::Duration::from_millis(20));
        for c in [&mut a, &mut b] {
            assert_eq!(
                c.receive(),
                Received::Messages(vec![hello.clone(), ToFollower::Bye])
            );
            assert_eq!(c.receive(), Received::Closed);
        }
        assert!(!path.exists());
    }

    #[test]
    fn a_follower_that_never_reads_is_dropped_not_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = socket_path(dir.path(), "slow");
        let mut server = Server::bind(&path).unwrap();
        let _slow = Client::try_connect(&path).unwrap();
        server.poll(&ToFollower::Bye);
        let big = ToFollower::State(Box::new(Snapshot {
            notes: vec!["x".repeat(64 * 1024)],
            ..Snapshot::default()
        }));
        let start = std::time::Instant::now();
        for _ in 0..20 {
            server.broadcast(&big);
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(server.followers(), 0);
    }
}
