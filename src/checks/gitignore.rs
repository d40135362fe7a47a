//! Check kind `gitignore`: sample paths that git must ignore.
//!
//! Each sample path is asked of git's own rules (`git_ignore_path_is_ignored`: every
//! `.gitignore` from the work tree's root down, negations, folder patterns), so any
//! equivalent pattern passes (`data/`, `/data/`, `data`, `**/__pycache__/`). The user's global
//! excludes file is not read: CI does not have it.
//!
//! Also flags the trap in the note's own example: `data/   # 대용량 데이터` is one pattern
//! including the comment, since `#` starts a comment only at the beginning of a line.

use std::path::Path;

use serde::Deserialize;

use super::git_history::{append, open_workspace_repo, shell_quote};
use super::{CheckContext, Finding};
use crate::tr;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Sample paths (workspace-relative; a trailing `/` marks a folder) git must ignore.
    #[serde(default)]
    pub must_ignore: Vec<Sample>,
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
    let ws = match open_workspace_repo(&ctx.root) {
        Ok(ws) => ws,
        Err(f) => return vec![*f],
    };

    let mut ignored = Vec::new();
    let mut missing: Vec<&Sample> = Vec::new();
    let mut findings = Vec::new();
    for sample in &params.must_ignore {
        let rel = normalize(&sample.path);
        let repo_path = format!("{}{}", ws.prefix, rel);
        match ws.repo.is_path_ignored(&repo_path) {
            Ok(true) => ignored.push(rel),
            Ok(false) => missing.push(sample),
            Err(e) => {
                let msg = e.message().to_string();
                findings.push(Finding::error(tr!(
                    "git could not tell whether `{rel}` is ignored: {msg}",
                    "git 이 `{rel}` 의 무시 여부를 판단하지 못했습니다: {msg}"
                )));
            }
        }
    }

    // Broken lines are reported whether or not the samples pass: such a line never does what
    // its author meant.
    let gitignore = ctx.root.join(".gitignore");
    findings.extend(trailing_comment_lines(&gitignore));

    let has_gitignore = gitignore_exists(&ctx.root, ws.prefix.matches('/').count());
    if !missing.is_empty() && !has_gitignore {
        let lines: Vec<&str> = missing.iter().map(|s| s.pattern.as_str()).collect();
        let paths: Vec<String> = missing
            .iter()
            .map(|s| format!("`{}`", normalize(&s.path)))
            .collect();
        let (lines, paths) = (lines.join("\n"), paths.join(", "));
        let renamed = misnamed_gitignore(&ctx.root);
        let mut f = Finding::fail(tr!(
            "there is no `.gitignore`, so git would track {paths}",
            "`.gitignore` 가 없어서 git 이 {paths} 을(를) 추적하게 됩니다"
        ))
        .file(".gitignore")
        .hint(tr!(
            "create `.gitignore` in the workspace folder with one pattern per line (comments only on their own line, starting with `#`):\n{lines}",
            "워크스페이스 폴더에 `.gitignore` 를 만들고 한 줄에 패턴 하나씩 적으세요 (주석은 `#` 으로 시작하는 별도의 줄에만):\n{lines}"
        ));
        if let Some(name) = renamed {
            f.message = tr!(
                "there is `{name}` but no `.gitignore`: git reads only a file named exactly `.gitignore`, so it would track {paths}",
                "`{name}` 은(는) 있지만 `.gitignore` 가 없습니다: git 은 정확히 `.gitignore` 라는 이름의 파일만 읽으므로 {paths} 을(를) 추적하게 됩니다"
            );
            let q = shell_quote(&name);
            f.hint = Some(tr!(
                "rename it: `git mv {q} .gitignore` (or `mv {q} .gitignore`); Windows Notepad adds `.txt` unless you choose \"All files\"",
                "이름을 바꾸세요: `git mv {q} .gitignore` (또는 `mv {q} .gitignore`). Windows 메모장은 \"모든 파일\"을 고르지 않으면 `.txt` 를 붙입니다"
            ));
        }
        findings.push(f);
        return findings;
    }

    for sample in &missing {
        let rel = normalize(&sample.path);
        let pattern = &sample.pattern;
        let q = shell_quote(rel.trim_end_matches('/'));
        findings.push(
            Finding::fail(tr!(
                "git does not ignore `{rel}`: it could be committed by `git add .`",
                "git 이 `{rel}` 을(를) 무시하지 않습니다: `git add .` 로 커밋될 수 있습니다"
            ))
            .file(".gitignore")
            .hint(tr!(
                "add the line `{pattern}` to `.gitignore`; `git check-ignore -v {q}` then shows the rule that matches",
                "`.gitignore` 에 `{pattern}` 줄을 추가하세요. 추가한 뒤 `git check-ignore -v {q}` 로 어떤 규칙이 적용되는지 볼 수 있습니다"
            )),
        );
    }

    if findings.is_empty() {
        let n = ignored.len();
        let list = ignored
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut message = if n == 0 {
            tr!(
                "the workspace is in a git repository (no sample paths to test)",
                "워크스페이스가 git 저장소 안에 있습니다 (확인할 예시 경로 없음)"
            )
        } else {
            tr!(
                "git ignores all {n} sample path(s): {list}",
                "git 이 예시 경로 {n}개를 모두 무시합니다: {list}"
            )
        };
        if let Some(loc) = &ws.location {
            append(&mut message, loc);
        }
        findings.push(Finding::pass(message));
    }
    findings
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

/// Lines such as `data/   # 대용량 데이터`: a pattern followed by what was meant as a comment.
fn trailing_comment_lines(gitignore: &Path) -> Vec<Finding> {
    let Ok(bytes) = std::fs::read(gitignore) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut findings = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some(pos) = comment_start(line) else {
            continue;
        };
        let pattern = line[..pos].trim_end();
        let comment = line[pos..].trim();
        let shown = line.trim();
        findings.push(
            Finding::fail(tr!(
                "`{shown}` is read as one pattern, comment included, so it does not ignore `{pattern}`: in `.gitignore` a `#` starts a comment only at the beginning of a line",
                "`{shown}` 은(는) 주석까지 포함한 하나의 패턴으로 읽혀서 `{pattern}` 을(를) 무시하지 않습니다: `.gitignore` 에서 `#` 은 줄의 맨 앞에 있을 때만 주석입니다"
            ))
            .file(".gitignore")
            .line(i as u32 + 1)
            .hint(tr!(
                "put the comment on its own line: `{comment}` on one line, `{pattern}` on the next",
                "주석을 별도의 줄로 옮기세요: 한 줄에 `{comment}`, 다음 줄에 `{pattern}`"
            )),
        );
    }
    findings
}

/// Byte offset of a `#` that follows whitespace after some pattern text (not `\#`).
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    (1..bytes.len()).find(|&i| {
        bytes[i] == b'#'
            && (bytes[i - 1] == b' ' || bytes[i - 1] == b'\t')
            && !line[..i].trim().is_empty()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_trailing_comments() {
        assert_eq!(
            comment_start("data/                    # 대용량 데이터"),
            Some(25)
        );
        assert_eq!(comment_start("*.pt\t# ckpt"), Some(5));
        assert_eq!(comment_start("*.pt"), None);
        assert_eq!(comment_start("foo#bar"), None);
        assert_eq!(comment_start("\\#file"), None);
    }

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
