//! Running subprocesses with a timeout.
//!
//! Every subprocess `course` starts goes through [`run_with_timeout`]: stdin is closed,
//! stdout and stderr are read on their own threads (a chatty child never blocks on a full
//! pipe) and capped at [`OUTPUT_CAP`] bytes each, and a child that outlives its timeout is
//! killed together with its process group on Unix (a shell script's own children too).

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

/// At most this many bytes of stdout (and of stderr) are kept; the rest is read and dropped.
pub const OUTPUT_CAP: usize = 1 << 20;

/// How long to wait for the output pipes to close once the child has exited or been killed
/// and its group stopped (a process that escaped the group may hold them open; `course`
/// never waits for it longer than this).
const DRAIN_GRACE: Duration = Duration::from_millis(500);

/// Why a subprocess gave no normal exit.
#[derive(Debug)]
pub enum RunError {
    /// The program could not be started (not found, not executable, bad interpreter line).
    Start(std::io::Error),
    /// It did not finish within the timeout and was killed; what it wrote until then.
    TimedOut {
        after: Duration,
        stdout: Vec<u8>,
        stderr: Vec<u8>,
    },
    /// It was ended by a signal (a crash such as SIGSEGV, or killed from outside).
    Signal {
        signal: Option<i32>,
        stdout: Vec<u8>,
        stderr: Vec<u8>,
    },
    /// Waiting for it failed (should not happen).
    Wait(std::io::Error),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Start(e) => write!(f, "could not start: {e}"),
            RunError::TimedOut { after, .. } => {
                write!(f, "did not finish in {} s and was stopped", after.as_secs())
            }
            RunError::Signal {
                signal: Some(s), ..
            } => write!(f, "was ended by signal {s}"),
            RunError::Signal { signal: None, .. } => write!(f, "was ended by a signal"),
            RunError::Wait(e) => write!(f, "could not be waited for: {e}"),
        }
    }
}

impl std::error::Error for RunError {}

/// A buffer filled by a reader thread; shared so that whatever was read is available even
/// when the pipe never closes.
type Shared = Arc<Mutex<Vec<u8>>>;

fn spawn_reader(pipe: Option<impl Read + Send + 'static>, done: mpsc::Sender<()>) -> Shared {
    let buf: Shared = Arc::new(Mutex::new(Vec::new()));
    let Some(mut pipe) = pipe else {
        let _ = done.send(());
        return buf;
    };
    let out = Arc::clone(&buf);
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => {
                    let mut b = out.lock().unwrap_or_else(|e| e.into_inner());
                    let room = OUTPUT_CAP.saturating_sub(b.len());
                    b.extend_from_slice(&chunk[..n.min(room)]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = done.send(());
    });
    buf
}

fn take(buf: &Shared) -> Vec<u8> {
    std::mem::take(&mut *buf.lock().unwrap_or_else(|e| e.into_inner()))
}

/// The longest any subprocess may run.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// Run `cmd` with stdin closed and its output captured, killing it after `timeout`.
///
/// `Ok` for any normal exit, whatever its code; errors for a start failure, a timeout or a
/// signal.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Result<Output, RunError> {
    // A course file may ask for any number of seconds; a day is plenty, and keeps the
    // deadline arithmetic below from overflowing.
    let timeout = timeout.min(MAX_TIMEOUT);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group, so that a timeout can stop its children as well.
        cmd.process_group(0);
    }
    // The handler is in place before the child exists: an interrupt right after the spawn
    // must still stop it (the child is out of the terminal's reach in its own group).
    install_handler();
    let mut child = cmd.spawn().map_err(RunError::Start)?;
    let _running = Running::register(child.id());
    let (tx, rx) = mpsc::channel();
    let stdout = spawn_reader(child.stdout.take(), tx.clone());
    let stderr = spawn_reader(child.stderr.take(), tx);
    let drain = |until: Instant| {
        for _ in 0..2 {
            let left = until.saturating_duration_since(Instant::now());
            if rx.recv_timeout(left).is_err() {
                break;
            }
        }
    };
    let waited = child.wait_timeout(timeout);
    stop_if_interrupted();
    let status = match waited {
        Ok(Some(status)) => status,
        Ok(None) => {
            kill(&mut child);
            drain(Instant::now() + DRAIN_GRACE);
            return Err(RunError::TimedOut {
                after: timeout,
                stdout: take(&stdout),
                stderr: take(&stderr),
            });
        }
        Err(e) => {
            kill(&mut child);
            return Err(RunError::Wait(e));
        }
    };
    // The child has exited. Whatever it left running in its group (a background job of a
    // wrapper script that then exec'd python) is stopped now: nothing a check starts may
    // outlive it, and such a job holding the output pipes would keep us reading until the
    // timeout. Then the pipes close; a process that left the group (setsid) may still hold
    // them, so reading stops after a short grace.
    kill_group(child.id());
    drain(Instant::now() + DRAIN_GRACE);
    let (stdout, stderr) = (take(&stdout), take(&stderr));
    match signal_of(&status) {
        Some(signal) => Err(RunError::Signal {
            signal,
            stdout,
            stderr,
        }),
        None => Ok(Output {
            status,
            stdout,
            stderr,
        }),
    }
}

