//! `file/not-committed`: when `course grade` runs on the learner's own folder, a file the
//! exercise needs counts only when HEAD has it, as in the clone an instructor grades (the
//! learner who finished locally and got 20/100 from a clone: issue 9).
//!
//! Every such finding joins one group whose fix is one `git add` of every path and one
//! commit; `grading::commit_once` then gives that one command to the first of them in the
//! whole run and lets the later ones refer to it (issue 9: one commit per file was ~8).

use super::{CheckContext, Code, Finding};
use crate::checks::Group;
use crate::i18n::Tr;
use crate::tr;

/// `file/not-committed` for the file `rel`, which exists, when grading the learner's own
/// folder ([`CheckContext::committed_only`]) and HEAD does not have it. Nothing without a
/// repository or a commit (then the git exercise says what to do first).
pub(crate) fn not_committed(ctx: &CheckContext, rel: &str) -> Option<Finding> {
    not_committed_as(ctx, rel, rel)
}

/// [`not_committed`] for `rel` (a file, or a folder HEAD has nothing under), committed by
/// `git add add`: a package's `__init__.py` is committed with its whole source folder, which
/// the clone needs as well.
pub(crate) fn not_committed_as(ctx: &CheckContext, rel: &str, add: &str) -> Option<Finding> {
    if !ctx.committed_only {
        return None;
    }
    let ws = ctx.repository().ok()?;
    let tree = ws.head().ok()?.commit.tree().ok()?;
    if tree
        .get_path(std::path::Path::new(&format!("{}{rel}", ws.prefix)))
        .is_ok()
    {
        return None;
    }
    let word = crate::escape::shell_word(add);
    let folder = ctx.files().kind(rel).is_ok_and(|m| m.is_dir());
    let hint = tr!(
        "commit it:\n  git add {words}\n  git commit -m \"Add the project files\"",
        "커밋하십시오:\n  git add {words}\n  git commit -m \"프로젝트 파일 추가\"";
        words = Tr::same(Group::WORDS)
    );
    Some(
        Finding::fail(
            Code::FileNotCommitted,
            if folder {
                tr!(
                    "the folder `{rel}/` has files but none is committed: a clone of the repository (what an instructor grades) does not have it",
                    "`{rel}/` 폴더에 파일이 있지만 하나도 커밋되지 않았습니다: 저장소를 clone하면(강사가 채점하는 것) 그 안에는 없습니다"
                )
            } else {
                tr!(
                    "`{rel}` exists but is not committed: a clone of the repository (what an instructor grades) does not have it",
                    "`{rel}` 파일은 있지만 커밋되지 않았습니다: 저장소를 clone하면(강사가 채점하는 것) 그 안에는 없습니다"
                )
            },
        )
        .file_named(rel)
        .hint({
            let mut one = hint.clone();
            one.replace(Group::WORDS, &word);
            one
        })
        .group(
            Group::new(
                tr!(
                    "these exist but are not committed: a clone of the repository (what an instructor grades) does not have them",
                    "다음 파일과 폴더는 있지만 커밋되지 않았습니다: 저장소를 clone하면(강사가 채점하는 것) 그 안에는 없습니다"
                ),
                if folder { format!("{rel}/") } else { rel.to_string() },
                hint,
            )
            .word(word),
        ),
    )
}
