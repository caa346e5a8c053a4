//! Extraction of any input, with any page URL: an article or a typed error, never a panic, and
//! nothing unsafe in the output. The first byte picks the page URL; all of the input is the page.
#![no_main]

use libfuzzer_sys::fuzz_target;

const URLS: &[&str] = &[
    "https://fuzz.example/dir/page.html",
    "",
    "http://[::1]:8080/a/b?c#d",
    "not a url",
    "javascript:alert(1)",
    "https://xn--bcher-kva.example/über/ü?q=ü",
    "file:///etc/passwd",
    "data:text/html,<p>hi",
];

fuzz_target!(|data: &[u8]| {
    let url = URLS[data.first().map_or(0, |b| *b as usize) % URLS.len()];
    let html = String::from_utf8_lossy(data);
    let options = decant::Options { max_input_bytes: 1 << 20, ..decant::Options::default() };
    if let Ok(article) = decant::extract(&html, url, &options) {
        let _ = decant::to_markdown(&article);
        if let Some(problem) = decant::test_api::find_unsafe(&article.content) {
            panic!("{problem} in {}", article.content);
        }
    }
    let _ = decant::is_probably_readerable(&html);
});
