//! The command line on bad input: binary junk, invalid UTF-8 and NUL bytes in files and in JSONL
//! lines. Each gets a report or an error naming the bad line by its number, never a crash.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn whosaid(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // write from a thread: the child may answer before it has read everything
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Deterministic junk bytes (xorshift), all 256 values, invalid UTF-8 and NULs included.
fn junk(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_junk_as_a_text_file_gives_a_report() {
    let dir = std::env::temp_dir().join(format!("whosaid-junk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("junk.txt", junk(1 << 20, 7)),
        ("junk.html", junk(1 << 20, 11)),
        (
            "invalid-utf8.txt",
            b"\xff\xfe\x00\x80 \xe2\x80 \xf0\x9f\x98 \xe2\x80\x9cWe will win,\xe2\x80\x9d Mayor Ann Lee said.\xc0\xaf"
                .to_vec(),
        ),
        ("nul.txt", vec![0u8; 4096]),
        ("empty.txt", Vec::new()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let (code, out, err) = whosaid(&["analyze", path.to_str().unwrap()], b"");
        assert_eq!(code, 0, "{name}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        assert!(v["text"].is_string(), "{name}");
        // invalid bytes become U+FFFD, the valid quote is still found
        if name == "invalid-utf8.txt" {
            assert!(v["text"].as_str().unwrap().contains('\u{FFFD}'));
            assert_eq!(v["quotes"].as_array().unwrap().len(), 1, "{out}");
        }
    }
    let (code, out, _) = whosaid(&["extract", dir.join("junk.html").to_str().unwrap()], b"");
    assert_eq!(code, 0);
    assert!(!out.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn binary_junk_in_jsonl_is_reported_by_line_number() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": 1, \"text\": \"\\u201cWe will win,\\u201d Mayor Ann Lee said.\"}\n");
    input.extend_from_slice(&junk(300, 3).iter().map(|&b| if b == b'\n' { b'x' } else { b }).collect::<Vec<_>>());
    input.push(b'\n');
    input.extend_from_slice(b"{\"id\": 3, \"text\": \"\xff\xfe invalid \xc0 bytes \x00 in a string\"}\n");
    input.extend_from_slice(b"\x00\x00\x00\n");
    input.extend_from_slice(b"{\"id\": 5, \"text\": \"ok\"}\n");
    input.extend_from_slice(b"{\"id\": 6, \"text\": 42}\n");
    let (code, out, err) = whosaid(&["analyze", "--jsonl", "-"], &input);
    assert_ne!(code, 0, "bad lines make the run fail");
    let ids: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone()).collect();
    assert!(ids.contains(&serde_json::json!(1)) && ids.contains(&serde_json::json!(5)), "good lines analysed: {ids:?}");
    for n in [2, 4, 6] {
        assert!(err.contains(&format!("line {n}")), "line {n} not reported: {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_long_jsonl_of_junk_stays_bounded() {
    // 2,000 junk lines: every one is reported, none stops the run, the output stays empty
    let mut input = Vec::new();
    for i in 0..2000u64 {
        input.extend(junk(100, i + 1).into_iter().map(|b| if b == b'\n' { b' ' } else { b }));
        input.push(b'\n');
    }
    let (code, out, err) = whosaid(&["analyze", "--jsonl", "-"], &input);
    assert_ne!(code, 0);
    assert!(out.trim().is_empty());
    assert!(err.contains("line 2000"), "the last line is reported");
    assert!(err.lines().count() <= 2001 + 1, "one message per bad line and a summary");
}
