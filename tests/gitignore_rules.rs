//! `course` reads `.gitignore` rules itself (each file once per repository): honest rules
//! with negation and `**` get git's own verdict, and when grading, the grader's own excludes
//! file never decides a student's verdict (issue 7).

use std::path::Path;

use crate::common::{check_report, course, git, git_init, one_exercise_course, tempdir, write};

const SAMPLES: &str = "  - kind: gitignore
    must_ignore:
      - {path: data/raw/episode_0001.hdf5, pattern: data/}
      - {path: src/model/__pycache__/vla.cpython-311.pyc, pattern: __pycache__/}
      - {path: checkpoints/epoch_10/model.pt, pattern: '*.pt'}
      - {path: logs/train.log, pattern: '*.log'}
    must_not_ignore: [data/README.md, src/data/__init__.py, logs/keep.log]
";

/// The same rules a learner might write, commented in English and in Korean: everything in
/// `data/` but its README, caches at any depth, checkpoints anywhere, logs but one.
const RULES_EN: &str = "# keep the data out, but describe it\n/data/*\n!/data/README.md\n# caches at any depth\n**/__pycache__/\n**/*.pt\n*.log\n!logs/keep.log\n";
const RULES_KO: &str = "# 데이터는 올리지 않고 설명 파일만 남깁니다\n/data/*\n!/data/README.md\n# 어느 깊이에 있든 캐시는 무시\n**/__pycache__/\n**/*.pt\n*.log\n!logs/keep.log\n";

/// git's own answer for `path` in `ws`, with no configuration of this machine.
fn git_ignores(ws: &Path, path: &str) -> bool {
    let out = std::process::Command::new("git")
        .current_dir(ws)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["check-ignore", "-q", "--no-index", path])
        .status()
        .unwrap();
    out.code() == Some(0)
}

#[test]
fn issue7_an_honest_gitignore_with_negation_and_double_star_gets_gits_verdict() {
    for (lang, rules) in [("en", RULES_EN), ("ko", RULES_KO)] {
        let (c, ws) = (tempdir(), tempdir());
        one_exercise_course(c.path(), SAMPLES);
        git_init(ws.path());
        write(ws.path(), ".gitignore", rules);
        write(ws.path(), "data/README.md", "# data\n");
        write(ws.path(), "src/data/__init__.py", "");
        for ignored in [
            "data/raw/episode_0001.hdf5",
            "src/model/__pycache__/vla.cpython-311.pyc",
            "checkpoints/epoch_10/model.pt",
            "logs/train.log",
        ] {
            assert!(git_ignores(ws.path(), ignored), "{ignored}");
        }
        for kept in ["data/README.md", "src/data/__init__.py", "logs/keep.log"] {
            assert!(!git_ignores(ws.path(), kept), "{kept}");
        }
        let (code, json) = check_report(c.path(), ws.path(), lang, &[] as &[(&str, &str)]);
        let findings = &json["exercises"][0]["findings"];
        assert_eq!(code, 0, "{lang}: {findings}");
        assert_eq!(findings[0]["code"], "gitignore/ok", "{lang}: {findings}");
    }
}

#[test]
fn issue7_the_graders_own_excludes_file_never_decides_a_grade() {
    let (c, ws, home) = (tempdir(), tempdir(), tempdir());
    one_exercise_course(
        c.path(),
        "  - kind: gitignore\n    must_ignore:\n      - {path: model.pth, pattern: '*.pth'}\n",
    );
    git_init(ws.path());
    write(ws.path(), ".gitignore", "data/\n");
    git(ws.path(), &["add", ".gitignore"]);
    git(ws.path(), &["commit", "-q", "-m", "ignore data"]);
    // The grader (or the learner) ignores *.pth everywhere through git's default excludes file.
    write(home.path(), ".config/git/ignore", "*.pth\n");
    let env = [
        ("HOME", home.path()),
        ("XDG_CONFIG_HOME", &home.path().join(".config")),
    ];

    // On the learner's machine git does ignore it: `course check` says what git says.
    let (code, json) = check_report(c.path(), ws.path(), "en", &env);
    assert_eq!(code, 0, "{json}");

    // Grading answers the same on every machine: only the submission's rules count.
    let out = course()
        .arg("--course")
        .arg(c.path())
        .args(["grade", "--format", "json", "--workspace"])
        .arg(ws.path())
        .envs(env)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &json["exercises"][0]["findings"][0];
    assert_eq!(finding["code"], "gitignore/not-ignored", "{json}");
    assert!(finding["message"].as_str().unwrap().contains("`model.pth`"));
}
