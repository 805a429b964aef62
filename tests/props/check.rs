//! The invariants every report must keep, whatever the input: shared by the property tests
//! (`tests/props.rs`), the bad-input corpus (`tests/robustness.rs`) and the fuzz targets (`fuzz/`).
//!
//! `check_report(&report)` panics with a message naming the broken invariant.

#![allow(dead_code)]

use whosaid::{OffsetUnit, Report, Span};

/// Every span of a report, with a label for messages.
pub fn spans(r: &Report) -> Vec<(String, Span)> {
    let mut v = Vec::new();
    for a in &r.actors {
        for (i, m) in a.mentions.iter().enumerate() {
            v.push((format!("actor {} mention {i}", a.id), *m));
        }
    }
    for q in &r.quotes {
        v.push((format!("quote {} span", q.id), q.span));
        for (i, f) in q.fragments.iter().enumerate() {
            v.push((format!("quote {} fragment {i}", q.id), *f));
        }
        if let Some(c) = q.cue {
            v.push((format!("quote {} cue", q.id), c));
        }
        if let Some(m) = q.speaker_mention {
            v.push((format!("quote {} speaker mention", q.id), m));
        }
    }
    for s in &r.statements {
        v.push((format!("statement {} span", s.id), s.span));
        if let Some(c) = s.cue {
            v.push((format!("statement {} cue", s.id), c));
        }
    }
    v
}

