//! Stage 1, discovery. Takes the targets a scan names (`-t`: files, folders, globs) and gives
//! the Terraform files to read, sorted, with the scanned tree they make: the only place the
//! scanned code may read from (`confine`). Ignore files never hide a Terraform file silently
//! (`discover`). Nothing is parsed here.

pub mod confine;
pub mod discover;
