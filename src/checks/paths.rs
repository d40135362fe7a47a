//! Check kind `paths`: files that must exist, and folders that must hold at least one file.
//!
//! git keeps no empty folders, so a folder counts only when some file lives in it (at any
//! depth, within a bounded walk); a `.gitkeep` is the usual way to keep one.

use std::path::Path;

use serde::Deserialize;

use super::shared::{clean, file_finding, not_committed};
use super::{CheckContext, Code, Finding};
use crate::escape::shell_word;
use crate::fs::ReadError;
use crate::tr;
use crate::walk;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Files that must exist, relative to the workspace root.
    #[serde(default)]
    pub files: Vec<String>,
    /// Folders that must exist and hold at least one file.
    #[serde(default)]
    pub nonempty_dirs: Vec<String>,
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let mut findings = Vec::new();
    for file in &params.files {
        let rel = clean(file);
        // Not read, only looked at; said as every kind says it (a name in another case is
        // missing, as git sees it).
        let error = match ctx.files().kind(&rel) {
            Ok(m) if m.is_file() => {
                findings.extend(not_committed(ctx, &rel));
                continue;
            }
            Ok(m) if m.is_dir() => ReadError::Folder,
            Ok(_) => ReadError::NotRegular,
            Err(ReadError::BrokenLink) => ReadError::BrokenLink,
            Err(_) => ReadError::Missing,
        };
        findings.push(file_finding(&rel, &error));
    }
    for dir in &params.nonempty_dirs {
        let rel = clean(dir);
        let path = ctx.root.join(&rel);
        let (q, keep) = (shell_word(&rel), shell_word(&format!("{rel}/.gitkeep")));
        let meta = ctx.files().kind(&rel).ok();
        if meta.as_ref().is_some_and(|m| m.is_file()) {
            findings.push(
                Finding::fail(
                    Code::FolderIsFile,
                    tr!(
                        "`{rel}` is a file, but a folder is expected",
                        "`{rel}`은(는) 파일입니다. 폴더여야 합니다"
                    ),
                )
                .file_named(&rel)
                .hint(tr!(
                    "remove the file `{rel}` and create the folder:\n  rm {q}\n  mkdir -p {q}",
                    "`{rel}` 파일을 지우고 폴더를 만드십시오:\n  rm {q}\n  mkdir -p {q}"
                )),
            );
        } else if !meta.is_some_and(|m| m.is_dir()) {
            findings.push(
                Finding::fail(Code::FolderMissing, tr!(
                    "the folder `{rel}/` does not exist",
                    "`{rel}/` 폴더가 없습니다"
                ))
                .file_named(&rel)
                .hint(tr!(
                    "create it with something in it (git keeps no empty folders):\n  mkdir -p {q}\n  touch {keep}",
                    "안에 파일을 하나 두고 만드십시오 (git은 빈 폴더를 저장하지 않습니다):\n  mkdir -p {q}\n  touch {keep}"
                )),
            );
        } else if !holds_a_file(ctx.listings(), &path) {
            findings.push(
                Finding::fail(
                    Code::FolderEmpty,
                    tr!(
                        "the folder `{rel}/` holds no file, and git keeps no empty folders",
                        "`{rel}/` 폴더에 파일이 없습니다. git은 빈 폴더를 저장하지 않습니다"
                    ),
                )
                .file_named(&rel)
                .hint(tr!(
                    "put the files it is for in it, or an empty placeholder:\n  touch {keep}",
                    "그 폴더에 둘 파일을 넣거나, 빈 자리표시 파일을 만드십시오:\n  touch {keep}"
                )),
            );
        } else {
            // A folder with files, none of them committed: the clone has no such folder.
            findings.extend(not_committed(ctx, &rel));
        }
    }
    if findings.is_empty() {
        let (nf, nd) = (params.files.len(), params.nonempty_dirs.len());
        let files = crate::i18n::count(nf, "file", "files");
        let folders = crate::i18n::count(nd, "non-empty folder", "non-empty folders");
        findings.push(Finding::pass(
            Code::PathsOk,
            tr!(
                "{files} and {folders} are in place",
                "파일 {nf}개와 비어 있지 않은 폴더 {nd}개가 모두 있습니다"
            ),
        ));
    }
    findings
}

/// Does `dir` hold a file (or a symbolic link, which git stores too) at any depth? The
/// direct children are read first; deeper levels within a bounded walk.
fn holds_a_file(listings: &walk::Listings, dir: &Path) -> bool {
    let Some(children) = listings.list(dir) else {
        return false;
    };
    let mut has_subdir = false;
    for e in children.iter() {
        match e.file_type {
            Some(t) if t.is_dir() => has_subdir = true,
            Some(_) => return true,
            None => {}
        }
    }
    has_subdir
        && walk::walk_listed(listings, dir, 8, 5_000, |e| {
            !walk::is_noise_dir(e.rel.rsplit('/').next().unwrap_or(""))
        })
        .entries
        .iter()
        .any(|e| !e.is_dir)
}
