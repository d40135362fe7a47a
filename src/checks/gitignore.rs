//! Check kind `gitignore`: sample paths that git must ignore.
//!
//! Each sample path is asked of git's own rules (every `.gitignore` from the work tree's root
//! down, negations, folder patterns), so any
//! equivalent pattern passes (`data/`, `/data/`, `data`, `**/__pycache__/`). `course check`
//! counts the user's excludes file as git does; grading does not (the same verdict on every
//! machine: see [`crate::git::WorkspaceRepo::is_path_ignored`]).
//!
//! With `must_not_ignore`, sample paths git must NOT ignore (`src/data/__init__.py`): the trap
//! of `data/`, which matches a `data` folder at every depth, so the `src/data/` package is never
//! committed and a fresh clone lacks it while the learner's own folder still has it.
//!
//! A `.gitignore` in the workspace that HEAD does not hold, or holds with other content, is
//! `gitignore/not-committed`: git on the learner's machine follows it, but a clone (what CI
//! and `course grade` see) has the committed one or none.
//!
//! An environment folder at the top of the workspace that git would not ignore (`myenv/`
//! beside the lesson's `.venv/` line) is `gitignore/env-not-ignored` (`envs`).
//!
//! A line that starts with spaces (`  /data/`, the lesson's example copied from the terminal)
//! is `gitignore/indented-pattern` (`indented`): git keeps them as part of the pattern.
//!
//! Also flags the trap in the note's own example: `data/   # 대용량 데이터` is one pattern
//! including the comment, since `#` starts a comment only at the beginning of a line.

mod comments;
mod envs;
mod indented;

use std::path::Path;

use serde::Deserialize;

use super::shared::{ignore_error_finding, workspace_repo};
use super::{CheckContext, Code, Finding, Group};
use crate::escape::shell_word;
use crate::git::{line_ignores, WorkspaceRepo};
use crate::tr;
use comments::{commented_patterns, trailing_comment_lines};
use indented::{indented_pattern_lines, indented_patterns};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Sample paths (workspace-relative; a trailing `/` marks a folder) git must ignore.
    #[serde(default)]
    pub must_ignore: Vec<Sample>,
    /// Sample paths (workspace-relative) git must NOT ignore, e.g. `src/data/__init__.py`:
    /// files that belong in every clone.
    #[serde(default)]
    pub must_not_ignore: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    /// A path that must be ignored, e.g. `data/raw/episode_0001.hdf5` or `model.pth`.
    pub path: String,
    /// The `.gitignore` line to suggest when it is not, e.g. `data/` or `*.pth`.
    pub pattern: String,
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let ws = match workspace_repo(ctx) {
        Ok(ws) => ws,
        Err(f) => return vec![*f],
    };

    let mut ignored = Vec::new();
    let mut missing: Vec<&Sample> = Vec::new();
    let mut findings = Vec::new();
    for sample in &params.must_ignore {
        let rel = normalize(&sample.path);
        let repo_path = format!("{}{}", ws.prefix, rel);
        match ws.is_path_ignored(&repo_path) {
            Ok(true) => ignored.push(rel),
            Ok(false) => missing.push(sample),
            Err(e) => findings.push(ignore_error_finding(ctx, &rel, &e)),
        }
    }

    // Broken lines are reported whether or not the samples pass: such a line never does what
    // its author meant.
    // Read once for the line checks below (it is also what HEAD's copy is compared with);
    // `None` when it cannot be read as a regular file (git's own reading reports that).
    // Only a file listed as exactly `.gitignore` counts: `.GITIGNORE` opens as it where the
    // file system ignores case, but a clone on Linux has no `.gitignore` ([`misnamed_gitignore`]).
    let exact = !ctx.files().ignores_case() || ctx.files().kind(".gitignore").is_ok();
    // The ignore rules above have usually read it already (then it is a regular file).
    let max = crate::fs::WORKSPACE_FILE_MAX;
    let gitignore = exact
        .then(|| {
            ws.top_gitignore()
                .filter(|text| ws.prefix.is_empty() && text.len() as u64 <= max)
                .or_else(|| crate::fs::read_regular(&ctx.root.join(".gitignore"), max).ok())
        })
        .flatten();
    let gitignore = gitignore.as_deref();
    findings.extend(trailing_comment_lines(gitignore));
    let missing_paths: Vec<String> = missing.iter().map(|s| normalize(&s.path)).collect();
    findings.extend(indented_pattern_lines(gitignore, &missing_paths));

    let mut kept = Vec::new();
    for path in &params.must_not_ignore {
        let rel = normalize(path);
        let repo_path = format!("{}{}", ws.prefix, rel);
        match ws.is_path_ignored(&repo_path) {
            Ok(false) => kept.push(rel),
            Ok(true) => findings.push(wrongly_ignored(ws, &rel, gitignore)),
            Err(e) => findings.push(ignore_error_finding(ctx, &rel, &e)),
        }
    }

    let has_gitignore = exact
        && (gitignore.is_some() || gitignore_exists(&ctx.root, ws.prefix.matches('/').count()));
    if !missing.is_empty() && !has_gitignore {
        findings.push(no_gitignore(ctx, &missing));
        return findings;
    }

    let mut meant = commented_patterns(gitignore);
    meant.extend(indented_patterns(gitignore));
    for sample in &missing {
        let rel = normalize(&sample.path);
        // `.env # 비밀` would ignore it once its comment is on a line of its own, `  /data/`
        // once its spaces are gone: those findings say so, and adding another line would
        // leave the broken one (and tell the learner to add what is there).
        if meant.iter().any(|line| line_ignores(line, &rel)) {
            continue;
        }
        findings.push(not_ignored(&rel, &sample.pattern));
    }

    let samples: Vec<String> = params
        .must_ignore
        .iter()
        .map(|s| normalize(&s.path))
        .collect();
    findings.extend(envs::not_ignored(ws, &ctx.root, ctx.listings(), &samples));

    if has_gitignore {
        findings.extend(not_committed(ws, gitignore));
    }
    if findings.is_empty() {
        findings.push(all_fine(&ignored, &kept));
    }
    findings
}

