//! Whether each requirement is explained by a comment (on its line or the line above), the
//! same comment pasted on every line, and comments too weak to count: the findings, with
//! the fix grouped when several lines lack one.

use super::*;

/// One finding per requirement without a comment that explains it (on its line or the line
/// right above). A line pip refuses but meant as a package (`transformers>=`) is judged too:
/// a learner who fixes its version should not learn of the missing comment a round later.
pub(super) fn explanations(file: &str, lines: &[Line]) -> Vec<Finding> {
    let mut findings = Vec::new();
    // (the comment as compared, line, requirement) of each requirement it explains.
    let mut explained: Vec<(String, u32, &String)> = Vec::new();
    for (index, own) in lines.iter().enumerate() {
        // `shown`: the line a fix writes a comment after. For a refused line that is its
        // name alone (the fix of its own finding, which comes first), never the line pip
        // refuses with a comment added.
        let (text, name, shown) = match &own.entry {
            Entry::Requirement { text, parsed, .. } => {
                if parsed.form == Form::Path && parsed.name.is_none() {
                    // `-e .`, `./src`: the project's own code, not a dependency to explain.
                    continue;
                }
                (text, parsed.name.clone(), text.clone())
            }
            Entry::Invalid(_) if explain::meant_as_package(&own.content) => {
                let name = invalid::name_prefix(&own.content);
                (&own.content, Some(name.clone()), name)
            }
            _ => continue,
        };
        let above = index
            .checked_sub(1)
            .map(|i| &lines[i])
            .filter(|l| l.content.is_empty() && l.comment.is_some());
        let words = name_words(text, name.as_deref());
        let comments: Vec<&str> = [Some(own), above]
            .into_iter()
            .flatten()
            .filter_map(|l| l.comment.as_deref())
            .collect();
        let verdicts: Vec<Result<(), Weak>> =
            comments.iter().map(|c| comment::judge(c, &words)).collect();
        if let Some(at) = verdicts.iter().position(Result::is_ok) {
            explained.push((comment::same_key(comments[at]), own.number, text));
            continue;
        }
        let line = own.number;
        let name = name.map_or_else(|| text.clone(), |n| written_name(text, &n));
        // A misnamed package's fixes name and show it renamed, as its rename fix says.
        let shown = renamed(&shown).unwrap_or(shown);
        let fix_name = meant_name(&name).map_or_else(|| name.clone(), str::to_string);
        let mut finding = weak_comment(
            (text, &shown),
            (&name, &fix_name),
            comments.first().copied(),
            verdicts.first().copied(),
        )
        .file(file)
        .line(line);
        if finding.code == Code::RequirementsNoComment {
            finding = finding.group(no_comment_group(file, line, (text, &shown)));
        }
        findings.push(finding);
    }
    findings.extend(same_comment(file, &explained));
    findings
}

/// `# needed for the project` on every line: one comment copied onto most requirements (3 or
/// more, over half of those explained) explains none of them. Two or three packages that
/// share a purpose (`# 테스트` on pytest and pytest-cov) stay fine.
fn same_comment(file: &str, explained: &[(String, u32, &String)]) -> Vec<Finding> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (key, ..) in explained {
        *counts.entry(key.as_str()).or_default() += 1;
    }
    let Some((copied, n)) = counts.into_iter().max_by_key(|&(_, n)| n) else {
        return Vec::new();
    };
    if n < 3 || n * 2 <= explained.len() {
        return Vec::new();
    }
    let total = explained.len();
    explained
        .iter()
        .filter(|(key, ..)| key == copied)
        .map(|(_, line, text)| {
            Finding::fail(
                Code::RequirementsSameComment,
                tr!(
                    "`{text}` has the same comment as {n} of the {total} requirements; a comment copied onto every line says why the project needs none of them",
                    "`{text}`의 주석이 요구사항 {total}개 중 {n}개와 같습니다: 모든 줄에 복사한 주석은 어느 패키지가 왜 필요한지도 말하지 않습니다"
                ),
            )
            .hint(tr!(
                "write for each package what it does for the project, e.g. `torch  # model training`, `pillow  # reading camera images`",
                "패키지마다 프로젝트에서 하는 일을 따로 적으십시오. 예: `torch  # 모델 학습`, `pillow  # 카메라 이미지 읽기`"
            ))
            .file(file)
            .line(*line)
        })
        .collect()
}