/// How a process ended, in words of both languages: `exit code 1` / `종료 코드 1`, `signal 9`
/// / `신호 9` (the standard library's `exit status: 1` is English in a Korean run).
pub fn ended(status: &ExitStatus) -> crate::i18n::Tr {
    match (status.code(), signal_of(status)) {
        (Some(code), _) => crate::tr!("exit code {code}", "종료 코드 {code}"),
        (None, Some(Some(signal))) => crate::tr!("signal {signal}", "신호 {signal}"),
        (None, _) => crate::tr!("no exit code", "종료 코드 없음"),
    }
}

/// `Some(signal)` when the process was ended by a signal.
fn signal_of(status: &ExitStatus) -> Option<Option<i32>> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(s) = status.signal() {
            return Some(Some(s));
        }
    }
    if status.code().is_none() {
        return Some(None);
    }
    None
}

/// Kill the child and (on Unix) its process group, then reap it.
/// Process groups of the children running now. They are in groups of their own (so that a
/// timeout stops grandchildren too), which also means the terminal's Ctrl-C does not reach
/// them: an interrupt of `course` stops them itself, or a hanging import would run on.
static RUNNING: std::sync::Mutex<Vec<u32>> = std::sync::Mutex::new(Vec::new());

/// Set by the interrupt handler: a child that ends now was killed by it, and its result must
/// not be reported (the handler is about to exit with 130).
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The thread running [`interrupted`] (the signal handler's, or the pager's own on Ctrl-C).
static ENDING_ON: std::sync::OnceLock<std::thread::ThreadId> = std::sync::OnceLock::new();

/// Whether `course` is ending on an interrupt and this thread is not the one ending it: what
/// such a thread would print now would land after the handler's last line (the watch redrew
/// its status line after the handler's line end, and the shell's prompt was glued to it;
/// issue 9). Asked by the terminal layer's `print` while it holds stdout's lock.
pub fn ending_elsewhere() -> bool {
    INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst)
        && ENDING_ON.get() != Some(&std::thread::current().id())
}

/// After a child ends: if it ended because of an interrupt, wait for the handler to exit.
fn stop_if_interrupted() {
    while INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A registered child group, removed from [`RUNNING`] when dropped.
struct Running(u32);

/// Cleanups the interrupt handler runs before `course` exits (the terminal leaving raw mode).
static CLEANUPS: std::sync::Mutex<Vec<fn()>> = std::sync::Mutex::new(Vec::new());

/// Run `cleanup` when Ctrl-C, SIGTERM or SIGHUP ends `course`. There is one handler for the
/// whole program (a second `ctrlc` handler cannot be set), installed on first use.
pub fn on_interrupt(cleanup: fn()) {
    install_handler();
    if let Ok(mut cleanups) = CLEANUPS.lock() {
        cleanups.push(cleanup);
    }
}

/// The one interrupt handler: stop the running children, run the cleanups, exit with 130.
fn install_handler() {
    static HANDLER: std::sync::Once = std::sync::Once::new();
    HANDLER.call_once(|| {
        // Without a handler (another one already set), Ctrl-C still ends `course`.
        let _ = ctrlc::set_handler(|| interrupted());
    });
}

/// End `course` as an interrupt does: stop the running children, run the cleanups, exit with
/// 130. Called by the signal handler, and by the pager, which reads Ctrl-C as a key.
pub fn interrupted() -> ! {
    let _ = ENDING_ON.set(std::thread::current().id());
    INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst);
    let groups = RUNNING.lock().map(|g| g.clone()).unwrap_or_default();
    for pgid in groups {
        kill_group(pgid);
    }
    let cleanups = CLEANUPS.lock().map(|c| c.clone()).unwrap_or_default();
    for cleanup in cleanups {
        cleanup();
    }
    std::process::exit(130);
}

