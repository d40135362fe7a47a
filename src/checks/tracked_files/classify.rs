//! Sorting HEAD's files into what must not be tracked (virtual environments, forbidden
//! folders, checkpoints and secrets by name, files over the size limit) and the findings for
//! each sort, grouped by folder and capped per sort.

use std::collections::BTreeMap;

use super::{Params, Tracked};
use crate::checks::shared::{the_rest, MAX_FINDINGS_PER_KIND};
use crate::checks::{Code, Finding};
use crate::escape::shell_word;
use crate::i18n::Tr;
use crate::tr;

/// A folder and what was found inside it.
struct Group<'a> {
    files: Vec<&'a Tracked>,
}

/// HEAD's files that must not be tracked, by sort (a file counts in the first sort only).
#[derive(Default)]
struct Sorted<'a> {
    venvs: BTreeMap<String, Group<'a>>,
    in_dirs: BTreeMap<String, Group<'a>>,
    /// (file, the pattern to ignore it by)
    by_name: Vec<(&'a Tracked, String)>,
    big: Vec<&'a Tracked>,
}

/// The findings for every file of `files` that must not be tracked; none when all is well.
pub(super) fn classify(params: &Params, files: &[Tracked]) -> Vec<Finding> {
    let limit = params.max_size_mb.saturating_mul(1024 * 1024);
    let too_big = |t: &Tracked| t.size.is_some_and(|s| s as u64 > limit);
    let sorted = sort(params, files, &too_big);
    let mut findings = Vec::new();
    venv_findings(&mut findings, &sorted.venvs, &too_big);
    folder_findings(&mut findings, &sorted.in_dirs, &too_big);
    name_findings(&mut findings, &sorted.by_name, &too_big);
    large_findings(&mut findings, &sorted.big, params.max_size_mb);
    findings
}

/// Virtual environments: folders (with a trailing `/`; empty for the root) whose
/// `pyvenv.cfg` or `conda-meta/` is tracked, the outermost only.
fn venv_roots(files: &[Tracked]) -> Vec<String> {
    let mut venv_roots: Vec<String> = Vec::new();
    for t in files {
        let root = if t.path == "pyvenv.cfg" {
            Some(String::new())
        } else if let Some(dir) = t.path.strip_suffix("/pyvenv.cfg") {
            Some(format!("{dir}/"))
        } else if t.path.starts_with("conda-meta/") {
            Some(String::new())
        } else {
            t.path
                .find("/conda-meta/")
                .map(|i| format!("{}/", &t.path[..i]))
        };
        if let Some(root) = root {
            if !venv_roots.contains(&root) {
                venv_roots.push(root);
            }
        }
    }
    // The outermost roots only (a venv inside a venv is the same problem).
    let all_roots = venv_roots.clone();
    venv_roots.retain(|r| {
        !all_roots
            .iter()
            .any(|o| o != r && r.starts_with(o.as_str()))
    });
    venv_roots.sort();

    venv_roots
}

/// The forbidden folders as (anchored at the root, folder without slashes).
fn forbidden_dirs(params: &Params) -> Vec<(bool, String)> {
    params
        .forbidden_dirs
        .iter()
        .map(|d| {
            let anchored = d.trim().starts_with('/');
            (anchored, d.trim().trim_matches('/').to_string())
        })
        .filter(|(_, d)| !d.is_empty())
        .collect()
}

fn sort<'a>(
    params: &Params,
    files: &'a [Tracked],
    too_big: &dyn Fn(&Tracked) -> bool,
) -> Sorted<'a> {
    let venv_roots = venv_roots(files);
    let dirs = forbidden_dirs(params);
    let mut sorted = Sorted::default();
    let Sorted {
        venvs,
        in_dirs,
        by_name,
        big,
    } = &mut sorted;

    for t in files {
        if let Some(root) = venv_roots.iter().find(|r| t.path.starts_with(r.as_str())) {
            venvs
                .entry(root.clone())
                .or_insert(Group { files: Vec::new() })
                .files
                .push(t);
            continue;
        }
        if let Some(dir) = forbidden_dir_of(&t.path, &dirs) {
            in_dirs
                .entry(dir)
                .or_insert(Group { files: Vec::new() })
                .files
                .push(t);
            continue;
        }
        let name = t.path.rsplit('/').next().unwrap_or(&t.path);
        if let Some(n) = params.forbidden_names.iter().find(|n| n.as_str() == name) {
            by_name.push((t, n.clone()));
            continue;
        }
        let lower = name.to_lowercase();
        if let Some(s) = params
            .forbidden_suffixes
            .iter()
            .find(|s| !s.is_empty() && lower.ends_with(&s.to_lowercase()))
        {
            by_name.push((t, format!("*{s}")));
            continue;
        }
        if too_big(t) {
            big.push(t);
        }
    }
    sorted
}

