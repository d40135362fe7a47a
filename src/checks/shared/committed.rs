//! `file/not-committed`: when `course grade` runs on the learner's own folder, a file the
//! exercise needs counts only when HEAD has it, as in the clone an instructor grades (the
//! learner who finished locally and got 20/100 from a clone: issue 9).

use super::{CheckContext, Code, Finding};
use crate::i18n::Tr;
use crate::tr;

/// `file/not-committed` for the file `rel`, which exists, when grading the learner's own
/// folder ([`CheckContext::committed_only`]) and HEAD does not have it. Nothing without a
/// repository or a commit (then the git exercise says what to do first).
pub(crate) fn not_committed(ctx: &CheckContext, rel: &str) -> Option<Finding> {
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
    let q = Tr::same(crate::escape::shell_word(rel));
    Some(
        Finding::fail(
            Code::FileNotCommitted,
            tr!(
                "`{rel}` exists but is not committed: a clone of the repository (what an instructor grades) does not have it",
                "`{rel}` 파일은 있지만 커밋되지 않았습니다: 저장소를 clone하면(강사가 채점하는 것) 그 안에는 없습니다"
            ),
        )
        .file_named(rel)
        .hint(tr!(
            "commit it:\n  git add {q}\n  git commit -m \"Add {rel}\"",
            "커밋하십시오:\n  git add {q}\n  git commit -m \"{rel} 추가\"";
            q = q
        )),
    )
}
