//! Check kind `python-import`: `python -c "import a, b"` works from the workspace root with
//! the workspace's environment (the project structure is importable as packages).
//!
//! Run as a part of the driver that answers every Python check in one launch
//! (`checks/driver.rs`): `PYTHONPATH` is ignored (the structure must work without it), no
//! `__pycache__` is written into the workspace, and the workspace root is `sys.path[0]`, as
//! for `python -c "import a, b"` run there.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use serde::Deserialize;

use super::driver::{Part, Planned};
use super::launch::{limit_finding, run_part};
use super::shared::{last_line, ImportParams};
use super::{CheckContext, Code, Finding};
use crate::cache;
use crate::process::RunError;
use crate::python::env_state;
use crate::python::{show_path, EnvLookup, PythonEnv};
use crate::tr;
use crate::walk::{is_noise_dir, walk};

mod cannot_import;
mod traceback;

use traceback::{missing_module, own_file, workspace_frame};

/// Modules to import from the workspace root, e.g. `[src.training, src.utils]`; a minute
/// by default.
pub type Params = ImportParams<60>;

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let mods = params.modules.join(", ");
    // The names go into `-c` code: only dotted identifiers, and at least one.
    if params.modules.is_empty() || !params.modules.iter().all(|m| is_module_name(m)) {
        return vec![Finding::error(Code::CourseCheckBroken, tr!(
            "the exercise's python-import check needs `modules:` written as dotted names like `src.training` (got: [{mods}])",
            "연습 문제의 python-import 검사에는 `src.training` 같은 점으로 이은 이름의 `modules:`가 필요합니다 (받은 값: [{mods}])"
        ))];
    }
    let code = format!("import {mods}");
    if !ctx.allow_exec {
        return vec![ctx.exec_disabled("python", &params.modules)];
    }
    let env = match environment(ctx, &code) {
        Ok(env) => env,
        Err(skipped) => return vec![*skipped],
    };
    let py = show_path(&ctx.root, &env.interpreter);
    let label = env.label(&ctx.root);
    let passed = || {
        Finding::pass(
            Code::ImportOk,
            tr!(
                "`{code}` works from the workspace root ({label})",
                "`{code}`가 작업 폴더에서 동작합니다 ({label})"
            ),
        )
    };
    let cache_key = cache_key(env, &code);
    let cache = ctx
        .cache_dir
        .as_deref()
        .and_then(|dir| Some((dir, import_state(ctx, env, &params.modules)?)));
    if let Some((dir, state)) = &cache {
        if cache::load::<bool>(dir, CACHE_KIND, &cache_key, state) == Some(true) {
            return vec![passed()];
        }
    }
    let timeout = params.timeout();
    let (launch, mut out) = match run_part(ctx, env, params.planned(Part::Import), &py) {
        Ok(launched) => launched,
        Err(stopped) => return stopped,
    };
    let sandboxed = launch.status.is_some();
    let answer = match read_answer(launch.result, &code, &py, timeout) {
        Ok(answer) => answer,
        Err(failed) => {
            out.push(*failed);
            return out;
        }
    };
    if answer.ok {
        if let Some((dir, state)) = &cache {
            cache::store(dir, CACHE_KIND, &cache_key, state, &true);
        }
        out.push(passed());
        return out;
    }
    // An import the sandbox stopped proves nothing about the structure.
    if let Some(verdict) = sandboxed
        .then(|| crate::sandbox::in_text(&answer.traceback))
        .flatten()
    {
        out.push(limit_finding(ctx, &verdict, &py));
        return out;
    }
    let import = Import {
        modules: &params.modules,
        code: &code,
        py: &py,
        label: &label,
    };
    out.push(explain(ctx, &import, &env.dir, &answer.traceback));
    out
}

