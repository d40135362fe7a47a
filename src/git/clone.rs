//! Cloning a student's repository for grading, or fetching into the clone of an earlier run,
//! and checking out the commit to grade (a branch, a tag, or the remote's default branch).
//!
//! This runs the `git` command, not libgit2: `course` builds git2 without network transports
//! (no OpenSSL, no libssh2), and the `git` command brings everything an instructor's machine
//! already has set up for HTTPS and SSH: credential helpers (`gh auth setup-git`, the OS
//! keychain), the SSH agent, `insteadOf` rules, proxies. One code path serves every URL, and
//! the tests (local `file://` repositories) run the same code as a real class.
//!
//! Every git command runs with a timeout in its own process group (`process`), stdin closed,
//! `GIT_TERMINAL_PROMPT=0` and SSH in batch mode, so a repository that asks for a password
//! fails at once with git's message instead of waiting for someone to type. A token for
//! HTTPS can be given in `COURSE_GIT_TOKEN`: it is passed to git through its environment
//! (never on a command line other users can read), as an `http.<url>.extraHeader` for the
//! URLs under `COURSE_GIT_TOKEN_URL` (default `https://github.com/`) only.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::process::{run_with_timeout, RunError};

/// Why a repository could not be made ready.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CloneError {
    /// `git clone` or `git fetch` failed: git's own message (the last lines of its stderr).
    Failed(String),
    /// A git command did not finish in time and was stopped.
    TimedOut { secs: u64 },
    /// The `git` command could not be started.
    NoGit(String),
    /// The repository has no commits (nothing was pushed).
    NoCommits,
    /// The branch, tag or commit asked for does not exist in the repository.
    NoSuchRef(String),
    /// The clone folder holds something that is not a clone.
    NotAClone,
}

/// What `course` did to the clone folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fetched {
    Cloned,
    Fetched,
}

/// Make `dest` a full clone of `url` checked out at `reference` (a branch, tag or commit;
/// the remote's default branch when `None`): clone it when `dest` does not exist, else fetch.
/// Returns the commit checked out.
pub fn clone_or_fetch(
    url: &str,
    reference: Option<&str>,
    dest: &Path,
    timeout: Duration,
) -> Result<(Fetched, String), CloneError> {
    let fetched = if dest.join(".git").is_dir() {
        git(Some(dest), &["remote", "set-url", "origin", url], timeout)?;
        git(
            Some(dest),
            &["fetch", "--prune", "--tags", "--force", "origin"],
            timeout,
        )?;
        Fetched::Fetched
    } else if dest.exists() {
        return Err(CloneError::NotAClone);
    } else {
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|e| CloneError::Failed(e.to_string()))?;
        }
        let dest_arg = dest.to_string_lossy();
        let cloned = git(
            None,
            &["clone", "--no-checkout", "--quiet", "--", url, &dest_arg],
            timeout,
        );
        if let Err(e) = cloned {
            // A half-made clone would be taken for a clone next time.
            let _ = std::fs::remove_dir_all(dest);
            return Err(e);
        }
        Fetched::Cloned
    };
    let commit = resolve(dest, reference, timeout)?;
    git(
        Some(dest),
        &["checkout", "--quiet", "--force", "--detach", &commit],
        timeout,
    )?;
    if fetched == Fetched::Fetched {
        // Files of an earlier checkout that git does not track must not be graded now.
        git(Some(dest), &["clean", "-ffdxq"], timeout)?;
    }
    Ok((fetched, commit))
}

/// The commit `reference` names in the clone: a remote branch, a tag, or a commit id.
fn resolve(dest: &Path, reference: Option<&str>, timeout: Duration) -> Result<String, CloneError> {
    let candidates: Vec<String> = match reference {
        Some(r) => {
            let mut c = vec![format!("refs/remotes/origin/{r}"), format!("refs/tags/{r}")];
            // A commit id; not a bare name, which could be a stale local branch.
            if r.len() >= 7 && r.chars().all(|c| c.is_ascii_hexdigit()) {
                c.push(r.to_string());
            }
            c
        }
        None => {
            // A clone made while the repository was empty has no origin/HEAD: ask the remote.
            if rev_parse(dest, "refs/remotes/origin/HEAD", timeout).is_none() {
                let _ = git(
                    Some(dest),
                    &["remote", "set-head", "origin", "--auto"],
                    timeout,
                );
            }
            vec!["refs/remotes/origin/HEAD".to_string()]
        }
    };
    if let Some(commit) = candidates.iter().find_map(|c| rev_parse(dest, c, timeout)) {
        return Ok(commit);
    }
    // Found nothing: say whether the repository has no commits at all.
    let any = git(Some(dest), &["rev-list", "-n1", "--all"], timeout)?;
    if any.trim().is_empty() {
        return Err(CloneError::NoCommits);
    }
    // With no ref given: the remote's HEAD names a branch that does not exist.
    Err(CloneError::NoSuchRef(
        reference.unwrap_or("HEAD").to_string(),
    ))
}

