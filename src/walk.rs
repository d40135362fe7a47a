//! A bounded walk of the workspace that never follows symbolic links.
//!
//! Checks look at learner folders that may hold a 100,000-file data set, a virtual
//! environment or a symlink loop; every walk here has a depth and an entry budget.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fs::FileType;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// One entry found by [`walk`].
#[derive(Clone, Debug)]
pub struct Entry {
    /// Path relative to the walk's root, `/`-separated.
    pub rel: String,
    pub path: PathBuf,
    pub is_dir: bool,
    /// A regular file (not a link to one); `None` when the listing could not say.
    pub is_file: Option<bool>,
    pub depth: usize,
}

/// Entries found, and whether the budget cut the walk short.
#[derive(Clone, Debug, Default)]
pub struct Walk {
    pub entries: Vec<Entry>,
    pub truncated: bool,
}

/// Folders a check never needs to look inside.
pub fn is_noise_dir(name: &str) -> bool {
    matches!(
        name,
        ".git"
            | ".course"
            | "node_modules"
            | "__pycache__"
            | ".ipynb_checkpoints"
            | ".mypy_cache"
            | ".pytest_cache"
            | ".tox"
    )
}

/// One entry of a folder listing.
#[derive(Clone, Debug)]
pub struct Listed {
    pub name: OsString,
    /// Its type, not following a link (`None` when the system could not say).
    pub file_type: Option<FileType>,
}

impl Listed {
    /// A folder (a link to one is not).
    pub fn is_dir(&self) -> bool {
        self.file_type.is_some_and(|t| t.is_dir())
    }
}

/// Folder listings read once per check of a workspace. The environment search and the
/// `paths`, `python-packages` and `config-files` checks list the same folders (`src/`,
/// `scripts/`, `configs/`, ...): about 25 system calls per graded submission went to
/// listing them again. A workspace is never changed while it is checked, so a folder's
/// first listing stands for the whole check.
///
/// Kept by the path's bytes in a B-tree: a dozen folders per workspace, found by comparing
/// bytes, where hashing a `Path` (component by component) cost more than the listing.
#[derive(Debug, Default)]
pub struct Listings(RefCell<BTreeMap<OsString, Option<Rc<[Listed]>>>>);

/// A folder's key: its path without a trailing `/` (libgit2 gives the work tree with one).
fn key(dir: &Path) -> &OsStr {
    match dir.to_str() {
        Some(s) if s.len() > 1 => OsStr::new(s.trim_end_matches('/')),
        _ => dir.as_os_str(),
    }
}

impl Listings {
    /// The entries of `dir` sorted by name, or `None` when it cannot be listed.
    pub fn list(&self, dir: &Path) -> Option<Rc<[Listed]>> {
        if let Some(known) = self.0.borrow().get(key(dir)) {
            return known.clone();
        }
        let listed = std::fs::read_dir(dir).ok().map(|read| {
            let mut names: Vec<Listed> = read
                .filter_map(Result::ok)
                .map(|e| Listed {
                    name: e.file_name(),
                    file_type: e.file_type().ok(),
                })
                .collect();
            names.sort_by(|a, b| a.name.cmp(&b.name));
            Rc::from(names)
        });
        self.0
            .borrow_mut()
            .insert(key(dir).to_owned(), listed.clone());
        listed
    }

    /// `dir`'s listing if it was already read (`Some(None)`: it could not be), without
    /// reading it: for a question one `lstat` answers when nothing was listed.
    pub fn listed(&self, dir: &Path) -> Option<Option<Rc<[Listed]>>> {
        self.0.borrow().get(key(dir)).cloned()
    }

    /// What the listings already read say about the entry `name` of `dir`: `Some(None)` when
    /// `dir` was listed without it (or `dir` is itself known to be missing), so it is; `Some(Some(entry))` when listed; `None` when the listings
    /// cannot say (not read, or only a name differing in case, which a case-insensitive
    /// file system would take for it).
    pub fn entry(&self, dir: &Path, name: &str) -> Option<Option<Listed>> {
        Some(match self.says(dir, name)? {
            Said::Listed(file_type) => Some(Listed {
                name: name.into(),
                file_type,
            }),
            Said::Missing => None,
        })
    }

