//! CI integrations: the GitHub Action (`riveter github`).

pub mod github;
