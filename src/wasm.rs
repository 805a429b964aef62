//! The WebAssembly API: `version()`, `analyzeText(text)`, `analyzeHtml(html, url)`, and the view
//! entry points `viewText(text)` and `viewPage(html, url, title, selection, onlySelection)`.
//!
//! The view entry points give `{display, targets, report}`: the display model and the highlight
//! targets ([`crate::display::View`]) as plain objects, and the whole report as a JSON string (UTF-16
//! spans), which the extension keeps and hands out only when asked (the JSON download), so that the
//! popup receives what it shows and not the whole article text.
//!
//! Reports come back as plain JavaScript objects with spans in UTF-16 code units (JavaScript string
//! indices into `report.text`). Missing values are `null`. Errors ([`crate::Error`]) are thrown as exceptions with a
//! message; a panic prints its message to the console (console_error_panic_hook) instead of an
//! anonymous trap.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::display::{Display, Target};
use crate::report::{OffsetUnit, Report};
use crate::Error;

fn init() {
    console_error_panic_hook::set_once();
}

fn to_js(mut r: Report) -> Result<JsValue, JsError> {
    r.convert_offsets(OffsetUnit::Utf16);
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    Ok(r.serialize(&ser).map_err(|e| Error::output(format!("could not serialise the report: {e}")))?)
}

/// What the view entry points give back.
#[derive(Serialize)]
struct JsView {
    display: Display,
    targets: Vec<Target>,
    /// The report as JSON (UTF-16 spans), for the download.
    report: String,
}

fn view_to_js(mut r: Report) -> Result<JsValue, JsError> {
    let v = crate::display::view(&r);
    r.convert_offsets(OffsetUnit::Utf16);
    let report =
        serde_json::to_string_pretty(&r).map_err(|e| Error::output(format!("could not serialise the report: {e}")))?;
    let out = JsView { display: v.display, targets: v.targets, report };
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    Ok(out.serialize(&ser).map_err(|e| Error::output(format!("could not serialise the view: {e}")))?)
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
    to_js(crate::analyze(text))
}

/// Analyses a page's HTML; `url` may be empty. `selection` (optional) is the user's selected text,
/// analysed when the page has no article.
#[wasm_bindgen(js_name = analyzeHtml)]
pub fn analyze_html(html: &str, url: Option<String>, selection: Option<String>) -> Result<JsValue, JsError> {
    init();
    let url = url.filter(|u| !u.is_empty());
    to_js(crate::analyze(crate::Input::page(html).url(url.as_deref()).selection(selection.as_deref())))
}

/// The view of plain text: `{display, targets, report}`.
#[wasm_bindgen(js_name = viewText)]
pub fn view_text(text: &str) -> Result<JsValue, JsError> {
    init();
    view_to_js(crate::analyze(text))
}

/// The view of a page as the extension asks for it ([`crate::Input::request`]): with
/// `only_selection` and a non-blank `selection`, the selection alone (with the page's `url` and
/// `title`); otherwise the page, the selection used when it has no article. Gives
/// `{display, targets, report}`.
#[wasm_bindgen(js_name = viewPage)]
pub fn view_page(
    html: &str,
    url: Option<String>,
    title: Option<String>,
    selection: Option<String>,
    only_selection: bool,
) -> Result<JsValue, JsError> {
    init();
    view_to_js(crate::analyze(crate::Input::request(
        html,
        url.as_deref(),
        title.as_deref(),
        selection.as_deref(),
        only_selection,
    )))
}
