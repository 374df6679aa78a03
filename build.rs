//! Parses the built-in rule packs (`rule-packs/*.yml`) once, at build time, into the compact
//! form `src/rules/packed.rs` describes, so a scan does not parse 270 KB of YAML each run. A
//! pack that does not parse fails the build.

#[allow(dead_code)]
#[path = "src/rules/yaml.rs"]
mod yaml;

#[allow(dead_code)]
#[path = "src/rules/packed.rs"]
mod packed;

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=rule-packs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let packs = std::fs::read_dir("rule-packs").expect("rule-packs/ is readable");
    for entry in packs {
        let path = entry.expect("rule-packs/ is readable").path();
        if path.extension().is_some_and(|e| e == "yml") {
            write_packed(&path, Path::new(&out_dir));
        }
    }
}

fn write_packed(path: &Path, out_dir: &Path) {
    let src = std::fs::read_to_string(path).expect("a rule pack is UTF-8 text");
    let tree = yaml::parse(&src)
        .unwrap_or_else(|e| panic!("{}:{}: {}", path.display(), e.line, e.message));
    let mut bytes = Vec::new();
    packed::encode(&tree, &mut bytes);
    let stem = path.file_stem().expect("a .yml file has a name");
    let target = out_dir.join(stem).with_extension("packed");
    std::fs::write(&target, bytes).expect("OUT_DIR is writable");
}
