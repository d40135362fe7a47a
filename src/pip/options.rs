//! The options of a requirements-file line as pip 26 reads them: the words after the
//! requirement split by `shlex`, then pip's `optparse` parser with the options a requirements
//! file allows (`SUPPORTED_OPTIONS + SUPPORTED_OPTIONS_REQ`), abbreviations of long names,
//! short options glued to their value, and the checks pip's callbacks make on a value.

use super::requirements_txt::OptionError;

/// An option pip accepts in a requirements file: long names, short name, takes a value, and
/// how pip's callback checks the value.
struct Opt {
    long: &'static [&'static str],
    short: Option<char>,
    value: bool,
    check: Check,
}

#[derive(Clone, Copy)]
enum Check {
    None,
    /// `--hash=algo:digest` with a strong algorithm.
    Hash,
    /// `-C KEY=VAL`.
    KeyVal,
    /// `--no-binary`/`--only-binary`/`--all-releases`/`--only-final`: not `-...`.
    NotDash,
    /// `--use-feature`: one of pip's features.
    Feature,
}

const fn opt(long: &'static [&'static str], short: Option<char>, value: bool, check: Check) -> Opt {
    Opt {
        long,
        short,
        value,
        check,
    }
}

/// pip 26's `SUPPORTED_OPTIONS + SUPPORTED_OPTIONS_REQ`, in its order.
const OPTIONS: &[Opt] = &[
    opt(&["index-url", "pypi-url"], Some('i'), true, Check::None),
    opt(&["extra-index-url"], None, true, Check::None),
    opt(&["no-index"], None, false, Check::None),
    opt(&["constraint"], Some('c'), true, Check::None),
    opt(&["requirement"], Some('r'), true, Check::None),
    opt(&["editable"], Some('e'), true, Check::None),
    opt(&["find-links"], Some('f'), true, Check::None),
    opt(&["no-binary"], None, true, Check::NotDash),
    opt(&["only-binary"], None, true, Check::NotDash),
    opt(&["prefer-binary"], None, false, Check::None),
    opt(&["require-hashes"], None, false, Check::None),
    opt(&["no-require-hashes"], None, false, Check::None),
    opt(&["pre"], None, false, Check::None),
    opt(&["all-releases"], None, true, Check::NotDash),
    opt(&["only-final"], None, true, Check::NotDash),
    opt(&["trusted-host"], None, true, Check::None),
    opt(&["use-feature"], None, true, Check::Feature),
    opt(&["hash"], None, true, Check::Hash),
    opt(&["config-settings"], Some('C'), true, Check::KeyVal),
];

const FEATURES: &[&str] = &[
    "fast-deps",
    "inprocess-build-deps",
    "venv-isolation",
    "truststore",
    "no-binary-enable-wheel-cache",
    "build-constraint",
];

/// `shlex.split` (POSIX mode, no comments): quotes, backslash escapes.
pub(super) fn shlex_split(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\r' | '\n' => words.extend(word.take()),
            '\\' => match chars.next() {
                Some(e) => word.get_or_insert_with(String::new).push(e),
                None => return Err("No escaped character".into()),
            },
            '\'' | '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        None => return Err("No closing quotation".into()),
                        Some(q) if q == c => break,
                        Some('\\') if c == '"' => match chars.next() {
                            Some(e @ ('"' | '\\')) => w.push(e),
                            Some(e) => {
                                w.push('\\');
                                w.push(e);
                            }
                            None => return Err("No closing quotation".into()),
                        },
                        Some(o) => w.push(o),
                    }
                }
            }
            _ => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

fn check_value(opt: &Opt, shown: &str, value: &str) -> Result<(), OptionError> {
    match opt.check {
        Check::None => Ok(()),
        Check::Hash => match value.split_once(':') {
            None => Err(OptionError::BadValue(format!(
                "Arguments to {shown} must be a hash name followed by a value, like --hash=sha256:abcde..."
            ))),
            Some((algo, _)) if !["sha256", "sha384", "sha512"].contains(&algo) => Err(OptionError::BadValue(format!(
                "Allowed hash algorithms for {shown} are sha256, sha384, sha512."
            ))),
            Some(_) => Ok(()),
        },
        Check::KeyVal if !value.contains('=') => {
            Err(OptionError::BadValue(format!("Arguments to {shown} must be of the form KEY=VAL")))
        }
        Check::NotDash if value.starts_with('-') => {
            Err(OptionError::Value(format!("{shown} option requires 1 argument.")))
        }
        Check::Feature if !FEATURES.contains(&value) => Err(OptionError::BadValue(format!(
            "option {shown}: invalid choice: '{value}' (choose from {})",
            FEATURES.join(", ")
        ))),
        _ => Ok(()),
    }
}

