//! Issue 10: `course completions SHELL` and `course man` through the real binary. Bash, and
//! zsh and fish where they are installed, load the script and complete ids by calling the
//! binary back; the other shells' scripts are checked for that call and their side of the
//! protocol (`COMPLETE=SHELL course -- WORDS`) is run directly. Man pages are rendered by
//! `man` when it is installed.

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
    run_shell(
        "bash",
        &["--norc", "--noprofile", "-c"],
        &script,
        course_dir,
    )
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

/// Whether `shell` runs here (zsh and fish are not on every test machine).
fn installed(shell: &str) -> bool {
    let found = Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("{shell} is not installed: its completion test is skipped");
    }
    found
}

/// Run `script` in `shell` (without the user's configuration), with the completion
/// environment cleared (`course_dir`: `$COURSE_DIR`); its stdout, one entry per line.
fn run_shell(shell: &str, args: &[&str], script: &str, course_dir: Option<&Path>) -> Vec<String> {
    let mut cmd = Command::new(shell);
    cmd.args(args)
        .arg(script)
        .env_remove("COURSE_DIR")
        .env_remove("COURSE_LANG")
        .env_remove("COMPLETE");
    if let Some(dir) = course_dir {
        cmd.env("COURSE_DIR", dir);
    }
    let out = ok(cmd.output().expect("the shell runs"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// What zsh offers for `words` (the last one being completed) with `course`'s script loaded,
/// as `value:description` lines. The completion system is loaded for real (`compinit`) and
/// the script's function runs in zsh; only `_describe`, which would draw the menu on a
/// terminal, is replaced by one that prints what it was given.
fn zsh_complete(words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "autoload -U compinit && compinit -u -D || exit 8\n\
         source <('{bin}' completions zsh) || exit 9\n\
         _describe() {{ print -rl -- \"${{(@P)3}}\" }}\n\
         words=({words}); CURRENT={current}\n\
         _clap_dynamic_completer_course\n",
        bin = bin(),
        words = quoted.join(" "),
        current = words.len(),
    );
    run_shell("zsh", &["-f", "-c"], &script, None)
}

/// What fish offers for the command line `line` (`complete -C`, fish's own way of asking
/// for completions without a terminal), as `value<TAB>description` lines.
fn fish_complete(line: &str) -> Vec<String> {
    let script = format!(
        "'{bin}' completions fish | source; or exit 9\ncomplete -C '{line}'\n",
        bin = bin()
    );
    run_shell("fish", &["--no-config", "-c"], &script, None)
}

#[test]
fn issue10_zsh_completes_commands_and_the_courses_own_ids() {
    if !installed("zsh") {
        return;
    }
    let offered = zsh_complete(&["course", "check", "req"]);
    assert_eq!(offered, ["requirements:requirements.txt 작성"]);
    let offered = zsh_complete(&["course", "--lang", "en", "hint", ""]);
    for id in EXERCISES {
        assert!(
            offered.iter().any(|o| o.starts_with(&format!("{id}:"))),
            "{id} in {offered:?}"
        );
    }
    // The titles follow the `--lang` typed on the line.
    assert!(
        offered.contains(&"requirements:Write a requirements.txt".to_string()),
        "{offered:?}"
    );
    let offered = zsh_complete(&["course", "res"]);
    assert!(
        offered.iter().any(|o| o.starts_with("reset:")),
        "{offered:?}"
    );
    assert_eq!(
        zsh_complete(&["course", "lesson", "--lang", "en", "env"]),
        ["environments:Virtual environments: venv and conda"]
    );
}

#[test]
fn issue10_fish_completes_commands_and_the_courses_own_ids() {
    if !installed("fish") {
        return;
    }
    assert_eq!(
        fish_complete("course check req"),
        ["requirements\trequirements.txt 작성"]
    );
    let offered = fish_complete("course --lang en hint ");
    for id in EXERCISES {
        assert!(
            offered.iter().any(|o| o.starts_with(&format!("{id}\t"))),
            "{id} in {offered:?}"
        );
    }
    assert!(
        offered.contains(&"requirements\tWrite a requirements.txt".to_string()),
        "{offered:?}"
    );
    assert!(
        fish_complete("course res")
            .iter()
            .any(|o| o.starts_with("reset\t")),
        "reset"
    );
    assert_eq!(fish_complete("course completions fi"), ["fish"]);
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
