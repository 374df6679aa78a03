//! Part of stage 2, syntax: the checks that make hcl-edit agree with Terraform. Each takes a
//! file's text (and, after the parse, hcl-edit's tree) and gives either the text repaired with
//! every byte at its offset (newlines Terraform ignores in brackets, interpolations and `for`
//! bodies, duplicate keys) or the error Terraform would report, at the place and with the words
//! Terraform uses (`syntax_error`). `nesting` bounds how deep a text's brackets go before
//! anything descends into it. `code_scan` moves through the text without parsing it.

mod code_scan;
pub mod duplicate_keys;
pub mod expression_newlines;
pub mod for_newlines;
pub mod heredoc_delimiters;
pub mod legacy_indexes;
pub mod nesting;
pub mod number_literals;
pub mod string_newlines;
pub mod syntax_error;
pub mod template_text;
pub mod traversal_newlines;
