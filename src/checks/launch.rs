//! Running the workspace's interpreter for a check, in the sandbox (`crate::sandbox`), and
//! the findings for what the sandbox saw: a network attempt, a fork bomb, memory or CPU
//! used up, a refused file, processes left behind; `--require-sandbox` on a system that
//! lacks a protection; and, once per workspace, which protections this system lacks.
//!
//! Each of those is an `error` finding (could not grade) with its own code: never a crash
//! of `course` and never a pass of something that was stopped.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{ExitStatus, Output};
use std::time::Duration;

use super::driver::Planned;
use super::{CheckContext, Code, Finding, Step};
use crate::process::RunError;
use crate::python::PythonEnv;
use crate::sandbox::{self, Status, Stop, Verdict};
use crate::tr;

/// A finished launch: the outcome as the checks know it, and the sandbox's status.
pub(crate) struct Launch {
    pub result: Result<Output, RunError>,
    pub status: Option<Status>,
    /// What the sandbox saw is held against this result (see `driver::SharedRun::view`).
    pub verdict_applies: bool,
}

/// Run `env`'s interpreter with `args` from the workspace root, sandboxed as the context
/// says, stopped after `step.max`, showing `step` through the context while it runs.
pub(crate) fn run_python(
    ctx: &CheckContext,
    env: &PythonEnv,
    args: &[OsString],
    step: &Step,
) -> Launch {
    let timeout = step.max;
    let mut read: Vec<PathBuf> = vec![ctx.root.clone()];
    read.extend(ctx.root.canonicalize().ok());
    let home = env.cfg.as_ref().and_then(|c| c.home.as_deref());
    read.extend(sandbox::python_read_paths(&env.dir, &env.interpreter, home));
    let run = ctx.while_waiting(step, || {
        sandbox::run(
            &env.interpreter,
            args,
            &ctx.root,
            &read,
            &ctx.sandbox,
            timeout,
        )
    });
    match run {
        Err(e) => Launch {
            result: Err(e),
            status: None,
            verdict_applies: true,
        },
        Ok(run) => match run.status {
            None => Launch {
                result: Ok(run.output),
                status: None,
                verdict_applies: true,
            },
            Some(status) => Launch {
                result: outcome(run.output, &status, timeout),
                status: Some(status),
                verdict_applies: true,
            },
        },
    }
}

/// The supervisor's account as the result an unsandboxed run would have given.
fn outcome(output: Output, status: &Status, timeout: Duration) -> Result<Output, RunError> {
    let Output { stdout, stderr, .. } = output;
    if let Some(e) = &status.start_error {
        return Err(RunError::Start(std::io::Error::other(e.clone())));
    }
    if status.stopped == Some(Stop::Timeout) {
        return Err(RunError::TimedOut {
            after: timeout,
            stdout,
            stderr,
        });
    }
    if let Some(signal) = status.signal {
        return Err(RunError::Signal {
            signal: Some(signal),
            stdout,
            stderr,
        });
    }
    let code = status.exit_code.unwrap_or(1);
    Ok(Output {
        status: exit_status(code),
        stdout,
        stderr,
    })
}

#[cfg(unix)]
fn exit_status(code: i32) -> ExitStatus {
    use std::os::unix::process::ExitStatusExt;
    ExitStatus::from_raw((code & 0xff) << 8)
}

#[cfg(windows)]
fn exit_status(code: i32) -> ExitStatus {
    use std::os::windows::process::ExitStatusExt;
    ExitStatus::from_raw(code as u32)
}

