//! A package listed twice (the same name and markers, in the exercise's file or a file it
//! names with `-r`): one finding at the later line, whose fix also says what the kept line
//! needs, so that no comment is asked of a line the learner is told to remove (issue 9).

use super::*;

/// The same package with the same markers listed twice: the findings, and each (name,
/// marker) with its first requirement.
pub(super) fn duplicates(reqs: &[Req]) -> (Vec<Finding>, BTreeMap<(&str, &str), &Req>) {
    let mut findings = Vec::new();
    let mut first_seen: BTreeMap<(&str, &str), &Req> = BTreeMap::new();
    for r in reqs {
        match first_seen.get(&(r.name.as_str(), r.marker.as_str())) {
            Some(first) => {
                let (name, l1, t1, l2, t2) =
                    (&first.written, first.line, &first.text, r.line, &r.text);
                let (f1, f2) = (&first.file, &r.file);
                // The fix names the package as pip knows it (`scikit-learn`, not `sklearn`),
                // as the rename's own fix does.
                let keep = meant_name(name).unwrap_or(name);
                let message = if f1 == f2 {
                    tr!(
                        "`{name}` is listed twice: line {l1} (`{t1}`) and line {l2} (`{t2}`)",
                        "`{name}`이(가) 두 번 적혀 있습니다: {l1}번째 줄(`{t1}`)과 {l2}번째 줄(`{t2}`)"
                    )
                } else {
                    tr!(
                        "`{name}` is listed twice: {f1} line {l1} (`{t1}`) and {f2} line {l2} (`{t2}`)",
                        "`{name}`이(가) 두 번 적혀 있습니다: {f1} {l1}번째 줄(`{t1}`)과 {f2} {l2}번째 줄(`{t2}`)"
                    )
                };
                findings.push(
                    Finding::fail(Code::RequirementsDuplicate, message)
                    .file(f2.as_str())
                    .line(l2)
                    .hint(tr!(
                        "keep one line for `{keep}` (package names ignore case and `-`/`_`/`.`), with the version you need",
                        "`{keep}`은(는) 한 줄만 남기십시오(패키지 이름은 대소문자와 `-`/`_`/`.`를 구분하지 않습니다). 필요한 버전을 그 줄에 쓰십시오"
                    )),
                );
            }
            None => {
                first_seen.insert((r.name.as_str(), r.marker.as_str()), r);
            }
        }
    }

    (findings, first_seen)
}

/// The codes of a comment that does not explain its requirement, one line each.
const COMMENT_CODES: [Code; 6] = [
    Code::RequirementsNoComment,
    Code::RequirementsCommentPlaceholder,
    Code::RequirementsCommentNotText,
    Code::RequirementsCommentRepeatsName,
    Code::RequirementsCommentGeneric,
    Code::RequirementsCommentTooShort,
];

/// A package listed twice is one problem with one fix: the comment findings on its lines
/// are dropped (a learner told to remove a line is not also asked to comment it, issue 9),
/// and the duplicate's fix says what the line kept needs: a comment when none of its lines
/// has one that explains it, the explained line's comment otherwise. Returns `comments`
/// without those findings.
pub(super) fn merge_duplicate_comments(
    duplicates: &mut [Finding],
    reqs: &[Req],
    comments: Vec<Finding>,
) -> Vec<Finding> {
    let at = |c: &Finding, r: &Req| c.line == Some(r.line) && c.file.as_deref() == Some(&r.file);
    // A comment glued to its requirement (`numpy>=1.26#배열`) is no comment to pip: it
    // explains the line only once a space is put before `#`, and only if its words would.
    fn glued(r: &Req) -> Option<(&str, &str)> {
        super::explain::glued_parts(&r.text)
    }
    let unexplained = |r: &Req| {
        let weak_glued = glued(r).is_some_and(|(_, after)| {
            comment::judge(&format!("# {after}"), &name_words(&r.text, Some(&r.name))).is_err()
        });
        weak_glued
            || comments
                .iter()
                .any(|c| at(c, r) && COMMENT_CODES.contains(&c.code))
    };
    let mut dropped: BTreeSet<(&str, u32)> = BTreeSet::new();
    for d in duplicates.iter_mut() {
        let Some(second) = reqs
            .iter()
            .find(|r| Some(r.line) == d.line && d.file.as_deref() == Some(&r.file))
        else {
            continue;
        };
        let same: Vec<&Req> = reqs
            .iter()
            .filter(|r| r.name == second.name && r.marker == second.marker)
            .collect();
        // A third line of the package: the second one's fix said it already.
        let said = same
            .iter()
            .all(|r| dropped.contains(&(r.file.as_str(), r.line)));
        let addition = match same.iter().find(|r| !unexplained(r)) {
            None => tr!(
                ", and a comment saying in a few words of your own why the project needs it",
                ". 주석이 없으니 프로젝트에 왜 필요한지도 자기 말로 몇 단어 적으십시오"
            ),
            // Its comment is not one yet: the line to keep, with the space that makes it one.
            Some(explained) if glued(explained).is_some() => {
                let fixed = super::explain::glued_fixed(&explained.text).unwrap_or_default();
                let fixed = renamed(&fixed).unwrap_or(fixed);
                let line = explained.line;
                let place = if explained.file == second.file {
                    tr!("line {line}", "{line}번째 줄")
                } else {
                    let file = &explained.file;
                    tr!("{file} line {line}", "{file} {line}번째 줄")
                };
                tr!(
                    "; keep {place} with a space before `#`, so that pip reads its comment:\n  {fixed}",
                    ". 남길 줄은 {place}에서 `#` 앞에 공백을 두어 pip이 주석으로 읽게 한 이 줄입니다:\n  {fixed}";
                    place = place
                )
            }
            Some(explained) if explained.file == second.file => {
                let line = explained.line;
                tr!(
                    ", and the comment of line {line}",
                    ". {line}번째 줄의 주석도 함께 남기십시오"
                )
            }
            Some(explained) => {
                let (file, line) = (&explained.file, explained.line);
                tr!(
                    ", and the comment of {file} line {line}",
                    ". {file} {line}번째 줄의 주석도 함께 남기십시오"
                )
            }
        };
        if let (false, Some(hint)) = (said, &mut d.hint) {
            hint.append("", &addition);
        }
        dropped.extend(same.iter().map(|r| (r.file.as_str(), r.line)));
    }
    comments
        .into_iter()
        .filter(|c| {
            let place = (c.file.as_deref().unwrap_or_default(), c.line.unwrap_or(0));
            !(COMMENT_CODES.contains(&c.code) && dropped.contains(&place))
        })
        .collect()
}
