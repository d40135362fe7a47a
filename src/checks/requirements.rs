//! Check kind `requirements`: `requirements.txt` read the way pip 26 reads it ([`crate::pip`]:
//! a line is refused exactly when pip refuses it), each requirement naming its package,
//! enough distinct packages, the required ones present, none listed twice, and (with
//! `explain`) each one explained by a comment that is real text ([`comment`]).
//!
//! Every requirement pip accepts counts, whatever its form: `name`, `name @ url`, `-e
//! git+...#egg=name`, a wheel URL (named by its file). A URL without `name @` gets a
//! teaching finding of its own (`requirements/bare-url`), not "invalid". At most
//! [`MAX_FINDINGS_PER_KIND`] refused lines are reported one by one; the rest are counted in
//! one more finding, so a file of 42,000 broken lines is read and reported in linear time.

mod comment;
mod explain;
mod invalid;

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::shared::{read_file, MAX_FINDINGS_PER_KIND};
use super::{CheckContext, Code, Finding};
use crate::pip::link::Form;
use crate::pip::pep508::canonical_name;
use crate::pip::requirements_txt::{self, Entry, Line};
use crate::tr;
use comment::Weak;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The file, relative to the workspace root.
    #[serde(default = "default_file")]
    pub file: String,
    /// The fewest distinct packages the file must list.
    #[serde(default = "default_min_packages")]
    pub min_packages: usize,
    /// Packages that must be listed (compared after PEP 503 normalisation).
    #[serde(default)]
    pub required: Vec<String>,
    /// Must each requirement carry a comment saying why the project needs it?
    #[serde(default = "default_explain")]
    pub explain: bool,
}

fn default_file() -> String {
    "requirements.txt".to_string()
}
fn default_min_packages() -> usize {
    5
}
fn default_explain() -> bool {
    true
}

impl Default for Params {
    fn default() -> Self {
        Params {
            file: default_file(),
            min_packages: default_min_packages(),
            required: Vec::new(),
            explain: default_explain(),
        }
    }
}

/// Names people write for a package whose pip name is different: (written, meant).
const MISNAMED: &[(&str, &str, &str, &str)] = &[
    (
        "pytorch",
        "torch",
        "`pytorch` on PyPI is not PyTorch: it is a placeholder that refuses to install; PyTorch's pip package is `torch`",
        "PyPI의 `pytorch`는 PyTorch가 아닙니다. 설치를 거부하는 자리표시자 패키지이며, PyTorch의 pip 패키지 이름은 `torch`입니다",
    ),
    (
        "sklearn",
        "scikit-learn",
        "`sklearn` on PyPI is a deprecated placeholder that refuses to install; the package is `scikit-learn` (imported as `sklearn`)",
        "PyPI의 `sklearn`은 설치를 거부하는 폐기된 자리표시자입니다. 패키지 이름은 `scikit-learn`이고 import할 때만 `sklearn`입니다",
    ),
];

/// A requirement pip accepts and whose name it knows.
#[derive(Debug)]
struct Req {
    line: u32,
    text: String,
    /// PEP 503's form, for comparing (`numpy-x`).
    name: String,
    /// The name as the learner wrote it (`numpy.x`), for messages: the canonical form is
    /// not what they will find in their file.
    written: String,
    marker: String,
}

/// The name as written at the start of `text` when it is `name`'s spelling, else `name`.
fn written_name(text: &str, name: &str) -> String {
    let prefix = invalid::name_prefix(text);
    if canonical_name(&prefix) == name {
        prefix
    } else {
        name.to_string()
    }
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let file = params.file.replace('\\', "/");
    let text = match read_file(ctx, &file) {
        Ok(text) => text,
        Err(mut finding) => {
            if finding.code == Code::FileMissing {
                finding.hint = Some(tr!(
                    "create {file} at the workspace root and write by hand one package per line, each with a comment saying why the project needs it, e.g. `torch==2.10.0  # deep learning framework`. (`pip freeze > {file}` is not the way: it dumps every installed package, dependencies included, without a word of explanation.)",
                    "작업 폴더 맨 위에 {file}을(를) 만들고 한 줄에 패키지 하나씩, 프로젝트에 왜 필요한지 주석을 달아 직접 쓰십시오. 예: `torch==2.10.0  # 딥러닝 프레임워크`. (`pip freeze > {file}`는 답이 아닙니다: 의존성까지 설치된 모든 패키지를 설명 없이 쏟아 냅니다.)"
                ));
            }
            return vec![*finding];
        }
    };
    check_text(params, &file, &text)
}