/// How to drop a file from the whole history, added to a hint when the file is large.
fn history(path: &str) -> Tr {
    let q = shell_word(path);
    tr!(
            "the file stays in the history even once it is no longer tracked (GitHub rejects files over 100 MB); to drop it from every commit (or start a new repository):\n  git filter-repo --invert-paths --path {q}",
            "추적을 끊어도 파일은 이력에 남습니다 (GitHub는 100 MB를 넘는 파일을 거부합니다). 모든 커밋에서 지우려면 다음 명령을 쓰거나 저장소를 새로 만드십시오:\n  git filter-repo --invert-paths --path {q}"
        )
}

fn venv_findings(
    findings: &mut Vec<Finding>,
    venvs: &BTreeMap<String, Group>,
    too_big: &dyn Fn(&Tracked) -> bool,
) {
    let total = venvs.len();
    for (root, group) in venvs.iter().take(MAX_FINDINGS_PER_KIND) {
        let n = group.files.len();
        let (shown, rm, ignore) = if root.is_empty() {
            (
                "./".to_string(),
                "git rm -r --cached .".to_string(),
                "(a new folder for the project)".to_string(),
            )
        } else {
            let r = root.trim_end_matches('/');
            (
                root.clone(),
                format!("git rm -r --cached {}", shell_word(r)),
                format!("{r}/"),
            )
        };
        let mut hint = tr!(
            "environments are rebuilt from requirements.txt, not committed: add `{ignore}` to `.gitignore`, then stop tracking it and commit:\n  {rm}\n  git commit -m \"Stop tracking the virtual environment\"",
            "가상환경은 커밋하지 않고 requirements.txt로 다시 만듭니다. `.gitignore`에 `{ignore}` 줄을 추가한 뒤 추적을 끊고 커밋하십시오:\n  {rm}\n  git commit -m \"가상환경 추적 중단\""
        );
        if let Some(b) = group.files.iter().find(|t| too_big(t)) {
            hint.append("\n", &history(&b.path));
        }
        findings.push(
            Finding::fail(
                Code::TrackedVenv,
                tr!(
                    "`{shown}` is a virtual environment and {n} of its files are committed",
                    "`{shown}` 폴더는 가상환경인데 그 안의 파일 {n}개가 커밋되어 있습니다"
                ),
            )
            .file(root.trim_end_matches('/').to_string())
            .hint(hint),
        );
    }
    more(
        findings,
        Code::TrackedVenv,
        total,
        tr!("virtual environment like this", "가상환경"),
        tr!("virtual environments like these", "가상환경"),
    );
}

