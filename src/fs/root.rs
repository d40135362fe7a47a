//! A workspace folder whose files checks read, with its canonical path found once.
//!
//! Whether a file stays inside the workspace was asked by canonicalizing both the workspace
//! and the file on every read: one `readlink` per component of each path, about 60 system
//! calls per graded submission for nothing, since the workspace does not move while it is
//! checked. [`Root`] canonicalizes the workspace once; a file whose every component below it
//! is a plain folder or file (no link, no `..`) is inside by construction and is found with
//! one `lstat` per component. Anything else (a link anywhere, a missing part) takes the full
//! canonicalizing path, so what is decided is exactly what [`super::stays_inside`] decides.
//!
//! A component whose folder was listed already (the checks of one workspace share their
//! [`Listings`]) is answered by that listing, whose entries carry their type without a system
//! call on Linux: about twenty `lstat`s of long paths per graded submission were asked of
//! the kernel for names the listings held.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs::FileType;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use super::{read_known_regular, ReadError, WORKSPACE_FILE_MAX};
use crate::walk::{Listings, Said};

/// What a workspace path is (links followed), which is all checks ask of one before reading
/// it: a folder listing tells it without a system call, where a size would need a `stat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    /// A FIFO, a device or a socket.
    Other,
}

impl Kind {
    pub fn is_file(self) -> bool {
        self == Kind::File
    }

    pub fn is_dir(self) -> bool {
        self == Kind::Folder
    }

    fn of(t: FileType) -> Kind {
        if t.is_dir() {
            Kind::Folder
        } else if t.is_file() {
            Kind::File
        } else {
            Kind::Other
        }
    }
}

/// What [`Root::plain`] found for a path.
enum Plain {
    /// Reached through plain folders only; what it is.
    Found(Kind),
    /// A folder's listing shows no entry of that name, nor one differing in case.
    Missing,
    /// A link on the way, or the system could not say: ask the slow way.
    Unsure,
}

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
    lstats: RefCell<BTreeMap<OsString, Option<FileType>>>,
    /// The workspace's folder listings, when shared with the checks (see the module's doc).
    listings: Option<Rc<Listings>>,
}

impl Root {
    /// `path` as given, canonicalized once here.
    pub fn new(path: &Path) -> Root {
        Root {
            path: path.to_path_buf(),
            canonical: path.canonicalize().ok(),
            ignores_case: OnceCell::new(),
            lstats: RefCell::default(),
            listings: None,
        }
    }

