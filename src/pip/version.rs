//! PEP 440 version specifiers and versions, matched as `packaging` 26.3's regular expressions
//! match them (`Specifier._specifier_regex_str`, `VERSION_PATTERN`): a hand-written matcher
//! that takes, at each optional part, the branch the regex engine takes first, so the length
//! it returns is the length of Python's `re.match`. Linear in the input, no backtracking
//! beyond one optional part.

use super::pep508::is_py_space;

/// A cursor over ASCII-insensitive text.
struct Cur<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn eat(&mut self, lit: &str) -> bool {
        let end = self.i + lit.len();
        if end <= self.s.len() && self.s[self.i..end].eq_ignore_ascii_case(lit.as_bytes()) {
            self.i = end;
            true
        } else {
            false
        }
    }
    fn eat_one(&mut self, set: &[u8]) -> bool {
        if self.peek().is_some_and(|c| set.contains(&c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn digits(&mut self) -> usize {
        let n = self.s[self.i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        self.i += n;
        n
    }
    /// Python's `\s*` (Unicode white space).
    fn spaces(&mut self, text: &str) {
        let rest = &text[self.i..];
        self.i += rest.len() - rest.trim_start_matches(is_py_space).len();
    }
    /// `v? ([0-9]+!)? [0-9]+ (\.[0-9]+)*` (or `+` when `at_least_two`); false when absent.
    fn release(&mut self, at_least_two: bool) -> bool {
        self.eat("v");
        let start = self.i;
        if self.digits() > 0 && self.peek() == Some(b'!') {
            self.i += 1;
        } else {
            self.i = start;
        }
        if self.digits() == 0 {
            return false;
        }
        let mut parts = 1;
        loop {
            let at = self.i;
            if self.eat(".") && self.digits() > 0 {
                parts += 1;
            } else {
                self.i = at;
                break;
            }
        }
        !at_least_two || parts >= 2
    }
    /// An optional part: run `f`; on failure, leave the cursor where it was.
    fn optional(&mut self, f: impl FnOnce(&mut Self) -> bool) {
        let at = self.i;
        if !f(self) {
            self.i = at;
        }
    }
    /// `[-_.]? (alpha|beta|preview|pre|a|b|c|rc) [-_.]? [0-9]*` (names in the regex's order).
    fn pre(&mut self, names: &[&str]) -> bool {
        let at = self.i;
        for with_sep in [true, false] {
            self.i = at;
            if with_sep && !self.eat_one(b"-_.") {
                continue;
            }
            if names.iter().any(|n| self.eat(n)) {
                self.eat_one(b"-_.");
                self.digits();
                return true;
            }
        }
        false
    }
    /// `(-[0-9]+) | ([-_.]? (post|rev|r) [-_.]? [0-9]*)`
    fn post(&mut self) -> bool {
        let at = self.i;
        if self.eat("-") && self.digits() > 0 {
            return true;
        }
        self.i = at;
        self.pre(&["post", "rev", "r"])
    }
    /// `[-_.]? dev [-_.]? [0-9]*`
    fn dev(&mut self) -> bool {
        self.pre(&["dev"])
    }
    /// `\+[a-z0-9]+([-_.][a-z0-9]+)*`, ignoring case unless `lower_only`.
    fn local(&mut self, lower_only: bool) -> bool {
        let alnum = |c: u8| {
            c.is_ascii_digit() || c.is_ascii_lowercase() || (!lower_only && c.is_ascii_uppercase())
        };
        let run = |cur: &mut Self| {
            let n = cur.s[cur.i..].iter().take_while(|c| alnum(**c)).count();
            cur.i += n;
            n
        };
        if !self.eat("+") || run(self) == 0 {
            return false;
        }
        loop {
            let at = self.i;
            if self.eat_one(b"-_.") && run(self) > 0 {
                continue;
            }
            self.i = at;
            return true;
        }
    }
}

const PRE: &[&str] = &["alpha", "beta", "preview", "pre", "a", "b", "c", "rc"];

/// The length of the specifier at the start of `text` (`>=1.0`, `==2.*`, `===anything`), as
/// packaging's `SPECIFIER` token matches it; `None` when there is none.
pub fn specifier_len(text: &str) -> Option<usize> {
    let mut c = Cur {
        s: text.as_bytes(),
        i: 0,
    };
    if c.eat("===") {
        c.spaces(text);
        let n = text[c.i..]
            .find(|ch: char| is_py_space(ch) || ch == ';' || ch == ')')
            .unwrap_or(text.len() - c.i);
        return Some(c.i + n);
    }
    if c.eat("==") || c.eat("!=") {
        c.spaces(text);
        if !c.release(false) {
            return None;
        }
        if !c.eat(".*") {
            c.optional(|c| c.pre(PRE));
            c.optional(Cur::post);
            c.optional(Cur::dev);
            c.optional(|c| c.local(false));
        }
        return Some(c.i);
    }
    let compatible = c.eat("~=");
    if compatible || c.eat("<=") || c.eat(">=") || c.eat("<") || c.eat(">") {
        c.spaces(text);
        if !c.release(compatible) {
            return None;
        }
        c.optional(|c| c.pre(PRE));
        c.optional(Cur::post);
        c.optional(Cur::dev);
        return Some(c.i);
    }
    None
}

/// The length of a local version label (`+cu118`, lowercase only) at the start of `text`:
/// packaging's `VERSION_LOCAL_LABEL_TRAIL`.
pub fn local_label_len(text: &str) -> usize {
    let mut c = Cur {
        s: text.as_bytes(),
        i: 0,
    };
    if c.local(true) {
        c.i
    } else {
        0
    }
}

/// Is `text` a PEP 440 version (packaging's `Version`, surrounding white space allowed)?
pub fn is_valid_version(text: &str) -> bool {
    let text = text.trim_matches(is_py_space);
    let mut c = Cur {
        s: text.as_bytes(),
        i: 0,
    };
    if !c.release(false) {
        return false;
    }
    c.optional(|c| c.pre(&["alpha", "a", "beta", "b", "preview", "pre", "c", "rc"]));
    c.optional(Cur::post);
    c.optional(Cur::dev);
    c.optional(|c| c.local(false));
    c.i == text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specifiers_match_as_packaging_matches_them() {
        assert_eq!(specifier_len(">=1.24"), Some(6));
        assert_eq!(specifier_len("==1.24.*"), Some(8));
        assert_eq!(specifier_len(">=1.24.*"), Some(6));
        assert_eq!(specifier_len("==1.0+local"), Some(11));
        assert_eq!(specifier_len(">=1.0+local"), Some(5));
        assert_eq!(specifier_len("~=1"), None);
        assert_eq!(specifier_len("~=1.2rc1"), Some(8));
        assert_eq!(specifier_len("===weird!; x"), Some(9));
        assert_eq!(specifier_len("== 1.0a1.post2.dev3"), Some(19));
        assert_eq!(specifier_len("==1.0-1"), Some(7));
        assert_eq!(specifier_len(">=1!2.0"), Some(7));
        assert_eq!(specifier_len("==v1.0"), Some(6));
        assert_eq!(specifier_len(">="), None);
        assert_eq!(specifier_len("=1.0"), None);
        assert_eq!(specifier_len(">=1.0abc"), Some(6));
    }

    #[test]
    fn versions() {
        assert!(is_valid_version("0.41.1"));
        assert!(is_valid_version("2.2.0+cu121"));
        assert!(is_valid_version("1.0.post2.dev3"));
        assert!(!is_valid_version("1.0x"));
        assert!(!is_valid_version(""));
        assert_eq!(local_label_len("+cu118 x"), 6);
        assert_eq!(local_label_len("+CU118"), 0);
    }
}
