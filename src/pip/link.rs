//! What pip 26 makes of the requirement on one line (`req/constructors.py`:
//! `parse_req_from_line` and `parse_editable`, with `models/link.py` for URLs): a PEP 508
//! requirement, `name @ url`, a bare URL (its name from `#egg=` or a wheel file name), a local
//! path, or an error pip would raise. Pure: a local path is reported as such, because only the
//! file system can say whether pip would accept it (an installable folder).

use super::pep508::{self, canonical_name, is_valid_name};
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

const VCS: &[&str] = &["bzr", "git", "hg", "svn"];
const VCS_SCHEMES: &[&str] = &[
    "bzr+http",
    "bzr+https",
    "bzr+ssh",
    "bzr+sftp",
    "bzr+ftp",
    "bzr+lp",
    "bzr+file",
    "git+http",
    "git+https",
    "git+ssh",
    "git+git",
    "git+file",
    "hg+file",
    "hg+http",
    "hg+https",
    "hg+ssh",
    "hg+static-http",
    "svn+ssh",
    "svn+http",
    "svn+https",
    "svn+svn",
    "svn+file",
];
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

/// `urllib.parse.urlsplit(url).scheme`, lowercased ("" when none).
fn scheme(url: &str) -> String {
    let url = url.trim_start_matches(|c: char| c <= ' ');
    match url.find(':') {
        Some(i)
            if i > 0
                && url.as_bytes()[0].is_ascii_alphabetic()
                && url[..i]
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')) =>
        {
            url[..i].to_ascii_lowercase()
        }
        _ => String::new(),
    }
}

/// pip's `is_url`: a scheme pip downloads from.
fn is_url(text: &str) -> bool {
    let s = scheme(text);
    matches!(s.as_str(), "http" | "https" | "file" | "ftp") || VCS_SCHEMES.contains(&s.as_str())
}

fn is_vcs(url: &str) -> bool {
    VCS_SCHEMES.contains(&scheme(url).as_str())
}

/// The parts of a URL as `urllib.parse.urlsplit` finds them (it drops tabs and newlines
/// first): (netloc, unquoted path).
fn split_url(url: &str) -> (String, String) {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let s = scheme(&cleaned);
    let mut rest = cleaned.as_str();
    if !s.is_empty() {
        rest = &rest[s.len() + 1..];
    }
    let mut netloc = "";
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        netloc = &after[..end];
        rest = &after[end..];
    }
    let path = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    (netloc.to_string(), unquote(path))
}

fn url_path(url: &str) -> String {
    split_url(url).1
}

/// `urlsplit`'s "Invalid IPv6 URL": a netloc (after `scheme://` or a leading `//`) whose
/// brackets do not pair up or do not hold an IPv6 address.
fn bad_netloc(url: &str) -> bool {
    let (netloc, _) = split_url(url);
    let open = netloc.contains('[');
    if open != netloc.contains(']') {
        return true;
    }
    if !open {
        return false;
    }
    let host = netloc.rsplit('@').next().unwrap_or("");
    let inside = host
        .split_once('[')
        .and_then(|(_, r)| r.split_once(']'))
        .map(|(h, _)| h)
        .unwrap_or("");
    let ipv6 = inside.contains(':')
        && inside
            .chars()
            .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.' | '%'));
    !ipv6 && !inside.starts_with(['v', 'V'])
}

/// What pip's `Link` and `InstallRequirement` refuse in a URL: an `#egg=` that is not a
/// project name, a netloc with unbalanced `[`/`]` (urlsplit's "Invalid IPv6 URL"), and a
/// `file:` URL naming another host.
fn check_link(url: &str) -> Result<Option<String>, ReqError> {
    let egg = egg_fragment(url)?;
    if bad_netloc(url) {
        return Err(ReqError::BadUrl(format!("Invalid IPv6 URL: {url}")));
    }
    let (netloc, _) = split_url(url);
    if scheme(url) == "file" && !url.starts_with("file:") {
        // pip's `url_to_path` asserts the spelling (`FILE:///x` is refused).
        return Err(ReqError::BadUrl(format!(
            "You can only turn file: urls into filenames (not {url})"
        )));
    }
    if scheme(url) == "file" && !netloc.is_empty() && netloc != "localhost" {
        return Err(ReqError::BadUrl(format!(
            "non-local file URIs are not supported: {url}"
        )));
    }
    Ok(egg)
}

/// `urllib.parse.unquote`: `%XX` decoded as UTF-8 (invalid sequences replaced).
fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

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

/// `Link.egg_fragment`: the `#egg=`/`&egg=` value, which must be a project name.
fn egg_fragment(url: &str) -> Result<Option<String>, ReqError> {
    let Some(at) = url
        .match_indices("egg=")
        .map(|(i, _)| i)
        .find(|&i| i > 0 && matches!(url.as_bytes()[i - 1], b'#' | b'&'))
    else {
        return Ok(None);
    };
    let value = &url[at + 4..];
    let value = &value[..value.find('&').unwrap_or(value.len())];
    if is_valid_name(value) {
        Ok(Some(value.to_string()))
    } else {
        Err(ReqError::EggFragment(value.to_string()))
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
    Ok(canonical_name(name))
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

/// pip's `strip_extras` on the line as a path: `[...]` at its very end (after any `/`) must
/// be extras `packaging` reads, or pip refuses the line before looking at any file.
fn extras_at_end(name: &str) -> Result<(), ReqError> {
    let path = name.trim_end_matches('/');
    let Some(open) = path.strip_suffix(']').and_then(|p| p.rfind('[')) else {
        return Ok(());
    };
    let inside = &path[open + 1..path.len() - 1];
    if open == 0 || inside.is_empty() || inside.contains(']') {
        return Ok(());
    }
    let placeholder = format!("placeholder[{}]", inside.to_lowercase());
    pep508::parse_requirement(&placeholder)
        .map(|_| ())
        .map_err(ReqError::Syntax)
}

/// A local path rather than a name or URL: pip would look for a folder there. As pip on
/// POSIX sees it (where graders run): `/` separates, `\` does not.
pub fn looks_like_local_path(text: &str) -> bool {
    let text = text.split(';').next().unwrap_or("").trim();
    let head = text.split('/').next().unwrap_or("");
    let lower = text.to_ascii_lowercase();
    !text.contains("://")
        && !is_url(text)
        && !lower.starts_with("file:")
        && !VCS.iter().any(|v| lower.starts_with(&format!("{v}:")))
        && !head.contains('@')
        && !text.contains('\0') // no file has a NUL in its name
        && (text.contains('/') || text.starts_with('.'))
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
    let marker = marker.to_string();
    if !is_url(name) {
        extras_at_end(name)?;
    }
    if is_url(name) {
        return Ok(Parsed {
            form: Form::BareUrl,
            name: from_link(name)?,
            marker,
        });
    }
    if looks_like_local_path(name) {
        // pip accepts it only where an installable folder or an archive exists.
        return local_file(basename(strip_extras(name)), marker);
    }
    let path = strip_extras(name);
    if ARCHIVES.contains(&extension(basename(path)).to_ascii_lowercase().as_str())
        && !name.contains('@')
    {
        return local_file(basename(path), marker);
    }
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
