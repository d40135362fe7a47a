//! Check kind `config-files`: a folder (e.g. `configs/`) that holds at least one YAML file,
//! every one of which parses, and at least one of which holds settings.

use serde::Deserialize;

use super::shared::{clean, read_file};
use super::{CheckContext, Code, Finding};
use crate::tr;
use crate::walk;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The folder, relative to the workspace root.
    pub dir: String,
    /// File extensions (without the dot, any case) that count as config files.
    #[serde(default = "default_extensions")]
    pub extensions: Vec<String>,
}

fn default_extensions() -> Vec<String> {
    vec!["yaml".to_string(), "yml".to_string()]
}

impl Default for Params {
    fn default() -> Self {
        Params {
            dir: "configs".to_string(),
            extensions: default_extensions(),
        }
    }
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let dir = clean(&params.dir);
    let path = ctx.root.join(&dir);
    let exts: Vec<String> = params
        .extensions
        .iter()
        .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
        .collect();
    let first_ext = exts.first().cloned().unwrap_or_else(|| "yaml".into());
    let list = exts
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ");
    if !ctx.files().kind(&dir).is_ok_and(|m| m.is_dir()) {
        let q = crate::escape::shell_word(&dir);
        return vec![Finding::fail(Code::FolderMissing, tr!(
            "the folder `{dir}/` does not exist",
            "`{dir}/` 폴더가 없습니다"
        ))
        .file_named(&dir)
        .hint(tr!(
            "create the folder, then write the experiment settings in `{dir}/base.{first_ext}`, with lines like `learning_rate: 0.001`:\n  mkdir -p {q}",
            "폴더를 만든 뒤 `{dir}/base.{first_ext}`에 `learning_rate: 0.001` 같은 줄로 실험 설정을 쓰십시오:\n  mkdir -p {q}"
        ))];
    }

    let configs = config_files(ctx.listings(), &path, &exts);
    if configs.is_empty() {
        return vec![Finding::fail(Code::ConfigNone, tr!(
            "`{dir}/` holds no config file ({list})",
            "`{dir}/` 폴더에 설정 파일({list})이 없습니다"
        ))
        .file(&dir)
        .hint(tr!(
            "write the experiment settings in `{dir}/base.{first_ext}`, e.g. `learning_rate: 0.001` and `batch_size: 32` on separate lines",
            "실험 설정을 `{dir}/base.{first_ext}`에 쓰십시오. 예: `learning_rate: 0.001`, `batch_size: 32`를 각각 한 줄에"
        ))];
    }
    let (mut findings, with_settings) = read_configs(ctx, &dir, &configs);
    let failed = findings
        .iter()
        .any(|f| f.status == super::Status::Fail || f.status == super::Status::Error);
    if !failed && with_settings == 0 {
        findings.push(
            Finding::fail(
                Code::ConfigEmpty,
                tr!(
                    "the config files in `{dir}/` hold no settings",
                    "`{dir}/`의 설정 파일에 설정이 하나도 없습니다"
                ),
            )
            .file(&dir)
            .hint(tr!(
                "write the experiment settings as `key: value` lines, e.g. `learning_rate: 0.001`",
                "실험 설정을 `키: 값` 형태로 쓰십시오. 예: `learning_rate: 0.001`"
            )),
        );
    }
    if findings.iter().all(|f| f.status == super::Status::Skip) {
        let n = configs.len();
        let message = if n == 1 {
            tr!(
                "`{dir}/`: 1 config file, valid YAML",
                "`{dir}/`: 설정 파일 1개, 올바른 YAML"
            )
        } else {
            tr!(
                "`{dir}/`: {n} config files, all valid YAML",
                "`{dir}/`: 설정 파일 {n}개, 모두 올바른 YAML"
            )
        };
        findings.push(Finding::pass(Code::ConfigOk, message).file(&dir));
    }
    findings
}