/// Run this check's part of the shared interpreter launch and read what the sandbox saw
/// first. `Err` holds the findings that end the check (the sandbox refused, or the program
/// ran into a limit, so its output proves nothing; or the context starts no interpreter);
/// `Ok` holds the launch and the notes that come before the check's own findings. `py`
/// names the interpreter. Called only after the check found no cached pass.
pub(crate) fn run_part(
    ctx: &CheckContext,
    env: &PythonEnv,
    planned: Planned,
    py: &str,
) -> Result<(Launch, Vec<Finding>), Vec<Finding>> {
    // The one place a check launches the interpreter, so the one place to refuse it.
    if ctx.remembered_only {
        return Err(vec![Finding::skip(
            Code::ExecNotNow,
            tr!(
                "not run now: showing a lesson starts no interpreter (`{py}`); `course check` runs it",
                "지금은 실행하지 않았습니다: 레슨을 보여 줄 때는 인터프리터를 시작하지 않습니다(`{py}`). `course check`가 실행합니다"
            ),
        )]);
    }
    let launch = ctx.python(env, planned);
    let findings = sandbox_findings(ctx, &launch, py);
    if findings.iter().any(|f| f.status == super::Status::Error) {
        return Err(findings);
    }
    Ok((launch, findings))
}

/// Findings that come before the check's own reading of the result: `--require-sandbox`
/// refused, or the program ran into a limit (then its output proves nothing). The note
/// about missing protections comes once per workspace. `py` names the interpreter.
fn sandbox_findings(ctx: &CheckContext, launch: &Launch, py: &str) -> Vec<Finding> {
    let Some(status) = &launch.status else {
        return Vec::new();
    };
    let missing = status
        .missing()
        .iter()
        .map(|l| format!("{} ({})", l.name, l.note))
        .collect::<Vec<_>>()
        .join(", ");
    if ctx.sandbox.require && !missing.is_empty() {
        return vec![Finding::error(Code::SandboxUnavailable, tr!(
            "{py} was not run: --require-sandbox is given and this system lacks part of the sandbox: {missing}",
            "{py}을(를) 실행하지 않았습니다: --require-sandbox가 주어졌는데 이 시스템에는 샌드박스의 일부가 없습니다: {missing}"
        ))
        .hint(tr!(
            "grade on Linux 5.13 or newer with Landlock and seccomp enabled (`cat /sys/kernel/security/lsm` lists landlock), or leave out --require-sandbox",
            "Landlock과 seccomp가 켜진 Linux 5.13 이상에서 채점하거나 (`cat /sys/kernel/security/lsm`에 landlock이 있어야 합니다) --require-sandbox를 빼십시오"
        ))];
    }
    let mut out = Vec::new();
    if launch.verdict_applies {
        out.extend(verdict_finding(ctx, launch, status, py));
    }
    if !missing.is_empty() && !ctx.sandbox_noted.replace(true) {
        out.push(Finding::skip(Code::SandboxPartial, tr!(
            "note: this system lacks part of the sandbox ({missing}); the other protections applied",
            "참고: 이 시스템에는 샌드박스의 일부가 없습니다 ({missing}). 나머지 보호는 적용했습니다"
        )));
    }
    out
}

fn verdict_finding(
    ctx: &CheckContext,
    launch: &Launch,
    status: &Status,
    py: &str,
) -> Option<Finding> {
    let stderr: &[u8] = match &launch.result {
        Ok(o) => &o.stderr,
        Err(RunError::Signal { stderr, .. }) | Err(RunError::TimedOut { stderr, .. }) => stderr,
        Err(_) => &[],
    };
    let verdict = sandbox::verdict(status, stderr)?;
    // A timeout is the check's own finding (it knows what was being imported).
    if status.stopped == Some(Stop::Timeout) && matches!(verdict, Verdict::LeftRunning(_)) {
        return None;
    }
    Some(limit_finding(ctx, &verdict, py))
}

