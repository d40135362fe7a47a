//! The learner's workspace and the progress kept in its `.course/` folder.
//!
//! `course` writes nothing outside `.course/` (the one exception is `course answer`, which
//! writes the answer file it was asked to). Every write is atomic: a temporary file in the
//! same folder, then a rename, so a crash never leaves half a state file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::exit::{usage, usage_tr};
use crate::fs::write_atomic;
use crate::i18n::Lang;

pub const STATE_DIR: &str = ".course";
pub const STATE_FILE: &str = "state.yaml";

/// A folder the learner works in.
#[derive(Clone, Debug)]
pub struct Workspace {
    pub root: PathBuf,
}

impl Workspace {
    /// `--workspace DIR` as given (any folder, initialised or not), else the nearest folder
    /// from the current one upwards that holds `.course/`.
    pub fn locate(explicit: Option<&Path>) -> Result<Option<Workspace>> {
        if let Some(dir) = explicit {
            return Workspace::explicit(dir).map(Some);
        }
        let cwd = crate::fs::current_dir()?;
        Ok(cwd
            .ancestors()
            .find(|dir| dir.join(STATE_DIR).is_dir())
            .map(|root| Workspace {
                root: root.to_path_buf(),
            }))
    }

    /// The folder given with `--workspace`, which must exist.
    pub fn explicit(dir: &Path) -> Result<Workspace> {
        if !dir.is_dir() {
            let what = if dir.exists() {
                crate::tr!("not a folder", "폴더가 아닙니다")
            } else {
                crate::tr!("no such folder", "없는 폴더입니다")
            };
            let d = dir.display();
            // Said in the run's language: `--lang` and COURSE_LANG are known by now.
            return Err(usage(
                crate::tr!(
                    "{d}: {what}; --workspace must name an existing folder",
                    "{d}: {what}. --workspace에는 있는 폴더를 주십시오";
                    what = what
                )
                .get(crate::exit::run_lang())
                .to_string(),
            ));
        }
        let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        Ok(Workspace { root })
    }

    pub fn state_dir(&self) -> PathBuf {
        self.root.join(STATE_DIR)
    }

    /// Has `course init` been run here?
    pub fn is_initialised(&self) -> bool {
        self.state_dir().is_dir()
    }

    /// `.course/cache`, when the workspace is initialised (CI checkouts are not: no cache).
    /// An error when `.course` or the cache is a symbolic link: see [`Workspace::own_state_dir`].
    pub fn cache_dir(&self) -> Result<Option<PathBuf>> {
        if !self.is_initialised() {
            return Ok(None);
        }
        let cache = self.own_state_dir()?.join("cache");
        refuse_link(&cache, &self.root)?;
        Ok(Some(cache))
    }

    /// `.course/`, checked before anything is written there: the workspace's own folder, not a
    /// symbolic link. A link could lead anywhere on the machine, and `course` writes only
    /// inside the workspace.
    pub fn own_state_dir(&self) -> Result<PathBuf> {
        let dir = self.state_dir();
        refuse_link(&dir, &self.root)?;
        Ok(dir)
    }

    /// The saved state, or a fresh one when there is none yet.
    pub fn load_state(&self) -> Result<State> {
        let path = self.state_dir().join(STATE_FILE);
        match crate::fs::read_text(&path, crate::fs::SMALL) {
            Ok(text) => crate::yaml::parse_str::<State>(&text, &path.display().to_string())
                .map_err(|e| {
                    usage_tr(crate::tr!(
                        "{e}\n  the progress file is damaged; fix it, or start over with `course reset --all` (exercise results are not lost: they are checked afresh)",
                        "{e}\n  진행 파일이 손상되었습니다. 고치거나 `course reset --all`로 처음부터 다시 시작하십시오 (연습 문제 결과는 잃지 않습니다: 결과는 매번 새로 확인합니다)"
                    ))
                }),
            Err(crate::fs::ReadError::Missing) => Ok(State::default()),
            Err(e) => Err(e).with_context(|| {
                let p = path.display();
                crate::exit::said(crate::tr!("cannot read {p}", "{p}을(를) 읽을 수 없습니다"))
            }),
        }
    }

    /// Save the state atomically. Does nothing in a folder that is not initialised.
    pub fn save_state(&self, state: &State) -> Result<()> {
        if !self.is_initialised() {
            return Ok(());
        }
        let dir = self.own_state_dir()?;
        let text = serde_yaml::to_string(state).context("cannot serialise progress")?;
        let header = "# Progress kept by `course`. Safe to read; exercise results are not stored here\n# (they are whatever `course check` says now).\n";
        write_atomic(&dir.join(STATE_FILE), format!("{header}{text}").as_bytes())
    }
}

/// The folder the README's start makes, in the learner's home folder: `~/my-vla-project`.
/// `course` says how to come back to it when it is a workspace already.
pub const README_FOLDER: &str = "my-vla-project";

/// The learner's home folder (`$HOME`; on Windows `%USERPROFILE%`), when set.
pub fn home() -> Option<PathBuf> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    var("HOME")
        .or_else(|| var("USERPROFILE"))
        .map(PathBuf::from)
}

