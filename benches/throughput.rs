//! Native throughput of the WhoSaid core: the seed, the largest shared article pages, n× concatenations
//! (linear scaling), and time per pipeline stage. Checks the expected counts in `benches/expected.json`,
//! so a fast wrong answer fails. Each row gives MB/s by the best wall time of its runs and, on Linux, by
//! the mean CPU time of a run (`cpuMB/s`: the same work without the time other processes held the CPU,
//! the steadier figure on a shared machine).
//!
//! Run through `make bench` (scripts/bench.py), or alone:
//! `cargo bench --bench throughput -- [--pages DIR] [--top N] [--out FILE] [--texts DIR] [--quick]`
//!
//! * `--pages DIR`: HTML pages (`*.html`) to extract and analyse; the `--top` with the longest article
//!   text get their own rows, and their texts are written to `--texts DIR` for the peer and WASM benches.
//! * `--out FILE`: also write every number as JSON.
//! * `--quick`: smaller concatenations and shorter timing loops.
//! * `--once FILE N`: analyse FILE concatenated N times, once (for `valgrind --tool=callgrind`).
//! * `--digest DIR`: print a digest of each page's report (an optimisation must not change them).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use whosaid::{Analyzer, Input, Report, StageTimes};

/// The pipeline with the text limit lifted (`NO_CUT`), timed stage by stage.
fn analyze_text_timed(text: &str, max_bytes: usize) -> (Report, StageTimes) {
    Analyzer::builder().max_text_bytes(max_bytes).build().expect("options").analyze_timed(text)
}

/// A page through the default pipeline, timed stage by stage.
fn analyze_page_timed(html: &str) -> (Report, StageTimes) {
    Analyzer::new().analyze_timed(Input::page(html))
}

const SEED: &str = include_str!("../tests/fixtures/seed/000_64ce14edc3ca31c8.txt");
const EXPECTED: &str = include_str!("expected.json");
/// No cut in the scaling rows: they must show the engine itself is linear.
const NO_CUT: usize = usize::MAX;
/// A size that takes longer than this stops the scaling series (the next one would take far longer).
const SCALING_BUDGET: Duration = Duration::from_secs(60);

struct Args {
    pages: Option<PathBuf>,
    texts: Option<PathBuf>,
    out: Option<PathBuf>,
    top: usize,
    quick: bool,
}

fn args() -> Args {
    let mut a = Args { pages: None, texts: None, out: None, top: 5, quick: false };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--pages" => a.pages = it.next().map(PathBuf::from),
            "--texts" => a.texts = it.next().map(PathBuf::from),
            "--out" => a.out = it.next().map(PathBuf::from),
            "--top" => a.top = it.next().and_then(|n| n.parse().ok()).unwrap_or(5),
            "--quick" => a.quick = true,
            // cargo bench passes --bench
            _ => {}
        }
    }
    a
}

/// CPU time this thread has run so far (Linux: `/proc/thread-self/schedstat`, nanoseconds on a CPU),
/// or `None` elsewhere. On a shared machine the wall time of a run includes the time other processes
/// held the CPU; the CPU time does not.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}

/// Runs `f` at least `min_runs` times and for at least `min_time`; returns the best and the median wall
/// time, the number of runs, the mean CPU time of a run (zero when unknown: the kernel's count moves in
/// steps, so one short run can read zero, the mean over the runs cannot) and the last result.
fn measure<R>(
    min_time: Duration,
    min_runs: usize,
    mut f: impl FnMut() -> R,
) -> (Duration, Duration, usize, Duration, R) {
    let mut times = Vec::new();
    let mut cpu_total: Option<Duration> = Some(Duration::ZERO);
    let start = Instant::now();
    let mut last;
    loop {
        let c = thread_cpu();
        let t = Instant::now();
        last = f();
        times.push(t.elapsed());
        cpu_total = match (cpu_total, c, thread_cpu()) {
            (Some(t), Some(a), Some(b)) => Some(t + b.saturating_sub(a)),
            _ => None,
        };
        if times.len() >= min_runs && start.elapsed() >= min_time {
            break;
        }
    }
    times.sort();
    let cpu = cpu_total.map_or(Duration::ZERO, |t| t / times.len() as u32);
    (times[0], times[times.len() / 2], times.len(), cpu, last)
}

