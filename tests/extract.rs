//! Extraction on this project's own fixture pages.
//!
//! Each `tests/fixtures/NAME.html` is extracted with the URL below and converted to Markdown; the
//! result must equal `tests/fixtures/NAME.expected.md` (run with `BLESS=1` to rewrite the expected
//! files on purpose, then review the diff). The named tests below add the checks that say what
//! each fixture is for, so that a blessed regression still fails loudly.

use std::path::{Path, PathBuf};

const URL: &str = "https://news.example/2026/03/story.html";

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(format!("{name}.html"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn extract(name: &str) -> decant::Article {
    decant::extract(&fixture(name), URL, &decant::Options::default())
        .unwrap_or_else(|e| panic!("fixture {name}: expected an article, got: {e}"))
}

#[test]
fn every_fixture_matches_its_expected_markdown() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "no fixtures found in {}", dir.display());
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for page in &pages {
        let name = page.file_stem().and_then(|s| s.to_str()).expect("UTF-8 file name");
        let html = std::fs::read_to_string(page).expect("fixture is UTF-8");
        let got = match decant::extract(&html, URL, &decant::Options::default()) {
            Ok(article) => decant::to_markdown(&article),
            Err(e) => format!("error: {e}\n"),
        };
        let expected_path = dir.join(format!("{name}.expected.md"));
        if bless {
            std::fs::write(&expected_path, &got).expect("write expected file");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("--- {name}: output differs from {}\n{got}", expected_path.display()));
        }
    }
    assert!(failures.is_empty(), "{} fixture(s) differ (BLESS=1 rewrites them):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn news_article_drops_navigation_sidebar_share_tags_and_related() {
    let a = extract("news-article");
    assert_eq!(a.title, "Harbor Town Votes to Rebuild Its Seawall After Winter Storms");
    assert_eq!(a.byline.as_deref(), Some("Marta Lindqvist"));
    assert_eq!(a.site_name.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(a.published_time.as_deref(), Some("2026-03-14T09:30:00Z"));
    assert_eq!(a.lang.as_deref(), Some("en"));
    for kept in ["voted seven to two", "How the town will pay for it", "view of the old lighthouse is best", "three times this winter"] {
        assert!(a.text.contains(kept), "article text lost {kept:?}:\n{}", a.text);
    }
    for dropped in [
        "Sports", "Search", "Share on Social", "Print", "Climate", "Related stories", "Ferry schedule",
        "Most read", "Advertisement", "All rights reserved", "cookies", "Accept all",
    ] {
        assert!(!a.text.contains(dropped), "boilerplate {dropped:?} was kept:\n{}", a.text);
    }
    assert!(a.content.contains("src=\"https://news.example/images/seawall.jpg\""), "image URL not absolute: {}", a.content);
    assert!(!a.content.contains("<h1"), "the title heading is repeated in the body");
    assert!(!a.content.contains("onclick") && !a.content.contains("<script"));
    assert!(a.word_count > 250 && a.word_count < 400, "word count {}", a.word_count);
    assert_eq!(a.reading_time_minutes, 1);
}

#[test]
fn br_separated_text_becomes_paragraphs() {
    let a = extract("br-paragraphs");
    assert_eq!(a.title, "Notes From a Long Walk Across the Moor");
    assert!(a.content.matches("<p>").count() >= 4, "expected paragraphs, got: {}", a.content);
    assert!(a.text.starts_with("We left the village"), "{}", a.text);
    assert!(a.text.contains("reached the inn"));
    assert!(!a.text.contains("Archive") && !a.text.contains("Next entry"), "{}", a.text);
}

#[test]
fn metadata_from_json_ld_alone() {
    let a = extract("json-ld-only");
    assert_eq!(a.title, "Why Old Apple Varieties Are Coming Back");
    assert_eq!(a.byline.as_deref(), Some("Ines Moreau, Tomasz Wrobel"));
    assert_eq!(a.published_time.as_deref(), Some("2025-10-02T07:00:00+02:00"));
    assert_eq!(a.site_name.as_deref(), Some("Orchard Science Weekly"));
    assert_eq!(a.lead_image.as_deref(), Some("https://news.example/media/apples.jpg"));
    assert!(a.excerpt.as_deref().is_some_and(|e| e.starts_with("Growers are replanting")));
}

#[test]
fn page_without_article_says_so() {
    let err = decant::extract(&fixture("no-article"), URL, &decant::Options::default()).unwrap_err();
    assert_eq!(err, decant::Error::NoArticle);
    assert!(err.to_string().contains("no article found"));
}

#[test]
fn bad_input_gets_typed_errors() {
    let opts = decant::Options::default();
    assert_eq!(decant::extract("   ", URL, &opts).unwrap_err(), decant::Error::EmptyInput);
    assert!(matches!(decant::extract("<p>x</p>", "not a url", &opts), Err(decant::Error::InvalidUrl(_))));
    let small = decant::Options { max_input_bytes: 10, ..decant::Options::default() };
    assert!(matches!(decant::extract("<p>0123456789</p>", URL, &small), Err(decant::Error::TooLarge { .. })));
}

#[test]
fn readerable_check_tells_articles_from_forms() {
    assert!(decant::is_probably_readerable(&fixture("news-article")));
    assert!(decant::is_probably_readerable(&fixture("json-ld-only")));
    assert!(!decant::is_probably_readerable(&fixture("no-article")));
}
