//! The plain-text converter, and the word count and reading time built on it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let dom = decant::test_api::Dom::parse_fragment(&html);
    let text = decant::test_api::plain_text(&dom, dom.root());
    let (words, minutes) = decant::test_api::words_and_minutes(&text);
    assert_eq!(words, decant::test_api::word_count(&text), "the two word counts differ");
    assert!(words > 0 || minutes == 0, "{minutes} minutes to read no words");
});
