//! Markdown events to a small block tree (paragraphs, headings, lists, quotes, code, tables).
//!
//! Nesting is bounded: a file of 10,000 nested block quotes or list items (20 KB) would
//! otherwise recurse once per level here and in the layout, and overflow the stack. Past
//! [`MAX_DEPTH`] levels the containers are dropped and their content continues flat, after
//! one note that says so; each event is still looked at once, so time stays linear.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::emphasis;

/// Inline markup around tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    Strong,
    Emph,
    Strike,
    Link(String),
    Image(String),
}

/// Inline content of one container, after parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    Text(String),
    Code(String),
    Start(Mark),
    End(Mark),
    SoftBreak,
    HardBreak,
}

#[derive(Debug)]
pub(crate) enum Block {
    Para(Vec<Tok>),
    Heading(usize, Vec<Tok>),
    Code {
        lang: String,
        text: String,
    },
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        tight: bool,
        items: Vec<Vec<Block>>,
    },
    Table {
        aligns: Vec<Alignment>,
        rows: Vec<Vec<Vec<Tok>>>,
    },
    Rule,
    Html(String),
}

type Events<'a> = std::iter::Peekable<std::vec::IntoIter<Event<'a>>>;

/// Parse, and undo one CommonMark rule that hurts a Python course: `__init__.py` would show
/// as a bold `init` followed by `.py`. Strong emphasis written with `__` around a lone
/// lower-case identifier is a dunder name, so it goes back to literal text.
fn events(body: &str, options: Options) -> Vec<Event<'_>> {
    let mut evs: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(body, options).into_offset_iter().collect();
    for i in 0..evs.len().saturating_sub(2) {
        if let (Event::Start(Tag::Strong), Event::Text(t), Event::End(TagEnd::Strong)) =
            (&evs[i].0, &evs[i + 1].0, &evs[i + 2].0)
        {
            let dunder = body[evs[i].1.clone()].starts_with("__")
                && t.starts_with(|c: char| c.is_ascii_lowercase())
                && t.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if dunder {
                evs[i].0 = Event::Text("__".into());
                evs[i + 2].0 = Event::Text("__".into());
            }
        }
    }
    evs.into_iter().map(|(e, _)| e).collect()
}

fn is_inline(ev: &Event) -> bool {
    match ev {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::FootnoteReference(_)
        | Event::TaskListMarker(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript
        ),
        _ => false,
    }
}

/// Containers (quotes, lists, items) more deeply nested than this are shown flat.
pub(crate) const MAX_DEPTH: usize = 32;

/// The note put where nesting stops, once per document. The renderer knows no language, so
/// it says it in both.
pub(crate) const FLAT_NOTE: &str =
    "[더 깊은 중첩은 평평하게 보여 줍니다 / deeper nesting shown flat]";

/// The Markdown `body` as blocks, nested at most [`MAX_DEPTH`] deep.
pub(crate) fn parse(body: &str, options: Options) -> Vec<Block> {
    let mut it = events(body, options).into_iter().peekable();
    let mut p = BlockParser::default();
    p.parse_blocks(&mut it).0
}

#[derive(Default)]
struct BlockParser {
    /// Containers open around the blocks being read.
    depth: usize,
    /// The flat note has been given.
    noted: bool,
}

impl BlockParser {
    /// Blocks up to the end of the current container (its `End` is consumed). The flag says
    /// whether a paragraph was seen directly (a list item with one makes the list loose).
    ///
    /// Past the depth limit the containers inside are dropped (their starts and ends only
    /// counted) and their leaf blocks kept in order, after a note: no further recursion, so
    /// no depth of input can overflow the stack, and each event is looked at once.
    fn parse_blocks(&mut self, it: &mut Events) -> (Vec<Block>, bool) {
        let flat = self.depth >= MAX_DEPTH;
        let mut blocks = Vec::new();
        if flat && !self.noted {
            self.noted = true;
            blocks.push(Block::Para(vec![Tok::Text(FLAT_NOTE.into())]));
        }
        self.depth += 1;
        // Containers opened (and dropped) inside this one, when flat.
        let mut open = 0usize;
        let mut para = false;
        while let Some(ev) = it.peek() {
            if is_inline(ev) {
                blocks.push(Block::Para(parse_inline(it, true)));
                continue;
            }
            let Some(ev) = it.next() else { break };
            match ev {
                Event::End(_) if open == 0 => break,
                Event::End(_) => open -= 1,
                Event::Start(tag) => {
                    para |= matches!(tag, Tag::Paragraph);
                    match leaf(tag, it) {
                        Ok(block) => blocks.push(block),
                        Err(_) if flat => open += 1,
                        Err(Tag::BlockQuote(_)) => {
                            blocks.push(Block::Quote(self.parse_blocks(it).0))
                        }
                        Err(Tag::List(start)) => blocks.push(self.list(start, it)),
                        // Footnote definitions, definition lists, metadata (not enabled):
                        // their blocks.
                        Err(_) => {
                            let inner = self.parse_blocks(it).0;
                            blocks.extend(inner)
                        }
                    }
                }
                ev => blocks.extend(loose_block(ev)),
            }
        }
        self.depth -= 1;
        (blocks, para && !flat)
    }

    fn list(&mut self, start: Option<u64>, it: &mut Events) -> Block {
        let mut items = Vec::new();
        let mut loose = false;
        while let Some(ev) = it.next() {
            match ev {
                Event::Start(Tag::Item) => {
                    let (item, p) = self.parse_blocks(it);
                    loose |= p;
                    items.push(item);
                }
                Event::End(_) => break,
                _ => {}
            }
        }
        Block::List {
            start,
            tight: !loose,
            items,
        }
    }
}

