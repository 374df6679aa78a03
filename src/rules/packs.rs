//! Built-in rule packs, embedded in the binary at build time.

/// `(name, YAML source)` of every built-in pack.
pub const BUILTIN: &[(&str, &str)] = &[];

pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, src)| *src)
}

pub fn names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}
