//! What a batch grades: a list of submissions, each a name (the gradebook's row) and where
//! its files come from. A batch folder, a roster and (later) other sources all produce the
//! same [`Submission`] list, so whatever selects among submissions (a shard) works on names
//! alone, before anything expensive (a clone, an unpacking) happens.
//!
//! [`Submission::open`] turns a source into a folder to grade, or into an [`Unusable`]: a
//! stable code with a reason, which becomes the submission's error row (never the end of the
//! batch, and never a score of 0).

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Tr};
use crate::tr;

/// One submission of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    /// Its name in the gradebook (a folder's name, a roster's student).
    pub name: String,
    pub source: Source,
}

/// Where a submission's files come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A folder, graded where it is (an entry of a `--batch` folder).
    Folder(PathBuf),
}

/// Why a submission could not be graded: a stable code and the reason in the chosen language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unusable {
    pub code: &'static str,
    pub message: String,
}

impl std::fmt::Display for Unusable {
    /// The reason followed by its code, as the CSV gradebook's `error` cell shows it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} [{}]", self.message, self.code)
    }
}

/// The codes of [`Unusable`], with what each means (the README's table).
pub const CODES: &[(&str, &str)] = &[
    (
        NOT_A_FOLDER,
        "the entry is neither a folder nor an archive `course` reads",
    ),
    (DANGLING_LINK, "the entry is a symbolic link to nothing"),
    (
        UNREADABLE,
        "the folder cannot be read (permissions, I/O error)",
    ),
    (
        CRASHED,
        "grading crashed: a bug in course (the text says where)",
    ),
];

pub const NOT_A_FOLDER: &str = "submission/not-a-folder";
pub const DANGLING_LINK: &str = "submission/dangling-link";
pub const UNREADABLE: &str = "submission/unreadable";
pub const CRASHED: &str = "submission/crashed";

impl Unusable {
    pub fn new(code: &'static str, why: Tr, lang: Lang) -> Unusable {
        Unusable {
            code,
            message: why.get(lang).to_string(),
        }
    }
}

/// A submission ready to grade: its folder, kept as long as this lives (a temporary folder
/// an archive was unpacked into is removed when it is dropped).
pub struct Opened {
    path: PathBuf,
}

impl Opened {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// How sources are opened (what the command line set).
#[derive(Clone, Debug)]
pub struct OpenOptions {
    pub lang: Lang,
}

impl Submission {
    /// A submission graded from a folder where it is.
    pub fn folder(name: impl Into<String>, path: impl Into<PathBuf>) -> Submission {
        Submission {
            name: name.into(),
            source: Source::Folder(path.into()),
        }
    }

    /// The folder to grade, or why there is none.
    pub fn open(&self, how: &OpenOptions) -> Result<Opened, Unusable> {
        match &self.source {
            Source::Folder(path) => match unusable(path) {
                Some((code, why)) => Err(Unusable::new(code, why, how.lang)),
                None => Ok(Opened { path: path.clone() }),
            },
        }
    }
}

/// The submissions of a batch folder: every entry not starting with `.`, sorted by name, as
/// absolute paths (so each report's `workspace` is the same whatever the current folder).
pub fn batch_folder(dir: &Path) -> std::io::Result<Vec<Submission>> {
    let entries = std::fs::read_dir(dir)?;
    let base = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut subs: Vec<Submission> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .map(|name| {
            let path = base.join(&name);
            Submission::folder(name, path)
        })
        .collect();
    subs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(subs)
}

/// Why `path` cannot be graded as a submission folder, if it cannot.
fn unusable(path: &Path) -> Option<(&'static str, Tr)> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if path.is_symlink() => {
            return Some((
                DANGLING_LINK,
                tr!(
                    "a symbolic link to nothing ({e}); a submission must be a folder",
                    "가리키는 대상이 없는 심볼릭 링크 ({e}). 제출물은 폴더여야 합니다"
                ),
            ))
        }
        Err(e) => return Some((UNREADABLE, tr!("cannot read it: {e}", "읽을 수 없음: {e}"))),
    };
    if !meta.is_dir() {
        return Some((
            NOT_A_FOLDER,
            tr!(
                "not a folder; each submission must be a folder in the batch folder",
                "폴더가 아님. 각 제출물은 배치 폴더 안의 폴더여야 합니다"
            ),
        ));
    }
    std::fs::read_dir(path).err().map(|e| {
        (
            UNREADABLE,
            tr!("cannot read the folder: {e}", "폴더를 읽을 수 없음: {e}"),
        )
    })
}
