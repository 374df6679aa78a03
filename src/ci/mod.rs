//! CI integrations: the GitHub Action (`riveter github`), and the changed-files scope that
//! `riveter scan --changed-since` gives any CI.

pub mod changes;
pub mod github;
mod reach;
