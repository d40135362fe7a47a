//! End-to-end timings of the commands a learner runs most: `course next` and `course check`,
//! spawning the real binary on a complete passing workspace.

#[path = "support/workspace.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion};

fn course(ws: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_course"))
        .args(args)
        .current_dir(ws)
        .env("NO_COLOR", "1")
        .env_remove("VIRTUAL_ENV")
        .env_remove("CONDA_PREFIX")
        .output()
        .expect("course runs");
    assert!(out.status.code().is_some());
}

fn commands(c: &mut Criterion) {
    // Without an environment: the checks that read files and git only.
    let project = tempfile::tempdir().unwrap();
    support::build_project(project.path());
    course(project.path(), &["init"]);
    c.bench_function("check (environment excluded)", |b| {
        b.iter(|| {
            course(
                project.path(),
                &[
                    "check",
                    "requirements",
                    "structure",
                    "git-workflow",
                    "jupyter-vs-script",
                ],
            )
        })
    });

    // With the environment, after one run has cached its result.
    let full = tempfile::tempdir().unwrap();
    support::build_passing_workspace(full.path());
    course(full.path(), &["init"]);
    course(full.path(), &["check"]);
    c.bench_function("check (all, cached environment)", |b| {
        b.iter(|| course(full.path(), &["check"]))
    });
    for n in 1..=20 {
        course(full.path(), &["lesson", &n.to_string()]);
    }
    c.bench_function("next", |b| b.iter(|| course(full.path(), &["next"])));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = commands
}
criterion_main!(benches);
