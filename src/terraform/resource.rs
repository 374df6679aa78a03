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
    /// The instance of a called module that declares it (`module.app["eu"]`); `None` for a
    /// block of a root module. Shared by every resource of the instance.
    pub instance: Option<Arc<ModuleInstance>>,
    /// Where attribute values that were set elsewhere come from (a variable's default, a
    /// caller's argument, a tfvars file), by the value's place in the block.
    pub provenance: Vec<Provenance>,
}

/// One instance of a called module, as Terraform addresses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleInstance {
    /// `module.app["eu"].module.kms`.
    pub address: String,
    /// The calls that made it, outermost first.
    pub calls: Vec<CallSite>,
    /// Why the instance may not exist (its call's `count` or `for_each` cannot be known): its
    /// verdicts are unknown, for this reason.
    pub unsure: Option<String>,
}

/// The part of a resource's address after its module instance's (`aws_kms_key.k` of
/// `module.weak.aws_kms_key.k`), which the source block declares.
pub fn local_address<'a>(address: &'a str, instance: Option<&ModuleInstance>) -> &'a str {
    instance
        .and_then(|i| address.strip_prefix(i.address.as_str()))
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(address)
}

/// A `module` block that made an instance: `module.app["eu"]` at `envs/prod/main.tf:3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSite {
    pub address: String,
    /// The `module` block's name: `app` for `module "app"`.
    pub name: String,
    pub file: Arc<str>,
    pub line: u32,
}

/// An attribute value read from a variable that was set somewhere else.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The value's place in the resource's block.
    pub at: Span,
    /// What the attribute reads: `var.rotate`.
    pub reference: String,
    pub origin: Arc<Origin>,
}

/// Where a variable got its value: a caller's argument, a tfvars file, the command line, the
/// environment or the declaration's default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// `set by module.weak`, `the default`, `set in prod.tfvars`, `set by --var`.
    pub words: String,
    /// The file and line that set it, when it is a file.
    pub file: Option<Arc<str>>,
    pub line: u32,
    /// Where the setting value came from in turn (a caller passing its own variable on).
    pub from: Option<Arc<Origin>>,
}

impl Origin {
    pub fn new(words: impl Into<String>, file: Option<Arc<str>>, line: u32) -> Origin {
        Origin {
            words: words.into(),
            file,
            line,
            from: None,
        }
    }
}

impl fmt::Display for Origin {
    /// `set by module.weak at main.tf:3`, and where that value came from in turn.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.words)?;
        if let Some(file) = &self.file {
            write!(f, " at {file}:{}", self.line)?;
        }
        if let Some(from) = &self.from {
            write!(f, ", from {from}")?;
        }
        Ok(())
    }
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
            instance: None,
            provenance: Vec::new(),
        }
    }

    /// The address within its module (`aws_kms_key.k`), which a source block declares.
    pub fn local_address(&self) -> &str {
        local_address(&self.address, self.instance.as_deref())
    }

    /// Places the resource in an instance of a called module: its address gains the
    /// instance's.
    pub fn in_instance(mut self, instance: &Arc<ModuleInstance>) -> Resource {
        self.address = format!("{}.{}", instance.address, self.local_address());
        self.instance = Some(instance.clone());
        self
    }

    /// Where the value at `span` of the block came from, when elsewhere.
    pub fn provenance_at(&self, span: Span) -> Option<&Provenance> {
        self.provenance.iter().find(|p| p.at == span)
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
