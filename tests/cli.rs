//! The command line: JSONL in, scorer lines out, bad lines reported by number.

use std::io::Write;
use std::process::{Command, Stdio};

fn whosaid(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn jsonl_uses_code_point_offsets() {
    let line = r#"{"id": "a", "text": "😀 “We will win this,” Mayor Ann Lee said."}"#;
    let (code, out, _) = whosaid(&["analyze", "--jsonl", "-"], &format!("{line}\n"));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let q = &v["quotes"][0];
    // the emoji is one code point: the quote starts at index 2
    assert_eq!(q["start"], 2);
    assert_eq!(q["speaker"], "Ann Lee");
    let text: Vec<char> = "😀 “We will win this,” Mayor Ann Lee said.".chars().collect();
    let sp = &q["speaker_spans"][0];
    let s: String = text[sp[0].as_u64().unwrap() as usize..sp[1].as_u64().unwrap() as usize].iter().collect();
    assert_eq!(s, "Mayor Ann Lee");
}

#[test]
fn a_bad_line_is_reported_by_number_and_fails() {
    let input = "{\"id\": 1, \"text\": \"ok\"}\nnot json\n{\"id\": 3}\n";
    let (code, out, err) = whosaid(&["analyze", "--jsonl", "-"], input);
    assert_ne!(code, 0);
    assert_eq!(out.lines().count(), 1, "the good line is still analysed");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn unknown_arguments_print_usage() {
    let (code, _, err) = whosaid(&["frobnicate"], "");
    assert_ne!(code, 0);
    assert!(err.contains("USAGE"));
}

#[test]
fn jsonl_lines_are_scorer_lines_and_round_trip_byte_for_byte() {
    let seed = include_str!("fixtures/seed/000_64ce14edc3ca31c8.txt");
    let input = [
        serde_json::json!({"id": "seed", "text": seed}),
        serde_json::json!({"id": 7, "text": "“We will win,” Mayor Ann Lee said."}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let (code, out, _) = whosaid(&["analyze", "--jsonl", "-"], &input);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        // deny_unknown_fields: a field the type does not know would fail here
        let parsed: whosaid::ScorerLine = serde_json::from_str(line).unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), line);
    }
}

#[test]
fn display_prints_the_view_of_a_file() {
    let dir = std::env::temp_dir().join(format!("whosaid-cli-display-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("a.txt");
    std::fs::write(&f, "“We will win,” Mayor Ann Lee said.").unwrap();
    let (code, out, _) = whosaid(&["analyze", "--display", f.to_str().unwrap()], "");
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0);
    let v: whosaid::display::View = serde_json::from_str(&out).unwrap();
    assert_eq!(v.display.sides[0].actors[0].name, "Ann Lee");
    assert!(v.targets.iter().any(|t| t.exact.contains("We will win")), "{:?}", v.targets);
}

/// `whosaid … | head`: a reader that goes away ends the command quietly, not with a panic.
#[test]
fn a_closed_output_pipe_is_no_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["analyze", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    drop(child.stdout.take()); // the reader is gone before the first line is written
    let line = r#"{"id": "a", "text": "“We will win this,” Mayor Ann Lee said."}"#;
    let input = format!("{line}\n").repeat(2000);
    // the child may stop reading once its output fails: a write error here is fine
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

/// A gzip-compressed file is refused with a message that says what it is and how to read it, not
/// analysed as garbage text (other binary junk still gives a report: tests/robustness_cli.rs).
#[test]
fn a_compressed_file_is_refused_clearly() {
    let dir = std::env::temp_dir().join(format!("whosaid-cli-gzip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gz = dir.join("page.html.gz");
    std::fs::write(&gz, [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xff, b'a', b'b']).unwrap();
    let (gz_code, gz_out, gz_err) = whosaid(&["analyze", gz.to_str().unwrap()], "");
    let (ok_code, _, _) = whosaid(&["analyze", "-"], "“We will win,” Mayor Ann Lee said.");
    std::fs::remove_dir_all(&dir).unwrap();
    assert_ne!(gz_code, 0);
    assert!(gz_out.is_empty() && gz_err.contains("gzip-compressed") && gz_err.contains("zcat"), "{gz_err}");
    assert_eq!(ok_code, 0);
}
