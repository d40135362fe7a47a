//! What is wrong with a requirement line pip refuses, said for a learner (issue 9): the
//! lesson's own rule for the slips learners make (`numpy>=1.24.0#배열`: a space before `#`;
//! `transformers>=`: the version is missing; `1. No check in`: prose, not a package), else
//! pip's message explained in Korean with the original after it. Examples use the learner's
//! own package and never another package's version numbers.

use crate::i18n::Tr;
use crate::pip::pep508::{is_valid_name, SyntaxError};
use crate::tr;

/// Versions the lessons use, for a suggestion that names a real release of that package.
const KNOWN_VERSIONS: [(&str, &str); 6] = [
    ("torch", "2.10.0"),
    ("torchvision", "0.25.0"),
    ("transformers", "4.35"),
    ("numpy", "1.26"),
    ("pillow", "10.0"),
    ("wandb", "0.15"),
];

/// The command that lists a package's versions, as a fix shows it: `python3`, which a fresh
/// Ubuntu has (`python` it may not); the check puts the environment's own interpreter in its
/// place when it finds one (see `name_the_python` in the parent module).
pub(super) const PIP_INDEX: &str = "python3 -m pip index versions ";

/// Specifier operators, longest first so that `===` is not read as `==`.
const OPERATORS: [&str; 8] = ["===", "==", ">=", "<=", "~=", "!=", ">", "<"];

/// The message and the fix for a requirement pip cannot parse.
pub(super) fn syntax(content: &str, error: &SyntaxError) -> (Tr, Tr) {
    let args = content.trim();
    if let Some(x) = full_width_hash(args) {
        return x;
    }
    if let Some(x) = glued_comment(args) {
        return x;
    }
    if let Some(x) = unclosed_quote(args) {
        return x;
    }
    if let Some(x) = compatible_needs_two_parts(args) {
        return x;
    }
    if let Some(x) = local_version_range(args, error) {
        return x;
    }
    if let Some(x) = missing_version(args) {
        return x;
    }
    if let Some(x) = prose(args) {
        return x;
    }
    let reason = &error.message;
    let ko = korean_reason(reason);
    let message = tr!(
        "`{args}` is not a valid requirement ({reason})",
        "`{args}`은(는) 올바른 요구사항이 아닙니다: {ko} ({reason})"
    );
    let name = super::invalid::name_prefix(args);
    let hint = if plausible_name(&name) {
        match version_of(&name) {
            Some(version) => tr!(
                "write one package per line, optionally with a version:\n  {name}\n  {name}>={version}",
                "한 줄에 패키지 하나, 필요하면 버전과 함께 쓰십시오:\n  {name}\n  {name}>={version}"
            ),
            None => tr!(
                "write one package per line, optionally with `>=` and a version after it:\n  {name}\nthis shows which versions exist:\n  {PIP_INDEX}{name}",
                "한 줄에 패키지 하나, 필요하면 뒤에 `>=`와 버전을 붙여 쓰십시오:\n  {name}\n어떤 버전이 있는지는 이 명령이 보여 줍니다:\n  {PIP_INDEX}{name}"
            ),
        }
    } else {
        tr!(
            "start the line with a package name, e.g. `numpy>=1.26`; a note goes on a line of its own that starts with `#`",
            "줄을 패키지 이름으로 시작하십시오(예: `numpy>=1.26`). 설명은 `#`으로 시작하는 별도의 줄에 씁니다"
        )
    };
    (message, hint)
}

/// The full-width number sign a Korean keyboard's input method may type for `#`.
pub(super) const FULL_WIDTH_HASH: char = '＃';

