//! A bound on how deep lowering recurses. Chains without brackets
//! (`a.b.b.b…`, `1+1+1…`, `x=>x=>…`, `l:l:…`, `else if` ladders) nest the
//! tree as deep as the bracket guard allows brackets, and lowering them (and
//! walking the result) recursed until the stack overflowed: past
//! [`MAX_DEPTH`] levels the rest is cut and the file reported as too deep.

use super::lower::lower_program;
use super::{SyntaxError, MAX_DEPTH};
use crate::check::ir::Program;
use oxc_ast::ast as js;

thread_local! {
    /// How deep the lowering is in `expr`/`stmt` right now, and where it
    /// first went past [`MAX_DEPTH`] (if it did).
    static LOWER_DEPTH: std::cell::Cell<(usize, Option<u32>)> =
        const { std::cell::Cell::new((0, None)) };
}

/// Held while lowering one `expr`/`stmt`.
pub(super) struct DepthGuard;

impl DepthGuard {
    /// `None` once the lowering is [`MAX_DEPTH`] deep: the caller cuts there.
    pub(super) fn enter(at: u32) -> Option<DepthGuard> {
        let (depth, deep_at) = LOWER_DEPTH.get();
        if depth >= MAX_DEPTH {
            LOWER_DEPTH.set((depth, deep_at.or(Some(at))));
            return None;
        }
        LOWER_DEPTH.set((depth + 1, deep_at));
        Some(DepthGuard)
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        let (depth, deep_at) = LOWER_DEPTH.get();
        LOWER_DEPTH.set((depth.saturating_sub(1), deep_at));
    }
}

/// Lowers `program`, or reports where it went too deep.
pub(super) fn lower_bounded(program: &js::Program<'_>) -> Result<Program, SyntaxError> {
    LOWER_DEPTH.set((0, None));
    let lowered = lower_program(program);
    match LOWER_DEPTH.replace((0, None)).1 {
        None => Ok(lowered),
        Some(offset) => {
            // Dropping the cut tree is recursive too, but it is bounded now.
            drop(lowered);
            Err(SyntaxError {
                offset,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
            })
        }
    }
}
