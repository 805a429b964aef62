//! The WebAssembly API: `version()`, `analyzeText(text)`, `analyzeHtml(html, url)`.
//!
//! Reports come back as plain JavaScript objects with spans in UTF-16 code units (JavaScript string
//! indices into `report.text`). Missing values are `null`. Errors are thrown as exceptions with a
//! message; a panic prints its message to the console (console_error_panic_hook) instead of an
//! anonymous trap.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::{OffsetUnit, Report};

fn init() {
    console_error_panic_hook::set_once();
}

fn to_js(mut r: Report) -> Result<JsValue, JsError> {
    r.convert_offsets(OffsetUnit::Utf16);
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    r.serialize(&ser).map_err(|e| JsError::new(&format!("could not serialise the report: {e}")))
}

/// The WhoSaid version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

/// Analyses plain text.
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text(text: &str) -> Result<JsValue, JsError> {
    init();
    to_js(crate::analyze_text(text))
}

/// Analyses a page's HTML; `url` may be empty. `selection` (optional) is the user's selected text,
/// analysed when the page has no article.
#[wasm_bindgen(js_name = analyzeHtml)]
pub fn analyze_html(html: &str, url: Option<String>, selection: Option<String>) -> Result<JsValue, JsError> {
    init();
    let url = url.filter(|u| !u.is_empty());
    to_js(crate::analyze_page(html, url.as_deref(), selection.as_deref()))
}
