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
    /// past [`MAX_DEPTH`] (if it did).
    static LOWER_DEPTH: Cell<(usize, Option<u32>)> = const { Cell::new((0, None)) };
}

/// Held while lowering one `expr`/`stmt`.
pub(super) struct DepthGuard;

impl DepthGuard {
    /// `None` (and the file marked too deep) past the limit: the caller
    /// returns a leaf instead of recursing.
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

/// [`lower_program`], or the "too deep" error where the limit was hit.
pub(super) fn lower_bounded(program: &js::Program<'_>) -> Result<Program, SyntaxError> {
    LOWER_DEPTH.set((0, None));
    let lowered = lower_program(program);
    match LOWER_DEPTH.replace((0, None)).1 {
        None => Ok(lowered),
        Some(offset) => Err(SyntaxError {
            offset,
            message: format!("nesting deeper than {MAX_DEPTH} levels"),
        }),
    }
}
