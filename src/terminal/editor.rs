//! Opening a file at a line in the learner's editor (`course edit`, `e` on the home screen
//! and in `watch`), and `file://` hyperlinks to files (OSC 8) for terminals that follow them.
//!
//! The editor is `$VISUAL`, else `$EDITOR`, else git's (`$GIT_EDITOR`, `core.editor`), else
//! `editor`, `nano` or `vi`, whichever is found first (Windows: `notepad`), run the way git runs it: through `sh -c
//! '<editor> "$@"'`, so a value with arguments (`code --wait`, `emacsclient -t`) works and the
//! file name is never split or interpreted by the shell. How to say "at this line" depends on
//! the editor, known by the name of its program: `+LINE FILE` for vi, vim, nvim, nano, emacs,
//! micro, kakoune and friends; `FILE:LINE` for helix (`hx`) and Sublime Text (`subl`);
//! `-g FILE:LINE` for VS Code and its forks (`code`, `codium`, `cursor`); any other editor
//! gets only the file.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, ExitStatus};

/// Where the editor came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Visual,
    Editor,
    /// `$GIT_EDITOR`: the learner chose it for git.
    GitEditor,
    /// git's `core.editor` setting.
    CoreEditor,
    /// Nothing set: the first of [`FALLBACKS`] found on `PATH`.
    Found,
}

impl Source {
    /// Where it came from, for a message (`$EDITOR`, `git's core.editor`).
    pub fn name(self) -> crate::i18n::Tr {
        match self {
            Source::Visual => crate::tr!("$VISUAL", "$VISUAL"),
            Source::Editor => crate::tr!("$EDITOR", "$EDITOR"),
            Source::GitEditor => crate::tr!("$GIT_EDITOR", "$GIT_EDITOR"),
            Source::CoreEditor => crate::tr!("git's core.editor", "git의 core.editor"),
            Source::Found => {
                crate::tr!("none set; found on PATH", "설정된 것이 없어 PATH에서 찾음")
            }
        }
    }
}

/// Editors tried, in order, when none is set: Debian's and Ubuntu's `editor` (the system's
/// choice, nano unless changed), then `nano`, whose keys are on screen, then `vi`, which git
/// itself falls back to (a learner who lands in vi without knowing it cannot get out). On
/// Windows, Notepad.
pub const FALLBACKS: &[&str] = if cfg!(windows) {
    &["notepad"]
} else {
    &["editor", "nano", "vi"]
};

/// The editor to run, with where it came from: `$VISUAL`, else `$EDITOR` (empty values do
/// not count), else what the learner chose for git (`$GIT_EDITOR`, then `core.editor`, read
/// by `git config` in `dir`), else the first of [`FALLBACKS`] on `PATH`. `None` when there is
/// none at all.
pub fn choose(dir: &Path) -> Option<(String, Source)> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if let Some(found) = [("VISUAL", Source::Visual), ("EDITOR", Source::Editor)]
        .into_iter()
        .find_map(|(name, source)| var(name).map(|v| (v, source)))
    {
        return Some(found);
    }
    if let Some(v) = var("GIT_EDITOR") {
        return Some((v, Source::GitEditor));
    }
    if let Some(v) = core_editor(dir) {
        return Some((v, Source::CoreEditor));
    }
    FALLBACKS.iter().find_map(|name| {
        let path = crate::process::find_program(name)?;
        // Debian's `editor` is a link to the editor chosen (nano, vim): run by its own name,
        // it gets `+LINE` as that editor takes it. A path with spaces would not survive
        // `sh -c`, so the name stays then.
        let real = std::fs::canonicalize(&path)
            .ok()
            .map(|p| p.display().to_string())
            .filter(|p| !p.contains(char::is_whitespace) && !p.is_empty());
        Some((real.unwrap_or_else(|| name.to_string()), Source::Found))
    })
}

/// git's `core.editor` as `git config` in `dir` answers (the repository's setting, else the
/// user's): a program with a timeout, not a reading of the files, since a config `[include]`
/// may name a pipe.
fn core_editor(dir: &Path) -> Option<String> {
    let mut cmd = Command::new("git");
    cmd.args(["config", "--get", "core.editor"])
        .current_dir(dir);
    let out = crate::process::run_with_timeout(cmd, std::time::Duration::from_secs(5)).ok()?;
    let value = String::from_utf8(out.stdout).ok()?;
    let value = value.trim();
    (out.status.success() && !value.is_empty()).then(|| value.to_string())
}

/// The program's name in an editor command: `/usr/bin/nvim -u NONE` -> `nvim`. Debian's
/// builds keep the name before a dot (`editor` leads to `/usr/bin/vim.basic`: `vim`).
fn program(editor: &str) -> String {
    let first = editor.split_whitespace().next().unwrap_or("");
    let name = first.rsplit(['/', '\\']).next().unwrap_or(first);
    let name = name.trim_end_matches(".exe").to_ascii_lowercase();
    match name.split_once('.') {
        Some((base, _)) if !base.is_empty() => base.to_string(),
        _ => name,
    }
}

/// Is `editor` vi or one of its kind (vim, nvim, view), where a beginner does not know the
/// way out (issue 9: `course edit` fell back to vim and the learner was stuck)?
pub fn is_vi(editor: &str) -> bool {
    matches!(
        program(editor).as_str(),
        "vi" | "vim" | "nvim" | "gvim" | "mvim" | "view"
    )
}

