//! `course ci init --github|--gitlab|--slurm|--kubernetes [--shards N] [--force] [--with-env]`:
//! write a CI configuration.
//!
//! Without `--shards` (GitHub, GitLab): a workflow that grades every push of the student
//! repository it lives in (`ci/push.rs`), with `course` built once per course version and
//! cached. With `--shards N` (GitHub, Slurm, Kubernetes): a job that grades a whole class in
//! `submissions/` (or, with `--roster FILE`, the roster's repositories) in N shards on that
//! engine and merges the gradebooks (`ci/shards.rs`);
//! `--gitlab --shards N` writes a class pipeline with `parallel: N` into `.gitlab-ci.yml`.
//!
//! The target folder is `--workspace DIR` or the current folder. The file is printed before
//! it is written, never replaces an existing file without `--force`, and is written
//! atomically. `course` is installed with `cargo install --locked --git <URL> course`: the
//! course is not on crates.io, so the generated file carries a placeholder URL and a
//! `TODO` comment telling the instructor to set it.
//!
//! Messages follow the language rule of every command (`app::chosen_lang` with the
//! workspace's saved choice and the course's default). A language asked for explicitly
//! (`--lang` or `COURSE_LANG`) is also written into the template as `COURSE_LANG`, so the CI
//! grades in it; otherwise `course grade` there uses the course's default, as everywhere.
//!
//! Without `--with-env` nothing from a submission is executed (checks that run its Python are
//! skipped and say so). With `--with-env` the per-push job builds `.venv` from
//! `requirements.txt` and grades with `--exec`; the class jobs grade with `--exec`, using the
//! environment each submission holds.

mod push;
mod shards;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{CiInitArgs, GlobalArgs};
use crate::exit::{usage, Code};
use crate::fs::write_atomic;
use crate::i18n::Lang;
use crate::tr;
use crate::workspace::Workspace;

pub use push::JUNIT_FILE;

/// Placeholder for the course repository in generated files.
pub const REPO_PLACEHOLDER: &str = "https://github.com/YOUR-ORG/YOUR-COURSE";

pub const GITHUB_PATH: &str = ".github/workflows/grade.yml";
pub const GITLAB_PATH: &str = ".gitlab-ci.yml";
pub const GITHUB_CLASS_PATH: &str = ".github/workflows/grade-class.yml";
pub const SLURM_PATH: &str = "grade-class.sbatch";
pub const KUBERNETES_PATH: &str = "grade-class-job.yaml";

/// GitHub runs at most 256 jobs of one matrix.
const GITHUB_MAX_SHARDS: u32 = 256;
/// GitLab's `parallel:` takes 2 to 200.
const GITLAB_MAX_SHARDS: u32 = 200;

pub fn run(global: &GlobalArgs, args: &CiInitArgs) -> Result<Code> {
    let root: PathBuf = match &global.workspace {
        Some(dir) => Workspace::explicit(dir)?.root,
        None => crate::fs::current_dir()?,
    };
    let lang = crate::app::lang_outside_app(global, &root);
    let asked = crate::app::asked_lang(global.lang);
    let (rel, text) = template(args, asked, lang)?;
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
    crate::terminal::print(&show(rel, &text, lang).to_string())?;
    write_atomic(&path, text.as_bytes())?;
    global.term().note(&written_note(
        rel,
        args.with_env,
        args.shards.is_some(),
        lang,
    ));
    Ok(Code::Ok)
}

