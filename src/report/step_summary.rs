//! Appending the `--format github` Markdown summary to `$GITHUB_STEP_SUMMARY`, kept within
//! the 1 MiB GitHub keeps per step (cut at a character boundary, with a note saying where the
//! rest is).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::i18n::Lang;
use crate::tr;

/// GitHub keeps at most this much of a step's job summary.
pub const STEP_SUMMARY_LIMIT: u64 = 1024 * 1024;

/// Append `summary` to the file named by `$GITHUB_STEP_SUMMARY`, when it is set.
pub fn append_to_env(summary: &str, lang: Lang) -> Result<()> {
    match std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
        Some(path) => append(Path::new(&path), summary, lang),
        None => Ok(()),
    }
}

/// Append `summary` to the job summary file, keeping the file within GitHub's 1 MiB.
pub fn append(path: &Path, summary: &str, lang: Lang) -> Result<()> {
    let existing = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let room = STEP_SUMMARY_LIMIT.saturating_sub(existing) as usize;
    let text = fit(summary, room, lang);
    if text.is_empty() {
        return Ok(());
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| {
            format!(
                "cannot open the job summary {} (from $GITHUB_STEP_SUMMARY)",
                path.display()
            )
        })?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write the job summary {}", path.display()))
}

/// `summary` cut to `room` bytes with a note, or nothing when not even the note fits.
fn fit(summary: &str, room: usize, lang: Lang) -> String {
    if summary.len() <= room {
        return summary.to_string();
    }
    let note = tr!(
        "\n\n*(cut: GitHub keeps 1 MiB of job summary; run `course grade --format json` for everything)*\n",
        "\n\n*(잘림: GitHub 작업 요약은 1 MiB까지입니다. 전체는 `course grade --format json`으로 보십시오)*\n"
    );
    let note = note.get(lang);
    if room < note.len() {
        return String::new();
    }
    let mut cut = room - note.len();
    while cut > 0 && !summary.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{note}", &summary[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_summary_is_appended_and_capped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.md");
        std::fs::write(&path, "before\n").unwrap();
        append(&path, "## table\n", Lang::En).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "before\n## table\n"
        );
        let big = "가".repeat(400_000); // 1.2 MB
        append(&path, &big, Lang::En).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.len() as u64 <= STEP_SUMMARY_LIMIT, "{}", text.len());
        assert!(text.starts_with("before\n## table\n가"));
        assert!(text.ends_with("for everything)*\n"));
        // A full file takes nothing more.
        append(&path, "more", Lang::En).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}
