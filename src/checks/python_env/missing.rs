//! A module the environment lacks or cannot import, said with the install command that fits
//! that environment (venv's pip, pip inside conda as lesson 3 teaches, never `conda install`
//! for torch), and the NumPy 1/2 mismatch told apart from a missing module.

use super::*;

/// The conda package (and channel) that provides a module; `None` for PyTorch's packages,
/// which the environments lesson installs with pip inside the conda environment (PyTorch no
/// longer publishes to conda, and its install guide is pip's): the fix must not teach another
/// way than the lesson.
pub(super) fn conda_name(module: &str) -> Option<String> {
    let top = module.split('.').next().unwrap_or(module);
    Some(match top {
        "torch" | "torchvision" | "torchaudio" => return None,
        "cv2" => "-c conda-forge opencv".to_string(),
        "PIL" => "pillow".to_string(),
        "sklearn" => "scikit-learn".to_string(),
        "skimage" => "scikit-image".to_string(),
        "yaml" => "pyyaml".to_string(),
        other => pip_name(other).to_string(),
    })
}

pub(super) fn missing(
    ctx: &CheckContext,
    env: &PythonEnv,
    probe: &Probe,
    module: &str,
    label: &str,
) -> Finding {
    let version = &probe.version;
    let pkg = pip_name(module);
    let msg = tr!(
        "`{module}` is not installed in {label} (Python {version})",
        "`{module}`이(가) {label}(Python {version})에 설치되어 있지 않습니다"
    );
    let group_msg = tr!(
        "these modules are not installed in {label} (Python {version})",
        "다음 모듈이 {label}(Python {version})에 설치되어 있지 않습니다"
    );
    let words = Group::WORDS;
    let conda = conda_name(module).unwrap_or_default();
    let one = install_hint(ctx, env, probe, &shell_word(pkg), &conda);
    // A group installs every module with one pip command, in a conda environment too (as the
    // environments lesson installs PyTorch there).
    let (all, word) = (install_hint(ctx, env, probe, words, ""), shell_word(pkg));
    Finding::fail(Code::EnvModuleMissing, msg)
        .hint(one)
        .group(Group::new(group_msg, module, all).word(word))
}

/// How to install `pkgs` (one or more words) into `env`: with its own interpreter, and when
/// the environment is not already active in this shell, also by activating it.
/// In a conda environment, `pkgs` (pip's names) go to pip inside it, as the environments
/// lesson does; `cpkgs`, conda's names, to an alternative conda line (left out when empty).
pub(super) fn install_hint(
    ctx: &CheckContext,
    env: &PythonEnv,
    probe: &Probe,
    pkgs: &str,
    cpkgs: &str,
) -> Tr {
    let run = shell_program(&show_path(&ctx.root, &env.interpreter));
    let active = env.is_active();
    match env.kind {
        EnvKind::Venv => {
            let dir = show_path(&ctx.root, &env.dir);
            let activate = if cfg!(windows) {
                shell_program(&format!("{dir}\\Scripts\\Activate.ps1"))
            } else {
                format!("source {}", shell_word(&format!("{dir}/bin/activate")))
            };
            let intro = match (probe.has_pip, active) {
                (true, false) => tr!(
                    "install it into this environment from the workspace root:",
                    "작업 폴더에서 이 환경에 설치하십시오:"
                ),
                (true, true) => tr!(
                    "install it into this environment (the one active in this shell):",
                    "이 환경(이 셸에서 활성화한 환경)에 설치하십시오:"
                ),
                (false, _) => tr!(
                    "this environment has no pip yet: from the workspace root, add pip first, then install it:\n  {run} -m ensurepip --upgrade",
                    "이 환경에는 아직 pip이 없습니다: 작업 폴더에서 pip을 먼저 설치한 뒤 패키지를 설치하십시오:\n  {run} -m ensurepip --upgrade"
                ),
            };
            let mut hint = tr!(
                "{intro}\n  {run} -m pip install {pkgs}",
                "{intro}\n  {run} -m pip install {pkgs}";
                intro = intro
            );
            if !active {
                hint.append("", &tr!(
                    "\nor activate the environment and use its pip:\n  {activate}\n  python -m pip install {pkgs}",
                    "\n또는 환경을 활성화한 뒤 그 pip으로 설치하십시오:\n  {activate}\n  python -m pip install {pkgs}"
                ));
            }
            hint
        }
        EnvKind::Conda => {
            let (target, activate) = match &env.conda_name {
                Some(name) => (
                    format!("-n {}", shell_word(name)),
                    format!("conda activate {}", shell_word(name)),
                ),
                None => {
                    let d = shell_word(&show_path(&ctx.root, &env.dir));
                    (format!("-p {d}"), format!("conda activate {d}"))
                }
            };
            // The environments lesson's way first: pip inside the (activated) conda
            // environment, as PyTorch installs now; conda's own package as the alternative.
            let mut hint = if active {
                tr!(
                    "install it with pip into this conda environment (the one active in this shell), as the environments lesson does:\n  python -m pip install {pkgs}",
                    "이 conda 환경(이 셸에서 활성화한 환경)에 pip으로 설치하십시오(가상환경 레슨과 같은 방법입니다):\n  python -m pip install {pkgs}"
                )
            } else {
                tr!(
                    "activate this conda environment and install it with pip, as the environments lesson does:\n  {activate}\n  python -m pip install {pkgs}",
                    "이 conda 환경을 활성화한 뒤 pip으로 설치하십시오(가상환경 레슨과 같은 방법입니다):\n  {activate}\n  python -m pip install {pkgs}"
                )
            };
            if !cpkgs.is_empty() {
                hint.append(
                    "",
                    &tr!(
                        "\nor with conda itself:\n  conda install {target} {cpkgs}",
                        "\n또는 conda로 설치해도 됩니다:\n  conda install {target} {cpkgs}"
                    ),
                );
            }
            hint
        }
    }
}

