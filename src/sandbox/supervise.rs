//! The supervising half of the sandbox (`course __sandbox`): start the confined program,
//! keep its deadline and process count, and leave nothing behind.
//!
//! The supervisor is a child subreaper: a process whose parent ends is handed to it rather
//! than to init, so every process the program starts stays below it, also one that calls
//! `setsid()` to leave the process group. One thread reaps children (`waitpid(-1)`); the
//! main thread polls every few milliseconds for the deadline and the count, and once the
//! program has ended kills whatever is left until nothing is. Then it writes the status
//! file and exits; the output pipes close with the last process, so `course` never waits
//! for a child that keeps them open.

use std::ffi::OsString;
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use super::{Layer, Plan, Status, Stop, INNER_ARG};

/// How often the deadline and the process count are looked at.
const POLL: Duration = Duration::from_millis(20);

enum Event {
    Reaped(WaitStatus),
    /// No child is left: everything below the supervisor has ended.
    NoChildren,
}

/// `all_args`: the plan, `--`, the program and its arguments, passed on unchanged.
pub(super) fn main(plan: &Plan, all_args: &[OsString]) -> ExitCode {
    let subreaper = nix::sys::prctl::set_child_subreaper(true);
    let mut status = Status::default();
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return finish(plan, status_with_error(status, e.to_string())),
    };
    // The same plan and program, for the confined half. Same process group as the
    // supervisor: an interrupt of `course` stops the whole group at once.
    let spawned = Command::new(exe)
        .arg(INNER_ARG)
        .args(all_args)
        .stdin(Stdio::null())
        .spawn();
    let child = match spawned {
        Ok(c) => c,
        Err(e) => return finish(plan, status_with_error(status, e.to_string())),
    };
    let main_pid = Pid::from_raw(i32::try_from(child.id()).unwrap_or(i32::MAX));
    // The child is reaped by the thread below (never by `Child::wait`).
    drop(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || reap(&tx));

    let deadline = Instant::now() + Duration::from_millis(plan.deadline_ms);
    let limit = plan.limits.processes;
    let mut main_done = false;
    loop {
        match rx.recv_timeout(POLL) {
            Ok(Event::Reaped(ws)) => {
                let (pid, code, signal) = match ws {
                    WaitStatus::Exited(pid, code) => (pid, Some(code), None),
                    WaitStatus::Signaled(pid, sig, _) => (pid, None, Some(sig as i32)),
                    _ => continue,
                };
                if pid == main_pid {
                    status.exit_code = code;
                    status.signal = signal;
                    main_done = true;
                    let left = descendants(limit as usize * 4 + 64);
                    status.left_running = left.len() as u32;
                    kill_all(&left);
                } else if let Some(sig) = signal {
                    if sig != Signal::SIGKILL as i32 || !main_done {
                        status.orphan_signals.push(sig);
                    }
                }
            }
            Ok(Event::NoChildren) | Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let below = descendants(limit as usize * 4 + 64);
                status.peak_processes = status.peak_processes.max(below.len() as u32);
                if main_done {
                    kill_all(&below);
                } else if Instant::now() >= deadline {
                    status.stopped.get_or_insert(Stop::Timeout);
                    kill_all(&below);
                } else if below.len() as u64 > limit {
                    status.stopped.get_or_insert(Stop::Processes);
                    kill_all(&below);
                }
            }
        }
    }
    status.layers = read_layers(plan, &mut status.start_error);
    status.layers.push(Layer {
        name: "subreaper".into(),
        applied: subreaper.is_ok(),
        note: subreaper.err().map(|e| e.to_string()).unwrap_or_default(),
    });
    finish(plan, status)
}

fn status_with_error(mut status: Status, error: String) -> Status {
    status.start_error = Some(error);
    status
}

/// Write the status file; the supervisor's own exit code says only whether that worked.
fn finish(plan: &Plan, status: Status) -> ExitCode {
    let json = serde_json::to_vec(&status).unwrap_or_default();
    match std::fs::write(&plan.status, json) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The parent captures this stderr and quotes its last line as the cause inside
            // its own (localized, wrapped) finding: the OS error text is the useful part.
            eprintln!(
                "course sandbox: cannot write {}: {e}",
                plan.status.display()
            );
            ExitCode::from(2)
        }
    }
}

/// Reap every child until none is left (`__WALL`: also clone children that are threads of
/// no one, as a fork bomb written with `clone` makes).
fn reap(tx: &mpsc::Sender<Event>) {
    loop {
        match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::__WALL)) {
            Ok(ws) => {
                if tx.send(Event::Reaped(ws)).is_err() {
                    return;
                }
            }
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => {
                let _ = tx.send(Event::NoChildren);
                return;
            }
        }
    }
}

/// The confined process's layers (first line of its file) and why it did not start (the
/// second line, if any).
fn read_layers(plan: &Plan, start_error: &mut Option<String>) -> Vec<Layer> {
    let text = std::fs::read_to_string(&plan.layers).unwrap_or_default();
    let mut lines = text.lines();
    let layers = lines
        .next()
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| {
            vec![Layer {
                name: "sandbox".into(),
                applied: false,
                note: "the confined process reported nothing".into(),
            }]
        });
    if let Some(why) = lines.next().and_then(|l| serde_json::from_str(l).ok()) {
        *start_error = Some(why);
    }
    layers
}

/// Every process below this one (at most `cap`): children of each thread, recursively,
/// skipping zombies (already ended, waiting to be reaped).
fn descendants(cap: usize) -> Vec<u32> {
    let mut out = Vec::new();
    let mut queue = children_of(std::process::id());
    while let Some(pid) = queue.pop() {
        if out.len() >= cap {
            break;
        }
        if is_zombie(pid) {
            continue;
        }
        out.push(pid);
        queue.extend(children_of(pid));
    }
    out
}

/// `/proc/PID/task/*/children`: each thread keeps its own list.
fn children_of(pid: u32) -> Vec<u32> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for task in tasks.flatten() {
        if let Ok(text) = std::fs::read_to_string(task.path().join("children")) {
            out.extend(
                text.split_whitespace()
                    .filter_map(|p| p.parse::<u32>().ok()),
            );
        }
    }
    out
}

fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        s.rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
    })
}

fn kill_all(pids: &[u32]) {
    for pid in pids {
        if let Ok(p) = i32::try_from(*pid) {
            let _ = kill(Pid::from_raw(p), Signal::SIGKILL);
        }
    }
}