fn rev_parse(dest: &Path, name: &str, timeout: Duration) -> Option<String> {
    // `--end-of-options`: a reference from a roster is never read as an option.
    let spec = format!("{name}^{{commit}}");
    git(
        Some(dest),
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
        timeout,
    )
    .ok()
    .map(|out| out.trim().to_string())
    .filter(|id| !id.is_empty())
}

/// Run git with the environment described in the module documentation; its stdout.
fn git(dir: Option<&Path>, args: &[&str], timeout: Duration) -> Result<String, CloneError> {
    let mut cmd = Command::new("git");
    if let Some(dir) = dir {
        cmd.arg("-C").arg(dir);
    }
    cmd.args(args);
    for (key, value) in environment(|k| std::env::var(k).ok()) {
        cmd.env(key, value);
    }
    match run_with_timeout(cmd, timeout) {
        Ok(out) if out.status.success() => Ok(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => Err(CloneError::Failed(last_lines(&out.stderr))),
        Err(RunError::TimedOut { after, .. }) => Err(CloneError::TimedOut {
            secs: after.as_secs(),
        }),
        Err(RunError::Start(e)) => Err(CloneError::NoGit(e.to_string())),
        Err(e) => Err(CloneError::Failed(e.to_string())),
    }
}

/// The variables every git command gets, given a way to read the current environment.
fn environment(var: impl Fn(&str) -> Option<String>) -> Vec<(String, String)> {
    let mut env = vec![("GIT_TERMINAL_PROMPT".to_string(), "0".to_string())];
    if var("GIT_SSH_COMMAND").is_none() && var("GIT_SSH").is_none() {
        env.push((
            "GIT_SSH_COMMAND".to_string(),
            "ssh -o BatchMode=yes".to_string(),
        ));
    }
    if let Some(token) = var("COURSE_GIT_TOKEN").filter(|t| !t.is_empty()) {
        let url = var("COURSE_GIT_TOKEN_URL").unwrap_or_else(|| "https://github.com/".into());
        // Added after any GIT_CONFIG_* the user already passes, not instead of them.
        let n: usize = var("GIT_CONFIG_COUNT")
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let basic = base64(format!("x-access-token:{token}").as_bytes());
        env.push((
            format!("GIT_CONFIG_KEY_{n}"),
            format!("http.{url}.extraHeader"),
        ));
        env.push((
            format!("GIT_CONFIG_VALUE_{n}"),
            format!("Authorization: Basic {basic}"),
        ));
        env.push(("GIT_CONFIG_COUNT".to_string(), (n + 1).to_string()));
    }
    env
}

/// git's reason, as one line: its `fatal:` and `error:` lines (which say what went wrong),
/// else its last lines.
fn last_lines(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let fatal: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("fatal:") || l.starts_with("error:"))
        .take(3)
        .collect();
    let chosen = if fatal.is_empty() {
        &lines[lines.len().saturating_sub(2)..]
    } else {
        &fatal[..]
    };
    if chosen.is_empty() {
        "git gave no reason".to_string()
    } else {
        chosen.join(" / ")
    }
}

/// Standard base64 (RFC 4648) with padding: one HTTP header needs no crate.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648_says() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn a_token_goes_to_its_urls_only_after_the_users_own_config() {
        let vars = |k: &str| match k {
            "COURSE_GIT_TOKEN" => Some("t0k".to_string()),
            "GIT_CONFIG_COUNT" => Some("2".to_string()),
            _ => None,
        };
        let env = environment(vars);
        let get = |k: &str| {
            env.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("GIT_TERMINAL_PROMPT"), Some("0"));
        assert_eq!(get("GIT_SSH_COMMAND"), Some("ssh -o BatchMode=yes"));
        assert_eq!(
            get("GIT_CONFIG_KEY_2"),
            Some("http.https://github.com/.extraHeader")
        );
        assert_eq!(
            get("GIT_CONFIG_VALUE_2"),
            Some(format!("Authorization: Basic {}", base64(b"x-access-token:t0k")).as_str())
        );
        assert_eq!(get("GIT_CONFIG_COUNT"), Some("3"));
        // Without a token nothing about credentials is set; the user's SSH command is kept.
        let env = environment(|k| (k == "GIT_SSH_COMMAND").then(|| "ssh -i key".to_string()));
        assert_eq!(env.len(), 1);
    }
}
