//! How wide the output is: `--width`, else stdout's terminal, else `COLUMNS`, else (stdout
//! piped) the terminal stderr or `/dev/tty` is on, else 80; and where the width came from.

/// Where [`super::Term::width`] came from: `--width`, the terminal, `COLUMNS`, the terminal stderr
/// or `/dev/tty` is on, or the default 80.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum WidthFrom {
    Flag,
    Terminal,
    Columns,
    /// stdout is not a terminal (`course next | cat`, `| less`), but the learner reads it on
    /// one: the window stderr or the controlling terminal (`/dev/tty`) is in.
    ControllingTerminal,
    Default,
}

impl WidthFrom {
    /// A stable name for machines (`course doctor --format json`).
    pub fn code(self) -> &'static str {
        match self {
            WidthFrom::Flag => "flag",
            WidthFrom::Terminal => "terminal",
            WidthFrom::Columns => "columns",
            WidthFrom::ControllingTerminal => "controlling-terminal",
            WidthFrom::Default => "default",
        }
    }
}

/// The width for stdout and where it came from: `asked` is `--width`, `is_tty` whether
/// stdout is a terminal.
pub(super) fn decide(asked: Option<usize>, is_tty: bool) -> (usize, WidthFrom) {
    match asked {
        Some(w) => (w, WidthFrom::Flag),
        None => {
            let from_env = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse::<usize>().ok());
            let from_tty = is_tty
                .then(|| crossterm::terminal::size().ok().map(|(w, _)| w as usize))
                .flatten();
            // Bash does not export COLUMNS, so piped output (`course next | cat`) had 80
            // columns in a 60-column window: the window is still there, on stderr or as
            // the controlling terminal. COLUMNS set by hand still comes first.
            match (from_tty, from_env) {
                (Some(w), _) if w >= 20 => (w, WidthFrom::Terminal),
                (None, Some(w)) if w >= 20 => (w, WidthFrom::Columns),
                _ => match (!is_tty).then(controlling_width).flatten() {
                    Some(w) if w >= 20 => (w, WidthFrom::ControllingTerminal),
                    _ => (80, WidthFrom::Default),
                },
            }
        }
    }
}

/// The width of the window the learner reads in when stdout is not a terminal: stderr's
/// terminal, else the controlling terminal (`/dev/tty`, opened without waiting and without
/// making it this process's controlling terminal). `None` with no terminal at all (CI, a
/// cron job, the tests).
#[cfg(unix)]
fn controlling_width() -> Option<usize> {
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    use std::os::unix::fs::OpenOptionsExt;
    let columns = |fd: std::os::fd::BorrowedFd<'_>| {
        rustix::termios::tcgetwinsize(fd)
            .ok()
            .map(|w| usize::from(w.ws_col))
            .filter(|w| *w > 0)
    };
    let stderr = std::io::stderr();
    if stderr.is_terminal() {
        if let Some(w) = columns(stderr.as_fd()) {
            return Some(w);
        }
    }
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open("/dev/tty")
        .ok()?;
    columns(tty.as_fd())
}

#[cfg(not(unix))]
fn controlling_width() -> Option<usize> {
    None
}
