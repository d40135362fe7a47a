//! Check kind `python-env`: the workspace has a Python environment that imports the given
//! modules (e.g. torch and numpy).
//!
//! The environment's own interpreter runs a small script (`-I -B`: isolated from
//! `PYTHONPATH` and the current folder, writing no bytecode) that imports each module
//! separately and prints one JSON line; it is one part of the driver that answers every
//! Python check in one launch (`checks/driver.rs`). A passing result is cached in
//! `.course/cache/python-env-<hash>.json`, keyed on the modules, the interpreter and the
//! environment's files, so an unchanged environment is not imported again.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use super::driver::{Part, Planned};
use super::launch::{limit_finding, run_part};
use super::shared::{last_line, pip_name, ImportParams};
use super::{CheckContext, Code, Finding, Group};

mod missing;
mod probe;
use crate::escape::{shell_program, shell_word, Platform};
use crate::i18n::Tr;
use crate::process::RunError;
use crate::python::{show_path, EnvKind, EnvLookup, PythonEnv};
use crate::tr;
use missing::{import_error, missing};
use probe::{parse_probe, read_cache, write_cache, ModuleResult, Probe};

/// Modules that must import, e.g. `[torch, numpy]`; the interpreter may take two minutes
/// by default (importing torch takes seconds, more on a cold disk).
pub type Params = ImportParams<120>;

/// The part this check will ask of the shared interpreter launch, unless it needs none
/// (no running allowed, no environment, a cached pass).
pub(crate) fn planned(params: &Params, ctx: &CheckContext) -> Option<Planned> {
    let env = ctx.environment().found()?;
    if !ctx.allow_exec {
        return None;
    }
    if let Some(cache) = ctx.cache_dir.as_deref() {
        if read_cache(cache, env, &params.modules).is_some() {
            return None;
        }
    }
    Some(params.planned(Part::Probe))
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let env = match ctx.environment() {
        EnvLookup::Found(env) => env,
        // A clone has no environment (it is rightly not committed): when grading, that is
        // not the student's fault; it says how the instructor can check one.
        EnvLookup::NotFound { .. } if !ctx.allow_exec => {
            return vec![Finding::skip(Code::EnvNotInSubmission, tr!(
                "no Python environment in the submission (environments are not committed); to check one, build it from requirements.txt and grade with --exec (`course ci init --with-env` does both)",
                "제출물에 Python 환경이 없습니다 (환경은 커밋하지 않습니다). 확인하려면 requirements.txt로 환경을 만들고 --exec으로 채점하십시오 (`course ci init --with-env`가 둘 다 합니다)"
            ))];
        }
        _ if !ctx.allow_exec => {
            return vec![ctx.exec_disabled("python", &params.modules)];
        }
        EnvLookup::NotFound { looked_in } => return vec![not_found(params, looked_in)],
        EnvLookup::Broken(b) => {
            let file = show_path(&ctx.root, &b.file);
            let mut f = Finding::fail(Code::EnvBroken, b.reason.clone()).hint(b.hint.clone());
            if b.file.starts_with(&ctx.root) {
                f = f.file(file);
            }
            return vec![f];
        }
    };
    let py = show_path(&ctx.root, &env.interpreter);
    if !ctx.allow_exec {
        return vec![ctx.exec_disabled(&py, &params.modules)];
    }
    let label = env.label(&ctx.root);
    let timeout = params.timeout();

    let cache = ctx.cache_dir.as_deref();
    if let Some(cache) = cache {
        if let Some(probe) = read_cache(cache, env, &params.modules) {
            return vec![pass(&probe, &label)];
        }
    }

    let (launch, mut findings) = match run_part(ctx, env, params.planned(Part::Probe), &py) {
        Ok(launched) => launched,
        Err(stopped) => return stopped,
    };
    let sandboxed = launch.status.is_some();
    findings.extend(judge(ctx, env, params, launch.result, timeout, sandboxed));
    findings
}

