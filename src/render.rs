//! Markdown to terminal text.
//!
//! The Markdown is parsed with pulldown-cmark into a small block tree (paragraphs, headings,
//! lists, quotes, code, tables), inline content is fixed up for Korean emphasis
//! (`emphasis`), then each block is laid out for the available width into lines of styled
//! spans (`wrap`, `table`, `code`) and painted line by line ([`text`]).
//!
//! Guarantees: no output line is wider than `opts.width` display columns (for widths >= 20;
//! Hangul counts 2, escapes 0); lines break only at ASCII spaces unless a single token is
//! wider than the line, and never at the spaces of a code span or a link's shown target (a
//! command such as `course lesson pip`, in prose, lists, headings and table cells alike);
//! every line opens and closes its own styles; without colour the output
//! holds no escape codes (unless `hyperlinks` is asked for explicitly).

mod code;
mod emphasis;
mod parse;
#[cfg(test)]
mod proptests;
pub mod shell;
mod table;
pub mod text;
mod wrap;

use pulldown_cmark::Options;

use parse::{Block, Mark, Tok};

pub use text::strip_ansi;
use text::{line_width, sanitize, Color, Line, Painter, Span, Style};
pub use wrap::backtick_spans;

/// How to render.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Columns available; no output line is wider.
    pub width: usize,
    /// Emit ANSI styles.
    pub color: bool,
    /// Emit OSC 8 hyperlinks for links.
    pub hyperlinks: bool,
    /// ASCII table borders instead of box drawing.
    pub ascii: bool,
    /// Tables as `column: value` lines, never drawn as a grid (accessible mode: a screen
    /// reader reads a grid border by border).
    pub records: bool,
}

/// Render Markdown to lines of terminal text, joined with `\n` and ending in one.
pub fn render(markdown: &str, opts: &RenderOptions) -> String {
    let body = strip_front_matter(markdown);
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let blocks = parse::parse(body, options);
    let mut r = Renderer {
        opts,
        links: Vec::new(),
        list_depth: 0,
    };
    let width = opts.width.max(MIN_WIDTH);
    let lines = r.blocks(&blocks, width, false);
    let painter = Painter {
        color: opts.color,
        hyperlinks: opts.hyperlinks,
        links: &r.links,
    };
    let mut out = String::with_capacity(markdown.len() * 2);
    for line in &lines {
        painter.paint(line, &mut out);
        out.push('\n');
    }
    out
}

/// Narrowest layout width the renderer works with.
const MIN_WIDTH: usize = 20;
/// Nested quotes and lists stop indenting when less than this would remain.
const MIN_INNER: usize = 10;

/// Plain text wrapped to `width` columns by the same rules as lessons (breaks only at spaces,
/// so Korean words stay whole); for program messages rather than Markdown.
pub fn wrap_plain(text: &str, width: usize) -> Vec<String> {
    let spans = [text::Span::plain(text::sanitize(text))];
    wrap::wrap(&spans, width)
        .into_iter()
        .map(|line| {
            line.into_iter()
                .map(|span| span.text)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

/// Styled spans wrapped to `width` columns by the lesson rules (see `render/wrap.rs`), for program
/// output that was painted before it was wrapped (`terminal::fit`).
pub fn wrap_spans(spans: &[Span], width: usize) -> Vec<Line> {
    wrap::wrap(spans, width)
}

/// YAML front matter (`---` line, `key: value` lines, `---` or `...` line), only at the very
/// start of the file. A `---` later in the document is a rule or a setext heading.
pub fn strip_front_matter(s: &str) -> &str {
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    let Some(rest) = s
        .strip_prefix("---\n")
        .or_else(|| s.strip_prefix("---\r\n"))
    else {
        return s;
    };
    let mut offset = s.len() - rest.len();
    let mut first = true;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" || bare == "..." {
            return &s[offset + line.len()..];
        }
        if first && !bare.trim().is_empty() {
            // The first line must look like YAML (`key:`), else this is a rule.
            let key = bare.split(':').next().unwrap_or("");
            if !bare.contains(':')
                || key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '"' | '\''))
            {
                return s;
            }
            first = false;
        }
        offset += line.len();
    }
    s
}

struct Renderer<'o> {
    opts: &'o RenderOptions,
    links: Vec<String>,
    list_depth: usize,
}

