//! Batch grading end to end: `course grade --batch` over a class of 1,000 small submissions
//! (a few files each, a git repository in every tenth), without `--exec`, spawning the
//! release binary, with the course built into the binary. Target: under 5 s on a 2-core
//! machine.

use std::path::Path;
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion};

const SUBMISSIONS: usize = 1_000;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn commit_all(dir: &Path) {
    let repo = git2::Repository::init(dir).unwrap();
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
    repo.commit(Some("HEAD"), &sig, &sig, "first commit", &tree, &[])
        .unwrap();
}

/// One submission: requirements, README, a package under src/, a config, an answer file.
fn submission(dir: &Path, i: usize) {
    write(
        dir,
        "requirements.txt",
        "numpy>=1.24  # arrays\ntorch==2.3.0  # the model\npyyaml>=6  # configs\n",
    );
    write(
        dir,
        "README.md",
        "# VLA project\n\n- src/: code\n- configs/: settings\n- data/: not in git\n",
    );
    write(dir, ".gitignore", ".venv/\ndata/\n__pycache__/\n");
    write(dir, "src/__init__.py", "");
    write(dir, "src/models/__init__.py", "");
    write(dir, "src/models/policy.py", "class Policy:\n    pass\n");
    write(dir, "configs/train.yaml", "lr: 0.001\nbatch_size: 32\n");
    write(
        dir,
        "answers/jupyter-vs-script.yaml",
        "q1:\n  choice: b\n  reason: scripts are easier to review\n",
    );
    if i.is_multiple_of(10) {
        commit_all(dir);
    }
}

fn class(root: &Path) {
    for i in 0..SUBMISSIONS {
        submission(&root.join(format!("student-{i:04}")), i);
    }
}

fn grading(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let class_dir = tmp.path().join("class");
    class(&class_dir);
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
