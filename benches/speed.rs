//! Benchmarks: `cargo bench --bench speed -- render`.

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

criterion_group!(render, render_note);
criterion_main!(render);
