//! Check kind `requirements`: `requirements.txt` read the way pip reads it, every requirement
//! valid PEP 508, enough distinct packages, the required ones present, none listed twice, and
//! (with `explain`) each one explained by a comment.
//!
//! Reading follows pip's `req_file.py`: UTF-8 (optional BOM; UTF-16 with a BOM too, as Windows
//! PowerShell writes it), CRLF or LF; a line ending in `\` joins the next one *before* comments
//! are stripped (the joined line keeps the number of its first physical line); a comment starts
//! at the start of a line or after whitespace (`pkg#x` is not a comment); lines starting with
//! `-` are options; a requirement may be followed by per-requirement options (`--hash=...`).

use std::collections::BTreeMap;
use std::str::FromStr;

use pep508_rs::{PackageName, Requirement};
use serde::Deserialize;

use super::shared::read_file;
use super::{CheckContext, Code, Finding};
use crate::tr;

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

/// Options pip accepts on a line of their own in a requirements file: (name, takes a value).
const LONG_OPTIONS: &[(&str, bool)] = &[
    ("requirement", true),
    ("constraint", true),
    ("editable", true),
    ("index-url", true),
    ("extra-index-url", true),
    ("find-links", true),
    ("no-index", false),
    ("pre", false),
    ("trusted-host", true),
    ("only-binary", true),
    ("no-binary", true),
    ("prefer-binary", false),
    ("require-hashes", false),
    ("use-feature", true),
];
/// Short forms: `-r -c -e -i -f` (all take a value).
const SHORT_OPTIONS: &[char] = &['r', 'c', 'e', 'i', 'f'];
/// Options pip accepts after a requirement on the same line.
const PER_REQUIREMENT_OPTIONS: &[&str] = &["hash", "config-settings", "global-option"];

/// Names people write for a package whose pip name is different: (written, meant).
const MISNAMED: &[(&str, &str, &str, &str)] = &[
    (
        "pytorch",
        "torch",
        "`pytorch` on PyPI is not PyTorch: it is a placeholder that refuses to install; PyTorch's pip package is `torch`",
        "PyPI 의 `pytorch` 는 PyTorch 가 아닙니다. 설치를 거부하는 자리표시자 패키지이며, PyTorch 의 pip 패키지 이름은 `torch` 입니다",
    ),
    (
        "sklearn",
        "scikit-learn",
        "`sklearn` on PyPI is a deprecated placeholder that refuses to install; the package is `scikit-learn` (imported as `sklearn`)",
        "PyPI 의 `sklearn` 은 설치를 거부하는 폐기된 자리표시자입니다. 패키지 이름은 `scikit-learn` 이고 import 할 때만 `sklearn` 입니다",
    ),
];

/// One logical line: physical lines joined by trailing `\`.
#[derive(Debug)]
struct Logical {
    /// 1-based number of the first physical line.
    line: u32,
    /// The content without its comment, trimmed.
    content: String,
    /// The comment text after `#` (and any further `#` and whitespace), trimmed; `None` when
    /// the line has no comment.
    comment: Option<String>,
    /// The raw comment as written, e.g. `# torch`, for messages.
    raw_comment: Option<String>,
}

/// A requirement line that parsed.
#[derive(Debug)]
struct Req {
    line: u32,
    text: String,
    name: PackageName,
    marker: String,
    /// The index of the logical line in the file.
    index: usize,
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let file = params.file.replace('\\', "/");
    let text = match read_file(ctx, &file) {
        Ok(text) => text,
        Err(mut finding) => {
            if finding.code == Code::FileMissing {
                finding.hint = Some(tr!(
                    "create {file} at the workspace root and write by hand one package per line, each with a comment saying why the project needs it, e.g. `torch==2.1.0  # deep learning framework`. (`pip freeze > {file}` is not the way: it dumps every installed package, dependencies included, without a word of explanation.)",
                    "작업 폴더 맨 위에 {file} 를 만들고 한 줄에 패키지 하나씩, 프로젝트에 왜 필요한지 주석을 달아 직접 쓰세요. 예: `torch==2.1.0  # 딥러닝 프레임워크`. (`pip freeze > {file}` 는 답이 아닙니다: 의존성까지 설치된 모든 패키지를 설명 없이 쏟아 냅니다.)"
                ));
            }
            return vec![*finding];
        }
    };
    check_text(params, &file, &text)
}

