//! Stage 2, syntax. Takes a file's path (inside the scanned tree) or text and gives its parsed
//! form and declarations: variables, locals, outputs and the blocks that become resources, the
//! same for HCL (`hcl`) and Terraform's JSON syntax (`json`), with every position as a line
//! (`source`), and the `riveter:ignore` comments it holds (`ignore_comments`). A file that does
//! not parse is a `FileError` with its line. Nothing is evaluated here.
//!
//! hcl-edit does not read every file as Terraform does; `agreement` holds the checks and
//! repairs that make the two agree, before and after hcl-edit parses a file.

pub mod agreement;
pub mod contents;
pub mod declarations;
mod hcl;
pub mod ignore_comments;
mod json;
pub mod parse;
pub mod references;
pub mod source;
