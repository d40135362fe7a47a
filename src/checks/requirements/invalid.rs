//! Findings for lines pip refuses, one code per reason, and the teaching nudge for a bare URL
//! (pip reads it; the exercise asks for `name @ url` so that the name is written).

use crate::checks::{Code, Finding};
use crate::pip::link::{parse_line_requirement, Parsed, ReqError};
use crate::pip::pep508::canonical_name;
use crate::pip::requirements_txt::{LineError, OptionError};
use crate::tr;

/// A guess at the package name at the start of a broken requirement, for the example.
pub fn name_prefix(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect::<String>()
        .trim_end_matches(['.', '-', '_'])
        .to_string()
}

/// The package and marker a line pip refuses was meant to name, where that is certain enough
/// to compare with the other lines (a duplicate stays a duplicate after the fix): the line
/// with its glued comment taken off (`numpy>=1.24.0#배열`) or its single `=` made `==`, else
/// the name it starts with. `None` when it cannot be told (an option, a URL, a marker).
pub fn meant(content: &str) -> Option<(String, String)> {
    // A marker (`;`) anywhere makes the line's meaning a guess: another marker is another
    // line to pip, not a duplicate.
    if content.starts_with('-') || content.contains("://") || content.contains(';') {
        return None;
    }
    let glued = content
        .find('#')
        .map(|at| content[..at].trim_end().to_string());
    let reversed = reversed_operator_fixed(content).map(|(fixed, ..)| fixed);
    let fixes = glued
        .into_iter()
        .chain(reversed)
        .chain(single_equals_fixed(content));
    for fixed in fixes {
        if let Ok(Parsed {
            name: Some(name),
            marker,
            ..
        }) = parse_line_requirement(&fixed)
        {
            return Some((name, marker));
        }
    }
    let prefix = name_prefix(content);
    (!prefix.is_empty() && !content.contains('@')).then(|| (canonical_name(&prefix), String::new()))
}

/// `name=1.0` with a single `=` (a common slip for `==`), corrected; else `None`. A reversed
/// `=>`/`=<` is not a single `=`: see [`reversed_operator_fixed`].
pub fn single_equals_fixed(args: &str) -> Option<String> {
    let (name, version) = args.split_once('=')?;
    if version.starts_with(['>', '<']) {
        return None;
    }
    let ok_name = !name.is_empty()
        && name
            .trim()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '[' | ']' | ','));
    let plain_version = !version.is_empty() && !version.starts_with('=') && !version.contains('=');
    (ok_name && plain_version).then(|| format!("{}=={}", name.trim(), version.trim()))
}

/// `name=>4` / `name=<4`: the operator written backwards (it means `>=` / `<=`), corrected;
/// else `None`. Without this the single-`=` fix made it `name==>4`, which pip refuses too.
pub fn reversed_operator_fixed(args: &str) -> Option<(String, &'static str, &'static str)> {
    let (name, rest) = args.split_once('=')?;
    let (wrong, right, version) = if let Some(v) = rest.strip_prefix('>') {
        ("=>", ">=", v)
    } else {
        ("=<", "<=", rest.strip_prefix('<')?)
    };
    let ok_name = !name.trim().is_empty()
        && name
            .trim()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '[' | ']' | ','));
    let version = version.trim();
    let plain_version = !version.is_empty() && !version.contains(['=', '<', '>']);
    (ok_name && plain_version).then(|| (format!("{}{right}{version}", name.trim()), wrong, right))
}

const OPTIONS_HINT_EN: &str = "options allowed in a requirements file: -r/--requirement, -c/--constraint, -e/--editable, -i/--index-url, --extra-index-url, -f/--find-links, --no-index, --pre, --trusted-host, --only-binary, --no-binary, --prefer-binary, --require-hashes, and after a requirement --hash=sha256:...; otherwise write a package, e.g. `numpy>=1.24`";
const OPTIONS_HINT_KO: &str = "requirements 파일에 쓸 수 있는 옵션: -r/--requirement, -c/--constraint, -e/--editable, -i/--index-url, --extra-index-url, -f/--find-links, --no-index, --pre, --trusted-host, --only-binary, --no-binary, --prefer-binary, --require-hashes, 요구사항 뒤에는 --hash=sha256:.... 아니면 `numpy>=1.24`처럼 패키지를 쓰십시오";

/// The finding for a line pip refuses (`content` is the line without its comment).
pub fn finding(file: &str, line: u32, content: &str, error: &LineError) -> Finding {
    // A pasted `pip install ...` or several packages: whatever pip's reason, say that.
    if let Some(f) = super::command::refused(content) {
        return f.file(file).line(line);
    }
    let f = match error {
        LineError::Option(e) => option_finding(content, e),
        LineError::Requirement(e) => requirement_finding(content, e),
    };
    f.file(file).line(line)
}

