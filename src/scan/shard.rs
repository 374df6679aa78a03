//! `--shard INDEX/COUNT`: a monorepo's module folders split across CI matrix jobs. A folder
//! goes to the shard its path hashes to, so every job agrees without talking to the others and
//! a folder's shard does not change when other folders come and go.

use crate::terraform::Terraform;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// Keeps what shard `index` of `count` (1-based) judges: the resources, errors, comments and
/// absent blocks of the files whose module folder belongs to it. The other folders' resources
/// stay as context, which relations see.
pub fn keep(terraform: &mut Terraform, index: usize, count: usize) {
    let mine = |file: &str| shard_of(folder_of(file), count) == index;
    let (kept, others): (Vec<_>, Vec<_>) = std::mem::take(&mut terraform.resources)
        .into_iter()
        .partition(|r| mine(&r.file));
    terraform.resources = kept;
    terraform.context.extend(others);
    terraform.errors.retain(|e| mine(&e.file));
    terraform.directives.retain(|d| mine(&d.file));
    terraform.absent.retain(|a| mine(&a.file));
    let files: BTreeSet<&str> = terraform.resources.iter().map(|r| &*r.file).collect();
    terraform.files = files.len();
}

fn folder_of(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(folder, _)| folder)
}

fn shard_of(folder: &str, count: usize) -> usize {
    let digest = Sha256::digest(folder.as_bytes());
    let n = u64::from_be_bytes(digest[..8].try_into().expect("eight bytes"));
    (n % count as u64) as usize + 1
}

#[cfg(test)]
mod tests {
    use super::shard_of;

    #[test]
    fn every_folder_has_one_shard_and_keeps_it() {
        let folders: Vec<String> = (0..400).map(|i| format!("envs/stack-{i}")).collect();
        let mut sizes = [0; 4];
        for f in &folders {
            let s = shard_of(f, 4);
            assert!((1..=4).contains(&s));
            assert_eq!(s, shard_of(f, 4));
            sizes[s - 1] += 1;
        }
        // Spread evenly enough: no shard gets less than half its share.
        assert!(sizes.iter().all(|&n| n > 50), "{sizes:?}");
    }
}
