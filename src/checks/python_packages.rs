//! Check kind `python-packages`: the listed folders hold `__init__.py`, and so does every
//! folder under `root` that holds `.py` files (the root itself included), so that
//! `src.model` is a regular package the way the lesson explains.
//!
//! `packages` entries are folders relative to the workspace root when they start with
//! `root` (`src/model`), else relative to `root` (`model`). The walk is bounded, never
//! follows symbolic links, and skips `__pycache__` and hidden folders.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::shared::{clean, not_committed_as};
use super::{CheckContext, Code, Finding, Group, Status};
use crate::escape::shell_word;
use crate::i18n::Tr;
use crate::tr;
use crate::walk;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The source folder, relative to the workspace root (e.g. `src`).
    pub root: String,
    /// Folders that must be packages (hold `__init__.py`).
    #[serde(default)]
    pub packages: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            root: "src".to_string(),
            packages: Vec::new(),
        }
    }
}

const MAX_DEPTH: usize = 12;
const MAX_ENTRIES: usize = 20_000;

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let root = clean(&params.root);
    let root_path = ctx.root.join(&root);
    if !ctx.files().kind(&root).is_ok_and(|m| m.is_dir()) {
        return vec![Finding::fail(
            Code::FolderMissing,
            tr!(
                "the folder `{root}/` does not exist",
                "`{root}/` 폴더가 없습니다"
            ),
        )
        .file_named(&root)
        .hint(tr!(
            "create the source folder as a package:\n  mkdir -p {q}\n  touch {init}",
            "소스 폴더를 패키지로 만드십시오:\n  mkdir -p {q}\n  touch {init}";
            q = Tr::same(shell_word(&root)),
            init = Tr::same(shell_word(&format!("{root}/__init__.py")))
        ))];
    }
    let listed = listed_packages(params, &root);
    let found = walk::walk_listed(ctx.listings(), &root_path, MAX_DEPTH, MAX_ENTRIES, |e| {
        let name = e.rel.rsplit('/').next().unwrap_or("");
        !name.starts_with('.') && !walk::is_noise_dir(name)
    });
    // Folders (workspace-relative) that must hold `__init__.py`, in order: the listed ones
    // and every one holding a `.py` file.
    let mut needed = listed.clone();
    needed.extend(folders_with_python(&found, &root));

    let mut findings = Vec::new();
    let mut packages = 0usize;
    for dir in &needed {
        match not_a_package(ctx, &root, dir, listed.contains(dir)) {
            Some(finding) => findings.push(finding),
            None => packages += 1,
        }
    }
    if found.truncated {
        findings.push(
            Finding::skip(Code::PackagesTooManyEntries, tr!(
                "`{root}/` holds more than {MAX_ENTRIES} entries; only the first {MAX_ENTRIES} were looked at",
                "`{root}/`에 항목이 {MAX_ENTRIES}개를 넘어 처음 {MAX_ENTRIES}개만 살펴보았습니다"
            ))
            .file(&root)
            .hint(tr!(
                "keep data sets and environments out of the source folder",
                "데이터셋과 가상환경은 소스 폴더 밖에 두십시오"
            )),
        );
    }
    if findings.iter().all(|f| f.status == Status::Skip) {
        let counted = crate::i18n::count(packages, "package", "packages");
        findings.insert(
            0,
            Finding::pass(
                Code::PackagesOk,
                tr!(
                    "{counted} under `{root}/`, each with `__init__.py`",
                    "`{root}/` 아래 패키지 {packages}개, 모두 `__init__.py`가 있습니다"
                ),
            )
            .file(&root),
        );
    }
    findings
}

/// The `packages` entries as workspace-relative folders: an entry already under `root`
/// stays as it is, any other is taken as relative to `root`.
fn listed_packages(params: &Params, root: &str) -> BTreeSet<String> {
    params
        .packages
        .iter()
        .map(|p| {
            let p = clean(p);
            if p == root || p.starts_with(&format!("{root}/")) || root == "." {
                p
            } else {
                format!("{root}/{p}")
            }
        })
        .collect()
}

