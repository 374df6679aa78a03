//! The resource model (docs/rules.md, "What a rule applies to"): one entry per block that rules
//! can select.

use crate::value::{Node, Span};
use std::fmt;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BlockKind {
    /// `resource "type" "name"`
    Managed,
    /// `data "type" "name"`
    Data,
    /// `module "name"`
    Module,
    /// `provider "name"`
    Provider,
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub kind: BlockKind,
    /// `aws_s3_bucket`; `module` for module calls; the provider's name for providers.
    pub resource_type: String,
    /// The block's name label; for providers, the alias (or empty).
    pub name: String,
    /// The address a Terraform user writes: `aws_s3_bucket.raw_data`, `data.x.y`, `module.m`, `provider.aws`.
    pub address: String,
    /// The file, relative to the scan root, `/`-separated. Shared by every resource of the file.
    pub file: Arc<str>,
    /// From the block's keyword to its closing brace.
    pub span: Span,
    /// The block's body: a map of attributes and nested blocks (lists of maps).
    pub body: Node,
    /// For an instance of a plan or a state that no block of the source read declares (a
    /// registry module not on disk): the document it comes from, which its findings name.
    pub origin: Option<Arc<str>>,
}

impl Resource {
    pub fn new(
        kind: BlockKind,
        resource_type: &str,
        name: &str,
        file: Arc<str>,
        span: Span,
        body: Node,
    ) -> Resource {
        let address = match kind {
            BlockKind::Managed => format!("{resource_type}.{name}"),
            BlockKind::Data => format!("data.{resource_type}.{name}"),
            BlockKind::Module => format!("module.{name}"),
            BlockKind::Provider if name.is_empty() => format!("provider.{resource_type}"),
            BlockKind::Provider => format!("provider.{resource_type}.{name}"),
        };
        Resource {
            kind,
            resource_type: resource_type.to_string(),
            name: name.to_string(),
            address,
            file,
            span,
            body,
            origin: None,
        }
    }
}

/// A Terraform file that could not be read or parsed: reported, never fatal to the others.
/// Ordered by file, line and column, as reports list them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}