/// Checks a report in UTF-8 offsets (as the core returns it), then its UTF-16 and code-point
/// conversions and its JSON form. `input` is what was analysed, when the report text must be it.
pub fn check_report(r: &Report, input: Option<&str>) {
    assert_eq!(r.offsets, Some(OffsetUnit::Utf8), "the core reports UTF-8 offsets");
    if let Some(input) = input {
        if r.truncated {
            assert!(input.starts_with(&r.text), "a truncated text is a prefix of the input");
            assert!(r.text.len() <= whosaid::DEFAULT_MAX_TEXT_BYTES);
            assert!(r.notices.iter().any(|n| n.contains("only its first")), "truncation is announced");
        } else {
            assert_eq!(r.text, input, "the report text is the input");
        }
    }
    assert!(r.text.len() <= whosaid::DEFAULT_MAX_TEXT_BYTES, "text longer than MAX_TEXT_BYTES");
    let text = &r.text;
    for (what, s) in spans(r) {
        assert!(s.start <= s.end, "{what}: start {} > end {}", s.start, s.end);
        assert!(s.end <= text.len(), "{what}: end {} past the text ({} bytes)", s.end, text.len());
        assert!(text.is_char_boundary(s.start), "{what}: start {} inside a character", s.start);
        assert!(text.is_char_boundary(s.end), "{what}: end {} inside a character", s.end);
    }
    // ids, references and order
    for (i, a) in r.actors.iter().enumerate() {
        assert_eq!(a.id.index(), i, "actor ids are their index");
        assert!(!a.name.is_empty(), "actor {i} has a name");
        assert!(a.mentions.windows(2).all(|w| w[0].start <= w[1].start), "actor {i} mentions in order");
    }
    for (i, q) in r.quotes.iter().enumerate() {
        assert_eq!(q.id.index(), i, "quote ids are their index");
        assert!(q.speaker.is_none_or(|a| a.index() < r.actors.len()), "quote {i} speaker is an actor");
        assert!(q.reported_source.is_none_or(|a| a.index() < r.actors.len()), "quote {i} source is an actor");
        assert!(!q.fragments.is_empty(), "quote {i} has a fragment");
        assert!(q.fragments.iter().all(|f| q.span.contains(f)), "quote {i} fragments inside its span");
        assert!(q.fragments.windows(2).all(|w| w[0].end <= w[1].start), "quote {i} fragments ordered, disjoint");
        assert!((0.0..=1.0).contains(&q.confidence), "quote {i} confidence in [0, 1]");
        assert!(!q.rule.is_empty(), "quote {i} has a rule id");
        if let Some(a) = q.speaker {
            assert!(r.actors[a].quoted, "quote {i}: its speaker is marked quoted");
        }
    }
    assert!(r.quotes.windows(2).all(|w| w[0].span.start <= w[1].span.start), "quotes in text order");
    for (i, s) in r.statements.iter().enumerate() {
        assert_eq!(s.id.index(), i, "statement ids are their index");
        assert!(s.actor.index() < r.actors.len(), "statement {i} actor is an actor");
        assert!(s.via.is_none_or(|a| a.index() < r.actors.len()), "statement {i} via is an actor");
        assert!(s.quote.is_none_or(|q| q.index() < r.quotes.len()), "statement {i} quote is a quote");
    }
    assert!(r.statements.windows(2).all(|w| w[0].span.start <= w[1].span.start), "statements in text order");

    // JSON: serialises and reads back the same
    let json = serde_json::to_string(r).expect("the report serialises");
    let back: Report = serde_json::from_str(&json).expect("the JSON report reads back");
    assert_eq!(&back, r, "JSON round trip");

    // UTF-16 and code-point offsets slice the same substrings as the byte spans. Offsets are mapped
    // back to bytes through tables built from `encode_utf16` and `chars` (linear, whatever the
    // number of spans); short texts also compare the substrings themselves.
    let bytes = spans(r);
    let small = text.len() <= 64 * 1024;
    let mut r16 = r.clone();
    r16.convert_offsets(OffsetUnit::Utf16);
    assert_eq!(r16.offsets, Some(OffsetUnit::Utf16));
    let mut byte_of_unit = Vec::with_capacity(text.len() + 1); // usize::MAX inside a surrogate pair
    for (b, c) in text.char_indices() {
        byte_of_unit.push(b);
        if c.len_utf16() == 2 {
            byte_of_unit.push(usize::MAX);
        }
    }
    byte_of_unit.push(text.len());
    assert_eq!(byte_of_unit.len(), text.encode_utf16().count() + 1);
    let units: Vec<u16> = if small { text.encode_utf16().collect() } else { Vec::new() };
    for ((what, b), (_, u)) in bytes.iter().zip(spans(&r16)) {
        assert!(u.end < byte_of_unit.len(), "{what}: UTF-16 span {u:?} past the text");
        assert_eq!(
            (byte_of_unit[u.start], byte_of_unit[u.end]),
            (b.start, b.end),
            "{what}: UTF-16 span {u:?} vs bytes {b:?}"
        );
        if small {
            let got = String::from_utf16(&units[u.start..u.end])
                .unwrap_or_else(|_| panic!("{what}: UTF-16 span splits a pair"));
            assert_eq!(got, text[b.start..b.end], "{what}: UTF-16 span {u:?} vs bytes {b:?}");
        }
    }
    let mut rcp = r.clone();
    rcp.convert_offsets(OffsetUnit::CodePoint);
    let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of_char.push(text.len());
    let chars: Vec<char> = if small { text.chars().collect() } else { Vec::new() };
    for ((what, b), (_, c)) in bytes.iter().zip(spans(&rcp)) {
        assert!(c.end < byte_of_char.len(), "{what}: code-point span {c:?} past the text");
        assert_eq!(
            (byte_of_char[c.start], byte_of_char[c.end]),
            (b.start, b.end),
            "{what}: code-point span {c:?} vs bytes {b:?}"
        );
        if small {
            let got: String = chars[c.start..c.end].iter().collect();
            assert_eq!(got, text[b.start..b.end], "{what}: code-point span {c:?} vs bytes {b:?}");
        }
    }
    // converting again is refused (no double conversion)
    let again = rcp.clone();
    rcp.convert_offsets(OffsetUnit::Utf16);
    assert_eq!(rcp, again, "a converted report is not converted twice");
}