/// The workspace's environment, or the skip that says why the import is not checked: it
/// is the environment exercise's to report a missing or broken environment, so the skip
/// names that exercise and the command that checks it (a learner sees no check names), in
/// the message: a report shows a skip's message, not its fix.
fn environment<'a>(ctx: &'a CheckContext, code: &str) -> Result<&'a PythonEnv, Box<Finding>> {
    let next = match &ctx.env_exercise {
        Some(id) => tr!(
            "; the exercise `{id}` sets it up (`course check {id}`)",
            ". 가상환경은 연습 문제 `{id}`에서 만듭니다(`course check {id}`)"
        ),
        None => tr!(
            "; make one in the workspace (`python3 -m venv .venv`)",
            ". 작업 폴더에 만드십시오(`python3 -m venv .venv`)"
        ),
    };
    let message = match ctx.environment() {
        EnvLookup::Found(env) => return Ok(env),
        EnvLookup::NotFound { .. } => tr!(
            "`{code}` not checked: no Python environment found for this workspace{next}",
            "`{code}`은(는) 확인하지 않았습니다: 이 작업 폴더의 Python 가상환경을 찾지 못했습니다{next}";
            next = next
        ),
        EnvLookup::Broken(b) => tr!(
            "`{code}` not checked: the environment {d} is broken{next}",
            "`{code}`은(는) 확인하지 않았습니다: 가상환경 {d}이(가) 망가져 있습니다{next}";
            next = next, d = crate::i18n::Tr::same(show_path(&ctx.root, &b.dir))
        ),
    };
    Err(Box::new(Finding::skip(Code::ImportNoEnv, message)))
}

/// The driver's answer from the launch, or the finding for a launch that gave none: the
/// interpreter ended early, hung, or could not run.
fn read_answer(
    result: Result<Output, RunError>,
    code: &str,
    py: &str,
    timeout: Duration,
) -> Result<Answer, Box<Finding>> {
    let n = timeout.as_secs();
    let run = crate::escape::shell_program(py);
    let failed = match result {
        Ok(output) => match serde_json::from_slice::<Answer>(output.stdout.trim_ascii()) {
            Ok(answer) => return Ok(answer),
            // The interpreter ended before the import finished (`os._exit` on import, or a
            // wrapper that runs something else): not a pass.
            Err(_) => {
                let code_n = output
                    .status
                    .code()
                    .map_or_else(|| "?".to_string(), |c| c.to_string());
                let last = last_line(&output.stderr);
                Finding::error(Code::ImportCannotRun, tr!(
                    "{py} ended (exit code {code_n}) before `{code}` finished{last}",
                    "{py}이(가) `{code}`를 마치기 전에 끝났습니다 (종료 코드 {code_n}){last}"
                ))
                .hint(tr!(
                    "code that runs on import must not end the interpreter (`sys.exit`, `os._exit`); try it yourself:\n  {run} -c \"{code}\"",
                    "import할 때 실행되는 코드는 인터프리터를 끝내면 안 됩니다 (`sys.exit`, `os._exit`). 직접 실행해 보십시오:\n  {run} -c \"{code}\""
                ))
            }
        },
        Err(RunError::TimedOut { .. }) => Finding::error(Code::ImportTimeout, tr!(
            "`{code}` did not finish in {n} s ({py})",
            "`{code}`가 {n}초 안에 끝나지 않았습니다 ({py})"
        ))
        .hint(tr!(
            "code at the top level of a module runs on import; keep it in functions or under `if __name__ == \"__main__\":`. Try it yourself:\n  {run} -c \"{code}\"",
            "모듈의 최상위 코드는 import할 때 실행됩니다. 함수 안이나 `if __name__ == \"__main__\":` 아래에 두십시오. 직접 실행해 보십시오:\n  {run} -c \"{code}\""
        )),
        Err(e) => {
            let e = e.to_string();
            Finding::error(
                Code::ImportCannotRun,
                tr!(
                    "could not run `{code}` with {py}: {e}",
                    "{py}(으)로 `{code}`를 실행할 수 없습니다: {e}"
                ),
            )
        }
    };
    Err(Box::new(failed))
}

/// The driver's answer for an import part.
#[derive(Deserialize)]
struct Answer {
    ok: bool,
    #[serde(default)]
    traceback: String,
}

fn cache_key(env: &PythonEnv, code: &str) -> String {
    format!("{}\0{code}", env.interpreter.display())
}

