//! A real terminal for the tests: a tmux server of its own (its own socket) runs one shell line
//! in a window of a given size; keys are typed with `send-keys` and the screen is read back with
//! `capture-pane`.
//!
//! When the command ends, the shell prints `stty -a` (so a test can see that the program did
//! not leave the terminal in raw mode) and `[exit CODE]`, then stays, so the last screen can
//! still be read. The shell survives Ctrl-C (a trap, which the command itself does not
//! inherit) to report how the command ended.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// How long [`Tmux::wait_for`] waits before failing with the screen.
const LIMIT: Duration = Duration::from_secs(30);

/// One tmux server with one window; killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Run `command` (a shell line) in `dir` in an 80x24 window.
    pub fn start(dir: &Path, command: &str) -> Tmux {
        Tmux::sized(dir, command, 80, 24)
    }

    /// Run `command` (a shell line) in `dir` in a `width`x`height` window.
    pub fn sized(dir: &Path, command: &str, width: u16, height: u16) -> Tmux {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmux = Tmux {
            socket: format!("course-test-{}-{n}", std::process::id()),
        };
        let line =
            format!("trap : INT; {command}; code=$?; stty -a; echo \"[exit $code]\"; sleep 600");
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-c",
            &dir.display().to_string(),
            &line,
        ]);
        tmux
    }

    /// `tmux ARGS` on this server; its stdout. Fails the test if tmux does.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-u", "-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .env("TERM", "xterm-256color")
            .output()
            .expect("tmux is needed for the terminal tests");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Type `keys` (tmux key names or text), one `send-keys` each: Esc and a key sent at once
    /// read as Alt and the key, as from any terminal.
    pub fn send(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "0", key]);
        }
    }

    /// Make the window `width`x`height`, as a learner resizing the terminal.
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "0",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// The screen and the lines scrolled off it (a full-screen program's own screen has none).
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-S", "-200", "-t", "0"])
    }

    /// The screen once it shows `text` (fails after 30 s, with the screen).
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |screen| screen.contains(text))
    }

    /// The screen once `ready` says so (fails after 30 s, saying `what` and the screen).
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let limit = Instant::now() + LIMIT;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(Instant::now() < limit, "never showed {what:?}:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Wait for the command to end; its exit code, once the terminal is checked as it left it
    /// (`icanon` and `echo` on: not raw mode).
    pub fn exit_code(&self) -> String {
        let screen = self.wait_for("[exit ");
        let code = screen
            .rsplit("[exit ")
            .next()
            .and_then(|s| s.split(']').next())
            .unwrap_or("")
            .to_string();
        let stty = screen
            .rsplit_once("[exit ")
            .map_or("", |(before, _)| before);
        let flags: Vec<&str> = stty.split_whitespace().collect();
        assert!(
            flags.contains(&"icanon") && flags.contains(&"echo") && !flags.contains(&"-icanon"),
            "the terminal was left in raw mode:\n{stty}"
        );
        code
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}
