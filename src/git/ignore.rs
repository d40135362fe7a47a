//! Would git ignore a path? git's rules (`dir.c`), with each folder's `.gitignore` read once
//! per repository instead of once per question.
//!
//! libgit2 answers one path at a time and reads every `.gitignore` on the way again for
//! each; a grade asks about a dozen paths per submission. This reads each rules file once
//! (through the bounded read of [`crate::fs`]) and answers as git does:
//! - the last matching line wins; a deeper `.gitignore` wins over a shallower one, those
//!   over `.git/info/exclude`, that over `core.excludesFile`;
//! - a pattern with no `/` (other than a trailing one) matches the name at any depth, one
//!   with a `/` is anchored to its `.gitignore`'s folder; a trailing `/` matches folders only;
//! - `!` re-includes, but never a path inside an excluded folder: git does not even read
//!   the rules inside it;
//! - a `.gitignore` that is a symbolic link is not read (git since 2.32 refuses to follow
//!   one in the work tree), nor one that is a folder. A FIFO or device is an error: git
//!   would hang on it.
//!
//! Globs are git's [`super::wildmatch`]. `tests.rs` compares the answers with
//! `git check-ignore` on random and on real `.gitignore` files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::wildmatch::{wildmatch, CASEFOLD, PATHNAME};
use super::Unsafe;
use crate::walk::{Listed, Listings};

#[cfg(test)]
mod tests;

/// Rules files larger than this are not read (git has no limit; a hand-written one is a
/// few KiB, a generated one rarely more than a few hundred).
const MAX_RULES_FILE: u64 = 16 * crate::fs::SMALL;

/// Why a rules file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesError {
    /// A FIFO, device or socket where git would read rules.
    Unsafe(Unsafe),
    /// Too large, or unreadable: the file and why.
    Unreadable(String),
}

/// One line of a rules file.
#[derive(Clone, Debug)]
struct Pattern {
    /// Without a leading `!` and a trailing `/`.
    text: Vec<u8>,
    negative: bool,
    /// A trailing `/`: folders only.
    dir_only: bool,
    /// No `/` inside: matches the last name of a path at any depth.
    basename: bool,
    /// `*literal`: the name ends with `literal`.
    ends_with: bool,
    /// The length of the leading part without glob characters.
    literal_len: usize,
}

/// At most this many names of a folder are read to see that its `.gitignore` is listed under
/// exactly that name (file systems that ignore case only).
const MAX_LISTED_NAMES: usize = 16_000;

/// The patterns of one rules file, and the folder they apply under (`""` or `"a/b/"`).
#[derive(Clone, Debug, Default)]
struct List {
    base: String,
    patterns: Vec<Pattern>,
}

/// A path's kind as far as `dir_only` patterns care; looked up on disk only when asked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dir,
    NotDir,
    Unknown,
}

/// The ignore rules of one work tree, read lazily and kept.
pub struct Rules {
    workdir: PathBuf,
    ignore_case: bool,
    /// `.git/info/exclude` then `core.excludesFile`: the order they are consulted in.
    global: Vec<List>,
    /// Each folder's `.gitignore` (repo-relative folder with a trailing `/`, or `""`).
    folders: HashMap<String, List>,
    /// The folder listings the checks already read, which answer many of the `lstat`s here
    /// (a folder with no `.gitignore`, the kind of a path) without asking the disk.
    listings: Option<Rc<Listings>>,
    /// The work tree's own `.gitignore` as read (see [`Rules::top_text`]).
    top_text: Option<Vec<u8>>,
}

