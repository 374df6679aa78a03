//! Stage 4, modules. Takes the discovered files and how the scan reads (`reading::Reading`: the
//! root, the scanned tree, the variables the command line and the environment give) and gives
//! each module folder's resources, evaluated as Terraform instantiates them: the folder's files
//! parsed together, its variables given their values (`variables`), each call of a local module
//! an instance of the called folder with that call's arguments (`module`), the outputs a caller
//! reads from each call (`called`), one evaluation per known `count` or `for_each` key
//! (`instances`), the providers' default tags (`provider_defaults`), and which folder calls and
//! reads which (`module_graph`). Expressions are evaluated by `eval`.

pub mod called;
pub mod instances;
pub mod module;
pub mod module_graph;
pub mod provider_defaults;
pub mod reading;
pub mod variables;
