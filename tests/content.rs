//! Issue 9, lesson content: what the built-in lessons tell a learner to type must agree with
//! itself and with the exercises. The environments every lesson and prompt creates are ignored
//! by the git lesson's `.gitignore` (asked of git itself), and no example a learner copies
//! (lessons, exercise prompts, hints) wraps with the `↪` mark at 60 columns: a pasted wrap mark
//! breaks the file it lands in.

use std::path::Path;
use std::process::Command as StdCommand;

use crate::common::*;

const LANGS: [&str; 2] = ["ko", "en"];
const LESSONS: usize = 7;

fn repo_file(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// Every lesson and exercise file of the built-in course, as text.
fn course_texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["lessons/ko", "lessons/en"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            out.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    for e in std::fs::read_dir(root.join("exercises")).unwrap() {
        let p = e.unwrap().path().join("exercise.yaml");
        out.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    out
}

/// The folder names the course's commands create environments in: `python3 -m venv NAME`,
/// `conda create -p NAME`.
fn environment_folders() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (file, text) in course_texts() {
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            for w in words.windows(3) {
                let name = match w {
                    ["-m", "venv", name] => name,
                    ["create", "-p", name] => name,
                    _ => continue,
                };
                if name.starts_with('-') || name.contains('<') {
                    continue;
                }
                let name = name.split('`').next().unwrap().trim_start_matches("./");
                out.push((file.clone(), name.to_string()));
            }
        }
    }
    out
}

/// The `.gitignore` the git lesson declares (`file=.gitignore`).
fn lesson_gitignore(lang: &str) -> String {
    let md = repo_file(&format!("lessons/{lang}/git.md"));
    let start = md
        .find("```gitignore file=.gitignore")
        .expect("declared block");
    let body = &md[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_string()
}

#[test]
fn issue9_every_environment_the_lessons_create_is_ignored_by_the_lessons_gitignore() {
    let envs = environment_folders();
    let names: Vec<&str> = envs.iter().map(|(_, n)| n.as_str()).collect();
    // The lessons teach one venv name and conda's `-p ./env`; the scan must find both.
    assert!(names.contains(&".venv"), "{envs:?}");
    assert!(names.contains(&"env"), "{envs:?}");
    for lang in LANGS {
        let t = tempdir();
        git_init(t.path());
        write(t.path(), ".gitignore", &lesson_gitignore(lang));
        for (file, name) in &envs {
            write(t.path(), &format!("{name}/pyvenv.cfg"), "home = /usr/bin\n");
            let status = as_learner(
                StdCommand::new("git").args(["check-ignore", "-q", &format!("{name}/pyvenv.cfg")]),
                t.path(),
            )
            .status()
            .unwrap();
            assert!(
                status.success(),
                "{file} creates the environment `{name}`, which lessons/{lang}/git.md's .gitignore does not ignore"
            );
        }
    }
}

/// Rendered at 60 columns, the lines that carry the wrap mark of code that does not paste.
fn wrap_marks(page: &str) -> Vec<String> {
    let lines: Vec<&str> = page.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim_start().starts_with('↪') {
            let before = if i > 0 { lines[i - 1] } else { "" };
            out.push(format!("{before}\n{line}"));
        }
    }
    out
}

/// The prompt and hints of every exercise, in `lang`, as Markdown.
fn exercise_texts(lang: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for e in std::fs::read_dir(root.join("exercises")).unwrap() {
        let p = e.unwrap().path().join("exercise.yaml");
        let doc: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let text = |v: &serde_yaml::Value| -> String {
            match v {
                serde_yaml::Value::String(s) => s.clone(),
                other => other[lang].as_str().unwrap_or_default().to_string(),
            }
        };
        out.push((format!("{} prompt", p.display()), text(&doc["prompt"])));
        if let Some(hints) = doc["hints"].as_sequence() {
            for (i, h) in hints.iter().enumerate() {
                out.push((format!("{} hint {}", p.display(), i + 1), text(h)));
            }
        }
    }
    out
}

