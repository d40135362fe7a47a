//! Styled text: spans, lines, display width, and turning a line into terminal bytes.
//!
//! Every line is painted on its own: styles are opened at the start of each span and reset at
//! its end, so a pager can show any line alone and the colours stay right.

use unicode_width::UnicodeWidthChar;

/// One of the eight basic colours (the terminal's own palette, readable on light and dark).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Red = 1,
    Green = 2,
    Yellow = 3,
    Blue = 4,
    Magenta = 5,
    Cyan = 6,
}

/// The look of a span. `link` indexes the renderer's list of link targets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub dim: bool,
    pub strike: bool,
    pub fg: Option<Color>,
    pub link: Option<u32>,
    /// Inline code: wrapping keeps it whole (its spaces do not break a line). Not a look of
    /// its own: painted, it is its colour; read back ([`parse_painted`]) from [`CODE_SGR`].
    pub code: bool,
}

/// The SGR parameters program messages paint a code span with (`terminal::Style::Code`).
/// A span painted with exactly this sequence reads back as code ([`Style::code`]), so a
/// message painted before it is wrapped still keeps its commands whole.
pub const CODE_SGR: &str = "36";

impl Style {
    pub fn bold() -> Style {
        Style {
            bold: true,
            ..Style::default()
        }
    }

    pub fn dim() -> Style {
        Style {
            dim: true,
            ..Style::default()
        }
    }

    pub fn fg(color: Color) -> Style {
        Style {
            fg: Some(color),
            ..Style::default()
        }
    }

    /// SGR parameters, e.g. `1;36`; empty for the plain style.
    pub fn sgr(&self) -> String {
        let mut codes: Vec<String> = Vec::new();
        if self.bold {
            codes.push("1".into());
        }
        if self.dim {
            codes.push("2".into());
        }
        if self.italic {
            codes.push("3".into());
        }
        if self.underline {
            codes.push("4".into());
        }
        if self.strike {
            codes.push("9".into());
        }
        if let Some(c) = self.fg {
            codes.push((30 + c as u8).to_string());
        }
        codes.join(";")
    }
}

/// A run of text in one style. Text never holds control characters; `\n` appears only as a
/// hard line break inside inline content before wrapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
        }
    }

    pub fn plain(text: impl Into<String>) -> Span {
        Span::new(text, Style::default())
    }
}

/// One output line.
pub type Line = Vec<Span>;

/// Display width of a character (Hangul and other wide characters are 2 columns).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of unstyled text, as the sum of its characters' widths.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

pub fn line_width(line: &[Span]) -> usize {
    line.iter().map(|s| width(&s.text)).sum()
}

/// The text of a line without its styles.
pub fn plain_text(line: &[Span]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

/// Each line's text without styles (what tests compare).
#[cfg(test)]
pub fn plain_lines(lines: &[Line]) -> Vec<String> {
    lines.iter().map(|l| plain_text(l)).collect()
}

/// Drop control characters (an ESC in a lesson must not reach the terminal); tabs become spaces.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(|c| c.is_control()) {
        return s.to_string();
    }
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Pad a line with plain spaces to `target` columns.
pub fn pad_to(line: &mut Line, target: usize) {
    let w = line_width(line);
    if w < target {
        line.push(Span::plain(" ".repeat(target - w)));
    }
}

/// How lines become bytes.
pub struct Painter<'a> {
    pub color: bool,
    pub hyperlinks: bool,
    pub links: &'a [String],
}

