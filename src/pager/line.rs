//! Cutting a line with escape codes to a number of display columns, and marking search
//! matches in it: the pager's drawing helpers (the home screen cuts its lines the same way).

use crate::render::text::char_width;

/// Cut a line with escapes to `width` display columns; escapes are kept, styles reset
/// (also used by the home screen).
pub fn truncate(line: &str, width: usize) -> String {
    let mut out = String::with_capacity(line.len());
    let mut w = 0;
    let mut chars = line.chars().peekable();
    let mut cut = false;
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            out.push(c);
            // copy the whole escape sequence
            match chars.next() {
                Some('[') => {
                    out.push('[');
                    for c in chars.by_ref() {
                        out.push(c);
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    out.push(']');
                    while let Some(c) = chars.next() {
                        out.push(c);
                        if c == '\x07' {
                            break;
                        }
                        if c == '\x1b' {
                            if let Some(&'\\') = chars.peek() {
                                out.push('\\');
                                chars.next();
                            }
                            break;
                        }
                    }
                }
                Some(o) => out.push(o),
                None => {}
            }
            continue;
        }
        let cw = char_width(c);
        if cut || w + cw > width {
            cut = true;
            continue;
        }
        w += cw;
        out.push(c);
    }
    if cut && out.contains('\x1b') {
        out.push_str("\x1b[0m\x1b]8;;\x1b\\");
    }
    out
}

/// A line being typed (a search after `/`), shown in `width` columns: whole when it fits,
/// else its end after `…`, where the reader is typing (cutting its end would hide the
/// letters as they are typed). Plain text: no escapes.
pub fn typed_tail(line: &str, width: usize) -> String {
    if char_width_sum(line) <= width {
        return line.to_string();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut w = 1; // the `…`
    for c in line.chars().rev() {
        let cw = char_width(c);
        if w + cw > width {
            break;
        }
        w += cw;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

fn char_width_sum(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// A plain line with every (case-insensitive) match of `q` in reverse video.
pub(super) fn highlight(plain: &str, q: &str, width: usize) -> String {
    let cut = truncate(plain, width);
    let lower = cut.to_lowercase();
    if lower.len() != cut.len() {
        return cut; // lower-casing changed byte offsets; show without highlight
    }
    let mut out = String::new();
    let mut last = 0;
    for (i, _) in lower.match_indices(q) {
        if i < last {
            continue;
        }
        out.push_str(&cut[last..i]);
        out.push_str("\x1b[7m");
        out.push_str(&cut[i..i + q.len()]);
        out.push_str("\x1b[0m");
        last = i + q.len();
    }
    out.push_str(&cut[last..]);
    out
}
