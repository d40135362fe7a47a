//! The confined half of the sandbox (`course __sandbox-inner`): limit this very process,
//! then `exec` the program, which inherits every limit (rlimits, the Landlock domain, the
//! seccomp filter and no-new-privileges all survive `exec` and pass to children).
//!
//! Each layer is applied as far as the kernel allows and recorded in the layers file (opened
//! before Landlock closes the file system; an open file stays writable). With `require`,
//! a missing layer means the program is not started at all.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitCode};

use landlock::{
    path_beneath_rules, Access, AccessFs, AccessNet, Ruleset, RulesetAttr, RulesetCreatedAttr,
    RulesetStatus, Scope, ABI,
};
use nix::sys::resource::{setrlimit, Resource};
use seccompiler::{
    SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter, SeccompRule,
    TargetArch,
};

use super::{Layer, Plan};

/// Exit code when the program could not be started (as a shell says for "not found").
const CANNOT_START: u8 = 127;

/// Device files every program may write (output thrown away, random numbers).
const DEVICES: [&str; 5] = [
    "/dev/null",
    "/dev/zero",
    "/dev/full",
    "/dev/random",
    "/dev/urandom",
];

pub(super) fn main(plan: &Plan, program: &OsString, args: &[OsString]) -> ExitCode {
    // Opened before Landlock: an open file stays writable afterwards.
    let mut report = match std::fs::File::create(&plan.layers) {
        Ok(f) => f,
        Err(e) => {
            // Seen by no one under `course` (captured stderr); the supervisor reports the
            // missing layers file as "the confined process reported nothing".
            eprintln!(
                "course sandbox: cannot write {}: {e}",
                plan.layers.display()
            );
            return ExitCode::from(CANNOT_START);
        }
    };
    let skipped = |name: &str| plan.skip.iter().any(|s| s == name);
    let layers = vec![
        limits(plan),
        if skipped("landlock") {
            left_off("landlock")
        } else {
            landlock(plan)
        },
        if skipped("seccomp") {
            left_off("seccomp")
        } else {
            seccomp()
        },
    ];
    let missing: Vec<&str> = layers
        .iter()
        .filter(|l| !l.applied)
        .map(|l| l.name.as_str())
        .collect();
    let refuse = (plan.require && !missing.is_empty()).then(|| {
        format!(
            "--require-sandbox: not started, this system lacks {}",
            missing.join(", ")
        )
    });
    let _ = writeln!(
        report,
        "{}",
        serde_json::to_string(&layers).unwrap_or_default()
    );
    if let Some(why) = refuse {
        let _ = writeln!(
            report,
            "{}",
            serde_json::to_string(&why).unwrap_or_default()
        );
        return ExitCode::from(CANNOT_START);
    }
    let err = Command::new(program)
        .args(args)
        .env_clear()
        .envs(plan.env.iter().map(|(k, v)| (k, v)))
        .current_dir(&plan.cwd)
        .exec();
    let why = format!("{}: {err}", std::path::Path::new(program).display());
    let _ = writeln!(
        report,
        "{}",
        serde_json::to_string(&why).unwrap_or_default()
    );
    // For a person running the hidden mode by hand. Under `course` this line lands in the
    // program's captured stderr and is not shown: the reason goes back through the layers
    // file above, and the check says it in the learner's language, wrapped. This process is
    // confined (no locale, no terminal), so it says no more than this.
    eprintln!("course sandbox: cannot start {why}");
    ExitCode::from(CANNOT_START)
}

fn layer(name: &str, applied: bool, note: impl Into<String>) -> Layer {
    Layer {
        name: name.to_string(),
        applied,
        note: note.into(),
    }
}

/// A layer left off on purpose ([`super::SKIP_VAR`]), reported as missing.
fn left_off(name: &str) -> Layer {
    layer(name, false, format!("left off by {}", super::SKIP_VAR))
}

const MIB: u64 = 1024 * 1024;

/// Resource limits; `RLIMIT_NPROC` counts every process of the user, so it is set above
/// the user's current count (and binds nobody running as root: the supervisor counts too).
fn limits(plan: &Plan) -> Layer {
    let l = &plan.limits;
    let procs = l.processes.saturating_add(processes_of_this_user());
    let set = [
        (
            Resource::RLIMIT_CPU,
            l.cpu_secs,
            l.cpu_secs.saturating_add(2),
        ),
        (Resource::RLIMIT_DATA, mib(l.memory_mib), mib(l.memory_mib)),
        (
            Resource::RLIMIT_AS,
            mib(l.address_space_mib),
            mib(l.address_space_mib),
        ),
        (Resource::RLIMIT_NPROC, procs, procs),
        (
            Resource::RLIMIT_FSIZE,
            mib(l.file_size_mib),
            mib(l.file_size_mib),
        ),
        (Resource::RLIMIT_NOFILE, l.open_files, l.open_files),
        (Resource::RLIMIT_CORE, 0, 0),
    ];
    let failed: Vec<String> = set
        .into_iter()
        .filter_map(|(r, soft, hard)| {
            // A hard limit can only be lowered: keep the current one when it is lower.
            let (_, cur_hard) = nix::sys::resource::getrlimit(r).unwrap_or((hard, hard));
            let hard = hard.min(cur_hard);
            setrlimit(r, soft.min(hard), hard)
                .err()
                .map(|e| format!("{r:?}: {e}"))
        })
        .collect();
    if failed.is_empty() {
        layer("limits", true, "")
    } else {
        layer("limits", false, failed.join("; "))
    }
}

