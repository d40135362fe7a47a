//! What libgit2 would read, checked before it reads it.
//!
//! libgit2 opens a file by name and reads it to the end: a FIFO as `.gitignore`,
//! `.git/info/exclude`, a file named by `[include] path =` or by `core.excludesFile` blocks it
//! forever (and with it a whole `course grade --batch`), and `/dev/zero` never ends. So every
//! file git reads for the questions `course` asks is looked at first, without opening it:
//! a regular file or nothing. `/dev/null` is allowed (it ends at once, and people do point
//! `core.excludesFile` at it). The `.gitignore` files in the work tree are read by
//! [`super::ignore`], which checks each itself.
//!
//! When grading, the repository must also be the submission's own: a `.git` link or a
//! `gitdir:` file that leads out of the submission would grade another repository's history.

use std::path::{Path, PathBuf};

/// Why a repository is not opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsafe {
    /// A file git would read is a FIFO, a device, a socket or a folder.
    NotRegular { path: PathBuf },
    /// The repository (`.git`, or its common folder) lies outside the workspace.
    Outside { git_dir: PathBuf },
}

/// `includeIf`/`include` chains deeper than git's own limit are not followed (git refuses them).
const MAX_INCLUDE_DEPTH: usize = 10;

/// Check what opening the repository at or above `root` would read. With `own_only`, only
/// `root/.git` is considered and it must lead to a folder inside `root`.
pub fn check_repository(workspace: &crate::fs::Root, own_only: bool) -> Result<(), Unsafe> {
    let root = workspace.path();
    let mut dirs: Vec<&Path> = vec![root];
    if !own_only {
        dirs.extend(root.ancestors().skip(1));
    }
    // The workspace's own `.git` listed as a folder (the checks listed the workspace): found
    // without asking the system twice.
    let listed = workspace.listed_folder(".git");
    let Some((workdir, dot_git)) = dirs
        .into_iter()
        .map(|d| (d, d.join(".git")))
        .find(|(d, g)| (listed && *d == root) || g.symlink_metadata().is_ok())
    else {
        // No repository (or a bare one found some other way): nothing of ours to check.
        return Ok(());
    };
    let is_dir = (listed && workdir == root) || dot_git.is_dir();
    if !is_dir {
        regular(&dot_git)?;
    }
    let git_dir = if is_dir {
        dot_git.clone()
    } else {
        // A `gitdir: PATH` file (worktrees, submodules).
        let text = crate::fs::read_text(&dot_git, crate::fs::SMALL).unwrap_or_default();
        match text.trim().strip_prefix("gitdir:") {
            Some(p) => workdir.join(p.trim()),
            None => return Ok(()), // libgit2 will say it is not a repository
        }
    };
    let mut git_dirs = vec![git_dir.clone()];
    if regular(&git_dir.join("commondir"))? {
        let text =
            crate::fs::read_text(&git_dir.join("commondir"), crate::fs::SMALL).unwrap_or_default();
        git_dirs.push(git_dir.join(text.trim()));
    }
    if own_only {
        for dir in &git_dirs {
            if !workspace.contains(dir) && dir.exists() {
                return Err(Unsafe::Outside {
                    git_dir: dir.canonicalize().unwrap_or_else(|_| dir.clone()),
                });
            }
        }
    }
    for dir in &git_dirs {
        for file in ["HEAD", "packed-refs", "index", "shallow", "info/exclude"] {
            regular(&dir.join(file))?;
        }
        config_file(&dir.join("config"), Some(workdir), 0, &mut Vec::new())?;
    }
    let globals = globals();
    globals.checked.clone()?;
    for name in &globals.relative {
        regular(&workdir.join(name))?;
    }
    Ok(())
}

/// What the user's and the system's git config files lead git to read, checked once per
/// process: they are the same for every submission of a batch, and reading and parsing
/// them again cost about 15 system calls per submission. Only an ignore or attributes file
/// named by a relative path depends on the work tree (git resolves it from there).
struct Globals {
    checked: Result<(), Unsafe>,
    /// Relative `core.excludesFile` / `core.attributesFile` values, checked per work tree.
    relative: Vec<String>,
}

fn globals() -> &'static Globals {
    static GLOBALS: std::sync::OnceLock<Globals> = std::sync::OnceLock::new();
    GLOBALS.get_or_init(|| {
        let mut relative = Vec::new();
        let mut check = || {
            for global in global_configs() {
                config_file(&global, None, 0, &mut relative)?;
            }
            if let Some(ignore) = xdg_config_home().map(|d| d.join("git/ignore")) {
                regular(&ignore)?;
            }
            Ok(())
        };
        let checked = check();
        Globals { checked, relative }
    })
}

/// `Ok(true)` for a regular file (or `/dev/null`), `Ok(false)` when there is nothing there,
/// an error for anything else. Links are followed, as git follows them.
fn regular(path: &Path) -> Result<bool, Unsafe> {
    if path == Path::new("/dev/null") {
        return Ok(false);
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(true),
        Ok(_) => Err(Unsafe::NotRegular { path: tidy(path) }),
        // A dangling link or a missing file: git skips it too.
        Err(_) => Ok(false),
    }
}