impl Renderer<'_> {
    fn blocks(&mut self, blocks: &[Block], width: usize, tight: bool) -> Vec<Line> {
        let mut out: Vec<Line> = Vec::new();
        for b in blocks {
            let lines = self.block(b, width);
            if lines.is_empty() {
                continue;
            }
            if !out.is_empty() && !tight {
                out.push(Vec::new());
            }
            out.extend(lines);
        }
        out
    }

    fn block(&mut self, block: &Block, width: usize) -> Vec<Line> {
        match block {
            Block::Para(toks) => {
                let spans = self.spans(toks, Style::default());
                if spans.iter().all(|s| s.text.trim().is_empty()) {
                    return Vec::new();
                }
                wrap::wrap(&spans, width)
            }
            Block::Heading(level, toks) => self.heading(*level, toks, width),
            Block::Code { lang, text } => code::render(lang, text, width, self.opts.ascii),
            Block::Quote(children) => {
                let bar = if self.opts.ascii { "| " } else { "│ " };
                if width < 2 + MIN_INNER {
                    return self.blocks(children, width, false);
                }
                let inner = self.blocks(children, width - 2, false);
                let style = Style::fg(Color::Blue);
                inner
                    .into_iter()
                    .map(|l| {
                        let mut line = vec![Span::new(
                            if l.is_empty() { bar.trim_end() } else { bar },
                            style,
                        )];
                        line.extend(l);
                        line
                    })
                    .collect()
            }
            Block::List {
                start,
                tight,
                items,
            } => self.list(*start, *tight, items, width),
            Block::Table { aligns, rows } => {
                let rows: Vec<Vec<Vec<Span>>> = rows
                    .iter()
                    .enumerate()
                    .map(|(r, row)| {
                        let base = if r == 0 {
                            Style::bold()
                        } else {
                            Style::default()
                        };
                        row.iter().map(|cell| self.spans(cell, base)).collect()
                    })
                    .collect();
                table::render(aligns, &rows, width, self.opts.ascii, self.opts.records)
            }
            Block::Rule => {
                let h = if self.opts.ascii { "-" } else { "─" };
                vec![vec![Span::new(h.repeat(width), Style::dim())]]
            }
            Block::Html(html) => {
                let text = strip_html(html);
                let mut out = Vec::new();
                for l in text.lines() {
                    if !l.trim().is_empty() {
                        out.extend(wrap::wrap(
                            &[Span::new(sanitize(l.trim()), Style::dim())],
                            width,
                        ));
                    }
                }
                out
            }
        }
    }

    fn heading(&mut self, level: usize, toks: &[Tok], width: usize) -> Vec<Line> {
        let base = match level {
            1 => Style {
                bold: true,
                fg: Some(Color::Magenta),
                ..Style::default()
            },
            2 => Style {
                bold: true,
                fg: Some(Color::Cyan),
                ..Style::default()
            },
            3 => Style {
                bold: true,
                fg: Some(Color::Blue),
                ..Style::default()
            },
            _ => Style::bold(),
        };
        let spans = self.spans(toks, base);
        if level <= 2 {
            let mut lines = wrap::wrap(&spans, width);
            let w = lines
                .iter()
                .map(|l| line_width(l))
                .max()
                .unwrap_or(0)
                .max(1);
            let rule = if level == 1 { "=" } else { "-" };
            lines.push(vec![Span::new(
                rule.repeat(w),
                Style {
                    bold: false,
                    ..base
                },
            )]);
            return lines;
        }
        // Below level 2: bold (and coloured) text set apart by blank lines; no `###`
        // prefix, which reads as leftover Markdown.
        wrap::wrap(&spans, width)
    }

    fn list(
        &mut self,
        start: Option<u64>,
        tight: bool,
        items: &[Vec<Block>],
        width: usize,
    ) -> Vec<Line> {
        let markers: Vec<String> = match start {
            Some(n) => (0..items.len() as u64)
                .map(|k| format!("{}.", n + k))
                .collect(),
            None => {
                let bullets = if self.opts.ascii {
                    ["-", "*", "+"]
                } else {
                    ["•", "◦", "▪"]
                };
                vec![bullets[self.list_depth % 3].to_string(); items.len()]
            }
        };
        let mw = markers.iter().map(|m| text::width(m)).max().unwrap_or(1) + 1;
        let style = Style {
            bold: true,
            fg: Some(Color::Yellow),
            ..Style::default()
        };
        let style = if start.is_some() {
            Style::bold()
        } else {
            style
        };
        let roomy = width >= mw + MIN_INNER;
        let inner_w = if roomy { width - mw } else { width };
        self.list_depth += 1;
        let mut out: Vec<Line> = Vec::new();
        for (item, marker) in items.iter().zip(&markers) {
            if !tight && !out.is_empty() {
                out.push(Vec::new());
            }
            let inner = self.blocks(item, inner_w, tight);
            let head = Span::new(format!("{marker:<w$}", w = mw), style);
            if !roomy {
                out.push(vec![head.clone()]);
                out.extend(inner);
                continue;
            }
            if inner.is_empty() {
                out.push(vec![head.clone()]);
            }
            for (i, l) in inner.into_iter().enumerate() {
                let mut line = Vec::with_capacity(l.len() + 1);
                if i == 0 {
                    line.push(head.clone());
                } else if !l.is_empty() {
                    line.push(Span::plain(" ".repeat(mw)));
                }
                line.extend(l);
                out.push(line);
            }
        }
        self.list_depth -= 1;
        out
    }

    /// Styled spans for inline tokens, on top of `base`.
    fn spans(&mut self, toks: &[Tok], base: Style) -> Vec<Span> {
        let color = self.opts.color;
        let hyper = self.opts.hyperlinks;
        let mut out: Vec<Span> = Vec::new();
        let (mut strong, mut emph, mut strike) = (0usize, 0usize, 0usize);
        let mut link: Option<(usize, String, Option<u32>)> = None; // start span, url, index
        let mut image: Option<(String, String)> = None; // url, alt
        for t in toks {
            let mut style = base;
            style.bold |= strong > 0;
            style.italic |= emph > 0;
            style.strike |= strike > 0;
            if let Some((_, _, idx)) = &link {
                style.underline = true;
                style.fg = Some(Color::Blue);
                style.link = *idx;
            }
            match t {
                Tok::Text(s) => match &mut image {
                    Some((_, alt)) => alt.push_str(s),
                    None => out.push(Span::new(sanitize(s), style)),
                },
                Tok::Code(s) => match &mut image {
                    Some((_, alt)) => alt.push_str(s),
                    None => {
                        let s = sanitize(s);
                        let code = Style {
                            fg: Some(Color::Green),
                            code: true,
                            ..style
                        };
                        // A span with a space at an edge (`  /data/`) keeps its backticks, or its
                        // space reads as one before the particle after it (issue 9).
                        if color && !s.starts_with(' ') && !s.ends_with(' ') {
                            out.push(Span::new(s, code));
                        } else {
                            out.push(Span::new(format!("`{s}`"), code));
                        }
                    }
                },
                Tok::SoftBreak => out.push(Span::new(" ", style)),
                Tok::HardBreak => out.push(Span::new("\n", style)),
                Tok::Start(m) => match m {
                    Mark::Strong => strong += 1,
                    Mark::Emph => emph += 1,
                    Mark::Strike => {
                        strike += 1;
                        if !color {
                            out.push(Span::new("~~", style));
                        }
                    }
                    Mark::Link(url) => {
                        // Only a URL a terminal can open becomes a hyperlink; a relative
                        // path or a command is shown in brackets instead.
                        let openable = url.contains("://") || url.starts_with("mailto:");
                        let idx = (hyper && openable).then(|| {
                            self.links.push(sanitize(url));
                            (self.links.len() - 1) as u32
                        });
                        link = Some((out.len(), url.clone(), idx));
                    }
                    Mark::Image(url) => image = Some((url.clone(), String::new())),
                },
                Tok::End(m) => match m {
                    Mark::Strong => strong = strong.saturating_sub(1),
                    Mark::Emph => emph = emph.saturating_sub(1),
                    Mark::Strike => {
                        strike = strike.saturating_sub(1);
                        if !color {
                            out.push(Span::new("~~", style));
                        }
                    }
                    Mark::Link(_) => {
                        if let Some((start, url, idx)) = link.take() {
                            let shown = text::plain_text(&out[start..]);
                            let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                            if idx.is_none() && !url.is_empty() && shown.trim() != bare {
                                let before = text::plain_text(&out[..start]);
                                out.extend(link_target(&before, &shown, &sanitize(&url)));
                            }
                        }
                    }
                    Mark::Image(_) => {
                        if let Some((url, alt)) = image.take() {
                            let alt = if alt.trim().is_empty() { url } else { alt };
                            out.push(Span::new(
                                format!("[image: {}]", sanitize(alt.trim())),
                                Style { dim: true, ..style },
                            ));
                        }
                    }
                },
            }
        }
        out
    }
}

