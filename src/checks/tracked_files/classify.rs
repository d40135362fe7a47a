//! Sorting HEAD's files into what must not be tracked (virtual environments, forbidden
//! folders, checkpoints and secrets by name, files over the size limit) and the findings for
//! each sort, grouped by folder and capped per sort.

use std::collections::BTreeMap;

use super::{Params, Tracked};
use crate::checks::shared::{the_rest, MAX_FINDINGS_PER_KIND};
use crate::checks::{ignore_line, Code, Finding};
use crate::escape::shell_word;
use crate::i18n::Tr;
use crate::tr;

/// A folder and what was found inside it.
struct Group<'a> {
    files: Vec<&'a Tracked>,
    /// The folder rule it matched is anchored at the root (`/data`).
    anchored: bool,
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
                .or_insert(Group {
                    files: Vec::new(),
                    anchored: false,
                })
                .files
                .push(t);
            continue;
        }
        if let Some((dir, anchored)) = forbidden_dir_of(&t.path, &dirs) {
            in_dirs
                .entry(dir)
                .or_insert(Group {
                    files: Vec::new(),
                    anchored,
                })
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

/// The fix for tracked files a `.gitignore` line keeps out from now on: add the line, stop
/// tracking, and commit the two together, so that the commands pasted as they are leave
/// nothing behind and the next check passes (the `.gitignore` change was left uncommitted,
/// issue 9). `why` (may be empty) starts it. The second fix is for after an earlier finding
/// asked for the same line: it refers to that one instead of asking again.
fn untrack(why: &Tr, pattern: &str, rm: &str, commit: &Tr) -> (Tr, Tr) {
    let commands = tr!(
        "\n  {rm}\n  git add .gitignore\n  git commit -m \"{commit}\"",
        "\n  {rm}\n  git add .gitignore\n  git commit -m \"{commit}\"";
        commit = commit
    );
    let hint = tr!(
        "{why}add `{pattern}` to `.gitignore`, then stop tracking it and commit both:{commands}",
        "{why}`.gitignore`에 `{pattern}` 줄을 추가한 뒤 추적을 끊고 `.gitignore`와 함께 커밋하십시오:{commands}";
        why = why, commands = commands
    );
    let after = tr!(
        "{why}once `{pattern}` is in `.gitignore` (the fix above), stop tracking it and commit both:{commands}",
        "{why}위의 안내대로 `.gitignore`에 `{pattern}` 줄을 추가했으면, 추적을 끊고 `.gitignore`와 함께 커밋하십시오:{commands}";
        why = why, commands = commands
    );
    (hint, after)
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
        let r = root.trim_end_matches('/');
        let why = tr!(
            "environments are rebuilt from requirements.txt, not committed: ",
            "가상환경은 커밋하지 않고 requirements.txt로 다시 만듭니다. "
        );
        let commit = tr!(
            "Stop tracking the virtual environment",
            "가상환경 추적 중단"
        );
        let (shown, mut hint, after, asks) = if root.is_empty() {
            // The root is the environment: no `.gitignore` line keeps it out.
            let hint = tr!(
                "{why}put the project in a folder of its own, and stop tracking this one:\n  git rm -r --cached .\n  git commit -m \"{commit}\"",
                "{why}프로젝트는 따로 폴더를 만들어 옮기고, 이 환경은 추적을 끊으십시오:\n  git rm -r --cached .\n  git commit -m \"{commit}\"";
                why = why, commit = commit
            );
            ("./".to_string(), hint, None, None)
        } else {
            let rm = format!("git rm -r --cached {}", shell_word(r));
            let (hint, after) = untrack(&why, &format!("{r}/"), &rm, &commit);
            (root.clone(), hint, Some(after), Some(format!("{r}/")))
        };
        if let Some(b) = group.files.iter().find(|t| too_big(t)) {
            hint.append("\n", &history(&b.path));
        }
        let mut finding = Finding::fail(
            Code::TrackedVenv,
            Tr::plural(
                n,
                tr!(
                    "`{shown}` is a virtual environment and 1 of its files is committed",
                    "`{shown}` 폴더는 가상환경인데 그 안의 파일 {n}개가 커밋되어 있습니다"
                ),
                tr!(
                    "`{shown}` is a virtual environment and {n} of its files are committed",
                    "`{shown}` 폴더는 가상환경인데 그 안의 파일 {n}개가 커밋되어 있습니다"
                ),
            ),
        )
        .file(r.to_string())
        .hint(hint);
        if let (Some(after), Some(pattern)) = (after, asks) {
            finding = finding.asks(ignore_line(&pattern)).hint_after(after);
        }
        findings.push(finding);
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
        // A folder the exercise forbids at the top only (`/data`) is ignored by `/data/`:
        // `data/` would also ignore `src/data/` (the line the `gitignore` check asks for).
        let pattern = if group.anchored {
            format!("/{d}/")
        } else {
            format!("{last}/")
        };
        let commit = tr!("Stop tracking {d}", "{d} 추적 중단");
        let rm = format!("git rm -r --cached {q}");
        let (mut hint, after) = untrack(&tr!("", ""), &pattern, &rm, &commit);
        if let Some(b) = group.files.iter().find(|t| too_big(t)) {
            hint.append("\n", &history(&b.path));
        }
        findings.push(
            Finding::fail(Code::TrackedForbiddenFolder, tr!(
                "{files_n} inside `{dir}` {are} committed (e.g. `{example}`); this folder must not be tracked",
                "`{dir}` 안의 파일 {n}개가 커밋되어 있습니다 (예: `{example}`). 이 폴더는 추적하면 안 됩니다"
            ))
            .file(d.to_string())
            .asks(ignore_line(&pattern))
            .hint(hint)
            .hint_after(after),
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
                "add the folder names to `.gitignore`, then stop tracking them all at once and commit both:{cmds}\n  git add .gitignore\n  git commit -m \"Stop tracking generated folders\"",
                "폴더 이름을 `.gitignore`에 추가한 뒤 한 번에 추적을 끊고 `.gitignore`와 함께 커밋하십시오:{cmds}\n  git add .gitignore\n  git commit -m \"생성된 폴더 추적 중단\""
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
        let commit = tr!("Stop tracking {path}", "{path} 추적 중단");
        let rm = format!("git rm --cached {q}");
        let (mut hint, after) = untrack(&tr!("", ""), pattern, &rm, &commit);
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
            .asks(ignore_line(pattern))
            .hint(hint)
            .hint_after(after),
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
        let commit = tr!("Stop tracking {path}", "{path} 추적 중단");
        let rm = format!("git rm --cached {q}");
        let (mut hint, _) = untrack(&tr!("", ""), &format!("/{path}"), &rm, &commit);
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
fn forbidden_dir_of(path: &str, dirs: &[(bool, String)]) -> Option<(String, bool)> {
    let parts: Vec<&str> = path.split('/').collect();
    let folders = &parts[..parts.len().saturating_sub(1)];
    for (i, _) in folders.iter().enumerate() {
        for (anchored, dir) in dirs {
            let width = dir.split('/').count();
            if i + width > folders.len() || (*anchored && i != 0) {
                continue;
            }
            if folders[i..i + width].join("/") == *dir {
                return Some((format!("{}/", folders[..i + width].join("/")), *anchored));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