/// `~/my-vla-project` when it is a course workspace (its `.course/` exists): the learner has
/// started there, and a new terminal in `~` should lead back to it.
pub fn readme_workspace() -> Option<PathBuf> {
    home()
        .map(|h| h.join(README_FOLDER))
        .filter(|dir| dir.join(STATE_DIR).is_dir())
}

/// Folders one level below `dir` that are course workspaces, sorted (at most `max`; a home
/// folder holds many entries, and only the first few are worth naming).
pub fn workspaces_below(dir: &Path, max: usize) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join(STATE_DIR).is_dir())
        .collect();
    found.sort();
    found.truncate(max);
    found
}

/// Course workspaces at most `depth` folders below `dir`, sorted, at most `max` (issue 9: a
/// learner back in `~` whose workspace is `~/work/vla`). Bounded, since `dir` may be a home
/// folder: at most [`BELOW_ENTRIES`] entries are looked at in all, hidden folders are
/// skipped, symbolic links are not followed (one could lead anywhere, or round), and only
/// folders are listed: nothing else is opened, so a FIFO never blocks. A workspace's own
/// folders are not searched (they belong to it).
pub fn workspaces_within(dir: &Path, depth: usize, max: usize) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut budget = BELOW_ENTRIES;
    let mut level = vec![dir.to_path_buf()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for folder in level {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            let mut subs = Vec::new();
            for entry in entries.filter_map(|e| e.ok()) {
                if budget == 0 {
                    break;
                }
                budget -= 1;
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                // The entry's own type: a link to a folder is not a folder here.
                if !hidden && entry.file_type().is_ok_and(|t| t.is_dir()) {
                    subs.push(entry.path());
                }
            }
            subs.sort();
            for sub in subs {
                let state = std::fs::symlink_metadata(sub.join(STATE_DIR));
                if state.is_ok_and(|m| m.is_dir()) {
                    found.push(sub);
                } else {
                    next.push(sub);
                }
            }
        }
        level = next;
    }
    found.sort();
    found.truncate(max);
    found
}

/// How many folder entries [`workspaces_within`] looks at, at most: a home folder's first
/// two levels are usually far fewer, and a huge one costs a few milliseconds, not a hang.
pub const BELOW_ENTRIES: usize = 4096;

/// A usage error when `path` (in the workspace `root`) is a symbolic link.
fn refuse_link(path: &Path, root: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if !meta.file_type().is_symlink() {
        return Ok(());
    }
    let rel = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    let target = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    let root = root.display();
    Err(usage_tr(crate::tr!(
        "{root}: `{rel}` is a symbolic link (to {target}); course writes only inside the workspace's own `.course/` folder, so it writes nothing through it\n  replace the link with a folder: `rm {rel}`, then run `course init` again (progress starts over; exercise results are checked afresh)",
        "{root}: `{rel}`은(는) 심볼릭 링크입니다 ({target}을(를) 가리킴). course는 작업 폴더 자신의 `.course/` 폴더 안에만 쓰므로 링크를 거쳐서는 아무것도 쓰지 않습니다\n  링크를 폴더로 바꾸십시오: `rm {rel}` 후 `course init`을 다시 실행하십시오 (진행 상황은 처음부터 시작하고, 연습 문제 결과는 새로 확인합니다)"
    )))
}

/// What `course` remembers about the learner. Exercise results are deliberately absent:
/// they are never trusted from state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    #[serde(default = "state_version")]
    pub version: u32,
    /// The learner's chosen language (`course init --lang`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// The lesson last shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_lesson: Option<String>,
    /// Lessons shown at least once.
    #[serde(default)]
    pub lessons_read: BTreeSet<String>,
    /// How many hints of each exercise have been shown.
    #[serde(default)]
    pub hints_shown: BTreeMap<String, usize>,
    /// Exercises the learner has worked on: `course next` showed them, or they were named in
    /// `course check`, `course hint` or `course answer`. Until then a failing exercise is
    /// "not yet", not "fail".
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub tried: BTreeSet<String>,
    /// Exercises put aside with `course skip`: `course next` comes back to them last.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub deferred: BTreeSet<String>,
}

impl Default for State {
    fn default() -> State {
        State {
            version: state_version(),
            lang: None,
            current_lesson: None,
            lessons_read: Default::default(),
            hints_shown: Default::default(),
            tried: Default::default(),
            deferred: Default::default(),
        }
    }
}

fn state_version() -> u32 {
    1
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn atomic_writes_are_readable_and_keep_existing_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("report.json");
        write_atomic(&new, b"{}").unwrap();
        assert_eq!(
            std::fs::metadata(&new).unwrap().permissions().mode() & 0o777,
            0o644
        );
        let script = dir.path().join("run.sh");
        std::fs::write(&script, "old").unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        write_atomic(&script, b"new").unwrap();
        assert_eq!(
            std::fs::metadata(&script).unwrap().permissions().mode() & 0o777,
            0o755
        );
        assert_eq!(std::fs::read_to_string(&script).unwrap(), "new");
    }
}