/// `numpy>=1.26 ＃ 배열`: pip reads only the ASCII `#` as a comment; the full-width `＃`
/// makes the comment part of the requirement. The fix keeps the learner's comment.
fn full_width_hash(args: &str) -> Option<(Tr, Tr)> {
    let at = args.find(FULL_WIDTH_HASH)?;
    let before = args[..at].trim_end();
    let after = args[at + FULL_WIDTH_HASH.len_utf8()..].trim();
    let fixed = match (before.is_empty(), after.is_empty()) {
        (true, _) => format!("# {after}"),
        (false, true) => before.to_string(),
        (false, false) => format!("{before}  # {after}"),
    };
    let fixed = fixed.trim_end();
    Some((
        tr!(
            "`{args}`: `{FULL_WIDTH_HASH}` is the full-width number sign, not `#`: pip reads only `#` (after a space) as a comment, so the comment is read as part of the requirement",
            "`{args}`: `{FULL_WIDTH_HASH}`은(는) 전각 문자라서 `#`이 아닙니다. pip은 공백 뒤의 `#`만 주석으로 읽으므로 주석이 요구사항의 일부로 읽힙니다"
        ),
        tr!(
            "type `#` (the ASCII one, e.g. with the input method in English mode) and keep the comment:\n  {fixed}",
            "`#`을 반각(영문 입력 상태)으로 다시 쓰고 주석은 그대로 두십시오:\n  {fixed}"
        ),
    ))
}

/// `numpy; python_version < "3.8`: a quote in the marker that is never closed (pip says it
/// expected "a marker variable or quoted string", which sends a learner the wrong way).
fn unclosed_quote(args: &str) -> Option<(Tr, Tr)> {
    let (_, marker) = args.split_once(';')?;
    let mut open: Option<char> = None;
    for c in marker.chars() {
        match open {
            Some(q) if c == q => open = None,
            None if c == '"' || c == '\'' => open = Some(c),
            _ => {}
        }
    }
    let q = open?;
    let fixed = format!("{args}{q}");
    Some((
        tr!(
            "`{args}`: a quote (`{q}`) in the marker after `;` is opened and never closed",
            "`{args}`: `;` 뒤의 마커 조건에서 연 따옴표가 닫히지 않았습니다 (`{q}`)"
        ),
        tr!(
            "close the quote after the value:\n  {fixed}",
            "값 뒤에서 따옴표를 닫으십시오:\n  {fixed}"
        ),
    ))
}

/// `wandb~=0`: the compatible-release operator needs a version of two parts or more
/// (`~=0.15` means `>=0.15, <1`); pip only says it cannot read what follows the name.
fn compatible_needs_two_parts(args: &str) -> Option<(Tr, Tr)> {
    let body = args.split(';').next().unwrap_or(args);
    let at = body.find("~=")?;
    let name = body[..at].trim_end();
    let version: String = body[at + 2..]
        .trim_start()
        .chars()
        .take_while(|c| !matches!(c, ',' | ' ' | ';' | ')'))
        .collect();
    if name.is_empty() || version.is_empty() || !version.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let next = version.parse::<u64>().ok()?.checked_add(1)?;
    let two = format!("{version}.0");
    let plain = super::invalid::name_prefix(name);
    Some((
        tr!(
            "`{args}`: `~=` needs a version of at least two parts, such as `{two}`, not `{version}`",
            "`{args}`: `~=` 뒤의 버전은 `{version}`처럼 한 부분이 아니라 `{two}`처럼 두 부분 이상이어야 합니다"
        ),
        tr!(
            "write two parts after `~=` (`{name}~={two}` means {two} or newer, below {next}), or use `>=` for a minimum only:\n  {name}~={two}\n  {name}>={version}",
            "`~=` 뒤에 두 부분을 쓰거나(`{name}~={two}`은(는) {two} 이상 {next} 미만입니다), 최소 버전만 정하려면 `>=`를 쓰십시오:\n  {name}~={two}\n  {name}>={version}"
        ),
    ))
    .filter(|_| !plain.is_empty())
}

/// `numpy>=1.24.0#배열` as pip would read it as meant: the requirement and the text of the
/// comment glued to it (`numpy>=1.24.0`, `배열`); `None` when no `#` is glued to a requirement.
pub(super) fn glued_parts(args: &str) -> Option<(&str, &str)> {
    if args.contains("://") {
        return None;
    }
    let at = args.find('#')?;
    let (before, after) = (args[..at].trim_end(), args[at + 1..].trim());
    if before.is_empty() || args[..at].ends_with(char::is_whitespace) {
        return None;
    }
    Some((before, after))
}

