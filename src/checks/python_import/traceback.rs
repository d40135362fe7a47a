//! Reading what Python printed when an import failed: the traceback's frames, the last one
//! in the workspace's own code (not the environment's), and the module a
//! `ModuleNotFoundError` names.

use std::path::{Path, PathBuf};

use crate::python::show_path;

/// A frame of a Python traceback.
#[derive(Debug, PartialEq, Eq)]
struct Frame {
    file: String,
    line: u32,
}

/// `  File "path", line 3, in <module>` lines.
fn frames(stderr: &str) -> Vec<Frame> {
    stderr
        .lines()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix("File \"")?;
            let (file, rest) = rest.split_once("\", line ")?;
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            Some(Frame {
                file: file.to_string(),
                line: digits.parse().ok()?,
            })
        })
        .collect()
}

/// The last traceback frame in a workspace file (outside the environment), as a
/// workspace-relative path and line.
pub(super) fn workspace_frame(root: &Path, env_dir: &Path, stderr: &str) -> Option<(String, u32)> {
    let own = own_file(root, env_dir);
    frames(stderr).into_iter().rev().find_map(|f| {
        if f.file.starts_with('<') {
            return None;
        }
        own(Path::new(&f.file)).map(|rel| (rel, f.line))
    })
}

/// A path Python named (absolute, or relative to the workspace root) as the workspace's own
/// file, workspace-relative: `None` for a file of the environment or outside the workspace.
pub(super) fn own_file<'a>(
    root: &'a Path,
    env_dir: &Path,
) -> impl Fn(&Path) -> Option<String> + 'a {
    let roots: Vec<PathBuf> = [Some(root.to_path_buf()), root.canonicalize().ok()]
        .into_iter()
        .flatten()
        .collect();
    let env_dirs: Vec<PathBuf> = [Some(env_dir.to_path_buf()), env_dir.canonicalize().ok()]
        .into_iter()
        .flatten()
        .collect();
    move |p: &Path| {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            root.join(p)
        };
        if env_dirs.iter().any(|e| p.starts_with(e)) {
            return None;
        }
        roots
            .iter()
            .find(|r| p.starts_with(r))
            .map(|r| show_path(r, &p))
    }
}

/// `No module named 'x.y'` -> `x.y`.
pub(super) fn missing_module(last: &str) -> Option<&str> {
    let rest = last.strip_prefix("ModuleNotFoundError: No module named '")?;
    rest.split('\'').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TB: &str = r#"Traceback (most recent call last):
  File "<string>", line 1, in <module>
  File "/ws/src/utils/__init__.py", line 2, in <module>
    from .helpers import nothing
  File "/ws/.venv/lib/python3.11/site-packages/x/__init__.py", line 7, in <module>
    raise ImportError("nope")
ImportError: nope
"#;

    #[test]
    fn parses_frames() {
        let f = frames(TB);
        assert_eq!(f.len(), 3);
        assert_eq!(
            f[1],
            Frame {
                file: "/ws/src/utils/__init__.py".into(),
                line: 2
            }
        );
    }

    #[test]
    fn finds_the_last_workspace_frame_outside_the_env() {
        let at = workspace_frame(Path::new("/ws"), Path::new("/ws/.venv"), TB);
        assert_eq!(at, Some(("src/utils/__init__.py".to_string(), 2)));
    }

    #[test]
    fn missing_module_name() {
        assert_eq!(
            missing_module("ModuleNotFoundError: No module named 'src.training'"),
            Some("src.training")
        );
        assert_eq!(missing_module("ImportError: nope"), None);
    }
}