/// The part this check will ask of the shared interpreter launch, unless it needs none
/// (no running allowed, bad module names, no environment, a cached pass).
pub(crate) fn planned(params: &Params, ctx: &CheckContext) -> Option<Planned> {
    if !ctx.allow_exec
        || params.modules.is_empty()
        || !params.modules.iter().all(|m| is_module_name(m))
    {
        return None;
    }
    let env = ctx.environment().found()?;
    let code = format!("import {}", params.modules.join(", "));
    if let Some(dir) = ctx.cache_dir.as_deref() {
        let state = import_state(ctx, env, &params.modules);
        if let Some(state) = state {
            if cache::load::<bool>(dir, CACHE_KIND, &cache_key(env, &code), &state) == Some(true) {
                return None;
            }
        }
    }
    Some(params.planned(Part::Import))
}

const CACHE_KIND: &str = "python-import";

/// What a passing import depends on: the environment, and every file and folder of the
/// imported top-level packages. `None` (do not cache) when the packages are too big to stamp.
fn import_state(ctx: &CheckContext, env: &PythonEnv, modules: &[String]) -> Option<String> {
    let mut stamps = env_state(env);
    let mut tops: Vec<&str> = modules.iter().filter_map(|m| m.split('.').next()).collect();
    tops.sort_unstable();
    tops.dedup();
    for top in tops {
        let dir = ctx.root.join(top);
        stamps.add(&ctx.root.join(format!("{top}.py")));
        stamps.add(&dir);
        let walk = walk(&dir, 16, 20_000, |e| {
            !e.rel.rsplit('/').next().is_some_and(is_noise_dir)
        });
        if walk.truncated {
            return None;
        }
        for entry in &walk.entries {
            stamps.add(&entry.path);
        }
    }
    Some(stamps.finish())
}

/// `a.b_c.d`: Python identifiers joined by dots.
fn is_module_name(name: &str) -> bool {
    name.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric())
    })
}

/// Whether `name` (`src.model.vla`) starts in the workspace's own code: its first part is a
/// folder or a `.py` file at the workspace root.
fn own_module(root: &Path, name: &str) -> bool {
    let top = name.split('.').next().unwrap_or(name);
    !top.is_empty() && (root.join(top).is_dir() || root.join(format!("{top}.py")).is_file())
}

/// What is being imported, as the messages name it.
struct Import<'a> {
    modules: &'a [String],
    code: &'a str,
    py: &'a str,
    label: &'a str,
}