/// Requirements without an explaining comment, beside each other: one sentence, the lines,
/// one fix. (Only for a missing comment: a weak one is answered line by line.) `(text,
/// shown)`: the line as written, and as the fix shows it (see [`explanations`]).
fn no_comment_group(file: &str, line: u32, (text, shown): (&str, &str)) -> crate::checks::Group {
    crate::checks::Group::new(
        tr!(
            "these requirements have no comment saying why the project needs them",
            "다음 요구사항에는 프로젝트에 왜 필요한지 설명하는 주석이 없습니다"
        ),
        format!("{file}:{line}: {text}"),
        tr!(
            "at the end of each line (`{shown}  # ...`) or on the line right above it, write a comment saying in a few words of your own what the package does for the project",
            "각 줄 끝(`{shown}  # ...`)이나 바로 윗줄에, 그 패키지가 프로젝트에서 하는 일을 자기 말로 몇 단어 주석으로 적으십시오"
        ),
    )
}

/// The finding for a requirement whose comment (if any) does not explain it, saying which
/// rule the comment broke. `(name, fix_name)`: the package as the line names it, and as
/// the fix does (renamed when misnamed).
fn weak_comment(
    (text, shown): (&str, &str),
    (name, fix_name): (&str, &str),
    comment: Option<&str>,
    weak: Option<Result<(), Weak>>,
) -> Finding {
    let example_hint = || super::purposes::example_hint(fix_name, shown);
    let c = comment.unwrap_or_default();
    match weak {
        None | Some(Ok(())) => Finding::fail(
            Code::RequirementsNoComment,
            tr!(
                "`{text}` has no comment saying why the project needs it",
                "`{text}`에 프로젝트에 왜 필요한지 설명하는 주석이 없습니다"
            ),
        )
        .hint(tr!(
            "at the end of the line (`{shown}  # ...`) or on the line right above it, write a comment saying in a few words of your own what `{fix_name}` does for the project",
            "줄 끝(`{shown}  # ...`)이나 바로 윗줄에, `{fix_name}`이(가) 프로젝트에서 하는 일을 자기 말로 몇 단어 주석으로 적으십시오"
        )),
        Some(Err(Weak::NoText | Weak::Repeated)) => Finding::fail(
            Code::RequirementsCommentNotText,
            tr!(
                "the comment `{c}` has no words: punctuation, digits or one character repeated do not say why the project needs `{name}`",
                "주석 `{c}`에는 뜻이 있는 말이 없습니다: 문장 부호, 숫자, 한 글자를 되풀이한 것으로는 `{name}`이(가) 왜 필요한지 알 수 없습니다"
            ),
        )
        .hint(example_hint()),
        Some(Err(Weak::Mash)) => Finding::fail(
            Code::RequirementsCommentNotText,
            tr!(
                "the comment `{c}` is keyboard mash (keys side by side, or Korean letters never made into syllables): it does not say why the project needs `{name}`",
                "주석 `{c}`은(는) 자판을 이어서 누른 글자(또는 음절을 이루지 않은 자모)일 뿐이라 `{name}`이(가) 왜 필요한지 알 수 없습니다"
            ),
        )
        .hint(example_hint()),
        Some(Err(Weak::OnlyName)) => Finding::fail(
            Code::RequirementsCommentRepeatsName,
            tr!(
                "the comment `{c}` only repeats the name; it does not say why the project needs `{name}`",
                "주석 `{c}`은(는) 이름을 되풀이할 뿐, 프로젝트에 `{name}`이(가) 왜 필요한지 말하지 않습니다"
            ),
        )
        .hint(example_hint()),
        Some(Err(Weak::Filler)) => Finding::fail(
            Code::RequirementsCommentGeneric,
            tr!(
                "the comment `{c}` would fit any package; it does not say why the project needs `{name}`",
                "주석 `{c}`은(는) 어느 패키지에나 붙일 수 있는 말이라, 프로젝트에 `{name}`이(가) 왜 필요한지 말하지 않습니다"
            ),
        )
        .hint(example_hint()),
        Some(Err(Weak::Placeholder)) => Finding::fail(
            Code::RequirementsCommentPlaceholder,
            tr!(
                "the comment `{c}` is a placeholder left to fill in; it does not say why the project needs `{name}`",
                "주석 `{c}`은(는) 채워 넣을 자리를 표시한 말일 뿐, 프로젝트에 `{name}`이(가) 왜 필요한지 말하지 않습니다"
            ),
        )
        .hint(example_hint()),
        Some(Err(Weak::TooShort)) => Finding::fail(
            Code::RequirementsCommentTooShort,
            tr!(
                "the comment `{c}` is too short to explain why the project needs `{name}`: besides words that fit any package, it needs a word of 3 letters or 2 Hangul syllables at least",
                "주석 `{c}`은(는) `{name}`이(가) 왜 필요한지 설명하기에 너무 짧습니다: 어느 패키지에나 붙일 수 있는 말 말고, 3글자 이상의 단어나 두 음절 이상의 한국어 낱말이 있어야 합니다"
            ),
        )
        .hint(example_hint()),
    }
}
