//! The Python module `whosaid._whosaid`: the WhoSaid core for Python (PyO3).
//!
//! Takes Python strings (plain text or a page's HTML) and gives back each report as JSON text with
//! code-point offsets (Python string indices); the pure-Python package `whosaid` parses it into
//! dicts and builds the tables. The batch entry point releases the GIL and spreads the documents
//! over threads. A panic in the core becomes a `RuntimeError`, never a crash of the interpreter.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use whosaid::{Input, OffsetUnit, Report};

/// The report as JSON text with code-point offsets, or the message of what went wrong.
fn report_json(run: impl FnOnce() -> Report) -> Result<String, String> {
    let mut r = catch_unwind(AssertUnwindSafe(run))
        .map_err(|_| "whosaid: internal error while analysing this input (a bug: please report it)".to_string())?;
    r.convert_offsets(OffsetUnit::CodePoint);
    serde_json::to_string(&r).map_err(|e| format!("whosaid: could not serialise the report: {e}"))
}

/// The version of the WhoSaid core.
#[pyfunction]
fn version() -> &'static str {
    whosaid::version()
}

/// Analyses plain text; the report as JSON text (code-point offsets).
#[pyfunction]
fn analyze(py: Python<'_>, text: String) -> PyResult<String> {
    py.allow_threads(|| report_json(|| whosaid::analyze(text.as_str()))).map_err(PyRuntimeError::new_err)
}

/// Analyses a page's HTML (its address, when known, resolves links and fills the metadata).
#[pyfunction]
#[pyo3(signature = (html, url=None))]
fn analyze_html(py: Python<'_>, html: String, url: Option<String>) -> PyResult<String> {
    py.allow_threads(|| report_json(|| whosaid::analyze(Input::page(&html).url(url.as_deref()))))
        .map_err(PyRuntimeError::new_err)
}

/// Analyses many texts on `threads` threads (default: the machine's cores) with the GIL released;
/// the reports in the order of the texts.
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn analyze_many(py: Python<'_>, texts: Vec<String>, threads: Option<usize>) -> PyResult<Vec<String>> {
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let n = threads.unwrap_or(cores).min(texts.len()).max(1);
    let out: Vec<Result<String, String>> = py.allow_threads(|| {
        let next = AtomicUsize::new(0);
        let mut slots: Vec<Option<Result<String, String>>> = (0..texts.len()).map(|_| None).collect();
        let done: Vec<Vec<(usize, Result<String, String>)>> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..n)
                .map(|_| {
                    s.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(t) = texts.get(i) else { break };
                            mine.push((i, report_json(|| whosaid::analyze(t.as_str()))));
                        }
                        mine
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
        });
        for (i, r) in done.into_iter().flatten() {
            slots[i] = Some(r);
        }
        slots.into_iter().map(|r| r.unwrap_or_else(|| Err("whosaid: a worker thread failed".to_string()))).collect()
    });
    out.into_iter().map(|r| r.map_err(PyRuntimeError::new_err)).collect()
}

/// The module.
#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_html, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    Ok(())
}