/// An option `optparse` read: its long name and the words it took, as written.
pub(super) struct Seen {
    pub(super) long: &'static str,
    pub(super) written: String,
    /// The value it took (empty for an option that takes none): `other.txt` of `-r other.txt`.
    pub(super) value: String,
}

/// Does `word` start an option pip accepts in a requirements file, and does it take the next
/// word as its value? `Some(true)` for `-f` and `--index-url`, `Some(false)` for `--pre`,
/// `-fURL` and `--index-url=URL`, `None` for anything else (`-U`, `--user`, a package).
pub fn file_option(word: &str) -> Option<bool> {
    if let Some(long) = word.strip_prefix("--") {
        let (name, inline) = match long.split_once('=') {
            Some((n, _)) => (n, true),
            None => (long, false),
        };
        let opt = OPTIONS.iter().find(|o| o.long.contains(&name))?;
        return Some(opt.value && !inline);
    }
    let mut chars = word.strip_prefix('-')?.chars();
    let short = Some(chars.next()?);
    let opt = OPTIONS.iter().find(|o| o.short == short)?;
    Some(opt.value && chars.as_str().is_empty())
}

/// What `optparse` makes of the option words: the options seen and the `-e` values, or its
/// error.
pub(super) fn parse_options(words: Vec<String>) -> Result<(Vec<Seen>, Vec<String>), OptionError> {
    let mut seen = Vec::new();
    let mut editables = Vec::new();
    let mut rest = std::collections::VecDeque::from(words);
    while let Some(arg) = rest.pop_front() {
        if arg == "--" {
            break;
        }
        let mut found: Vec<(&Opt, String)> = Vec::new();
        let mut written = arg.clone();
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let exact = OPTIONS.iter().find(|o| o.long.contains(&name));
            let matches: Vec<(&Opt, &str)> = OPTIONS
                .iter()
                .flat_map(|o| o.long.iter().map(move |l| (o, *l)))
                .filter(|(_, l)| l.starts_with(name))
                .collect();
            let opt = match (exact, matches.len()) {
                (Some(o), _) => o,
                (None, 1) => matches[0].0,
                (None, 0) => return Err(OptionError::Unknown(format!("no such option: --{name}"))),
                (None, _) => {
                    let all: Vec<String> = matches.iter().map(|(_, l)| format!("--{l}")).collect();
                    return Err(OptionError::Unknown(format!(
                        "ambiguous option: --{name} ({}?)",
                        all.join(", ")
                    )));
                }
            };
            let shown = format!("--{}", opt.long[0]);
            let value = match (opt.value, inline) {
                (true, Some(v)) => v,
                (true, None) => {
                    let v = rest.pop_front().ok_or_else(|| {
                        OptionError::Value(format!("{shown} option requires 1 argument"))
                    })?;
                    written = format!("{arg} {v}");
                    v
                }
                (false, Some(_)) => {
                    return Err(OptionError::Value(format!(
                        "{shown} option does not take a value"
                    )))
                }
                (false, None) => String::new(),
            };
            found.push((opt, value));
        } else if arg.len() > 1 && arg.starts_with('-') {
            for (i, ch) in arg.char_indices().skip(1) {
                let Some(opt) = OPTIONS.iter().find(|o| o.short == Some(ch)) else {
                    return Err(OptionError::Unknown(format!("no such option: -{ch}")));
                };
                let tail = &arg[i + ch.len_utf8()..];
                if !opt.value {
                    found.push((opt, String::new()));
                    continue;
                }
                let value = if tail.is_empty() {
                    let v = rest.pop_front().ok_or_else(|| {
                        OptionError::Value(format!("-{ch} option requires 1 argument"))
                    })?;
                    written = format!("{arg} {v}");
                    v
                } else {
                    tail.to_string()
                };
                found.push((opt, value));
                break;
            }
        } else {
            continue; // a positional word: optparse collects it, pip ignores it
        }
        for (opt, value) in found {
            let shown = match opt.short {
                Some(s) if !arg.starts_with("--") => format!("-{s}"),
                _ => format!("--{}", opt.long[0]),
            };
            check_value(opt, &shown, &value)?;
            if opt.long[0] == "editable" {
                editables.push(value.clone());
            }
            seen.push(Seen {
                long: opt.long[0],
                written: written.clone(),
                value,
            });
        }
    }
    Ok((seen, editables))
}
