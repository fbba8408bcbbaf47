//! A bound on how deep lowering recurses. Chains without brackets
//! (`a.b.b…`, `1+1+…`, `x=>x=>…`, `l:l:…`, `else if` ladders) nest the tree
//! as deep as they are long, and the bracket guard in `parse` never sees
//! them: lowering 20 000 of them (and walking the result) overflowed the
//! stack, an abort. Past [`MAX_DEPTH`] levels the rest is cut and the file is
//! reported as too deep.

use super::lower::lower_program;
use super::{SyntaxError, MAX_DEPTH};
use crate::check::ir::Program;
use oxc_ast::ast as js;
use std::cell::Cell;

thread_local! {
    /// How deep lowering is in `expr`/`stmt` now, and where it first went
    /// past the limit (if it did).
    static LOWER_DEPTH: Cell<(usize, Option<u32>)> = const { Cell::new((0, None)) };
    /// The limit on this thread: [`MAX_DEPTH`] on an ordinary stack.
    static LOWER_LIMIT: Cell<usize> = const { Cell::new(MAX_DEPTH) };
}

/// Lowering depth allowed on a thread with a big stack (the scan pool's
/// 256 MiB): long generated chains of 50 000 still scan there.
pub const BIG_STACK_DEPTH: usize = 60_000;

/// Lets lowering on this thread go `limit` levels deep; call it only on a
/// thread whose stack is big enough (see [`BIG_STACK_DEPTH`]).
pub fn allow_depth_on_this_thread(limit: usize) {
    LOWER_LIMIT.set(limit);
}

/// Held while lowering one `expr`/`stmt`.
pub(super) struct DepthGuard(usize);

const STMT_WEIGHT: usize = 3;

impl DepthGuard {
    /// `None` (and the file marked too deep) past the limit: the caller
    /// returns a leaf instead of recursing.
    pub(super) fn enter(at: u32) -> Option<DepthGuard> {
        DepthGuard::enter_weighted(at, 1)
    }

    /// A statement costs more stack than an expression (about three times,
    /// measured with `l:l:…` and `else if` ladders), so it counts more.
    pub(super) fn enter_stmt(at: u32) -> Option<DepthGuard> {
        DepthGuard::enter_weighted(at, STMT_WEIGHT)
    }

    fn enter_weighted(at: u32, weight: usize) -> Option<DepthGuard> {
        let (depth, deep_at) = LOWER_DEPTH.get();
        if depth + weight > LOWER_LIMIT.get() {
            LOWER_DEPTH.set((depth, deep_at.or(Some(at))));
            return None;
        }
        LOWER_DEPTH.set((depth + weight, deep_at));
        Some(DepthGuard(weight))
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        let (depth, deep_at) = LOWER_DEPTH.get();
        LOWER_DEPTH.set((depth.saturating_sub(self.0), deep_at));
    }
}

/// [`lower_program`], or the "too deep" error where the limit was hit.
pub(super) fn lower_bounded(program: &js::Program<'_>) -> Result<Program, SyntaxError> {
    LOWER_DEPTH.set((0, None));
    let lowered = lower_program(program);
    match LOWER_DEPTH.replace((0, None)).1 {
        None => Ok(lowered),
        Some(offset) => Err(SyntaxError {
            offset,
            message: format!("nesting deeper than {} levels", LOWER_LIMIT.get()),
        }),
    }
}
