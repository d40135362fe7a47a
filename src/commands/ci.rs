//! `course ci init --github|--gitlab [--force] [--with-env]`: write a CI configuration that
//! grades every push of a workspace.
//!
//! The target folder is `--workspace DIR` or the current folder. The file is printed before
//! it is written, never replaces an existing file without `--force`, and is written
//! atomically. `course` is installed with `cargo install --locked --git <URL> course`: the
//! course is not on crates.io, so the generated file carries a placeholder URL and a
//! `TODO` comment telling the instructor to set it.
//!
//! Without `--with-env` the job builds no Python environment and grades without `--exec`
//! (checks that run the submission's Python are skipped and say so). With `--with-env` it sets
//! up Python, builds `.venv` from `requirements.txt` and grades with `--exec`.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cli::{CiInitArgs, GlobalArgs};
use crate::exit::{usage, Code};
use crate::fs::write_atomic;
use crate::i18n::Lang;
use crate::tr;
use crate::workspace::Workspace;

/// Placeholder for the course repository in generated files.
pub const REPO_PLACEHOLDER: &str = "https://github.com/YOUR-ORG/YOUR-COURSE";

pub const GITHUB_PATH: &str = ".github/workflows/grade.yml";
pub const GITLAB_PATH: &str = ".gitlab-ci.yml";
pub const JUNIT_FILE: &str = "course-junit.xml";

pub fn run(global: &GlobalArgs, args: &CiInitArgs) -> Result<Code> {
    let lang = crate::app::chosen_lang(global.lang, None, Lang::En);
    let root: PathBuf = match &global.workspace {
        Some(dir) => Workspace::explicit(dir)?.root,
        None => std::env::current_dir().context("cannot read the current folder")?,
    };
    let (rel, text) = if args.provider.github {
        (GITHUB_PATH, github_workflow(args.with_env))
    } else {
        (GITLAB_PATH, gitlab_ci(args.with_env))
    };
    let path = root.join(rel);
    if path.exists() && !args.force {
        return Err(usage(
            tr!(
                "{rel} already exists; nothing was written. Pass --force to replace it (or edit it by hand)",
                "{rel}이(가) 이미 있어 아무것도 쓰지 않았습니다. 바꾸려면 --force를 주십시오 (또는 직접 고치십시오)"
            )
            .get(lang),
        ));
    }
    // The file itself is printed as it is written (wrapping would change the YAML).
    crate::terminal::print(&show(rel, &text, lang).to_string())?;
    write_atomic(&path, text.as_bytes())?;
    global.term().note(&written_note(rel, args.with_env, lang));
    Ok(Code::Ok)
}

fn show(rel: &str, text: &str, lang: Lang) -> String {
    let head = tr!("# {rel}:", "# {rel}:");
    format!("{}\n{text}\n", head.get(lang))
}

fn written_note(rel: &str, with_env: bool, lang: Lang) -> String {
    let mut s = tr!(
        "Wrote {rel}. Set your course repository where it says TODO, then commit the file.",
        "{rel}을(를) 썼습니다. TODO라고 적힌 곳에 코스 저장소 주소를 넣고 파일을 커밋하십시오."
    )
    .get(lang)
    .to_string();
    if !with_env {
        s.push(' ');
        s.push_str(
            tr!(
                "Checks that run Python are skipped in CI; `course ci init --with-env --force` builds the environment and runs them.",
                "Python을 실행하는 확인은 CI에서 건너뜁니다. `course ci init --with-env --force`로 환경을 만들고 실행하게 할 수 있습니다."
            )
            .get(lang),
        );
    }
    s
}

/// `.github/workflows/grade.yml`.
pub fn github_workflow(with_env: bool) -> String {
    let exec = if with_env { " --exec" } else { "" };
    let env_steps = if with_env {
        "      - uses: actions/setup-python@v5
        with:
          python-version: \"3.11\"
      - name: Build the environment from requirements.txt
        # A requirements.txt that does not install is the student's to fix: grade anyway,
        # and the environment exercise says what is missing.
        continue-on-error: true
        run: python -m venv .venv && .venv/bin/pip install -r requirements.txt
"
    } else {
        ""
    };
    format!(
        "# Grades every push and pull request with `course` (written by `course ci init --github`).
name: grade

on:
  push:
  pull_request:

jobs:
  grade:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          # Full history: the git exercises look at every commit, and a shallow clone
          # (the default fetch-depth: 1) makes every file look added in one commit.
          fetch-depth: 0
      - name: Install course
        # TODO: set your course repository (course is installed from git, not crates.io).
        run: cargo install --locked --git {REPO_PLACEHOLDER} course
{env_steps}      - name: Grade
        # Annotations on the files, the score in the log, a table in the job summary.
        run: course grade --workspace . --format github{exec}
      - name: JUnit report
        if: always()
        run: course grade --workspace . --format junit{exec} --output {JUNIT_FILE}
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: course-junit
          path: {JUNIT_FILE}
"
    )
}

