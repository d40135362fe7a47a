//! Issue 9, the third learner audit: traps found by following the course literally from a
//! terminal (copying what the screen shows, grading one's own folder, coming back another
//! day), each followed here as the learner would, in Korean and English.

use std::path::Path;

use crate::common::*;

/// The lines of the first code block labelled `[label]` in `shown`, exactly as the terminal
/// shows them (indented), as a learner selects and copies them.
fn shown_block(shown: &str, label: &str) -> String {
    let mut lines = shown
        .lines()
        .skip_while(|l| l.trim() != format!("[{label}]"));
    assert!(lines.next().is_some(), "no [{label}] block in:\n{shown}");
    let block: Vec<&str> = lines.take_while(|l| !l.trim().is_empty()).collect();
    assert!(block.len() > 3, "{block:?}");
    block.join("\n") + "\n"
}

/// `course ARGS` in `ws`, its exit code and stdout.
fn run(ws: &Path, args: &[&str]) -> (i32, String) {
    let out = course_in(ws).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The codes of the findings `course check EXERCISE --format json` gives in `ws`.
fn codes(ws: &Path, exercise: &str) -> Vec<String> {
    let (_, json) = run(ws, &["check", exercise, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["exercises"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// The git exercise's steps 1-4 as its prompt and hint 4 give them, with this `.gitignore`:
/// `git init`, `.gitignore` and `hello.py` committed, `hello.py` changed and committed.
fn git_exercise_with(ws: &Path, gitignore: &str) {
    write(ws, ".gitignore", gitignore);
    git_init(ws);
    write(ws, "hello.py", "print(\"hello\")\n");
    git(ws, &["add", ".gitignore", "hello.py"]);
    git(ws, &["commit", "-q", "-m", "Add hello"]);
    write(ws, "hello.py", "print(\"hello, VLA\")\n");
    git(ws, &["commit", "-q", "-am", "Change hello"]);
}

/// The git exercise done as its prompt says, with the `.gitignore` copied from the lesson as
/// the terminal shows it (every line two spaces in); then the check's own fix, pasted as the
/// report shows it (indented too), leads to a pass.
fn pasted_gitignore_then_fix(lang: &str) {
    let ws = init_workspace(lang);
    let ws = ws.path();
    let (code, lesson) = run(ws, &["lesson", "git"]);
    assert_eq!(code, 0, "{lesson}");
    let pasted = shown_block(&lesson, "gitignore");
    assert!(pasted.contains("\n  /data/\n"), "{pasted}");
    git_exercise_with(ws, &pasted);

    let found = codes(ws, "git-workflow");
    assert!(
        found.iter().any(|c| c == "gitignore/indented-pattern"),
        "{found:?}"
    );
    // The lines are there: never also "add these lines" for the same patterns.
    assert!(
        !found.iter().any(|c| c == "gitignore/not-ignored"),
        "{found:?}"
    );
    let (code, report) = run(ws, &["check", "git-workflow"]);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains(".gitignore:3: /data/"), "{report}");
    assert!(!report.contains("add these lines"), "{report}");
    assert!(!report.contains("다음 줄을 한 줄에 하나씩"), "{report}");

    // The fix as shown, indentation and all, run by a shell.
    let fix: Vec<&str> = report
        .lines()
        .filter(|l| l.trim_start().starts_with("sed ") || l.trim_start().starts_with("mv "))
        .collect();
    assert_eq!(fix.len(), 2, "{report}");
    let script = fix.join("\n");
    let out = as_learner(std::process::Command::new("sh").args(["-c", &script]), ws)
        .output()
        .unwrap();
    assert!(out.status.success(), "{script}: {out:?}");
    let fixed = std::fs::read_to_string(ws.join(".gitignore")).unwrap();
    assert!(fixed.contains("\n/data/\n"), "{fixed}");
    // Now the change is to commit, as the check says next.
    assert_eq!(
        codes(ws, "git-workflow"),
        ["history/ok", "gitignore/not-committed", "tracked/ok"]
    );
    git(ws, &["commit", "-q", "-am", "Fix .gitignore"]);
    let (code, report) = run(ws, &["check", "git-workflow"]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn issue9_gitignore_pasted_from_the_terminal_is_named_with_a_fix_that_pastes_ko() {
    pasted_gitignore_then_fix("ko");
}

#[test]
fn issue9_gitignore_pasted_from_the_terminal_is_named_with_a_fix_that_pastes_en() {
    pasted_gitignore_then_fix("en");
}

#[test]
fn issue9_indented_lines_that_ignore_nothing_needed_are_left_alone() {
    // Honest files: an indented comment, an indented pattern the exercise does not need
    // (`  wandb/`), every needed pattern from the first column: a pass, in both languages.
    for lang in ["ko", "en"] {
        let ws = init_workspace(lang);
        let ws = ws.path();
        let lines = "  # 실험 로그 / experiment logs\n  wandb/\n/data/\n*.pt\n*.pth\n__pycache__/\n.ipynb_checkpoints/\n.env\n.venv/\n";
        write(ws, ".gitignore", lines);
        git_init(ws);
        write(ws, "hello.py", "print(1)\n");
        git(ws, &["add", "."]);
        git(ws, &["commit", "-q", "-m", "Add hello"]);
        write(ws, "hello.py", "print(2)\n");
        git(ws, &["commit", "-q", "-am", "Change hello"]);
        let (code, report) = run(ws, &["check", "git-workflow"]);
        assert_eq!(code, 0, "{lang}: {report}");
    }
}

/// A workspace made by `course init --lang LANG` whose git repository has the git exercise
/// done as its prompt's first steps say (`.gitignore` and `hello.py`, two commits), and a
/// good `requirements.txt` written but never committed.
fn finished_but_not_committed(lang: &str) -> tempfile::TempDir {
    let dir = init_workspace(lang);
    let ws = dir.path();
    git_exercise_with(
        ws,
        "/data/\n*.pt\n*.pth\n__pycache__/\n.ipynb_checkpoints/\n.env\n.venv/\n",
    );
    write(
        ws,
        "requirements.txt",
        "torch==2.10.0  # model definition and training\nnumpy>=1.26  # robot states as arrays\n\
         pillow>=10.0  # read camera images\ntransformers>=4.40  # the language model\n\
         wandb>=0.16  # experiment logs\n",
    );
    dir
}

/// The findings of exercise `id` in a `course-report/1` document.
fn findings_of<'a>(doc: &'a serde_json::Value, id: &str) -> &'a Vec<serde_json::Value> {
    doc["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap()["findings"]
        .as_array()
        .unwrap()
}

fn grade_json(dir: &Path) -> serde_json::Value {
    let out = course()
        .args(["grade", "--format", "json", "--workspace"])
        .arg(dir)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn issue9_grading_ones_own_folder_says_a_file_exists_but_is_not_committed() {
    for (lang, says_it) in [
        ("en", "`requirements.txt` exists but is not committed"),
        ("ko", "`requirements.txt` 파일은 있지만 커밋되지 않았습니다"),
    ] {
        let dir = finished_but_not_committed(lang);
        let ws = dir.path();
        // The learner's own check is about the file as written: it passes.
        course_in(ws)
            .args(["check", "requirements"])
            .assert()
            .success();
        // Grading here counts what a clone has.
        let doc = grade_json(ws);
        let found = findings_of(&doc, "requirements");
        assert_eq!(found[0]["code"], "file/not-committed", "{found:?}");
        let (_, text) = run(ws, &["grade", "--lang", lang]);
        let flat = flat(text.as_bytes());
        assert!(flat.contains(says_it), "{flat}");
        assert!(flat.contains("git add requirements.txt"), "{flat}");
        // A clone (what an instructor grades) lacks it: the same verdict, as "does not exist".
        let clone = tempdir();
        let to = clone.path().join("clone");
        git(ws, &["clone", "-q", ".", to.to_str().unwrap()]);
        let found = grade_json(&to);
        assert_eq!(
            findings_of(&found, "requirements")[0]["code"],
            "file/missing"
        );
        // The fix as given, then both agree: it passes.
        git(ws, &["add", "requirements.txt"]);
        git(ws, &["commit", "-q", "-m", "Add requirements.txt"]);
        let doc = grade_json(ws);
        let found = findings_of(&doc, "requirements");
        assert!(found.iter().all(|f| f["status"] == "pass"), "{found:?}");
        git(&to, &["pull", "-q"]);
        let doc = grade_json(&to);
        let found = findings_of(&doc, "requirements");
        assert!(found.iter().all(|f| f["status"] == "pass"), "{found:?}");
    }
}

#[test]
fn issue9_the_git_exercise_says_project_files_must_be_committed_to_count() {
    for (lang, says_it) in [
        (
            "en",
            "grading works on a clone, so a file that is not committed does not count",
        ),
        (
            "ko",
            "커밋하지 않은 파일은 작업 폴더에 있어도 점수에 들어가지 않는다",
        ),
    ] {
        let ws = init_workspace(lang);
        let mut last = String::new();
        for _ in 0..4 {
            let (code, text) = run(ws.path(), &["hint", "git-workflow"]);
            assert_eq!(code, 0, "{text}");
            last = text;
        }
        assert!(flat(last.as_bytes()).contains(says_it), "{lang}:\n{last}");
    }
}

#[test]
fn issue9_code_in_nested_finding_lines_is_coloured_without_backticks() {
    for lang in ["en", "ko"] {
        let ws = init_workspace(lang);
        let ws = ws.path();
        write(ws, "src/model/__init__.py", "");
        let coloured = course_in(ws)
            .args(["check", "structure", "--color", "always"])
            .output()
            .unwrap();
        let coloured = String::from_utf8_lossy(&coloured.stdout).into_owned();
        let nested: Vec<&str> = coloured
            .lines()
            .filter(|l| l.contains("import src.model"))
            .collect();
        assert!(!nested.is_empty(), "{coloured}");
        for line in &nested {
            assert!(!line.contains('`'), "{lang}: {line:?}");
            assert!(
                line.contains("\x1b[36mimport src.model"),
                "{lang}: {line:?}"
            );
        }
        // Plain, the backticks are the only mark: they stay.
        let (_, plain) = run(ws, &["check", "structure"]);
        assert!(plain.contains("`course check environment`"), "{plain}");
    }
}

#[test]
fn issue9_a_check_not_run_when_grading_names_its_code_without_splitting_it() {
    let ws = init_workspace("en");
    let ws = ws.path();
    venv(ws, ".venv");
    for lang in ["en", "ko"] {
        for width in ["60", "80", "100", "140"] {
            let (_, text) = run(ws, &["grade", "--lang", lang, "--width", width]);
            // Said as what was not done, each name a code span of its own, none split.
            assert!(
                text.contains("`.venv/bin/python`"),
                "{lang} at {width}:\n{text}"
            );
            let flat = flat(text.as_bytes());
            assert!(
                flat.contains("`torch`, `numpy`"),
                "{lang} at {width}:\n{text}"
            );
            for line in text.lines() {
                assert_eq!(
                    line.matches('`').count() % 2,
                    0,
                    "{lang} at {width}: a code span split: {line}\n{text}"
                );
            }
        }
    }
}

/// The fix block under the first `git add` of `text`: its lines up to the `git commit`, as the
/// report shows them (indented, a long `git add` continued with `\`), as a learner copies it.
fn commit_fix(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("git add "))
        .collect();
    let end = lines
        .iter()
        .position(|l| l.trim_start().starts_with("git commit "))
        .unwrap_or_else(|| panic!("no git add ... git commit block in:\n{text}"));
    lines[..=end].join("\n") + "\n"
}

/// What `course check --lang LANG` says on stderr in `ws` (the git exercise passes there),
/// and the words of its note that grading counts only committed files.
fn check_note(ws: &Path, lang: &str) -> (String, &'static str) {
    let out = course_in(ws)
        .args(["check", "--lang", lang])
        .output()
        .unwrap();
    let says = match lang {
        "ko" => "커밋된 파일만 셉니다",
        _ => "counts only committed files",
    };
    (String::from_utf8_lossy(&out.stderr).into_owned(), says)
}

/// The learner who finished the course locally and committed only the git exercise's own
/// files: `course grade` in their folder gives one commit for every file it needs, once, and
/// that command pasted into a shell makes the grade (and a clone's) pass those exercises.
fn one_commit_for_every_file(lang: &str, readme_fixture: &str) {
    let dir = finished_but_not_committed(lang);
    let ws = dir.path();
    let requirements = std::fs::read_to_string(ws.join("requirements.txt")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("exercises/structure/fixtures/pass")
        .join(readme_fixture);
    copy_tree(&fixture, ws);
    write(ws, "requirements.txt", &requirements);
    let doc = grade_json(ws);
    for id in ["requirements", "structure"] {
        let found = findings_of(&doc, id);
        assert!(
            found.iter().any(|f| f["code"] == "file/not-committed"),
            "{lang} {id}: {found:?}"
        );
    }
    let (code, text) = run(ws, &["grade", "--lang", lang]);
    assert_eq!(code, 1, "{text}");
    let flat = flat(text.as_bytes());
    // Said once in the whole report: one `git add`, one `git commit`, and the structure
    // exercise (which needs requirements.txt too) refers to it.
    assert_eq!(flat.matches("git add").count(), 1, "{lang}:\n{flat}");
    assert_eq!(flat.matches("git commit").count(), 1, "{lang}:\n{flat}");
    let refers = match lang {
        "ko" => "위의 `requirements` 아래에 있는 커밋 명령 하나로",
        _ => "the one commit given under `requirements` above",
    };
    assert!(flat.contains(refers), "{lang}:\n{flat}");
    let fix = commit_fix(&text);
    // `course check` passes the git exercise on the folder as it is, and says once, on
    // stderr, that grading counts only committed files, with the same command.
    // Words as the shell reads them (a wrapped line's ` \` continuation is no word).
    let same = |t: &str| {
        t.split_whitespace()
            .filter(|w| *w != "\\")
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (note, says) = check_note(ws, lang);
    assert!(same(&note).contains(says), "{lang}:\n{note}");
    assert_eq!(note.matches("git add").count(), 1, "{lang}:\n{note}");
    assert_eq!(same(&commit_fix(&note)), same(&fix));
    for path in ["requirements.txt", "README.md", "scripts", "configs", "src"] {
        assert!(fix.contains(path), "{lang}: {path} not in\n{fix}");
    }
    let out = as_learner(std::process::Command::new("sh").args(["-c", &fix]), ws)
        .output()
        .unwrap();
    assert!(out.status.success(), "{fix}: {out:?}");
    let (note, says) = check_note(ws, lang);
    assert!(
        !same(&note).contains(says),
        "{lang}: said after the commit:\n{note}"
    );
    // Nothing the grade needs is left out of HEAD, here or in a clone.
    let doc = grade_json(ws);
    let clone = tempdir();
    let to = clone.path().join("clone");
    git(ws, &["clone", "-q", ".", to.to_str().unwrap()]);
    for doc in [doc, grade_json(&to)] {
        for id in ["requirements", "structure", "git-workflow"] {
            let exercise = doc["exercises"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["id"] == id)
                .unwrap();
            assert_eq!(exercise["status"], "pass", "{lang} {id}: {exercise}");
        }
    }
}

#[test]
fn issue9_files_not_committed_get_one_commit_that_passes_ko() {
    one_commit_for_every_file("ko", "readme-short-korean");
}

#[test]
fn issue9_files_not_committed_get_one_commit_that_passes_en() {
    one_commit_for_every_file("en", "readme-short-english");
}