fn digest(r: &Report) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(r).expect("serialise a report").hash(&mut h);
    h.finish()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn stages_json(t: &StageTimes) -> Value {
    json!({
        "article_ms": ms(t.article), "text_ms": ms(t.text), "mentions_ms": ms(t.mentions),
        "quotes_ms": ms(t.quotes), "actors_ms": ms(t.actors), "statements_ms": ms(t.statements),
    })
}

fn add(a: &mut StageTimes, b: &StageTimes) {
    a.article += b.article;
    a.text += b.text;
    a.mentions += b.mentions;
    a.quotes += b.quotes;
    a.actors += b.actors;
    a.statements += b.statements;
}

fn stage_cells(t: &StageTimes) -> String {
    let tot = t.total().as_secs_f64().max(1e-12);
    let pct = |d: Duration| 100.0 * d.as_secs_f64() / tot;
    format!(
        "{:>5.1} {:>5.1} {:>5.1} {:>5.1} {:>5.1} {:>5.1}",
        pct(t.article),
        pct(t.text),
        pct(t.mentions),
        pct(t.quotes),
        pct(t.actors),
        pct(t.statements)
    )
}

struct Row {
    name: String,
    bytes: usize,
    words: usize,
    best: Duration,
    median: Duration,
    runs: usize,
    /// the mean CPU time of a run (zero when unknown)
    cpu: Duration,
    quotes: usize,
    statements: usize,
    actors: usize,
    stages: StageTimes,
}

impl Row {
    fn mb_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.best.as_secs_f64()
    }
    /// MB/s by the mean CPU time of a run (0 when unknown).
    fn cpu_mb_s(&self) -> f64 {
        if self.cpu.is_zero() {
            0.0
        } else {
            self.bytes as f64 / 1e6 / self.cpu.as_secs_f64()
        }
    }
    fn words_s(&self) -> f64 {
        self.words as f64 / self.best.as_secs_f64()
    }
    fn json(&self) -> Value {
        json!({
            "name": self.name, "bytes": self.bytes, "words": self.words, "runs": self.runs,
            "best_ms": ms(self.best), "median_ms": ms(self.median), "mb_per_s": self.mb_s(),
            "cpu_mean_ms": ms(self.cpu), "cpu_mb_per_s": self.cpu_mb_s(),
            "words_per_s": self.words_s(), "quotes": self.quotes, "statements": self.statements,
            "actors": self.actors, "stages": stages_json(&self.stages),
        })
    }
}

fn text_row(name: &str, text: &str, min_time: Duration, min_runs: usize) -> Row {
    let (best, median, runs, cpu, (r, _)) = measure(min_time, min_runs, || analyze_text_timed(text, NO_CUT));
    // stage times of a separate run, for the shares (the timing loop keeps only the last result)
    let mut stages = StageTimes::default();
    let reps = runs.clamp(1, 5);
    for _ in 0..reps {
        add(&mut stages, &analyze_text_timed(text, NO_CUT).1);
    }
    Row {
        name: name.to_string(),
        bytes: text.len(),
        words: words(text),
        best,
        median,
        runs,
        cpu,
        quotes: r.quotes.len(),
        statements: r.statements.len(),
        actors: r.actors.len(),
        stages,
    }
}

fn print_header(title: &str) {
    println!("\n{title}");
    println!(
        "{:<34} {:>9} {:>8} {:>5} {:>9} {:>9} {:>7} {:>7} {:>10} {:>6} {:>6}   {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}",
        "input",
        "bytes",
        "words",
        "runs",
        "best ms",
        "median ms",
        "MB/s",
        "cpuMB/s",
        "words/s",
        "quotes",
        "stmts",
        "art%",
        "text%",
        "ment%",
        "quot%",
        "act%",
        "stmt%"
    );
}

fn print_row(r: &Row) {
    println!(
        "{:<34} {:>9} {:>8} {:>5} {:>9.3} {:>9.3} {:>7.2} {:>7.2} {:>10.0} {:>6} {:>6}   {}",
        r.name,
        r.bytes,
        r.words,
        r.runs,
        ms(r.best),
        ms(r.median),
        r.mb_s(),
        r.cpu_mb_s(),
        r.words_s(),
        r.quotes,
        r.statements,
        stage_cells(&r.stages)
    );
}

