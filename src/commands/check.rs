//! `check [PATH...] [--format text|json]`: scan JavaScript/TypeScript for
//! serverless red flags. Exit 0 clean, 1 red flags or unparseable files,
//! 2 a missing path or an unreadable file.

use crate::check::{files, report};
use crate::cli::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let reports = files::scan_paths(&paths)?;
    let text = match args.format {
        CheckFormat::Text => report::text(&reports),
        CheckFormat::Json => report::json(&reports),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    Ok(ExitCode::from(report::Totals::of(&reports).exit_code()))
}
