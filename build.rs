//! Fingerprints everything the analysis depends on (its code, the corpus
//! loader, the embedded model, word lists and rule tables) into
//! `ANALYSER_VERSION`, so a cached analysis is never read back by a build
//! that would analyse differently.

use std::path::Path;

const INPUTS: [&str; 4] = ["src/analysis", "src/corpus", "assets", "Cargo.lock"];

/// What a trained tagger depends on besides its training data: the tagger's
/// code (its `mod.rs` holds the entity kind vote, which runs after tagging,
/// so it is left out), tokens, titles and the tagger's word lists. Keys the
/// fold models that `eval-litbank --models` reuses.
const TAGGER_INPUTS: [&str; 6] = [
    "src/analysis/ner",
    "src/analysis/tokens",
    "src/analysis/titles.rs",
    "assets/ner",
    "assets/titles.tsv",
    "Cargo.lock",
];

fn main() {
    let mut hash = Fnv::default();
    hash.write(env!("CARGO_PKG_VERSION").as_bytes());
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        let mut files = Vec::new();
        collect(Path::new(input), &mut files);
        files.sort();
        for file in files {
            hash.write(file.to_string_lossy().as_bytes());
            hash.write(&std::fs::read(&file).unwrap_or_default());
        }
    }
    let mut tagger = Fnv::default();
    let mut files = Vec::new();
    for input in TAGGER_INPUTS {
        collect(Path::new(input), &mut files);
    }
    files.retain(|file| file != Path::new("src/analysis/ner/mod.rs"));
    files.sort();
    for file in files {
        tagger.write(file.to_string_lossy().as_bytes());
        tagger.write(&std::fs::read(&file).unwrap_or_default());
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let version = format!("pub const ANALYSER_VERSION: u64 = {:#018x};\n", hash.0);
    let tagger_version = format!("pub const TAGGER_VERSION: u64 = {:#018x};\n", tagger.0);
    std::fs::write(Path::new(&out).join("tagger_version.rs"), tagger_version)
        .expect("write tagger_version.rs");
    std::fs::write(Path::new(&out).join("analyser_version.rs"), version)
        .expect("write analyser_version.rs");
}

fn collect(path: &Path, files: &mut Vec<std::path::PathBuf>) {
    if path.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        collect(&entry.path(), files);
    }
}

/// FNV-1a, 64 bits: stable across compilers, no dependency.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // Length-delimited, so moving bytes between files changes it.
        for &byte in &(bytes.len() as u64).to_le_bytes() {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
