//! YAML with locations: every error names the file, line and column, so a learner or an
//! author can go straight to it. Used for course files, answer files and `.course/` state.

use anyhow::Result;

use crate::exit::usage_tr;

pub mod explain;
#[cfg(test)]
pub(crate) mod fuzz;

/// Parse YAML text, naming `shown_path` (and the line and column) in any error, explained
/// as for an answer file ([`explain::explain`]: the unclosed bracket where it was opened, a
/// Korean explanation first with libyaml's English after it).
pub fn parse_str<T: serde::de::DeserializeOwned>(text: &str, shown_path: &str) -> Result<T> {
    from_str_bounded(text).map_err(|e| {
        let location = e.location().map(|_| {
            let explained = explain::explain(text, &e);
            (explained.line, explained.column, explained.what)
        });
        let message = match location {
            Some((line, column, what)) => crate::tr!(
                "{shown_path}:{line}:{column}: {what}",
                "{shown_path}:{line}:{column}: {what}";
                what = what
            ),
            None => {
                let reason = e.reason();
                let ko = explain::korean(&reason);
                crate::tr!("{shown_path}: {reason}", "{shown_path}: {ko} ({reason})")
            }
        };
        usage_tr(message)
    })
}

/// More `[` and `{` open at once than this and the text is refused before it is parsed.
///
/// libyaml (under serde_yaml) keeps one entry per open flow collection and walks them all
/// for every token, so 250,000 nested `{a: ` (1 MiB) took minutes; serde_yaml's own limit
/// (128 levels) applies only after the whole nest has been scanned. The count here ignores
/// quotes and comments on purpose: a lexer that misreads a quote could be led to miss a
/// nest, a plain count cannot, and an honest file never leaves 128 brackets open.
pub const MAX_OPEN_BRACKETS: usize = 128;

/// Where the text first holds more than [`MAX_OPEN_BRACKETS`] open brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooDeep {
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for TooDeep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "more than {MAX_OPEN_BRACKETS} `[` and `{{` open at once (nested too deep); course reads no deeper"
        )
    }
}

/// Check that `text` never has more than [`MAX_OPEN_BRACKETS`] brackets open: one pass,
/// no allocation, before any YAML parser sees the text.
pub fn check_nesting(text: &str) -> Result<(), TooDeep> {
    let (mut open, mut line, mut column) = (0usize, 1u32, 0u32);
    for c in text.chars() {
        column = column.saturating_add(1);
        match c {
            '\n' => {
                line = line.saturating_add(1);
                column = 0;
            }
            '[' | '{' => {
                open += 1;
                if open > MAX_OPEN_BRACKETS {
                    return Err(TooDeep { line, column });
                }
            }
            ']' | '}' => open = open.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// `serde_yaml::from_str` behind [`check_nesting`], for text from a workspace.
pub fn from_str_bounded<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    check_nesting(text).map_err(Error::TooDeep)?;
    serde_yaml::from_str(text).map_err(Error::Yaml)
}

/// Why YAML text was not read.
#[derive(Debug)]
pub enum Error {
    TooDeep(TooDeep),
    Yaml(serde_yaml::Error),
}

impl Error {
    /// 1-based line and column, where known.
    pub fn location(&self) -> Option<(u32, u32)> {
        match self {
            Error::TooDeep(t) => Some((t.line, t.column)),
            Error::Yaml(e) => e.location().map(|l| (l.line() as u32, l.column() as u32)),
        }
    }

    /// Refused by [`check_nesting`] before parsing.
    pub fn is_too_deep(&self) -> bool {
        matches!(self, Error::TooDeep(_))
    }

    /// What is wrong, without the location serde_yaml appends (it is shown in front).
    pub fn reason(&self) -> String {
        match self {
            Error::TooDeep(t) => t.to_string(),
            Error::Yaml(e) => {
                let message = e.to_string();
                message
                    .split_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m)
                    .to_string()
            }
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_brackets_are_refused_where_they_get_too_deep() {
        let deep = format!("a: 1\nb: {}", "{a: ".repeat(250_000));
        let e = check_nesting(&deep).unwrap_err();
        assert_eq!((e.line, e.column), (2, 4 + 4 * MAX_OPEN_BRACKETS as u32));
        let e = from_str_bounded::<serde_yaml::Value>(&"[".repeat(100_000)).unwrap_err();
        assert_eq!(e.location(), Some((1, 129)));
        assert!(e.reason().contains("nested too deep"), "{e}");
    }

    #[test]
    fn honest_yaml_passes_through() {
        let text = "lr: [0.1, 0.01]\nmodel: {name: \"[x]\", layers: [[1, 2], [3]]}\n";
        assert!(check_nesting(text).is_ok());
        let v: serde_yaml::Value = from_str_bounded(text).unwrap();
        assert_eq!(v["model"]["name"].as_str(), Some("[x]"));
        let nest = format!("{}1{}", "[".repeat(100), "]".repeat(100));
        assert!(check_nesting(&nest.repeat(50)).is_ok());
        let e = from_str_bounded::<serde_yaml::Value>("a: [1\n").unwrap_err();
        assert!(matches!(e, Error::Yaml(_)));
        assert!(!e.reason().contains(" at line "), "{e}");
    }
}