impl Rules {
    /// Rules for the work tree `workdir`; `global` are the rules files outside the work
    /// tree, most important first (`.git/info/exclude`, then `core.excludesFile`).
    /// `ignore_case` is `core.ignorecase`.
    pub fn new(workdir: &Path, global: &[PathBuf], ignore_case: bool) -> Result<Rules, RulesError> {
        let mut lists = Vec::new();
        // `/dev/null` ends at once for git (people point `core.excludesFile` at it).
        for path in global
            .iter()
            .filter(|p| p.as_path() != Path::new("/dev/null"))
        {
            // Outside the work tree git follows links; a missing file has no rules.
            match crate::fs::read_regular(path, MAX_RULES_FILE) {
                Ok(bytes) => lists.push(parse(&bytes, String::new())),
                Err(e) => match read_failure(path, e) {
                    Some(err) => return Err(err),
                    None => continue,
                },
            }
        }
        Ok(Rules {
            workdir: workdir.to_path_buf(),
            ignore_case,
            global: lists,
            folders: HashMap::new(),
            listings: None,
            top_text: None,
        })
    }

    /// Take what `listings` already says about the work tree's folders instead of asking
    /// the disk again (see [`Listings::entry`]: only a listing without any name like it
    /// says a file is missing, so the answers are the same).
    pub fn with_listings(mut self, listings: Option<Rc<Listings>>) -> Rules {
        self.listings = listings;
        self
    }

    /// What the listings say about `name` in `dir` (see [`Listings::entry`]).
    fn listed(&self, dir: &Path, name: &str) -> Option<Option<Listed>> {
        self.listings.as_ref()?.entry(dir, name)
    }

    /// Would git ignore `path` (relative to the work tree, `/`-separated; a trailing `/`
    /// says it is a folder, otherwise the disk is asked when a folder-only rule needs to know)?
    pub fn is_ignored(&mut self, path: &str) -> Result<bool, RulesError> {
        let (path, kind) = match path.strip_suffix('/') {
            Some(p) => (p, Kind::Dir),
            None => (path, Kind::Unknown),
        };
        let path = path.trim_start_matches('/');
        if path.is_empty() {
            return Ok(false);
        }
        // From the root down: a folder excluded by the rules above it excludes everything
        // in it, whatever its own `.gitignore` says (git does not read that one).
        self.load("")?;
        let mut base_end = 0;
        while let Some(slash) = path[base_end..].find('/') {
            let folder = &path[..base_end + slash];
            if let Some(p) = self.last_match(folder, Kind::Dir) {
                if !p.negative {
                    return Ok(true);
                }
            }
            base_end += slash + 1;
            self.load(&path[..base_end])?;
        }
        Ok(self.last_match(path, kind).is_some_and(|p| !p.negative))
    }

    /// Read the `.gitignore` of `folder` (`""` or `"a/b/"`) unless already read.
    fn load(&mut self, folder: &str) -> Result<(), RulesError> {
        if self.folders.contains_key(folder) {
            return Ok(());
        }
        let dir = self.workdir.join(folder);
        let file = dir.join(".gitignore");
        // Where git's `core.ignorecase` is set (it is, on a file system that ignores case),
        // `.GITIGNORE` would open as `.gitignore`: git there follows it, but the repository
        // holds it under the other name and a clone on Linux (what grading sees) does not, so
        // only a file listed exactly as `.gitignore` counts.
        let listed = self.listed(&dir, ".gitignore");
        let known_missing = match &listed {
            Some(None) => true,
            Some(Some(_)) => false,
            None => {
                self.ignore_case
                    && !crate::fs::listed_exactly(&dir, ".gitignore".as_ref(), MAX_LISTED_NAMES)
            }
        };
        let list = if known_missing {
            List::default()
        } else {
            // Its type, not following a link: from the folder's listing when it was read
            // (no system call), else its `lstat`.
            let listed = listed.flatten().and_then(|e| e.file_type);
            match listed.or_else(|| std::fs::symlink_metadata(&file).ok().map(|m| m.file_type())) {
                Some(t) if t.is_symlink() || t.is_dir() => List::default(),
                Some(t) if !t.is_file() => {
                    return Err(RulesError::Unsafe(Unsafe::NotRegular { path: file }))
                }
                // Not a link: a regular file, as its `stat` would say.
                Some(_) => match crate::fs::read_known_regular(&file, MAX_RULES_FILE) {
                    Ok(bytes) => {
                        let list = parse(&bytes, folder.to_string());
                        if folder.is_empty() {
                            self.top_text = Some(bytes);
                        }
                        list
                    }
                    Err(e) => match read_failure(&file, e) {
                        Some(err) => return Err(err),
                        None => List::default(),
                    },
                },
                None => List::default(),
            }
        };
        self.folders.insert(folder.to_string(), list);
        Ok(())
    }