/// What the lines say: the requirements with names, the findings about single lines, and
/// the names of refused lines (still meant as packages, so counted).
struct Reading {
    reqs: Vec<Req>,
    findings: Vec<Finding>,
    broken_names: Vec<String>,
}

fn read_lines(file: &str, lines: &[Line]) -> Reading {
    let mut r = Reading {
        reqs: Vec::new(),
        findings: Vec::new(),
        broken_names: Vec::new(),
    };
    let mut refused = 0usize;
    let mut first_unreported: Option<u32> = None;
    for l in lines {
        match &l.entry {
            Entry::Blank | Entry::Options(_) => {}
            Entry::Invalid(error) => {
                refused += 1;
                if refused <= MAX_FINDINGS_PER_KIND {
                    r.findings
                        .push(invalid::finding(file, l.number, &l.content, error));
                } else {
                    first_unreported.get_or_insert(l.number);
                }
                let prefix = invalid::name_prefix(&l.content);
                if !prefix.is_empty() && !l.content.starts_with('-') {
                    r.broken_names.push(canonical_name(&prefix));
                }
            }
            Entry::Requirement {
                text,
                editable,
                parsed,
            } => {
                if parsed.form == Form::BareUrl && !editable {
                    r.findings.push(invalid::bare_url(
                        file,
                        l.number,
                        text,
                        parsed.name.as_deref(),
                        &parsed.marker,
                    ));
                }
                if let Some(name) = &parsed.name {
                    r.reqs.push(Req {
                        line: l.number,
                        text: text.clone(),
                        name: name.clone(),
                        written: written_name(text, name),
                        marker: parsed.marker.clone(),
                    });
                }
            }
        }
    }
    if let Some(first) = first_unreported {
        let more = refused - MAX_FINDINGS_PER_KIND;
        r.findings.push(
            Finding::fail(
                Code::RequirementsMoreInvalid,
                tr!(
                    "{more} more lines that pip refuses, from line {first} on (the first {MAX_FINDINGS_PER_KIND} are shown)",
                    "pip이 거부하는 줄이 {first}번째 줄부터 {more}개 더 있습니다 (처음 {MAX_FINDINGS_PER_KIND}개만 보여 줍니다)"
                ),
            )
            .file(file)
            .line(first)
            .hint(tr!(
                "is this a requirements file? `pip freeze` and `conda list --export` output do not belong here: list the packages the project uses, one per line with a comment",
                "정말 요구사항 파일입니까? `pip freeze`나 `conda list --export` 출력은 여기에 맞지 않습니다. 프로젝트가 쓰는 패키지를 한 줄에 하나씩 주석과 함께 쓰십시오"
            )),
        );
    }
    r
}