fn folder_findings(
    findings: &mut Vec<Finding>,
    in_dirs: &BTreeMap<String, Group>,
    too_big: &dyn Fn(&Tracked) -> bool,
) {
    let total = in_dirs.len();
    for (dir, group) in in_dirs.iter().take(MAX_FINDINGS_PER_KIND) {
        let n = group.files.len();
        let files_n = crate::i18n::count(n, "file", "files");
        let are = if n == 1 { "is" } else { "are" };
        let example = &group.files[0].path;
        let d = dir.trim_end_matches('/');
        let q = shell_word(d);
        let last = d.rsplit('/').next().unwrap_or(d);
        let mut hint = tr!(
            "add `{last}/` to `.gitignore`, then stop tracking it and commit:\n  git rm -r --cached {q}\n  git commit -m \"Stop tracking {d}\"",
            "`.gitignore`에 `{last}/` 줄을 추가한 뒤 추적을 끊고 커밋하십시오:\n  git rm -r --cached {q}\n  git commit -m \"{d} 추적 중단\""
        );
        if let Some(b) = group.files.iter().find(|t| too_big(t)) {
            hint.append("\n", &history(&b.path));
        }
        findings.push(
            Finding::fail(Code::TrackedForbiddenFolder, tr!(
                "{files_n} inside `{dir}` {are} committed (e.g. `{example}`); this folder must not be tracked",
                "`{dir}` 안의 파일 {n}개가 커밋되어 있습니다 (예: `{example}`). 이 폴더는 추적하면 안 됩니다"
            ))
            .file(d.to_string())
            .hint(hint),
        );
    }
    more(
        findings,
        Code::TrackedForbiddenFolder,
        total,
        tr!("folder like this", "폴더"),
        tr!("folders like these", "폴더"),
    );
    if total > MAX_FINDINGS_PER_KIND {
        // One command per folder name untracks every such folder at any depth (a git
        // pathspec `*` also matches `/`).
        let mut names: Vec<&str> = in_dirs
            .keys()
            .skip(MAX_FINDINGS_PER_KIND)
            .map(|d| d.trim_end_matches('/').rsplit('/').next().unwrap_or(d))
            .collect();
        names.sort();
        names.dedup();
        let cmds = names
            .iter()
            .map(|n| {
                format!(
                    "\n  git rm -r --cached -q -- {}",
                    shell_word(&format!("*{n}/*"))
                )
            })
            .collect::<String>();
        if let Some(last) = findings.last_mut() {
            last.hint = Some(tr!(
                "add the folder names to `.gitignore`, then stop tracking them all at once and commit:{cmds}\n  git commit -m \"Stop tracking generated folders\"",
                "폴더 이름을 `.gitignore`에 추가한 뒤 한 번에 추적을 끊고 커밋하십시오:{cmds}\n  git commit -m \"생성된 폴더 추적 중단\""
            ));
        }
    }
}

fn name_findings(
    findings: &mut Vec<Finding>,
    by_name: &[(&Tracked, String)],
    too_big: &dyn Fn(&Tracked) -> bool,
) {
    let total = by_name.len();
    for (t, pattern) in by_name.iter().take(MAX_FINDINGS_PER_KIND) {
        let path = &t.path;
        let q = shell_word(path);
        let mut hint = tr!(
            "add `{pattern}` to `.gitignore`, then stop tracking it and commit:\n  git rm --cached {q}\n  git commit -m \"Stop tracking {path}\"",
            "`.gitignore`에 `{pattern}` 줄을 추가한 뒤 추적을 끊고 커밋하십시오:\n  git rm --cached {q}\n  git commit -m \"{path} 추적 중단\""
        );
        if pattern.starts_with(".env") {
            hint.append(
                "\n",
                &tr!(
                    "If it held real keys or passwords they are in the history now: revoke them and make new ones.",
                    "실제 키나 비밀번호가 들어 있었다면 이미 이력에 남았으니, 폐기하고 새로 발급받으십시오."
                ),
            );
        }
        if too_big(t) {
            hint.append("\n", &history(path));
        }
        findings.push(
            Finding::fail(Code::TrackedForbiddenFile, tr!(
                "`{path}` is committed; files matching `{pattern}` must not be tracked",
                "`{path}` 파일이 커밋되어 있습니다. `{pattern}` 패턴에 해당하는 파일은 추적하면 안 됩니다"
            ))
            .file_named(path.clone())
            .hint(hint),
        );
    }
    more(
        findings,
        Code::TrackedForbiddenFile,
        total,
        tr!("file like this", "파일"),
        tr!("files like these", "파일"),
    );
}

fn large_findings(findings: &mut Vec<Finding>, big: &[&Tracked], max: u64) {
    let total = big.len();
    for t in big.iter().take(MAX_FINDINGS_PER_KIND) {
        let path = &t.path;
        let q = shell_word(path);
        let size = mb(t.size.unwrap_or(0));
        let mut hint = tr!(
            "add it to `.gitignore`, then stop tracking it and commit:\n  git rm --cached {q}\n  git commit -m \"Stop tracking {path}\"",
            "`.gitignore`에 이 파일을 추가한 뒤 추적을 끊고 커밋하십시오:\n  git rm --cached {q}\n  git commit -m \"{path} 추적 중단\""
        );
        hint.append("\n", &history(path));
        findings.push(
            Finding::fail(
                Code::TrackedTooLarge,
                tr!(
                    "`{path}` is {size} MB, over the {max} MB limit for a tracked file",
                    "`{path}` 파일의 크기가 {size} MB로, 추적하는 파일의 한도 {max} MB를 넘습니다"
                ),
            )
            .file_named(path.clone())
            .hint(hint),
        );
    }
    more(
        findings,
        Code::TrackedTooLarge,
        total,
        tr!("file over the limit like this", "한도 초과 파일"),
        tr!("files over the limit like these", "한도 초과 파일"),
    );
}

