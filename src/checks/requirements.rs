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
mod twice;

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
use twice::{duplicates, merge_duplicate_comments};

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

/// The name pip installs for one people write wrongly (`sklearn` -> `scikit-learn`).
fn meant_name(name: &str) -> Option<&'static str> {
    let name = canonical_name(name);
    MISNAMED
        .iter()
        .find(|(w, ..)| name == *w)
        .map(|(_, m, ..)| *m)
}

/// `line` with its misnamed package renamed (`sklearn  # x` -> `scikit-learn  # x`), the
/// way the rename's own fix says: every other fix for that line shows the renamed form, so
/// the learner has one line to paste, not two that disagree (issue 9). `None` when the line
/// does not start with such a name.
fn renamed(line: &str) -> Option<String> {
    let start = line.len() - line.trim_start().len();
    let prefix = invalid::name_prefix(&line[start..]);
    let meant = meant_name(&prefix)?;
    Some(format!(
        "{}{meant}{}",
        &line[..start],
        &line[start + prefix.len()..]
    ))
}

/// A requirement pip accepts and whose name it knows.
#[derive(Debug)]
struct Req {
    /// The requirements file it is in (the exercise's, or one it names with `-r`).
    file: String,
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
    let lines = requirements_txt::parse(&text);
    let (included, missing) = included::read(ctx, &file, &lines);
    // The exercise's file first, then the files its `-r` lines name (their packages count).
    let mut files: Vec<(&str, &[Line])> = vec![(&file, &lines)];
    files.extend(
        included
            .iter()
            .filter(|i| i.counts)
            .map(|i| (i.file.as_str(), i.lines.as_slice())),
    );
    let mut findings = check_files(params, &files);
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
                    let mut finding = invalid::finding(file, l.number, &l.content, error);
                    if let Some(line) = renamed(&l.content) {
                        // Its fix shows the line renamed (`sklearn>=1.3 # x` ->
                        // `scikit-learn>=1.3 # x`); the message quotes it as written.
                        finding.hint = invalid::finding(file, l.number, &line, error).hint;
                    }
                    r.findings.push(finding);
                    // What the line names still counts for the checks across lines (a
                    // duplicate is reported now, not only after this line is fixed); only
                    // for the lines reported one by one, so a file of broken lines stays
                    // a few findings.
                    if let Some((name, marker)) = invalid::meant(&l.content) {
                        r.reqs.push(Req {
                            file: file.to_string(),
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
                        file: file.to_string(),
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

/// The findings for the exercise's file and the files it names with `-r` (`files`, the
/// exercise's first): one list of packages, each line judged where it is.
fn check_files(params: &Params, files: &[(&str, &[Line])]) -> Vec<Finding> {
    let file = files[0].0;
    let (mut reqs, mut findings, mut broken_names, mut comments) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for &(name, lines) in files {
        let reading = read_lines(name, lines);
        reqs.extend(reading.reqs);
        findings.extend(reading.findings);
        broken_names.extend(reading.broken_names);
        if params.explain {
            comments.extend(explanations(name, lines));
        }
    }
    // How the messages name the file: with the files it reads, when there are some.
    let with_others = files.len() > 1;
    let shown: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    let shown = shown.join(" + ");

    let (misnamed, misnamed_meant) = misnamed(&reqs);
    findings.extend(misnamed);
    let (mut duplicates, first_seen) = duplicates(&reqs);
    findings.extend(merge_duplicate_comments(&mut duplicates, &reqs, comments));
    findings.extend(duplicates);

    let listed = |norm: &String| {
        // A line that names it but is refused already has its own finding.
        reqs.iter().any(|r| &r.name == norm)
            || misnamed_meant.contains(norm)
            || broken_names.contains(norm)
    };
    findings.extend(not_listed(params, file, with_others, &listed));

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
            Finding::fail(Code::RequirementsTooFew, if with_others {
                tr!(
                    "{shown} list {packages}; at least {min} are expected",
                    "{shown}에 서로 다른 패키지가 {count}개 있습니다. 적어도 {min}개가 필요합니다"
                )
            } else {
                tr!(
                    "{file} lists {packages}; at least {min} are expected",
                    "{file}에 서로 다른 패키지가 {count}개 있습니다. 적어도 {min}개가 필요합니다"
                )
            })
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
                "{shown}: {packages}, all valid{how}",
                "{shown}: 패키지 {count}개, 모두 올바름{how}";
                how = how
            ),
        )
        .file_named(file)];
    }
    // By file (the exercise's first, then as `-r` named them), then by line.
    let order = |f: &Finding| shown_index(files, f.file.as_deref()).unwrap_or(0);
    findings.sort_by_key(|f| (order(f), f.line.unwrap_or(u32::MAX)));
    findings
}

/// Required packages no file lists: any form pip accepts counts (`-e ...#egg=torch`, a torch
/// wheel URL); `listed` says whether one is.
fn not_listed(
    params: &Params,
    file: &str,
    with_others: bool,
    listed: &dyn Fn(&String) -> bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for wanted in &params.required {
        let norm = canonical_name(wanted);
        if listed(&norm) {
            continue;
        }
        let message = if with_others {
            tr!(
                "neither {file} nor the files it names with `-r` list `{norm}`",
                "{file}에도, 그 파일이 `-r`로 읽는 파일에도 `{norm}`이(가) 없습니다"
            )
        } else {
            tr!(
                "{file} does not list `{norm}`",
                "{file}에 `{norm}`이(가) 없습니다"
            )
        };
        findings.push(
            Finding::fail(Code::RequirementsMissingPackage, message)
            .file_named(file)
            .hint(tr!(
                "add a line `{norm}  # ...`, writing after `#` in a few words of your own what `{norm}` does for the project",
                "`{norm}  # ...` 줄을 추가하고, `#` 뒤에 `{norm}`이(가) 프로젝트에서 하는 일을 자기 말로 몇 단어 적으십시오"
            )),
        );
    }
    findings
}

/// Where `file` is in `files`.
fn shown_index(files: &[(&str, &[Line])], file: Option<&str>) -> Option<usize> {
    files.iter().position(|(name, _)| Some(*name) == file)
}

/// Names written for a different package (`pytorch`, `sklearn`): their findings, and the
/// names meant (which then count as listed).
fn misnamed(reqs: &[Req]) -> (Vec<Finding>, Vec<String>) {
    let mut findings = Vec::new();
    let mut misnamed_meant: Vec<String> = Vec::new();
    for r in reqs {
        if let Some((_, meant, en, ko)) = MISNAMED.iter().find(|(w, ..)| r.name == *w) {
            let (file, line, written) = (&r.file, r.line, &r.written);
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
