//! The sanitizer on any fragment: whatever goes in, no script, handler, script URL or unsandboxed
//! frame comes out (checked by `find_unsafe`, which parses the output as the reader does).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let dom = decant::dom::Dom::parse_fragment(&html);
    let base = decant::url::Url::parse("https://fuzz.example/dir/page");
    let out = decant::sanitize::sanitized_html(&dom, dom.root(), base.as_ref(), base.as_ref());
    if let Some(problem) = decant::sanitize::find_unsafe(&out) {
        panic!("{problem} in {out}");
    }
});