/// "and N more ..." when `total` is over the cap; `one` and `other` name what is left out,
/// in the singular and the plural (see [`Tr::plural`]).
fn more(findings: &mut Vec<Finding>, code: Code, total: usize, one: Tr, other: Tr) {
    findings.extend(the_rest(total, code, |n| {
        tr!(
            "and {n} more {what}",
            "이와 같은 {what} {n}개가 더 있습니다";
            what = Tr::plural(n, one, other)
        )
    }));
}

fn mb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// The forbidden folder (workspace-relative, with a trailing `/`) holding `path`, if any.
fn forbidden_dir_of(path: &str, dirs: &[(bool, String)]) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    let folders = &parts[..parts.len().saturating_sub(1)];
    for (i, _) in folders.iter().enumerate() {
        for (anchored, dir) in dirs {
            let width = dir.split('/').count();
            if i + width > folders.len() || (*anchored && i != 0) {
                continue;
            }
            if folders[i..i + width].join("/") == *dir {
                return Some(format!("{}/", folders[..i + width].join("/")));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs(list: &[&str]) -> Vec<(bool, String)> {
        list.iter()
            .map(|d| (d.starts_with('/'), d.trim_matches('/').to_string()))
            .collect()
    }

    #[test]
    fn forbidden_dirs_match_components() {
        let d = dirs(&["__pycache__", "/data", ".ipynb_checkpoints/"]);
        assert_eq!(forbidden_dir_of("data/raw/a.csv", &d), Some("data/".into()));
        assert_eq!(forbidden_dir_of("src/data/dataset.py", &d), None);
        assert_eq!(
            forbidden_dir_of("src/model/__pycache__/vla.cpython-310.pyc", &d),
            Some("src/model/__pycache__/".into())
        );
        assert_eq!(forbidden_dir_of("__pycache__", &d), None);
        assert_eq!(forbidden_dir_of("a/data", &dirs(&["data"])), None);
        assert_eq!(
            forbidden_dir_of("a/data/x", &dirs(&["data"])),
            Some("a/data/".into())
        );
    }

    fn t(path: &str, size: usize) -> Tracked {
        Tracked {
            path: path.into(),
            size: Some(size),
        }
    }

    #[test]
    fn venvs_are_grouped_and_findings_capped() {
        let mut files = vec![t(".venv/pyvenv.cfg", 10), t("hello.py", 10)];
        for i in 0..5000 {
            files.push(t(
                &format!(".venv/lib/python3.12/site-packages/m{i}.py"),
                10,
            ));
        }
        for i in 0..25 {
            files.push(t(&format!("ckpt/model{i}.pt"), 10));
        }
        let params = Params {
            forbidden_suffixes: vec![".pt".into()],
            ..Params::default()
        };
        let f = classify(&params, &files);
        // 1 venv + 10 checkpoints + "and 15 more".
        assert_eq!(f.len(), 12, "{f:#?}");
        assert!(f[0]
            .message
            .get(crate::i18n::Lang::En)
            .contains("`.venv/` is a virtual environment and 5001"));
        assert!(f[11]
            .message
            .get(crate::i18n::Lang::En)
            .contains("and 15 more"));
    }

    #[test]
    fn many_cache_folders_get_one_command_for_all() {
        let files: Vec<Tracked> = (0..30)
            .map(|i| t(&format!("src/m{i}/__pycache__/a.pyc"), 1))
            .collect();
        let params = Params {
            forbidden_dirs: vec!["__pycache__".into()],
            ..Params::default()
        };
        let f = classify(&params, &files);
        assert_eq!(f.len(), 11);
        assert_eq!(
            f[10].message.get(crate::i18n::Lang::En),
            "and 20 more folders like these"
        );
        let hint = &f[10].hint.as_ref().unwrap().get(crate::i18n::Lang::En);
        assert!(
            hint.contains("\n  git rm -r --cached -q -- '*__pycache__/*'\n"),
            "{hint}"
        );
    }
}
