//! Issue 9 (a learner's audit): fixes that say a thing once and right, in both languages.
//! Each test runs the built binary on a real workspace and reads the finding a learner sees:
//! no "see the python-env check" (no such name on screen), NumPy advice that agrees with the
//! pip lesson (in `issue9_fixes`), no comment suggested on a line pip refuses, a pip command a fresh Ubuntu has,
//! the lesson's own `learning_rate`, one rename command for a misnamed `.gitignore`.

use std::path::Path;

use serde_json::Value;

use crate::common::*;

/// `course check ID --format json --lang LANG` in `ws` (the built-in course): the findings
/// of exercise `id`.
fn findings(ws: &Path, id: &str, lang: &str) -> Vec<Value> {
    let out = course_in(ws)
        .args(["check", id, "--format", "json", "--lang", lang])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    exercise(&doc, id)["findings"].as_array().unwrap().clone()
}

/// The one finding with `code`.
fn with_code<'a>(findings: &'a [Value], code: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {findings:#?}"))
}

fn hint(f: &Value) -> &str {
    f["hint"]
        .as_str()
        .unwrap_or_else(|| panic!("no hint: {f:#}"))
}

#[test]
fn issue9_no_commits_is_said_once_with_the_next_command() {
    let ws = learner_workspace(&[("train.py", "print(1)\n")]);
    git_init(ws.path());
    for (lang, message, first) in [
        ("en", "the repository has no commits yet", "git status"),
        ("ko", "저장소에 아직 커밋이 없습니다", "git status"),
    ] {
        let f = findings(ws.path(), "git-workflow", lang);
        let f = with_code(&f, "git/no-commits");
        assert_eq!(f["message"], message);
        let next = hint(f).lines().find(|l| l.starts_with("  ")).unwrap();
        assert_eq!(next.trim(), first, "{f:#}");
    }
}

/// The import check of the structure exercise, with no environment: it names the exercise
/// that makes one and its command, not a check kind the learner never sees; in the message,
/// as the text report shows no fix for a check it skipped.
#[test]
fn issue9_import_skip_names_the_environment_exercise_and_command() {
    let ws = learner_workspace(&[("src/__init__.py", ""), ("src/model/__init__.py", "")]);
    for lang in ["en", "ko"] {
        let f = findings(ws.path(), "structure", lang);
        let text = with_code(&f, "import/no-env")["message"].as_str().unwrap();
        assert!(!text.contains("python-env"), "{text}");
        assert!(text.contains("`environment`"), "{text}");
        assert!(text.contains("(`course check environment`)"), "{text}");
    }
    // What the learner reads: the text report shows a skip's message.
    let out = course_in(ws.path())
        .args(["--width", "80", "--lang", "ko", "check", "structure"])
        .output()
        .unwrap();
    let text = flat(&out.stdout);
    assert!(text.contains("course check environment"), "{text}");
}

const REQUIREMENTS: &str =
    "  - kind: requirements\n    file: requirements.txt\n    min_packages: 1\n";

/// `transformers>=`: pip refuses the line, so no fix shows a comment added to it; the
/// comment fix shows the corrected line, and reads as an instruction (합쇼체).
#[test]
fn issue9_no_comment_is_suggested_on_a_line_pip_refuses() {
    let ws = tempdir();
    write(ws.path(), "requirements.txt", "transformers>=\n");
    for lang in ["en", "ko"] {
        let (code, f) = exercise_findings(ws.path(), REQUIREMENTS, lang);
        assert_eq!(code, 1);
        let all: Vec<&str> = f.iter().filter_map(|f| f["hint"].as_str()).collect();
        assert!(
            all.iter().all(|h| !h.contains("transformers>=  #")),
            "{all:#?}"
        );
        let comment = hint(with_code(&f, "requirements/no-comment"));
        assert!(comment.contains("`transformers  # ...`"), "{comment}");
        if lang == "ko" {
            assert!(comment.ends_with("적으십시오"), "{comment}");
            assert!(!comment.contains("적습니다"), "{comment}");
        }
    }
}

/// The command that lists versions: `python3` (a fresh Ubuntu has no `python`), or the
/// workspace's own interpreter once there is an environment.
#[test]
fn issue9_version_listing_runs_a_python_that_exists() {
    let ws = tempdir();
    write(ws.path(), "requirements.txt", "transformers>=\n");
    for lang in ["en", "ko"] {
        let (_, f) = exercise_findings(ws.path(), REQUIREMENTS, lang);
        let h = hint(with_code(&f, "requirements/invalid"));
        assert!(
            h.contains("\n  python3 -m pip index versions transformers"),
            "{h}"
        );
        assert!(!h.contains("  python -m pip"), "{h}");
    }
    venv(ws.path(), ".venv");
    let (_, f) = exercise_findings(ws.path(), REQUIREMENTS, "ko");
    let h = hint(with_code(&f, "requirements/invalid"));
    assert!(
        h.contains("\n  .venv/bin/python -m pip index versions transformers"),
        "{h}"
    );
}