/// Where pip's comment regex `(^|\s+)#.*$` first matches: the byte index of the whitespace
/// run before `#` (or of `#` at the start).
fn comment_start(line: &str) -> Option<(usize, usize)> {
    for (i, c) in line.char_indices() {
        if c != '#' {
            continue;
        }
        if i == 0 {
            return Some((0, 0));
        }
        let before = line[..i].chars().next_back().unwrap();
        if before.is_whitespace() {
            let ws_start = line[..i].trim_end().len();
            return Some((ws_start, i));
        }
    }
    None
}

/// Does the line start (after whitespace) with a comment? pip's `COMMENT_RE.match`.
fn is_comment_line(line: &str) -> bool {
    matches!(comment_start(line), Some((0, _)))
}

/// Split the text into logical lines as pip does.
fn logical_lines(text: &str) -> Vec<Logical> {
    let mut out = Vec::new();
    let mut joined: Option<(u32, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let number = i as u32 + 1;
        // `lines()` drops `\r\n`; a stray `\r` at the end is whitespace to pip as well.
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if !raw.ends_with('\\') || is_comment_line(raw) {
            let line = match joined.take() {
                Some((first, mut acc)) => {
                    acc.push_str(raw);
                    (first, acc)
                }
                None => (number, raw.to_string()),
            };
            out.push(split_comment(line.0, &line.1));
        } else {
            let piece = raw.trim_matches('\\');
            match &mut joined {
                Some((_, acc)) => acc.push_str(piece),
                None => joined = Some((number, piece.to_string())),
            }
        }
    }
    if let Some((first, acc)) = joined {
        out.push(split_comment(first, &acc));
    }
    out
}

fn split_comment(line: u32, text: &str) -> Logical {
    match comment_start(text) {
        Some((start, hash)) => {
            let raw = text[hash..].trim_end().to_string();
            let comment = raw
                .trim_start_matches(|c: char| c == '#' || c.is_whitespace())
                .trim()
                .to_string();
            Logical {
                line,
                content: text[..start].trim().to_string(),
                comment: Some(comment),
                raw_comment: Some(raw),
            }
        }
        None => Logical {
            line,
            content: text.trim().to_string(),
            comment: None,
            raw_comment: None,
        },
    }
}

/// pip's `break_args_options`: the requirement is every token before the first one that
/// starts with `-`; the rest are options.
fn break_args_options(content: &str) -> (String, Vec<String>) {
    let tokens: Vec<&str> = content.split_whitespace().collect();
    let cut = tokens
        .iter()
        .position(|t| t.starts_with('-'))
        .unwrap_or(tokens.len());
    (
        tokens[..cut].join(" "),
        tokens[cut..].iter().map(|s| s.to_string()).collect(),
    )
}

/// The name of an option token: `--index-url=x` -> (`index-url`, has value), `-rfile` -> `r`.
fn option_name(token: &str) -> (String, bool) {
    if let Some(long) = token.strip_prefix("--") {
        match long.split_once('=') {
            Some((name, _)) => (name.to_string(), true),
            None => (long.to_string(), false),
        }
    } else {
        let short = &token[1..];
        let mut chars = short.chars();
        let name = chars.next().map(String::from).unwrap_or_default();
        let rest = chars.as_str().trim_start_matches('=');
        (name, !rest.is_empty())
    }
}

