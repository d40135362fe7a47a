//! The environment part of `course doctor`: the one the environment exercise would use and
//! why, or where `course` looked; and when there is none, a fix that fits the workspace.

use std::path::Path;

use super::collect::VERSION_TIMEOUT;
use super::{EnvInfo, Problem};
use crate::app::App;
use crate::checks::python_env::{make_env_hint, pip_names};
use crate::checks::Check;
use crate::escape::Platform;
use crate::i18n::Tr;
use crate::python::{EnvKind, EnvLookup, FoundBy};
use crate::tr;

pub(super) fn environment(app: &App, root: &Path, problems: &mut Vec<Problem>) -> EnvInfo {
    let lang = app.lang;
    let kind = |k: EnvKind| match k {
        EnvKind::Venv => "venv",
        EnvKind::Conda => "conda",
    };
    let found_by = |f: &FoundBy| match f {
        FoundBy::Workspace => "workspace",
        FoundBy::VirtualEnv => "virtual-env",
        FoundBy::CondaPrefix => "conda-prefix",
        FoundBy::EnvironmentYml { .. } => "environment-yml",
    };
    match crate::python::find_environment(root) {
        EnvLookup::Found(env) => {
            let version = crate::process::version_of(&env.interpreter, VERSION_TIMEOUT).ok();
            // The version beside the folder it belongs to (`.venv (Python 3.11.7): ...`); after
            // the reason it read as part of the parenthesis, or stood alone on a Korean line.
            let label = match &version {
                Some(v) => format!("{} ({v})", env.label(root)),
                None => env.label(root),
            };
            let why = match &env.found_by {
                FoundBy::Workspace => tr!(
                    "{label}: the first environment folder in the workspace (.venv, venv, env first)",
                    "{label}: 작업 폴더에서 처음 찾은 환경 폴더 (.venv, venv, env 먼저)"
                ),
                FoundBy::VirtualEnv => tr!(
                    "{label}: the activated virtual environment (none in the workspace)",
                    "{label}: 활성화된 가상환경 (작업 폴더 안에는 없음)"
                ),
                FoundBy::CondaPrefix => tr!(
                    "{label}: the activated conda environment (none in the workspace)",
                    "{label}: 활성화된 conda 환경 (작업 폴더 안에는 없음)"
                ),
                FoundBy::EnvironmentYml { name } => tr!(
                    "{label}: the conda environment `{name}` named in environment.yml",
                    "{label}: environment.yml에 적힌 conda 환경 `{name}`"
                ),
            };
            EnvInfo {
                status: "found",
                path: Some(env.dir.display().to_string()),
                interpreter: Some(env.interpreter.display().to_string()),
                kind: Some(kind(env.kind)),
                found_by: Some(found_by(&env.found_by)),
                version,
                why: vec![why.get(lang).to_string()],
            }
        }
        EnvLookup::NotFound { looked_in } => {
            problems.push(Problem::new(
                "env/not-found",
                tr!(
                    "no Python environment found for the workspace",
                    "작업 폴더의 Python 가상환경을 찾지 못했습니다"
                ),
                no_environment_fix(app, root, Platform::HOST),
                app,
            ));
            EnvInfo {
                status: "not-found",
                path: None,
                interpreter: None,
                kind: None,
                found_by: None,
                version: None,
                why: looked_in.iter().map(|l| l.get(lang).to_string()).collect(),
            }
        }
        EnvLookup::Broken(broken) => {
            let place = crate::python::show_path(root, &broken.dir);
            let reason = broken.reason.get(lang).to_string();
            problems.push(Problem {
                code: "env/broken",
                message: tr!(
                    "the environment {place} is broken: {reason}",
                    "환경 {place}이(가) 망가졌습니다: {reason}"
                )
                .get(lang)
                .to_string(),
                fix: broken.hint.get(lang).to_string(),
            });
            EnvInfo {
                status: "broken",
                path: Some(broken.dir.display().to_string()),
                interpreter: None,
                kind: Some(kind(broken.kind)),
                found_by: Some(found_by(&broken.found_by)),
                version: None,
                why: vec![reason],
            }
        }
    }
}

/// The fix for a workspace without an environment. `pip install -r` only names a file that
/// is there: with the course's requirements file present, install from it; while the learner
/// is on the exercise that writes it (worked on, not put aside), write it first; otherwise
/// install the packages the course's exercises import, by name (`torch numpy`).
fn no_environment_fix(app: &App, root: &Path, platform: Platform) -> Tr {
    let course = &app.course;
    let requirements = course.exercises.iter().find_map(|ex| {
        ex.checks.iter().find_map(|c| match c {
            Check::Requirements(p) => Some((ex, p.file.clone())),
            _ => None,
        })
    });
    if let Some((ex, file)) = requirements {
        let from_file = make_env_hint(
            platform,
            &format!("-r {}", crate::escape::shell_word_on(platform, &file)),
        );
        if root.join(&file).is_file() {
            return from_file;
        }
        let on_it = app.state.tried.contains(&ex.id) && !app.state.deferred.contains(&ex.id);
        if on_it {
            let title = Tr::from_localized(&ex.title);
            let mut fix = tr!(
                "write {file} first (the exercise you are on: {title}), then ",
                "먼저 {file}을(를) 작성하십시오 (지금 하고 있는 연습 문제: {title}). 그다음 ";
                title = title
            );
            fix.append("", &from_file);
            return fix;
        }
    }
    let mut names: Vec<String> = Vec::new();
    for check in course.exercises.iter().flat_map(|ex| &ex.checks) {
        if let Check::PythonEnv(p) = check {
            for name in pip_names(p) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    make_env_hint(platform, &names.join(" "))
}
