//! Running a workspace's interpreter in a sandbox that needs neither root nor containers.
//!
//! `course` never starts a workspace's program directly. It starts itself as
//! `course __sandbox PLAN -- PROGRAM ARGS`, a *supervisor* (`supervise`), which becomes a
//! child subreaper and starts `course __sandbox-inner PLAN -- PROGRAM ARGS`, the *confined*
//! process (`confine`). That one limits itself with safe system interfaces and then
//! `exec`s the program, which inherits every limit:
//!
//! - resource limits: CPU seconds, data memory (`RLIMIT_DATA`: heap and anonymous maps, not
//!   the libraries a CUDA build of torch maps), address space, processes, file size, open
//!   files, no core files;
//! - Landlock: the workspace, the environment, its base Python and the system's folders
//!   readable, a private temporary folder writable, nothing else (no grader's `$HOME`); no
//!   TCP (ABI 4), no signals to processes outside (ABI 6);
//! - seccomp: `socket()` of any family but `AF_UNIX` ends the process (so the attempt is
//!   seen, as `SIGSYS`), `io_uring` is refused (it opens sockets without `socket()`),
//!   `connect()` is refused (a local socket such as Docker's), and no new privileges;
//! - a cleared environment: `PATH`, a temporary `HOME` and `TMPDIR`, `LANG`.
//!
//! The supervisor keeps the deadline, counts the processes below it (Linux exempts root
//! from `RLIMIT_NPROC`, so a fork bomb is also stopped by count), and when the program ends
//! stops everything it left behind (orphans come to the subreaper), so a background child
//! neither outlives the check nor keeps `course` reading its output. It writes what it saw
//! to a status file outside the sandbox's reach.
//!
//! No `unsafe`: the limits are applied by the process to itself before `exec` (no
//! `pre_exec` hook), through `nix`, `landlock` and `seccompiler`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::process::{run_with_timeout, RunError};

#[cfg(target_os = "linux")]
mod confine;
#[cfg(target_os = "linux")]
mod supervise;
mod verdict;

pub use verdict::{in_text, verdict, Verdict};

/// The hidden command-line mode of the supervisor.
pub const SUPERVISOR_ARG: &str = "__sandbox";
/// The hidden command-line mode of the confined process.
pub const INNER_ARG: &str = "__sandbox-inner";

/// Resource limits of a sandboxed program, in the spirit of PrairieLearn's defaults
/// (2 GiB memory, 30 s, 1,024 processes). A course sets them under `sandbox:` in
/// `course.yaml`; an instructor overrides them with `--sandbox-limit NAME=VALUE`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Limits {
    /// CPU seconds (`RLIMIT_CPU`); the wall-clock timeout is the check's own.
    pub cpu_secs: u64,
    /// Heap and anonymous memory in MiB (`RLIMIT_DATA`).
    pub memory_mib: u64,
    /// Virtual address space in MiB (`RLIMIT_AS`): generous, as CUDA libraries map GBs.
    pub address_space_mib: u64,
    /// Processes and threads below the supervisor.
    pub processes: u64,
    /// Largest file the program may write, in MiB (`RLIMIT_FSIZE`).
    pub file_size_mib: u64,
    /// Open files (`RLIMIT_NOFILE`).
    pub open_files: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            cpu_secs: 30,
            memory_mib: 2048,
            address_space_mib: 16384,
            processes: 1024,
            file_size_mib: 64,
            open_files: 1024,
        }
    }
}

impl Limits {
    /// The names `--sandbox-limit` and `course.yaml` accept.
    pub const NAMES: [&'static str; 6] = [
        "cpu-secs",
        "memory-mib",
        "address-space-mib",
        "processes",
        "file-size-mib",
        "open-files",
    ];