/// The config fix's example value is the lesson's, `0.001`.
#[test]
fn issue9_config_fix_uses_the_lessons_learning_rate() {
    let ws = tempdir();
    std::fs::create_dir(ws.path().join("configs")).unwrap();
    let checks = "  - kind: config-files\n    dir: configs\n";
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["en", "ko"] {
        let (_, f) = exercise_findings(ws.path(), checks, lang);
        let h = hint(&f[0]);
        assert!(h.contains("`learning_rate: 0.001`"), "{h}");
        let lesson =
            std::fs::read_to_string(root.join(format!("lessons/{lang}/structure.md"))).unwrap();
        assert!(lesson.contains("learning_rate: 0.001'"), "{lang}");
    }
}

/// A name that differs only in case opens on macOS and Windows; it does not "pass" there
/// (course itself tells them apart).
#[test]
fn issue9_case_rename_says_the_name_opens_not_passes() {
    let ws = tempdir();
    write(ws.path(), "readme.md", "# x\n");
    let checks = "  - kind: paths\n    files: [README.md]\n";
    for (lang, said, not) in [("en", "open on", "pass on"), ("ko", "열리지만", "통과")] {
        let (_, f) = exercise_findings(ws.path(), checks, lang);
        let h = hint(with_code(&f, "file/missing"));
        assert!(h.contains(said) && !h.contains(not), "{h}");
    }
}

/// Lesson 5's tree: every top-level comment starts in one column.
#[test]
fn issue9_structure_tree_comments_line_up() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["ko", "en"] {
        let text =
            std::fs::read_to_string(root.join(format!("lessons/{lang}/structure.md"))).unwrap();
        let tree = text
            .split("```text\n")
            .nth(1)
            .unwrap()
            .split("```")
            .next()
            .unwrap();
        let columns: Vec<(usize, &str)> = tree
            .lines()
            .filter(|l| l.starts_with("    ") && !l.starts_with("     "))
            .filter_map(|l| l.find(" #").map(|c| (c, l)))
            .collect();
        assert!(columns.len() >= 5, "{tree}");
        assert!(
            columns.iter().all(|(c, _)| *c == columns[0].0),
            "{lang}: {columns:#?}"
        );
    }
}

const GITIGNORE: &str =
    "  - kind: gitignore\n    must_ignore:\n      - {path: data/x.bin, pattern: data/}\n";

/// A committed `gitignore` (no dot): one rename, `git mv`, and no word about Notepad's
/// `.txt` (there is none).
#[test]
fn issue9_committed_gitignore_without_dot_gets_git_mv_only() {
    let ws = tempdir();
    git_init(ws.path());
    write(ws.path(), "gitignore", "data/\n");
    git(ws.path(), &["add", "gitignore"]);
    git(ws.path(), &["commit", "-q", "-m", "Add ignore rules"]);
    for lang in ["en", "ko"] {
        let (_, f) = exercise_findings(ws.path(), GITIGNORE, lang);
        let h = hint(with_code(&f, "gitignore/missing"));
        let commands: Vec<&str> = h.lines().filter(|l| l.starts_with("  ")).collect();
        assert_eq!(commands, ["  git mv gitignore .gitignore"], "{h}");
        assert!(!h.contains(".txt"), "{h}");
    }
}

/// A `.gitignore` HEAD has, changed since: the commit updates it, it does not add it.
#[test]
fn issue9_changed_gitignore_is_committed_as_an_update() {
    let ws = tempdir();
    git_init(ws.path());
    write(ws.path(), ".gitignore", "data/\n");
    git(ws.path(), &["add", ".gitignore"]);
    git(ws.path(), &["commit", "-q", "-m", "Ignore data"]);
    write(ws.path(), ".gitignore", "data/\n*.pt\n");
    for (lang, said) in [("en", "Update .gitignore"), ("ko", ".gitignore 수정")] {
        let (_, f) = exercise_findings(ws.path(), GITIGNORE, lang);
        let h = hint(with_code(&f, "gitignore/not-committed"));
        assert!(h.contains(&format!("git commit -m \"{said}\"")), "{h}");
    }
}
