//! The WhoSaid command line: analyse articles, one file or many (JSONL), or extract article text.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use serde_json::{json, Value};
use whosaid::{Error, OffsetUnit, ScorerLine};

/// Every command gives back nothing or an [`Error`] with a message for the user.
type Result<T> = std::result::Result<T, Error>;

const USAGE: &str = "\
whosaid — who is quoted in a news article, and what each side wants

USAGE:
    whosaid analyze [--url URL] FILE
                                    print the JSON report (HTML when FILE ends in .html/.htm, else text)
    whosaid analyze --display [--url URL] FILE
                                    print what the popup shows: the display model and the highlight
                                    targets (JSON; the targets' hints are fractions of the UTF-16 length)
    whosaid analyze --jsonl IN      read {\"id\", \"text\"} per line, write one scorer line per document
                                    (code-point offsets; IN may be - for stdin)
    whosaid extract [--url URL] [--json] FILE.html
                                    print the article text (--json: text, metadata, source, notices;
                                    --url: the page's address, for relative links and metadata)
    whosaid --version

Offsets: the JSON report uses code points (Python string indices).
Environment: WHOSAID_TAGGER_GATE=0 keeps every span of the learned tagger (to train its classifier,
scripts/make_tagger_gate.py).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["analyze", "--jsonl", path] => analyze_jsonl(path),
        ["analyze", "--display", path] => analyze_display(path, None),
        ["analyze", "--display", "--url", url, path] => analyze_display(path, Some(url)),
        ["analyze", path] => analyze_file(path, None),
        ["analyze", "--url", url, path] => analyze_file(path, Some(url)),
        ["extract", rest @ ..] => extract_cmd(rest),
        ["--version"] | ["-V"] => print_out(&format!("whosaid {}", whosaid::version())),
        ["--help"] | ["-h"] | ["help"] => print_out(USAGE),
        _ => Err(Error::input(format!("unrecognised arguments\n\n{USAGE}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // the reader of the output went away (`whosaid extract page.html | head`): not an error
        Err(e) if e.message == BROKEN_PIPE => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::FAILURE
        }
    }
}

const BROKEN_PIPE: &str = "broken pipe";

/// Writes `s` and a newline to standard output; a closed pipe ends the command quietly.
fn print_out(s: &str) -> Result<()> {
    write_out(&mut io::stdout().lock(), s)
}

fn write_out(w: &mut impl Write, s: &str) -> Result<()> {
    writeln!(w, "{s}").map_err(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Error::output(BROKEN_PIPE)
        } else {
            Error::output(format!("could not write the output: {e}"))
        }
    })
}

fn read(path: &str) -> Result<String> {
    let bytes = if path == "-" {
        let mut v = Vec::new();
        io::Read::read_to_end(&mut io::stdin(), &mut v).map_err(|e| Error::input(format!("stdin: {e}")))?;
        v
    } else {
        std::fs::read(path).map_err(|e| Error::input(format!("{path}: {e}")))?
    };
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(Error::input(format!(
            "{path} is gzip-compressed: decompress it first (gunzip -k {path}, or zcat {path} | whosaid analyze -)"
        )));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn is_html(path: &str) -> bool {
    let p = path.to_lowercase();
    p.ends_with(".html") || p.ends_with(".htm")
}

fn analyze_file(path: &str, url: Option<&str>) -> Result<()> {
    let input = read(path)?;
    let mut report =
        if is_html(path) { whosaid::analyze(whosaid::Input::page(&input).url(url)) } else { whosaid::analyze(&input) };
    report.convert_offsets(OffsetUnit::CodePoint);
    let out = serde_json::to_string_pretty(&report).map_err(|e| Error::output(e.to_string()))?;
    print_out(&out)?;
    Ok(())
}

fn analyze_display(path: &str, url: Option<&str>) -> Result<()> {
    let input = read(path)?;
    let report =
        if is_html(path) { whosaid::analyze(whosaid::Input::page(&input).url(url)) } else { whosaid::analyze(&input) };
    let out =
        serde_json::to_string_pretty(&whosaid::display::view(&report)).map_err(|e| Error::output(e.to_string()))?;
    print_out(&out)?;
    Ok(())
}

fn extract_cmd(args: &[&str]) -> Result<()> {
    let (mut url, mut as_json, mut path) = (None, false, None);
    let mut it = args.iter();
    while let Some(&a) = it.next() {
        match a {
            "--url" => url = Some(*it.next().ok_or_else(|| Error::input(format!("--url needs a value\n\n{USAGE}")))?),
            "--json" => as_json = true,
            _ if path.is_none() && (a == "-" || !a.starts_with('-')) => path = Some(a),
            _ => return Err(Error::input(format!("unrecognised argument {a:?}\n\n{USAGE}"))),
        }
    }
    let path = path.ok_or_else(|| Error::input(format!("extract needs a FILE\n\n{USAGE}")))?;
    let input = read(path)?;
    let e = whosaid::extract(&input, url, None);
    if as_json {
        let v = json!({"article": e.article, "source": e.source, "notices": e.notices, "text": e.text});
        print_out(&serde_json::to_string_pretty(&v).map_err(|e| Error::output(e.to_string()))?)?;
    } else {
        for n in &e.notices {
            eprintln!("whosaid: {n}");
        }
        print_out(&e.text)?;
    }
    Ok(())
}

fn analyze_jsonl(path: &str) -> Result<()> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        Box::new(io::BufReader::new(std::fs::File::open(path).map_err(|e| Error::input(format!("{path}: {e}")))?))
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut bad = 0usize;
    let gate = std::env::var("WHOSAID_TAGGER_GATE").map_or(true, |v| v != "0");
    let analyzer = whosaid::Analyzer::builder().tagger_gate(gate).build()?;
    for (n, line) in reader.split(b'\n').enumerate() {
        let lineno = n + 1;
        let line = line.map_err(|e| Error::input(format!("{path}: line {lineno}: {e}")))?;
        let line = String::from_utf8_lossy(&line);
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("whosaid: {path}: line {lineno}: not JSON: {e}");
                bad += 1;
                continue;
            }
        };
        let (Some(id), Some(text)) = (doc.get("id"), doc.get("text").and_then(Value::as_str)) else {
            eprintln!("whosaid: {path}: line {lineno}: expected an object with \"id\" and a string \"text\"");
            bad += 1;
            continue;
        };
        let mut report = analyzer.analyze(text);
        report.convert_offsets(OffsetUnit::CodePoint);
        let line =
            serde_json::to_string(&ScorerLine::new(id.clone(), &report)).map_err(|e| Error::output(e.to_string()))?;
        write_out(&mut out, &line)?;
    }
    out.flush().map_err(|e| {
        Error::output(if e.kind() == io::ErrorKind::BrokenPipe { BROKEN_PIPE.to_string() } else { e.to_string() })
    })?;
    if bad > 0 {
        return Err(Error::input(format!("{bad} bad line(s) in {path}")));
    }
    Ok(())
}
