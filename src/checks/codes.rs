//! Every finding code, in one declarative table: the code, what it means (English), and the
//! check kinds that emit it.
//!
//! A code names a problem (or a success) independently of wording and language, so that
//! reports, JUnit histories and class summaries can group the same problem across runs and
//! students. Codes are stable: rewording a message never changes its code, and a code once
//! published is not renamed. Findings take a [`Code`] (an enum), so a typo cannot compile;
//! `tests/codes.rs` checks that the README's table lists exactly these rows.
//!
//! Adding a code: one line below, one row in the README table.

use serde::{Deserialize, Serialize};

macro_rules! codes {
    ($( $name:ident = $code:literal, [$($kind:literal),* $(,)?], $meaning:literal; )*) => {
        /// A finding's stable code (see the module docs).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( #[doc = $meaning] $name, )*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code as written in reports: `area/what`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            /// What the code means, in English (the README's table).
            pub fn meaning(self) -> &'static str {
                match self { $(Code::$name => $meaning,)* }
            }

            /// The check kinds that emit it (their YAML names).
            pub fn kinds(self) -> &'static [&'static str] {
                match self { $(Code::$name => &[$($kind),*],)* }
            }
        }
    };
}

codes! {
    // Reading a file of the workspace (`fs::read_workspace_file`), shared by every kind that reads one.
    FileMissing = "file/missing", ["paths", "requirements", "mentions", "choices"],
        "a file the exercise needs does not exist";
    FileNotCommitted = "file/not-committed", ["paths", "requirements", "mentions", "choices", "config-files", "python-packages"],
        "grading the learner's own folder: the file (or a folder's files) exists but is not committed, so a clone of the repository (what is graded) does not have it";
    FileBrokenLink = "file/broken-link", ["paths", "requirements", "mentions", "choices", "config-files"],
        "the path is a symbolic link that leads nowhere (to nothing, or round in a loop); it is not read";
    FileIsFolder = "file/is-folder", ["paths", "requirements", "mentions", "choices", "config-files"],
        "a folder stands where a file is expected";
    FileNotRegular = "file/not-regular", ["requirements", "mentions", "choices", "config-files"],
        "the path is not a regular file (a FIFO, a device, a socket); it is not read";
    FileOutsideWorkspace = "file/outside-workspace", ["requirements", "mentions", "choices", "config-files"],
        "the path is a link that leads out of the workspace; it is not read";
    FileTooLarge = "file/too-large", ["requirements", "mentions", "choices", "config-files"],
        "the file is larger than a hand-written text file can be; it is not read";
    FileNotUtf8 = "file/not-utf8", ["requirements", "mentions", "choices", "config-files"],
        "the file is not UTF-8 text (the line is given)";
    FileUnreadable = "file/unreadable", ["requirements", "mentions", "choices", "config-files"],
        "the file exists but could not be read (permissions, I/O error)";
    YamlInvalid = "yaml/invalid", ["config-files", "choices"],
        "the file does not parse as YAML";
    YamlTooDeep = "yaml/too-deep", ["config-files", "choices"],
        "more than 128 `[` and `{` are open at once; the file is not parsed (nothing honest nests so deep)";

    // Folders.
    FolderMissing = "folder/missing", ["paths", "config-files", "python-packages"],
        "a folder the exercise needs does not exist";
    FolderIsFile = "folder/is-file", ["paths"],
        "a file stands where a folder is expected";
    FolderEmpty = "folder/empty", ["paths"],
        "a folder holds no file (git keeps no empty folders)";
    PathsOk = "paths/ok", ["paths"],
        "every file and folder is in place";

    // The course itself.
    CheckCrashed = "check/crashed", ["python-env", "requirements", "paths", "config-files", "python-packages", "mentions", "python-import", "git-history", "gitignore", "tracked-files", "choices"],
        "the check itself crashed (a bug in course); the other checks still ran (could not run)";
    CourseCheckBroken = "course/check-broken", ["python-import", "choices"],
        "the exercise's check is written wrongly (a course bug, not the learner's)";

    // Running workspace code.
    ExecDisabled = "exec/disabled", ["python-env", "python-import"],
        "not run: grading executes nothing from a submission without --exec";
    ExecNotNow = "exec/not-now", ["python-env", "python-import"],
        "not run: showing a lesson starts no interpreter, and no pass of an earlier check is remembered for these files";

    // The Python environment.
    EnvNotInSubmission = "env/not-in-submission", ["python-env"],
        "grading without --exec: the submission has no environment (they are not committed)";
    EnvNotFound = "env/not-found", ["python-env"],
        "no Python environment found for the workspace";
    EnvBroken = "env/broken", ["python-env"],
        "the environment found is broken (no interpreter, a dangling link, a bad pyvenv.cfg)";
    EnvCannotStart = "env/cannot-start", ["python-env"],
        "the environment's interpreter cannot be started";
    EnvNotWorking = "env/not-working", ["python-env"],
        "the interpreter exits without answering";
    EnvWrongInterpreter = "env/wrong-interpreter", ["python-env"],
        "the environment's interpreter runs another Python installation";
    EnvTimeout = "env/timeout", ["python-env"],
        "the interpreter did not answer in time (could not run)";
    EnvCrashed = "env/crashed", ["python-env"],
        "the interpreter crashed (could not run)";
    EnvCannotRun = "env/cannot-run", ["python-env"],
        "the interpreter could not be run at all (could not run)";
    EnvModuleMissing = "env/module-missing", ["python-env"],
        "a module the exercise needs is not installed in the environment";
    EnvModuleOutside = "env/module-outside", ["python-env"],
        "a module is imported from outside the environment (not installed in it)";
    EnvModulePreloaded = "env/module-preloaded", ["python-env"],
        "a module was already loaded when Python started, before anything imported it: a `sitecustomize.py` or `.pth` file made it up";
    EnvModuleFileMissing = "env/module-file-missing", ["python-env"],
        "the file a module says it was imported from does not exist: the module was made up in memory";
    EnvModuleNotInstalled = "env/module-not-installed", ["python-env"],
        "a module inside the environment was put there by hand: no installed distribution provides it";
    EnvImportFails = "env/import-fails", ["python-env"],
        "a module is installed but importing it fails";
    EnvNumpyMismatch = "env/numpy-mismatch", ["python-env"],
        "a module built for NumPy 1 fails to import under NumPy 2 (`compiled using NumPy 1.x`, `_ARRAY_API not found`)";
    EnvOk = "env/ok", ["python-env"],
        "the environment imports every module";

    // Importing the workspace's own code.
    ImportNoEnv = "import/no-env", ["python-import"],
        "not checked: no working Python environment (see python-env)";
    ImportFails = "import/fails", ["python-import"],
        "importing the workspace's modules from its root fails";
    ImportTimeout = "import/timeout", ["python-import"],
        "the import did not finish in time (could not run)";
    ImportCannotRun = "import/cannot-run", ["python-import"],
        "the interpreter could not be run (could not run)";
    ImportOk = "import/ok", ["python-import"],
        "the modules import from the workspace root";

    // The sandbox every workspace program runs in (`src/sandbox.rs`).
    SandboxNetwork = "sandbox/network", ["python-env", "python-import"],
        "the program tried to open a network connection and was stopped (could not grade)";
    SandboxProcesses = "sandbox/processes", ["python-env", "python-import"],
        "the program started more processes than allowed and was stopped (could not grade)";
    SandboxCpuTime = "sandbox/cpu-time", ["python-env", "python-import"],
        "the program used up its CPU seconds and was stopped (could not grade)";
    SandboxFileSize = "sandbox/file-size", ["python-env", "python-import"],
        "the program wrote a file larger than allowed and was stopped (could not grade)";
    SandboxMemory = "sandbox/memory", ["python-env", "python-import"],
        "the program asked for more memory than allowed (could not grade)";
    SandboxDenied = "sandbox/denied", ["python-env", "python-import"],
        "the program tried to write or read a file outside what the sandbox allows (could not grade)";
    SandboxLeftRunning = "sandbox/left-running", ["python-env", "python-import"],
        "the program left processes running after it ended; they were stopped (could not grade)";
    SandboxUnavailable = "sandbox/unavailable", ["python-env", "python-import"],
        "--require-sandbox: this system lacks a protection, so nothing was run (could not grade)";
    SandboxPartial = "sandbox/partial", ["python-env", "python-import"],
        "note: this system lacks some protections of the sandbox (the others applied)";

    // requirements.txt.
    RequirementsUnknownOption = "requirements/unknown-option", ["requirements"],
        "a line starts with an option pip does not accept in a requirements file";
    RequirementsOptionNeedsValue = "requirements/option-needs-value", ["requirements"],
        "an option is given without its value";
    RequirementsOptionBadValue = "requirements/option-bad-value", ["requirements"],
        "an option's value is one pip refuses (`--hash=md5:...`, `-C` without `=`, unclosed quotes)";
    RequirementsInvalid = "requirements/invalid", ["requirements"],
        "a line is not a valid PEP 508 requirement: pip refuses it";
    RequirementsMarkerTooDeep = "requirements/marker-too-deep", ["requirements"],
        "a marker nests parentheses deeper than the parser reads (400)";
    RequirementsEggFragment = "requirements/invalid-egg-fragment", ["requirements"],
        "`#egg=` holds more than a project name (`#egg=codejail==3.1.3`): pip refuses it";
    RequirementsEditableWithoutName = "requirements/editable-without-name", ["requirements"],
        "an `-e` URL without `#egg=name`: pip cannot tell which package it is and refuses it";
    RequirementsNotEditable = "requirements/not-editable", ["requirements"],
        "`-e` with something that is neither a local project nor a VCS URL: pip refuses it";
    RequirementsWheelName = "requirements/invalid-wheel-name", ["requirements"],
        "a `.whl` whose file name is not a wheel's (`name-version-tags.whl`): pip refuses it";
    RequirementsMoreInvalid = "requirements/more-invalid", ["requirements"],
        "more lines pip refuses than are reported one by one (their count and the first line)";
    RequirementsBareUrl = "requirements/bare-url", ["requirements"],
        "a URL without `name @` in front: pip reads it, the exercise asks for the name to be written";
    RequirementsOptionIgnored = "requirements/option-ignored", ["requirements"],
        "an option after a requirement on its line (`torch==2.5.1+cpu -f URL`): pip reads it but applies only `--hash` and `--config-settings` there";
    RequirementsInstallCommand = "requirements/install-command", ["requirements"],
        "a pasted `pip install ...` command: pip refuses it; the packages go one per line and the options on lines of their own";
    RequirementsMisnamed = "requirements/misnamed", ["requirements"],
        "a name that pip installs as a different package than the one meant (`sklearn`)";
    RequirementsDuplicate = "requirements/duplicate", ["requirements"],
        "a package is listed twice";
    RequirementsIncludedFileMissing = "requirements/included-file-missing", ["requirements"],
        "a `-r` or `-c` line names a file that is not there (relative to the file naming it): pip stops on it";
    RequirementsNoComment = "requirements/no-comment", ["requirements"],
        "a requirement has no comment saying why the project needs it";
    RequirementsCommentNotText = "requirements/comment-not-text", ["requirements"],
        "a requirement's comment is punctuation, digits, one character repeated (`# aaa`) or keyboard mash (`# asdf`, `# ㅁㄴㅇㄹ`)";
    RequirementsCommentTooShort = "requirements/comment-too-short", ["requirements"],
        "a requirement's comment is too short to explain it";
    RequirementsCommentRepeatsName = "requirements/comment-repeats-name", ["requirements"],
        "a requirement's comment only repeats the package name";
    RequirementsCommentGeneric = "requirements/comment-generic", ["requirements"],
        "a requirement's comment has only words that fit any package (`# library`, `# 필요한 패키지`, `# 중요`, `# must install`, `# idk`, `# 쓸 예정`) or a link";
    RequirementsCommentPlaceholder = "requirements/comment-placeholder", ["requirements"],
        "a requirement's comment is a placeholder left to fill in (`# TODO`, `# 설명`, `# description`, `# <...>`)";
    RequirementsSameComment = "requirements/same-comment", ["requirements"],
        "one comment copied onto most requirements (3 or more, over half of them) explains none of them";
    RequirementsMissingPackage = "requirements/missing-package", ["requirements"],
        "a package the exercise requires is not listed";
    RequirementsTooFew = "requirements/too-few", ["requirements"],
        "fewer distinct packages than the exercise asks for";
    RequirementsOk = "requirements/ok", ["requirements"],
        "every requirement is valid and explained";

    // Config files.
    ConfigNone = "config/none", ["config-files"],
        "the folder holds no config file";
    ConfigEmpty = "config/empty", ["config-files"],
        "the config files hold no settings";
    ConfigOk = "config/ok", ["config-files"],
        "every config file is valid YAML";

    // Python packages.
    PackagesNoInit = "packages/no-init", ["python-packages"],
        "a folder of Python code has no `__init__.py`";
    PackagesTooManyEntries = "packages/too-many-entries", ["python-packages"],
        "the folder has too many entries; only the first ones were looked at";
    PackagesOk = "packages/ok", ["python-packages"],
        "every package has `__init__.py`";

    // Mentions.
    MentionsMissingWord = "mentions/missing-word", ["mentions"],
        "the file does not mention a word the exercise expects";
    MentionsNotExplained = "mentions/not-explained", ["mentions"],
        "with `explain: true`: the file names words but says nothing about them (a bare list of names, the name in Korean such as `- src/: 소스`, or keyboard mash)";
    MentionsSameExplanation = "mentions/same-explanation", ["mentions"],
        "with `explain: true`: the same words explain two or more folders on their own lines (`- src/: 프로젝트 코드`, `- data/: 프로젝트 코드`); what fits every folder explains none of them";
    MentionsOk = "mentions/ok", ["mentions"],
        "the file mentions every expected word";

    // The git repository, shared by the git kinds.
    GitNotARepo = "git/not-a-repo", ["git-history", "gitignore", "tracked-files"],
        "the workspace is not a git repository";
    GitUnsafeOwner = "git/unsafe-owner", ["git-history", "gitignore", "tracked-files"],
        "git refuses a repository another user owns (could not run)";
    GitUnreadable = "git/unreadable", ["git-history", "gitignore", "tracked-files"],
        "git cannot open the workspace's repository";
    GitBare = "git/bare", ["git-history", "gitignore", "tracked-files"],
        "the repository is bare: no working tree";
    GitNoCommits = "git/no-commits", ["git-history", "tracked-files"],
        "the repository has no commit yet";
    GitHeadUnreadable = "git/head-unreadable", ["git-history", "tracked-files"],
        "git cannot read HEAD";
    GitHeadNotCommit = "git/head-not-commit", ["git-history", "tracked-files"],
        "HEAD does not point to a commit";
    GitNotRegularFile = "git/not-regular-file", ["git-history", "gitignore", "tracked-files"],
        "a file git would read (a `.gitignore`, `.git/info/exclude`, an included config, `core.excludesFile`) is a FIFO or a device: the repository is not opened";
    GitOutsideWorkspace = "git/outside-workspace", ["git-history", "gitignore", "tracked-files"],
        "when grading: `.git` (a link or a `gitdir:` file) leads to a repository outside the submission, which is not graded; or `core.worktree` puts the work tree outside the workspace";
    GitInsideOtherRepo = "git/workspace-inside-other-repo", ["git-history", "gitignore", "tracked-files"],
        "the workspace is a folder inside another git repository (a clone of the course, a home folder under git), not a repository of its own: that repository's history is not judged";
    GitShallow = "git/shallow", ["git-history"],
        "the clone is shallow: the history before the cut cannot be checked";

    // History.
    HistoryUnreadable = "history/unreadable", ["git-history"],
        "the history from HEAD cannot be read";
    HistoryTooFewCommits = "history/too-few-commits", ["git-history"],
        "HEAD has fewer commits than the exercise asks for";
    HistoryEmptyMessage = "history/empty-message", ["git-history"],
        "a commit has an empty message";
    HistoryMessageNotText = "history/message-not-text", ["git-history"],
        "a commit message has no words (`.`, `aaa`, `1`): it does not say what changed";
    HistoryMessagePlaceholder = "history/message-placeholder", ["git-history"],
        "a commit message is example text pasted as it stands (`Describe the change`, `<message>`): it does not say what changed";
    HistoryNoAddedThenModified = "history/no-added-then-modified", ["git-history"],
        "no file of the given suffix was added in one commit and changed in a later one";
    HistoryOk = "history/ok", ["git-history"],
        "the history has the shape the exercise asks for";

    // .gitignore.
    GitignoreMissing = "gitignore/missing", ["gitignore"],
        "there is no `.gitignore`";
    GitignoreNotIgnored = "gitignore/not-ignored", ["gitignore"],
        "git does not ignore a path that must be ignored";
    GitignoreIgnoresTooMuch = "gitignore/ignores-too-much", ["gitignore"],
        "git ignores a path that must be committed";
    GitignoreCommentInPattern = "gitignore/comment-in-pattern", ["gitignore"],
        "a `#` after a pattern is read as part of it, not as a comment";
    GitignoreIndentedPattern = "gitignore/indented-pattern", ["gitignore"],
        "a pattern line starts with spaces, which git reads as part of the pattern, so it ignores nothing it names";
    GitignoreEnvNotIgnored = "gitignore/env-not-ignored", ["gitignore"],
        "an environment folder in the workspace (`pyvenv.cfg` or `conda-meta/` inside) is not ignored";
    GitignoreNotCommitted = "gitignore/not-committed", ["gitignore"],
        "the workspace's `.gitignore` is not committed, or has changes that are not: a clone (CI, grading) does not have it";
    GitignoreUndecided = "gitignore/undecided", ["gitignore"],
        "git could not tell whether a path is ignored (could not run)";
    GitignoreOk = "gitignore/ok", ["gitignore"],
        "git ignores what it must and nothing it must not";

    // Tracked files.
    TrackedUnreadable = "tracked/unreadable", ["tracked-files"],
        "the files of HEAD cannot be read";
    TrackedNothingCommitted = "tracked/nothing-committed", ["tracked-files"],
        "nothing in the workspace folder is committed";
    TrackedVenv = "tracked/venv", ["tracked-files"],
        "files of a virtual environment are committed";
    TrackedForbiddenFolder = "tracked/forbidden-folder", ["tracked-files"],
        "files inside a folder that must not be tracked are committed";
    TrackedForbiddenFile = "tracked/forbidden-file", ["tracked-files"],
        "a file matching a forbidden name or suffix is committed";
    TrackedTooLarge = "tracked/too-large", ["tracked-files"],
        "a committed file is over the size limit";
    TrackedOk = "tracked/ok", ["tracked-files"],
        "HEAD tracks nothing it must not";

    // Answer files.
    ChoicesNotAMapping = "choices/not-a-mapping", ["choices"],
        "the answer file (or one answer) is not a mapping";
    ChoicesQuestionMissing = "choices/question-missing", ["choices"],
        "a question has no answer";
    ChoicesNoChoice = "choices/no-choice", ["choices"],
        "an answer has no `choice`";
    ChoicesNotAnOption = "choices/not-an-option", ["choices"],
        "a `choice` is not one of the options (or not text)";
    ChoicesWrongChoice = "choices/wrong-choice", ["choices"],
        "a `choice` is an option, but not the best fit";
    ChoicesNoReason = "choices/no-reason", ["choices"],
        "an answer has no `reason` (or it is not text)";
    ChoicesReasonControlChars = "choices/reason-control-chars", ["choices"],
        "a reason holds control characters (arrow keys typed at a prompt)";
    ChoicesReasonTooShort = "choices/reason-too-short", ["choices"],
        "a reason is shorter than the exercise asks for";
    ChoicesReasonNotProse = "choices/reason-not-prose", ["choices"],
        "a reason is not a sentence: one character repeated, no letters, or keyboard mash (`asdfasdf`, `ㅁㄴㅇㄹ`)";
    ChoicesSameReason = "choices/same-reason", ["choices"],
        "one reason copied under most questions (3 or more, over half of them) explains none of them";
    ChoicesReasonRepeatsQuestion = "choices/reason-repeats-question", ["choices"],
        "the reason only says the question again: each word is the question's own (its prompt or key, with particles and endings: `시각화를`, `visualization`), an option's name, or a word any reason has (`because`, `때문이다`)";
    ChoicesReasonGeneric = "choices/reason-generic", ["choices"],
        "the reason would fit any question: each word is an option's name or a word any reason has (`노트북이 더 좋아서`, `because jupyter is better for this`, `this is what the lesson said`)";
    ChoicesReasonReused = "choices/reason-reused", ["choices"],
        "the same reason is given for two questions answered with different options: the same words cannot say why each fits its own task";
    ChoicesOk = "choices/ok", ["choices"],
        "every question is answered well, with a reason";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Code {
    /// The code written as `s`, if there is one.
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// The README's table of codes (between its markers), one row per code.
    pub fn markdown_rows() -> Vec<String> {
        Code::ALL
            .iter()
            .map(|c| {
                let kinds = c
                    .kinds()
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("| `{}` | {} | {kinds} |", c.as_str(), c.meaning())
            })
            .collect()
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let s = String::deserialize(d)?;
        Code::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown finding code `{s}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "{s} twice");
            let (area, what) = s.split_once('/').expect("area/what");
            let ok = |p: &str| {
                !p.is_empty()
                    && p.chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch == '-' || ch.is_ascii_digit())
            };
            assert!(ok(area) && ok(what), "{s}");
            assert!(!c.kinds().is_empty(), "{s} has no kind");
            assert_eq!(Code::parse(s), Some(*c));
        }
    }
}