/// The config files under `dir` (regular files with one of `exts`, in walk order), not
/// hidden, not in noise folders, not behind symbolic links (a link may lead out of the
/// workspace).
fn config_files(
    listings: &walk::Listings,
    dir: &std::path::Path,
    exts: &[String],
) -> Vec<walk::Entry> {
    let found = walk::walk_listed(listings, dir, 6, 5_000, |e| {
        let name = e.rel.rsplit('/').next().unwrap_or("");
        !name.starts_with('.') && !walk::is_noise_dir(name)
    });
    found
        .entries
        .into_iter()
        .filter(|e| {
            // The listing's type first: no `lstat` per file where it says.
            !e.is_dir
                && e.rel
                    .rsplit_once('.')
                    .is_some_and(|(_, ext)| exts.contains(&ext.to_ascii_lowercase()))
                && e.is_file.unwrap_or_else(|| {
                    std::fs::symlink_metadata(&e.path).is_ok_and(|m| m.is_file())
                })
        })
        .collect()
}

/// Reads and parses each config file: the findings for those that cannot be read or are
/// not valid YAML, and how many hold at least one setting.
fn read_configs(ctx: &CheckContext, dir: &str, configs: &[walk::Entry]) -> (Vec<Finding>, usize) {
    let mut findings = Vec::new();
    let mut with_settings = 0usize;
    for entry in configs {
        let file = format!("{dir}/{}", entry.rel);
        let text = match read_file(ctx, &file) {
            Ok(text) => text,
            Err(finding) => {
                findings.push(*finding);
                continue;
            }
        };
        match parse(&text) {
            Ok(has_settings) => with_settings += usize::from(has_settings),
            Err(error) => findings.push(invalid_yaml(&text, &error, &file)),
        }
    }
    (findings, with_settings)
}

/// The finding for a config file that is not valid YAML, at the line and column the
/// parser stopped, with a hint for the usual cause (a tab) or the general rules.
fn invalid_yaml(text: &str, error: &crate::yaml::Error, file: &str) -> Finding {
    let crate::yaml::explain::Explained { line, column, what } =
        crate::yaml::explain::explain(text, error);
    let tab = text
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .is_some_and(|l| l.contains('\t'));
    let hint = if tab {
        tr!(
            "YAML indents with spaces, never tabs: replace the tab on line {line} with spaces",
            "YAML은 탭이 아니라 공백으로 들여씁니다: {line}번째 줄의 탭을 공백으로 바꾸십시오"
        )
    } else {
        tr!(
            "fix line {line} (column {column}): write settings as `key: value`, indent nested keys with spaces the same amount, close every `[`, `{{` and quote you open, and quote values holding `: ` or `#`",
            "{line}번째 줄 {column}번째 칸을 고치십시오: 설정은 `키: 값`으로 쓰고, 안쪽 키는 같은 수의 공백으로 들여쓰며, 연 `[`, `{{`, 따옴표는 닫고, `: `이나 `#`이 들어간 값은 따옴표로 감싸십시오"
        )
    };
    let finding = if error.is_too_deep() {
        super::shared::yaml_too_deep(line, column)
    } else {
        Finding::fail(
            Code::YamlInvalid,
            tr!(
                "not valid YAML: {what}",
                "올바른 YAML이 아닙니다: {what}";
                what = what
            ),
        )
        .hint(hint)
    };
    finding.file(file).line(line)
}

/// Parse every YAML document of `text`. Ok(whether some document holds a value other than
/// null), or why not.
fn parse(text: &str) -> Result<bool, crate::yaml::Error> {
    crate::yaml::check_nesting(text).map_err(crate::yaml::Error::TooDeep)?;
    let mut has_settings = false;
    for doc in serde_yaml::Deserializer::from_str(text) {
        let value = serde_yaml::Value::deserialize(doc).map_err(crate::yaml::Error::Yaml)?;
        has_settings |= !value.is_null();
    }
    Ok(has_settings)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reports_line_of_bad_yaml() {
        let e = parse("a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
        let (line, _) = e.location().unwrap();
        assert!(line >= 2, "{line} {e}");
        assert!(!e.reason().contains("at line"), "{e}");
    }

    #[test]
    fn accepts_several_documents_and_comments() {
        assert!(parse("a: 1\n---\nb: 2\n").unwrap());
        assert!(!parse("# only a comment\n").unwrap());
        assert!(!parse("").unwrap());
    }

    #[test]
    fn duplicate_keys_fail() {
        assert!(parse("a: 1\na: 2\n").is_err());
    }
}