impl Running {
    fn register(pgid: u32) -> Running {
        install_handler();
        if let Ok(mut groups) = RUNNING.lock() {
            groups.push(pgid);
        }
        Running(pgid)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(mut groups) = RUNNING.lock() {
            groups.retain(|g| *g != self.0);
        }
    }
}

/// `kill -KILL -- -PGID` (a child leads its own group, see `process_group(0)`).
fn kill_group(pgid: u32) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pgid}")])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    #[cfg(not(unix))]
    let _ = pgid;
}

fn kill(child: &mut Child) {
    kill_group(child.id());
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut c = Command::new("sh");
        c.args(["-c", script]);
        c
    }

    #[test]
    fn captures_output_and_exit_code() {
        let out = run_with_timeout(
            sh("echo hi; echo oops >&2; exit 3"),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(out.stdout, b"hi\n");
        assert_eq!(out.stderr, b"oops\n");
        assert_eq!(out.status.code(), Some(3));
    }

    #[test]
    fn times_out_and_kills_the_group() {
        let err = run_with_timeout(
            sh("echo started; sleep 30; echo never"),
            Duration::from_millis(300),
        )
        .unwrap_err();
        match err {
            RunError::TimedOut { stdout, .. } => assert_eq!(stdout, b"started\n"),
            other => panic!("expected a timeout, got {other:?}"),
        }
    }

    #[test]
    fn caps_a_chatty_child() {
        // 4 MiB on stdout: must neither deadlock nor keep more than the cap.
        let out =
            run_with_timeout(sh("head -c 4194304 /dev/zero"), Duration::from_secs(30)).unwrap();
        assert_eq!(out.stdout.len(), OUTPUT_CAP);
        assert!(out.status.success());
    }

    #[test]
    fn reports_a_missing_program() {
        let err = run_with_timeout(
            Command::new("/nonexistent/course-test-program"),
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert!(matches!(err, RunError::Start(_)), "{err:?}");
    }

    #[test]
    fn reports_a_signal() {
        let err = run_with_timeout(sh("kill -SEGV $$"), Duration::from_secs(5)).unwrap_err();
        assert!(
            matches!(
                err,
                RunError::Signal {
                    signal: Some(11),
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn a_background_job_neither_keeps_us_waiting_nor_outlives_the_child() {
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join("still-running");
        let script = format!(
            "sleep 100 & (sleep 2; touch '{}') & echo done",
            marker.display()
        );
        let start = Instant::now();
        let out = run_with_timeout(sh(&script), Duration::from_secs(60)).unwrap();
        assert_eq!(out.stdout, b"done\n");
        // Not the 60 s timeout that the `sleep 100` holding stdout would have cost.
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{:?}",
            start.elapsed()
        );
        std::thread::sleep(Duration::from_secs(3));
        assert!(
            !marker.exists(),
            "the background job ran on after the check"
        );
    }

    #[test]
    fn stdin_is_closed() {
        let out = run_with_timeout(sh("cat; echo done"), Duration::from_secs(5)).unwrap();
        assert_eq!(out.stdout, b"done\n");
    }
}

/// The first executable file named `name` in the folders of `$PATH`, as a shell would find
/// it (on Windows also `name.exe`). `None` when there is none.
pub fn find_program(name: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    let names: Vec<String> = if cfg!(windows) {
        vec![format!("{name}.exe"), name.to_string()]
    } else {
        vec![name.to_string()]
    };
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &std::path::Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// The first line `program --version` prints (on stdout, else stderr: Python 2 wrote it
/// there), within `timeout`; the error says why there is none.
pub fn version_of(program: &std::path::Path, timeout: Duration) -> Result<String, String> {
    let mut cmd = Command::new(program);
    cmd.arg("--version");
    let out = run_with_timeout(cmd, timeout).map_err(|e| e.to_string())?;
    let text = if out.stdout.iter().any(|b| !b.is_ascii_whitespace()) {
        out.stdout
    } else {
        out.stderr
    };
    let line = String::from_utf8_lossy(&text)
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string);
    match line {
        Some(line) if out.status.success() => Ok(line),
        Some(line) => Err(format!("exited with {}: {line}", out.status)),
        None => Err(format!("printed no version (exit status {})", out.status)),
    }
}