/// The findings of a probe that ran to its end (or failed to run in the ordinary ways).
fn judge(
    ctx: &CheckContext,
    env: &PythonEnv,
    params: &Params,
    result: Result<Output, RunError>,
    timeout: Duration,
    sandboxed: bool,
) -> Vec<Finding> {
    let mods = params.modules.join(", ");
    let py = show_path(&ctx.root, &env.interpreter);
    let label = env.label(&ctx.root);
    let output = match result {
        Ok(output) => output,
        Err(e) => return vec![launch_failure(ctx, env, &mods, e, timeout)],
    };
    let Some(probe) = parse_probe(&output) else {
        let code = output
            .status
            .code()
            .map_or_else(|| "?".to_string(), |c| c.to_string());
        let last = last_line(&output.stderr);
        return vec![Finding::fail(Code::EnvNotWorking, tr!(
            "the interpreter of {label} does not work: {py} exited with code {code} without answering{last}",
            "{label}의 인터프리터가 동작하지 않습니다: {py}이(가) 답 없이 코드 {code}(으)로 끝났습니다{last}"
        ))
        .hint(recreate(ctx, env))];
    };

    // The interpreter must run this environment, not the Python its link points to.
    if !same_dir(Path::new(&probe.prefix), &env.dir) {
        let prefix = &probe.prefix;
        let dir = show_path(&ctx.root, &env.dir);
        return vec![Finding::fail(Code::EnvWrongInterpreter, tr!(
            "{py} runs the Python installed in {prefix}, not the environment {dir}: packages installed into {dir} are invisible to it",
            "{py}은(는) 환경 {dir}이(가) 아니라 {prefix}에 설치된 Python을 실행합니다: {dir}에 설치한 패키지가 보이지 않습니다"
        ))
        .hint(recreate(ctx, env))];
    }

    probe_findings(ctx, env, params, &probe, sandboxed)
}

/// The findings of a probe that answered from the right environment: each module that did
/// not import, or imported from outside an installed distribution; a pass (cached) if none.
fn probe_findings(
    ctx: &CheckContext,
    env: &PythonEnv,
    params: &Params,
    probe: &Probe,
    sandboxed: bool,
) -> Vec<Finding> {
    let py = show_path(&ctx.root, &env.interpreter);
    let label = env.label(&ctx.root);
    // An import the sandbox stopped (memory, a refused file, too many processes) proves
    // nothing about the environment: could not grade, with the reason.
    if sandboxed {
        let refused = probe.modules.iter().filter(|m| !m.ok).find_map(|m| {
            let err = m.error.as_deref().unwrap_or("");
            let msg = m.message.as_deref().unwrap_or("");
            crate::sandbox::in_text(&format!("{err}: {msg}"))
        });
        if let Some(verdict) = refused {
            return vec![limit_finding(ctx, &verdict, &py)];
        }
    }
    let mut findings = Vec::new();
    for m in probe.modules.iter().filter(|m| !m.ok) {
        findings.push(if m.missing {
            missing(ctx, env, probe, &m.name, &label)
        } else {
            import_error(ctx, env, m, &label)
        });
    }
    for m in probe.modules.iter().filter(|m| m.ok) {
        findings.extend(not_installed(ctx, env, m, &label));
    }
    if !findings.is_empty() {
        return findings;
    }
    if let Some(cache) = ctx.cache_dir.as_deref() {
        write_cache(cache, env, &params.modules, probe);
    }
    vec![pass(probe, &label)]
}

