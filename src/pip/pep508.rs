//! PEP 508 dependency specifiers, parsed as pip 26 parses them (its vendored `packaging`
//! 26.3: `_tokenizer.py` and `_parser.py`), token for token, with the same verdict on every
//! input: `numpy. x` is "expected end" (not a panic), `6.*` and `torch.*` are invalid names.
//!
//! Pure and bounded: no I/O, no allocation beyond the result, time linear in the input (each
//! token is matched once, an identifier backtracks only over its own characters), and marker
//! nesting limited to [`MAX_MARKER_DEPTH`] levels (pip itself overflows Python's recursion
//! limit at about 490 levels; `pep508_rs` 0.9.2 overflowed the stack at 5,000).

use super::version::{local_label_len, specifier_len};

/// The deepest nesting of parentheses in a marker we read. pip accepts up to about 490 (its
/// recursion limit, less where pip's own stack is deeper); no hand-written marker needs more
/// than a few, and 400 frames of this parser fit any thread's stack.
pub const MAX_MARKER_DEPTH: usize = 400;

/// A requirement that parsed: its parts as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// The name as written (see [`canonical_name`]).
    pub name: String,
    pub extras: Vec<String>,
    /// The URL after `@`, if any.
    pub url: Option<String>,
    /// The version specifiers, commas kept, whitespace dropped (`>=1.0,<2`).
    pub specifier: String,
    /// The marker after `;`, as written.
    pub marker: Option<String>,
}

/// Why a specifier does not parse: packaging's message and the byte offset it points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub at: usize,
    /// The marker nests deeper than [`MAX_MARKER_DEPTH`].
    pub too_deep: bool,
}

