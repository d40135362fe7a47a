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