/// Every `*.html` file under `dir`, sorted.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn main() {
    // `--once FILE N`: analyse FILE concatenated N times, once, and exit (for callgrind).
    let argv: Vec<String> = std::env::args().collect();
    if let Some(i) = argv.iter().position(|x| x == "--once") {
        let text = std::fs::read_to_string(&argv[i + 1]).expect("--once FILE N");
        let n: usize = argv.get(i + 2).and_then(|n| n.parse().ok()).unwrap_or(1);
        let (r, t) = analyze_text_timed(&vec![text.as_str(); n].join("\n\n"), NO_CUT);
        println!("{} quotes, {} statements, digest {:016x}, {:?}", r.quotes.len(), r.statements.len(), digest(&r), t);
        return;
    }
    // `--digest DIR`: one line per page, a digest of its whole report (to check an optimisation
    // changes no result).
    if let Some(i) = argv.iter().position(|x| x == "--digest") {
        for f in html_files(Path::new(&argv[i + 1])) {
            let html = String::from_utf8_lossy(&std::fs::read(&f).expect("read a page")).into_owned();
            let r = std::panic::catch_unwind(|| analyze_page_timed(&html).0);
            println!("{:016x} {}", r.as_ref().map(digest).unwrap_or(0), f.display());
        }
        return;
    }
    let a = args();
    let expected: Value = serde_json::from_str(EXPECTED).expect("benches/expected.json is JSON");
    let (min_time, min_runs) = if a.quick { (Duration::from_millis(200), 3) } else { (Duration::from_millis(1000), 5) };
    let mut failures: Vec<String> = Vec::new();
    let mut out = json!({});

    // 1. The seed, with its expected counts.
    let seed = text_row("seed (tests/fixtures/seed)", SEED, min_time, min_runs.max(20));
    for (key, got) in [("quotes", seed.quotes), ("statements", seed.statements)] {
        let want = expected["seed"][key].as_u64().unwrap_or(0) as usize;
        if got != want {
            failures.push(format!(
                "seed: {got} {key}, expected {want} (benches/expected.json; update it if the change is intended)"
            ));
        }
    }

    // 2. The shared pages: article extraction + analysis of each, stage totals, the largest texts.
    let mut page_rows = Vec::new();
    let mut largest: Option<String> = None;
    let mut corpus = json!(null);
    if let Some(dir) = &a.pages {
        let files = html_files(dir);
        let mut total = StageTimes::default();
        let mut per_page_ms: Vec<f64> = Vec::new();
        let (mut html_bytes, mut text_bytes, mut text_words, mut n_quotes) = (0usize, 0usize, 0usize, 0usize);
        let mut texts: Vec<(String, String)> = Vec::new();
        for f in &files {
            let Ok(bytes) = std::fs::read(f) else { continue };
            let html = String::from_utf8_lossy(&bytes);
            let Ok((r, t)) = std::panic::catch_unwind(|| analyze_page_timed(&html)) else {
                failures.push(format!("{}: panicked", f.display()));
                continue;
            };
            let (r, t): (Report, StageTimes) = (r, t);
            add(&mut total, &t);
            per_page_ms.push(ms(t.total()));
            html_bytes += html.len();
            text_bytes += r.text.len();
            text_words += words(&r.text);
            n_quotes += r.quotes.len();
            let name = f.strip_prefix(dir).unwrap_or(f).to_string_lossy().replace('/', "_");
            texts.push((name, r.text));
        }
        per_page_ms.sort_by(f64::total_cmp);
        let pct =
            |p: f64| per_page_ms.get(((per_page_ms.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0.0);
        println!(
            "\nShared article pages: {} pages, {:.1} MB of HTML, {:.2} MB of article text, {} words, {} quotes",
            files.len(),
            html_bytes as f64 / 1e6,
            text_bytes as f64 / 1e6,
            text_words,
            n_quotes
        );
        println!(
            "  page → report, native, one run each: total {:.0} ms, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms per page",
            ms(total.total()),
            pct(0.5),
            pct(0.95),
            pct(1.0)
        );
        println!(
            "  time per stage (all pages): article {:.0} ms, text {:.0} ms, mentions {:.0} ms, quotes {:.0} ms, actors {:.0} ms, statements {:.0} ms",
            ms(total.article),
            ms(total.text),
            ms(total.mentions),
            ms(total.quotes),
            ms(total.actors),
            ms(total.statements)
        );
        corpus = json!({
            "pages": files.len(), "html_bytes": html_bytes, "text_bytes": text_bytes, "words": text_words,
            "quotes": n_quotes, "stages": stages_json(&total), "page_ms": {"p50": pct(0.5), "p95": pct(0.95), "max": pct(1.0)},
        });
        if files.is_empty() {
            failures.push(format!("no *.html pages under {}", dir.display()));
        }
        texts.sort_by_key(|(_, t)| std::cmp::Reverse(t.len()));
        texts.truncate(a.top);
        if let Some(td) = &a.texts {
            std::fs::create_dir_all(td).expect("create the texts folder");
            for (i, (name, t)) in texts.iter().enumerate() {
                let stem = name.trim_end_matches(".html");
                std::fs::write(td.join(format!("{i:02}_{stem}.txt")), t).expect("write a text");
            }
        }
        largest = texts.first().map(|(_, t)| t.clone());
        for (name, t) in &texts {
            let short: String = name.chars().take(30).collect();
            page_rows.push(text_row(&format!("page {short}"), t, min_time, min_runs));
        }
    } else {
        println!("\nShared article pages: skipped (no --pages; ../shared absent?)");
    }

    print_header("Core analysis throughput (native, text → report; best of runs; stage shares of the total)");
    print_row(&seed);
    for r in &page_rows {
        print_row(r);
    }
    if page_rows.len() > 1 {
        let (b, w, t) =
            page_rows.iter().fold((0, 0, 0.0), |(b, w, t), r| (b + r.bytes, w + r.words, t + r.best.as_secs_f64()));
        println!(
            "{:<34} {:>9} {:>8} {:>5} {:>9.3} {:>9} {:>7.2} {:>7} {:>10.0}",
            "largest pages together",
            b,
            w,
            "",
            t * 1e3,
            "",
            b as f64 / 1e6 / t,
            "",
            w as f64 / t
        );
    }

    // 3. Scaling: n× concatenations (paragraph-separated), no cut.
    print_header("Scaling: n× concatenations, no length cut (time/word relative to 1× shows linearity)");
    let mut scaling = Vec::new();
    let mut bases: Vec<(String, String, Vec<usize>)> =
        vec![("seed".into(), SEED.to_string(), if a.quick { vec![1, 10, 100] } else { vec![1, 10, 100, 1000, 1820] })];
    if let Some(t) = largest {
        bases.push(("largest page".into(), t, if a.quick { vec![1, 10] } else { vec![1, 10, 100] }));
    }
    for (base_name, base, mults) in &bases {
        let mut base_ns_per_word = None;
        let base_quotes = analyze_text_timed(base, NO_CUT).0.quotes.len();
        for &n in mults {
            let text = vec![base.as_str(); n].join("\n\n");
            let (mt, mr) = if text.len() > 300_000 { (Duration::ZERO, 1) } else { (min_time, min_runs) };
            let row = text_row(&format!("{base_name} ×{n}"), &text, mt, mr);
            let ns_per_word = row.best.as_secs_f64() * 1e9 / row.words.max(1) as f64;
            let rel = ns_per_word / *base_ns_per_word.get_or_insert(ns_per_word);
            print_row(&row);
            println!("{:<34} {:>9.0} ns/word, {:.2}× the 1× time per word", "", ns_per_word, rel);
            if row.quotes != n * base_quotes {
                failures.push(format!("{base_name} ×{n}: {} quotes, expected {n} × {base_quotes}", row.quotes));
            }
            let mut j = row.json();
            j["n"] = json!(n);
            j["base"] = json!(base_name);
            j["ns_per_word"] = json!(ns_per_word);
            j["relative_time_per_word"] = json!(rel);
            scaling.push(j);
            if row.best > SCALING_BUDGET {
                println!("{:<34} stopping this series: over {} s", "", SCALING_BUDGET.as_secs());
                failures.push(format!("{base_name} ×{n} took {:.0} s: not linear", row.best.as_secs_f64()));
                break;
            }
        }
    }

    out["seed"] = seed.json();
    out["pages"] = Value::Array(page_rows.iter().map(Row::json).collect());
    out["corpus"] = corpus;
    out["scaling"] = Value::Array(scaling);
    out["failures"] = json!(failures);
    if let Some(p) = &a.out {
        std::fs::write(p, serde_json::to_string_pretty(&out).unwrap()).expect("write --out");
    }
    if !failures.is_empty() {
        eprintln!("\nbench: expected counts FAILED:");
        for f in &failures {
            eprintln!("  {f}");
        }
        std::process::exit(1);
    }
    println!("\nbench: expected counts OK");
}