/// The finding for an interpreter that did not run the probe to its end: it hung, could not
/// start, crashed, or could not be run at all.
fn launch_failure(
    ctx: &CheckContext,
    env: &PythonEnv,
    mods: &str,
    error: RunError,
    timeout: Duration,
) -> Finding {
    let py = show_path(&ctx.root, &env.interpreter);
    let run = shell_program(&py);
    let label = env.label(&ctx.root);
    let n = timeout.as_secs();
    match error {
        RunError::TimedOut { .. } => Finding::error(Code::EnvTimeout, tr!(
            "the interpreter {py} did not answer in {n} s while importing {mods}",
            "인터프리터 {py}이(가) {mods}을(를) import하다가 {n}초 안에 답하지 않았습니다"
        ))
        .hint(tr!(
            "run it yourself to see where it hangs, then run `course check` again:\n  {run} -c \"import {mods}\"",
            "직접 실행해 어디서 멈추는지 본 뒤 `course check`를 다시 실행하십시오:\n  {run} -c \"import {mods}\""
        )),
        RunError::Start(e) => Finding::fail(Code::EnvCannotStart, tr!(
            "the interpreter of {label} cannot be started ({py}: {e})",
            "{label}의 인터프리터를 시작할 수 없습니다 ({py}: {e})"
        ))
        .hint(recreate(ctx, env)),
        RunError::Signal { signal, stderr, .. } => {
            let sig = signal.map_or_else(|| "?".to_string(), |s| s.to_string());
            let last = last_line(&stderr);
            Finding::error(Code::EnvCrashed, tr!(
                "the interpreter {py} crashed (signal {sig}) while importing {mods}{last}",
                "인터프리터 {py}이(가) {mods}을(를) import하다가 비정상 종료했습니다 (시그널 {sig}){last}"
            ))
            .hint(tr!(
                "a crash while importing usually means a package built for another system: reinstall it. To see the crash yourself:\n  {run} -c \"import {mods}\"",
                "import 중의 비정상 종료는 보통 다른 시스템용으로 빌드된 패키지 때문입니다: 다시 설치하십시오. 직접 실행해 확인할 수 있습니다:\n  {run} -c \"import {mods}\""
            ))
        }
        e => {
            let e = e.to_string();
            Finding::error(Code::EnvCannotRun, tr!(
                "could not run {py}: {e}",
                "{py}을(를) 실행할 수 없습니다: {e}"
            ))
        }
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        // Cannot tell: do not accuse the environment.
        _ => true,
    }
}

