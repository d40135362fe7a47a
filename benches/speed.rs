//! Benchmarks: `cargo bench --features bench --bench speed -- render`, `... -- requirements`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use course::render::{self as md, RenderOptions};

/// The reference input: the Korean study note the course is built from.
const NOTE: &str = include_str!("data/note.ko.md");

fn render_note(c: &mut Criterion) {
    let plain = RenderOptions {
        width: 80,
        color: false,
        hyperlinks: false,
        ascii: false,
        records: false,
    };
    c.bench_function("render_note", |b| {
        b.iter(|| md::render(black_box(NOTE), &plain))
    });
    let color = RenderOptions {
        color: true,
        hyperlinks: true,
        ..plain
    };
    c.bench_function("render_note_color", |b| {
        b.iter(|| md::render(black_box(NOTE), &color))
    });
}

/// Reading requirements files as pip does: a real one (oobabooga's, wheel URLs with markers),
/// and issue 8's hostile ones (42,000 lines of `---`; 500,000 extras in one requirement, 1 MB),
/// which took minutes with `pep508_rs` and must stay linear.
fn requirements(c: &mut Criterion) {
    use course::pip::requirements_txt::parse;
    const REAL: &str = include_str!(
        "../tests/data/requirements/oobabooga__text-generation-webui__requirements__full__requirements.txt"
    );
    c.bench_function("requirements_real_file", |b| {
        b.iter(|| parse(black_box(REAL)))
    });
    let dashes = "---\n".repeat(42_000);
    c.bench_function("requirements_42000_dash_lines", |b| {
        b.iter(|| parse(black_box(&dashes)))
    });
    let extras = format!("numpy[{}]\n", vec!["a"; 500_000].join(","));
    c.bench_function("requirements_500000_extras", |b| {
        b.iter(|| parse(black_box(&extras)))
    });
}

criterion_group!(render, render_note);
criterion_group!(pip, requirements);
criterion_main!(render, pip);
