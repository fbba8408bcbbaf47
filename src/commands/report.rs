//! `report`: merges learners' JSON exports into a class report. Files left
//! out are named in one warning line each; exit 1 only if no file is usable.

use crate::cli::*;
use crate::content::sanitize;
use crate::persist::output::{write_output, Written};
use crate::persist::report::{render_report, report_from_args};
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let outcome = report_from_args(&args.files);
    for w in &outcome.warnings {
        eprintln!("serverless-tutor: warning: {}", sanitize::inline(w));
    }
    for n in &outcome.notes {
        eprintln!("serverless-tutor: note: {}", sanitize::inline(n));
    }
    let Some(report) = outcome.report else {
        eprintln!(
            "serverless-tutor: error: no usable export among {} file(s)",
            outcome.files_read
        );
        return Ok(ExitCode::from(1));
    };
    let text = render_report(&report, args.format);
    if let Written::File(path) = write_output(args.out.as_deref(), &text, args.force)? {
        let shown = path.display().to_string();
        eprintln!(
            "wrote {} ({} learners)",
            sanitize::inline(&shown),
            report.learners
        );
    }
    Ok(ExitCode::SUCCESS)
}