/// The finding for a limit the program ran into (also used for an exception the probe
/// caught while importing).
pub(crate) fn limit_finding(ctx: &CheckContext, verdict: &Verdict, py: &str) -> Finding {
    let l = &ctx.sandbox.limits;
    let on_import = tr!(
        "code that runs when Python starts or imports (a package's `__init__.py`, module top level, a `.pth` file, `sitecustomize`) must not do this; keep such work in functions you call yourself",
        "Python이 시작하거나 import할 때 실행되는 코드(패키지의 `__init__.py`, 모듈 최상위, `.pth` 파일, `sitecustomize`)는 이런 일을 하면 안 됩니다. 그런 작업은 직접 호출하는 함수 안에 두십시오"
    );
    match verdict {
        Verdict::Network => Finding::error(Code::SandboxNetwork, tr!(
            "{py} tried to open a network connection; checks run without network, so the sandbox stopped it and this was not graded",
            "{py}이(가) 네트워크 연결을 열려고 했습니다. 확인은 네트워크 없이 실행되므로 샌드박스가 중단했고, 채점하지 못했습니다"
        ))
        .hint(on_import),
        Verdict::Processes => {
            let n = l.processes;
            Finding::error(Code::SandboxProcesses, tr!(
                "{py} started more processes than the {n} allowed and was stopped; this was not graded",
                "{py}이(가) 허용된 {n}개보다 많은 프로세스를 만들어 중단했습니다. 채점하지 못했습니다"
            ))
            .hint(on_import)
        }
        Verdict::CpuTime => {
            let n = l.cpu_secs;
            Finding::error(Code::SandboxCpuTime, tr!(
                "{py} used up its {n} CPU seconds and was stopped; this was not graded",
                "{py}이(가) 허용된 CPU 시간 {n}초를 다 써서 중단했습니다. 채점하지 못했습니다"
            ))
            .hint(tr!(
                "look for a loop that runs on import; an instructor can allow more with `--sandbox-limit cpu-secs=N`",
                "import할 때 도는 반복문이 있는지 보십시오. 강사는 `--sandbox-limit cpu-secs=N`으로 늘릴 수 있습니다"
            ))
        }
        Verdict::FileSize => {
            let n = l.file_size_mib;
            Finding::error(Code::SandboxFileSize, tr!(
                "{py} wrote a file larger than the {n} MiB allowed and was stopped; this was not graded",
                "{py}이(가) 허용된 {n} MiB보다 큰 파일을 써서 중단했습니다. 채점하지 못했습니다"
            ))
            .hint(on_import)
        }
        Verdict::Memory(line) => {
            let n = l.memory_mib;
            Finding::error(Code::SandboxMemory, tr!(
                "{py} asked for more memory than the {n} MiB allowed ({line}); this was not graded",
                "{py}이(가) 허용된 {n} MiB보다 많은 메모리를 요청했습니다 ({line}). 채점하지 못했습니다"
            ))
            .hint(tr!(
                "do not load data or models on import; an instructor can allow more with `--sandbox-limit memory-mib=N`",
                "import할 때 데이터나 모델을 불러오지 마십시오. 강사는 `--sandbox-limit memory-mib=N`으로 늘릴 수 있습니다"
            ))
        }
        Verdict::Denied(line) => Finding::error(Code::SandboxDenied, tr!(
            "{py} tried to use a file the sandbox does not open ({line}); checks write only in a temporary folder and read only the workspace, the environment and the system's files, so this was not graded",
            "{py}이(가) 샌드박스가 열어 주지 않는 파일을 쓰려고 했습니다 ({line}). 확인은 임시 폴더에만 쓰고 작업 폴더, 환경, 시스템 파일만 읽으므로 채점하지 못했습니다"
        ))
        .hint(tr!(
            "code that runs on import must not write into the workspace or read files elsewhere (such as your home folder); write logs and caches in functions you call yourself",
            "import할 때 실행되는 코드는 작업 폴더에 쓰거나 다른 곳(홈 폴더 등)의 파일을 읽으면 안 됩니다. 로그와 캐시는 직접 호출하는 함수 안에서 쓰십시오"
        )),
        Verdict::LeftRunning(n) => {
            let procs = crate::i18n::count(*n as usize, "process", "processes");
            Finding::error(Code::SandboxLeftRunning, tr!(
                "{py} left {procs} running after it ended; they were stopped and this was not graded",
                "{py}이(가) 끝난 뒤에도 프로세스 {n}개가 남아 있어 중단했습니다. 채점하지 못했습니다"
            ))
            .hint(on_import)
        }
    }
}
