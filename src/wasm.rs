//! The WebAssembly API: `version()` and the two analysis entry points, `viewText(text)` and
//! `viewPage(html, url, title, selection, onlySelection, officialsOnly)` (`officialsOnly`: the
//! highlight targets of officials alone, [`crate::options::DEFAULT_OFFICIALS_ONLY`]; optional).
//!
//! Both take what the page or the user gives and give back `{display, targets, report}` as plain
//! JavaScript objects: the display model and the highlight targets ([`crate::display::View`]), and
//! the whole report with spans in UTF-16 code units (JavaScript string indices into `report.text`),
//! which the extension keeps and hands out only when asked (the JSON download), so that the popup
//! receives what it shows and not the whole article text. Missing values are `null`. Errors ([`crate::Error`]) are thrown as exceptions with a
//! message; a panic prints its message to the console (console_error_panic_hook) instead of an
//! anonymous trap.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::{OffsetUnit, Report};
use crate::Error;

fn init() {
    console_error_panic_hook::set_once();
}

/// What the view entry points give back: `{display, targets, report}`, the report (UTF-16 spans)
/// as a plain object that the background keeps for the download and never sends to the popup.
fn view_to_js(mut r: Report, opts: &crate::options::Options) -> Result<JsValue, JsError> {
    let v = crate::display::view_with(&r, opts);
    r.convert_offsets(OffsetUnit::Utf16);
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    let fail = |what: &str, e: &dyn std::fmt::Display| Error::output(format!("could not serialise the {what}: {e}"));
    let out = js_sys::Object::new();
    for (key, value) in [
        ("display", v.display.serialize(&ser).map_err(|e| fail("view", &e))?),
        ("targets", v.targets.serialize(&ser).map_err(|e| fail("targets", &e))?),
        ("report", r.serialize(&ser).map_err(|e| fail("report", &e))?),
    ] {
        js_sys::Reflect::set(&out, &JsValue::from_str(key), &value)
            .map_err(|_| Error::output(format!("could not set {key} on the view")))?;
    }
    Ok(out.into())
}

/// The WhoSaid version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

/// The view of plain text: `{display, targets, report}`.
#[wasm_bindgen(js_name = viewText)]
pub fn view_text(text: &str) -> Result<JsValue, JsError> {
    init();
    view_to_js(crate::analyze(text), &crate::options::Options::default())
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
    officials_only: Option<bool>,
) -> Result<JsValue, JsError> {
    init();
    let opts = crate::options::Options {
        officials_only: officials_only.unwrap_or(crate::options::DEFAULT_OFFICIALS_ONLY),
        ..crate::options::Options::default()
    };
    let r = crate::analyze(crate::Input::request(
        html,
        url.as_deref(),
        title.as_deref(),
        selection.as_deref(),
        only_selection,
    ));
    view_to_js(r, &opts)
}