/// A git config file: itself, the files it includes, and the ignore file it names. A
/// relative ignore or attributes file is resolved from `workdir`; without one (the global
/// files, checked once for every work tree) its name goes to `relative` instead.
fn config_file(
    path: &Path,
    workdir: Option<&Path>,
    depth: usize,
    relative: &mut Vec<String>,
) -> Result<(), Unsafe> {
    // Read at once (no `stat` first): a FIFO, device or folder is refused by the bounded
    // read before it is opened, as `regular` refuses it; anything else unreadable git skips.
    if path == Path::new("/dev/null") {
        return Ok(());
    }
    let text = match crate::fs::read_text(path, crate::fs::SMALL) {
        Ok(text) => text,
        Err(crate::fs::ReadError::Folder | crate::fs::ReadError::NotRegular) => {
            return Err(Unsafe::NotRegular { path: tidy(path) })
        }
        Err(_) => return Ok(()),
    };
    if depth > MAX_INCLUDE_DEPTH {
        return Ok(());
    }
    let base = path.parent().or(workdir).unwrap_or(Path::new(""));
    for (section, key, value) in config_entries(&text) {
        match (section.as_str(), key.as_str()) {
            ("include" | "includeif", "path") => {
                config_file(&expand(&value, base), workdir, depth + 1, relative)?;
            }
            ("core", "excludesfile" | "attributesfile") => match workdir {
                Some(workdir) => regular(&expand(&value, workdir)).map(drop)?,
                None if !value.starts_with("~/") && Path::new(&value).is_relative() => {
                    relative.push(value);
                }
                None => regular(&expand(&value, Path::new(""))).map(drop)?,
            },
            _ => {}
        }
    }
    Ok(())
}

/// `(section, key, value)` of every `key = value` line, section and key lower-cased, the
/// section without its subsection (`includeIf "gitdir:..."` is `includeif`). Enough of git's
/// format to find file names; anything it cannot read is skipped (libgit2 reports it).
fn config_entries(text: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut section = String::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix('[') {
            let name = rest
                .split(|c: char| c == ']' || c == '"' || c.is_whitespace())
                .next()
                .unwrap_or("");
            section = name.to_ascii_lowercase();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        out.push((
            section.clone(),
            key.trim().to_ascii_lowercase(),
            value.to_string(),
        ));
    }
    out
}

/// `~/x` from the home folder, a relative path from `base` (joined as libgit2 joins it; the
/// file system resolves `..`).
fn expand(value: &str, base: &Path) -> PathBuf {
    match value.strip_prefix("~/") {
        Some(rest) => home().unwrap_or_default().join(rest),
        None => base.join(value),
    }
}

/// `path` with `.` and `..` resolved by name, for messages (`inc.cfg`, not `.git/../inc.cfg`).
fn tidy(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

fn xdg_config_home() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| home().map(|h| h.join(".config")))
}

/// The user's and the system's config files, as libgit2 finds them.
fn global_configs() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("/etc/gitconfig")];
    out.extend(home().map(|h| h.join(".gitconfig")));
    out.extend(xdg_config_home().map(|d| d.join("git/config")));
    out
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn fifo(path: &Path) {
        let ok = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(ok.success());
    }

    #[test]
    fn config_entries_find_includes_and_ignore_files() {
        let text = "[core]\n\texcludesFile = ~/ignore\n[includeIf \"gitdir:~/w/\"]\n  path = \"x.cfg\"\n# c\n";
        let e = config_entries(text);
        assert_eq!(
            e[0],
            ("core".into(), "excludesfile".into(), "~/ignore".into())
        );
        assert_eq!(e[1], ("includeif".into(), "path".into(), "x.cfg".into()));
    }

    #[test]
    fn fifos_anywhere_git_reads_are_refused_and_dev_null_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".git/info")).unwrap();
        std::fs::write(root.join(".git/config"), "[include]\n\tpath = ../inc.cfg\n").unwrap();
        assert_eq!(check_repository(&crate::fs::Root::new(root), true), Ok(()));
        fifo(&root.join("inc.cfg"));
        assert!(matches!(
            check_repository(&crate::fs::Root::new(root), true),
            Err(Unsafe::NotRegular { path }) if path.ends_with("inc.cfg")
        ));
        std::fs::write(
            root.join(".git/config"),
            "[core]\nexcludesfile = /dev/null\n",
        )
        .unwrap();
        assert_eq!(check_repository(&crate::fs::Root::new(root), true), Ok(()));
        fifo(&root.join(".git/info/exclude"));
        assert!(check_repository(&crate::fs::Root::new(root), true).is_err());
    }

    #[test]
    fn a_git_dir_outside_is_refused_only_for_a_submission() {
        let other = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(other.path().join(".git")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let gitdir = other.path().join(".git");
        std::fs::write(
            dir.path().join(".git"),
            format!("gitdir: {}\n", gitdir.display()),
        )
        .unwrap();
        assert!(matches!(
            check_repository(&crate::fs::Root::new(dir.path()), true),
            Err(Unsafe::Outside { .. })
        ));
        assert_eq!(
            check_repository(&crate::fs::Root::new(dir.path()), false),
            Ok(())
        );
    }
}
