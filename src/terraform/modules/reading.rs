//! What every module's evaluation reads with: one value, passed down to the called modules.

use super::variables::VariableInputs;
use crate::terraform::discovery::confine::ScannedTree;
use std::path::Path;

/// Where a scan reads: what reported paths are relative to, the scanned tree every read must
/// stay in, and the values the command line and the environment give.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    pub root: &'a Path,
    /// `root` with its symbolic links resolved, as the scanned tree resolves every path: what
    /// a path read through a link is compared with.
    pub canonical_root: &'a Path,
    pub tree: &'a ScannedTree,
    /// Where a local module's `source` may lead: the scanned tree and the repository (never
    /// a `.git` or `.terraform` folder). Only Terraform files are read there; what the
    /// module's own functions read must still lie in `tree`.
    pub module_sources: &'a ScannedTree,
    pub inputs: &'a VariableInputs,
}
