//! A workspace folder whose files checks read, with its canonical path found once.
//!
//! Whether a file stays inside the workspace was asked by canonicalizing both the workspace
//! and the file on every read: one `readlink` per component of each path, about 60 system
//! calls per graded submission for nothing, since the workspace does not move while it is
//! checked. [`Root`] canonicalizes the workspace once; a file whose every component below it
//! is a plain folder or file (no link, no `..`) is inside by construction and is found with
//! one `lstat` per component. Anything else (a link anywhere, a missing part) takes the full
//! canonicalizing path, so what is decided is exactly what [`super::stays_inside`] decides.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use super::{read_regular_with, ReadError, WORKSPACE_FILE_MAX};

/// A workspace folder, and its canonical path if it has one (it exists).
#[derive(Clone, Debug)]
pub struct Root {
    path: PathBuf,
    canonical: Option<PathBuf>,
    /// Whether the folder's file system ignores case, asked once (see [`Root::ignores_case`]).
    ignores_case: OnceCell<bool>,
    /// Each path's `lstat` below the folder, asked once: the checks of one workspace ask for
    /// `src` once per package below it and for a file before each reading (about ten
    /// `lstat`s per graded submission). A workspace does not change while it is checked
    /// (as for [`crate::walk::Listings`]). Kept by the path's bytes: hashing a `Path`
    /// (component by component) cost more than the `lstat`.
    lstats: RefCell<BTreeMap<OsString, Option<std::fs::Metadata>>>,
}

impl Root {
    /// `path` as given, canonicalized once here.
    pub fn new(path: &Path) -> Root {
        Root {
            path: path.to_path_buf(),
            canonical: path.canonicalize().ok(),
            ignores_case: OnceCell::new(),
            lstats: RefCell::default(),
        }
    }

    /// The folder as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder with every link resolved; `None` when it cannot be resolved (missing).
    pub fn canonical(&self) -> Option<&Path> {
        self.canonical.as_deref()
    }

    /// Is `path` (after following links) inside this folder? See [`super::stays_inside`].
    pub fn contains(&self, path: &Path) -> bool {
        let Some(root) = &self.canonical else {
            return false;
        };
        if let Ok(rel) = path.strip_prefix(&self.path) {
            if self.plain(rel).is_some() {
                return true;
            }
        }
        path.canonicalize().is_ok_and(|p| p.starts_with(root))
    }

    /// The text of the workspace file `rel`: see [`super::read_workspace_text`].
    pub fn read_text(&self, rel: &str) -> Result<String, ReadError> {
        let meta = self.metadata(rel)?;
        let bytes = read_regular_with(&self.path.join(rel), &meta, WORKSPACE_FILE_MAX)?;
        super::decode(&bytes).map_err(|line| ReadError::NotUtf8 { line })
    }

    /// The metadata of the workspace path `rel` (links followed), as checks see it: a link to
    /// nothing is [`ReadError::BrokenLink`], one that leads out of the workspace
    /// [`ReadError::OutsideWorkspace`], and a name found only because the file system ignores
    /// case (`readme.md` opened as `README.md`) [`ReadError::Missing`], as git and a grader
    /// on Linux would find it.
    pub fn metadata(&self, rel: &str) -> Result<std::fs::Metadata, ReadError> {
        let path = self.path.join(rel);
        let meta = match self.plain(Path::new(rel)) {
            Some(meta) => meta,
            None => {
                // A link to nothing is missing; one that leads out is refused before
                // anything is read.
                super::metadata(&path)?;
                if !self.contains(&path) {
                    return Err(ReadError::OutsideWorkspace);
                }
                super::metadata(&path)?
            }
        };
        if self.ignores_case() && !self.listed_exactly(Path::new(rel)) {
            return Err(ReadError::Missing);
        }
        Ok(meta)
    }

    /// Take the file system as one that ignores case (tests: this machine's does not).
    #[cfg(test)]
    pub(super) fn assume_ignores_case(self) -> Root {
        let _ = self.ignores_case.set(true);
        self
    }

    /// Does the workspace's file system ignore case (macOS and Windows by default)? Asked
    /// once, of the deepest folder of the workspace's path with a letter in its name: its
    /// name in the other case names the same folder. On a file system that tells case apart
    /// this costs one `lstat` per workspace, and names are then compared by the system itself.
    pub fn ignores_case(&self) -> bool {
        *self.ignores_case.get_or_init(|| {
            let Some(root) = &self.canonical else {
                return false;
            };
            for dir in root.ancestors() {
                let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                let swapped = swap_case(name);
                if swapped != name {
                    return same_entry(dir, &dir.with_file_name(swapped));
                }
            }
            false
        })
    }

    /// When `rel` names an existing entry below the folder through plain folders only (no
    /// link among its components, itself included, and no `.`, `..` or absolute part), its
    /// metadata: such a path is inside the folder without resolving anything. `None` means
    /// "ask the slow way", never "outside".
    fn plain(&self, rel: &Path) -> Option<std::fs::Metadata> {
        let mut at = self.canonical.clone()?;
        let mut meta = None;
        for part in rel.components() {
            let Component::Normal(name) = part else {
                return None;
            };
            at.push(name);
            let m = self.lstat(&at)?;
            if m.file_type().is_symlink() {
                return None;
            }
            meta = Some(m);
        }
        meta
    }

    /// `path`'s `lstat`, asked of the system once per check (see the field `lstats`).
    fn lstat(&self, path: &Path) -> Option<std::fs::Metadata> {
        if let Some(known) = self.lstats.borrow().get(path.as_os_str()) {
            return known.clone();
        }
        let meta = std::fs::symlink_metadata(path).ok();
        self.lstats
            .borrow_mut()
            .insert(path.as_os_str().to_owned(), meta.clone());
        meta
    }
}

/// `name` with each letter in the other case.
fn swap_case(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            let other: Vec<char> = if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            };
            other
        })
        .collect()
}

/// Do `a` and `b` name the same folder (not two folders whose names differ in case)?
#[cfg(unix)]
fn same_entry(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::symlink_metadata(a), std::fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_entry(a: &Path, b: &Path) -> bool {
    std::fs::symlink_metadata(a).is_ok() && std::fs::symlink_metadata(b).is_ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_are_inside_and_links_are_resolved() {
        let dir = tempfile::tempdir().unwrap();
        let root = Root::new(dir.path());
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("a/b/f.txt"), "x").unwrap();
        assert!(root.contains(&dir.path().join("a/b/f.txt")));
        assert!(root.contains(&dir.path().join("a/../a/b")));
        assert!(!root.contains(&dir.path().join("a/nothing")));
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("a/out")).unwrap();
        std::fs::write(outside.path().join("g"), "y").unwrap();
        assert!(!root.contains(&dir.path().join("a/out/g")));
        assert_eq!(root.read_text("a/out/g"), Err(ReadError::OutsideWorkspace));
        std::os::unix::fs::symlink("b/f.txt", dir.path().join("a/in")).unwrap();
        assert!(root.contains(&dir.path().join("a/in")));
        assert_eq!(root.read_text("a/in").unwrap(), "x");
        assert_eq!(root.read_text("a/b/f.txt").unwrap(), "x");
        assert_eq!(root.read_text("a/b"), Err(ReadError::Folder));
        assert_eq!(root.read_text("a/b/f.txt/x").map_err(|_| ()), Err(()));
        let gone = Root::new(&dir.path().join("gone"));
        assert!(!gone.contains(&dir.path().join("gone")));
        assert_eq!(gone.read_text("f"), Err(ReadError::Missing));
    }
}