/// The line a glued comment's fix shows: a space before `#` (`numpy>=1.24.0 # 배열`).
pub(super) fn glued_fixed(args: &str) -> Option<String> {
    let (before, after) = glued_parts(args.trim())?;
    Some(if after.is_empty() {
        before.to_string()
    } else {
        format!("{before} # {after}")
    })
}

/// `numpy>=1.24.0#배열`: pip reads a comment only after white space.
fn glued_comment(args: &str) -> Option<(Tr, Tr)> {
    let fixed = glued_fixed(args)?;
    let glued = &args[args.find('#')?..];
    Some((
        tr!(
            "`{args}`: there is no space before `#`, so pip reads `{glued}` as part of the requirement, not as a comment",
            "`{args}`: `#` 앞에 공백이 없어서 pip은 `{glued}`을(를) 주석이 아니라 요구사항의 일부로 읽습니다"
        ),
        tr!(
            "put a space before `#`:\n  {fixed}",
            "`#` 앞에 공백을 두십시오:\n  {fixed}"
        ),
    ))
}

/// `torch>=2.5.1+cpu`: a local version (`+cpu`, PyTorch's build tag) names one build, so
/// only `==` and `!=` take it. The fix keeps the learner's package and version.
fn local_version_range(args: &str, error: &SyntaxError) -> Option<(Tr, Tr)> {
    if !error.message.starts_with("Local version label") {
        return None;
    }
    let body = args.split(';').next().unwrap_or(args).trim_end();
    let op = OPERATORS.iter().find(|op| body.contains(*op))?;
    let (name, version) = body.split_once(op)?;
    let (public, local) = version.trim().split_once('+')?;
    let name = name.trim();
    Some((
        tr!(
            "`{args}`: `+{local}` is a local version, which names one build and goes only with `==` (or `!=`)",
            "`{args}`: `+{local}`은(는) 빌드 하나를 가리키는 로컬 버전이라 `==`(또는 `!=`)와만 쓸 수 있습니다"
        ),
        tr!(
            "pin that build with `==`, or drop `+{local}` to keep `{op}`:\n  {name}=={public}+{local}\n  {name}{op}{public}",
            "그 빌드로 고정하려면 `==`을(를) 쓰고, `{op}`을(를) 그대로 두려면 `+{local}`을(를) 빼십시오:\n  {name}=={public}+{local}\n  {name}{op}{public}"
        ),
    ))
}

/// `transformers>=`: an operator with no version after it.
fn missing_version(args: &str) -> Option<(Tr, Tr)> {
    let body = args.split(';').next().unwrap_or(args).trim_end();
    let op = OPERATORS.iter().find(|op| body.ends_with(*op))?;
    let name = body[..body.len() - op.len()]
        .trim_end()
        .trim_end_matches(',');
    let plain = super::invalid::name_prefix(name);
    if plain.is_empty() {
        return None;
    }
    let message = tr!(
        "`{args}`: no version after `{op}`",
        "`{args}`: `{op}` 뒤에 버전이 없습니다"
    );
    let Some(version) = version_of(&plain) else {
        // No version the lessons use: a line to paste would hold a placeholder, which pip
        // refuses; say where the version goes and how to find one.
        return Some((
            message,
            tr!(
                "write a version after `{op}` (one of those this command lists), or drop the condition to take any version:\n  {plain}\nthis shows which versions exist:\n  {PIP_INDEX}{plain}",
                "`{op}` 뒤에 버전(아래 명령이 보여 주는 것 중 하나)을 쓰거나, 아무 버전이나 괜찮다면 조건을 지우십시오:\n  {plain}\n어떤 버전이 있는지는 이 명령이 보여 줍니다:\n  {PIP_INDEX}{plain}"
            ),
        ));
    };
    Some((
        message,
        tr!(
            "write the version after `{op}`, or drop the condition to take any version:\n  {name}{op}{version}\n  {plain}\nthis shows which versions exist:\n  {PIP_INDEX}{plain}",
            "`{op}` 뒤에 버전을 쓰거나, 아무 버전이나 괜찮다면 조건을 지우십시오:\n  {name}{op}{version}\n  {plain}\n어떤 버전이 있는지는 이 명령이 보여 줍니다:\n  {PIP_INDEX}{plain}"
        ),
    ))
}