/// What follows a link's text to show where it leads, when the terminal cannot open it:
/// ` (target)`, or `: target` when that would nest parentheses (the link sits inside an open
/// parenthesis, as in `다음 레슨([가상환경](environments.md))`, or its text already ends in
/// one). A colon reads naturally in both languages, and is one column wide everywhere (an
/// em dash is East Asian ambiguous width: two columns on many CJK terminals).
///
/// The target is something to type or open (`course lesson pip`), so it is one word to the
/// wrapper, like a code span: it moves whole to the next line and never splits at its spaces
/// (issue 9). The space before it still breaks.
fn link_target(before: &str, shown: &str, target: &str) -> Vec<Span> {
    let open = before.chars().fold(0i32, |depth, c| match c {
        '(' => depth + 1,
        ')' => (depth - 1).max(0),
        _ => depth,
    });
    let (lead, close) = if open > 0 || shown.trim_end().ends_with(')') {
        (": ", "")
    } else {
        (" (", ")")
    };
    let whole = Style {
        code: true,
        ..Style::dim()
    };
    let mut spans = vec![Span::new(lead, Style::dim()), Span::new(target, whole)];
    if !close.is_empty() {
        spans.push(Span::new(close, Style::dim()));
    }
    spans
}

/// Text of an HTML block without comments and tags.
fn strip_html(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|k| k + 3)
        } else {
            rest.find('>').map(|k| k + 1)
        };
        match end {
            Some(k) => {
                let tag = rest[..k].to_ascii_lowercase();
                if tag.starts_with("<br") || tag.starts_with("</p") || tag.starts_with("</div") {
                    out.push('\n');
                }
                rest = &rest[k..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests;
