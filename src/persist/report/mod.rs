//! The class report: many learners' JSON exports merged into one view of what
//! the room got right and wrong.
//!
//! Stages: [`inputs`] (arguments → files) → [`collect`] (parse in parallel,
//! leave out invalid and foreign files, one export per learner) → [`stats`]
//! (the numbers, pure) → [`render`] (Markdown, CSV, JSON).

pub mod collect;
pub mod inputs;
pub mod render;
pub mod stats;

pub use collect::{collect, Collected};
pub use inputs::expand_inputs;
pub use render::render_report;
pub use stats::{class_report, ClassReport};

/// The outcome of building a report from command-line arguments.
#[derive(Debug)]
pub struct Outcome {
    /// `None` when no file was usable.
    pub report: Option<ClassReport>,
    /// Warnings (arguments naming no file, files left out), one line each.
    pub warnings: Vec<String>,
    /// Older exports replaced by a learner's newer one.
    pub notes: Vec<String>,
    pub files_read: usize,
}

/// Expands the arguments, reads every file and builds the report.
pub fn report_from_args(args: &[String]) -> Outcome {
    let (files, mut warnings) = expand_inputs(args);
    let collected = collect(&files);
    warnings.extend(collected.warnings);
    let report = collected
        .course
        .map(|course| class_report(&course, &collected.exports));
    Outcome {
        report,
        warnings,
        notes: collected.notes,
        files_read: files.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ExportFormat;
    use crate::content::model::Reason;
    use crate::persist::export::testdata::{at, course, progress};
    use crate::persist::export::{build_export, Export, ExportMeta};
    use crate::persist::progress::CourseProgress;

    fn export(name: &str, p: &CourseProgress) -> Export {
        let meta = ExportMeta {
            learner: name.into(),
            exported_at: at(60),
        };
        build_export(&course(), p, &meta)
    }

    fn class() -> ClassReport {
        let exports = vec![
            export("Ada", &progress()),
            export("Bob", &CourseProgress::default()),
        ];
        class_report(&exports[0].course.clone(), &exports)
    }

    #[test]
    fn numbers_come_from_the_learners_who_answered() {
        let r = class();
        assert_eq!(r.learners, 2);
        let state = &r.quizzes[0];
        assert_eq!(
            (state.taken_by, state.mean, state.min, state.max),
            (1, Some(50.0), Some(50.0), Some(50.0))
        );
        let missed: Vec<&str> = r.questions.iter().map(|q| q.question_id.as_str()).collect();
        assert_eq!(missed, ["upload", "listen", "where-sessions", "counter"]);
        assert_eq!(r.misconceptions.len(), 1);
        assert_eq!(r.misconceptions[0].reason, Reason::PersistentConnection);
        assert_eq!(
            r.misconceptions[0].right_reason,
            Some(Reason::InMemoryState)
        );
        assert_eq!(r.per_learner[1].scores, [None, None]);
        assert_eq!(r.per_learner[0].overall, 33.3);
    }

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let mut all_right = progress();
        for attempts in all_right
            .quizzes
            .values_mut()
            .flat_map(|q| q.questions.values_mut())
        {
            for a in attempts {
                a.grade.correct = true;
            }
        }
        let exports = vec![export("Ada", &progress()), export("Cy", &all_right)];
        let r = class_report(&exports[0].course.clone(), &exports);
        let state = &r.quizzes[0];
        assert_eq!(
            (state.min, state.median, state.max),
            (Some(50.0), Some(62.5), Some(75.0))
        );
    }

    #[test]
    fn every_format_renders() {
        let mut r = class();
        r.quizzes[1].taken_by = 0;
        r.quizzes[1].mean = None;
        let md = render_report(&r, ExportFormat::Md);
        assert!(
            md.contains("| upload (compare) | Which upload handler works? | 0.0% (0/1) | the right snippet |"),
            "{md}"
        );
        assert!(md.contains("| red-flags | 2 | 0 | — | 0.0% |"), "{md}");
        let csv = render_report(&r, ExportFormat::Csv);
        assert_eq!(
            csv.lines().next(),
            Some("learner,exported_at,state,red-flags,overall")
        );
        assert_eq!(csv.lines().nth(2), Some("Bob,2026-12-04T19:00:00Z,,,0.0"));
        let json = render_report(&r, ExportFormat::Json);
        let back: ClassReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }
}