    /// Apply `name=value` (a positive whole number); the error says what is accepted, in
    /// the run's languages (it is shown after `--sandbox-limit`).
    pub fn set(&mut self, assignment: &str) -> Result<(), crate::i18n::Tr> {
        let names = Self::NAMES.join(", ");
        let Some((name, value)) = assignment.split_once('=') else {
            return Err(crate::tr!(
                "`{assignment}` is not NAME=VALUE (names: {names})",
                "`{assignment}`은(는) 이름=값 꼴이 아닙니다 (이름: {names})"
            ));
        };
        let value: u64 = match value.trim().parse() {
            Ok(v) if v > 0 => v,
            _ => {
                return Err(crate::tr!(
                    "`{assignment}`: the value must be a whole number above 0",
                    "`{assignment}`: 값은 0보다 큰 정수여야 합니다"
                ))
            }
        };
        let slot = match name.trim() {
            "cpu-secs" => &mut self.cpu_secs,
            "memory-mib" => &mut self.memory_mib,
            "address-space-mib" => &mut self.address_space_mib,
            "processes" => &mut self.processes,
            "file-size-mib" => &mut self.file_size_mib,
            "open-files" => &mut self.open_files,
            other => {
                return Err(crate::tr!(
                    "unknown limit `{other}` (names: {names})",
                    "`{other}`(이)라는 제한은 없습니다 (이름: {names})"
                ))
            }
        };
        *slot = value;
        Ok(())
    }
}

/// How checks run workspace programs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Run without the sandbox (`--no-sandbox`): only a timeout and the process group.
    pub off: bool,
    /// Refuse to run when a protection is missing on this system (`--require-sandbox`).
    pub require: bool,
    pub limits: Limits,
}

/// One protection and whether this system applied it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// `limits`, `landlock`, `seccomp`, `no-new-privs`, `subreaper`.
    pub name: String,
    pub applied: bool,
    /// Why not, or how much (`ABI 7`).
    pub note: String,
}

/// Why the supervisor stopped the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stop {
    /// The wall-clock deadline passed.
    Timeout,
    /// More processes than the limit.
    Processes,
}

/// What the supervisor saw (its status file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub layers: Vec<Layer>,
    /// The program's exit code, when it exited.
    pub exit_code: Option<i32>,
    /// The signal that ended the program.
    pub signal: Option<i32>,
    /// Signals that ended other processes the supervisor reaped (orphans).
    pub orphan_signals: Vec<i32>,
    pub stopped: Option<Stop>,
    /// Processes still running when the program ended (stopped by the supervisor).
    pub left_running: u32,
    /// The most processes seen at once below the supervisor.
    pub peak_processes: u32,
    /// The program could not be started (or the sandbox refused to start it).
    pub start_error: Option<String>,
}

impl Status {
    /// The protections that did not apply, by name.
    pub fn missing(&self) -> Vec<&Layer> {
        self.layers.iter().filter(|l| !l.applied).collect()
    }
}

/// What the confined process is given (as JSON on the command line).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Plan {
    pub limits: Limits,
    /// Readable (and executable) folders and files.
    pub read: Vec<PathBuf>,
    /// The private folder the program may write (its `HOME` and `TMPDIR` are inside).
    pub write: PathBuf,
    pub env: Vec<(String, String)>,
    pub cwd: PathBuf,
    pub deadline_ms: u64,
    /// Written by the supervisor when everything has ended.
    pub status: PathBuf,
    /// Written by the confined process before `exec`: its layers, or why it did not start.
    pub layers: PathBuf,
    /// Do not start the program when a layer is missing.
    pub require: bool,
    /// Layers to leave off as a kernel without them would ([`SKIP_VAR`]).
    #[serde(default)]
    pub skip: Vec<String>,
}

/// `COURSE_SANDBOX_SKIP=landlock,seccomp`: leave those layers off, as on a kernel that lacks
/// them, so the partial-sandbox note and `--require-sandbox`'s refusal can be tried (and
/// tested) on a machine that has every layer. Read by `course` itself, never from the
/// submission; it weakens nothing `COURSE_NO_SANDBOX` does not already turn off.
pub const SKIP_VAR: &str = "COURSE_SANDBOX_SKIP";

/// The layers [`SKIP_VAR`] can leave off.
pub const SKIPPABLE: [&str; 2] = ["landlock", "seccomp"];

/// The layers named in [`SKIP_VAR`] (others are ignored).
fn skipped_layers() -> Vec<String> {
    let asked = std::env::var(SKIP_VAR).unwrap_or_default();
    SKIPPABLE
        .iter()
        .filter(|layer| asked.split([',', ' ']).any(|a| a.trim() == **layer))
        .map(|layer| layer.to_string())
        .collect()
}

