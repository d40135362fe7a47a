//! The files a commit changed: what `git_diff_tree_to_tree` reports without rename detection,
//! computed by comparing trees by id.
//!
//! libgit2's tree diff walks every file of both trees (and copies the git configuration
//! into a snapshot) for each commit; a folder whose tree id did not change has the same
//! files, so it is skipped here without being read. The result is the same list in the same
//! order (by path, as git sorts it): a file only in the new tree is added, only in the old
//! one deleted; a file whose kind changed (file, link, submodule) is deleted and added; a
//! different id or mode is modified. `tests` checks it against libgit2 itself.

use git2::{Delta, ObjectType, Repository, Tree, TreeEntry};

/// One changed path (repo-relative, `/`-separated) and how it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub status: Delta,
    pub path: String,
    /// For [`Delta::Modified`]: the content is the same and only the mode changed
    /// (`chmod +x`).
    pub mode_only: bool,
}

/// The changes from `old` (none: the empty tree, for a root commit) to `new`, limited to
/// the folder `prefix` (repo-relative, no trailing `/`; empty for everything) as the
/// pathspec `prefix` limits a diff.
pub fn tree_changes(
    repo: &Repository,
    old: Option<&Tree<'_>>,
    new: &Tree<'_>,
    prefix: &str,
) -> Result<Vec<Change>, git2::Error> {
    let mut out = Vec::new();
    let way: Vec<&str> = prefix.split('/').filter(|p| !p.is_empty()).collect();
    compare(repo, old, Some(new), "", &way, &mut out)?;
    Ok(out)
}

/// A tree entry as git sorts it: a folder's name compares as if it ended in `/`.
struct Item<'t> {
    key: Vec<u8>,
    entry: TreeEntry<'t>,
}

fn items<'t>(tree: Option<&'t Tree<'_>>, way: &[&str]) -> Vec<Item<'t>> {
    let Some(tree) = tree else {
        return Vec::new();
    };
    let mut items: Vec<Item<'t>> = tree
        .iter()
        // On the way down to the prefix, only the next folder (or the prefix itself) counts.
        .filter(|e| way.first().is_none_or(|w| e.name_bytes() == w.as_bytes()))
        .map(|entry| {
            let mut key = entry.name_bytes().to_vec();
            if entry.kind() == Some(ObjectType::Tree) {
                key.push(b'/');
            }
            Item { key, entry }
        })
        .collect();
    items.sort_by(|a, b| a.key.cmp(&b.key));
    items
}

fn compare(
    repo: &Repository,
    old: Option<&Tree<'_>>,
    new: Option<&Tree<'_>>,
    base: &str,
    way: &[&str],
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    let (old, new) = (items(old, way), items(new, way));
    let (mut o, mut n) = (old.iter().peekable(), new.iter().peekable());
    loop {
        let (a, b) = match (o.peek(), n.peek()) {
            (None, None) => return Ok(()),
            (Some(a), Some(b)) if a.key == b.key => (o.next(), n.next()),
            (Some(a), Some(b)) if a.key < b.key => (o.next(), None),
            (Some(_), None) => (o.next(), None),
            _ => (None, n.next()),
        };
        let a = a.map(|i| &i.entry);
        let b = b.map(|i| &i.entry);
        let name = String::from_utf8_lossy(a.or(b).expect("one side").name_bytes()).into_owned();
        let path = format!("{base}{name}");
        let rest = way.get(1..).unwrap_or(&[]);
        match (a, b) {
            (Some(a), Some(b)) if a.id() == b.id() && a.filemode_raw() == b.filemode_raw() => {}
            (Some(a), Some(b)) if a.kind() == Some(ObjectType::Tree) => {
                let (ta, tb) = (repo.find_tree(a.id())?, repo.find_tree(b.id())?);
                compare(repo, Some(&ta), Some(&tb), &format!("{path}/"), rest, out)?;
            }
            (Some(a), Some(b)) if kind(a) == kind(b) => {
                if way.len() <= 1 {
                    out.push(Change {
                        status: Delta::Modified,
                        path,
                        mode_only: a.id() == b.id(),
                    });
                }
            }
            (a, b) => {
                // Only one side, or a different kind on each: deleted, then added.
                if let Some(a) = a {
                    one_side(repo, a, Delta::Deleted, &path, rest, way.len(), out)?;
                }
                if let Some(b) = b {
                    one_side(repo, b, Delta::Added, &path, rest, way.len(), out)?;
                }
            }
        }
    }
}

/// Every file of `entry` (itself, or all below it for a folder) as `status`.
fn one_side(
    repo: &Repository,
    entry: &TreeEntry<'_>,
    status: Delta,
    path: &str,
    rest: &[&str],
    way_len: usize,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    if entry.kind() == Some(ObjectType::Tree) {
        let tree = repo.find_tree(entry.id())?;
        let (old, new) = match status {
            Delta::Deleted => (Some(&tree), None),
            _ => (None, Some(&tree)),
        };
        return compare(repo, old, new, &format!("{path}/"), rest, out);
    }
    // A file above the prefix is not in it; the prefix itself names a file.
    if way_len <= 1 {
        out.push(Change {
            status,
            path: path.to_string(),
            mode_only: false,
        });
    }
    Ok(())
}

/// A file's kind as git's diff tells them apart (`GIT_MODE_TYPE`): file (any mode), link
/// or submodule.
fn kind(entry: &TreeEntry<'_>) -> i32 {
    entry.filemode_raw() & 0o170000
}

#[cfg(test)]
mod tests;