/// The file to write and its text, or a usage error for a combination that has none.
fn template(args: &CiInitArgs, asked: Option<Lang>, lang: Lang) -> Result<(&'static str, String)> {
    let p = &args.provider;
    let exec = args.with_env;
    let class = match args.roster.as_deref() {
        None => shards::Class::Folder,
        Some(roster) if is_plain_path(roster) => shards::Class::Roster(roster),
        Some(roster) => {
            return Err(usage(
                tr!(
                    "--roster {roster}: the path goes into shell and YAML unquoted; use letters, digits, `.`, `_`, `-` and `/` only (rename or move the file)",
                    "--roster {roster}: 경로가 셸과 YAML에 따옴표 없이 들어갑니다. 글자, 숫자, `.`, `_`, `-`, `/`만 쓰십시오 (파일 이름을 바꾸거나 옮기십시오)"
                )
                .get(lang),
            ))
        }
    };
    match (args.shards, p.github, p.gitlab) {
        (None, true, _) => Ok((GITHUB_PATH, push::github_workflow(exec, asked))),
        (None, _, true) => Ok((GITLAB_PATH, push::gitlab_ci(exec, asked))),
        (Some(n), true, _) if n > GITHUB_MAX_SHARDS => Err(usage(
            tr!(
                "--shards {n}: a GitHub Actions matrix runs at most {GITHUB_MAX_SHARDS} jobs; use fewer shards (each grades on all the runner's cores)",
                "--shards {n}: GitHub Actions 매트릭스는 작업을 최대 {GITHUB_MAX_SHARDS}개까지 실행합니다. 샤드 수를 줄이십시오 (샤드마다 러너의 모든 코어로 채점합니다)"
            )
            .get(lang),
        )),
        (Some(n), true, _) => Ok((GITHUB_CLASS_PATH, shards::github(n, exec, asked, class))),
        (Some(n), _, true) if !(2..=GITLAB_MAX_SHARDS).contains(&n) => Err(usage(
            tr!(
                "--shards {n}: GitLab's parallel runs 2 to {GITLAB_MAX_SHARDS} jobs; choose N in that range",
                "--shards {n}: GitLab의 parallel은 작업을 2개부터 {GITLAB_MAX_SHARDS}개까지 실행합니다. 그 범위에서 N을 고르십시오"
            )
            .get(lang),
        )),
        (Some(n), _, true) => Ok((GITLAB_PATH, shards::gitlab(n, exec, asked, class))),
        (Some(n), _, _) if p.slurm => Ok((SLURM_PATH, shards::slurm(n, exec, asked, class))),
        (Some(n), _, _) => Ok((KUBERNETES_PATH, shards::kubernetes(n, exec, asked, class))),
        (None, _, _) => Err(usage(
            tr!(
                "--slurm and --kubernetes grade a class in shards: add --shards N (e.g. --shards 8)",
                "--slurm과 --kubernetes는 반 전체를 샤드로 나눠 채점합니다: --shards N을 주십시오 (예: --shards 8)"
            )
            .get(lang),
        )),
    }
}

/// A path that needs no quoting in sh or YAML (and starts with no `-`).
fn is_plain_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('-')
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
}

/// `COURSE_LANG: xx` (YAML, indented by `pad`) when a language was asked for explicitly.
pub fn lang_env(lang: Option<Lang>, pad: &str) -> String {
    lang.map_or(String::new(), |l| {
        format!(
            "{pad}# The language asked for when this file was written (--lang / COURSE_LANG).\n{pad}COURSE_LANG: {}\n",
            l.code()
        )
    })
}

fn show(rel: &str, text: &str, lang: Lang) -> String {
    let head = tr!("# {rel}:", "# {rel}:");
    format!("{}\n{text}\n", head.get(lang))
}

fn written_note(rel: &str, with_env: bool, class: bool, lang: Lang) -> String {
    let mut s = tr!(
        "Wrote {rel}. Set your course repository where it says TODO, then commit the file.",
        "{rel}을(를) 썼습니다. TODO라고 적힌 곳에 코스 저장소 주소를 넣고 파일을 커밋하십시오."
    )
    .get(lang)
    .to_string();
    if class {
        s.push(' ');
        s.push_str(
            tr!(
                "Each shard writes parts/part-I.json; the merge writes grades.csv and class.html.",
                "샤드마다 parts/part-I.json을 쓰고, 합치는 단계에서 grades.csv와 class.html을 씁니다."
            )
            .get(lang),
        );
    } else if !with_env {
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
