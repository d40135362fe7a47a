//! git's `wildmatch` (the glob of `.gitignore`): `?`, `*`, `**`, `[...]` with ranges,
//! `!`/`^` negation and `[:class:]`, and `\` escapes, over bytes as git matches them.
//!
//! A line-for-line port of git's `wildmatch.c` (the version with `WM_ABORT_TO_STARSTAR`,
//! which stops a failed `*` from retrying every later position), so the answers are git's
//! own, including its corner cases: a `**` that is not a whole path component is a `*`, a
//! `[` that never closes matches nothing, an unknown `[:class:]` matches nothing. The
//! property test in `ignore/tests.rs` compares the whole ignore matcher with
//! `git check-ignore`.

/// Match with `/` special: `*`, `?` and `[...]` never match it, `**/` matches folders.
pub const PATHNAME: u8 = 1;
/// ASCII letters match either case (`core.ignorecase`).
pub const CASEFOLD: u8 = 2;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Match,
    NoMatch,
    /// Nothing later can match: stop every enclosing `*`.
    AbortAll,
    /// Only an enclosing `**` may still match by taking more folders.
    AbortToStarStar,
}
use Outcome::*;

/// Does `pattern` match the whole of `text`?
pub fn wildmatch(pattern: &[u8], text: &[u8], flags: u8) -> bool {
    dowild(pattern, text, flags) == Match
}

fn is_glob_special(c: u8) -> bool {
    matches!(c, b'*' | b'?' | b'[' | b'\\')
}

fn fold(c: u8, flags: u8) -> u8 {
    if flags & CASEFOLD != 0 {
        c.to_ascii_lowercase()
    } else {
        c
    }
}

/// The byte at `i`, or 0 past the end (the C code reads the terminating NUL).
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

fn dowild(pat: &[u8], text: &[u8], flags: u8) -> Outcome {
    let pathname = flags & PATHNAME != 0;
    let (mut p, mut t) = (0usize, 0usize);
    while p < pat.len() {
        let mut p_ch = pat[p];
        let mut t_ch = at(text, t);
        if t_ch == 0 && p_ch != b'*' {
            return AbortAll;
        }
        t_ch = fold(t_ch, flags);
        p_ch = fold(p_ch, flags);
        match p_ch {
            b'?' => {
                if pathname && t_ch == b'/' {
                    return NoMatch;
                }
            }
            b'*' => {
                // `None`: a `*/` moved `t` to the next `/`, which the pattern's `/` matches.
                if let Some(outcome) = star(pat, &mut p, text, &mut t, flags) {
                    return outcome;
                }
            }
            b'[' => {
                if let Some(outcome) = class(pat, &mut p, t_ch, flags) {
                    return outcome;
                }
            }
            _ => {
                // `\x` is `x`; a trailing `\` compares with 0 and fails, as in C.
                if p_ch == b'\\' {
                    p += 1;
                    p_ch = at(pat, p);
                }
                if t_ch != p_ch {
                    return NoMatch;
                }
            }
        }
        p += 1;
        t += 1;
    }
    if t < text.len() {
        NoMatch
    } else {
        Match
    }
}

/// A `*` or `**` at `pat[*p]`. `None` when the match goes on at the pattern's next byte
/// (a `*` followed by `/` skipped to the text's next `/`); otherwise the outcome.
fn star(pat: &[u8], p: &mut usize, text: &[u8], t: &mut usize, flags: u8) -> Option<Outcome> {
    let pathname = flags & PATHNAME != 0;
    let start = *p;
    *p += 1;
    let match_slash;
    if at(pat, *p) == b'*' {
        while at(pat, *p) == b'*' {
            *p += 1;
        }
        let after = at(pat, *p);
        let whole_component = (start == 0 || pat[start - 1] == b'/')
            && (after == 0 || after == b'/' || (after == b'\\' && at(pat, *p + 1) == b'/'));
        if !pathname {
            match_slash = true;
        } else if whole_component {
            // `**/` may match no folder at all: try the rest right here first.
            if after == b'/' && dowild(&pat[*p + 1..], &text[*t..], flags) == Match {
                return Some(Match);
            }
            match_slash = true;
        } else {
            match_slash = false;
        }
    } else {
        match_slash = !pathname;
    }
    let rest = &text[*t..];
    if *p >= pat.len() {
        // A trailing `**` takes everything; a trailing `*` only what has no `/`.
        if !match_slash && rest.contains(&b'/') {
            return Some(AbortToStarStar);
        }
        return Some(Match);
    }
    if !match_slash && pat[*p] == b'/' {
        // One `*` then `/`: the `*` takes the rest of this folder name.
        let Some(slash) = rest.iter().position(|&c| c == b'/') else {
            return Some(AbortAll);
        };
        // The caller's loop consumes the pattern's `/` and this one together.
        *t += slash;
        return None;
    }
    let mut t_ch = fold(at(text, *t), flags);
    loop {
        if t_ch == 0 {
            break;
        }
        let next = pat[*p];
        if !is_glob_special(next) {
            // Skip straight to the next occurrence of the literal that follows the `*`.
            let p_ch = fold(next, flags);
            loop {
                t_ch = fold(at(text, *t), flags);
                if t_ch == 0 || (!match_slash && t_ch == b'/') || t_ch == p_ch {
                    break;
                }
                *t += 1;
            }
            if t_ch != p_ch {
                return Some(if match_slash {
                    AbortAll
                } else {
                    AbortToStarStar
                });
            }
        }
        let matched = dowild(&pat[*p..], &text[*t..], flags);
        if matched != NoMatch {
            if !match_slash || matched != AbortToStarStar {
                return Some(matched);
            }
        } else if !match_slash && t_ch == b'/' {
            return Some(AbortToStarStar);
        }
        *t += 1;
        t_ch = fold(at(text, *t), flags);
    }
    Some(AbortAll)
}