    /// The work tree's `.gitignore` as these rules read it: a regular file (not a link) of at
    /// most 16 MiB. `None` when it was not read (not asked yet, missing, a link, unreadable).
    pub fn top_text(&self) -> Option<&[u8]> {
        self.top_text.as_deref()
    }

    /// The pattern that decides `path`: the last matching line of the deepest rules file
    /// loaded for its folders, then the global ones.
    fn last_match(&self, path: &str, kind: Kind) -> Option<&Pattern> {
        let name_at = path.rfind('/').map_or(0, |i| i + 1);
        let mut kind = kind;
        let mut folder_lists: Vec<&List> = Vec::new();
        let mut end = name_at;
        loop {
            if let Some(list) = self.folders.get(&path[..end]) {
                folder_lists.push(list);
            }
            if end == 0 {
                break;
            }
            end = path[..end - 1].rfind('/').map_or(0, |i| i + 1);
        }
        for list in folder_lists.into_iter().chain(&self.global) {
            for p in list.patterns.iter().rev() {
                if p.dir_only {
                    if kind == Kind::Unknown {
                        kind = self.kind_on_disk(path);
                    }
                    if kind != Kind::Dir {
                        continue;
                    }
                }
                if self.matches(p, &list.base, path, name_at) {
                    return Some(p);
                }
            }
        }
        None
    }

    /// git's `lstat`: a link to a folder is not a folder.
    fn kind_on_disk(&self, path: &str) -> Kind {
        let full = self.workdir.join(path);
        let name = full.file_name().and_then(|n| n.to_str());
        if let (Some(dir), Some(name)) = (full.parent(), name) {
            match self.listed(dir, name) {
                Some(None) => return Kind::NotDir,
                Some(Some(e)) if e.file_type.is_some() => {
                    return if e.is_dir() { Kind::Dir } else { Kind::NotDir };
                }
                _ => {}
            }
        }
        match std::fs::symlink_metadata(&full) {
            Ok(m) if m.is_dir() => Kind::Dir,
            _ => Kind::NotDir,
        }
    }