fn pass(probe: &Probe, label: &str) -> Finding {
    let version = &probe.version;
    let mods = probe
        .modules
        .iter()
        .map(|m| match &m.version {
            Some(v) => format!("{} {v}", m.name),
            None => m.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    if mods.is_empty() {
        Finding::pass(
            Code::EnvOk,
            tr!("Python {version} ({label})", "Python {version} ({label})"),
        )
    } else {
        Finding::pass(
            Code::EnvOk,
            tr!(
                "Python {version} ({label}): {mods}",
                "Python {version} ({label}): {mods}"
            ),
        )
    }
}

/// A module that imports but was not installed into this environment: it comes from outside
/// the environment (a system package seen through `include-system-site-packages`, a `.pth`
/// pointing elsewhere), or no installed distribution provides it (a folder copied or
/// written into site-packages, which `pip` never recorded).
fn not_installed(
    ctx: &CheckContext,
    env: &PythonEnv,
    m: &ModuleResult,
    label: &str,
) -> Option<Finding> {
    if m.stdlib || m.where_error.is_some() {
        return None;
    }
    let module = &m.name;
    let py = show_path(&ctx.root, &env.interpreter);
    let run = shell_program(&py);
    let pkg = pip_name(module);
    // A package is its folder (what to remove), not its `__init__.py`.
    let file = m.file.as_deref().map_or_else(String::new, |f| {
        let f = Path::new(f);
        let shown = match f.file_name() {
            Some(n) if n == "__init__.py" => f.parent().unwrap_or(f),
            _ => f,
        };
        show_path(&ctx.root, shown)
    });
    if m.preloaded || !m.exists {
        let (code, message) = if m.preloaded {
            (Code::EnvModulePreloaded, tr!(
                "`{module}` in {label} was already loaded when Python started, before anything imported it: startup code (a `sitecustomize.py` or a `.pth` file) made it up",
                "{label}의 `{module}`은(는) Python이 시작할 때 이미 불려 와 있었습니다. 시작 코드(`sitecustomize.py`나 `.pth` 파일)가 만들어 낸 것입니다"
            ))
        } else {
            (Code::EnvModuleFileMissing, tr!(
                "`{module}` in {label} says it comes from {file}, which does not exist: it was made up in memory",
                "{label}의 `{module}`은(는) {file}에서 왔다고 하지만 그 파일이 없습니다. 메모리에서 만들어 낸 것입니다"
            ))
        };
        return Some(Finding::fail(code, message).hint(tr!(
            "remove what fakes it and install the real package:\n  {run} -m pip install {pkg}",
            "가짜로 만드는 것을 지우고 진짜 패키지를 설치하십시오:\n  {run} -m pip install {pkg}"
        )));
    }
    if !m.inside {
        return Some(
            Finding::fail(Code::EnvModuleOutside, tr!(
                "`{module}` is imported from {file}, outside {label}: it is not installed in this environment",
                "`{module}`을(를) {label} 밖의 {file}에서 가져옵니다. 이 환경에 설치된 것이 아닙니다"
            ))
            .hint(tr!(
                "install it into the environment itself:\n  {run} -m pip install {pkg}",
                "환경 자체에 설치하십시오:\n  {run} -m pip install {pkg}"
            )),
        );
    }
    if m.dists.is_empty() {
        return Some(
            Finding::fail(Code::EnvModuleNotInstalled, tr!(
                "`{module}` in {label} is not an installed package: no distribution installed there provides it ({file} was put there by hand, not by pip or conda)",
                "{label}의 `{module}`은(는) 설치된 패키지가 아닙니다. 그 환경에 설치된 배포판 중 이것을 제공하는 것이 없습니다 ({file}은(는) pip이나 conda가 아니라 손으로 넣은 것입니다)"
            ))
            .hint(tr!(
                "remove {file} and install the real package (pip records what it installs in a `.dist-info` folder):\n  {run} -m pip install {pkg}",
                "{file}을(를) 지우고 진짜 패키지를 설치하십시오 (pip은 설치한 것을 `.dist-info` 폴더에 기록합니다):\n  {run} -m pip install {pkg}"
            )),
        );
    }
    None
}

fn recreate(ctx: &CheckContext, env: &PythonEnv) -> Tr {
    crate::python::recreate_hint(&ctx.root, &show_path(&ctx.root, &env.dir), env.kind)
}

fn not_found(params: &Params, looked_in: &[Tr]) -> Finding {
    let pkgs = pip_names(params).join(" ");
    Finding::fail(
        Code::EnvNotFound,
        tr!(
            "no Python environment found for this workspace (looked at: {places})",
            "이 작업 폴더의 Python 가상환경을 찾지 못했습니다 (찾아본 곳: {places})";
            places = Tr::join(looked_in, "; ")
        ),
    )
    .hint(make_env_hint(Platform::HOST, &pkgs))
}

/// The pip names of the packages that provide `params`' modules (`torch`, `numpy`;
/// `opencv-python` for `cv2`), each once, in order.
pub fn pip_names(params: &Params) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in params.modules.iter().map(|m| pip_name(m)) {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// How to make an environment in the workspace and install `what` into it (`torch numpy`,
/// or `-r requirements.txt`), in `platform`'s commands, with conda as the alternative; shared
/// by this check and `course doctor`.
pub fn make_env_hint(platform: Platform, what: &str) -> Tr {
    let (venv, run) = match platform {
        Platform::Windows => ("py -m venv .venv", ".venv\\Scripts\\python"),
        Platform::Posix => ("python3 -m venv .venv", ".venv/bin/python"),
    };
    tr!(
        "make one in the workspace:\n  {venv}\n  {run} -m pip install {what}\nor with conda, then run course in that shell:\n  conda create -p ./env python=3.12\n  conda activate ./env\n  python -m pip install {what}",
        "작업 폴더에 환경을 만드십시오:\n  {venv}\n  {run} -m pip install {what}\nconda라면 이렇게 만든 뒤 그 셸에서 course를 실행하십시오:\n  conda create -p ./env python=3.12\n  conda activate ./env\n  python -m pip install {what}"
    )
}

#[cfg(test)]
mod tests {
    use super::missing::conda_name;
    use super::*;
    use crate::cache;

    #[test]
    fn params_wait_two_minutes_unless_told() {
        let p: Params = serde_json::from_str(r#"{"modules": ["torch"]}"#).unwrap();
        assert_eq!(p.timeout(), Duration::from_secs(120));
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(cache::fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(cache::fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn pip_and_conda_names() {
        assert_eq!(pip_name("cv2"), "opencv-python");
        assert_eq!(pip_name("torch.nn"), "torch");
        assert_eq!(conda_name("torch"), None);
        assert_eq!(conda_name("numpy").as_deref(), Some("numpy"));
    }

    #[test]
    fn exec_disabled_is_a_skip_even_without_an_environment() {
        let t = tempfile::tempdir().unwrap();
        let ctx = CheckContext::new(t.path(), false, None);
        let params = Params {
            modules: vec!["torch".into()],
            timeout_secs: 120,
        };
        let f = run(&params, &ctx);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].status, super::super::Status::Skip);
        assert!(
            f[0].message.get(crate::i18n::Lang::En).contains("--exec"),
            "{}",
            f[0].message.get(crate::i18n::Lang::En)
        );
    }
}