/// A sample path git does not ignore, with the line to add; beside others, one sentence
/// lists the paths and one block holds every line to add.
fn not_ignored(rel: &str, pattern: &str) -> Finding {
    let q = shell_word(rel.trim_end_matches('/'));
    let (words, lines) = (Group::WORDS, Group::LINES);
    Finding::fail(Code::GitignoreNotIgnored, tr!(
        "git does not ignore `{rel}`: it could be committed by `git add .`",
        "git이 `{rel}` 경로를 무시하지 않습니다: `git add .`하면 커밋될 수 있습니다"
    ))
    .file(".gitignore")
    .asks(crate::checks::ignore_line(pattern))
    .hint(tr!(
        "add the line `{pattern}` to `.gitignore`; then this shows the rule that matches:\n  git check-ignore -v {q}",
        "`.gitignore`에 `{pattern}` 줄을 추가하십시오. 추가한 뒤 이 명령으로 어떤 규칙이 적용되는지 볼 수 있습니다:\n  git check-ignore -v {q}"
    ))
    .group(
        Group::new(
            tr!(
                "git does not ignore these paths: `git add .` could commit them",
                "git이 다음 경로를 무시하지 않습니다: `git add .`하면 커밋될 수 있습니다"
            ),
            rel,
            tr!(
                "add these lines to `.gitignore`, one per line, each from its first column (without the spaces in front of them here):\n  {lines}\nthen this shows the rule that matches each path:\n  git check-ignore -v {words}",
                "`.gitignore`에 다음 줄을 한 줄에 하나씩, 줄의 첫 칸부터 추가하십시오 (여기서 앞에 보이는 공백은 빼고):\n  {lines}\n추가한 뒤 이 명령으로 경로마다 어떤 규칙이 적용되는지 볼 수 있습니다:\n  git check-ignore -v {words}"
            ),
        )
        .word(q)
        .line(pattern),
    )
}

