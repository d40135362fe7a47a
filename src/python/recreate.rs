//! How to make a broken environment again (a moved or copied venv, a Python removed from
//! under it): the commands of the fix, for the shell and paths of the platform they are
//! written for, and where the environment was made from (`pyvenv.cfg`).

use std::path::Path;

use super::{EnvKind, PyvenvCfg};
use crate::escape::Platform;
use crate::i18n::Tr;
use crate::tr;

/// " (made by Python 3.11.7 from /usr/bin)" from pyvenv.cfg, or nothing.
pub(super) fn made_from(cfg: &PyvenvCfg) -> Tr {
    match (&cfg.version, &cfg.home) {
        (Some(v), Some(h)) => tr!(
            " (made by Python {v} from {h})",
            " ({h}의 Python {v}(으)로 만든 환경)"
        ),
        (None, Some(h)) => tr!(
            " (made by the Python in {h})",
            " ({h}의 Python으로 만든 환경)"
        ),
        (Some(v), None) => tr!(" (made by Python {v})", " (Python {v}(으)로 만든 환경)"),
        (None, None) => Tr::same(""),
    }
}

/// How to make an environment again (a moved venv, a broken interpreter), from the
/// workspace `root`: the packages come back from `requirements.txt` (or `environment.yml`)
/// only when the workspace has one, else the fix says to install them again.
pub fn recreate_hint(root: &Path, d: &str, kind: EnvKind) -> Tr {
    let has = |name: &str| root.join(name).is_file();
    let files = EnvFiles {
        requirements: has("requirements.txt"),
        environment_yml: has("environment.yml"),
    };
    recreate_hint_on(crate::escape::Platform::HOST, d, kind, files)
}

/// Which files the packages of a re-made environment can come back from.
#[derive(Clone, Copy, Debug, Default)]
struct EnvFiles {
    requirements: bool,
    environment_yml: bool,
}

/// [`recreate_hint`] in the commands and paths of `platform` (`d` is `/`-separated, as
/// [`show_path`] gives it): `rm -rf` and `d/bin/python` in sh, `Remove-Item` and
/// `d\Scripts\python.exe` in PowerShell.
fn recreate_hint_on(platform: Platform, d: &str, kind: EnvKind, files: EnvFiles) -> Tr {
    use crate::escape::{shell_program_on, shell_word_on};
    let d = match platform {
        Platform::Posix => d.to_string(),
        Platform::Windows => d.replace('/', "\\"),
    };
    let q = shell_word_on(platform, &d);
    match kind {
        EnvKind::Venv => {
            let (remove, make, py) = match platform {
                Platform::Posix => (
                    format!("rm -rf {q}"),
                    format!("python3 -m venv {q}"),
                    format!("{d}/bin/python"),
                ),
                Platform::Windows => (
                    format!("Remove-Item -Recurse -Force {q}"),
                    format!("py -m venv {q}"),
                    format!("{d}\\Scripts\\python.exe"),
                ),
            };
            let py = shell_program_on(platform, &py);
            let mut hint = tr!(
                "make the environment again where it is used (a virtual environment cannot be moved or copied):\n  {remove}\n  {make}",
                "가상환경은 옮기거나 복사하면 동작하지 않습니다. 지우고 그 자리에 다시 만드십시오:\n  {remove}\n  {make}"
            );
            hint.append("\n", &if files.requirements {
                tr!(
                    "  {py} -m pip install -r requirements.txt",
                    "  {py} -m pip install -r requirements.txt"
                )
            } else {
                tr!(
                    "then install the packages it had again, e.g.:\n  {py} -m pip install torch numpy",
                    "그다음 있던 패키지를 다시 설치하십시오. 예:\n  {py} -m pip install torch numpy"
                )
            });
            hint
        }
        EnvKind::Conda if files.environment_yml => tr!(
            "recreate the conda environment:\n  conda env remove -p {q}\n  conda env create -p {q} -f environment.yml",
            "conda 환경을 다시 만드십시오:\n  conda env remove -p {q}\n  conda env create -p {q} -f environment.yml"
        ),
        EnvKind::Conda => tr!(
            "recreate the conda environment, then install its packages again:\n  conda env remove -p {q}\n  conda create -p {q} python=3.12",
            "conda 환경을 다시 만든 뒤 패키지를 다시 설치하십시오:\n  conda env remove -p {q}\n  conda create -p {q} python=3.12"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn hint(platform: Platform, d: &str, kind: EnvKind, requirements: bool) -> Tr {
        let files = EnvFiles {
            requirements,
            environment_yml: false,
        };
        recreate_hint_on(platform, d, kind, files)
    }

    /// Issue 9: the Windows fix is PowerShell with the environment's own
    /// `Scripts\python.exe`, never a POSIX path or an unfilled `{d}`.
    #[test]
    fn issue9_recreate_hint_names_the_interpreter_of_each_platform() {
        let posix = hint(Platform::Posix, "envs/my venv", EnvKind::Venv, true);
        assert_eq!(
            posix.get(Lang::En),
            "make the environment again where it is used (a virtual environment cannot be moved or copied):\n  rm -rf 'envs/my venv'\n  python3 -m venv 'envs/my venv'\n  'envs/my venv/bin/python' -m pip install -r requirements.txt"
        );
        let windows = hint(Platform::Windows, "envs/my venv", EnvKind::Venv, true);
        assert_eq!(
            windows.get(Lang::En),
            "make the environment again where it is used (a virtual environment cannot be moved or copied):\n  Remove-Item -Recurse -Force 'envs\\my venv'\n  py -m venv 'envs\\my venv'\n  & 'envs\\my venv\\Scripts\\python.exe' -m pip install -r requirements.txt"
        );
        let plain = hint(Platform::Windows, ".venv", EnvKind::Venv, false);
        assert!(
            plain.get(Lang::Ko).ends_with(
                "다시 설치하십시오. 예:\n  .venv\\Scripts\\python.exe -m pip install torch numpy"
            ),
            "{plain:?}"
        );
        let posix = hint(Platform::Posix, ".venv", EnvKind::Venv, false);
        assert!(
            posix
                .get(Lang::Ko)
                .ends_with("\n  .venv/bin/python -m pip install torch numpy"),
            "{posix:?}"
        );
        for platform in [Platform::Posix, Platform::Windows] {
            for kind in [EnvKind::Venv, EnvKind::Conda] {
                for requirements in [false, true] {
                    let t = hint(platform, "env", kind, requirements);
                    for lang in Lang::ALL {
                        let text = t.get(lang);
                        assert!(!text.contains('{') && !text.contains('}'), "{text}");
                        assert!(!text.contains("/bin/") || platform == Platform::Posix);
                        assert!(
                            !text.contains('`'),
                            "commands on lines of their own: {text}"
                        );
                    }
                }
            }
        }
    }
}