/// A program's output and what the sandbox saw (`None` when run without it).
#[derive(Debug)]
pub struct Run {
    pub output: Output,
    pub status: Option<Status>,
}

/// Folders every program needs to read: the system's libraries, configuration, `/proc`.
const SYSTEM_READ: [&str; 13] = [
    "/usr",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/bin",
    "/sbin",
    "/etc",
    "/opt",
    "/proc",
    "/sys",
    "/nix/store",
    "/dev",
];

/// Run `program args` from `cwd`, sandboxed per `settings`, reading also `read` (the
/// workspace, the environment, its base Python). The supervisor stops it after `timeout`.
pub fn run(
    program: &Path,
    args: &[OsString],
    cwd: &Path,
    read: &[PathBuf],
    settings: &Settings,
    timeout: Duration,
) -> Result<Run, RunError> {
    if settings.off || !cfg!(target_os = "linux") {
        let mut cmd = Command::new(program);
        cmd.args(args).current_dir(cwd);
        let output = run_with_timeout(cmd, timeout)?;
        return Ok(Run {
            output,
            status: None,
        });
    }
    let dir = tempfile::Builder::new()
        .prefix("course-sandbox-")
        .tempdir()
        .map_err(RunError::Start)?;
    let write = dir.path().join("box");
    for sub in ["home", "tmp"] {
        std::fs::create_dir_all(write.join(sub)).map_err(RunError::Start)?;
    }
    let mut readable: Vec<PathBuf> = SYSTEM_READ.iter().map(PathBuf::from).collect();
    readable.extend(read.iter().cloned());
    let plan = Plan {
        limits: settings.limits.clone(),
        read: readable,
        env: vec![
            ("PATH".into(), "/usr/local/bin:/usr/bin:/bin".into()),
            ("HOME".into(), write.join("home").display().to_string()),
            ("TMPDIR".into(), write.join("tmp").display().to_string()),
            ("LANG".into(), "C.UTF-8".into()),
            ("PYTHONDONTWRITEBYTECODE".into(), "1".into()),
            ("PYTHONIOENCODING".into(), "utf-8".into()),
        ],
        write,
        cwd: cwd.to_path_buf(),
        deadline_ms: u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX),
        status: dir.path().join("status.json"),
        layers: dir.path().join("layers.json"),
        require: settings.require,
        skip: skipped_layers(),
    };
    let json =
        serde_json::to_string(&plan).map_err(|e| RunError::Start(std::io::Error::other(e)))?;
    let exe = launcher().map_err(RunError::Start)?;
    let mut cmd = Command::new(exe);
    cmd.arg(SUPERVISOR_ARG)
        .arg(json)
        .arg("--")
        .arg(program)
        .args(args)
        .current_dir(cwd);
    // The supervisor keeps the deadline; this one only catches a supervisor that hangs.
    let output = run_with_timeout(cmd, timeout + Duration::from_secs(10))?;
    let status = crate::fs::read_text(&plan.status, crate::fs::SMALL)
        .ok()
        .and_then(|t| serde_json::from_str::<Status>(&t).ok())
        .ok_or_else(|| {
            let err = String::from_utf8_lossy(&output.stderr);
            let last = err.lines().last().unwrap_or("").trim().to_string();
            RunError::Start(std::io::Error::other(format!(
                "the sandbox did not start ({last})"
            )))
        })?;
    Ok(Run {
        output,
        status: Some(status),
    })
}

/// The `course` executable that runs the supervisor: this one, or `COURSE_SANDBOX_EXE`
/// (for a library embedding `course`'s checks, whose own executable has no such mode).
fn launcher() -> std::io::Result<PathBuf> {
    match std::env::var_os("COURSE_SANDBOX_EXE") {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => std::env::current_exe(),
    }
}

/// The hidden modes: `course __sandbox PLAN -- PROGRAM ARGS` and its inner half. `None`
/// when `args` (without the program name) are not one of them; a [`Misuse`] when they are
/// but were not written by `course` itself (someone typed `course __sandbox`).
pub fn hidden_main(args: &[OsString]) -> Option<Result<std::process::ExitCode, Misuse>> {
    let mode = args.first()?.to_str()?;
    if mode != SUPERVISOR_ARG && mode != INNER_ARG {
        return None;
    }
    Some(hidden(mode, &args[1..]))
}