#[test]
fn issue9_no_example_a_learner_copies_wraps_with_a_mark_at_60_columns() {
    let t = tempdir();
    let mut found = Vec::new();
    for lang in LANGS {
        for n in 1..=LESSONS {
            let out = ok(course_in(t.path())
                .env("COLUMNS", "60")
                .args(["--lang", lang, "lesson", &n.to_string()])
                .output()
                .unwrap());
            for m in wrap_marks(&String::from_utf8(out.stdout).unwrap()) {
                found.push(format!("lesson {n} ({lang}):\n{m}"));
            }
        }
        for (what, md) in exercise_texts(lang) {
            let file = write(t.path(), "text.md", &md);
            let out = ok(course_in(t.path())
                .env("COLUMNS", "60")
                .args(["--lang", lang, "lesson", "--file"])
                .arg(&file)
                .output()
                .unwrap());
            for m in wrap_marks(&String::from_utf8(out.stdout).unwrap()) {
                found.push(format!("{what} ({lang}):\n{m}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n\n"));
}

/// Issue 9: the jupyter-vs-script answer pasted from a 60-column screen, wrap mark and all,
/// gets told that the `↪` is the terminal's and to delete it (not "a `:` is missing").
#[test]
fn issue9_a_pasted_wrap_mark_in_the_answer_file_is_named() {
    let ws = init_workspace("ko");
    write(
        ws.path(),
        "answers/jupyter_vs_script.yaml",
        "unit_tests:\n  choice: script   # 또는 jupyter\n  reason: pytest가 tests/ 폴더의 .py 파일을 찾아 자동으로\n  ↪     실행하기 때문이다\n",
    );
    for (lang, said) in [
        ("ko", "4번째 줄이 `↪` 표시로 시작합니다. 터미널이 긴 줄을 접어 보일 때 붙이는 표시가 예시와 함께 복사된 것입니다"),
        ("en", "line 4 starts with `↪`: the mark a terminal shows where it wraps a long line, copied with the example"),
    ] {
        let out = course_in(ws.path())
            .args(["--lang", lang, "check", "jupyter-vs-script", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(said), "{text}");
    }
}

/// The stderr of `course ARGS` in `dir` with `env`, after exit code 2.
fn usage_error(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = course_in(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    String::from_utf8(out.stderr).unwrap()
}

/// Issue 9: errors that were English in Korean runs.
#[test]
fn issue9_workspace_validate_and_lesson_file_errors_are_korean_under_lang_ko() {
    let t = tempdir();
    let md = write(t.path(), "a.md", "# A\n");
    let md = md.to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--lang", "ko", "--workspace", "/no/such/dir", "list"],
            "오류: /no/such/dir: 없는 폴더입니다. --workspace에는 있는 폴더를 주십시오",
        ),
        (
            &["--lang", "ko", "--workspace", ".", "validate"],
            "오류: --workspace .: `course validate`는 작업 폴더가 아니라 코스를 검사합니다",
        ),
        (
            &["--lang", "ko", "--workspace", ".", "lesson", "--file", md],
            "작업 폴더를 쓰지 않습니다. --workspace를 빼십시오",
        ),
        (
            &["--lang", "ko", "lesson", "--file", "/dev/null"],
            "오류: /dev/null: 일반 파일이 아닙니다",
        ),
    ];
    for (args, said) in cases {
        let err = usage_error(t.path(), &[], args);
        assert!(flat(err.as_bytes()).contains(said), "{args:?}: {err}");
    }
    // English stays English.
    let err = usage_error(
        t.path(),
        &[],
        &["--lang", "en", "lesson", "--file", "/dev/null"],
    );
    assert!(
        err.starts_with("error: /dev/null: not a regular file"),
        "{err}"
    );
}

/// Issue 9: `--help` and usage errors follow the language every other output follows: in a
/// workspace made with plain `course init` on a C.UTF-8 locale, the course's default (Korean
/// for the built-in course), as `course list` there is; a course whose default is English
/// keeps them English. The usage line of a misspelt option no longer shows the option clap
/// suggests as if it were required.
#[test]
fn issue9_help_follows_the_course_default_and_the_usage_line_is_honest() {
    let ws = tempdir();
    let c_locale = [("LANG", "C.UTF-8")];
    let run = |arg: &str| {
        let out = course_in(ws.path())
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .arg(arg)
            .output()
            .unwrap();
        String::from_utf8(ok(out).stdout).unwrap()
    };
    run("init");
    assert!(run("list").contains("레슨"));
    let help = run("--help");
    assert!(help.contains("사용법: course"), "{help}");
    let err = usage_error(ws.path(), &c_locale, &["check", "--bogus"]);
    assert!(
        err.starts_with("오류: 알 수 없는 옵션 `--bogus`가 있습니다"),
        "{err}"
    );
    assert!(
        err.contains("사용법: course check [OPTIONS] [EXERCISES]..."),
        "{err}"
    );
    assert!(!err.contains("--course <DIR>"), "{err}");
    let err = usage_error(ws.path(), &c_locale, &["--lang", "en", "check", "--bogus"]);
    assert!(
        err.contains("Usage: course check [OPTIONS] [EXERCISES]..."),
        "{err}"
    );
    assert!(!err.contains("--course <DIR>"), "{err}");
    // A course whose default is English: English help, on the same locale.
    let c = tempdir();
    one_exercise_course(c.path(), "  - kind: paths\n    files: [a]\n");
    let course_dir = c.path().to_str().unwrap();
    let err = usage_error(
        ws.path(),
        &c_locale,
        &["--course", course_dir, "check", "--bogus"],
    );
    assert!(
        err.starts_with("error: unexpected argument '--bogus'"),
        "{err}"
    );
}

/// Issue 9: a learner who made the environment under another name than the lessons' (`myenv`
/// from an old note) is told before committing it that the lesson's `.gitignore` does not
/// cover it; with its own line, or with the lessons' `.venv`, nothing is said.
#[test]
fn issue9_an_environment_the_gitignore_misses_is_named_before_it_is_committed() {
    let check = "  - kind: gitignore\n    must_ignore:\n      - {path: .venv/pyvenv.cfg, pattern: \".venv/\"}\n";
    for lang in LANGS {
        let ws = tempdir();
        git_init(ws.path());
        write(ws.path(), ".gitignore", &lesson_gitignore(lang));
        write(ws.path(), "myenv/pyvenv.cfg", "home = /usr/bin\n");
        write(ws.path(), ".venv/pyvenv.cfg", "home = /usr/bin\n");
        git(ws.path(), &["add", ".gitignore"]);
        git(ws.path(), &["commit", "-q", "-m", "gitignore"]);
        let (code, findings) = exercise_findings(ws.path(), check, lang);
        assert_eq!(code, 1, "{findings:#?}");
        let f = findings
            .iter()
            .find(|f| f["code"] == "gitignore/env-not-ignored")
            .unwrap_or_else(|| panic!("{findings:#?}"));
        let said = if lang == "ko" {
            "git이 가상환경 폴더 `myenv/`를 무시하지 않습니다"
        } else {
            "the environment folder `myenv/` is not ignored"
        };
        assert!(f["message"].as_str().unwrap().contains(said), "{f:#}");
        assert!(f["hint"].as_str().unwrap().contains("`myenv/`"), "{f:#}");
        assert_eq!(findings.len(), 1, "only myenv, not .venv: {findings:#?}");

        // Its own line (committed), and the finding is gone.
        let mut gitignore = lesson_gitignore(lang);
        gitignore.push_str("myenv/\n");
        write(ws.path(), ".gitignore", &gitignore);
        git(ws.path(), &["commit", "-qam", "ignore myenv"]);
        let (code, findings) = exercise_findings(ws.path(), check, lang);
        assert_eq!(code, 0, "{findings:#?}");
    }
}
