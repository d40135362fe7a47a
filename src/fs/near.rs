//! Near misses: when a file or folder an exercise needs is missing, what the learner most
//! likely made instead (`requirement.txt`, `Requirements.txt`, `readme.md`,
//! `answers/jupyter_vs_script.yml`, `answer/`, `sub/requirements.txt`), and the moves that put
//! it where the exercise looks.
//!
//! Names are compared as git and Linux compare them, byte for byte: on a file system that
//! ignores case (macOS and Windows by default) `readme.md` opens as `README.md`, passes there
//! and fails when graded on Linux. [`Root`] compares the names it reads with the folder's own
//! listing there (see [`Root::ignores_case`]), so such a name is missing everywhere, and this
//! module names the real one.
//!
//! Every search is bounded: a few folder listings of at most [`MAX_LISTED`] names each, symbolic
//! links never followed nor offered.

use std::path::Path;

use super::Root;

/// At most this many names of one folder are looked at.
const MAX_LISTED: usize = 2_000;
/// At most this many folders are listed for one search.
const MAX_LISTINGS: usize = 64;

/// What is looked for: a file or a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    File,
    Folder,
}

/// A near miss for a missing path: what is there instead and how to move it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearMiss {
    /// The path found, workspace-relative with `/` separators.
    pub found: String,
    /// The names differ only in the case of letters.
    pub case_only: bool,
    /// The moves that put it at the wanted path, in order.
    pub steps: Vec<Step>,
}

/// One move of a [`NearMiss`], workspace-relative paths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// `mkdir -p`: the wanted path's folder does not exist yet.
    MakeDir(String),
    /// `mv from to` (or `git mv`).
    Rename { from: String, to: String },
}

/// One entry of a folder listing.
struct Listed {
    name: String,
    is_dir: bool,
}

impl Root {
    /// A near miss for the missing `rel` (a file or a folder, as `want` says), or `None` when
    /// nothing in the workspace looks like it.
    pub fn near_miss(&self, rel: &str, want: Want) -> Option<NearMiss> {
        let root = self.canonical()?;
        let wanted: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        if wanted.is_empty() || wanted.iter().any(|p| *p == "." || *p == "..") {
            return None;
        }
        let mut budget = MAX_LISTINGS;
        let found = along(root, &wanted, want, &mut budget)
            .filter(|(_, differ)| *differ > 0)
            .map(|(parts, _)| parts)
            .or_else(|| {
                // A folder elsewhere is another folder (`src/tests/` is not `tests/`).
                (want == Want::File)
                    .then(|| elsewhere(root, &wanted, &mut budget))
                    .flatten()
            })?;
        let case_only = found.len() == wanted.len()
            && found
                .iter()
                .zip(&wanted)
                .all(|(f, w)| f.to_lowercase() == w.to_lowercase());
        Some(NearMiss {
            found: found.join("/"),
            case_only,
            steps: steps(root, &found, &wanted),
        })
    }

    /// A near miss for the missing file `rel` among the other files of its own folder only
    /// (`src/model/_init_.py` for `src/model/__init__.py`): for a file whose namesakes in
    /// other folders are other files of their own (a subpackage's `__init__.py` is not a
    /// misplaced one), so nothing is looked for elsewhere and no folder is renamed.
    pub fn near_miss_here(&self, rel: &str) -> Option<NearMiss> {
        let root = self.canonical()?;
        let (folder, name) = match rel.rsplit_once('/') {
            Some((folder, name)) => (Some(folder), name),
            None => (None, rel),
        };
        let parts: Vec<&str> = rel.split('/').collect();
        if name.is_empty()
            || parts
                .iter()
                .any(|p| p.is_empty() || *p == "." || *p == "..")
        {
            return None;
        }
        let dir = folder.map_or_else(|| root.to_path_buf(), |f| root.join(f));
        let found = list(&dir, &mut 1)
            .into_iter()
            .find(|e| !e.is_dir && near(name, &e.name))?;
        let found = match folder {
            Some(folder) => format!("{folder}/{}", found.name),
            None => found.name,
        };
        Some(NearMiss {
            case_only: found.to_lowercase() == rel.to_lowercase(),
            steps: vec![Step::Rename {
                from: found.clone(),
                to: rel.to_string(),
            }],
            found,
        })
    }

