//! CJK-friendly strong emphasis.
//!
//! CommonMark's flanking rules leave `**가상환경(venv)**을`, ``**`venv`**를`` and similar as
//! literal asterisks: a closing `**` after punctuation and before a Hangul letter (or an
//! opener after a Hangul letter and before punctuation) is not a delimiter there. Korean puts
//! particles right after words, so this happens all the time. After pulldown-cmark has done
//! its work, the leftover `**` (and `__`) runs in the text of one inline container are paired
//! left to right: an opener must be followed by a non-space, a closer preceded by a non-space.
//! Pairs become strong emphasis; unpaired runs stay literal. Code spans are never touched.

use super::{Mark, Tok};

/// A run of two identical delimiter characters found in text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Delim {
    Star,
    Under,
}

enum Piece {
    Tok(Tok),
    Delim {
        kind: Delim,
        can_open: bool,
        can_close: bool,
    },
}

/// Fix up the tokens of one inline container.
pub fn fix(toks: Vec<Tok>) -> Vec<Tok> {
    // pulldown-cmark hands over leftover delimiters one `*` at a time: merge text first.
    let toks = merge_text(toks);
    if !toks
        .iter()
        .any(|t| matches!(t, Tok::Text(s) if s.contains("**") || s.contains("__")))
    {
        return toks;
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for i in 0..toks.len() {
        match &toks[i] {
            Tok::Text(s) if s.contains("**") || s.contains("__") => {
                let before = i.checked_sub(1).map(|k| edge_char(&toks[k], false));
                let after = toks.get(i + 1).map(|t| edge_char(t, true));
                split_text(s, before.unwrap_or(' '), after.unwrap_or(' '), &mut pieces);
            }
            t => pieces.push(Piece::Tok(t.clone())),
        }
    }
    // Pair left to right with a stack of open delimiters.
    let mut role: Vec<Option<bool>> = vec![None; pieces.len()]; // Some(true) = opener
    let mut stack: Vec<usize> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if let Piece::Delim {
            kind,
            can_open,
            can_close,
        } = *p
        {
            let open_pos = stack
                .iter()
                .rposition(|&k| matches!(pieces[k], Piece::Delim { kind: k2, .. } if k2 == kind));
            match open_pos {
                Some(pos) if can_close => {
                    let k = stack[pos];
                    stack.truncate(pos);
                    role[k] = Some(true);
                    role[i] = Some(false);
                }
                _ if can_open => stack.push(i),
                _ => {}
            }
        }
    }
    let mut out: Vec<Tok> = Vec::with_capacity(pieces.len());
    for (p, r) in pieces.into_iter().zip(role) {
        match (p, r) {
            (Piece::Tok(t), _) => out.push(t),
            (Piece::Delim { .. }, Some(true)) => out.push(Tok::Start(Mark::Strong)),
            (Piece::Delim { .. }, Some(false)) => out.push(Tok::End(Mark::Strong)),
            (Piece::Delim { kind, .. }, None) => {
                let s = if kind == Delim::Star { "**" } else { "__" };
                match out.last_mut() {
                    Some(Tok::Text(t)) => t.push_str(s),
                    _ => out.push(Tok::Text(s.to_string())),
                }
            }
        }
    }
    merge_text(out)
}

fn merge_text(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for t in toks {
        if let (Tok::Text(s), Some(Tok::Text(prev))) = (&t, out.last_mut()) {
            prev.push_str(s);
            continue;
        }
        out.push(t);
    }
    out
}

/// The character a neighbouring token shows next to a delimiter: its own edge for text,
/// a non-space for code and markup, a space for breaks.
fn edge_char(t: &Tok, first: bool) -> char {
    match t {
        Tok::Text(s) => {
            let c = if first {
                s.chars().next()
            } else {
                s.chars().next_back()
            };
            c.unwrap_or(' ')
        }
        Tok::SoftBreak | Tok::HardBreak => ' ',
        _ => 'x',
    }
}

/// Split `s` at runs of exactly two `*` or `_`, deciding for each whether it may open or close.
fn split_text(s: &str, before: char, after: char, out: &mut Vec<Piece>) {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut start = 0; // byte offset of pending text
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c != '*' && c != '_' {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].1 == c {
            j += 1;
        }
        if j - i == 2 {
            let prev = if i == 0 { before } else { chars[i - 1].1 };
            let next = if j == chars.len() { after } else { chars[j].1 };
            let mut can_open = !next.is_whitespace();
            let mut can_close = !prev.is_whitespace();
            if c == '_' {
                // `snake__case__name`, `__init__.py`: underscores among ASCII are names, not
                // emphasis; only runs touching Korean (or other non-ASCII) text are fixed.
                let cjk = !prev.is_ascii() || !next.is_ascii();
                can_open &= cjk && !prev.is_ascii_alphanumeric();
                can_close &= cjk && !next.is_ascii_alphanumeric();
            }
            if can_open || can_close {
                if pos > start {
                    out.push(Piece::Tok(Tok::Text(s[start..pos].to_string())));
                }
                out.push(Piece::Delim {
                    kind: if c == '*' { Delim::Star } else { Delim::Under },
                    can_open,
                    can_close,
                });
                start = pos + 2;
            }
        }
        i = j;
    }
    if start < s.len() {
        out.push(Piece::Tok(Tok::Text(s[start..].to_string())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Tok {
        Tok::Text(s.into())
    }

    #[test]
    fn pairs_leftover_stars() {
        let out = fix(vec![t("**가상환경(venv)**을 쓴다")]);
        assert_eq!(
            out,
            vec![
                Tok::Start(Mark::Strong),
                t("가상환경(venv)"),
                Tok::End(Mark::Strong),
                t("을 쓴다"),
            ]
        );
    }

    #[test]
    fn single_star_events_are_merged() {
        let out = fix(vec![
            t("*"),
            t("*"),
            t("가상환경(venv)"),
            t("*"),
            t("*"),
            t("을"),
        ]);
        assert_eq!(out[0], Tok::Start(Mark::Strong));
        assert_eq!(out[2], Tok::End(Mark::Strong));
    }

    #[test]
    fn code_span_inside() {
        let out = fix(vec![t("**"), Tok::Code("venv".into()), t("**를")]);
        assert_eq!(
            out,
            vec![
                Tok::Start(Mark::Strong),
                Tok::Code("venv".into()),
                Tok::End(Mark::Strong),
                t("를"),
            ]
        );
    }

    #[test]
    fn unpaired_and_spaced_stay_literal() {
        assert_eq!(fix(vec![t("a ** b")]), vec![t("a ** b")]);
        assert_eq!(fix(vec![t("2**3 and **x")]).len(), 1);
        assert_eq!(
            fix(vec![t("snake__case__name")]),
            vec![t("snake__case__name")]
        );
        assert_eq!(
            fix(vec![t("__init__.py의 역할")]),
            vec![t("__init__.py의 역할")]
        );
        assert_eq!(
            fix(vec![t("__중요(venv)__를")])[0],
            Tok::Start(Mark::Strong)
        );
    }

    #[test]
    fn code_is_not_touched() {
        let toks = vec![Tok::Code("**a**".into())];
        assert_eq!(fix(toks.clone()), toks);
    }
}
