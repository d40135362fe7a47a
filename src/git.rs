//! Git helpers the git check kinds share: opening the repository that holds a workspace and
//! finding HEAD's commit. They return typed errors; the check layer turns those into findings,
//! so this module knows nothing of findings or languages.

use std::cell::{OnceCell, RefCell};
use std::path::{Path, PathBuf};

use git2::{Commit, ErrorCode, Oid, Repository};

mod changes;
pub mod clone;
mod ignore;
mod safe;
mod wildmatch;
pub use changes::{tree_changes, Change};
pub use ignore::line_ignores;
pub use safe::Unsafe;

/// The repository holding a workspace.
pub struct WorkspaceRepo {
    pub repo: Repository,
    /// The workspace's folder inside the work tree, repo-relative with a trailing `/`, or
    /// empty when the workspace is the work tree's root (always, since a workspace inside
    /// another repository is [`OpenError::InsideOtherRepo`]; paths are still built with it).
    pub prefix: String,
    /// git's ignore rules, each file read once (see [`Self::is_path_ignored`]).
    rules: OnceCell<Result<RefCell<ignore::Rules>, IgnoreError>>,
    /// Grading: answers may depend only on the submission (see [`Self::is_path_ignored`]).
    own_only: bool,
    /// HEAD's commit id and detached-from branch, read once for the kinds that ask.
    head: OnceCell<Result<(Oid, Option<String>), HeadError>>,
    /// The workspace's folder listings, shared with the checks (see [`Self::with_listings`]).
    listings: Option<std::rc::Rc<crate::walk::Listings>>,
}

impl WorkspaceRepo {
    /// Let the ignore rules take from `listings` what the checks already listed (a folder
    /// without `.gitignore`, whether a path is a folder) instead of asking the disk again.
    pub fn with_listings(mut self, listings: std::rc::Rc<crate::walk::Listings>) -> Self {
        self.listings = Some(listings);
        self
    }

    /// Would git ignore `repo_path` (a trailing `/` marks a folder)? git's rules: every
    /// `.gitignore` from the work tree down, then `.git/info/exclude`, then (not when
    /// grading) the user's `core.excludesFile`. When grading, the answer must be the same on
    /// every machine, so the grader's own excludes file never decides a student's verdict.
    pub fn is_path_ignored(&self, repo_path: &str) -> Result<bool, IgnoreError> {
        let rules = self
            .rules
            .get_or_init(|| self.load_rules().map(RefCell::new));
        let rules = rules.as_ref().map_err(Clone::clone)?;
        let answer = rules.borrow_mut().is_ignored(repo_path);
        answer.map_err(ignore_error)
    }

    fn load_rules(&self) -> Result<ignore::Rules, IgnoreError> {
        let Some(workdir) = self.repo.workdir() else {
            return Err(IgnoreError::Git("no work tree".to_string()));
        };
        let config = self.repo.config().ok();
        let config = if self.own_only {
            config.and_then(|c| c.open_level(git2::ConfigLevel::Local).ok())
        } else {
            config
        };
        let ignore_case = config
            .as_ref()
            .and_then(|c| c.get_bool("core.ignorecase").ok())
            .unwrap_or(false);
        let mut global = vec![self.repo.commondir().join("info/exclude")];
        if !self.own_only {
            global.extend(excludes_file(config.as_ref(), workdir));
        }
        ignore::Rules::new(workdir, &global, ignore_case)
            .map(|rules| rules.with_listings(self.listings.clone()))
            .map_err(ignore_error)
    }

    /// The work tree's own `.gitignore` as the ignore rules read it, when they did (a
    /// regular file, not a link; see `ignore::Rules::top_text`): the gitignore check
    /// reads the same file, and need not open it again.
    pub fn top_gitignore(&self) -> Option<Vec<u8>> {
        let rules = self.rules.get()?.as_ref().ok()?;
        let text = rules.borrow().top_text().map(<[u8]>::to_vec);
        text
    }

    /// HEAD's commit (see [`head_commit`]), read from the repository once: git-history and
    /// tracked-files both ask, and each reading reads `.git/HEAD` and the branch twice.
    pub fn head(&self) -> Result<Head<'_>, HeadError> {
        let read = self
            .head
            .get_or_init(|| head_commit(&self.repo).map(|h| (h.commit.id(), h.detached_from)));
        let (id, detached_from) = read.clone()?;
        let commit = self
            .repo
            .find_commit(id)
            .map_err(|e| HeadError::NotACommit(e.message().to_string()))?;
        Ok(Head {
            commit,
            detached_from,
        })
    }

    /// A repo-relative path as shown to the learner: workspace-relative when inside it.
    pub fn display(&self, repo_path: &str) -> String {
        repo_path
            .strip_prefix(&self.prefix)
            .unwrap_or(repo_path)
            .to_string()
    }
}