/// The folders (workspace-relative) of every `.py` file the walk found under `root`.
fn folders_with_python(found: &walk::Walk, root: &str) -> BTreeSet<String> {
    found
        .entries
        .iter()
        .filter(|e| !e.is_dir && e.rel.ends_with(".py"))
        .map(|e| match e.rel.rsplit_once('/') {
            Some((parent, _)) => join(root, parent),
            None => root.to_string(),
        })
        .collect()
}

/// The finding for a folder that must be a package and is not (it is missing, or has no
/// `__init__.py`), or `None` for a package. `listed`: named in `packages` (otherwise it is
/// needed because it holds `.py` files, and the message says so). A package HEAD lacks is
/// `file/not-committed` when grading one's own folder, committed with all of `root`.
fn not_a_package(ctx: &CheckContext, root: &str, dir: &str, listed: bool) -> Option<Finding> {
    let init = format!("{dir}/__init__.py");
    let (q_dir, q_init) = (shell_word(dir), shell_word(&init));
    let is = |rel: &str, dir: bool| {
        ctx.files()
            .kind(rel)
            .is_ok_and(|m| if dir { m.is_dir() } else { m.is_file() })
    };
    if is(&init, false) {
        // Committed with the whole source folder: a clone needs its modules too.
        return not_committed_as(ctx, &init, root);
    }
    if !is(dir, true) {
        return Some(
            Finding::fail(
                Code::FolderMissing,
                tr!(
                    "the package folder `{dir}/` does not exist",
                    "패키지 폴더 `{dir}/`가 없습니다"
                ),
            )
            .file(dir)
            .hint(tr!(
                "create it as a package:\n  mkdir -p {q_dir}\n  touch {q_init}",
                "패키지로 만드십시오:\n  mkdir -p {q_dir}\n  touch {q_init}"
            )),
        );
    }
    let why = if listed {
        tr!("", "")
    } else {
        tr!(" although it holds .py files", " (.py 파일이 있는데도)")
    };
    let finding = Finding::fail(Code::PackagesNoInit, tr!(
        "`{dir}/` has no `__init__.py`{why}, so it is not a regular Python package (setuptools' `find_packages()` skips it, and the lesson's `from src.model import ...` style relies on it)",
        "`{dir}/`에 `__init__.py`가 없습니다{why}. 그래서 일반 Python 패키지가 아닙니다 (setuptools의 `find_packages()`가 건너뛰며, 레슨의 `from src.model import ...` 방식도 이 파일에 기대고 있습니다)";
        why = why
    ))
    .file(&init);
    // A misspelt `__init__.py` beside it (`_init_.py`, `__init__.py.txt`) is named, with
    // the rename, by the near-miss step every kind's findings go through (`Check::run`).
    let words = Group::WORDS;
    Some(
        finding
            .hint(tr!(
                "create it (it may stay empty):\n  touch {q_init}",
                "만드십시오 (비어 있어도 됩니다):\n  touch {q_init}"
            ))
            .group(
                Group::new(
                    tr!(
                        "these folders have no `__init__.py`, so they are not regular Python packages (setuptools' `find_packages()` skips them, and the lesson's `from src.model import ...` style relies on it)",
                        "다음 폴더에 `__init__.py`가 없습니다. 그래서 일반 Python 패키지가 아닙니다 (setuptools의 `find_packages()`가 건너뛰며, 레슨의 `from src.model import ...` 방식도 이 파일에 기대고 있습니다)"
                    ),
                    format!("{dir}/"),
                    tr!(
                        "create them (they may stay empty):\n  touch {words}",
                        "만드십시오 (비어 있어도 됩니다):\n  touch {words}"
                    ),
                )
                .word(q_init),
            ),
    )
}

fn join(root: &str, rel: &str) -> String {
    if root == "." {
        rel.to_string()
    } else {
        format!("{root}/{rel}")
    }
}