/// A block that holds no other blocks, read up to its end; a container's tag is given back.
fn leaf<'a>(tag: Tag<'a>, it: &mut Events<'a>) -> Result<Block, Tag<'a>> {
    Ok(match tag {
        Tag::Paragraph => Block::Para(parse_inline(it, false)),
        Tag::Heading { level, .. } => Block::Heading(level as usize, parse_inline(it, false)),
        Tag::CodeBlock(kind) => {
            let lang = match kind {
                CodeBlockKind::Fenced(l) => l.to_string(),
                CodeBlockKind::Indented => String::new(),
            };
            let mut text = String::new();
            for ev in it.by_ref() {
                match ev {
                    Event::Text(s) => text.push_str(&s),
                    Event::End(_) => break,
                    _ => {}
                }
            }
            Block::Code { lang, text }
        }
        Tag::HtmlBlock => {
            let mut html = String::new();
            for ev in it.by_ref() {
                match ev {
                    Event::Html(s) | Event::Text(s) => html.push_str(&s),
                    Event::End(_) => break,
                    _ => {}
                }
            }
            Block::Html(html)
        }
        Tag::Table(aligns) => {
            let mut rows: Vec<Vec<Vec<Tok>>> = Vec::new();
            let mut row: Vec<Vec<Tok>> = Vec::new();
            while let Some(ev) = it.next() {
                match ev {
                    Event::Start(Tag::TableCell) => row.push(parse_inline(it, false)),
                    Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                        rows.push(std::mem::take(&mut row))
                    }
                    Event::End(TagEnd::Table) => break,
                    _ => {}
                }
            }
            Block::Table { aligns, rows }
        }
        container => return Err(container),
    })
}

/// A block that is one event, not a start.
fn loose_block(ev: Event) -> Option<Block> {
    match ev {
        Event::Rule => Some(Block::Rule),
        Event::Html(s) => Some(Block::Html(s.to_string())),
        Event::DisplayMath(s) => Some(Block::Code {
            lang: "math".into(),
            text: s.to_string(),
        }),
        _ => None,
    }
}

/// Inline tokens up to the end of the container (consumed); with `tight`, up to the next
/// block-level event of a tight list item (not consumed).
fn parse_inline(it: &mut Events, tight: bool) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut depth = 0usize;
    loop {
        if tight && depth == 0 {
            match it.peek() {
                Some(ev) if is_inline(ev) => {}
                _ => break,
            }
        }
        let Some(ev) = it.next() else { break };
        match ev {
            Event::Text(s) => toks.push(Tok::Text(s.into_string())),
            Event::Code(s) | Event::InlineMath(s) | Event::DisplayMath(s) => {
                toks.push(Tok::Code(s.into_string()))
            }
            Event::SoftBreak => toks.push(Tok::SoftBreak),
            Event::HardBreak => toks.push(Tok::HardBreak),
            Event::InlineHtml(s) | Event::Html(s) => {
                let tag = s.trim().to_ascii_lowercase();
                if tag.starts_with("<br") {
                    toks.push(Tok::HardBreak);
                }
                // Other inline tags are dropped; the text between them stays.
            }
            Event::FootnoteReference(s) => toks.push(Tok::Text(format!("[^{s}]"))),
            Event::TaskListMarker(done) => {
                toks.push(Tok::Text(if done { "[x] " } else { "[ ] " }.into()))
            }
            Event::Start(tag) => {
                depth += 1;
                let mark = match tag {
                    Tag::Emphasis => Some(Mark::Emph),
                    Tag::Strong => Some(Mark::Strong),
                    Tag::Strikethrough => Some(Mark::Strike),
                    Tag::Link { dest_url, .. } => Some(Mark::Link(dest_url.into_string())),
                    Tag::Image { dest_url, .. } => Some(Mark::Image(dest_url.into_string())),
                    _ => None,
                };
                if let Some(m) = mark {
                    toks.push(Tok::Start(m));
                }
            }
            Event::End(tag) => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                let mark = match tag {
                    TagEnd::Emphasis => Some(Mark::Emph),
                    TagEnd::Strong => Some(Mark::Strong),
                    TagEnd::Strikethrough => Some(Mark::Strike),
                    TagEnd::Link => Some(Mark::Link(String::new())),
                    TagEnd::Image => Some(Mark::Image(String::new())),
                    _ => None,
                };
                if let Some(m) = mark {
                    toks.push(Tok::End(m));
                }
            }
            _ => {}
        }
    }
    emphasis::fix(toks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Quote(inner) => 1 + depth(inner),
                Block::List { items, .. } => 1 + items.iter().map(|i| depth(i)).max().unwrap_or(0),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn nesting_stops_at_the_limit_with_one_note_and_keeps_the_text() {
        let md = format!("{}끝\n\n{}end\n", "> ".repeat(500), "- ".repeat(500));
        let blocks = parse(&md, Options::empty());
        assert!(depth(&blocks) <= MAX_DEPTH, "{}", depth(&blocks));
        let text = format!("{blocks:?}");
        assert_eq!(text.matches("deeper nesting shown flat").count(), 1);
        assert!(text.contains("끝") && text.contains("end"), "{text}");
    }

    #[test]
    fn shallow_documents_are_unchanged() {
        let blocks = parse("> a\n>\n> - b\n>   > c\n", Options::empty());
        assert_eq!(depth(&blocks), 3);
        assert!(!format!("{blocks:?}").contains("shown flat"));
    }
}
