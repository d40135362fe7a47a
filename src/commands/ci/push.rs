//! The per-push templates: a workflow that grades the student repository it lives in, on
//! every push (GitHub Actions) or pipeline (GitLab CI).
//!
//! Fast after the first push: `course` is built once per course version and kept. The version
//! is the course repository's HEAD commit (`git ls-remote`, no clone): GitHub keeps the binary
//! with `actions/cache` under a key holding that commit; GitLab keeps it in the job cache with
//! the commit beside it and builds again only when it changed. (There is no released binary
//! to download: `course` is installed from its git repository.)

use super::{lang_env, REPO_PLACEHOLDER};
use crate::i18n::Lang;

pub const JUNIT_FILE: &str = "course-junit.xml";

/// The GitHub steps that put a cached `course` on the PATH (indented for `steps:`).
pub fn github_install() -> &'static str {
    "      - name: Find the course version
        id: course
        # The commit of the course repository: the cache key, so a new course version builds once.
        run: echo \"rev=$(git ls-remote \"$COURSE_REPO\" HEAD | cut -f1)\" >> \"$GITHUB_OUTPUT\"
      - name: Cache course
        id: cache
        uses: actions/cache@v4
        with:
          path: ~/.course-bin
          key: course-${{ runner.os }}-${{ steps.course.outputs.rev }}
      - name: Install course (first run of this course version only)
        if: steps.cache.outputs.cache-hit != 'true'
        run: cargo install --locked --git \"$COURSE_REPO\" --rev \"${{ steps.course.outputs.rev }}\" --root ~/.course-bin course
      - name: Put course on the PATH
        run: echo \"$HOME/.course-bin/bin\" >> \"$GITHUB_PATH\"
"
}

/// The `env:` every GitHub template has, indented by `pad` (job or workflow level).
pub fn github_env(lang: Option<Lang>, pad: &str) -> String {
    format!(
        "{pad}env:
{pad}  # TODO: set your course repository (course is installed from git, not crates.io).
{pad}  COURSE_REPO: {REPO_PLACEHOLDER}
{}",
        lang_env(lang, &format!("{pad}  "))
    )
}

/// `.github/workflows/grade.yml`.
pub fn github_workflow(with_env: bool, lang: Option<Lang>) -> String {
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
    let (env, install) = (github_env(lang, "    "), github_install());
    format!(
        "# Grades every push and pull request with `course` (written by `course ci init --github`).
name: grade

on:
  push:
  pull_request:

jobs:
  grade:
    runs-on: ubuntu-latest
{env}    steps:
      - uses: actions/checkout@v4
        with:
          # Full history: the git exercises look at every commit, and a shallow clone
          # (the default fetch-depth: 1) makes every file look added in one commit.
          fetch-depth: 0
{install}{env_steps}      - name: Grade
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

/// The GitLab job's `cache:` for the built `course` (indented for a job).
pub const GITLAB_CACHE: &str =
    "  # course is built once per course version and kept in the cache with its commit beside it
  # (under .course/, which the checks never look into).
  cache:
    key: course-bin
    paths:
      - .course/ci-bin/
";

/// The GitLab script lines that put `course`, built once per course version, on the PATH.
pub fn gitlab_install() -> &'static str {
    "    - rev=$(git ls-remote \"$COURSE_REPO\" HEAD | cut -f1)
    - if [ \"$(cat .course/ci-bin/rev 2>/dev/null)\" != \"$rev\" ]; then cargo install --locked --git \"$COURSE_REPO\" --rev \"$rev\" --root .course/ci-bin --force course && echo \"$rev\" > .course/ci-bin/rev; fi
    - export PATH=\"$PWD/.course/ci-bin/bin:$PATH\"
"
}

/// `.gitlab-ci.yml`.
pub fn gitlab_ci(with_env: bool, lang: Option<Lang>) -> String {
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
    let (lang, install, cache) = (lang_env(lang, "  "), gitlab_install(), GITLAB_CACHE);
    format!(
        "# Grades every push with `course` (written by `course ci init --gitlab`).
variables:
  # Full history: the git exercises look at every commit, and a shallow clone makes every
  # file look added in one commit.
  GIT_DEPTH: 0
  # TODO: set your course repository (course is installed from git, not crates.io).
  COURSE_REPO: {REPO_PLACEHOLDER}
{lang}
grade:
  image: {image}
{cache}  script:
{env_lines}{install}    # The JUnit file is written whatever the result; the text run decides the job's status.
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