/// A hidden mode run in a way `course` never runs it. The caller says it to the person
/// (localized and wrapped like every message, exit code 2); the modes themselves print
/// nothing of their own.
#[derive(Debug, PartialEq, Eq)]
pub enum Misuse {
    /// No plan, or a plan that does not parse.
    ByHand(String),
    /// The program does not follow `--`.
    NoSeparator(String),
    /// Not Linux: there is no sandbox to run.
    NotLinux,
}

impl Misuse {
    /// What to say.
    pub fn text(&self) -> crate::i18n::Tr {
        match self {
            Misuse::ByHand(mode) => crate::tr!(
                "`course {mode}` is an internal mode of course (its sandbox), not for use by hand",
                "`course {mode}`은(는) course가 안에서 쓰는 모드(샌드박스)입니다. 직접 실행하지 마십시오"
            ),
            Misuse::NoSeparator(mode) => crate::tr!(
                "`course {mode}`: `--` expected before the program",
                "`course {mode}`: 프로그램 앞에 `--`가 있어야 합니다"
            ),
            Misuse::NotLinux => crate::tr!(
                "the sandbox needs Linux",
                "샌드박스는 Linux에서만 실행됩니다"
            ),
        }
    }
}

fn hidden(mode: &str, args: &[OsString]) -> Result<std::process::ExitCode, Misuse> {
    let parsed = args
        .first()
        .and_then(|p| p.to_str())
        .and_then(|p| serde_json::from_str::<Plan>(p).ok());
    let (Some(plan), Some(sep), Some(program)) = (parsed, args.get(1), args.get(2)) else {
        return Err(Misuse::ByHand(mode.to_string()));
    };
    if sep != "--" {
        return Err(Misuse::NoSeparator(mode.to_string()));
    }
    let rest = &args[3..];
    #[cfg(target_os = "linux")]
    {
        Ok(if mode == SUPERVISOR_ARG {
            supervise::main(&plan, args)
        } else {
            confine::main(&plan, program, rest)
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (plan, program, rest);
        Err(Misuse::NotLinux)
    }
}

/// Folders a program of the environment `env_dir` with interpreter `interpreter` reads:
/// the environment, the folder its interpreter resolves into (the base Python's prefix,
/// e.g. `/usr/local` or `~/.pyenv/versions/3.12.1`) and the `home` of `pyvenv.cfg`.
///
/// Both come from the workspace (a link, a line of `pyvenv.cfg`), so a prefix is only
/// opened when it is a Python installation (`lib/python3...` or `conda-meta/`), never `/`
/// and never a folder above `$HOME`: `home = /home/grader` must not open the grader's files.
pub fn python_read_paths(env_dir: &Path, interpreter: &Path, home: Option<&str>) -> Vec<PathBuf> {
    let mut out = vec![env_dir.to_path_buf()];
    if let Ok(real) = env_dir.canonicalize() {
        out.push(real);
    }
    let prefix_of = |bin: &Path| -> Option<PathBuf> {
        let dir = bin.parent()?;
        let prefix = match dir.file_name() {
            Some(n) if n == "bin" => dir.parent()?.to_path_buf(),
            _ => dir.to_path_buf(),
        };
        let prefix = prefix.canonicalize().ok()?;
        is_python_prefix(&prefix).then_some(prefix)
    };
    if let Ok(real) = interpreter.canonicalize() {
        out.extend(prefix_of(&real));
    }
    if let Some(home) = home {
        out.extend(prefix_of(&Path::new(home).join("python")));
    }
    out.sort();
    out.dedup();
    out
}

/// A folder holding a Python installation, and not `/` or a folder holding `$HOME`.
fn is_python_prefix(prefix: &Path) -> bool {
    if prefix.parent().is_none() {
        return false;
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if home.is_some_and(|h| h.starts_with(prefix)) {
        return false;
    }
    let has_lib_python = std::fs::read_dir(prefix.join("lib")).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("python3"))
    });
    has_lib_python || prefix.join("conda-meta").is_dir()
}