/// `.gitlab-ci.yml`.
pub fn gitlab_ci(with_env: bool) -> String {
    let (image, env_lines, exec) = if with_env {
        (
            "python:3.11",
            "    - curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    - export PATH=\"$HOME/.cargo/bin:$PATH\"
    # A requirements.txt that does not install is the student's to fix: grade anyway.
    - python -m venv .venv && (.venv/bin/pip install -r requirements.txt || true)
",
            " --exec",
        )
    } else {
        ("rust:latest", "", "")
    };
    format!(
        "# Grades every push with `course` (written by `course ci init --gitlab`).
variables:
  # Full history: the git exercises look at every commit, and a shallow clone makes every
  # file look added in one commit.
  GIT_DEPTH: 0

grade:
  image: {image}
  script:
{env_lines}    # TODO: set your course repository (course is installed from git, not crates.io).
    - cargo install --locked --git {REPO_PLACEHOLDER} course
    # The JUnit file is written whatever the result; the text run decides the job's status.
    - course grade --workspace . --format junit{exec} --output {JUNIT_FILE} || true
    - course grade --workspace . --format text{exec}
  artifacts:
    when: always
    paths:
      - {JUNIT_FILE}
    reports:
      junit: {JUNIT_FILE}
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(with_env: bool) -> Vec<serde_yaml::Value> {
        let v: serde_yaml::Value = serde_yaml::from_str(&github_workflow(with_env)).unwrap();
        v["jobs"]["grade"]["steps"].as_sequence().unwrap().clone()
    }

    #[test]
    fn github_workflow_parses_and_has_the_steps() {
        let s = steps(false);
        assert_eq!(s[0]["uses"], "actions/checkout@v4");
        assert_eq!(s[0]["with"]["fetch-depth"], 0);
        assert!(s[1]["run"]
            .as_str()
            .unwrap()
            .starts_with("cargo install --locked --git"));
        assert_eq!(s[2]["run"], "course grade --workspace . --format github");
        assert_eq!(s[3]["if"], "always()");
        assert!(s[3]["run"]
            .as_str()
            .unwrap()
            .ends_with("--output course-junit.xml"));
        assert_eq!(s[4]["uses"], "actions/upload-artifact@v4");
        assert_eq!(s[4]["with"]["path"], "course-junit.xml");
        assert_eq!(s.len(), 5);
    }

    #[test]
    fn github_with_env_builds_the_venv_and_executes() {
        let s = steps(true);
        assert_eq!(s[2]["uses"], "actions/setup-python@v5");
        assert!(s[3]["run"]
            .as_str()
            .unwrap()
            .contains("pip install -r requirements.txt"));
        assert_eq!(
            s[4]["run"],
            "course grade --workspace . --format github --exec"
        );
    }

    #[test]
    fn gitlab_parses_with_full_depth_and_junit_report() {
        for with_env in [false, true] {
            let v: serde_yaml::Value = serde_yaml::from_str(&gitlab_ci(with_env)).unwrap();
            assert_eq!(v["variables"]["GIT_DEPTH"], 0);
            assert_eq!(v["grade"]["artifacts"]["when"], "always");
            assert_eq!(
                v["grade"]["artifacts"]["reports"]["junit"],
                "course-junit.xml"
            );
            let script = v["grade"]["script"].as_sequence().unwrap();
            assert!(script.iter().any(|l| l
                .as_str()
                .unwrap()
                .starts_with("course grade --workspace . --format junit")));
            assert_eq!(
                script
                    .iter()
                    .any(|l| l.as_str().unwrap().contains("--exec")),
                with_env
            );
        }
    }
}