/// A bracket expression at `pat[*p]` (the `[`) against `t_ch`; on return `*p` is at its `]`.
/// `None` when `t_ch` matches it.
fn class(pat: &[u8], p: &mut usize, t_ch: u8, flags: u8) -> Option<Outcome> {
    let casefold = flags & CASEFOLD != 0;
    *p += 1;
    let mut p_ch = at(pat, *p);
    if p_ch == b'^' {
        p_ch = b'!';
    }
    let negated = p_ch == b'!';
    if negated {
        *p += 1;
        p_ch = at(pat, *p);
    }
    let mut prev_ch = 0u8;
    let mut matched = false;
    loop {
        if p_ch == 0 {
            return Some(AbortAll);
        }
        if p_ch == b'\\' {
            *p += 1;
            p_ch = at(pat, *p);
            if p_ch == 0 {
                return Some(AbortAll);
            }
            matched |= t_ch == p_ch;
        } else if p_ch == b'-' && prev_ch != 0 && at(pat, *p + 1) != 0 && at(pat, *p + 1) != b']' {
            *p += 1;
            p_ch = at(pat, *p);
            if p_ch == b'\\' {
                *p += 1;
                p_ch = at(pat, *p);
                if p_ch == 0 {
                    return Some(AbortAll);
                }
            }
            if t_ch <= p_ch && t_ch >= prev_ch {
                matched = true;
            } else if casefold && t_ch.is_ascii_lowercase() {
                let upper = t_ch.to_ascii_uppercase();
                matched |= upper <= p_ch && upper >= prev_ch;
            }
            p_ch = 0; // so that `prev_ch` becomes 0: no range starts at a range's end
        } else if p_ch == b'[' && at(pat, *p + 1) == b':' {
            *p += 2;
            let s = *p;
            while at(pat, *p) != 0 && at(pat, *p) != b']' {
                *p += 1;
            }
            if at(pat, *p) == 0 {
                return Some(AbortAll);
            }
            if *p < s + 1 || pat[*p - 1] != b':' {
                // No `:]`: the `[` is an ordinary member after all.
                *p = s - 2;
                p_ch = b'[';
                matched |= t_ch == p_ch;
            } else {
                match named_class(&pat[s..*p - 1], t_ch, casefold) {
                    Some(m) => matched |= m,
                    None => return Some(AbortAll),
                }
                p_ch = 0;
            }
        } else {
            matched |= t_ch == p_ch;
        }
        prev_ch = p_ch;
        *p += 1;
        p_ch = at(pat, *p);
        if p_ch == b']' {
            break;
        }
    }
    if matched == negated || (flags & PATHNAME != 0 && t_ch == b'/') {
        return Some(NoMatch);
    }
    None
}

/// `[:name:]`: does `c` belong to the class? `None` for a name git does not know.
fn named_class(name: &[u8], c: u8, casefold: bool) -> Option<bool> {
    Some(match name {
        b"alnum" => c.is_ascii_alphanumeric(),
        b"alpha" => c.is_ascii_alphabetic(),
        b"blank" => c == b' ' || c == b'\t',
        b"cntrl" => c.is_ascii_control(),
        b"digit" => c.is_ascii_digit(),
        b"graph" => c.is_ascii_graphic(),
        b"lower" => c.is_ascii_lowercase(),
        b"print" => c.is_ascii_graphic() || c == b' ',
        b"punct" => c.is_ascii_punctuation(),
        // git's own `isspace`, which leaves out `\v` and `\f`.
        b"space" => matches!(c, b' ' | b'\t' | b'\n' | b'\r'),
        b"upper" => c.is_ascii_uppercase() || (casefold && c.is_ascii_lowercase()),
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => return None,
    })
}
