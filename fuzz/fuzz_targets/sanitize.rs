//! The sanitizer on any fragment: whatever goes in, no script, handler, script URL or unsandboxed
//! frame comes out (checked by `find_unsafe`, which parses the output as the reader does).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let dom = decant::test_api::Dom::parse_fragment(&html);
    let base = decant::test_api::Url::parse("https://fuzz.example/dir/page");
    let out = decant::test_api::sanitized_html(&dom, dom.root(), base.as_ref(), base.as_ref());
    if let Some(problem) = decant::test_api::find_unsafe(&out) {
        panic!("{problem} in {out}");
    }
});
