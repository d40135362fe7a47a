//! `ImportError: cannot import name 'VLAModel' from 'src.model.vla' (.../src/model/vla.py)`:
//! the module was found and imported, but holds no such name (an empty `vla.py`, a class
//! still to write, a typo), or it was still being imported (a circular import). The fix
//! names the module, the file where the name must be defined, and the learner's own words.

use std::path::Path;

use crate::i18n::Tr;
use crate::tr;

/// What Python's last line says: the name asked for, the module asked, whether the module
/// was only partly imported (a circular import), and the module's file when given.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct CannotImport<'a> {
    pub name: &'a str,
    pub module: &'a str,
    pub circular: bool,
    pub path: Option<&'a str>,
}

/// `ImportError: cannot import name 'X' from 'Y' (PATH)` read, in the forms of Python 3.8
/// to 3.13 (`from partially initialized module 'Y' (most likely due to a circular import)`,
/// `(unknown location)`, a `Did you mean` after it).
pub(super) fn parse(last: &str) -> Option<CannotImport<'_>> {
    let rest = last.strip_prefix("ImportError: cannot import name '")?;
    let (name, rest) = rest.split_once('\'')?;
    let (circular, rest) = match rest.strip_prefix(" from partially initialized module '") {
        Some(r) => (true, r),
        None => (false, rest.strip_prefix(" from '")?),
    };
    let (module, rest) = rest.split_once('\'')?;
    let path = rest
        .rfind(" (/")
        .or_else(|| rest.rfind(" ("))
        .map(|at| &rest[at + 2..])
        .and_then(|p| p.split_once(')').map(|(p, _)| p))
        .filter(|p| p.ends_with(".py"));
    Some(CannotImport {
        name,
        module,
        circular,
        path,
    })
}

/// The fix for `c`: where to define the name when the module is the workspace's own file,
/// else what to check. `in_workspace` gives a path's workspace-relative form when it is one
/// of the workspace's own files (not the environment's); `run` is the interpreter as typed
/// and `code` the import that failed.
pub(super) fn hint(
    c: &CannotImport,
    root: &Path,
    in_workspace: impl Fn(&Path) -> Option<String>,
    run: &str,
    code: &str,
) -> Tr {
    let (name, module) = (c.name, c.module);
    if c.circular {
        return tr!(
            "`{module}` was still being imported when `{name}` was asked of it: two modules import each other (a circular import). Import `{name}` inside the function that uses it, or move what both need into a third module; then try:\n  {run} -c \"{code}\"",
            "`{module}`을(를) 아직 import하는 중에 `{name}`을(를) 가져오려 했습니다: 두 모듈이 서로를 import합니다(순환 import). `{name}`은(는) 그것을 쓰는 함수 안에서 import하거나, 둘 다 쓰는 것을 세 번째 모듈로 옮기십시오. 고친 뒤 확인하십시오:\n  {run} -c \"{code}\""
        );
    }
    let own = c.path.and_then(|p| in_workspace(Path::new(p)));
    match own {
        Some(rel) => {
            let empty =
                std::fs::read_to_string(root.join(&rel)).is_ok_and(|text| text.trim().is_empty());
            let state = if empty {
                tr!(" (the file is empty)", " (파일이 비어 있습니다)")
            } else {
                Tr::same("")
            };
            tr!(
                "`{module}` ({rel}) has no `{name}`{state}: define `{name}` in {rel} (e.g. `class {name}:` with its body), or import a name {rel} has; then try:\n  {run} -c \"{code}\"",
                "`{module}`({rel})에 `{name}`이(가) 없습니다{state}. {rel}에 `{name}`을(를) 정의하거나(예: `class {name}:`와 그 본문) {rel}에 있는 이름을 import하십시오. 고친 뒤 확인하십시오:\n  {run} -c \"{code}\"";
                state = state
            )
        }
        None => {
            let top = module.split('.').next().unwrap_or(module);
            let pkg = crate::checks::shared::pip_name(top);
            tr!(
                "the installed `{module}` has no `{name}`: check the name's spelling, and whether the code was written for another version of `{pkg}` (this shows the installed one):\n  {run} -m pip show {pkg}",
                "설치된 `{module}`에 `{name}`이(가) 없습니다. 이름의 철자와, 코드가 `{pkg}`의 다른 버전에 맞춰 쓰였는지 확인하십시오(설치된 버전은 이 명령으로 봅니다):\n  {run} -m pip show {pkg}"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue9_cannot_import_name_is_read_in_every_form() {
        let c = parse("ImportError: cannot import name 'VLAModel' from 'src.model.vla' (/ws/src/model/vla.py)").unwrap();
        assert_eq!(
            c,
            CannotImport {
                name: "VLAModel",
                module: "src.model.vla",
                circular: false,
                path: Some("/ws/src/model/vla.py")
            }
        );
        let c = parse("ImportError: cannot import name 'A' from partially initialized module 'src.a' (most likely due to a circular import) (/ws/src/a.py)").unwrap();
        assert!(c.circular);
        assert_eq!((c.module, c.path), ("src.a", Some("/ws/src/a.py")));
        let c = parse("ImportError: cannot import name 'x' from 'pkg' (unknown location)").unwrap();
        assert_eq!(c.path, None);
        let c = parse("ImportError: cannot import name 'dumps' from 'json' (/usr/lib/python3.12/json/__init__.py). Did you mean: 'dump'?").unwrap();
        assert_eq!(c.path, Some("/usr/lib/python3.12/json/__init__.py"));
        assert_eq!(parse("ImportError: nope"), None);
        assert_eq!(parse("ModuleNotFoundError: No module named 'x'"), None);
    }
}
