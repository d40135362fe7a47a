//! YAML with locations: every error names the file, line and column, so a learner or an
//! author can go straight to it. Used for course files, answer files and `.course/` state.

use anyhow::Result;

use crate::exit::usage;

/// Parse YAML text, naming `shown_path` (and the line and column) in any error.
pub fn parse_str<T: serde::de::DeserializeOwned>(text: &str, shown_path: &str) -> Result<T> {
    serde_yaml::from_str(text).map_err(|e| {
        let location = e
            .location()
            .map(|l| format!(":{}:{}", l.line(), l.column()))
            .unwrap_or_default();
        // serde_yaml appends "at line N column M"; the location is already in front.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        usage(format!("{shown_path}{location}: {message}"))
    })
}
