//! Issue 9, the fourth learner audit (a release build at 60, 80 and 140 columns, Korean and
//! English): a footer that sent the learner back to an exercise put aside, usage errors that
//! did not say what works, advice said twice, a prompt the error landed on, and a repeated
//! explanation between `course init` and the lesson after it.

use std::path::Path;

use crate::common::*;
use crate::support;
use crate::wrap::columns;

/// `course --lang LANG ARGS` in `ws` at `width` columns without the pager: exit code, stdout
/// and stderr.
fn run(ws: &Path, lang: &str, width: &str, args: &[&str]) -> (i32, String, String) {
    let out = course_in(ws)
        .args(["--lang", lang, "--no-pager", "--width", width])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Audit item 1: after `course skip environment`, a full `course check` ends with the
/// commands for the exercise `course next` is on, not for the one put aside (it said
/// `course check environment`, the first failing exercise of the report).
#[test]
fn issue9_the_check_footer_names_the_exercise_next_is_on_not_the_one_put_aside() {
    for lang in ["ko", "en"] {
        let ws = init_workspace(lang);
        let root = ws.path();
        write(root, "requirements.txt", support::REQUIREMENTS);
        for lesson in 1..=4 {
            run(root, lang, "80", &["lesson", &lesson.to_string()]);
        }
        let (code, _, _) = run(root, lang, "80", &["skip", "environment"]);
        assert_eq!(code, 0, "{lang}");
        let (_, next, _) = run(root, lang, "80", &["next"]);
        assert!(
            next.contains("course check jupyter-vs-script"),
            "{lang}: {next}"
        );
        let (code, out, _) = run(root, lang, "80", &["check"]);
        assert_eq!(code, 1, "{lang}: {out}");
        let footer: Vec<&str> = out.lines().rev().take(2).collect();
        assert!(
            footer[1].ends_with("course check jupyter-vs-script")
                && footer[0].ends_with("course hint jupyter-vs-script"),
            "{lang}: {out}"
        );
        assert!(!out.contains("course hint environment"), "{lang}: {out}");
        // Checked by name, the exercise put aside is still the one the footer names.
        let (_, out, _) = run(root, lang, "80", &["check", "environment"]);
        assert!(out.contains("course hint environment"), "{lang}: {out}");
    }
}

/// Audit item 4: `course answer` with its input at an end (`</dev/null`) ends the prompt's
/// line before the error, which then starts on a line of its own within the width (it was
/// `선택: 오류: 1번 질문의 …` on one line, 65 columns at 60).
#[test]
fn issue9_an_answer_at_the_end_of_input_ends_the_prompt_line_before_the_error() {
    for lang in ["ko", "en"] {
        let ws = init_workspace(lang);
        let (code, out, err) = run(ws.path(), lang, "60", &["answer", "jupyter-vs-script"]);
        assert_eq!(code, 2, "{lang}: {out}{err}");
        assert!(
            out.ends_with('\n'),
            "{lang}: the prompt's line is open: {out:?}"
        );
        let prompt = if lang == "ko" { "선택" } else { "Choice" };
        assert!(
            out.lines().last().unwrap().starts_with(prompt),
            "{lang}: {out}"
        );
        for line in err.lines() {
            assert!(columns(line) <= 60, "{lang}: {line:?}\n{err}");
        }
    }
}

/// Audit item 7: every commit after the first that the one rebase fix covers reads the same
/// (the third commit got "fix it the same way as above", which read as "rebase again").
#[test]
fn issue9_every_commit_the_one_rebase_covers_refers_to_it_the_same_way() {
    let ws = init_workspace("ko");
    let root = ws.path();
    git_init(root);
    write(root, ".gitignore", support::GITIGNORE);
    for (n, message) in ["ㅁㄴㅇㄹ", "ㅋㅋ ㅎㅎ", "ㅎㅎㅎ"].iter().enumerate() {
        write(root, "hello.py", &format!("print({n})\n"));
        git(root, &["add", "hello.py", ".gitignore"]);
        git(root, &["commit", "-q", "-m", message]);
    }
    for (lang, refers, same) in [
        (
            "ko",
            "위의 rebase 방법으로 이 커밋의 메시지도 함께 고칩니다",
            "위와 같은 방법으로",
        ),
        (
            "en",
            "the rebase in the fix above rewords this commit too",
            "the same fix as above",
        ),
    ] {
        let (_, out, _) = run(root, lang, "80", &["check", "git-workflow"]);
        // One rebase, and both later commits refer to it in the same words.
        assert_eq!(out.matches("git rebase -i").count(), 1, "{lang}: {out}");
        assert_eq!(
            flat(out.as_bytes()).matches(refers).count(),
            2,
            "{lang}: {out}"
        );
        assert!(!out.contains(same), "{lang}: {out}");
    }
}

/// Audit item 2: `course grade DIR` grades the workspace in DIR as `--workspace DIR` does
/// (it was refused: "unexpected argument"), and says so in `--help` in both languages. Other
/// commands, which take no folder, say what works; the Korean calls `.` an argument (인자),
/// not an option.
#[test]
fn issue9_grade_takes_the_folder_to_grade_and_others_say_what_works() {
    let ws = init_workspace("en");
    write(ws.path(), "requirements.txt", support::REQUIREMENTS);
    let elsewhere = tempdir();
    let dir = ws.path().to_str().unwrap();
    let json = |args: &[&str]| {
        let out = course_in(elsewhere.path())
            .args(["grade", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = json(&[dir]);
    assert!(plain.contains("\"requirements\""), "{plain}");
    assert_eq!(plain, json(&["--workspace", dir]));
    // `course grade .` inside the workspace.
    let (code, out, err) = run(ws.path(), "en", "80", &["grade", "."]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        flat(out.as_bytes()).contains("PASS Write a requirements.txt"),
        "{out}"
    );
    // Both at once is refused.
    let (code, _, _) = run(ws.path(), "en", "80", &["grade", ".", "--workspace", "."]);
    assert_eq!(code, 2);
    for (lang, said) in [
        ("en", "same as --workspace student-repo"),
        ("ko", "--workspace student-repo와 같음"),
    ] {
        let (_, help, _) = run(ws.path(), lang, "100", &["grade", "--help"]);
        assert!(help.contains("course grade [OPTIONS] [DIR]"), "{help}");
        assert!(help.contains(said), "{lang}: {help}");
    }
    // A command that takes no folder says how to name the workspace.
    // At 60 columns the command stays whole on its line.
    let (code, _, err) = run(ws.path(), "ko", "60", &["doctor", "."]);
    assert_eq!(code, 2);
    assert!(err.contains("이 명령은 인자 `.`을 받지 않습니다"), "{err}");
    assert!(!err.contains("옵션 `.`"), "{err}");
    assert!(err.contains("`course doctor --workspace .`"), "{err}");
    let (_, _, err) = run(ws.path(), "en", "80", &["next", "."]);
    assert!(
        err.contains("tip: to use that folder as the workspace: `course next --workspace .`"),
        "{err}"
    );
    // An option that does not exist is still an option.
    let (_, _, err) = run(ws.path(), "ko", "80", &["grade", "--bogus"]);
    assert!(err.contains("알 수 없는 옵션 `--bogus`"), "{err}");
    // `course check` takes exercise ids: a folder there gets the command that works.
    for (lang, said) in [
        (
            "en",
            "To use that folder as the workspace: `course check --workspace .`",
        ),
        (
            "ko",
            "그 폴더를 작업 폴더로 쓰려면: `course check --workspace .`",
        ),
    ] {
        let (code, _, err) = run(ws.path(), lang, "80", &["check", "."]);
        assert_eq!(code, 2);
        assert!(flat(err.as_bytes()).contains(said), "{lang}: {err}");
    }
}

/// Audit item 5: `course reset` with nothing to reset names both ways in its usage line
/// (`<EXERCISE|--all>`; it said `course reset <EXERCISE>`), and clap's English in the Korean
/// error is whole (it ended in "were not provided:" with the argument left out).
#[test]
fn issue9_reset_without_an_exercise_says_both_ways() {
    let ws = init_workspace("ko");
    for lang in ["ko", "en"] {
        let (code, _, err) = run(ws.path(), lang, "80", &["reset"]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("course reset <EXERCISE|--all>"),
            "{lang}: {err}"
        );
        assert!(!err.contains("provided:)"), "{lang}: {err}");
    }
    let (_, _, err) = run(ws.path(), "ko", "80", &["reset"]);
    assert!(
        err.contains("오류: 다음 중 하나가 필요합니다: <EXERCISE>, --all"),
        "{err}"
    );
    assert!(
        err.contains("(the following required arguments were not provided: <EXERCISE|--all>)"),
        "{err}"
    );
    // Both at once is still refused, and either alone still works.
    let (code, _, _) = run(
        ws.path(),
        "en",
        "80",
        &["reset", "requirements", "--all", "--yes"],
    );
    assert_eq!(code, 2);
    let (code, _, err) = run(ws.path(), "en", "80", &["reset", "--all", "--yes"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(ws.path(), "en", "80", &["reset", "requirements"]);
    assert_eq!(code, 0, "{err}");
}

/// Audit item 8: the spinner's line while Python runs follows the terminal when it is
/// resized: narrowed from 60 to 30 columns mid-run, it is built again for 30 (it kept the
/// 60-column line, which the terminal split in the middle of a module's name).
#[cfg(unix)]
#[test]
fn issue9_the_progress_line_follows_a_resized_terminal() {
    let tmp = tempdir();
    // Slow enough to resize the window and read the screen while the spinner shows.
    let (ws, line) = slow_import(tmp.path(), &[], 8);
    for (lang, limit) in [("ko", "(최대 60초)"), ("en", "(max 60 s)")] {
        let line = line(lang);
        let tmux = Tmux::sized(&ws, &line, 60, 20);
        let screen = tmux.wait_for(&format!("(import src.model) {limit}"));
        assert!(screen.contains(".venv/bin/python"), "{lang}:\n{screen}");
        tmux.resize(30, 20);
        // The line built for 30 columns: the path shortened, the limit kept, on one row.
        let short = format!("…/python {limit}");
        let screen = tmux.wait_for(&short);
        let row = screen.lines().rfind(|l| l.contains(&short)).unwrap();
        assert!(columns(row) <= 30, "{lang}: {row:?}\n{screen}");
        tmux.exit_code();
    }
}

/// Audit item 9: `course init --lang en` in a Korean workspace says that the language
/// changed (it switched every later page without a word); the same language again says
/// nothing more.
#[test]
fn issue9_init_with_another_language_says_it_switched() {
    let ws = init_workspace("ko");
    let init = |lang: &str| {
        let out = course_in(ws.path())
            .args(["init", "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        flat(&out.stdout)
    };
    let en = init("en");
    assert!(
        en.contains("in English from now on (they were in Korean)"),
        "{en}"
    );
    assert!(!init("en").contains("from now on"));
    let ko = init("ko");
    assert!(
        ko.contains("이제부터 이 작업 폴더의 레슨과 메시지는 한국어입니다 (전에는 영어)"),
        "{ko}"
    );
}

/// Audit item 9: at 30 columns the summary breaks between its parts (`score 0/20` whole on
/// one line) and no line begins with the `·` between them (English began one with
/// `· score 0/20`); the `·` ends the line before, so the words are those of a wide terminal.
#[test]
fn issue9_the_summary_breaks_between_its_parts_at_30_columns() {
    let ws = init_workspace("en");
    for (lang, score) in [("en", "score 0/20"), ("ko", "점수 0/20")] {
        let (code, out, _) = run(ws.path(), lang, "30", &["check", "requirements"]);
        assert_eq!(code, 1, "{out}");
        assert!(out.lines().any(|l| l.ends_with(score)), "{lang}: {out}");
        assert!(
            !out.lines().any(|l| l.trim().starts_with('·')),
            "{lang}: {out}"
        );
        let (_, wide, _) = run(ws.path(), lang, "1000", &["check", "requirements"]);
        assert_eq!(flat(out.as_bytes()), flat(wide.as_bytes()), "{lang}");
    }
}