/// PEP 503 normalisation, as packaging's `canonicalize_name`: lowercase, each run of `-_.`
/// becomes one `-` (also at the ends: `py_` is `py-`).
pub fn canonical_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_run = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !in_run {
                out.push('-');
            }
            in_run = true;
        } else {
            in_run = false;
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A valid project name: `^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$`, ignoring case.
pub fn is_valid_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

/// Python's `\w`: a letter, a digit or `_`.
pub(crate) fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Python's `str.isspace` (and `\s`): Unicode white space plus the separators U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Marker variables, longest spelling first where one is a prefix of another.
const VARIABLES: &[&str] = &[
    "python_version",
    "python_full_version",
    "os_name",
    "os.name",
    "sys_platform",
    "sys.platform",
    "platform_release",
    "platform_system",
    "platform_version",
    "platform.version",
    "platform_machine",
    "platform.machine",
    "platform_python_implementation",
    "platform.python_implementation",
    "python_implementation",
    "implementation_name",
    "implementation_version",
    "extras",
    "extra",
    "dependency_groups",
];

struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

type Res<T> = Result<T, SyntaxError>;

impl<'a> Tokenizer<'a> {
    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }
    fn prev_char(&self) -> Option<char> {
        self.src[..self.pos].chars().next_back()
    }
    fn char_at(&self, at: usize) -> Option<char> {
        self.src[at..].chars().next()
    }
    fn error<T>(&self, message: impl Into<String>) -> Res<T> {
        Err(SyntaxError {
            message: message.into(),
            at: self.pos,
            too_deep: false,
        })
    }
    fn expected<T>(&self, what: &str) -> Res<T> {
        self.error(format!("Expected {what}"))
    }
    /// `[ \t]+`
    fn ws(&mut self) {
        let n = self.rest().len() - self.rest().trim_start_matches([' ', '\t']).len();
        self.pos += n;
    }
    fn at_end(&self) -> bool {
        self.pos == self.src.len()
    }
    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }
    /// A word (`\bword\b`) at the current position, consumed when present.
    fn eat_word(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        if self.rest().starts_with(word)
            && !is_word(self.prev_char())
            && !is_word(self.char_at(end))
        {
            self.pos = end;
            true
        } else {
            false
        }
    }
    /// `\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b`, backtracking to the last word boundary as a regex would.
    fn identifier(&mut self) -> Option<&'a str> {
        let rest = self.rest().as_bytes();
        if rest.first().is_none_or(|c| !c.is_ascii_alphanumeric()) || is_word(self.prev_char()) {
            return None;
        }
        let run = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
            .count();
        let start = self.pos;
        (1..=run).rev().find_map(|len| {
            let end = start + len;
            let before = self.src[..end].chars().next_back();
            (is_word(before) != is_word(self.char_at(end))).then(|| {
                self.pos = end;
                &self.src[start..end]
            })
        })
    }

    fn requirement(&mut self) -> Res<Requirement> {
        self.ws();
        let Some(name) = self.identifier() else {
            return self.expected("package name at the start of dependency specifier");
        };
        self.ws();
        let extras = self.extras()?;
        self.ws();
        let (url, specifier, marker) = self.details()?;
        if !self.at_end() {
            return self.expected("end of dependency specifier");
        }
        Ok(Requirement {
            name: name.to_string(),
            extras,
            url,
            specifier,
            marker,
        })
    }

    fn details(&mut self) -> Res<(Option<String>, String, Option<String>)> {
        if self.eat("@") {
            self.ws();
            let len = self.rest().find([' ', '\t']).unwrap_or(self.rest().len());
            if len == 0 {
                return self.expected("URL after @");
            }
            let url = self.rest()[..len].to_string();
            self.pos += len;
            if self.at_end() {
                return Ok((Some(url), String::new(), None));
            }
            self.ws();
            if self.at_end() {
                return Ok((Some(url), String::new(), None));
            }
            let marker = self.requirement_marker("semicolon (after URL and whitespace)")?;
            return Ok((Some(url), String::new(), Some(marker)));
        }
        let specifier = self.specifier()?;
        self.ws();
        if self.at_end() {
            return Ok((None, specifier, None));
        }
        let expected = if specifier.is_empty() {
            "semicolon (after name with no version specifier)"
        } else {
            "comma (within version specifier), semicolon (after version specifier)"
        };
        let marker = self.requirement_marker(expected)?;
        Ok((None, specifier, Some(marker)))
    }

    fn requirement_marker(&mut self, expected: &str) -> Res<String> {
        if !self.eat(";") {
            return self.error(format!("Expected {expected} or end"));
        }
        let start = self.pos;
        self.marker()?;
        let text = self.src[start..self.pos].trim().to_string();
        self.ws();
        Ok(text)
    }

    fn extras(&mut self) -> Res<Vec<String>> {
        if !self.eat("[") {
            return Ok(Vec::new());
        }
        self.ws();
        let mut extras = Vec::new();
        if let Some(first) = self.identifier() {
            extras.push(first.to_string());
            loop {
                self.ws();
                if self.identifier().is_some() {
                    return self.error("Expected comma between extra names");
                }
                if !self.eat(",") {
                    break;
                }
                self.ws();
                match self.identifier() {
                    Some(extra) => extras.push(extra.to_string()),
                    None => return self.expected("extra name after comma"),
                }
            }
        }
        self.ws();
        if !self.eat("]") {
            return self.expected("matching RIGHT_BRACKET for LEFT_BRACKET, after extras");
        }
        Ok(extras)
    }

    fn specifier(&mut self) -> Res<String> {
        let paren = self.eat("(");
        self.ws();
        let mut out = String::new();
        while let Some(len) = specifier_len(self.rest()) {
            let spec = &self.rest()[..len];
            self.pos += len;
            out.extend(spec.chars().filter(|c| !is_py_space(*c)));
            if self.rest().starts_with(".*") {
                let exact =
                    spec.starts_with("!=") || (spec.starts_with("==") && !spec.starts_with("==="));
                return self.error(if exact {
                    ".* suffix cannot be used with pre-release, post-release, dev or local versions"
                } else {
                    ".* suffix can only be used with `==` or `!=` operators"
                });
            }
            if local_label_len(self.rest()) > 0 {
                return self
                    .error("Local version label can only be used with `==` or `!=` operators");
            }
            self.ws();
            if !self.eat(",") {
                break;
            }
            out.push(',');
            self.ws();
        }
        self.ws();
        if paren && !self.eat(")") {
            return self.expected(
                "matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
            );
        }
        Ok(out)
    }

    /// `marker = marker_atom (BOOLOP marker_atom)*`
    fn marker(&mut self) -> Res<()> {
        self.marker_atom()?;
        while self.eat_word("or") || self.eat_word("and") {
            self.marker_atom()?;
        }
        Ok(())
    }

    fn marker_atom(&mut self) -> Res<()> {
        self.ws();
        if self.eat("(") {
            self.depth += 1;
            if self.depth > MAX_MARKER_DEPTH {
                return Err(SyntaxError {
                    message: format!("marker nested more than {MAX_MARKER_DEPTH} parentheses deep"),
                    at: self.pos,
                    too_deep: true,
                });
            }
            self.ws();
            self.marker()?;
            self.ws();
            if !self.eat(")") {
                return self.expected(
                    "matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
                );
            }
            self.depth -= 1;
        } else {
            self.marker_item()?;
        }
        self.ws();
        Ok(())
    }

    fn marker_item(&mut self) -> Res<()> {
        self.ws();
        self.marker_var()?;
        self.ws();
        self.marker_op()?;
        self.ws();
        self.marker_var()?;
        self.ws();
        Ok(())
    }

    fn marker_var(&mut self) -> Res<()> {
        if VARIABLES.iter().any(|v| self.eat_word(v)) {
            return Ok(());
        }
        let quote = match self.rest().chars().next() {
            Some(q @ ('\'' | '"')) => q,
            _ => return self.expected("a marker variable or quoted string"),
        };
        let Some(len) = self.rest()[1..].find(quote) else {
            return self.expected("a marker variable or quoted string");
        };
        let body = &self.rest()[1..1 + len];
        if !valid_python_string(body, quote) {
            return self.error("Invalid quoted string");
        }
        self.pos += len + 2;
        Ok(())
    }

    fn marker_op(&mut self) -> Res<()> {
        if self.eat_word("in") {
            return Ok(());
        }
        if self.eat_word("not") {
            let before = self.pos;
            self.ws();
            if self.pos == before {
                return self.expected("whitespace after 'not'");
            }
            if !self.eat_word("in") {
                return self.expected("'in' after 'not'");
            }
            return Ok(());
        }
        for op in ["===", "==", "~=", "!=", "<=", ">=", "<", ">"] {
            if self.eat(op) {
                return Ok(());
            }
        }
        self.error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in")
    }
}

