//! The one integration test binary (as ripgrep does it): every file beside this one is a module,
//! so the suite links once instead of once per file. Each module runs the real `course` binary.

#[path = "../src/archive/build.rs"]
mod archive_build;
mod common;
#[path = "../benches/support/workspace.rs"]
mod support;

mod accessible;
mod answer;
mod architecture;
mod archives;
mod check_environment;
mod check_git;
mod check_requirements;
mod check_structure;
mod ci;
mod class_report;
mod cli;
mod code_blocks;
mod codes;
mod coming_back;
mod content;
mod doctor;
mod edit;
mod examples;
mod file_reads;
mod findings_at_once;
mod first_run;
mod fixes_lead_somewhere;
mod flow;
mod full_workspace;
mod gitignore_rules;
mod grade;
mod grade_real;
mod home;
mod hostile;
mod hostile_workspace;
mod interrupt;
mod issue9_audit2;
mod issue9_audit3;
mod issue9_audit4;
mod issue9_cheap_answers;
mod issue9_commit_messages;
mod issue9_fixes;
mod issue9_flow;
mod issue9_reword_once;
mod issue9_tricks;
mod issue9_wording;
mod near_miss;
mod render;
mod requirements_corpus;
mod requirements_issue8;
mod requirements_pytorch;
mod reset;
mod roster;
mod sandbox;
mod shards;
mod shell;
mod snapshots;
mod terminal;
mod tricks;
mod usage_errors;
mod walkthrough;
mod watch;
mod wrap;
mod wrap_commands;