impl Painter<'_> {
    /// Append `line` to `out`, self-contained: every style is closed before the line ends.
    pub fn paint(&self, line: &[Span], out: &mut String) {
        let mut i = 0;
        while i < line.len() {
            let style = line[i].style;
            let mut j = i;
            let start = out.len();
            let url = match style.link {
                Some(k) if self.hyperlinks => self.links.get(k as usize),
                _ => None,
            };
            if let Some(url) = url {
                out.push_str("\x1b]8;;");
                out.push_str(url);
                out.push_str("\x1b\\");
            }
            let sgr = if self.color {
                style.sgr()
            } else {
                String::new()
            };
            if !sgr.is_empty() {
                out.push_str("\x1b[");
                out.push_str(&sgr);
                out.push('m');
            }
            let text_start = out.len();
            while j < line.len() && line[j].style == style {
                out.push_str(&line[j].text);
                j += 1;
            }
            if out.len() == text_start {
                out.truncate(start);
            } else {
                if !sgr.is_empty() {
                    out.push_str("\x1b[0m");
                }
                if url.is_some() {
                    out.push_str("\x1b]8;;\x1b\\");
                }
            }
            i = j;
        }
    }
}

/// Remove ANSI escapes (CSI sequences and OSC strings) from `s`.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                // CSI: parameters, then one final byte in @..~
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                // OSC: up to BEL or ESC '\'
                while let Some(c) = chars.next() {
                    if c == '\x07' {
                        break;
                    }
                    if c == '\x1b' {
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A line of painted text read back: see [`parse_painted`].
pub struct Painted {
    /// Escapes that are neither styles nor links (a screen clear), in order.
    pub other: String,
    pub spans: Vec<Span>,
    /// Link targets, indexed by [`Style::link`].
    pub links: Vec<String>,
}

/// Text already painted with SGR escapes and OSC 8 links (`\x1b[1;36m...\x1b[0m`, as
/// program messages are) back into styled spans, so it can be wrapped like lesson text and
/// painted again. Other escapes (a screen clear) are returned apart, to be written before the
/// line: they take no columns. Control characters are dropped.
pub fn parse_painted(line: &str) -> Painted {
    let mut out = Painted {
        other: String::new(),
        spans: Vec::new(),
        links: Vec::new(),
    };
    let mut style = Style::default();
    let mut chars = line.chars().peekable();
    let mut text = String::new();
    let flush = |text: &mut String, spans: &mut Vec<Span>, style: Style| {
        if !text.is_empty() {
            spans.push(Span::new(std::mem::take(text), style));
        }
    };
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            if c == '\t' {
                text.push(' ');
            } else if !c.is_control() {
                text.push(c);
            }
            continue;
        }
        match chars.next() {
            Some('[') => {
                let mut params = String::new();
                let mut last = None;
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        last = Some(c);
                        break;
                    }
                    params.push(c);
                }
                if last == Some('m') {
                    flush(&mut text, &mut out.spans, style);
                    style = style.with_sgr(&params);
                } else {
                    out.other.push_str("\x1b[");
                    out.other.push_str(&params);
                    out.other.extend(last);
                }
            }
            Some(']') => {
                let mut body = String::new();
                let mut end = String::new();
                while let Some(c) = chars.next() {
                    if c == '\x07' {
                        end.push(c);
                        break;
                    }
                    if c == '\x1b' {
                        end.push(c);
                        if chars.peek() == Some(&'\\') {
                            end.push('\\');
                            chars.next();
                        }
                        break;
                    }
                    body.push(c);
                }
                // OSC 8: `8;PARAMS;URL` opens a link, an empty URL closes it.
                match body.strip_prefix("8;").and_then(|b| b.split_once(';')) {
                    Some((_, url)) => {
                        flush(&mut text, &mut out.spans, style);
                        style.link = (!url.is_empty()).then(|| {
                            out.links.push(url.to_string());
                            (out.links.len() - 1) as u32
                        });
                    }
                    None => {
                        out.other.push_str("\x1b]");
                        out.other.push_str(&body);
                        out.other.push_str(&end);
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut text, &mut out.spans, style);
    out
}

impl Style {
    /// This style changed by the SGR parameters `params` (`1;36`, `0`, empty = reset).
    /// Codes the renderer has no style for (reverse video, 256 colours) are ignored.
    fn with_sgr(mut self, params: &str) -> Style {
        let code_span = params == CODE_SGR;
        for code in params.split(';') {
            match code.parse::<u8>().unwrap_or(0) {
                // A reset ends styles, not a link (OSC 8 closes that).
                0 => {
                    self = Style {
                        link: self.link,
                        ..Style::default()
                    }
                }
                1 => self.bold = true,
                2 => self.dim = true,
                3 => self.italic = true,
                4 => self.underline = true,
                9 => self.strike = true,
                22 => (self.bold, self.dim) = (false, false),
                23 => self.italic = false,
                24 => self.underline = false,
                29 => self.strike = false,
                31 => self.fg = Some(Color::Red),
                32 => self.fg = Some(Color::Green),
                33 => self.fg = Some(Color::Yellow),
                34 => self.fg = Some(Color::Blue),
                35 => self.fg = Some(Color::Magenta),
                36 => self.fg = Some(Color::Cyan),
                39 => self.fg = None,
                _ => {}
            }
        }
        // Code ends where its colour does (a reset, another colour).
        self.code = code_span || (self.code && self.fg == Some(Color::Cyan));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_is_two_columns() {
        assert_eq!(width("한글"), 4);
        assert_eq!(width("a한"), 3);
    }

    #[test]
    fn painting_resets_every_span_and_plain_has_no_escapes() {
        let line = vec![Span::new("굵게", Style::bold()), Span::plain(" 보통")];
        let mut out = String::new();
        Painter {
            color: true,
            hyperlinks: false,
            links: &[],
        }
        .paint(&line, &mut out);
        assert_eq!(out, "\x1b[1m굵게\x1b[0m 보통");
        let mut plain = String::new();
        Painter {
            color: false,
            hyperlinks: false,
            links: &[],
        }
        .paint(&line, &mut plain);
        assert_eq!(plain, "굵게 보통");
    }

    #[test]
    fn strip_ansi_removes_sgr_and_osc8() {
        let s = "\x1b]8;;http://x\x1b\\\x1b[4mlink\x1b[0m\x1b]8;;\x1b\\ end";
        assert_eq!(strip_ansi(s), "link end");
    }

    #[test]
    fn painted_text_parses_back_into_the_same_spans() {
        // Cyan alone is how messages paint code: it reads back as code.
        let code = Style {
            code: true,
            ..Style::fg(Color::Cyan)
        };
        let line = vec![
            Span::new("연습 문제", code),
            Span::plain(" 보통 "),
            Span::new("굵게", Style::bold()),
        ];
        let mut out = String::from("\x1b[2J\x1b[H");
        Painter {
            color: true,
            hyperlinks: false,
            links: &[],
        }
        .paint(&line, &mut out);
        let painted = parse_painted(&out);
        assert_eq!(painted.other, "\x1b[2J\x1b[H");
        assert_eq!(painted.spans, line);
        let spans = parse_painted("\x1b[1;36m제목\x1b[0m\t끝").spans;
        let heading = Style {
            bold: true,
            fg: Some(Color::Cyan),
            ..Style::default()
        };
        assert_eq!(spans, [Span::new("제목", heading), Span::plain(" 끝")]);
    }

    #[test]
    fn links_are_read_back_with_their_targets() {
        let painted = parse_painted(
            "see \x1b]8;;file:///w/a.txt\x1b\\\x1b[36ma.txt\x1b[0m\x1b]8;;\x1b\\ now",
        );
        assert_eq!(painted.links, ["file:///w/a.txt"]);
        let linked = Style {
            fg: Some(Color::Cyan),
            code: true,
            link: Some(0),
            ..Style::default()
        };
        assert_eq!(
            painted.spans,
            [
                Span::plain("see "),
                Span::new("a.txt", linked),
                Span::plain(" now")
            ]
        );
        assert!(painted.other.is_empty());
    }

    #[test]
    fn sanitize_drops_escape() {
        assert_eq!(sanitize("a\x1b[31mb\tc"), "a[31mb c");
    }
}
