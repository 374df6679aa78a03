//! What every module's evaluation reads with: one value, passed down to the called modules.

use super::confine::ScannedTree;
use super::variables::VariableInputs;
use std::path::Path;

/// Where a scan reads: what reported paths are relative to, the scanned tree every read must
/// stay in, and the values the command line and the environment give.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    pub root: &'a Path,
    pub tree: &'a ScannedTree,
    pub inputs: &'a VariableInputs,
}
