//! The built-in pager (not implemented yet).

/// Show `text` in the pager; falls back to printing.
pub fn page(text: &str) -> std::io::Result<()> {
    print!("{text}");
    Ok(())
}