pub(super) fn import_error(
    ctx: &CheckContext,
    env: &PythonEnv,
    m: &ModuleResult,
    label: &str,
) -> Finding {
    let module = &m.name;
    let err = m.error.as_deref().unwrap_or("Error");
    let text = m.message.as_deref().unwrap_or("");
    let run = shell_program(&show_path(&ctx.root, &env.interpreter));
    let pkg = shell_word(pip_name(module));
    let message = tr!(
        "`import {module}` fails in {label}: {err}: {text}",
        "{label}에서 `import {module}`이(가) 실패합니다: {err}: {text}"
    );
    if numpy_mismatch(text) {
        // Reinstalling the module downloads it again and fails the same way: the module
        // was built for NumPy 1 and NumPy 2 is installed (lesson 2, "Versions must fit").
        let numpy1 = shell_word("numpy<2");
        let newer = if pip_name(module) == "torch" {
            // As the pip lesson says: 2.3 supports NumPy 2, but its Windows wheels and
            // 2.4.0's still fail with it; 2.5 works everywhere.
            tr!(
                " (torch 2.5 or newer: on Windows, 2.3.x and 2.4.0 still fail with NumPy 2)",
                "(torch 2.5 이상. Windows에서는 2.3.x와 2.4.0도 NumPy 2와 함께 쓰면 에러가 납니다)"
            )
        } else {
            tr!("", "")
        };
        return Finding::fail(Code::EnvNumpyMismatch, message).hint(tr!(
            "`{module}` was built for NumPy 1, and this environment has NumPy 2 (the lesson on pip explains it); install a NumPy 1 beside it (and write `numpy<2` in requirements.txt):\n  {run} -m pip install {numpy1}\nor upgrade `{module}` to a version built for NumPy 2{newer}:\n  {run} -m pip install --upgrade {pkg}",
            "`{module}`은(는) NumPy 1용으로 빌드되었는데 이 환경에는 NumPy 2가 있습니다 (pip 레슨에서 설명합니다). NumPy 1을 함께 설치하십시오 (requirements.txt에도 `numpy<2`를 적으십시오):\n  {run} -m pip install {numpy1}\n또는 `{module}`을(를) NumPy 2용으로 빌드된 버전{newer}으로 올리십시오:\n  {run} -m pip install --upgrade {pkg}";
            newer = newer
        ));
    }
    Finding::fail(Code::EnvImportFails, message).hint(tr!(
        "the package is installed but does not load; see the whole error, then reinstall it (with its dependencies):\n  {run} -c \"import {module}\"\n  {run} -m pip install --force-reinstall {pkg}",
        "패키지는 설치되어 있지만 불러오지 못합니다. 전체 오류를 본 뒤 의존성과 함께 다시 설치하십시오:\n  {run} -c \"import {module}\"\n  {run} -m pip install --force-reinstall {pkg}"
    ))
}

/// NumPy's own words when a module built against NumPy 1 is imported under NumPy 2.
pub(super) fn numpy_mismatch(text: &str) -> bool {
    text.contains("compiled using NumPy 1.x")
        || text.contains("_ARRAY_API not found")
        || text.contains("numpy.core.multiarray failed to import")
}
