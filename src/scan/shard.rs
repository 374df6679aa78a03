//! `--shard INDEX/COUNT`: a monorepo's module folders split across CI matrix jobs. A folder
//! goes to the shard its path hashes to, so every job agrees without talking to the others and
//! a folder's shard does not change when other folders come and go.

use crate::terraform::display_path;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The files whose module folder belongs to shard `index` of `count` (1-based).
pub fn files_of(files: Vec<PathBuf>, root: &Path, index: usize, count: usize) -> Vec<PathBuf> {
    files
        .into_iter()
        .filter(|file| {
            let folder = file
                .parent()
                .map(|d| display_path(d, root))
                .unwrap_or_default();
            shard_of(&folder, count) == index
        })
        .collect()
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