/// Check an option line; a finding when pip would reject it.
fn check_option_line(file: &str, l: &Logical) -> Option<Finding> {
    let tokens: Vec<&str> = l.content.split_whitespace().collect();
    let first = tokens[0];
    let (name, inline_value) = option_name(first);
    let takes_value = if first.starts_with("--") {
        LONG_OPTIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    } else {
        name.chars()
            .next()
            .filter(|c| SHORT_OPTIONS.contains(c) && name.len() == 1)
            .map(|_| true)
    };
    let line = l.line;
    let content = &l.content;
    match takes_value {
        None => Some(
            Finding::fail(Code::RequirementsUnknownOption, tr!(
                "`{first}` is not an option pip accepts in a requirements file",
                "`{first}` 는 pip 가 requirements 파일에서 받아들이는 옵션이 아닙니다"
            ))
            .file(file)
            .line(line)
            .hint(tr!(
                "options allowed on their own line: -r/--requirement, -c/--constraint, -e/--editable, -i/--index-url, --extra-index-url, -f/--find-links, --no-index, --pre, --trusted-host, --only-binary, --no-binary, --prefer-binary, --require-hashes; otherwise write a package, e.g. `numpy>=1.24`",
                "한 줄에 따로 쓸 수 있는 옵션: -r/--requirement, -c/--constraint, -e/--editable, -i/--index-url, --extra-index-url, -f/--find-links, --no-index, --pre, --trusted-host, --only-binary, --no-binary, --prefer-binary, --require-hashes. 아니면 `numpy>=1.24` 처럼 패키지를 쓰세요"
            )),
        ),
        Some(true) if !inline_value && tokens.len() < 2 => Some(
            Finding::fail(Code::RequirementsOptionNeedsValue, tr!(
                "`{content}` needs a value",
                "`{content}` 에는 값이 필요합니다"
            ))
            .file(file)
            .line(line)
            .hint(tr!(
                "write the value after the option, e.g. `-r other-requirements.txt` or `--index-url https://download.pytorch.org/whl/cu121`",
                "옵션 뒤에 값을 쓰세요. 예: `-r other-requirements.txt`, `--index-url https://download.pytorch.org/whl/cu121`"
            )),
        ),
        _ => None,
    }
}

/// A guess at the package name at the start of a broken requirement, for the example.
fn name_prefix(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect::<String>()
        .trim_end_matches(['.', '-', '_'])
        .to_string()
}

fn looks_like_url_or_path(text: &str) -> bool {
    text.contains("://")
        || text.starts_with('.')
        || text.starts_with('/')
        || text.ends_with(".whl")
        || text.ends_with(".tar.gz")
        || text.ends_with(".zip")
}

/// Letters-and-digits words of `text`, lowercased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Does `comment` explain the package `name` (more than 3 characters, more than its name and
/// version)?
fn explains(comment: &str, name: &PackageName) -> bool {
    if comment.chars().count() < 3 {
        return false;
    }
    let name_words = words(name.as_ref());
    words(comment)
        .iter()
        .any(|w| !name_words.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
}

/// `name=1.0` with a single `=` (a common slip for `==`), corrected; else `None`.
fn single_equals_fixed(args: &str) -> Option<String> {
    let (name, version) = args.split_once('=')?;
    let ok_name = !name.is_empty()
        && name
            .trim()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '[' | ']' | ','));
    let plain_version = !version.is_empty() && !version.starts_with('=') && !version.contains('=');
    (ok_name && plain_version).then(|| format!("{}=={}", name.trim(), version.trim()))
}

