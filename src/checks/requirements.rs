//! Check kind `requirements`: `requirements.txt` read the way pip 26 reads it ([`crate::pip`]:
//! a line is refused exactly when pip refuses it), each requirement naming its package,
//! enough distinct packages, the required ones present, none listed twice, and (with
//! `explain`) each one explained by a comment that is real text (`comment`).
//!
//! Every requirement pip accepts counts, whatever its form: `name`, `name @ url`, `-e
//! git+...#egg=name`, a wheel URL (named by its file). A URL without `name @` gets a
//! teaching finding of its own (`requirements/bare-url`), not "invalid". At most
//! `MAX_FINDINGS_PER_KIND` refused lines are reported one by one; the rest are counted in
//! one more finding, so a file of 42,000 broken lines is read and reported in linear time.

mod command;
mod comment;
mod explain;
mod explanations;
mod included;
mod invalid;
mod purposes;

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::shared::{read_file, MAX_FINDINGS_PER_KIND};
use super::{CheckContext, Code, Finding};
use crate::pip::link::Form;
use crate::pip::pep508::canonical_name;
use crate::pip::requirements_txt::{self, Entry, Line};
use crate::tr;
use comment::Weak;
use explanations::explanations;

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
    let mut findings = check_text(params, &file, &text);
    let missing = included::missing(ctx, &file, &requirements_txt::parse(&text));
    if !missing.is_empty() {
        // A file pip cannot open fails the file, whatever else it says.
        findings.retain(|f| f.code != Code::RequirementsOk);
        findings.extend(missing);
        // The file's own lines first, then those of the files it names.
        findings.sort_by_key(|f| (f.file.as_deref() != Some(&file), f.line.unwrap_or(u32::MAX)));
    }
    name_the_python(ctx, &mut findings);
    findings
}

/// A fix that lists a package's versions runs pip with `python3`; with the workspace's
/// environment found, with its own interpreter instead (it has pip, a fresh system Python
/// may not). The environment is looked up only for such a fix.
fn name_the_python(ctx: &CheckContext, findings: &mut [Finding]) {
    let shows = |f: &Finding| {
        f.hint
            .as_ref()
            .is_some_and(|h| h.contains(explain::PIP_INDEX))
    };
    if !findings.iter().any(shows) {
        return;
    }
    let crate::python::EnvLookup::Found(env) = ctx.environment() else {
        return;
    };
    let run = crate::escape::shell_program(&crate::python::show_path(&ctx.root, &env.interpreter));
    let theirs = format!("{run} -m pip index versions ");
    for f in findings.iter_mut() {
        if let Some(hint) = &mut f.hint {
            hint.replace(explain::PIP_INDEX, &theirs);
        }
        if let Some(group) = &mut f.group {
            group.hint.replace(explain::PIP_INDEX, &theirs);
        }
    }
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
                    // What the line names still counts for the checks across lines (a
                    // duplicate is reported now, not only after this line is fixed); only
                    // for the lines reported one by one, so a file of broken lines stays
                    // a few findings.
                    if let Some((name, marker)) = invalid::meant(&l.content) {
                        r.reqs.push(Req {
                            line: l.number,
                            text: l.content.clone(),
                            written: written_name(&l.content, &name),
                            name,
                            marker,
                        });
                    }
                } else {
                    first_unreported.get_or_insert(l.number);
                }
                if let Some(names) = command::meant_names(&l.content) {
                    r.broken_names.extend(names);
                } else {
                    let prefix = invalid::name_prefix(&l.content);
                    if !prefix.is_empty() && !l.content.starts_with('-') {
                        r.broken_names.push(canonical_name(&prefix));
                    }
                }
            }
            Entry::Requirement {
                text,
                editable,
                parsed,
                ignored,
            } => {
                if !ignored.is_empty() {
                    r.findings
                        .push(command::option_ignored(file, l, text, ignored));
                }
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
        let lines = crate::i18n::count(more, "more line", "more lines");
        r.findings.push(
            Finding::fail(
                Code::RequirementsMoreInvalid,
                tr!(
                    "{lines} that pip refuses, from line {first} on (the first {MAX_FINDINGS_PER_KIND} are shown)",
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
    let (mut duplicates, first_seen) = duplicates(file, &reqs);
    if params.explain {
        let comments = explanations(file, &lines);
        findings.extend(merge_duplicate_comments(&mut duplicates, &reqs, comments));
    }
    findings.extend(duplicates);

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
                "add a line `{norm}  # ...`, writing after `#` in a few words of your own what `{norm}` does for the project",
                "`{norm}  # ...` 줄을 추가하고, `#` 뒤에 `{norm}`이(가) 프로젝트에서 하는 일을 자기 말로 몇 단어 적으십시오"
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
fn merge_duplicate_comments(
    duplicates: &mut [Finding],
    reqs: &[Req],
    comments: Vec<Finding>,
) -> Vec<Finding> {
    let unexplained = |line: u32| {
        comments
            .iter()
            .any(|c| c.line == Some(line) && COMMENT_CODES.contains(&c.code))
    };
    let mut dropped: BTreeSet<u32> = BTreeSet::new();
    for d in duplicates.iter_mut() {
        let Some(second) = reqs.iter().find(|r| Some(r.line) == d.line) else {
            continue;
        };
        let same: Vec<&Req> = reqs
            .iter()
            .filter(|r| r.name == second.name && r.marker == second.marker)
            .collect();
        // A third line of the package: the second one's fix said it already.
        let said = same.iter().all(|r| dropped.contains(&r.line));
        let addition = match same.iter().find(|r| !unexplained(r.line)) {
            None => tr!(
                ", and a comment saying in a few words of your own why the project needs it",
                ". 주석이 없으니 프로젝트에 왜 필요한지도 자기 말로 몇 단어 적으십시오"
            ),
            Some(explained) => {
                let line = explained.line;
                tr!(
                    ", and the comment of line {line}",
                    ". {line}번째 줄의 주석도 함께 남기십시오"
                )
            }
        };
        if let (false, Some(hint)) = (said, &mut d.hint) {
            hint.append("", &addition);
        }
        dropped.extend(same.iter().map(|r| r.line));
    }
    comments
        .into_iter()
        .filter(|c| {
            !(COMMENT_CODES.contains(&c.code) && c.line.is_some_and(|l| dropped.contains(&l)))
        })
        .collect()
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

#[cfg(test)]
#[path = "requirements/tests.rs"]
mod tests;