/// Does `editor` draw in the terminal it is started from (vi, nano, helix, `emacs -nw`)?
/// Such an editor cannot work when stdin or stdout is not a terminal (`course edit | less`,
/// a script): vim would write its screen into the pipe. Debian's `editor` counts (it leads
/// to nano or vim); an editor not known here is started as asked (it may open a window).
pub fn in_terminal(editor: &str) -> bool {
    let flags = || editor.split_whitespace().skip(1);
    match program(editor).as_str() {
        "vi" | "vim" | "nvim" | "view" | "nano" | "pico" | "micro" | "kak" | "joe" | "jed"
        | "mg" | "ne" | "vis" | "ed" | "hx" | "helix" | "editor" | "sensible-editor" => true,
        "emacs" | "emacsclient" => flags().any(|f| matches!(f, "-nw" | "-t" | "--tty")),
        _ => false,
    }
}

/// The arguments that open `file` at `line` in `editor` (see the module docs).
pub fn arguments(editor: &str, file: &Path, line: Option<u32>) -> Vec<OsString> {
    let line = line.filter(|l| *l > 0);
    let Some(line) = line else {
        return vec![file.as_os_str().to_owned()];
    };
    let with_line = || {
        let mut s = file.as_os_str().to_owned();
        s.push(format!(":{line}"));
        s
    };
    match program(editor).as_str() {
        "vi" | "vim" | "nvim" | "gvim" | "mvim" | "view" | "nano" | "pico" | "emacs"
        | "emacsclient" | "micro" | "kak" | "joe" | "jed" | "mg" | "ne" | "vis" | "ed" => {
            vec![format!("+{line}").into(), file.as_os_str().to_owned()]
        }
        "hx" | "helix" | "subl" | "sublime_text" => vec![with_line()],
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" | "windsurf" => {
            vec!["-g".into(), with_line()]
        }
        _ => vec![file.as_os_str().to_owned()],
    }
}

/// The command that runs `editor` on `file` at `line`, in `dir`.
pub fn command(editor: &str, file: &Path, line: Option<u32>, dir: &Path) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .args(arguments(editor, file, line))
        .current_dir(dir);
    cmd
}

/// Run the editor and wait for it (the caller has left raw mode and the alternate screen).
pub fn open(
    editor: &str,
    file: &Path,
    line: Option<u32>,
    dir: &Path,
) -> std::io::Result<ExitStatus> {
    command(editor, file, line, dir).status()
}

/// An OSC 8 hyperlink to the absolute path `abs`, showing `text`: `file://HOST/PATH` with the
/// path percent-encoded (RFC 8089; terminals compare the host with their own, so a link in
/// an SSH session does not open a local file of the same name).
pub fn file_link(abs: &Path, text: &str) -> String {
    let url = file_url(abs, &hostname());
    format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")
}

fn file_url(abs: &Path, host: &str) -> String {
    let mut url = format!("file://{host}");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// This machine's name, as terminals compare it with theirs (empty when unknown: `file:///`).
fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.".contains(&b))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: &str, line: Option<u32>) -> Vec<String> {
        arguments(editor, Path::new("src/요구 사항.txt"), line)
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn terminal_editors_are_told_from_window_editors() {
        for e in [
            "vim",
            "/usr/bin/vim.basic",
            "nano",
            "hx",
            "editor",
            "emacs -nw",
            "emacsclient -t",
        ] {
            assert!(in_terminal(e), "{e}");
        }
        for e in [
            "code --wait",
            "gvim -f",
            "subl -w",
            "emacs",
            "emacsclient -c",
            "notepad",
        ] {
            assert!(!in_terminal(e), "{e}");
        }
    }

    #[test]
    fn each_editor_family_gets_its_line_convention() {
        for vi_like in [
            "vi",
            "vim",
            "/usr/bin/nvim -u NONE",
            "nano",
            "emacs -nw",
            "micro",
        ] {
            assert_eq!(
                args(vi_like, Some(4)),
                ["+4", "src/요구 사항.txt"],
                "{vi_like}"
            );
        }
        assert_eq!(args("hx", Some(4)), ["src/요구 사항.txt:4"]);
        assert_eq!(args("code --wait", Some(4)), ["-g", "src/요구 사항.txt:4"]);
        assert_eq!(
            args("C:\\bin\\Code.exe", Some(4)),
            ["-g", "src/요구 사항.txt:4"]
        );
        assert_eq!(args("gedit", Some(4)), ["src/요구 사항.txt"]);
        assert_eq!(args("vim", None), ["src/요구 사항.txt"]);
        assert_eq!(args("vim", Some(0)), ["src/요구 사항.txt"]);
    }

    #[test]
    fn the_shell_never_splits_the_file_name() {
        let cmd = command("vim", Path::new("a b;rm x"), Some(2), Path::new("/"));
        let argv: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(argv, ["-c", "vim \"$@\"", "vim", "+2", "a b;rm x"]);
    }

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/home/me/my project/요.txt"), "box"),
            "file://box/home/me/my%20project/%EC%9A%94.txt"
        );
        let link = file_link(Path::new("/w/requirements.txt"), "requirements.txt");
        assert!(link.starts_with("\x1b]8;;file://"));
        assert!(link.ends_with("/w/requirements.txt\x1b\\requirements.txt\x1b]8;;\x1b\\"));
    }
}
