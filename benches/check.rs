//! `check` throughput: 10,000 files of typical Express code (routes,
//! middleware, models; about one in five with a red flag) written to a temp
//! directory, then walked and scanned in parallel exactly as
//! `serverless-tutor check DIR` does. Target: under 5 s on 2 cores.
//!
//! `cargo bench --bench check` (criterion), or `cargo bench --bench check -- --once`
//! for a single timed run.

use criterion::{criterion_group, Criterion};
use serverless_tutor::check::{files, report::Totals};
use std::path::Path;
use std::time::{Duration, Instant};

const FILES: usize = 10_000;

fn route_file(i: usize) -> String {
    let flag = match i % 10 {
        0 => "const visits = new Map();\nrouter.use((req, res, next) => { visits.set(req.ip, Date.now()); next(); });\n",
        3 => "fs.writeFileSync(`./logs/${Date.now()}.json`, JSON.stringify(process.env));\n",
        7 => "mongoose.connect(process.env.MONGODB_URI).then(() => app.listen(3000));\n",
        _ => "",
    };
    format!(
        r#"'use strict';
const express = require('express');
const fs = require('fs');
const mongoose = require('mongoose');
const {{ body, validationResult }} = require('express-validator');
const Movie{i} = require('../models/movie{i}');
const auth = require('../middleware/auth');
const app = express();
const router = express.Router();

let cachedDb = null;
async function connectToDatabase() {{
  if (cachedDb) return cachedDb;
  cachedDb = await mongoose.connect(process.env.MONGODB_URI);
  return cachedDb;
}}

router.get('/movies{i}', async (req, res) => {{
  await connectToDatabase();
  const page = Number(req.query.page) || 1;
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  try {{
    const movies = await Movie{i}.find({{ title: new RegExp(req.query.q || '', 'i') }})
      .skip((page - 1) * limit)
      .limit(limit)
      .lean();
    res.json({{ page, limit, movies }});
  }} catch (err) {{
    console.error(err);
    res.status(500).json({{ error: 'Failed to load movies' }});
  }}
}});

router.post(
  '/movies{i}/:id/reviews',
  auth,
  body('rating').isInt({{ min: 1, max: 5 }}),
  body('text').isLength({{ max: 2000 }}),
  async (req, res) => {{
    const errors = validationResult(req);
    if (!errors.isEmpty()) return res.status(400).json({{ errors: errors.array() }});
    await connectToDatabase();
    const movie = await Movie{i}.findById(req.params.id);
    if (!movie) return res.status(404).json({{ error: 'Not found' }});
    movie.reviews.push({{ user: req.user.id, rating: req.body.rating, text: req.body.text }});
    await movie.save();
    res.status(201).json(movie.reviews.at(-1));
  }}
);

router.delete('/movies{i}/:id', auth, async (req, res) => {{
  await connectToDatabase();
  const result = await Movie{i}.deleteOne({{ _id: req.params.id, owner: req.user.id }});
  res.json({{ deleted: result.deletedCount }});
}});

{flag}
app.use(express.json());
app.use('/api', router);
module.exports = app;
"#
    )
}

fn write_tree(dir: &Path) {
    for i in 0..FILES {
        let sub = dir.join(format!("routes{}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        let ext = if i % 4 == 0 { "ts" } else { "js" };
        std::fs::write(sub.join(format!("movies{i}.{ext}")), route_file(i)).unwrap();
    }
}

fn scan(dir: &Path) -> Totals {
    let reports = files::scan_paths(&[dir.to_path_buf()]).unwrap();
    let totals = Totals::of(&reports);
    assert_eq!(totals.files, FILES);
    assert_eq!(totals.unparseable, 0);
    totals
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path());
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("10k_express_files", |b| b.iter(|| scan(dir.path())));
    group.finish();
}

/// User and system CPU seconds used by this process so far.
fn cpu_seconds() -> (f64, f64) {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_SELF is valid.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(usage.ru_utime), secs(usage.ru_stime))
}

/// One timed run with a breakdown: walk, then read + parse + rules.
fn once() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path());
    let (user0, sys0) = cpu_seconds();
    let start = Instant::now();
    let paths = files::collect(&[dir.path().to_path_buf()]).unwrap();
    let walked = start.elapsed();
    let reports = files::scan_files(&paths);
    let total = start.elapsed();
    let (user1, sys1) = cpu_seconds();
    let totals = Totals::of(&reports);
    assert_eq!(totals.files, FILES);
    println!(
        "scanned {} files in {:.2?} (walk {:.2?}, read+parse+rules {:.2?}) on {} threads; CPU user {:.2}s sys {:.2}s; {}",
        totals.files,
        total,
        walked,
        total - walked,
        rayon::current_num_threads(),
        user1 - user0,
        sys1 - sys0,
        totals.summary()
    );
}

criterion_group!(benches, bench);

fn main() {
    if std::env::args().any(|a| a == "--once") {
        once();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