    /// Answer from `listings` (keyed by paths below [`Root::path`]) what they already hold.
    pub fn with_listings(mut self, listings: Rc<Listings>) -> Root {
        self.listings = Some(listings);
        self
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
            if matches!(self.plain(rel), Plain::Found(_)) {
                return true;
            }
        }
        path.canonicalize().is_ok_and(|p| p.starts_with(root))
    }

    /// The text of the workspace file `rel`: see [`super::read_workspace_text`].
    pub fn read_text(&self, rel: &str) -> Result<String, ReadError> {
        // Its kind is checked before it is opened (a FIFO is never opened); its size on the
        // open file.
        let bytes = match self.kind(rel)? {
            Kind::Folder => return Err(ReadError::Folder),
            Kind::Other => return Err(ReadError::NotRegular),
            Kind::File => read_known_regular(&self.path.join(rel), WORKSPACE_FILE_MAX)?,
        };
        super::decode(&bytes).map_err(|line| ReadError::NotUtf8 { line })
    }

    /// What the workspace path `rel` is (links followed), as checks see it: a link to
    /// nothing is [`ReadError::BrokenLink`], one that leads out of the workspace
    /// [`ReadError::OutsideWorkspace`], and a name found only because the file system ignores
    /// case (`readme.md` opened as `README.md`) [`ReadError::Missing`], as git and a grader
    /// on Linux would find it.
    pub fn kind(&self, rel: &str) -> Result<Kind, ReadError> {
        let kind = match self.plain(Path::new(rel)) {
            Plain::Found(kind) => kind,
            // Listed without it, nor a name in another case: missing on any file system.
            Plain::Missing => return Err(ReadError::Missing),
            Plain::Unsure => {
                let path = self.path.join(rel);
                // A link to nothing is missing; one that leads out is refused before
                // anything is read.
                super::metadata(&path)?;
                if !self.contains(&path) {
                    return Err(ReadError::OutsideWorkspace);
                }
                Kind::of(super::metadata(&path)?.file_type())
            }
        };
        if self.ignores_case() && !self.listed_exactly(Path::new(rel)) {
            return Err(ReadError::Missing);
        }
        Ok(kind)
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
    /// link among its components, itself included, and no `.`, `..` or absolute part), what
    /// it is: such a path is inside the folder without resolving anything. [`Plain::Unsure`]
    /// means "ask the slow way", never "outside".
    fn plain(&self, rel: &Path) -> Plain {
        let Some(canonical) = &self.canonical else {
            return Plain::Unsure;
        };
        // Each folder by the path the listings are kept by; the canonical one is made only
        // for an `lstat`.
        let mut listed_at = self.path.clone();
        let mut kind = None;
        for (i, part) in rel.components().enumerate() {
            let Component::Normal(name) = part else {
                return Plain::Unsure;
            };
            let t = match self.listed_type(&listed_at, name) {
                Some(Some(t)) => t,
                Some(None) => return Plain::Missing,
                None => {
                    let mut at = canonical.clone();
                    at.extend(rel.components().take(i + 1));
                    match self.lstat(&at) {
                        Some(t) => t,
                        None => return Plain::Unsure,
                    }
                }
            };
            if t.is_symlink() {
                return Plain::Unsure;
            }
            kind = Some(Kind::of(t));
            listed_at.push(name);
        }
        kind.map_or(Plain::Unsure, Plain::Found)
    }

    /// Is `name`, an entry of the folder itself, listed as a folder (not a link)? `false`
    /// when the listings cannot say: then the system is asked.
    pub fn listed_folder(&self, name: &str) -> bool {
        matches!(self.listed_type(&self.path, name.as_ref()), Some(Some(t)) if t.is_dir())
    }

    /// What the listing of `dir`, if already read, says of its entry `name`: its type
    /// (`Some(Some)`), that it is not there (`Some(None)`), or nothing (`None`: not listed, a
    /// name differing only in case is listed, or the type is unknown).
    fn listed_type(&self, dir: &Path, name: &std::ffi::OsStr) -> Option<Option<FileType>> {
        match self.listings.as_ref()?.says(dir, name.to_str()?)? {
            Said::Listed(t) => t.map(Some),
            Said::Missing => Some(None),
        }
    }

    /// `path`'s type, not following a link, asked of the system once per check (see the
    /// field `lstats`).
    fn lstat(&self, path: &Path) -> Option<FileType> {
        if let Some(known) = self.lstats.borrow().get(path.as_os_str()) {
            return *known;
        }
        let t = std::fs::symlink_metadata(path).ok().map(|m| m.file_type());
        self.lstats
            .borrow_mut()
            .insert(path.as_os_str().to_owned(), t);
        t
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
    // `b`, the name in the other case, first: on a file system that tells case apart it is
    // not there, and `a` need not be asked (one `lstat` per workspace).
    let Ok(b) = std::fs::symlink_metadata(b) else {
        return false;
    };
    std::fs::symlink_metadata(a).is_ok_and(|a| a.dev() == b.dev() && a.ino() == b.ino())
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

    #[test]
    fn listed_folders_answer_as_the_system_does() {
        let dir = tempfile::tempdir().unwrap();
        let at = |rel: &str| dir.path().join(rel);
        std::fs::create_dir_all(at("src/model")).unwrap();
        std::fs::write(at("src/model/__init__.py"), "").unwrap();
        std::fs::write(at("README.md"), "# x").unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "s").unwrap();
        std::os::unix::fs::symlink(outside.path(), at("out")).unwrap();
        std::os::unix::fs::symlink("README.md", at("readme-link")).unwrap();
        std::os::unix::fs::symlink("nothing", at("dangling")).unwrap();
        let listings = Rc::new(Listings::default());
        crate::walk::walk_listed(&listings, dir.path(), 4, 100, |_| true);
        let listed = Root::new(dir.path()).with_listings(listings.clone());
        let asked = Root::new(dir.path());
        for rel in [
            "README.md",
            "readme.md",
            "src",
            "src/model",
            "src/model/__init__.py",
            "src/model/missing.py",
            "src/nothing/__init__.py",
            "out/secret",
            "readme-link",
            "dangling",
            "README.md/x",
        ] {
            assert_eq!(listed.kind(rel), asked.kind(rel), "{rel}");
            assert_eq!(listed.read_text(rel), asked.read_text(rel), "{rel}");
        }
        assert_eq!(listed.kind("src/model"), Ok(Kind::Folder));
        assert_eq!(listed.kind("out/secret"), Err(ReadError::OutsideWorkspace));
        // The listing answers (it stands for the whole check, as every listing does): a file
        // removed since is still what the listing says, where the system says otherwise.
        std::fs::remove_file(at("README.md")).unwrap();
        let listed = Root::new(dir.path()).with_listings(listings);
        assert_eq!(listed.kind("README.md"), Ok(Kind::File));
        assert_eq!(
            Root::new(dir.path()).kind("README.md"),
            Err(ReadError::Missing)
        );
    }
}