fn option_finding(content: &str, error: &OptionError) -> Finding {
    let why = error.message().to_string();
    let ko = match error {
        OptionError::Unknown(_) => "pip이 모르는 옵션입니다",
        OptionError::Value(_) => {
            "옵션에 있어야 할 값이 없거나, 값을 받지 않는 옵션에 값이 있습니다"
        }
        OptionError::BadValue(_) => "pip이 옵션의 값을 받아들이지 않습니다",
        OptionError::Quoting(_) => "따옴표가 닫히지 않았습니다",
    };
    let (code, hint) = match error {
        OptionError::Unknown(_) => (
            Code::RequirementsUnknownOption,
            tr!("{OPTIONS_HINT_EN}", "{OPTIONS_HINT_KO}"),
        ),
        OptionError::Value(_) => (
            Code::RequirementsOptionNeedsValue,
            tr!(
                "write the value right after the option, e.g. `-r other-requirements.txt` or `--index-url https://download.pytorch.org/whl/cu121`",
                "옵션 바로 뒤에 값을 쓰십시오. 예: `-r other-requirements.txt`, `--index-url https://download.pytorch.org/whl/cu121`"
            ),
        ),
        OptionError::BadValue(_) | OptionError::Quoting(_) => (
            Code::RequirementsOptionBadValue,
            tr!(
                "fix the value as pip's message says (a hash is `--hash=sha256:<hex>`; quotes must close)",
                "pip의 메시지대로 값을 고치십시오 (해시는 `--hash=sha256:<16진수>`, 따옴표는 닫아야 합니다)"
            ),
        ),
    };
    Finding::fail(
        code,
        tr!(
            "pip refuses `{content}`: {why}",
            "pip이 `{content}` 줄을 거부합니다: {ko} ({why})"
        ),
    )
    .hint(hint)
}

fn requirement_finding(content: &str, error: &ReqError) -> Finding {
    match error {
        ReqError::Syntax(e) if e.too_deep => {
            let depth = crate::pip::pep508::MAX_MARKER_DEPTH;
            Finding::fail(
                Code::RequirementsMarkerTooDeep,
                tr!(
                    "the marker on this line nests parentheses more than {depth} deep; it is not read further",
                    "이 줄의 마커는 괄호가 {depth}단계보다 깊게 중첩되어 더 읽지 않습니다"
                ),
            )
            .hint(tr!(
                "write the condition flat, e.g. `numpy; python_version >= \"3.8\" and sys_platform == \"linux\"`",
                "조건을 평평하게 쓰십시오. 예: `numpy; python_version >= \"3.8\" and sys_platform == \"linux\"`"
            ))
        }
        ReqError::Syntax(e) => syntax_finding(content, e),
        ReqError::BadUrl(why) => Finding::fail(
            Code::RequirementsInvalid,
            tr!(
                "pip refuses `{content}`: {why}",
                "pip이 `{content}` 줄을 거부합니다: URL이 올바르지 않습니다 ({why})"
            ),
        )
        .hint(tr!(
            "check the URL: a host in brackets must be an IPv6 address, and a `file:` URL names no other host (`file:///path/to/pkg.tar.gz`)",
            "URL을 확인하십시오: 대괄호 안의 호스트는 IPv6 주소여야 하고, `file:` URL에는 다른 호스트를 쓰지 않습니다(`file:///path/to/pkg.tar.gz`)"
        )),
        ReqError::EggFragment(egg) => Finding::fail(
            Code::RequirementsEggFragment,
            tr!(
                "pip refuses `#egg={egg}`: after `#egg=` comes a project name only (a version there is not allowed)",
                "pip은 `#egg={egg}`을(를) 거부합니다: `#egg=` 뒤에는 프로젝트 이름만 옵니다 (버전은 쓸 수 없습니다)"
            ),
        )
        .hint(tr!(
            "name the package before the URL instead: `name @ git+https://...@tag`; the tag or commit after `@` pins the version",
            "URL 앞에 패키지 이름을 쓰십시오: `이름 @ git+https://...@태그`. 버전은 `@` 뒤의 태그나 커밋으로 고정합니다"
        )),
        ReqError::EditableWithoutName => Finding::fail(
            Code::RequirementsEditableWithoutName,
            tr!(
                "pip cannot tell which package `{content}` installs: an `-e` URL needs `#egg=name`",
                "pip은 `{content}`이(가) 어떤 패키지를 설치하는지 알 수 없습니다: `-e` URL에는 `#egg=이름`이 필요합니다"
            ),
        )
        .hint(tr!(
            "end the URL with `#egg=<package name>` (the name only, no version), e.g. `-e git+https://github.com/org/pkg.git@v1.0#egg=pkg`",
            "URL 끝에 `#egg=<패키지 이름>`을 붙이십시오(이름만, 버전 없이). 예: `-e git+https://github.com/org/pkg.git@v1.0#egg=pkg`"
        )),
        ReqError::NotEditable => Finding::fail(
            Code::RequirementsNotEditable,
            tr!(
                "pip refuses `{content}`: `-e` takes a local project folder or a VCS URL (`git+https://...`)",
                "pip이 `{content}` 줄을 거부합니다: `-e` 뒤에는 로컬 프로젝트 폴더나 VCS URL(`git+https://...`)이 옵니다"
            ),
        )
        .hint(tr!(
            "drop `-e` to install a package normally, or point it at a folder (`-e .`) or a repository (`-e git+https://github.com/org/pkg.git#egg=pkg`)",
            "보통 설치라면 `-e`를 빼고, 아니면 폴더(`-e .`)나 저장소(`-e git+https://github.com/org/pkg.git#egg=pkg`)를 가리키십시오"
        )),
        ReqError::WheelName(file_name) => Finding::fail(
            Code::RequirementsWheelName,
            tr!(
                "pip refuses `{content}`: `{file_name}` is not a wheel file name (`name-version-python-abi-platform.whl`)",
                "pip이 `{content}` 줄을 거부합니다: `{file_name}`은(는) 휠 파일 이름(`이름-버전-Python-ABI-플랫폼.whl`)이 아닙니다"
            ),
        )
        .hint(tr!(
            "use the wheel's file name exactly as it was built, or the package's name and version (`pkg==1.0`)",
            "빌드된 휠 파일 이름을 그대로 쓰거나, 패키지 이름과 버전(`pkg==1.0`)으로 쓰십시오"
        )),
    }
}