/// The user's `core.excludesFile`, or git's default `$XDG_CONFIG_HOME/git/ignore`
/// (`~/.config/git/ignore`); a relative path is relative to the work tree, as for git.
fn excludes_file(config: Option<&git2::Config>, workdir: &Path) -> Option<PathBuf> {
    if let Some(path) = config.and_then(|c| c.get_path("core.excludesfile").ok()) {
        return Some(workdir.join(path));
    }
    let xdg = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty());
    match xdg {
        Some(dir) => Some(PathBuf::from(dir).join("git/ignore")),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config/git/ignore")),
    }
}

fn ignore_error(e: ignore::RulesError) -> IgnoreError {
    match e {
        ignore::RulesError::Unsafe(u) => IgnoreError::Unsafe(u),
        ignore::RulesError::Unreadable(msg) => IgnoreError::Git(msg),
    }
}

/// Why the workspace's repository could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// No repository at or above the workspace (below the ceiling when grading).
    NotARepository,
    /// git's `safe.directory` rule: another user owns it.
    Owner(String),
    /// A bare repository: no work tree to check.
    Bare { path: String },
    /// Anything else libgit2 reports.
    Unreadable(String),
    /// A file git would read is not a regular file (`path` as shown to the learner).
    NotRegular { path: String },
    /// When grading: `.git` leads to a repository outside the submission.
    Outside { git_dir: String },
    /// `core.worktree` puts the work tree elsewhere: the workspace is not in it, or (when
    /// grading) it is not the workspace itself.
    WorktreeElsewhere { workdir: String },
    /// The workspace is a folder inside another repository's work tree (`top`), not a
    /// repository of its own: a workspace made inside the course's clone, or under a home
    /// folder kept in git. That history is not the learner's work on this course.
    InsideOtherRepo { top: String },
}

/// Why git could not say whether a path is ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IgnoreError {
    /// A `.gitignore` on the way is not a regular file.
    Unsafe(Unsafe),
    /// A rules file that could not be read (too large, permissions): which and why.
    Git(String),
}

/// Open the repository whose work tree holds the workspace (which may be a subfolder of it).
/// With `own_only` (grading), the repository must be the submission's own: the search never
/// climbs above the workspace into, say, the instructor's repository around it.
///
/// libgit2 reads the user's git configuration as `git` itself does; the ignore rules leave
/// out the user's excludes file when grading (see [`WorkspaceRepo::is_path_ignored`]).
pub fn open_workspace_repo(
    workspace: &crate::fs::Root,
    own_only: bool,
) -> Result<WorkspaceRepo, OpenError> {
    // git itself does not check an object's content against its id when reading it (only
    // `fsck` and fetches do); libgit2 does by default, which hashed every object again: 4%
    // of the instructions of a batch grade. Set once for the process.
    static NO_HASH_CHECK: std::sync::Once = std::sync::Once::new();
    NO_HASH_CHECK.call_once(|| git2::opts::strict_hash_verification(false));
    let root = workspace.path();
    let ceiling: Vec<&Path> = match root.parent() {
        Some(parent) if own_only => vec![parent],
        _ => Vec::new(),
    };
    match safe::check_repository(workspace, own_only) {
        Ok(()) => {}
        Err(Unsafe::NotRegular { path }) => {
            let path = crate::python::show_path(root, &path);
            return Err(OpenError::NotRegular { path });
        }
        Err(Unsafe::Outside { git_dir }) => {
            let git_dir = git_dir.display().to_string();
            return Err(OpenError::Outside { git_dir });
        }
    }
    let repo = match Repository::open_ext(root, git2::RepositoryOpenFlags::empty(), ceiling) {
        Ok(r) => r,
        Err(e) if e.code() == ErrorCode::Owner => {
            return Err(OpenError::Owner(e.message().to_string()))
        }
        Err(e) if e.code() == ErrorCode::NotFound => return Err(OpenError::NotARepository),
        Err(e) => return Err(OpenError::Unreadable(e.message().to_string())),
    };
    let workdir = match repo.workdir() {
        Some(w) if !repo.is_bare() => w.to_path_buf(),
        _ => {
            let path = repo.path().display().to_string();
            return Err(OpenError::Bare { path });
        }
    };
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root = workspace
        .canonical()
        .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
    // libgit2 gives the work tree already resolved: when it is the workspace itself, the
    // workspace's canonical path is its canonical path too.
    let workdir = if workdir.as_path() == root {
        workdir
    } else {
        canon(&workdir)
    };
    // `core.worktree` in `.git/config` can put the work tree anywhere (`/etc`, `../other`):
    // the ignore rules and files would be another folder's. The workspace must be in the work
    // tree, and when grading be the work tree itself.
    if root.strip_prefix(&workdir).is_err() || (own_only && workdir != root) {
        return Err(OpenError::WorktreeElsewhere {
            workdir: workdir.display().to_string(),
        });
    }
    let prefix = match root.strip_prefix(&workdir) {
        Ok(rel) => {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.is_empty() {
                String::new()
            } else {
                format!("{}/", parts.join("/"))
            }
        }
        Err(_) => String::new(),
    };
    if !prefix.is_empty() {
        let top = workdir.display().to_string();
        return Err(OpenError::InsideOtherRepo { top });
    }
    Ok(WorkspaceRepo {
        repo,
        prefix,
        rules: OnceCell::new(),
        own_only,
        head: OnceCell::new(),
        listings: None,
    })
}

