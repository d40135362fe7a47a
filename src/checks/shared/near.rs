//! Near misses in findings: a `file/missing`, `folder/missing` or `packages/no-init` finding
//! is told what the workspace holds instead (`requirement.txt` for `requirements.txt`) and the commands that
//! move it. The search itself is [`crate::fs::Root::near_miss`]; this applies it to the
//! findings of every kind ([`crate::checks::Check::run`]).

use super::super::{CheckContext, Code, Finding};
use crate::fs::{Step, Want};
use crate::tr;

/// A missing file or folder's finding, told what is there instead when the workspace holds a
/// near miss (`requirement.txt`, `readme.md`, `answer/`; see [`crate::fs::Root::near_miss`]),
/// with the commands that move it: one mechanism for every kind, applied to each finding
/// `file/missing`, `folder/missing` or `packages/no-init` that names its path.
pub(crate) fn near_miss(ctx: &CheckContext, finding: &mut Finding) {
    // A package's `__init__.py` is looked for among its own folder's files only: another
    // folder's is another package's.
    let (want, here_only) = match finding.code {
        Code::FileMissing => (Want::File, false),
        Code::FolderMissing => (Want::Folder, false),
        Code::PackagesNoInit => (Want::File, true),
        _ => return,
    };
    let Some(rel) = finding.file.clone() else {
        return;
    };
    let near = if here_only {
        ctx.files().near_miss_here(&rel)
    } else {
        ctx.files().near_miss(&rel, want)
    };
    let Some(near) = near else {
        return;
    };
    let slash = if want == Want::Folder { "/" } else { "" };
    let found = format!("{}{slash}", near.found);
    finding.message.append(
        "",
        &tr!("; found `{found}`", ". 대신 `{found}`이(가) 있습니다"),
    );
    let git = if tracked(ctx, &near.found) {
        "git mv"
    } else {
        "mv"
    };
    let q = crate::escape::shell_word;
    let commands: Vec<String> = near
        .steps
        .iter()
        .map(|step| match step {
            Step::MakeDir(dir) => format!("  mkdir -p {}", q(dir)),
            // `git mv` renames `readme.md` to `README.md` on a file system that ignores
            // case; GNU `mv` there (WSL on a Windows drive, Linux casefold folders) refuses
            // "the same file", so an untracked one goes through a temporary name.
            Step::Rename { from, to } if near.case_only && git == "mv" => {
                let tmp = format!("{from}.tmp");
                format!("  mv {} {}\n  mv {} {}", q(from), q(&tmp), q(&tmp), q(to))
            }
            Step::Rename { from, to } => format!("  {git} {} {}", q(from), q(to)),
        })
        .collect();
    let commands = commands.join("\n");
    let wanted = format!("{rel}{slash}");
    // Its fix is its own: never merged into a group's shared "create them" fix.
    finding.group = None;
    finding.hint = Some(if near.case_only && git == "mv" {
        tr!(
            "rename it to `{wanted}`, through a temporary name (`mv` refuses a rename that changes only case where the file system ignores case): names that differ only in case open on such a file system (macOS, Windows), but course, git and grading on Linux tell them apart:\n{commands}",
            "임시 이름을 거쳐 `{wanted}`(으)로 이름을 바꾸십시오 (대소문자를 구분하지 않는 파일 시스템에서는 `mv`가 대소문자만 바꾸는 이름 변경을 거부합니다). 대소문자만 다른 이름은 그런 파일 시스템(macOS, Windows)에서는 열리지만 course와 git, Linux의 채점은 둘을 구별합니다:\n{commands}"
        )
    } else if near.case_only {
        tr!(
            "rename it to `{wanted}`: names that differ only in case open on a file system that ignores case (macOS, Windows), but course, git and grading on Linux tell them apart:\n{commands}",
            "`{wanted}`(으)로 이름을 바꾸십시오. 대소문자만 다른 이름은 대소문자를 구분하지 않는 파일 시스템(macOS, Windows)에서는 열리지만 course와 git, Linux의 채점은 둘을 구별합니다:\n{commands}"
        )
    } else {
        tr!(
            "rename it to `{wanted}`:\n{commands}",
            "`{wanted}`(으)로 이름을 바꾸십시오:\n{commands}"
        )
    });
}

/// Is `rel` (a file, or a folder holding one) committed to the workspace's index, so that
/// `git mv` moves it? Without a repository, `mv`.
pub(crate) fn tracked(ctx: &CheckContext, rel: &str) -> bool {
    let Ok(ws) = ctx.repository() else {
        return false;
    };
    let Ok(index) = ws.repo.index() else {
        return false;
    };
    let path = format!("{}{rel}", ws.prefix);
    let below = format!("{path}/");
    index.get_path(std::path::Path::new(&path), 0).is_some()
        || index.iter().any(|e| e.path.starts_with(below.as_bytes()))
}
