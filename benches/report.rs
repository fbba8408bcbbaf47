//! `report` on a class of 1,000 learners: expanding the directory, reading and
//! parsing every export (in parallel), selecting, the statistics and the
//! Markdown rendering. The exports are generated into a temp dir for a course
//! of 48 questions (the sample course's quizzes, eight times over), with
//! seeded random answers.

use criterion::{criterion_group, criterion_main, Criterion};
use serverless_tutor::cli::ExportFormat;
use serverless_tutor::content::model::{Course, Quiz};
use serverless_tutor::persist::export::testdata::{at, attempt, course};
use serverless_tutor::persist::export::{build_export, to_json, ExportMeta};
use serverless_tutor::persist::progress::{CourseProgress, QuizProgress};
use serverless_tutor::persist::report::{render_report, report_from_args};
use serverless_tutor::quiz::answer::Grade;
use std::hint::black_box;
use std::path::Path;

const LEARNERS: usize = 1_000;

fn big_course() -> Course {
    let base = course();
    let quizzes: Vec<Quiz> = (0..8)
        .flat_map(|i| {
            base.quizzes.iter().map(move |q| Quiz {
                id: format!("{}-{i}", q.id),
                ..q.clone()
            })
        })
        .collect();
    Course { quizzes, ..base }
}

/// Seeded random answers: each question answered with probability 0.9, one to
/// three attempts, the key's answer graded right half the time.
fn learner_progress(course: &Course, rng: &mut fastrand::Rng) -> CourseProgress {
    let mut p = CourseProgress::default();
    for quiz in &course.quizzes {
        let mut qp = QuizProgress::default();
        for q in &quiz.questions {
            if rng.f32() < 0.1 {
                continue;
            }
            let key = serverless_tutor::persist::export::describe::key(q);
            let attempts = (1..=rng.u32(1..=3))
                .map(|n| {
                    let grade = Grade {
                        correct: rng.bool(),
                        ..Grade::default()
                    };
                    attempt(n, key.clone(), grade, i64::from(n))
                })
                .collect();
            qp.questions.insert(q.id.clone(), attempts);
        }
        p.quizzes.insert(quiz.id.clone(), qp);
    }
    p
}

fn write_class(dir: &Path) {
    let course = big_course();
    let mut rng = fastrand::Rng::with_seed(42);
    for i in 0..LEARNERS {
        let meta = ExportMeta {
            learner: format!("learner {i:04}"),
            exported_at: at(i as i64),
        };
        let export = build_export(&course, &learner_progress(&course, &mut rng), &meta);
        let path = dir.join(format!("learner-{i:04}.json"));
        if let Err(e) = std::fs::write(&path, to_json(&export)) {
            panic!("cannot write {}: {e}", path.display());
        }
    }
}

fn bench_report(c: &mut Criterion) {
    let tmp = match tempfile::tempdir() {
        Ok(t) => t,
        Err(e) => panic!("no temp dir: {e}"),
    };
    write_class(tmp.path());
    let args = vec![tmp.path().to_string_lossy().into_owned()];
    one_pass_breakdown(&args);
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.bench_function("1000 exports to markdown", |b| {
        b.iter(|| {
            let outcome = report_from_args(black_box(&args));
            let report = outcome.report.map(|r| render_report(&r, ExportFormat::Md));
            black_box(report)
        })
    });
    group.finish();
}

/// CPU time of this process so far (user + system), in milliseconds: unlike
/// wall time it does not grow when other programs compete for the cores.
fn cpu_ms() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; zeroed is a valid rusage.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

/// One report, phase by phase (wall and CPU), printed before the benchmark.
fn one_pass_breakdown(args: &[String]) {
    use serverless_tutor::persist::report::{class_report, collect, expand_inputs};
    let (wall, cpu) = (std::time::Instant::now(), cpu_ms());
    let (files, _) = expand_inputs(args);
    let collected = collect(&files);
    let (wall_parse, cpu_parse) = (wall.elapsed().as_secs_f64() * 1e3, cpu_ms() - cpu);
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let (wall2, cpu2) = (std::time::Instant::now(), cpu_ms());
    let Some(course) = collected.course else {
        panic!("no usable export");
    };
    let report = class_report(&course, &collected.exports);
    let md = render_report(&report, ExportFormat::Md);
    eprintln!(
        "{} files, {:.1} MB: read+parse {wall_parse:.0} ms wall / {cpu_parse:.0} ms CPU; \
         stats+markdown {:.0} ms wall / {:.0} ms CPU ({} bytes of markdown)",
        files.len(),
        bytes as f64 / 1e6,
        wall2.elapsed().as_secs_f64() * 1e3,
        cpu_ms() - cpu2,
        md.len()
    );
}

criterion_group!(benches, bench_report);
criterion_main!(benches);
