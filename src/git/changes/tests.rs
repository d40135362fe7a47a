//! [`tree_changes`] against libgit2's own tree diff, on random trees made to trip it: names
//! that sort around a folder's `/` (`a`, `a.b`, `a-b`, `a0`), a file that becomes a folder,
//! links, submodules, mode-only changes, and prefixes that name a folder, a file or nothing.

use std::collections::BTreeMap;

use git2::{Delta, DiffOptions, Oid, Repository, Tree};

use super::{tree_changes, Change};

/// What a random tree holds: path -> (mode, content).
type Files = BTreeMap<String, (i32, Oid)>;

/// A small deterministic generator (tests must not depend on a seed from outside).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const NAMES: [&str; 6] = ["a", "a.b", "a-b", "a0", "x.py", "b"];

fn random_files(rng: &mut Lcg, objects: &[(i32, Oid)]) -> Files {
    let mut files = Files::new();
    for _ in 0..rng.next(12) {
        let depth = 1 + rng.next(3);
        let path: Vec<&str> = (0..depth).map(|_| NAMES[rng.next(NAMES.len())]).collect();
        let path = path.join("/");
        // A path cannot be both a file and a folder holding files.
        let clashes = files
            .keys()
            .any(|p| p.starts_with(&format!("{path}/")) || path.starts_with(&format!("{p}/")));
        if !clashes {
            files.insert(path, objects[rng.next(objects.len())]);
        }
    }
    files
}

/// Build the tree holding `files` (below `dir`).
fn build<'r>(repo: &'r Repository, files: &Files, dir: &str) -> Tree<'r> {
    let mut builder = repo.treebuilder(None).unwrap();
    let mut folders: BTreeMap<String, ()> = BTreeMap::new();
    for (path, (mode, id)) in files {
        let Some(rest) = path.strip_prefix(dir) else {
            continue;
        };
        match rest.split_once('/') {
            None => {
                builder.insert(rest, *id, *mode).unwrap();
            }
            Some((folder, _)) => {
                folders.insert(folder.to_string(), ());
            }
        }
    }
    for folder in folders.keys() {
        let sub = build(repo, files, &format!("{dir}{folder}/"));
        builder.insert(folder, sub.id(), 0o040000).unwrap();
    }
    let id = builder.write().unwrap();
    repo.find_tree(id).unwrap()
}

/// libgit2's answer, in the form `tree_changes` gives.
fn libgit2(repo: &Repository, old: Option<&Tree<'_>>, new: &Tree<'_>, prefix: &str) -> Vec<Change> {
    let mut opts = DiffOptions::new();
    if !prefix.is_empty() {
        opts.pathspec(prefix);
    }
    let diff = repo
        .diff_tree_to_tree(old, Some(new), Some(&mut opts))
        .unwrap();
    diff.deltas()
        .map(|d| Change {
            status: d.status(),
            path: String::from_utf8_lossy(
                d.new_file()
                    .path_bytes()
                    .or(d.old_file().path_bytes())
                    .unwrap(),
            )
            .into_owned(),
            mode_only: d.status() == Delta::Modified && d.old_file().id() == d.new_file().id(),
        })
        .collect()
}

#[derive(Debug, Default)]
struct Seen {
    mode_only: bool,
    kind_changed: bool,
    folder_and_file: bool,
}

#[test]
fn tree_changes_are_libgit2s_tree_diff() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repository::init(dir.path()).unwrap();
    let blob = |text: &str| repo.blob(text.as_bytes()).unwrap();
    let (one, two) = (blob("1"), blob("2"));
    let sig = git2::Signature::new("T", "t@example.com", &git2::Time::new(0, 0)).unwrap();
    let empty = repo
        .find_tree(repo.treebuilder(None).unwrap().write().unwrap())
        .unwrap();
    let commit = repo.commit(None, &sig, &sig, "sub", &empty, &[]).unwrap();
    let objects = [
        (0o100644, one),
        (0o100644, two),
        (0o100755, one),
        (0o120000, one),
        (0o160000, commit),
    ];
    let mut rng = Lcg(7);
    let mut compared = 0;
    let mut seen = Seen::default();
    for _ in 0..400 {
        let before = random_files(&mut rng, &objects);
        let mut after = before.clone();
        for (path, value) in random_files(&mut rng, &objects) {
            after.retain(|p, _| {
                !p.starts_with(&format!("{path}/")) && !path.starts_with(&format!("{p}/"))
            });
            after.insert(path, value);
        }
        if rng.next(3) == 0 {
            let keys: Vec<String> = after.keys().cloned().collect();
            if let Some(k) = keys.get(rng.next(keys.len().max(1))) {
                after.remove(k);
            }
        }
        let (old, new) = (build(&repo, &before, ""), build(&repo, &after, ""));
        for prefix in ["", "a", "a.b", "a/b", "a/a", "x.py", "nothing"] {
            let want = libgit2(&repo, Some(&old), &new, prefix);
            assert_eq!(
                tree_changes(&repo, Some(&old), &new, prefix).unwrap(),
                want,
                "{before:?} -> {after:?}, prefix {prefix:?}"
            );
            seen.mode_only |= want.iter().any(|c| c.mode_only);
            seen.kind_changed |= want
                .windows(2)
                .any(|w| w[0].path == w[1].path && w[0].status == Delta::Deleted);
            seen.folder_and_file |= want.iter().any(|c| c.path.starts_with("a/"))
                && want.iter().any(|c| c.path == "a.b" || c.path == "a-b");
            assert_eq!(
                tree_changes(&repo, None, &new, prefix).unwrap(),
                libgit2(&repo, None, &new, prefix),
                "root commit {after:?}, prefix {prefix:?}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 2800);
    // The random trees did reach the cases the comparison is about.
    assert!(
        seen.mode_only && seen.kind_changed && seen.folder_and_file,
        "{seen:?}"
    );
}
