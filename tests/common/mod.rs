//! Helpers shared by the evaluation tests (`tests/eval.rs`, `tests/statements.rs`): where `../shared`
//! is, whether python3 is there, and the CLI over a JSONL file.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The shared data directory: `$WHOSAID_SHARED`, else `../shared` or `../../shared` holding
/// `tools/<tool>`.
pub fn shared(tool: &str) -> Option<PathBuf> {
    if let Ok(p) = std::env::var("WHOSAID_SHARED") {
        return Some(PathBuf::from(p));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"].iter().map(|c| root.join(c)).find(|p| p.join("tools").join(tool).is_file())
}

/// True when `python3` runs (the scorers are Python).
pub fn python3() -> bool {
    Command::new("python3").arg("--version").output().is_ok()
}

/// `whosaid analyze --jsonl input > out`, asserting success.
pub fn analyze_jsonl(input: &Path, out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_whosaid")).args(["analyze", "--jsonl"]).arg(input).output().unwrap();
    assert!(o.status.success(), "whosaid failed: {}", String::from_utf8_lossy(&o.stderr));
    std::fs::write(out, o.stdout).unwrap();
}