/// Would Python's `ast.literal_eval` accept `body` between two `quote`s? Checks the escapes
/// (`\x` needs 2 hex digits, `\u` 4, `\U` 8 and at most U+10FFFF, `\N{...}` a name), that no
/// backslash escapes the closing quote, and that there is no NUL.
fn valid_python_string(body: &str, quote: char) -> bool {
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\0' => return false,
            '\\' => {
                let hex = |chars: &mut std::str::Chars, n: usize| -> Option<u32> {
                    let digits: String = chars.by_ref().take(n).collect();
                    (digits.len() == n && digits.chars().all(|d| d.is_ascii_hexdigit()))
                        .then(|| u32::from_str_radix(&digits, 16).ok())
                        .flatten()
                };
                match chars.next() {
                    None => return false, // escapes the closing quote
                    Some('x') if hex(&mut chars, 2).is_none() => return false,
                    Some('u') if hex(&mut chars, 4).is_none() => return false,
                    Some('U') if hex(&mut chars, 8).is_none_or(|v| v > 0x10FFFF) => return false,
                    Some('N') => {
                        let rest = chars.as_str();
                        match rest.strip_prefix('{').and_then(|r| r.find('}')) {
                            Some(end) if end > 0 => chars = rest[end + 2..].chars(),
                            _ => return false,
                        }
                    }
                    Some('\0') => return false,
                    Some(_) => {}
                }
            }
            _ => {}
        }
    }
    let _ = quote;
    true
}

/// Parse a requirement (`name[extras] specifiers ; marker` or `name @ url ; marker`).
pub fn parse_requirement(text: &str) -> Result<Requirement, SyntaxError> {
    Tokenizer {
        src: text,
        pos: 0,
        depth: 0,
    }
    .requirement()
}

/// Parse a marker on its own (what pip does with the part of a line after `;`).
pub fn parse_marker(text: &str) -> Result<(), SyntaxError> {
    let mut t = Tokenizer {
        src: text,
        pos: 0,
        depth: 0,
    };
    t.marker()?;
    if !t.at_end() {
        return t.expected("end of marker expression");
    }
    Ok(())
}

#[cfg(test)]
#[path = "pep508_tests.rs"]
mod tests;
