//! Layout benchmarks: the guide at 120 columns (highlighting off, the
//! first-frame path; and on, warm cache), the guide repeated 1×/4×/16× to
//! show linear growth, and loading the embedded syntax dump.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serverless_tutor::content::markdown::parse_markdown;
use serverless_tutor::highlight;
use serverless_tutor::layout::{layout_blocks, LayoutOptions};
use serverless_tutor::theme::{Theme, ThemeName};
use std::hint::black_box;
use std::time::Duration;

const GUIDE: &str = include_str!("fixtures/guide.md");

fn opts(highlight: bool) -> LayoutOptions {
    LayoutOptions {
        width: 120,
        theme: Theme::new(ThemeName::Dark, true),
        highlight,
    }
}

fn guide(c: &mut Criterion) {
    let blocks = parse_markdown(GUIDE);
    c.bench_function("layout guide 120 cols, no highlight", |b| {
        b.iter(|| layout_blocks(black_box(&blocks), &opts(false)))
    });
    layout_blocks(&blocks, &opts(true));
    c.bench_function("layout guide 120 cols, highlight (warm cache)", |b| {
        b.iter(|| layout_blocks(black_box(&blocks), &opts(true)))
    });
    c.bench_function("parse + layout guide 120 cols", |b| {
        b.iter(|| layout_blocks(&parse_markdown(black_box(GUIDE)), &opts(false)))
    });
}

/// CPU time of this thread: on a shared, overloaded machine wall time
/// mostly measures the other processes; this measures the layout.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec we pass it.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn guide_cpu(c: &mut Criterion) {
    let blocks = parse_markdown(GUIDE);
    c.bench_function(
        "layout guide 120 cols, no highlight (thread CPU time)",
        |b| {
            b.iter_custom(|iters| {
                let start = thread_cpu();
                for _ in 0..iters {
                    black_box(layout_blocks(black_box(&blocks), &opts(false)));
                }
                thread_cpu() - start
            })
        },
    );
}

fn growth(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout growth");
    for copies in [1usize, 4, 16] {
        let blocks = parse_markdown(&GUIDE.repeat(copies));
        group.throughput(Throughput::Bytes((GUIDE.len() * copies) as u64));
        group.bench_with_input(BenchmarkId::from_parameter(copies), &blocks, |b, blocks| {
            b.iter(|| layout_blocks(black_box(blocks), &opts(false)))
        });
    }
    group.finish();
}

fn dump(c: &mut Criterion) {
    c.bench_function("load embedded syntax dump", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| highlight::load_time().0).sum())
    });
    c.bench_function("load embedded theme dump", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| highlight::load_time().1).sum())
    });
    let theme = Theme::new(ThemeName::Dark, true);
    let code = "const express = require('express');\napp.listen(3000);\n";
    let mut n = 0u64;
    c.bench_function("highlight a small JS block (uncached)", |b| {
        b.iter(|| {
            n += 1;
            highlight::highlight(&format!("{code}// {n}"), Some("js"), &theme)
        })
    });
}

criterion_group!(benches, guide, guide_cpu, growth, dump);
criterion_main!(benches);