fn check_text(params: &Params, file: &str, text: &str) -> Vec<Finding> {
    let lines = requirements_txt::parse(text);
    let Reading {
        reqs,
        mut findings,
        broken_names,
    } = read_lines(file, &lines);

    let (misnamed, misnamed_meant) = misnamed(file, &reqs);
    findings.extend(misnamed);
    let (duplicates, first_seen) = duplicates(file, &reqs);
    findings.extend(duplicates);

    if params.explain {
        findings.extend(explanations(file, &lines));
    }

    // Required packages: any form pip accepts counts (`-e ...#egg=torch`, a torch wheel URL).
    for wanted in &params.required {
        let norm = canonical_name(wanted);
        // A line that names it but is refused already has its own finding.
        if reqs.iter().any(|r| r.name == norm)
            || misnamed_meant.contains(&norm)
            || broken_names.contains(&norm)
        {
            continue;
        }
        findings.push(
            Finding::fail(Code::RequirementsMissingPackage, tr!(
                "{file} does not list `{norm}`",
                "{file}에 `{norm}`이(가) 없습니다"
            ))
            .file_named(file)
            .hint(tr!(
                "add a line `{norm}  # ...`, with what `{norm}` does for the project in a few words of your own in place of `...`",
                "`{norm}  # ...` 줄을 추가하십시오. `...` 자리에 `{norm}`이(가) 프로젝트에서 하는 일을 자기 말로 몇 단어 적습니다"
            )),
        );
    }

    // Enough packages; refused lines count by the name they start with.
    let count = first_seen
        .keys()
        .map(|(n, _)| *n)
        .chain(broken_names.iter().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .len();
    let min = params.min_packages;
    if count < min {
        let packages = crate::i18n::count(count, "distinct package", "distinct packages");
        findings.push(
            Finding::fail(Code::RequirementsTooFew, tr!(
                "{file} lists {packages}; at least {min} are expected",
                "{file}에 서로 다른 패키지가 {count}개 있습니다. 적어도 {min}개가 필요합니다"
            ))
            .file_named(file)
            .hint(tr!(
                "list the packages a VLA project needs (e.g. torch, torchvision, transformers, numpy, pillow, wandb), one per line with a comment",
                "VLA 프로젝트에 필요한 패키지(예: torch, torchvision, transformers, numpy, pillow, wandb)를 한 줄에 하나씩 주석과 함께 쓰십시오"
            )),
        );
    }

    if findings.is_empty() {
        let how = if params.explain {
            tr!(", each explained by a comment", ", 모두 주석으로 설명됨")
        } else {
            tr!("", "")
        };
        let packages = crate::i18n::count(count, "package", "packages");
        return vec![Finding::pass(
            Code::RequirementsOk,
            tr!(
                "{file}: {packages}, all valid{how}",
                "{file}: 패키지 {count}개, 모두 올바름{how}";
                how = how
            ),
        )
        .file_named(file)];
    }
    findings.sort_by_key(|f| f.line.unwrap_or(u32::MAX));
    findings
}

/// Names written for a different package (`pytorch`, `sklearn`): their findings, and the
/// names meant (which then count as listed).
fn misnamed(file: &str, reqs: &[Req]) -> (Vec<Finding>, Vec<String>) {
    let mut findings = Vec::new();
    let mut misnamed_meant: Vec<String> = Vec::new();
    for r in reqs {
        if let Some((_, meant, en, ko)) = MISNAMED.iter().find(|(w, ..)| r.name == *w) {
            let (line, written) = (r.line, &r.written);
            misnamed_meant.push(meant.to_string());
            let (en, ko) = (en.to_string(), ko.to_string());
            findings.push(
                Finding::fail(Code::RequirementsMisnamed, tr!("{en}", "{ko}"))
                    .file(file)
                    .line(line)
                    .hint(tr!(
                        "replace `{written}` with `{meant}` on line {line}",
                        "{line}번째 줄의 `{written}`을(를) `{meant}`(으)로 바꾸십시오"
                    )),
            );
        }
    }

    (findings, misnamed_meant)
}

/// The same package with the same markers listed twice: the findings, and each (name,
/// marker) with its first requirement.
fn duplicates<'a>(
    file: &str,
    reqs: &'a [Req],
) -> (Vec<Finding>, BTreeMap<(&'a str, &'a str), &'a Req>) {
    let mut findings = Vec::new();
    let mut first_seen: BTreeMap<(&str, &str), &Req> = BTreeMap::new();
    for r in reqs {
        match first_seen.get(&(r.name.as_str(), r.marker.as_str())) {
            Some(first) => {
                let (name, l1, t1, l2, t2) =
                    (&first.written, first.line, &first.text, r.line, &r.text);
                findings.push(
                    Finding::fail(Code::RequirementsDuplicate, tr!(
                        "`{name}` is listed twice: line {l1} (`{t1}`) and line {l2} (`{t2}`)",
                        "`{name}`이(가) 두 번 적혀 있습니다: {l1}번째 줄(`{t1}`)과 {l2}번째 줄(`{t2}`)"
                    ))
                    .file(file)
                    .line(l2)
                    .hint(tr!(
                        "keep one line for `{name}` (package names ignore case and `-`/`_`/`.`), with the version you need",
                        "`{name}`은(는) 한 줄만 남기십시오(패키지 이름은 대소문자와 `-`/`_`/`.`를 구분하지 않습니다). 필요한 버전을 그 줄에 쓰십시오"
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

/// The words a comment must say more than: the package's name, or for a URL without one,
/// its last path segment (`peft` of `.../peft.git`).
fn name_words(text: &str, name: Option<&str>) -> Vec<String> {
    match name {
        Some(name) => comment::words(name),
        None => {
            let url = text.split([';', '#', '?']).next().unwrap_or(text);
            let last = url.trim_end_matches('/').rsplit('/').next().unwrap_or(url);
            comment::words(last.trim_end_matches(".git"))
        }
    }
}

/// One finding per requirement without a comment that explains it (on its line or the line
/// right above). A line pip refuses but meant as a package (`transformers>=`) is judged too:
/// a learner who fixes its version should not learn of the missing comment a round later.
fn explanations(file: &str, lines: &[Line]) -> Vec<Finding> {
    let mut findings = Vec::new();
    // (the comment as compared, line, requirement) of each requirement it explains.
    let mut explained: Vec<(String, u32, &String)> = Vec::new();
    for (index, own) in lines.iter().enumerate() {
        let (text, name) = match &own.entry {
            Entry::Requirement { text, parsed, .. } => {
                if parsed.form == Form::Path && parsed.name.is_none() {
                    // `-e .`, `./src`: the project's own code, not a dependency to explain.
                    continue;
                }
                (text, parsed.name.clone())
            }
            Entry::Invalid(_) if explain::meant_as_package(&own.content) => {
                (&own.content, Some(invalid::name_prefix(&own.content)))
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
        let mut finding = weak_comment(
            text,
            &name,
            comments.first().copied(),
            verdicts.first().copied(),
        )
        .file(file)
        .line(line);
        if finding.code == Code::RequirementsNoComment {
            finding = finding.group(no_comment_group(file, line, text));
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
/// one fix. (Only for a missing comment: a weak one is answered line by line.)
fn no_comment_group(file: &str, line: u32, text: &str) -> super::Group {
    super::Group::new(
        tr!(
            "these requirements have no comment saying why the project needs them",
            "다음 요구사항에는 프로젝트에 왜 필요한지 설명하는 주석이 없습니다"
        ),
        format!("{file}:{line}: {text}"),
        tr!(
            "add a comment at the end of each line (`{text}  # ...`) or on the line right above it, saying in a few words of your own what the package does for the project in place of `...`",
            "각 줄 끝(`{text}  # ...`)이나 바로 윗줄에 주석을 다십시오. `...` 자리에 그 패키지가 프로젝트에서 하는 일을 자기 말로 몇 단어 적습니다"
        ),
    )
}

/// The finding for a requirement whose comment (if any) does not explain it, saying which
/// rule the comment broke.
fn weak_comment(
    text: &str,
    name: &str,
    comment: Option<&str>,
    weak: Option<Result<(), Weak>>,
) -> Finding {
    let example_hint = || {
        tr!(
            "say in a few words what `{name}` does for the project, e.g. `{text}  # model training and inference`",
            "`{name}`이(가) 프로젝트에서 하는 일을 몇 단어로 적으십시오. 예: `{text}  # 모델 학습과 추론`"
        )
    };
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
            "add a comment at the end of the line (`{text}  # ...`) or on the line right above it, saying in a few words of your own what `{name}` does for the project in place of `...`",
            "줄 끝(`{text}  # ...`)이나 바로 윗줄에 주석을 다십시오. `...` 자리에 `{name}`이(가) 프로젝트에서 하는 일을 자기 말로 몇 단어 적습니다"
        )),
        Some(Err(Weak::NoText | Weak::Repeated)) => Finding::fail(
            Code::RequirementsCommentNotText,
            tr!(
                "the comment `{c}` has no words: punctuation, digits or one character repeated do not say why the project needs `{name}`",
                "주석 `{c}`에는 뜻이 있는 말이 없습니다: 문장 부호, 숫자, 한 글자를 되풀이한 것으로는 `{name}`이(가) 왜 필요한지 알 수 없습니다"
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
        Some(Err(Weak::TooShort)) => Finding::fail(
            Code::RequirementsCommentTooShort,
            tr!(
                "the comment `{c}` is too short to explain why the project needs `{name}` (a word of 3 letters or 2 Hangul syllables at least)",
                "주석 `{c}`은(는) `{name}`이(가) 왜 필요한지 설명하기에 너무 짧습니다 (3글자 이상의 단어나 두 음절 이상의 한국어 낱말)"
            ),
        )
        .hint(example_hint()),
    }
}

#[cfg(test)]
#[path = "requirements/tests.rs"]
mod tests;