fn mib(n: u64) -> u64 {
    n.saturating_mul(MIB)
}

/// How many processes this user runs now (what `RLIMIT_NPROC` counts against).
fn processes_of_this_user() -> u64 {
    use std::os::unix::fs::MetadataExt;
    // The owner of /proc/self is this process's user.
    let Ok(uid) = std::fs::metadata("/proc/self").map(|m| m.uid()) else {
        return 0;
    };
    if uid == 0 {
        return 0;
    }
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        if !name.to_string_lossy().bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if e.metadata().is_ok_and(|m| m.uid() == uid) {
            // Threads count too.
            n += std::fs::read_dir(e.path().join("task")).map_or(1, |t| t.count() as u64);
        }
    }
    n
}

/// The newest Landlock ABI this build asks for; older kernels get what they support.
const LANDLOCK_ABI: ABI = ABI::V6;

fn landlock(plan: &Plan) -> Layer {
    let abi = LANDLOCK_ABI;
    let status = (|| -> Result<_, landlock::RulesetError> {
        let devices = AccessFs::from_read(abi) | AccessFs::WriteFile;
        Ruleset::default()
            .handle_access(AccessFs::from_all(abi))?
            .handle_access(AccessNet::from_all(abi))?
            .scope(Scope::from_all(abi))?
            .create()?
            .add_rules(path_beneath_rules(&plan.read, AccessFs::from_read(abi)))?
            .add_rules(path_beneath_rules(DEVICES, devices))?
            .add_rules(path_beneath_rules([&plan.write], AccessFs::from_all(abi)))?
            .restrict_self()
    })();
    match status {
        Ok(s) => {
            let abi = match s.landlock {
                landlock::LandlockStatus::Available {
                    effective_abi,
                    kernel_abi,
                } => match kernel_abi {
                    Some(k) => format!("ABI {k}"),
                    None => format!("ABI {}", effective_abi as i32),
                },
                landlock::LandlockStatus::NotEnabled => "not enabled in this kernel".into(),
                landlock::LandlockStatus::NotImplemented => "not built into this kernel".into(),
            };
            match s.ruleset {
                RulesetStatus::FullyEnforced => layer("landlock", true, abi),
                // Files are confined from ABI 1; TCP (4) and signals (6) come later.
                RulesetStatus::PartiallyEnforced => {
                    layer("landlock", true, format!("{abi}, partly (older kernel)"))
                }
                RulesetStatus::NotEnforced => layer("landlock", false, abi),
            }
        }
        Err(e) => layer("landlock", false, e.to_string()),
    }
}

/// `socket()` of any family but `AF_UNIX` kills the process (the attempt shows as
/// `SIGSYS`); `io_uring_setup` and `connect` fail with `EACCES`. Sets no-new-privileges.
fn seccomp() -> Layer {
    let built = (|| -> Result<seccompiler::BpfProgram, seccompiler::Error> {
        let arch = TargetArch::try_from(std::env::consts::ARCH)?;
        let not_unix = SeccompCondition::new(
            0,
            SeccompCmpArgLen::Dword,
            SeccompCmpOp::Ne,
            libc::AF_UNIX as u64,
        )?;
        let kill: BTreeMap<i64, Vec<SeccompRule>> =
            [(libc::SYS_socket, vec![SeccompRule::new(vec![not_unix])?])].into();
        let kill =
            SeccompFilter::new(kill, SeccompAction::Allow, SeccompAction::KillProcess, arch)?;
        let refuse: BTreeMap<i64, Vec<SeccompRule>> = [
            (libc::SYS_io_uring_setup, vec![]),
            (libc::SYS_connect, vec![]),
        ]
        .into();
        let refuse = SeccompFilter::new(
            refuse,
            SeccompAction::Allow,
            SeccompAction::Errno(libc::EACCES as u32),
            arch,
        )?;
        let mut prog: seccompiler::BpfProgram = kill.try_into()?;
        let refuse: seccompiler::BpfProgram = refuse.try_into()?;
        // Two filters: both are installed and the stricter verdict wins.
        seccompiler::apply_filter(&refuse)?;
        prog.shrink_to_fit();
        Ok(prog)
    })();
    match built.and_then(|prog| seccompiler::apply_filter(&prog).map(|()| prog)) {
        Ok(_) => layer("seccomp", true, "sockets other than AF_UNIX refused"),
        Err(e) => layer("seccomp", false, e.to_string()),
    }
}
