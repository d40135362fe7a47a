//! `-r other.txt` and `-c constraints.txt`: pip opens each file a requirements file names
//! (relative to the folder of the file that names it) and stops with "Could not open
//! requirements file" when it is not there. Each such line naming a file the workspace does
//! not have is a finding at its line. The files that are there are read for their own `-r`
//! and `-c` lines, each file once (a cycle of files ends there) and at most [`MAX_FILES`] of
//! them. The files reached through `-r` lines alone are requirements too ([`Included::counts`]):
//! a learner who keeps the common packages in `base.txt` and writes `-r base.txt` lists
//! them (issue 9). A file reached through `-c` holds constraints, which install nothing.

use std::collections::VecDeque;

use crate::checks::{CheckContext, Code, Finding};
use crate::fs::ReadError;
use crate::pip::requirements_txt::{self, Entry, Line};
use crate::tr;

/// The most requirements files read through `-r`/`-c`, the first one included.
pub const MAX_FILES: usize = 32;

/// A requirements file read because another one names it.
pub(super) struct Included {
    /// Workspace-relative path.
    pub file: String,
    pub lines: Vec<Line>,
    /// Reached from the exercise's file through `-r` lines alone: pip installs what it lists.
    pub counts: bool,
}

/// The files the `-r`/`-c` lines of `file` (its `lines`) name, and theirs, each once; and
/// the findings for the lines that name a file that is not there.
pub(super) fn read(
    ctx: &CheckContext,
    file: &str,
    lines: &[Line],
) -> (Vec<Included>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut seen = vec![file.to_string()];
    let mut read: Vec<Included> = Vec::new();
    let mut queue = VecDeque::from([(file.to_string(), lines.to_vec(), true)]);
    while let Some((current, lines, counts)) = queue.pop_front() {
        for l in &lines {
            if !matches!(l.entry, Entry::Options(_)) {
                continue;
            }
            for (option, written) in requirements_txt::included_files(&l.content) {
                let Some(target) = resolve(&current, &written) else {
                    continue; // a URL, or a file outside the workspace: not judged
                };
                match ctx.files().kind(&target) {
                    Ok(meta) if meta.is_file() => {
                        if !seen.contains(&target) && seen.len() < MAX_FILES {
                            seen.push(target.clone());
                            if let Ok(text) = ctx.files().read_text(&target) {
                                let lines = requirements_txt::parse(&text);
                                let counts = counts && option == "requirement";
                                read.push(Included {
                                    file: target.clone(),
                                    lines: lines.clone(),
                                    counts,
                                });
                                queue.push_back((target, lines, counts));
                            }
                        }
                    }
                    Ok(_) | Err(ReadError::Missing | ReadError::BrokenLink) => {
                        findings.push(not_there(file, &current, l, &target));
                    }
                    Err(_) => {}
                }
            }
        }
    }
    (read, findings)
}

/// `written` (a path in `current`'s `-r` line) as a workspace-relative path, pip's way:
/// relative to `current`'s folder. `None` for a URL, an absolute path or one that leads out.
fn resolve(current: &str, written: &str) -> Option<String> {
    if written.contains("://") || written.starts_with('/') || written.contains('\\') {
        return None;
    }
    let mut parts: Vec<&str> = current.split('/').collect();
    parts.pop(); // the file's own name
    for part in written.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Line `l` of `current` names `target`, which is not a file: `pip install -r {top}` stops.
fn not_there(top: &str, current: &str, l: &Line, target: &str) -> Finding {
    let (content, line) = (l.content.as_str(), l.number);
    let q = crate::escape::shell_word(top);
    Finding::fail(
        Code::RequirementsIncludedFileMissing,
        tr!(
            "`{content}`: pip opens `{target}` here and there is no such file, so `pip install -r {q}` stops (\"Could not open requirements file\")",
            "`{content}`: pip은 여기서 `{target}` 파일을 여는데 그런 파일이 없어서 `pip install -r {q}`가 멈춥니다(\"Could not open requirements file\")"
        ),
    )
    .file(current)
    .line(line)
    .hint(tr!(
        "create `{target}`, or fix the name on line {line} (pip reads it from the folder of `{current}`); if there is no other requirements file, delete the line",
        "`{target}` 파일을 만들거나 {line}번째 줄의 이름을 고치십시오(pip은 `{current}`가 있는 폴더에서 찾습니다). 다른 요구사항 파일이 없으면 그 줄을 지우십시오"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_from_the_naming_files_folder() {
        assert_eq!(
            resolve("requirements.txt", "base.txt").as_deref(),
            Some("base.txt")
        );
        assert_eq!(
            resolve("reqs/dev.txt", "./base.txt").as_deref(),
            Some("reqs/base.txt")
        );
        assert_eq!(
            resolve("reqs/dev.txt", "../requirements.txt").as_deref(),
            Some("requirements.txt")
        );
        assert_eq!(resolve("requirements.txt", "../x.txt"), None);
        assert_eq!(resolve("requirements.txt", "/etc/x.txt"), None);
        assert_eq!(resolve("requirements.txt", "https://x.org/r.txt"), None);
    }
}
