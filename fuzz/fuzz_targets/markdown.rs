//! The HTML-to-Markdown converter on any fragment, sanitized or not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let _ = decant::test_api::html_to_markdown(&html);
});
