//! The WebAssembly API in a real browser (headless Chromium through wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap()
}

/// The report of plain text, as `viewText` gives it.
fn report_of_text(text: &str) -> JsValue {
    get(&whosaid::wasm::view_text(text).unwrap(), "report")
}

/// The report of a page, as `viewPage` gives it (page mode).
fn report_of_page(html: &str, url: Option<&str>, selection: Option<&str>) -> JsValue {
    let v =
        whosaid::wasm::view_page(html, url.map(String::from), None, selection.map(String::from), false, None).unwrap();
    get(&v, "report")
}

#[wasm_bindgen_test]
fn view_text_reports_utf16_spans() {
    let text = "😀 “We will win this,” Mayor Ann Lee said.";
    let r = report_of_text(text);
    assert_eq!(get(&r, "offsets").as_string().as_deref(), Some("utf16"));
    let quotes = js_sys::Array::from(&get(&r, "quotes"));
    assert_eq!(quotes.length(), 1);
    let span = get(&quotes.get(0), "span");
    // the emoji is two UTF-16 code units and the space one: the quote starts at 3
    assert_eq!(get(&span, "start").as_f64(), Some(3.0));
    let js_text = js_sys::JsString::from(text);
    let end = get(&span, "end").as_f64().unwrap() as u32;
    assert_eq!(String::from(js_text.slice(3, end)), "“We will win this,”");
    // missing values are null, not undefined
    assert!(get(&quotes.get(0), "reported_source").is_null());
}

#[wasm_bindgen_test]
fn view_page_reads_the_article() {
    let html = "<html><head><title>T</title></head><body><article><p>“We will win this,” Mayor Ann Lee said on Monday.</p></article></body></html>";
    let r = report_of_page(html, Some("https://example.com/a"), None);
    let actors = js_sys::Array::from(&get(&r, "actors"));
    assert!(actors.iter().any(|a| get(&a, "name").as_string().as_deref() == Some("Ann Lee")));
}

#[wasm_bindgen_test]
fn view_page_uses_the_selection_when_there_is_no_article() {
    let html = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";
    let sel = "“We will win this,” Mayor Ann Lee said on Monday.";
    let r = report_of_page(html, None, Some(sel));
    assert_eq!(get(&r, "source").as_string().as_deref(), Some("selection"));
    assert_eq!(get(&r, "text").as_string().as_deref(), Some(sel));
}

#[wasm_bindgen_test]
fn empty_and_odd_input_do_not_trap() {
    for s in ["", " ", "\u{0}", "“", "\"\"\"", "\u{202E}abc\u{200B}"] {
        let r = report_of_text(s);
        assert!(js_sys::Array::from(&get(&r, "quotes")).length() <= 1);
    }
    assert_eq!(whosaid::wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn view_page_gives_the_display_model_targets_and_report_json() {
    let html = "<html><head><title>T</title></head><body><article><p>“We will win this,” Mayor Ann Lee said on Monday.</p><p>“The port will stay closed,” union leader Maria Lopez said on Tuesday.</p></article></body></html>";
    let sel = "“The port will stay closed,” union leader Maria Lopez said on Tuesday.";
    let v = whosaid::wasm::view_page(
        html,
        Some("https://example.com/a".into()),
        Some("T".into()),
        Some(sel.into()),
        true,
        None,
    )
    .unwrap();
    let display = get(&v, "display");
    assert_eq!(get(&display, "source").as_string().as_deref(), Some("selection"));
    let sides = js_sys::Array::from(&get(&display, "sides"));
    let actor = js_sys::Array::from(&get(&sides.get(0), "actors")).get(0);
    assert_eq!(get(&actor, "name").as_string().as_deref(), Some("Maria Lopez"));
    assert!(js_sys::Array::from(&get(&v, "targets")).length() >= 2);
    let report = get(&v, "report");
    assert_eq!(get(&report, "offsets").as_string().as_deref(), Some("utf16"));
    assert_eq!(get(&report, "text").as_string().as_deref(), Some(sel));
    assert_eq!(get(&get(&report, "article"), "url").as_string().as_deref(), Some("https://example.com/a"));
}
