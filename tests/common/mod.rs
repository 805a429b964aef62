//! Helpers shared by the evaluation tests (`tests/eval.rs`, `tests/statements.rs`, `tests/names.rs`): where `../shared`
//! is, whether python3 is there, the CLI over a JSONL file, and a scorer run.

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

/// Runs the scorer `shared/tools/<tool>` on `gold` and `pred` with `args`, writing its JSON to `out`,
/// and gives back that JSON (asserting the scorer succeeded).
pub fn score(shared: &Path, tool: &str, args: &[&str], gold: &Path, pred: &Path, out: &Path) -> serde_json::Value {
    let o = Command::new("python3")
        .arg(shared.join("tools").join(tool))
        .args(args)
        .arg(gold)
        .arg(pred)
        .arg("--json-out")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}
