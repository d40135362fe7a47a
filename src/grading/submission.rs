//! What a batch grades: a list of submissions, each a name (the gradebook's row) and where
//! its files come from. A batch folder, a roster and (later) other sources all produce the
//! same [`Submission`] list, so whatever selects among submissions (a shard) works on names
//! alone, before anything expensive (a clone, an unpacking) happens.
//!
//! [`Submission::open`] turns a source into a folder to grade, or into an [`Unusable`]: a
//! stable code with a reason, which becomes the submission's error row (never the end of the
//! batch, and never a score of 0).

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::archive;
use crate::git::clone::{clone_or_fetch, CloneError};
use crate::i18n::{Lang, Tr};
use crate::tr;

/// One submission of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    /// Its name in the gradebook (a folder's name, a roster's student).
    pub name: String,
    pub source: Source,
    /// Who it belongs to, as far as a roster says (empty for a batch folder).
    pub person: Person,
}

/// What a roster says about a student besides the `student` column, each optional: a name
/// to show people, and the ids an LMS matches on (Canvas's `ID`, `SIS User ID`,
/// `SIS Login ID`, `Section`; an email for Moodle). Carried into the gradebooks, the class
/// report and the LMS exports; never used to find or grade the submission.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Person {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sis_user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sis_login_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Person {
    /// The roster columns, in the order the CSV gradebook writes them.
    pub const COLUMNS: [&'static str; 6] = [
        "name",
        "id",
        "sis_user_id",
        "sis_login_id",
        "section",
        "email",
    ];

    /// The field of roster column `column` (one of [`Person::COLUMNS`]).
    pub fn field_mut(&mut self, column: &str) -> Option<&mut Option<String>> {
        Some(match column {
            "name" => &mut self.name,
            "id" => &mut self.id,
            "sis_user_id" => &mut self.sis_user_id,
            "sis_login_id" => &mut self.sis_login_id,
            "section" => &mut self.section,
            "email" => &mut self.email,
            _ => return None,
        })
    }

    /// The values in the order of [`Person::COLUMNS`] (empty where not given).
    pub fn cells(&self) -> [&str; 6] {
        [
            &self.name,
            &self.id,
            &self.sis_user_id,
            &self.sis_login_id,
            &self.section,
            &self.email,
        ]
        .map(|v| v.as_deref().unwrap_or(""))
    }

    pub fn is_empty(&self) -> bool {
        self.cells().iter().all(|c| c.is_empty())
    }

    /// How people see the submission `submission`: `김민지 (kim-minji)` when the roster
    /// gives a name, else the submission's name alone.
    pub fn shown(&self, submission: &str) -> String {
        match self.name.as_deref() {
            Some(name) if name != submission => format!("{name} ({submission})"),
            _ => submission.to_string(),
        }
    }
}

/// Where a submission's files come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A folder, graded where it is (an entry of a `--batch` folder).
    Folder(PathBuf),
    /// An archive (`.zip`, `.tar`, `.tar.gz`) in a `--batch` folder, unpacked into a private
    /// temporary folder when opened.
    Archive(PathBuf, archive::Kind),
    /// A git repository (a roster's row): cloned into `clone`, or fetched there when an
    /// earlier run cloned it, and checked out at `reference` (the default branch if none).
    Repo {
        url: String,
        reference: Option<String>,
        clone: PathBuf,
    },
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
        "the entry is neither a folder nor an archive `course` reads (`.zip`, `.tar`, `.tar.gz`, `.tgz`)",
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
    (
        CLONE_FAILED,
        "`git clone` or `git fetch` failed (git's reason follows: no such repository, no access)",
    ),
    (
        CLONE_TIMEOUT,
        "a git command did not finish within `--clone-timeout`",
    ),
    (
        NO_COMMITS,
        "the repository has no commits: nothing was pushed",
    ),
    (
        NO_SUCH_REF,
        "the roster's `ref` names no branch, tag or commit of the repository",
    ),
    (
        NOT_A_CLONE,
        "the student's folder in `--clones` holds something that is not a clone",
    ),
    (archive::UNREADABLE, "the archive cannot be read (corrupt, truncated, encrypted)"),
    (archive::PATH_ESCAPES, "an entry's path leads out of the folder (`../`, an absolute path): zip-slip"),
    (archive::LINK_ESCAPES, "a symbolic or hard link leads out of the folder, or an entry is written through a link"),
    (archive::TOO_LARGE, "the archive unpacks to more than `--unpack-max-mb` (512 MiB)"),
    (archive::FILE_TOO_LARGE, "one file unpacks to more than 100 MiB"),
    (archive::TOO_MANY_ENTRIES, "more than 10,000 files and folders"),
    (archive::TOO_DEEP, "a path more than 32 folders deep"),
    (archive::BOMB, "more than 100 bytes out per compressed byte, past the first 16 MiB: a decompression bomb"),
    (archive::UNSUPPORTED_ENTRY, "an entry that is not a file, folder or link (a device, a FIFO)"),
];

