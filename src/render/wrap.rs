//! Word wrapping of styled spans by display width.
//!
//! Lines break only at ASCII spaces, so a Korean word (`독립된`) is never split (CSS
//! `word-break: keep-all`). A single token wider than the line is split by display width.
//! `\n` in span text is a hard break.

use super::text::{char_width, width, Line, Span, Style};

/// A word: the styled pieces between two spaces.
struct Word {
    pieces: Vec<Span>,
    width: usize,
}

/// Wrap `spans` into lines at most `width` columns wide (`width` is at least 2 in practice;
/// a character wider than the line still gets a line of its own).
pub fn wrap(spans: &[Span], width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Line = Vec::new();
    let mut line_w = 0usize;
    let mut word = Word {
        pieces: Vec::new(),
        width: 0,
    };
    // Style of the space before the current word, if any.
    let mut space: Option<Style> = None;

    let place = |word: &mut Word,
                 space: &mut Option<Style>,
                 line: &mut Line,
                 line_w: &mut usize,
                 lines: &mut Vec<Line>| {
        if word.pieces.is_empty() {
            return;
        }
        let pieces = std::mem::take(&mut word.pieces);
        let w = std::mem::replace(&mut word.width, 0);
        let sp = space.take();
        if !line.is_empty() && *line_w + 1 + w <= width {
            push_span(line, " ", sp.unwrap_or_default());
            *line_w += 1;
        } else if !line.is_empty() {
            lines.push(std::mem::take(line));
            *line_w = 0;
        }
        if *line_w + w <= width {
            for p in pieces {
                push_span(line, &p.text, p.style);
            }
            *line_w += w;
            return;
        }
        // Too long for any line: split by display width.
        for p in pieces {
            for c in p.text.chars() {
                let cw = char_width(c);
                if *line_w + cw > width && !line.is_empty() {
                    lines.push(std::mem::take(line));
                    *line_w = 0;
                }
                let mut buf = [0u8; 4];
                push_span(line, c.encode_utf8(&mut buf), p.style);
                *line_w += cw;
            }
        }
    };

    for span in spans {
        let mut rest = span.text.as_str();
        while !rest.is_empty() {
            let cut = rest.find([' ', '\n']).unwrap_or(rest.len());
            if cut > 0 {
                let piece = &rest[..cut];
                word.width += self::width(piece);
                word.pieces.push(Span::new(piece, span.style));
            }
            rest = &rest[cut..];
            if let Some(sep) = rest.chars().next() {
                rest = &rest[1..];
                place(&mut word, &mut space, &mut line, &mut line_w, &mut lines);
                if sep == '\n' {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0;
                    space = None;
                } else if !line.is_empty() && space.is_none() {
                    space = Some(span.style);
                }
            }
        }
    }
    place(&mut word, &mut space, &mut line, &mut line_w, &mut lines);
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Append text to a line, merging with the last span when the style is the same.
pub fn push_span(line: &mut Line, text: &str, style: Style) {
    if let Some(last) = line.last_mut() {
        if last.style == style {
            last.text.push_str(text);
            return;
        }
    }
    line.push(Span::new(text, style));
}

/// Cut one styled line into pieces of at most `width` columns, by display width (for code).
pub fn split_by_width(line: &[Span], width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut out: Vec<Line> = Vec::new();
    let mut cur: Line = Vec::new();
    let mut w = 0;
    for span in line {
        for c in span.text.chars() {
            let cw = char_width(c);
            if w + cw > width && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                w = 0;
            }
            let mut buf = [0u8; 4];
            push_span(&mut cur, c.encode_utf8(&mut buf), span.style);
            w += cw;
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::{line_width, plain_lines as text};
    use super::*;

    #[test]
    fn korean_words_stay_whole() {
        let s = "프로젝트마다 독립된 Python 환경을 만드는 것. 왜 필요한가?";
        for w in 12..40 {
            let lines = wrap(&[Span::plain(s)], w);
            for l in &lines {
                assert!(line_width(l) <= w, "{w}: {:?}", text(&lines));
            }
            let joined = text(&lines).join(" ");
            for word in s.split(' ') {
                assert!(joined.split(' ').any(|x| x == word), "{w}: {word} split");
            }
        }
    }

    #[test]
    fn long_token_is_split_by_width() {
        let lines = wrap(&[Span::plain("가나다라마바사아자차")], 7);
        assert_eq!(text(&lines), ["가나다", "라마바", "사아자", "차"]);
    }

    #[test]
    fn styles_survive_wrapping_and_attached_suffix_stays_in_word() {
        let spans = [
            Span::plain("아주 긴 문장에서 "),
            Span::new("환경 설정", Style::bold()),
            Span::plain("을 쓴다"),
        ];
        let lines = wrap(&spans, 12);
        assert_eq!(text(&lines), ["아주 긴", "문장에서", "환경 설정을", "쓴다"]);
        assert_eq!(lines[2][0], Span::new("환경 설정", Style::bold()));
    }

    #[test]
    fn hard_break() {
        let lines = wrap(&[Span::plain("하나\n둘")], 40);
        assert_eq!(text(&lines), ["하나", "둘"]);
    }

    #[test]
    fn split_code_line() {
        let lines = split_by_width(&[Span::plain("abcdef한")], 3);
        assert_eq!(text(&lines), ["abc", "def", "한"]);
    }
}
