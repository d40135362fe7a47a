//! Lines copied from an install command (issue 9). PyTorch's install page gives
//! `pip3 install torch torchvision --index-url https://download.pytorch.org/whl/cpu`, and a
//! learner pastes it, or the part after `install`, into `requirements.txt`. pip (26.3)
//! refuses the command and several packages on one line, and it reads an option after a
//! requirement but does not apply it there (only `--hash` and `--config-settings` count on a
//! requirement's line), so `torch==2.5.1+cpu -f https://...` looks for the `+cpu` build on
//! PyPI alone and fails. Each fix shows the learner's own packages one per line, with the
//! options on lines of their own above them, where pip applies them to the whole file.

use crate::checks::{Code, Finding};
use crate::pip::pep508::{canonical_name, parse_requirement};
use crate::pip::requirements_txt::{file_option, Line};
use crate::tr;

/// The words after `install` in `pip install ...`, `pip3 install`, `python -m pip install`
/// (also `python3`, `py`), as pasted from a prompt (`$ `) or a notebook (`!`, `%`).
fn install_words(content: &str) -> Option<Vec<&str>> {
    let mut words: Vec<&str> = content.split_whitespace().collect();
    if words.first() == Some(&"$") {
        words.remove(0);
    }
    let first = words.first_mut()?;
    *first = first.trim_start_matches(['$', '!', '%']);
    let is_python = |w: &str| {
        w == "py"
            || w.strip_prefix("python")
                .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
    };
    let mut at = 0;
    if words.len() > 2 && is_python(words[0]) && words[1] == "-m" {
        at = 2;
    }
    let pip = words.get(at)?;
    let is_pip = pip
        .strip_prefix("pip")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'));
    (is_pip && words.get(at + 1) == Some(&"install")).then(|| words.split_off(at + 2))
}

/// The lines a requirements file holds for these words: option lines (with their values),
/// package lines, and the command's options that have no place in a file (`-U`, `--user`).
struct Lines {
    options: Vec<String>,
    packages: Vec<String>,
    dropped: Vec<String>,
}

fn lines_for(words: &[&str]) -> Lines {
    let mut out = Lines {
        options: Vec::new(),
        packages: Vec::new(),
        dropped: Vec::new(),
    };
    let mut words = words.iter();
    while let Some(&word) = words.next() {
        if !word.starts_with('-') {
            // zsh and the lessons quote a specifier: `"transformers>=4.30"`.
            out.packages
                .push(word.trim_matches(['"', '\'']).to_string());
            continue;
        }
        match file_option(word) {
            Some(true) => match words.next() {
                Some(value) => out.options.push(format!("{word} {value}")),
                None => out.options.push(word.to_string()),
            },
            Some(false) => out.options.push(word.to_string()),
            None => out.dropped.push(word.to_string()),
        }
    }
    out
}