pub const NOT_A_FOLDER: &str = "submission/not-a-folder";
pub const DANGLING_LINK: &str = "submission/dangling-link";
pub const UNREADABLE: &str = "submission/unreadable";
pub const CRASHED: &str = "submission/crashed";
pub const CLONE_FAILED: &str = "roster/clone-failed";
pub const CLONE_TIMEOUT: &str = "roster/clone-timeout";
pub const NO_COMMITS: &str = "roster/no-commits";
pub const NO_SUCH_REF: &str = "roster/no-such-ref";
pub const NOT_A_CLONE: &str = "roster/not-a-clone";

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
    _unpacked: Option<tempfile::TempDir>,
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
    /// The longest one git command (a clone, a fetch) may take.
    pub clone_timeout: Duration,
    /// What unpacking one archive may cost.
    pub limits: archive::Limits,
}

impl OpenOptions {
    /// The default clone timeout: 5 minutes (a large repository over a slow link).
    pub const CLONE_TIMEOUT: Duration = Duration::from_secs(300);

    pub fn new(lang: Lang) -> OpenOptions {
        OpenOptions {
            lang,
            clone_timeout: OpenOptions::CLONE_TIMEOUT,
            limits: archive::Limits::default(),
        }
    }
}

impl Submission {
    /// A submission graded from a folder where it is.
    pub fn folder(name: impl Into<String>, path: impl Into<PathBuf>) -> Submission {
        Submission {
            name: name.into(),
            source: Source::Folder(path.into()),
            person: Person::default(),
        }
    }

    /// The folder to grade, or why there is none.
    pub fn open(&self, how: &OpenOptions) -> Result<Opened, Unusable> {
        match &self.source {
            Source::Folder(path) => match unusable(path) {
                Some((code, why)) => Err(Unusable::new(code, why, how.lang)),
                None => Ok(Opened {
                    path: path.clone(),
                    _unpacked: None,
                }),
            },
            Source::Archive(path, kind) => open_archive(path, *kind, how),
            Source::Repo {
                url,
                reference,
                clone,
            } => match clone_or_fetch(url, reference.as_deref(), clone, how.clone_timeout) {
                Ok(_) => Ok(Opened {
                    path: clone.clone(),
                    _unpacked: None,
                }),
                Err(e) => Err(clone_error(e, url, clone, how.lang)),
            },
        }
    }
}

/// The submissions of a batch folder: every entry not starting with `.`, sorted by name, as
/// absolute paths (so each report's `workspace` is the same whatever the current folder).
pub fn batch_folder(dir: &Path) -> std::io::Result<Vec<Submission>> {
    let entries = std::fs::read_dir(dir)?;
    let base = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    let mut subs: Vec<Submission> = names
        .iter()
        .map(|name| {
            let path = base.join(name);
            match archive::kind_of(name).filter(|_| path.is_file()) {
                // `kim.zip` is `kim`, unless a folder `kim` is there too.
                Some((kind, stem)) => Submission {
                    name: if names.iter().any(|n| n == stem) {
                        name.clone()
                    } else {
                        stem.to_string()
                    },
                    source: Source::Archive(path, kind),
                    person: Person::default(),
                },
                None => Submission::folder(name.clone(), path),
            }
        })
        .collect();
    subs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(subs)
}

