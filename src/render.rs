//! Markdown to terminal text (not implemented yet: prints the source).

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
}

/// Render Markdown to lines of terminal text, joined with `\n` and ending in one.
pub fn render(markdown: &str, _opts: &RenderOptions) -> String {
    let mut s = markdown.to_string();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}