/// The finding for an import that raised: the error's last line, the workspace line that
/// raised it, and a hint that depends on whether a module is missing and whose it is.
fn explain(ctx: &CheckContext, import: &Import, env_dir: &Path, stderr: &str) -> Finding {
    let Import {
        modules,
        code,
        py,
        label,
    } = *import;
    let run = crate::escape::shell_program(py);
    let last = last_line(stderr.as_bytes());
    let last = last.trim_start_matches(": ").to_string();
    let at = workspace_frame(&ctx.root, env_dir, stderr);
    let mut finding = Finding::fail(
        Code::ImportFails,
        tr!(
            "`{code}` fails from the workspace root: {last}",
            "작업 폴더에서 `{code}`가 실패합니다: {last}"
        ),
    );
    if let Some((file, line)) = &at {
        finding = finding.file(file.clone()).line(*line);
    }
    // `cannot import name 'X' from 'Y'`: Y was imported and has no X.
    if let Some(c) = cannot_import::parse(&last) {
        let own = own_file(&ctx.root, env_dir);
        return finding.hint(cannot_import::hint(&c, &ctx.root, own, &run, code));
    }
    let hint = match (missing_module(&last), &at) {
        // One of the modules asked for (or a package above it) is not there.
        (Some(name), None)
            if modules
                .iter()
                .any(|m| m == name || m.starts_with(&format!("{name}."))) =>
        {
            let path = name.replace('.', "/");
            tr!(
                "imports run from the workspace root: `import {name}` needs a folder `{path}/` (a package, with an `__init__.py`) or a file `{path}.py` there; check the folder names and that every folder on the way is a package with `__init__.py`",
                "import는 작업 폴더에서 실행됩니다: `import {name}`에는 `{path}/` 폴더(`__init__.py`가 있는 패키지)나 `{path}.py` 파일이 있어야 합니다. 폴더 이름과, 경로의 모든 폴더가 `__init__.py`가 있는 패키지인지 확인하십시오"
            )
        }
        // `from .vla import VLAModel` with no `src/model/vla.py`: the learner's own module is
        // missing, and `pip install src` would fetch an unrelated project.
        (Some(name), at) if own_module(&ctx.root, name) => {
            let path = name.replace('.', "/");
            let top = name.split('.').next().unwrap_or(name);
            let place = match at {
                Some((file, line)) => tr!(
                    "{file} line {line} imports `{name}`",
                    "{file} {line}번째 줄이 `{name}`을(를) import합니다"
                ),
                None => tr!("`{name}` is imported", "`{name}`을(를) import합니다"),
            };
            tr!(
                "{place}, but the workspace has no `{path}.py` (nor a package `{path}/`): create it, or fix the import to name a module that exists. `{top}` is your own code, nothing to install",
                "{place}. 그런데 작업 폴더에 `{path}.py` 파일(또는 `{path}/` 패키지)이 없습니다. 그 파일을 만들거나, 있는 모듈을 가리키도록 import를 고치십시오. `{top}`은(는) 직접 만든 코드이므로 설치할 것이 아닙니다";
                place = place
            )
        }
        (Some(name), Some((file, line))) => {
            let top = name.split('.').next().unwrap_or(name);
            let pkg = super::shared::pip_name(top);
            tr!(
                "{file} line {line} imports `{name}`, which is neither a module of the workspace nor installed in {label}; fix the import (a package's own modules: `from . import x` or `import src.x`), or install it:\n  {run} -m pip install {pkg}",
                "{file} {line}번째 줄이 `{name}`을(를) import하지만, 작업 폴더의 모듈도 아니고 {label}에 설치되어 있지도 않습니다. import를 고치거나(패키지 안의 모듈은 `from . import x` 또는 `import src.x`) 설치하십시오:\n  {run} -m pip install {pkg}"
            )
        }
        (Some(name), None) => {
            let top = name.split('.').next().unwrap_or(name);
            let pkg = super::shared::pip_name(top);
            tr!(
                "`{name}` is not installed in {label}:\n  {run} -m pip install {pkg}",
                "`{name}`이(가) {label}에 설치되어 있지 않습니다:\n  {run} -m pip install {pkg}"
            )
        }
        (None, Some((file, line))) => {
            let init = if file.ends_with("__init__.py") {
                tr!(
                    " (code in a package's `__init__.py` runs every time the package is imported)",
                    " (패키지의 `__init__.py` 코드는 패키지를 import할 때마다 실행됩니다)"
                )
            } else {
                crate::i18n::Tr::same("")
            };
            tr!(
                "the error is raised at {file}:{line} while importing{init}; fix that line, then try:\n  {run} -c \"{code}\"",
                "import하는 동안 {file}:{line}에서 오류가 납니다{init}. 그 줄을 고친 뒤 확인하십시오:\n  {run} -c \"{code}\"";
                init = init
            )
        }
        (None, None) => tr!(
            "run this in the workspace root to see the whole error:\n  {run} -c \"{code}\"",
            "작업 폴더에서 실행해 전체 오류를 보십시오:\n  {run} -c \"{code}\""
        ),
    };
    finding.hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;

    #[test]
    fn params_wait_a_minute_unless_told() {
        let p: Params = serde_json::from_str(r#"{"modules": ["src"]}"#).unwrap();
        assert_eq!(p.timeout_secs, 60);
    }

    #[test]
    fn module_names() {
        assert!(is_module_name("src.training"));
        assert!(is_module_name("_private.x2"));
        assert!(!is_module_name("src..x"));
        assert!(!is_module_name("os; import shutil"));
        assert!(!is_module_name(""));
    }

    #[test]
    fn grading_without_exec_skips() {
        let t = tempfile::tempdir().unwrap();
        let ctx = CheckContext::new(t.path(), false, None);
        let f = run(
            &Params {
                modules: vec!["src".into()],
                timeout_secs: 60,
            },
            &ctx,
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].status, Status::Skip);
        assert!(f[0].message.get(crate::i18n::Lang::En).contains("--exec"));
    }
}
