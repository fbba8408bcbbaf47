//! `present`: not built yet (see the open issue for this command).

use crate::cli::*;
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, _args: &PresentArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not available in this build yet")
}