/// The file's lines for `lines`, indented for a hint: options first, then each package with
/// a comment to fill in.
fn example(lines: &Lines) -> String {
    lines
        .options
        .iter()
        .cloned()
        .chain(lines.packages.iter().map(|p| format!("{p}  # ...")))
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Several requirements on one line (`torch torchvision --index-url ...`): every word that
/// is not an option is a whole requirement on its own.
fn several(content: &str) -> Option<Lines> {
    let words: Vec<&str> = content.split_whitespace().collect();
    let lines = lines_for(&words);
    let all_parse = lines
        .packages
        .iter()
        .all(|p| parse_requirement(p).is_ok_and(|r| r.url.is_none()));
    (lines.packages.len() >= 2 && all_parse).then_some(lines)
}

/// The finding for a line pip refuses that is an install command or several packages, or
/// `None` for any other line.
pub(super) fn refused(content: &str) -> Option<Finding> {
    if let Some(words) = install_words(content) {
        let lines = lines_for(&words);
        let fix = example(&lines);
        let dropped = lines.dropped.join(" ");
        let hint = if dropped.is_empty() {
            tr!(
                "write what follows `install` one package per line, each with what it does for the project in place of `...`, and each option on a line of its own above them (pip then uses it for the whole file):\n{fix}",
                "`install` 뒤의 내용을 한 줄에 패키지 하나씩, `...` 자리에 프로젝트에서 하는 일을 적어 쓰고, 옵션은 그 위에 한 줄씩 따로 쓰십시오(그러면 pip이 파일 전체에 적용합니다):\n{fix}"
            )
        } else {
            tr!(
                "write what follows `install` one package per line, each with what it does for the project in place of `...`, and each option on a line of its own above them (`{dropped}` belongs to the command only):\n{fix}",
                "`install` 뒤의 내용을 한 줄에 패키지 하나씩, `...` 자리에 프로젝트에서 하는 일을 적어 쓰고, 옵션은 그 위에 한 줄씩 따로 쓰십시오(`{dropped}`은(는) 명령에만 쓰는 옵션입니다):\n{fix}"
            )
        };
        return Some(
            Finding::fail(
                Code::RequirementsInstallCommand,
                tr!(
                    "`{content}` is an install command, not a requirement: pip refuses the line",
                    "`{content}`은(는) 요구사항이 아니라 설치 명령입니다. pip은 이 줄을 거부합니다"
                ),
            )
            .hint(hint),
        );
    }
    let lines = several(content)?;
    let count = lines.packages.len();
    let fix = example(&lines);
    Some(
        Finding::fail(
            Code::RequirementsInvalid,
            tr!(
                "`{content}` holds {count} packages on one line: pip reads one requirement per line and refuses it",
                "`{content}` 한 줄에 패키지가 {count}개 있습니다. pip은 한 줄에서 요구사항 하나만 읽으므로 이 줄을 거부합니다"
            ),
        )
        .hint(tr!(
            "one package per line, each with what it does for the project in place of `...`, and each option on a line of its own above them:\n{fix}",
            "한 줄에 패키지 하나씩, `...` 자리에 프로젝트에서 하는 일을 적어 쓰고, 옵션은 그 위에 한 줄씩 따로 쓰십시오:\n{fix}"
        )),
    )
}

/// The packages a refused command or several-package line means (so that `torch` in
/// `pip install torch` counts as listed), or `None` for any other line.
pub(super) fn meant_names(content: &str) -> Option<Vec<String>> {
    let lines = match install_words(content) {
        Some(words) => lines_for(&words),
        None => several(content)?,
    };
    let names = lines
        .packages
        .iter()
        .filter_map(|p| parse_requirement(p).ok())
        .map(|r| canonical_name(&r.name))
        .collect();
    Some(names)
}

/// A requirement followed on its line by options pip reads and does not apply there.
pub(super) fn option_ignored(file: &str, l: &Line, text: &str, ignored: &[String]) -> Finding {
    let options = ignored.join(" ");
    let fixed_options: String = ignored.iter().map(|o| format!("  {o}\n")).collect();
    let comment = l
        .comment
        .as_deref()
        .map_or(String::new(), |c| format!("  {c}"));
    let fix = format!("{fixed_options}  {text}{comment}");
    let name = super::invalid::name_prefix(text);
    Finding::fail(
        Code::RequirementsOptionIgnored,
        tr!(
            "pip reads `{options}` after `{text}` but does not use it there (on a requirement's line only `--hash` and `--config-settings` count), so `{name}` is looked for without it",
            "pip은 `{text}` 뒤의 `{options}`을(를) 읽기만 하고 쓰지 않습니다(요구사항 줄에서는 `--hash`와 `--config-settings`만 쓰입니다). 그래서 `{name}`을(를) 그 옵션 없이 찾습니다"
        ),
    )
    .file(file)
    .line(l.number)
    .hint(tr!(
        "put the option on a line of its own above the requirements (pip then uses it for the whole file):\n{fix}",
        "옵션을 요구사항 위의 별도 줄로 옮기십시오(그러면 pip이 파일 전체에 적용합니다):\n{fix}"
    ))
}