fn check_text(params: &Params, file: &str, text: &str) -> Vec<Finding> {
    let lines = logical_lines(text);
    let mut findings: Vec<Finding> = Vec::new();
    let mut reqs: Vec<Req> = Vec::new();
    // Names at the start of lines that did not parse: still meant as packages, so counted.
    let mut broken_names: Vec<String> = Vec::new();

    for (index, l) in lines.iter().enumerate() {
        if l.content.is_empty() {
            continue;
        }
        let line = l.line;
        if l.content.starts_with('-') {
            findings.extend(check_option_line(file, l));
            continue;
        }
        let (args, options) = break_args_options(&l.content);
        for opt in &options {
            let (name, _) = option_name(opt);
            if !opt.starts_with("--") || !PER_REQUIREMENT_OPTIONS.contains(&name.as_str()) {
                findings.push(
                    Finding::fail(Code::RequirementsInvalid, tr!(
                        "`{opt}` is not an option pip accepts after a requirement",
                        "`{opt}` 는 요구 사항 뒤에 pip 가 받아들이는 옵션이 아닙니다"
                    ))
                    .file(file)
                    .line(line)
                    .hint(tr!(
                        "after a requirement only `--hash=sha256:...` (and `--config-settings`) may follow; put other options on a line of their own",
                        "요구 사항 뒤에는 `--hash=sha256:...` (와 `--config-settings`) 만 올 수 있습니다. 다른 옵션은 따로 한 줄에 쓰세요"
                    )),
                );
                break;
            }
        }
        match Requirement::<pep508_rs::VerbatimUrl>::from_str(&args) {
            Ok(req) => reqs.push(Req {
                line,
                text: args.clone(),
                marker: req.marker.try_to_string().unwrap_or_default(),
                name: req.name,
                index,
            }),
            Err(err) => {
                let reason = err.message.to_string();
                let reason = reason.lines().next().unwrap_or("").trim().to_string();
                let prefix = name_prefix(&args);
                if !prefix.is_empty() {
                    broken_names.push(
                        PackageName::from_str(&prefix)
                            .map(|n| n.to_string())
                            .unwrap_or(prefix),
                    );
                }
                let hint = if looks_like_url_or_path(&args) {
                    tr!(
                        "give the package a name: `name @ {args}` (PEP 508), e.g. `mypkg @ git+https://github.com/user/mypkg.git`",
                        "패키지 이름을 붙이세요: `이름 @ {args}` (PEP 508). 예: `mypkg @ git+https://github.com/user/mypkg.git`"
                    )
                } else if let Some(fixed) = single_equals_fixed(&args) {
                    // `pillow=9.0`: pip's exact pin is `==`.
                    tr!(
                        "an exact version is written with `==`: `{fixed}` (or `>=` for a minimum)",
                        "정확한 버전은 `==` 로 씁니다: `{fixed}` (최소 버전은 `>=`)"
                    )
                } else {
                    let name = name_prefix(&args);
                    let name = if name.is_empty() {
                        "numpy".to_string()
                    } else {
                        name
                    };
                    tr!(
                        "write one package per line, optionally with a version: `{name}`, `{name}>=1.24`, `{name}==2.1.0`, `{name}[extra]>=1.0`",
                        "한 줄에 패키지 하나, 필요하면 버전과 함께 쓰세요: `{name}`, `{name}>=1.24`, `{name}==2.1.0`, `{name}[extra]>=1.0`"
                    )
                };
                findings.push(
                    Finding::fail(
                        Code::RequirementsInvalid,
                        tr!(
                            "`{args}` is not a valid requirement ({reason})",
                            "`{args}` 는 올바른 요구 사항이 아닙니다 ({reason})"
                        ),
                    )
                    .file(file)
                    .line(line)
                    .hint(hint),
                );
            }
        }
    }

    // Names written for a different package.
    let mut misnamed_meant: Vec<String> = Vec::new();
    for r in &reqs {
        if let Some((written, meant, en, ko)) =
            MISNAMED.iter().find(|(w, ..)| r.name.as_ref() == *w)
        {
            let line = r.line;
            misnamed_meant.push(meant.to_string());
            let (en, ko) = (en.to_string(), ko.to_string());
            findings.push(
                Finding::fail(Code::RequirementsMisnamed, tr!("{en}", "{ko}"))
                    .file(file)
                    .line(line)
                    .hint(tr!(
                        "replace `{written}` with `{meant}` on line {line}",
                        "{line}번째 줄의 `{written}` 을(를) `{meant}` 로 바꾸세요"
                    )),
            );
        }
    }

    // Duplicates: the same package with the same markers.
    let mut first_seen: BTreeMap<(String, String), &Req> = BTreeMap::new();
    for r in &reqs {
        let key = (r.name.to_string(), r.marker.clone());
        match first_seen.get(&key) {
            Some(first) => {
                let (name, l1, t1, l2, t2) = (&r.name, first.line, &first.text, r.line, &r.text);
                findings.push(
                    Finding::fail(Code::RequirementsDuplicate, tr!(
                        "`{name}` is listed twice: line {l1} (`{t1}`) and line {l2} (`{t2}`)",
                        "`{name}` 이(가) 두 번 적혀 있습니다: {l1}번째 줄 (`{t1}`) 과 {l2}번째 줄 (`{t2}`)"
                    ))
                    .file(file)
                    .line(l2)
                    .hint(tr!(
                        "keep one line for `{name}` (package names ignore case and `-`/`_`/`.`), with the version you need",
                        "`{name}` 은(는) 한 줄만 남기세요 (패키지 이름은 대소문자와 `-`/`_`/`.` 를 구분하지 않습니다). 필요한 버전을 그 줄에 쓰세요"
                    )),
                );
            }
            None => {
                first_seen.insert(key, r);
            }
        }
    }

    // Explanations.
    if params.explain {
        for r in &reqs {
            let own = &lines[r.index];
            let above = r
                .index
                .checked_sub(1)
                .map(|i| &lines[i])
                .filter(|l| l.content.is_empty() && l.comment.is_some());
            let explained = [Some(own), above]
                .into_iter()
                .flatten()
                .filter_map(|l| l.comment.as_deref())
                .any(|c| explains(c, &r.name));
            if explained {
                continue;
            }
            let (line, text, name) = (r.line, &r.text, &r.name);
            let weak = own
                .raw_comment
                .as_ref()
                .or(above.and_then(|l| l.raw_comment.as_ref()));
            // Say which rule the comment broke: too short, or only the name again.
            let (code, message, hint) = match weak {
                Some(c) if c.trim_start_matches('#').trim().chars().count() < 3 => (
                    Code::RequirementsCommentTooShort,
                    tr!(
                        "the comment `{c}` is too short to explain why the project needs `{name}` (at least 3 characters)",
                        "주석 `{c}` 은 `{name}` 이 왜 필요한지 설명하기에 너무 짧습니다 (3글자 이상)"
                    ),
                    tr!(
                        "say what it is for in a few words, e.g. `{text}  # model training and inference`",
                        "쓰는 이유를 몇 단어로 적으세요. 예: `{text}  # 모델 학습과 추론`"
                    ),
                ),
                Some(c) => (
                    Code::RequirementsCommentRepeatsName,
                    tr!(
                        "the comment `{c}` only repeats the name; it does not say why the project needs `{name}`",
                        "주석 `{c}` 은 이름을 되풀이할 뿐, 프로젝트에 `{name}` 이 왜 필요한지 말하지 않습니다"
                    ),
                    tr!(
                        "say what `{name}` does for the project, e.g. `{text}  # model training and inference`",
                        "`{name}` 이 프로젝트에서 하는 일을 적으세요. 예: `{text}  # 모델 학습과 추론`"
                    ),
                ),
                None => (
                    Code::RequirementsNoComment,
                    tr!(
                        "`{text}` has no comment saying why the project needs it",
                        "`{text}` 에 프로젝트에 왜 필요한지 설명하는 주석이 없습니다"
                    ),
                    tr!(
                        "add a comment at the end of the line (`{text}  # what it is for`) or on the line right above it",
                        "줄 끝(`{text}  # 쓰는 이유`)이나 바로 윗줄에 주석을 다세요"
                    ),
                ),
            };
            findings.push(
                Finding::fail(code, message)
                    .file(file)
                    .line(line)
                    .hint(hint),
            );
        }
    }

    // Required packages.
    for wanted in &params.required {
        let norm = PackageName::from_str(wanted)
            .map(|n| n.to_string())
            .unwrap_or_else(|_| wanted.to_lowercase());
        // A line that names it but does not parse already has its own finding.
        if reqs.iter().any(|r| r.name.as_ref() == norm)
            || misnamed_meant.contains(&norm)
            || broken_names.contains(&norm)
        {
            continue;
        }
        findings.push(
            Finding::fail(Code::RequirementsMissingPackage, tr!(
                "{file} does not list `{norm}`",
                "{file} 에 `{norm}` 이(가) 없습니다"
            ))
            .file_named(file)
            .hint(tr!(
                "add a line for `{norm}` with a comment saying what it is for, e.g. `{norm}  # why the project needs it`",
                "`{norm}` 줄을 추가하고 쓰는 이유를 주석으로 다세요. 예: `{norm}  # 프로젝트에 필요한 이유`"
            )),
        );
    }

    // Enough packages.
    // Lines that did not parse count by the name they start with (they get their own finding).
    let count = first_seen
        .keys()
        .map(|(n, _)| n)
        .chain(broken_names.iter())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let min = params.min_packages;
    if count < min {
        findings.push(
            Finding::fail(Code::RequirementsTooFew, tr!(
                "{file} lists {count} distinct packages; at least {min} are expected",
                "{file} 에 서로 다른 패키지가 {count}개 있습니다. 적어도 {min}개가 필요합니다"
            ))
            .file_named(file)
            .hint(tr!(
                "list the packages a VLA project needs (e.g. torch, torchvision, transformers, numpy, pillow, wandb), one per line with a comment",
                "VLA 프로젝트에 필요한 패키지(예: torch, torchvision, transformers, numpy, pillow, wandb)를 한 줄에 하나씩 주석과 함께 쓰세요"
            )),
        );
    }

    if findings.is_empty() {
        let how = if params.explain {
            tr!(", each explained by a comment", ", 모두 주석으로 설명됨")
        } else {
            tr!("", "")
        };
        let (how_en, how_ko) = (how.en, how.ko);
        return vec![Finding::pass(
            Code::RequirementsOk,
            tr!(
                "{file}: {count} packages, all valid{how_en}",
                "{file}: 패키지 {count}개, 모두 올바름{how_ko}"
            ),
        )
        .file_named(file)];
    }
    findings.sort_by_key(|f| f.line.unwrap_or(u32::MAX));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_equals_is_corrected_to_a_pin() {
        assert_eq!(
            single_equals_fixed("pillow=9.0").as_deref(),
            Some("pillow==9.0")
        );
        assert_eq!(single_equals_fixed("torch==2.1.0"), None);
        assert_eq!(single_equals_fixed("numpy>=1.24"), None);
        assert_eq!(single_equals_fixed("numpy>="), None);
    }

    fn run_text(text: &str) -> Vec<Finding> {
        check_text(
            &Params {
                min_packages: 0,
                ..Params::default()
            },
            "requirements.txt",
            text,
        )
    }

    #[test]
    fn joins_before_stripping_comments() {
        let lines = logical_lines("torch==2.1.0 \\\n  --hash=sha256:abc  # dl\nnumpy\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].line, 1);
        assert_eq!(lines[0].content, "torch==2.1.0   --hash=sha256:abc");
        assert_eq!(lines[0].comment.as_deref(), Some("dl"));
        assert_eq!(lines[1].line, 3);
    }

    #[test]
    fn hash_inside_a_word_is_not_a_comment() {
        let l = split_comment(1, "pkg#x");
        assert_eq!(l.content, "pkg#x");
        assert!(l.comment.is_none());
        let l = split_comment(1, "pkg\t# 설명");
        assert_eq!(l.content, "pkg");
        assert_eq!(l.comment.as_deref(), Some("설명"));
    }

    #[test]
    fn explanation_must_say_more_than_the_name() {
        let torch = PackageName::from_str("torch").unwrap();
        assert!(!explains("torch", &torch));
        assert!(!explains("Torch 2.1.0", &torch));
        assert!(explains("딥러닝 프레임워크", &torch));
        assert!(!explains("모델", &torch));
        let sk = PackageName::from_str("scikit-learn").unwrap();
        assert!(!explains("scikit learn", &sk));
    }

    #[test]
    fn broken_requirement_names_its_line() {
        let f = run_text("# ok\nnumpy>=  # arrays\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(2));
        assert!(f[0].message.en.contains("`numpy>=`"), "{}", f[0].message.en);
    }
}
