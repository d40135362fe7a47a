//! Batch grading end to end: `course grade --batch` over a class of 1,000 small submissions
//! (complete projects with a two-commit git history), without `--exec`, spawning the
//! release binary, with the course built into the binary. Target: under 5 s on a 2-core
//! machine.

use std::path::Path;
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "support/workspace.rs"]
mod support;

const SUBMISSIONS: usize = 1_000;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Commit the work tree as it is, on top of HEAD (if any), with git2 (fast: no processes).
fn commit_all(repo: &git2::Repository, message: &str) {
    let mut index = repo.index().unwrap();
    index
        .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
        .unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = git2::Signature::new(
        "Student",
        "student@example.com",
        &git2::Time::new(1_767_225_600, 0),
    )
    .unwrap();
    let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let parents: Vec<&git2::Commit> = parent.iter().collect();
    repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
        .unwrap();
}

/// One submission: the complete passing project of `support` (requirements, README,
/// .gitignore, configs, src packages, scripts, notebooks, tests, answers) with a two-commit
/// history; every fifth student has left something broken.
fn submission(dir: &Path, i: usize) {
    let requirements = if i % 5 == 4 {
        "torch\nnumpy\n"
    } else {
        support::REQUIREMENTS
    };
    support::write_files(dir);
    write(dir, "requirements.txt", requirements);
    let repo = git2::Repository::init(dir).unwrap();
    commit_all(&repo, "project structure");
    support::edit_script(dir);
    commit_all(&repo, "edit the training script");
}

fn class(root: &Path) {
    for i in 0..SUBMISSIONS {
        submission(&root.join(format!("student-{i:04}")), i);
    }
}

fn grading(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    // `GRADING_BENCH_CLASS=DIR` builds the class in DIR (once) and keeps it, so a profiler
    // (`valgrind --tool=callgrind`, `strace -c`) can grade the very class measured here.
    let class_dir = match std::env::var_os("GRADING_BENCH_CLASS") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => tmp.path().join("class"),
    };
    if !class_dir.exists() {
        class(&class_dir);
    }
    let out = tmp.path().join("grades.csv");
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("grade_1000_submissions", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_course"))
                .args(["--lang", "en", "grade", "--batch"])
                .arg(&class_dir)
                .arg("--output")
                .arg(&out)
                .env_remove("COURSE_DIR")
                .stderr(std::process::Stdio::null())
                .status()
                .unwrap();
            // 0 = graded; 3 = a check could not run somewhere (still a full gradebook).
            assert!(matches!(status.code(), Some(0 | 3)), "{status}");
        })
    });
    group.finish();
    let rows = std::fs::read_to_string(&out).unwrap().lines().count();
    assert_eq!(rows, SUBMISSIONS + 1, "one gradebook row per submission");
}

criterion_group!(benches, grading);
criterion_main!(benches);