/// The workspace's `.gitignore` as HEAD holds it, compared with the file (line ends aside: a
/// checkout may turn `\n` into `\r\n`). Nothing when there is no commit yet (git-history says
/// so) or the file cannot be read as a regular file (its own finding says why).
fn not_committed(ws: &WorkspaceRepo, gitignore: Option<&[u8]>) -> Option<Finding> {
    let on_disk = gitignore?;
    let head = ws.head().ok()?;
    let committed = head
        .commit
        .tree()
        .ok()?
        .get_path(Path::new(&format!("{}.gitignore", ws.prefix)))
        .ok()
        .and_then(|entry| entry.to_object(&ws.repo).ok())
        .and_then(|object| object.into_blob().ok())
        .map(|blob| blob.content().to_vec());
    let without_cr = |b: &[u8]| {
        b.iter()
            .copied()
            .filter(|&c| c != b'\r')
            .collect::<Vec<u8>>()
    };
    let message = match &committed {
        Some(c) if without_cr(c) == without_cr(on_disk) => return None,
        Some(_) => tr!(
            "`.gitignore` has changes that are not committed: a clone of the repository (what CI and grading see) has the last committed version",
            "`.gitignore`에 커밋하지 않은 변경이 있습니다: 저장소를 clone하면(CI와 채점이 보는 것) 마지막으로 커밋한 내용만 있습니다"
        ),
        None => tr!(
            "`.gitignore` is not committed: git here follows it, but a clone of the repository (what CI and grading see) has none",
            "`.gitignore`가 커밋되지 않았습니다: 여기서는 git이 따르지만, 저장소를 clone하면(CI와 채점이 보는 것) `.gitignore`가 없습니다"
        ),
    };
    // A `.gitignore` HEAD already has is updated, not added.
    let hint = if committed.is_some() {
        tr!(
            "commit it:\n  git add .gitignore\n  git commit -m \"Update .gitignore\"",
            "커밋하십시오:\n  git add .gitignore\n  git commit -m \".gitignore 수정\""
        )
    } else {
        tr!(
            "commit it:\n  git add .gitignore\n  git commit -m \"Add .gitignore\"",
            "커밋하십시오:\n  git add .gitignore\n  git commit -m \".gitignore 추가\""
        )
    };
    Some(
        Finding::fail(Code::GitignoreNotCommitted, message)
            .file(".gitignore")
            .hint(hint),
    )
}

