//! The plain-text converter, and the word count and reading time built on it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let dom = decant::dom::Dom::parse_fragment(&html);
    let text = decant::text::plain_text(&dom, dom.root());
    let (words, minutes) = decant::text::words_and_minutes(&text);
    assert_eq!(words, decant::text::word_count(&text), "the two word counts differ");
    assert!(words > 0 || minutes == 0, "{minutes} minutes to read no words");
});