    /// [`Listings::entry`] without copying the entry: a workspace's checks ask it about 30
    /// times per graded submission. The exact name is found by binary search (a listing is
    /// sorted by its bytes); only a name not there is compared with every other, in case.
    pub fn says(&self, dir: &Path, name: &str) -> Option<Said> {
        let map = self.0.borrow();
        let Some(Some(listing)) = map.get(key(dir)) else {
            drop(map);
            // `dir` was not listed (or could not be): missing if its parent says so.
            let (parent, own) = (dir.parent()?, dir.file_name()?.to_str()?);
            return match self.says(parent, own)? {
                Said::Missing => Some(Said::Missing),
                Said::Listed(_) => None,
            };
        };
        let exact = listing.binary_search_by(|e| e.name.as_encoded_bytes().cmp(name.as_bytes()));
        if let Ok(i) = exact {
            return Some(Said::Listed(listing[i].file_type));
        }
        // A name in another case, or one that is not UTF-8 (compared as bytes: an ASCII
        // name is UTF-8 without checking). Asked for each folder's `.gitignore`, mostly absent.
        let near = listing.iter().any(|e| {
            let n = e.name.as_encoded_bytes();
            n.eq_ignore_ascii_case(name.as_bytes()) || (!n.is_ascii() && e.name.to_str().is_none())
        });
        (!near).then_some(Said::Missing)
    }
}

/// What a folder's listing says of a name (see [`Listings::says`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    /// Listed under exactly that name, with its type when the system gave one.
    Listed(Option<FileType>),
    /// Neither it nor a name like it is listed: it is not there.
    Missing,
}

/// Walk `root` breadth-first up to `max_depth` levels below it and at most `max_entries`
/// entries. Symbolic links are listed as files (never entered); `enter(dir_entry)` decides
/// whether to descend into a folder.
pub fn walk(
    root: &Path,
    max_depth: usize,
    max_entries: usize,
    enter: impl Fn(&Entry) -> bool,
) -> Walk {
    walk_listed(&Listings::default(), root, max_depth, max_entries, enter)
}

/// [`walk`], with the folders' listings taken from (and kept in) `listings`.
pub fn walk_listed(
    listings: &Listings,
    root: &Path,
    max_depth: usize,
    max_entries: usize,
    enter: impl Fn(&Entry) -> bool,
) -> Walk {
    let mut out = Walk::default();
    let mut queue = std::collections::VecDeque::from([(root.to_path_buf(), String::new(), 0usize)]);
    while let Some((dir, rel_dir, depth)) = queue.pop_front() {
        let Some(names) = listings.list(&dir) else {
            continue;
        };
        for e in names.iter() {
            if out.entries.len() >= max_entries {
                out.truncated = true;
                return out;
            }
            let name = e.name.to_string_lossy().into_owned();
            let rel = if rel_dir.is_empty() {
                name
            } else {
                format!("{rel_dir}/{name}")
            };
            // The type does not follow symlinks: a link to a folder is not a folder here.
            let is_dir = e.is_dir();
            let entry = Entry {
                rel,
                path: dir.join(&e.name),
                is_dir,
                is_file: e.file_type.map(|t| t.is_file()),
                depth: depth + 1,
            };
            if is_dir && depth + 1 < max_depth && enter(&entry) {
                queue.push_back((entry.path.clone(), entry.rel.clone(), depth + 1));
            }
            out.entries.push(entry);
        }
    }
    out
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_shared_listing_is_read_once_and_walks_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("src/model")).unwrap();
        std::fs::write(root.join("src/model/__init__.py"), "").unwrap();
        std::fs::write(root.join("README.md"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("src"), root.join("link")).unwrap();
        let listings = Listings::default();
        let rels = |w: Walk| -> Vec<(String, bool)> {
            w.entries.into_iter().map(|e| (e.rel, e.is_dir)).collect()
        };
        let shared = rels(walk_listed(&listings, root, 4, 100, |_| true));
        assert_eq!(shared, rels(walk(root, 4, 100, |_| true)));
        assert_eq!(
            shared,
            [
                ("README.md".to_string(), false),
                ("link".to_string(), false),
                ("src".to_string(), true),
                ("src/model".to_string(), true),
                ("src/model/__init__.py".to_string(), false),
            ]
        );
        // The first listing stands for the check: the folder is not read again.
        std::fs::write(root.join("src/later.py"), "").unwrap();
        let again = listings.list(&root.join("src")).unwrap();
        assert_eq!(again.len(), 1);
        assert!(listings.list(&root.join("missing")).is_none());
    }
}