/// A line pip cannot parse: a backwards `=>`/`=<` or a single `=` get their own fix, any other
/// slip pip's reason explained.
fn syntax_finding(content: &str, e: &crate::pip::pep508::SyntaxError) -> Finding {
    if let Some((fixed, wrong, right)) = reversed_operator_fixed(content) {
        // `opencv_python=>4`: the operator is `>=`, written backwards.
        let message = tr!(
            "`{content}` is not a valid requirement: `{wrong}` is written `{right}`",
            "`{content}`은(는) 올바른 요구사항이 아닙니다: `{wrong}`은(는) `{right}`(으)로 씁니다"
        );
        let hint = tr!(
            "write the comparison first: `{fixed}`",
            "비교 기호를 앞에 쓰십시오: `{fixed}`"
        );
        return Finding::fail(Code::RequirementsInvalid, message).hint(hint);
    }
    let (message, hint) = match single_equals_fixed(content) {
        // `pillow=9.0`: pip's exact pin is `==`.
        Some(fixed) => {
            let reason = &e.message;
            (
                tr!(
                    "`{content}` is not a valid requirement ({reason})",
                    "`{content}`은(는) 올바른 요구사항이 아닙니다: `=` 하나로는 버전을 쓸 수 없습니다 ({reason})"
                ),
                tr!(
                    "an exact version is written with `==`: `{fixed}` (or `>=` for a minimum)",
                    "정확한 버전은 `==`로 씁니다: `{fixed}` (최소 버전은 `>=`)"
                ),
            )
        }
        None => super::explain::syntax(content, e),
    };
    Finding::fail(Code::RequirementsInvalid, message).hint(hint)
}

/// The teaching nudge for a URL on its own: pip reads it, but the name is not written.
pub fn bare_url(file: &str, line: u32, text: &str, name: Option<&str>, marker: &str) -> Finding {
    let url = text.split("; ").next().unwrap_or(text).trim();
    let name = name.unwrap_or("<name>");
    // PEP 508 wants white space between the URL and `;`.
    let example = if marker.is_empty() {
        format!("{name} @ {url}")
    } else {
        format!("{name} @ {url} ; {marker}")
    };
    Finding::fail(
        Code::RequirementsBareUrl,
        tr!(
            "pip reads `{url}`, but the line does not say which package it is",
            "pip은 `{url}`을(를) 읽지만, 어떤 패키지인지 줄에 적혀 있지 않습니다"
        ),
    )
    .file(file)
    .line(line)
    .hint(tr!(
        "write the name before the URL (PEP 508), so that readers and tools see it: `{example}`",
        "URL 앞에 패키지 이름을 쓰십시오(PEP 508). 읽는 사람과 도구가 이름을 알 수 있습니다: `{example}`"
    ))
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
        assert_eq!(single_equals_fixed("opencv_python=>4"), None);
        assert_eq!(
            reversed_operator_fixed("opencv_python=<4").map(|(fixed, ..)| fixed),
            Some("opencv_python<=4".to_string())
        );
    }
}
