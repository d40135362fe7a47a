//! Issue 10: `course completions SHELL` and `course man` through the real binary. Bash (the
//! one shell on every test machine) loads the script and completes ids by calling the binary
//! back; the other shells' scripts are checked for that call and their side of the protocol
//! (`COMPLETE=SHELL course -- WORDS`) is run directly. Man pages are rendered by `man` when
//! it is installed.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use predicates::prelude::*;

const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "powershell", "elvish"];
const EXERCISES: [&str; 5] = [
    "requirements",
    "environment",
    "jupyter-vs-script",
    "structure",
    "git-workflow",
];

fn bin() -> String {
    assert_cmd::cargo::cargo_bin("course").display().to_string()
}

/// What bash offers for `words` (the last one being completed) with `course`'s script loaded,
/// one per line. `course_dir`: `$COURSE_DIR` for the completion.
fn bash_complete(words: &[&str], course_dir: Option<&Path>) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source <('{bin}' completions bash) || exit 9\n\
         COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_TYPE=9\n\
         _clap_complete_course course '{cur}' '{prev}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        bin = bin(),
        words = quoted.join(" "),
        cword = words.len() - 1,
        cur = words[words.len() - 1],
        prev = words[words.len() - 2],
    );
    let mut cmd = Command::new("bash");
    cmd.args(["--norc", "--noprofile", "-c", &script])
        .env_remove("COURSE_DIR")
        .env_remove("COURSE_LANG")
        .env_remove("COMPLETE");
    if let Some(dir) = course_dir {
        cmd.env("COURSE_DIR", dir);
    }
    let out = ok(cmd.output().expect("bash runs"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn issue10_bash_completes_commands_and_the_courses_own_ids() {
    assert!(bash_complete(&["course", "res"], None).contains(&"reset".to_string()));
    assert_eq!(
        bash_complete(&["course", "check", "req"], None),
        ["requirements"]
    );
    let hint = bash_complete(&["course", "hint", ""], None);
    for id in EXERCISES {
        assert!(hint.contains(&id.to_string()), "{id} in {hint:?}");
    }
    let lessons = bash_complete(&["course", "--lang", "en", "lesson", "env"], None);
    assert_eq!(lessons, ["environments"]);
    for cmd in ["reset", "edit", "skip", "answer"] {
        assert_eq!(
            bash_complete(&["course", cmd, "git-"], None),
            ["git-workflow"],
            "{cmd}"
        );
    }
    assert_eq!(
        bash_complete(&["course", "completions", "p"], None),
        ["powershell"]
    );
    assert_eq!(bash_complete(&["course", "man", "doc"], None), ["doctor"]);
}

#[test]
fn issue10_completion_reads_the_course_when_tab_is_pressed() {
    // The script is the same for every course; the ids come from $COURSE_DIR at Tab time.
    let course = tempdir();
    one_exercise_course(course.path(), "  - kind: paths\n    files: [README.md]\n");
    // Options are offered too; the ids are what is not an option.
    let ids = |words: &[&str], dir: &Path| -> Vec<String> {
        bash_complete(words, Some(dir))
            .into_iter()
            .filter(|w| !w.starts_with('-'))
            .collect()
    };
    assert_eq!(ids(&["course", "check", ""], course.path()), ["ex"]);
    assert_eq!(ids(&["course", "lesson", ""], course.path()), ["x"]);
    // Or from `--course DIR` on the line being typed.
    let dir = course.path().to_str().unwrap();
    let typed: Vec<String> = bash_complete(&["course", "--course", dir, "hint", ""], None)
        .into_iter()
        .filter(|w| !w.starts_with('-'))
        .collect();
    assert_eq!(typed, ["ex"]);
    // A course that does not load offers no ids (and no error while typing).
    let broken = tempdir();
    write(broken.path(), "course.yaml", "id: [\n");
    assert!(ids(&["course", "check", ""], broken.path()).is_empty());
}

#[test]
fn issue10_every_shell_gets_a_script_that_calls_this_binary_back() {
    for shell in SHELLS {
        let out = course().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(&bin()), "{shell}: {script}");
        assert!(script.contains("COMPLETE"), "{shell}: {script}");
        // The shell's side of the protocol: exercise ids (with their titles where the shell
        // shows descriptions).
        let out = course()
            .env("COMPLETE", shell)
            .env("COURSE_LANG", "en")
            .env("_CLAP_COMPLETE_INDEX", "2")
            .env("_CLAP_IFS", "\n")
            .args(["--", "course", "hint", ""])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}: {out:?}");
        let offered = String::from_utf8(out.stdout).unwrap();
        for id in EXERCISES {
            assert!(offered.contains(id), "{shell}: {id} in {offered}");
        }
        if shell == "fish" {
            assert!(
                offered.contains("requirements\tWrite a requirements.txt"),
                "{offered}"
            );
        }
    }
    course()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("powershell"));
}

#[test]
fn issue10_man_prints_a_roff_page_for_course_and_each_command() {
    let out = course().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH course 1"), "{page}");
    for cmd in ["reset", "completions", "man", "check", "grade"] {
        assert!(page.contains(&format!("course\\-{cmd}(1)")), "{cmd}");
    }
    let out = course().args(["man", "reset"]).output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH course-reset 1"), "{page}");
    assert!(page.contains("\\-\\-yes"), "{page}");
    course()
        .args(["man", "rest"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `reset`"));

    // Rendered by man itself, where it is installed.
    if Command::new("man").arg("--version").output().is_err() {
        return;
    }
    let tmp = tempdir();
    let file = write(tmp.path(), "course.1", &page);
    let out = Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("course-reset"), "{text}");
    assert!(text.contains("--all"), "{text}");
}

#[test]
fn issue10_the_readme_installs_a_man_page_for_every_command() {
    let page = String::from_utf8(course().arg("man").output().unwrap().stdout).unwrap();
    let mut commands: Vec<&str> = page
        .split("course\\-")
        .skip(1)
        .filter_map(|rest| rest.split_once("(1)").map(|(name, _)| name))
        .filter(|name| *name != "help")
        .collect();
    commands.sort();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let line = readme
        .lines()
        .find_map(|l| l.strip_prefix("for c in "))
        .and_then(|l| l.strip_suffix("; do"))
        .expect("README has the `for c in ...; do` loop that installs the man pages");
    let mut listed: Vec<&str> = line.split_whitespace().collect();
    listed.sort();
    assert_eq!(listed, commands);
}
