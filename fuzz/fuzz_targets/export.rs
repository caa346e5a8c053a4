//! Every saved format (Markdown with front matter, text, self-contained HTML, EPUB) on whatever
//! article any input gives, with some images fetched and some missing. The saved HTML must stay
//! inert: nothing in it may run or load from the network.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let Ok(article) = decant::extract(&html, "https://fuzz.example/dir/page.html", &decant::Options::default()) else { return };
    let mut export = decant::Export { saved: Some("2026-11-28".to_string()), ..Default::default() };
    for (i, url) in decant::image_urls(&article).into_iter().enumerate() {
        if i % 2 == 0 {
            export.add_image(&url, "image/png", vec![0x89, b'P', b'N', b'G']);
        } else {
            export.missing.insert(url, "fuzzing".to_string());
        }
    }
    let _ = decant::markdown(&article, &export);
    let _ = decant::plain_text(&article);
    let _ = decant::epub(&article, &export);
    let saved = decant::html_document(&article, &export);
    if let Some(bad) = decant::test_api::find_unsafe_saved(&saved) {
        panic!("{bad} in {saved}");
    }
});
