//! Parses the built-in rule packs (`rule-packs/*.yml`) and the catalog of checks they select
//! (`rule-packs/checks/*.yml`) once, at build time, into the compact form `src/rules/packed.rs`
//! describes, so a scan does not parse the YAML each run. A file that does not parse fails the
//! build. `catalog.rs` in OUT_DIR lists the catalog's files for `src/rules/packs.rs`, and
//! `frameworks.rs` the frameworks' control lists (`rule-packs/frameworks/*.yml`) for
//! `src/rules/frameworks.rs`, which reads them only when a command needs them.

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
            write_packed(&path, Path::new(&out_dir), "");
        }
    }
    let mut catalog: Vec<String> = std::fs::read_dir("rule-packs/checks")
        .expect("rule-packs/checks/ is readable")
        .map(|entry| entry.expect("rule-packs/checks/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml"))
        .map(|path| {
            write_packed(&path, Path::new(&out_dir), "checks-");
            let stem = path.file_stem().expect("a .yml file has a name");
            stem.to_string_lossy().into_owned()
        })
        .collect();
    catalog.sort();
    let index: String = catalog
        .iter()
        .map(|name| {
            format!("    (\"{name}\", include_bytes!(concat!(env!(\"OUT_DIR\"), \"/checks-{name}.packed\"))),\n")
        })
        .collect();
    std::fs::write(
        Path::new(&out_dir).join("catalog.rs"),
        format!("&[\n{index}]\n"),
    )
    .expect("OUT_DIR is writable");
    write_framework_index(Path::new(&out_dir));
}

/// `&[(framework id, its control list's YAML)]`, sorted by id.
fn write_framework_index(out_dir: &Path) {
    let folder =
        std::fs::canonicalize("rule-packs/frameworks").expect("rule-packs/frameworks/ is readable");
    let mut lists: Vec<(String, String)> = std::fs::read_dir(&folder)
        .expect("rule-packs/frameworks/ is readable")
        .map(|entry| entry.expect("rule-packs/frameworks/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml"))
        .map(|path| {
            let stem = path.file_stem().expect("a .yml file has a name");
            (
                stem.to_string_lossy().into_owned(),
                path.display().to_string(),
            )
        })
        .collect();
    lists.sort();
    let index: String = lists
        .iter()
        .map(|(id, path)| format!("    ({id:?}, include_str!({path:?})),\n"))
        .collect();
    std::fs::write(out_dir.join("frameworks.rs"), format!("&[\n{index}]\n"))
        .expect("OUT_DIR is writable");
}

fn write_packed(path: &Path, out_dir: &Path, prefix: &str) {
    let src = std::fs::read_to_string(path).expect("a rule pack is UTF-8 text");
    let tree = yaml::parse(&src)
        .unwrap_or_else(|e| panic!("{}:{}: {}", path.display(), e.line, e.message));
    let mut bytes = Vec::new();
    packed::encode(&tree, &mut bytes);
    let stem = path.file_stem().expect("a .yml file has a name");
    let target = out_dir.join(format!("{prefix}{}.packed", stem.to_string_lossy()));
    std::fs::write(&target, bytes).expect("OUT_DIR is writable");
}