/// The pass finding: which sample paths git ignores and which it keeps.
fn all_fine(ignored: &[String], kept: &[String]) -> Finding {
    let quoted = |list: &[String]| {
        list.iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (n, list) = (ignored.len(), quoted(ignored));
    let (k, kept_list) = (kept.len(), quoted(kept));
    let message = match (n, k) {
        (0, 0) => tr!(
            "the workspace is a git repository (no sample paths to test)",
            "작업 폴더가 git 저장소입니다 (확인할 예시 경로 없음)"
        ),
        (_, 0) => {
            let all = all_of(n);
            tr!(
                "git ignores {all}: {list}",
                "git이 예시 경로 {n}개를 모두 무시합니다: {list}"
            )
        }
        (0, _) => {
            let none = none_of(k);
            tr!(
                "git ignores {none} that must be committed: {kept_list}",
                "커밋해야 하는 경로 {k}개는 git이 하나도 무시하지 않습니다: {kept_list}"
            )
        }
        _ => {
            let (all, none) = (all_of(n), none_of(k));
            tr!(
                "git ignores {all}: {list}; and {none} that must be committed: {kept_list}",
                "git이 예시 경로 {n}개를 모두 무시하고, 커밋해야 하는 경로 {k}개는 하나도 무시하지 않습니다. 무시: {list}. 커밋: {kept_list}"
            )
        }
    };
    Finding::pass(Code::GitignoreOk, message)
}

/// The finding for sample paths git would track because there is no `.gitignore` at all
/// (or only a misnamed one, such as `gitignore.txt`).
fn no_gitignore(ctx: &CheckContext, missing: &[&Sample]) -> Finding {
    let root = &ctx.root;
    let lines: Vec<&str> = missing.iter().map(|s| s.pattern.as_str()).collect();
    let paths: Vec<String> = missing
        .iter()
        .map(|s| format!("`{}`", normalize(&s.path)))
        .collect();
    let (lines, paths) = (lines.join("\n"), paths.join(", "));
    let renamed = misnamed_gitignore(root);
    let mut f = Finding::fail(Code::GitignoreMissing, tr!(
        "there is no `.gitignore`, so git would track {paths}",
        "`.gitignore` 파일이 없어서 git이 다음 경로를 추적하게 됩니다: {paths}"
    ))
    .file(".gitignore")
    .hint(tr!(
        "create `.gitignore` in the workspace folder with one pattern per line (comments only on their own line, starting with `#`):\n{lines}",
        "작업 폴더에 `.gitignore` 파일을 만들고 한 줄에 패턴 하나씩 적으십시오 (주석은 `#`으로 시작하는 별도의 줄에만):\n{lines}"
    ));
    if let Some(name) = renamed {
        f.message = tr!(
            "there is `{name}` but no `.gitignore`: git reads only a file named exactly `.gitignore`, so it would track {paths}",
            "`{name}` 파일은 있지만 `.gitignore` 파일이 없습니다: git은 이름이 정확히 `.gitignore`인 파일만 읽으므로 다음 경로를 추적하게 됩니다: {paths}"
        );
        let q = shell_word(&name);
        // GNU `mv` refuses a rename that changes only case where the file system ignores it.
        if name.eq_ignore_ascii_case(".gitignore") {
            f.message.append(
                "",
                &tr!(
                    " (git here may follow it, as this file system ignores case; a clone on Linux, what grading sees, does not)",
                    " (이 파일 시스템은 대소문자를 구분하지 않아 여기의 git은 이 파일을 따를 수 있지만, 채점이 보는 Linux의 클론은 따르지 않습니다)"
                ),
            );
        }
        // One command, as for any near miss: `git mv` for a committed file (also when only
        // case differs), else `mv`, through a temporary name when only case differs.
        let rename = if super::shared::tracked(ctx, &name) {
            format!("git mv {q} .gitignore")
        } else if name.eq_ignore_ascii_case(".gitignore") {
            let tmp = shell_word(&format!("{name}.tmp"));
            format!("mv {q} {tmp}\n  mv {tmp} .gitignore")
        } else {
            format!("mv {q} .gitignore")
        };
        let why = if name.ends_with(".txt") {
            tr!(
                " (Windows Notepad adds `.txt` unless you choose \"All files\")",
                " (Windows 메모장은 \"모든 파일\"을 고르지 않으면 `.txt`를 붙입니다)"
            )
        } else {
            tr!("", "")
        };
        f.hint = Some(tr!(
            "rename it{why}:\n  {rename}",
            "이름을 바꾸십시오{why}:\n  {rename}";
            why = why
        ));
    }
    f
}

/// `the sample path`, `both sample paths`, `all 6 sample paths`.
fn all_of(n: usize) -> String {
    match n {
        1 => "the sample path".to_string(),
        2 => "both sample paths".to_string(),
        _ => format!("all {n} sample paths"),
    }
}

/// `none of the 5 paths`, `neither of the 2 paths`, `not the path`.
fn none_of(k: usize) -> String {
    match k {
        1 => "not the path".to_string(),
        2 => "neither of the 2 paths".to_string(),
        _ => format!("none of the {k} paths"),
    }
}

/// A path that must be committed but that git ignores. When a `.gitignore` line names one of
/// its parent folders without a leading `/` (`data/` hiding `src/data/`), say so with the line.
fn wrongly_ignored(ws: &WorkspaceRepo, rel: &str, gitignore: Option<&[u8]>) -> Finding {
    let q = shell_word(rel.trim_end_matches('/'));
    let repo_path = format!("{}{}", ws.prefix, rel);
    let tracked = ws
        .repo
        .head()
        .ok()
        .and_then(|h| h.peel_to_tree().ok())
        .is_some_and(|t| {
            t.get_path(Path::new(repo_path.trim_end_matches('/')))
                .is_ok()
        });
    let message = if tracked {
        tr!(
            "git ignores `{rel}`: it stays tracked because it was committed before, but new files the same rule matches are skipped by `git add .` and missing from a fresh clone",
            "git이 `{rel}` 경로를 무시합니다: 이미 커밋되어 있어 계속 추적되지만, 같은 규칙에 걸리는 새 파일은 `git add .`에서 빠지고 새로 복제한 저장소에도 없습니다"
        )
    } else {
        tr!(
            "git ignores `{rel}`, so it is never committed (and a fresh clone lacks it)",
            "git이 `{rel}` 경로를 무시하므로 커밋되지 않습니다 (새로 복제한 저장소에는 없습니다)"
        )
    };
    let mut f = Finding::fail(Code::GitignoreIgnoresTooMuch, message).file(".gitignore");
    match unanchored_folder_line(gitignore, rel) {
        Some((line, pattern, folder, name)) => {
            f = f.line(line).hint(tr!(
                "a pattern without a leading `/` matches at every depth: `{pattern}` also matches `{folder}/`; write `/{name}/` to mean only the top-level folder; this shows which line does it:\n  git check-ignore -v {q}",
                "앞에 `/`가 없는 패턴은 모든 깊이에서 맞습니다: `{pattern}` 패턴은 `{folder}/` 폴더에도 맞습니다. 맨 위 폴더만 뜻하려면 `/{name}/`처럼 적으십시오. 어느 줄 때문인지는 이 명령이 보여 줍니다:\n  git check-ignore -v {q}"
            ));
        }
        None => {
            f = f.hint(tr!(
                "narrow the pattern that does it (a leading `/` limits it to the top-level folder: `/data/` is not `src/data/`); this shows which line of which ignore file it is:\n  git check-ignore -v {q}",
                "그 패턴을 좁히십시오 (앞에 `/`를 붙이면 맨 위 폴더만 뜻합니다: `/data/` 패턴은 `src/data/` 폴더에 맞지 않습니다). 어느 무시 파일의 어느 줄인지는 이 명령이 보여 줍니다:\n  git check-ignore -v {q}"
            ));
        }
    }
    f
}

/// A line of the workspace's `.gitignore` such as `data/` (or `data`, `**/data/`) that
/// matches a folder of `rel` below the top level: `(line number, the line, the folder, its
/// name)`.
fn unanchored_folder_line(
    gitignore: Option<&[u8]>,
    rel: &str,
) -> Option<(u32, String, String, String)> {
    let text = String::from_utf8_lossy(gitignore?);
    let parts: Vec<&str> = rel.trim_end_matches('/').split('/').collect();
    // Folders of `rel` other than a top-level one (a top-level match is meant).
    let folders = &parts[..parts.len().saturating_sub(1)];
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r').trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('!') {
            continue;
        }
        let bare = line.strip_prefix("**/").unwrap_or(line);
        let name = bare.strip_suffix('/').unwrap_or(bare);
        if name.is_empty() || name.contains('/') || name.contains(['*', '?', '[']) {
            continue;
        }
        if let Some(depth) = (1..folders.len()).find(|&d| folders[d] == name) {
            let folder = folders[..=depth].join("/");
            return Some((i as u32 + 1, line.to_string(), folder, name.to_string()));
        }
    }
    None
}