/// HEAD's commit, and where a detached HEAD could go back to.
pub struct Head<'r> {
    pub commit: Commit<'r>,
    /// Set when HEAD is detached: the branch to suggest switching back to.
    pub detached_from: Option<String>,
}

/// Why HEAD has no commit to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadError {
    /// `git init` and nothing committed yet.
    NoCommits,
    /// HEAD itself cannot be read (a corrupt `.git/HEAD`).
    Unreadable(String),
    /// HEAD points at something that is not a commit.
    NotACommit(String),
}

/// HEAD's commit; an unborn branch is [`HeadError::NoCommits`].
pub fn head_commit(repo: &Repository) -> Result<Head<'_>, HeadError> {
    let reference = match repo.head() {
        Ok(r) => r,
        Err(e) if e.code() == ErrorCode::UnbornBranch => return Err(HeadError::NoCommits),
        Err(e) => return Err(HeadError::Unreadable(e.message().to_string())),
    };
    let commit = reference
        .peel_to_commit()
        .map_err(|e| HeadError::NotACommit(e.message().to_string()))?;
    // `repo.head()` resolves a symbolic HEAD to its branch, and gives a detached HEAD as
    // HEAD itself (whose commit exists: it was just read). libgit2's `head_detached` would
    // read `.git/HEAD` again to say the same.
    let detached_from = (reference.name_bytes() == b"HEAD").then(|| back_branch(repo));
    Ok(Head {
        commit,
        detached_from,
    })
}

/// HEAD's history, newest first, when it has no merge and at most `MAX_LINEAR` commits:
/// each parent is taken from the commit read before it. Reversed, that is the order of
/// `git rev-list --topo-order --reverse` (a history without merges has only one), and
/// libgit2's revwalk would have read every commit a second time. `None` for a merge, a
/// longer history or a parent that cannot be read: the revwalk decides, errors included.
pub fn linear_history<'r>(head: &Commit<'r>) -> Option<Vec<Commit<'r>>> {
    let mut chain = vec![head.clone()];
    while chain.len() <= MAX_LINEAR {
        let parent = match chain.last()?.parent_count() {
            0 => return Some(chain),
            1 => chain.last()?.parent(0).ok()?,
            _ => return None,
        };
        chain.push(parent);
    }
    None
}

/// The longest history followed parent by parent (see [`linear_history`]).
const MAX_LINEAR: usize = 1_000;

/// The first 7 hex digits of a commit id (fixed length: does not read `core.abbrev`).
pub fn short(id: Oid) -> String {
    id.to_string()[..7].to_string()
}

/// The branch to suggest going back to from a detached HEAD.
fn back_branch(repo: &Repository) -> String {
    for name in ["main", "master"] {
        if repo.find_branch(name, git2::BranchType::Local).is_ok() {
            return name.to_string();
        }
    }
    repo.branches(Some(git2::BranchType::Local))
        .ok()
        .and_then(|mut it| {
            it.find_map(|b| {
                b.ok()
                    .and_then(|(b, _)| b.name().ok().flatten().map(String::from))
            })
        })
        .unwrap_or_else(|| "main".to_string())
}