    /// Is every component of `rel` listed under its own name by its folder? On a file system
    /// that ignores case, `README.md` opens a file listed as `readme.md`; git, Linux and the
    /// grader would not find it.
    pub(super) fn listed_exactly(&self, rel: &Path) -> bool {
        let Some(mut at) = self.canonical().map(Path::to_path_buf) else {
            return true;
        };
        for part in rel.components() {
            let std::path::Component::Normal(name) = part else {
                continue;
            };
            if !super::listed_exactly(&at, name, MAX_LISTED * 8) {
                return false;
            }
            at.push(name);
        }
        true
    }
}

/// The names in `dir`, sorted (symbolic links left out: never offered, never followed).
fn list(dir: &Path, budget: &mut usize) -> Vec<Listed> {
    if *budget == 0 {
        return Vec::new();
    }
    *budget -= 1;
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<Listed> = read
        .filter_map(Result::ok)
        .take(MAX_LISTED)
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            let name = e.file_name().into_string().ok()?;
            (!kind.is_symlink()).then_some(Listed {
                name,
                is_dir: kind.is_dir(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The path found by following `wanted` from `dir`, each component by its own name or a near
/// one, with how many components differ (0: it is there as named). The fewest differences win.
fn along(
    dir: &Path,
    wanted: &[&str],
    want: Want,
    budget: &mut usize,
) -> Option<(Vec<String>, usize)> {
    let (first, rest) = wanted.split_first()?;
    let mut best: Option<(Vec<String>, usize)> = None;
    for entry in list(dir, budget) {
        let cost = if entry.name == *first {
            0
        } else if near(first, &entry.name) {
            1
        } else {
            continue;
        };
        let found = if rest.is_empty() {
            (entry.is_dir == (want == Want::Folder)).then(|| (Vec::new(), 0))
        } else if entry.is_dir {
            along(&dir.join(&entry.name), rest, want, budget)
        } else {
            None
        };
        let Some((mut parts, below)) = found else {
            continue;
        };
        let total = cost + below;
        if best.as_ref().is_some_and(|(_, b)| *b <= total) {
            continue;
        }
        parts.insert(0, entry.name);
        best = Some((parts, total));
    }
    best
}

/// The wanted file (or a near name) in the deepest folder of the wanted path that exists, or
/// one folder below it: `sub/requirements.txt` for `requirements.txt`,
/// `jupyter_vs_script.yaml` for `answers/jupyter_vs_script.yaml`.
fn elsewhere(root: &Path, wanted: &[&str], budget: &mut usize) -> Option<Vec<String>> {
    let (name, folders) = wanted.split_last()?;
    let mut base: Vec<String> = Vec::new();
    for part in folders {
        if !root.join(base.join("/")).join(part).is_dir() {
            break;
        }
        base.push(part.to_string());
    }
    let dir = root.join(base.join("/"));
    let fits = |e: &Listed| !e.is_dir;
    let pick = |entries: &[Listed]| {
        entries
            .iter()
            .filter(|e| fits(e))
            .find(|e| e.name == *name)
            .or_else(|| {
                entries
                    .iter()
                    .filter(|e| fits(e))
                    .find(|e| near(name, &e.name))
            })
            .map(|e| e.name.clone())
    };
    let here = list(&dir, budget);
    let at = |mut parts: Vec<String>, found: String| {
        parts.push(found);
        parts
    };
    if base.len() < folders.len() {
        if let Some(found) = pick(&here) {
            return Some(at(base.clone(), found));
        }
    }
    for sub in here.iter().filter(|e| e.is_dir && !skipped(&e.name)) {
        let below = list(&dir.join(&sub.name), budget);
        if let Some(found) = pick(&below) {
            let mut parts = base.clone();
            parts.push(sub.name.clone());
            return Some(at(parts, found));
        }
    }
    None
}

/// Folders never searched for a learner's file: hidden ones, caches, environments.
fn skipped(name: &str) -> bool {
    name.starts_with('.')
        || crate::walk::is_noise_dir(name)
        || matches!(name, "venv" | "env" | "site-packages" | "data")
}

/// The moves from `found` to `wanted`: a misnamed folder is renamed as a whole when the
/// wanted one does not exist yet (`mv answer answers`), then the file; anything else is moved
/// itself, its folder made first when missing.
fn steps(root: &Path, found: &[String], wanted: &[&str]) -> Vec<Step> {
    let wanted: Vec<String> = wanted.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    if found.len() == wanted.len() {
        let mut at = found.to_vec();
        for i in 0..wanted.len() {
            if at[i] == wanted[i] {
                continue;
            }
            let to = wanted[..=i].join("/");
            let last = i + 1 == wanted.len();
            if !last && root.join(&to).exists() {
                break;
            }
            out.push(Step::Rename {
                from: at[..=i].join("/"),
                to,
            });
            at[i] = wanted[i].clone();
            if at == wanted {
                return out;
            }
        }
        let from = at.join("/");
        return moved(root, out, from, &wanted);
    }
    moved(root, out, found.join("/"), &wanted)
}

/// `out`, then `from` moved to `wanted` (its folder made first when missing).
fn moved(root: &Path, mut out: Vec<Step>, from: String, wanted: &[String]) -> Vec<Step> {
    if let Some((_, folders)) = wanted.split_last() {
        let folder = folders.join("/");
        if !folders.is_empty() && !root.join(&folder).is_dir() {
            out.push(Step::MakeDir(folder));
        }
    }
    out.push(Step::Rename {
        from,
        to: wanted.join("/"),
    });
    out
}

/// Is `name` a near miss of `wanted`? Another case, `-` or a space for `_`, a missing or
/// extra `s`, `.yml` for `.yaml`, an extra extension (`requirements.txt.txt`, as Windows
/// hides extensions) or none (`README`), underscores around the stem left out or doubled
/// (`init.py`, `_init_.py` for `__init__.py`), or a small typo (one edit, two in a long
/// name).
pub fn near(wanted: &str, name: &str) -> bool {
    if wanted == name || name.is_empty() || (name.starts_with('.') != wanted.starts_with('.')) {
        return false;
    }
    let fold = |s: &str| s.to_lowercase().replace(['-', ' '], "_");
    let (w, n) = (fold(wanted), fold(name));
    if w == n {
        return true;
    }
    let (w_stem, w_ext) = split_ext(&w);
    let (n_stem, n_ext) = split_ext(&n);
    let yaml = |e: &str| e == "yaml" || e == "yml";
    let plural =
        |a: &str, b: &str| a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a);
    let same_ext = w_ext == n_ext || (yaml(w_ext) && yaml(n_ext));
    let bare = |stem: &str| stem.trim_matches('_').to_string();
    if (same_ext && (w_stem == n_stem || plural(w_stem, n_stem)))
        || (same_ext && !bare(w_stem).is_empty() && bare(w_stem) == bare(n_stem))
        || n.strip_prefix(&w).is_some_and(|r| r.starts_with('.'))
        || (!w_ext.is_empty() && n == w_stem)
    {
        return true;
    }
    let allowed = match w.chars().count() {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2,
    };
    allowed > 0 && distance(&w, &n, allowed) <= allowed
}

/// `name` as stem and extension (`("requirements", "txt")`); a leading dot is part of the stem.
fn split_ext(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i + 1..]),
        _ => (name, ""),
    }
}

/// The edit distance of `a` and `b` (insertions, deletions, substitutions, swaps of two
/// neighbours), or more than `max` as soon as it must be.
fn distance(a: &str, b: &str, max: usize) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut rows = vec![(0..=b.len()).collect::<Vec<usize>>()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (rows[i - 1][j] + 1)
                .min(row[j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        if row.iter().min().is_some_and(|m| *m > max) {
            return max + 1;
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests;