/// `1. No check in`, `VLA 프로젝트에 필요한 것`: a sentence, not a requirement.
fn prose(args: &str) -> Option<(Tr, Tr)> {
    let name = super::invalid::name_prefix(args);
    let rest = args[name.len()..].trim_start_matches(['.', ')', ':']);
    let starts_like_prose = !plausible_name(&name)
        || (rest.starts_with(char::is_whitespace)
            && rest
                .trim_start()
                .starts_with(|c: char| c.is_alphabetic() && !c.is_ascii_digit()));
    if !starts_like_prose || args.starts_with('-') {
        return None;
    }
    Some((
        tr!(
            "`{args}` reads as a note, not a package: each line names one package",
            "`{args}`은(는) 패키지가 아니라 설명으로 보입니다: 한 줄에는 패키지 하나를 씁니다"
        ),
        tr!(
            "if it is a note, make it a comment with `#` at the start of the line:\n  # {args}",
            "설명이라면 줄 맨 앞에 `#`을 붙여 주석으로 만드십시오:\n  # {args}"
        ),
    ))
}

/// A line pip refuses that is still meant as a package with a version (`transformers>=`,
/// `wandb~=0`), so its comment is judged like any requirement's: not a note (prose), not a
/// line whose comment is glued on or typed with `＃` (its own finding keeps the comment).
pub(super) fn meant_as_package(content: &str) -> bool {
    let args = content.trim();
    let name = super::invalid::name_prefix(args);
    plausible_name(&name)
        && !args.starts_with('-')
        && !args.contains(['#', FULL_WIDTH_HASH])
        && prose(args).is_none()
        && super::command::meant_names(args).is_none()
}

/// A name a learner could mean as a package: starts with a letter.
fn plausible_name(name: &str) -> bool {
    is_valid_name(name) && name.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// The version the lessons use for `name`, if they use one (never another package's).
fn version_of(name: &str) -> Option<&'static str> {
    let canonical = crate::pip::pep508::canonical_name(name);
    KNOWN_VERSIONS
        .iter()
        .find(|(n, _)| *n == canonical)
        .map(|(_, v)| *v)
}

/// pip's (packaging's) message for a requirement it cannot parse, in Korean.
pub(super) fn korean_reason(reason: &str) -> &'static str {
    const TABLE: [(&str, &str); 15] = [
        (
            "package name at the start",
            "줄이 패키지 이름으로 시작하지 않습니다",
        ),
        ("RIGHT_BRACKET", "`[`를 닫는 `]`가 없습니다"),
        ("RIGHT_PARENTHESIS", "`(`를 닫는 `)`가 없습니다"),
        (
            "comma between extra names",
            "extra 이름 사이에는 쉼표가 필요합니다",
        ),
        ("extra name after comma", "쉼표 뒤에 extra 이름이 없습니다"),
        ("URL after @", "`@` 뒤에 URL이 없습니다"),
        (
            "Invalid quoted string",
            "따옴표로 감싼 값이 닫히지 않았습니다",
        ),
        (
            "marker operator",
            "마커 조건에 비교 연산자(`==`, `>=`, `in` 등)가 없습니다",
        ),
        (
            "marker variable or quoted string",
            "마커 조건에 변수(`python_version` 등)나 따옴표로 감싼 값이 없습니다",
        ),
        (
            ".* suffix",
            "`.*`는 `==`나 `!=` 뒤의 평범한 버전에만 붙일 수 있습니다",
        ),
        (
            "Local version label",
            "로컬 버전(`+...`)은 `==`나 `!=`와만 쓸 수 있습니다",
        ),
        (
            "after name with no version specifier",
            "이름 뒤에 읽을 수 없는 글자가 있습니다",
        ),
        (
            "version specifier",
            "버전 조건 뒤에 읽을 수 없는 글자가 있습니다",
        ),
        (
            "end of dependency specifier",
            "요구사항 뒤에 읽을 수 없는 글자가 있습니다",
        ),
        (
            "end of marker expression",
            "마커 조건 뒤에 읽을 수 없는 글자가 있습니다",
        ),
    ];
    TABLE
        .iter()
        .find(|(en, _)| reason.contains(en))
        .map_or("pip이 이 줄을 읽지 못합니다", |(_, ko)| ko)
}