/// A sample path as git wants it: `/` separators, no leading `./` or `/`.
fn normalize(path: &str) -> String {
    let p = path.trim().replace('\\', "/");
    let mut p = p.as_str();
    loop {
        if let Some(rest) = p.strip_prefix("./") {
            p = rest;
        } else if let Some(rest) = p.strip_prefix('/') {
            p = rest;
        } else {
            break;
        }
    }
    p.to_string()
}

/// A `.gitignore` in the workspace or in one of its `depth` parent folders up to the work tree.
fn gitignore_exists(root: &Path, depth: usize) -> bool {
    let mut dir = Some(root);
    for _ in 0..=depth {
        match dir {
            Some(d) if d.join(".gitignore").is_file() => return true,
            Some(d) => dir = d.parent(),
            None => break,
        }
    }
    false
}

/// A file that was probably meant to be `.gitignore`.
fn misnamed_gitignore(root: &Path) -> Option<String> {
    [
        ".gitignore.txt",
        "gitignore",
        "gitignore.txt",
        ".gitIgnore",
        ".GITIGNORE",
        "_gitignore",
    ]
    .into_iter()
    .find(|name| {
        // On case-insensitive file systems `.GITIGNORE` would also "exist" as `.gitignore`;
        // compare the real names.
        std::fs::read_dir(root)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .any(|e| e.file_name().to_string_lossy() == *name)
            })
            .unwrap_or(false)
    })
    .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_sample_paths() {
        assert_eq!(normalize("./data/raw/x.bin"), "data/raw/x.bin");
        assert_eq!(normalize("/model.pth"), "model.pth");
        assert_eq!(
            normalize("src\\__pycache__\\a.pyc"),
            "src/__pycache__/a.pyc"
        );
        assert_eq!(normalize("data/"), "data/");
    }
}
