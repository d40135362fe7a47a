//! What a sandboxed run ran into, told from what can be seen outside it: the signals that
//! ended its processes, the supervisor's own stops, and the error lines programs print when
//! a limit refuses them (a shell prints `Bad system call` for a child seccomp ended,
//! Python `MemoryError`, anything `Permission denied` for a write Landlock refused).
//!
//! The sandbox refuses silently (a refused write is an ordinary `EACCES`), so the text is
//! the only trace of some attempts; the words are those of the C library, the shells and
//! Python, and are the same in every locale the sandbox runs (`LANG=C.UTF-8`).

use super::{Status, Stop};

/// A limit the program ran into, most telling first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It tried to open a network socket (seccomp ended it).
    Network,
    /// It started more processes than allowed.
    Processes,
    /// It used up its CPU seconds.
    CpuTime,
    /// It wrote a file larger than allowed.
    FileSize,
    /// It asked for more memory than allowed (the line that says so).
    Memory(String),
    /// It tried to write (or read) a file outside what the sandbox opens (the line).
    Denied(String),
    /// It left processes running after it ended (they were stopped).
    LeftRunning(u32),
}

const SIGSYS: i32 = 31;
const SIGXCPU: i32 = 24;
const SIGXFSZ: i32 = 25;

/// The verdict on a run, from the supervisor's status and the program's stderr.
pub fn verdict(status: &Status, stderr: &[u8]) -> Option<Verdict> {
    let signals: Vec<i32> = status
        .signal
        .into_iter()
        .chain(status.orphan_signals.iter().copied())
        .collect();
    // A shell reports a child ended by signal N as exit code 128 + N.
    let code_signal = status.exit_code.filter(|c| *c > 128).map(|c| c - 128);
    let seen = |sig: i32| signals.contains(&sig) || code_signal == Some(sig);
    let text = String::from_utf8_lossy(stderr);
    if seen(SIGSYS) || text.contains("Bad system call") {
        return Some(Verdict::Network);
    }
    if status.stopped == Some(Stop::Processes) {
        return Some(Verdict::Processes);
    }
    if seen(SIGXCPU) || text.contains("CPU time limit exceeded") {
        return Some(Verdict::CpuTime);
    }
    if seen(SIGXFSZ) || text.contains("File size limit exceeded") {
        return Some(Verdict::FileSize);
    }
    if let Some(v) = in_text(&text) {
        return Some(v);
    }
    (status.left_running > 0).then_some(Verdict::LeftRunning(status.left_running))
}

/// The verdict an error message carries (a line of stderr, or an exception the driver
/// caught while importing): memory, processes or a refused file.
pub fn in_text(text: &str) -> Option<Verdict> {
    let line_with = |needles: &[&str]| {
        text.lines()
            .find(|l| needles.iter().any(|n| l.contains(n)))
            .map(|l| l.trim().chars().take(300).collect::<String>())
    };
    if text.contains("BlockingIOError")
        || text.contains("fork: Resource temporarily unavailable")
        || text.contains("fork: retry")
    {
        return Some(Verdict::Processes);
    }
    if let Some(l) = line_with(&[
        "MemoryError",
        "Cannot allocate memory",
        "std::bad_alloc",
        "out of memory",
    ]) {
        return Some(Verdict::Memory(l));
    }
    line_with(&[
        "Permission denied",
        "Read-only file system",
        "Operation not permitted",
        "PermissionError",
    ])
    .map(Verdict::Denied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status() -> Status {
        Status {
            exit_code: Some(0),
            ..Status::default()
        }
    }

    #[test]
    fn a_clean_run_has_no_verdict() {
        assert_eq!(verdict(&status(), b"UserWarning: old numpy\n"), None);
    }

    #[test]
    fn signals_and_shell_codes() {
        let mut s = status();
        s.signal = Some(SIGSYS);
        assert_eq!(verdict(&s, b""), Some(Verdict::Network));
        let mut s = status();
        s.exit_code = Some(128 + SIGXCPU);
        assert_eq!(verdict(&s, b""), Some(Verdict::CpuTime));
        let mut s = status();
        s.orphan_signals = vec![SIGXFSZ];
        assert_eq!(verdict(&s, b""), Some(Verdict::FileSize));
        assert_eq!(
            verdict(&status(), b"sh: 1: Bad system call\n"),
            Some(Verdict::Network)
        );
    }

    #[test]
    fn texts() {
        assert_eq!(
            verdict(&status(), b"Traceback\nMemoryError\n"),
            Some(Verdict::Memory("MemoryError".into()))
        );
        assert_eq!(
            verdict(
                &status(),
                b"sh: 2: cannot create /tmp/x: Permission denied\n"
            ),
            Some(Verdict::Denied(
                "sh: 2: cannot create /tmp/x: Permission denied".into()
            ))
        );
        let mut s = status();
        s.left_running = 2;
        assert_eq!(verdict(&s, b""), Some(Verdict::LeftRunning(2)));
    }
}