/// Unpack an archive into a private temporary folder (removed when the result is dropped).
/// An archive holding one folder and nothing else (`hw1/...`) is graded from that folder.
fn open_archive(path: &Path, kind: archive::Kind, how: &OpenOptions) -> Result<Opened, Unusable> {
    let tmp = tempfile::Builder::new()
        .prefix("course-submission-")
        .tempdir()
        .map_err(|e| {
            Unusable::new(
                archive::UNREADABLE,
                tr!(
                    "cannot make a temporary folder to unpack into ({e})",
                    "압축을 풀 임시 폴더를 만들 수 없습니다 ({e})"
                ),
                how.lang,
            )
        })?;
    archive::unpack(path, kind, tmp.path(), how.limits)
        .map_err(|r| Unusable::new(r.code, r.why, how.lang))?;
    let mut root = tmp.path().to_path_buf();
    let top: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).collect())
        .unwrap_or_default();
    if let [only] = top.as_slice() {
        if only.file_type().is_ok_and(|t| t.is_dir()) {
            root = only.path();
        }
    }
    Ok(Opened {
        path: root,
        _unpacked: Some(tmp),
    })
}

/// Why `path` cannot be graded as a submission folder, if it cannot.
fn unusable(path: &Path) -> Option<(&'static str, Tr)> {
    // A folder that can be read is usable: opening it answers that at once (a file or a
    // link to nothing cannot be opened as a folder), one `stat` fewer per submission than
    // asking first. Only a refusal is looked into.
    let opened = std::fs::read_dir(path).err()?;
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
                "not a folder or an archive; each submission must be a folder or a .zip/.tar/.tar.gz file in the batch folder",
                "폴더나 압축 파일이 아님. 각 제출물은 배치 폴더 안의 폴더나 .zip/.tar/.tar.gz 파일이어야 합니다"
            ),
        ));
    }
    let e = opened;
    Some((
        UNREADABLE,
        tr!("cannot read the folder: {e}", "폴더를 읽을 수 없음: {e}"),
    ))
}

/// A clone that failed, as its error row.
fn clone_error(e: CloneError, url: &str, clone: &Path, lang: Lang) -> Unusable {
    let url = crate::escape::visible(&without_password(url));
    let (code, why) = match e {
        CloneError::Failed(reason) => (
            CLONE_FAILED,
            tr!(
                "cannot clone or fetch {url}: {reason}",
                "{url}을(를) 복제하거나 가져올 수 없습니다: {reason}"
            ),
        ),
        CloneError::NoGit(reason) => (
            CLONE_FAILED,
            tr!(
                "cannot run git ({reason}); install git to grade a roster",
                "git을 실행할 수 없습니다 ({reason}). 명단을 채점하려면 git을 설치하십시오"
            ),
        ),
        CloneError::TimedOut { secs } => (
            CLONE_TIMEOUT,
            tr!(
                "git did not finish cloning or fetching {url} in {secs} s (raise --clone-timeout)",
                "git이 {url}을(를) {secs}초 안에 복제하거나 가져오지 못했습니다 (--clone-timeout을 늘리십시오)"
            ),
        ),
        CloneError::NoCommits => (
            NO_COMMITS,
            tr!(
                "{url} has no commits: nothing was pushed",
                "{url}에 커밋이 없습니다: 아무것도 푸시되지 않았습니다"
            ),
        ),
        CloneError::NoSuchRef(r) => {
            let r = crate::escape::visible(&r);
            (
                NO_SUCH_REF,
                tr!(
                    "{url} has no branch, tag or commit `{r}` (the roster's ref)",
                    "{url}에 명단의 ref `{r}`(이)라는 브랜치, 태그, 커밋이 없습니다"
                ),
            )
        }
        CloneError::NotAClone => {
            let shown = clone.display();
            (
                NOT_A_CLONE,
                tr!(
                    "{shown} exists but is not a clone; move it away so the repository can be cloned there",
                    "{shown}이(가) 있지만 복제본이 아닙니다. 그 자리에 복제할 수 있도록 옮기십시오"
                ),
            )
        }
    };
    Unusable::new(code, why, lang)
}

/// `url` without a password or token written into it (`https://user:TOKEN@host/...`), so an
/// error row never shows one.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let host_end = rest.find('/').unwrap_or(rest.len());
    match rest[..host_end].rfind('@') {
        Some(at) => format!("{scheme}://***@{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_without_credentials() {
        assert_eq!(
            without_password("https://x:ghp_secret@github.com/a/b.git"),
            "https://***@github.com/a/b.git"
        );
        assert_eq!(
            without_password("git@github.com:a/b.git"),
            "git@github.com:a/b.git"
        );
        assert_eq!(without_password("file:///tmp/a@b"), "file:///tmp/a@b");
    }
}