    fn matches(&self, p: &Pattern, base: &str, path: &str, name_at: usize) -> bool {
        let flags = if self.ignore_case { CASEFOLD } else { 0 };
        let eq = |a: &[u8], b: &[u8]| {
            if self.ignore_case {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        };
        if p.basename {
            let name = &path.as_bytes()[name_at..];
            if p.literal_len == p.text.len() {
                return eq(&p.text, name);
            }
            if p.ends_with {
                let tail = &p.text[1..];
                return tail.len() <= name.len() && eq(tail, &name[name.len() - tail.len()..]);
            }
            return wildmatch(&p.text, name, flags);
        }
        // Anchored: the pattern applies below `base`, a leading `/` says nothing more.
        let Some(rest) = path.strip_prefix(base) else {
            return false;
        };
        let (text, literal) = match p.text.strip_prefix(b"/") {
            Some(t) => (t, p.literal_len - 1),
            None => (&p.text[..], p.literal_len),
        };
        // git compares the literal head first and globs only the rest (`match_pathname`),
        // so in `a**/b` the `**` starts the globbed part and counts as a whole `**`.
        let name = rest.as_bytes();
        if literal > name.len() || !eq(&text[..literal], &name[..literal]) {
            return false;
        }
        wildmatch(&text[literal..], &name[literal..], flags | PATHNAME)
    }
}

/// Would the one `.gitignore` line `line`, at the top of the work tree, ignore `path` (or a
/// folder above it)? For what a line would do once fixed (`.env # 비밀` without its
/// comment), not what git does now: a `!` line ignores nothing, and a folder is told by a
/// trailing `/` on `path` (its parents are folders).
pub fn line_ignores(line: &str, path: &str) -> bool {
    let list = parse(line.as_bytes(), String::new());
    let Some(p) = list.patterns.first().filter(|p| !p.negative) else {
        return false;
    };
    let rules = Rules {
        workdir: PathBuf::new(),
        ignore_case: false,
        global: Vec::new(),
        folders: HashMap::new(),
        listings: None,
        top_text: None,
    };
    let (path, is_dir) = match path.trim_start_matches('/').strip_suffix('/') {
        Some(p) => (p, true),
        None => (path.trim_start_matches('/'), false),
    };
    let folders = path.match_indices('/').map(|(i, _)| (i, true));
    folders
        .chain(std::iter::once((path.len(), is_dir)))
        .any(|(end, dir)| {
            let sub = &path[..end];
            let name_at = sub.rfind('/').map_or(0, |i| i + 1);
            (dir || !p.dir_only) && !sub.is_empty() && rules.matches(p, "", sub, name_at)
        })
}

/// `None` when git would read no rules from the file and say nothing; the error otherwise.
fn read_failure(path: &Path, e: crate::fs::ReadError) -> Option<RulesError> {
    use crate::fs::ReadError as E;
    match e {
        E::Missing | E::Folder => None,
        E::NotRegular => Some(RulesError::Unsafe(Unsafe::NotRegular {
            path: path.to_path_buf(),
        })),
        other => Some(RulesError::Unreadable(format!(
            "`{}`: {other}",
            path.display()
        ))),
    }
}

/// The patterns of a rules file as git reads it (`add_patterns_from_buffer`): a UTF-8
/// byte-order mark is skipped, lines end at `\n` (a `\r` before it is dropped), blank lines
/// and lines starting with `#` are skipped, trailing spaces go unless escaped with `\`.
fn parse(bytes: &[u8], base: String) -> List {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut patterns = Vec::new();
    for line in bytes.split(|&b| b == b'\n') {
        if line.is_empty() || line[0] == b'#' {
            continue;
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // git keeps lines as C strings: a NUL ends the line.
        let line = match line.iter().position(|&b| b == 0) {
            Some(i) => &line[..i],
            None => line,
        };
        patterns.push(pattern(trim_trailing_spaces(line)));
    }
    List { base, patterns }
}

/// git's `trim_trailing_spaces`: spaces at the end go, unless the first of them is escaped.
fn trim_trailing_spaces(line: &[u8]) -> &[u8] {
    let mut last_space = None;
    let mut i = 0;
    while i < line.len() {
        match line[i] {
            b' ' => {
                last_space.get_or_insert(i);
            }
            b'\\' => {
                i += 1;
                if i >= line.len() {
                    return line;
                }
                last_space = None;
            }
            _ => last_space = None,
        }
        i += 1;
    }
    match last_space {
        Some(at) => &line[..at],
        None => line,
    }
}

/// git's `parse_path_pattern`.
fn pattern(line: &[u8]) -> Pattern {
    let (negative, mut text) = match line.strip_prefix(b"!") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let ends_with = text.first() == Some(&b'*') && !text[1..].iter().any(|&c| is_special(c));
    let dir_only = text.last() == Some(&b'/');
    if dir_only {
        text = &text[..text.len() - 1];
    }
    let basename = !text.contains(&b'/');
    let literal_len = text
        .iter()
        .position(|&c| is_special(c))
        .unwrap_or(text.len());
    Pattern {
        text: text.to_vec(),
        negative,
        dir_only,
        basename,
        ends_with,
        literal_len,
    }
}

fn is_special(c: u8) -> bool {
    matches!(c, b'*' | b'?' | b'[' | b'\\')
}
