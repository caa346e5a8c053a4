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

/// `paragraphs` paragraphs of a story's text: prose enough to be scored as an article's.
fn story(paragraphs: usize) -> String {
    "<p>The story itself, told at length, in paragraphs that each carry a clause or two, a comma or three, and a full stop at the end.</p>".repeat(paragraphs)
}

/// A paragraph of prose that says `what` first.
fn para(what: &str) -> String {
    format!("<p>{what}, told at length, in a paragraph that carries a clause or two, a comma or three, and a full stop at the end.</p>")
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
    assert!(err.to_string().starts_with("No article found on this page"));
    // A forum's page whose posts come only with its scripts: all it holds is the site's menu, a
    // few links, which are the whole page's text but no article.
    let shell = "<html><head><title>What's your range?</title><meta name=description content='So I wanted to know what real world miles people are getting.'></head>\
                 <body><section id=d-splash><div class=dots></div></section><div id=top-navbar><a href=https://esk8.example/>esk8.example</a> <a href=https://calc.esk8.example/>esk8 calc</a> <a href=https://patreon.example/>donate now</a></div><section id=main></section></body></html>";
    assert_eq!(decant::extract(shell, URL, &decant::Options::default()).unwrap_err(), decant::Error::NoArticle);
    // A short text with a link in it is still one.
    let note = "<html><head><title>Closed</title></head><body><article><p>The shop is closed until Monday. Orders placed now leave on Tuesday; <a href=/faq>the questions page</a> says more.</p></article></body></html>";
    assert!(decant::extract(note, URL, &decant::Options::default()).is_ok());
    // Nor is text in a link that goes nowhere (`javascript:`, which the article loses) a menu.
    let script_link = "<html><head><title>Replace javascript: links</title></head><body><a href='javascript:'><p>abc</p><p>def</p> ghi</a></body></html>";
    assert!(decant::extract(script_link, URL, &decant::Options::default()).is_ok_and(|a| a.text.contains("ghi")));
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
fn every_error_message_is_a_sentence_that_says_what_to_do() {
    let opts = decant::Options::default();
    let small = decant::Options { max_input_bytes: 10, ..decant::Options::default() };
    let errors = [
        decant::extract("   ", URL, &opts),
        decant::extract("<p>x</p>", "not a url", &opts),
        decant::extract("<p>0123456789</p>", URL, &small),
        decant::extract("\u{0}\u{1}\u{2}\u{3}PNG", URL, &opts),
        decant::extract(&fixture("no-article"), URL, &opts),
    ];
    for result in errors {
        let message = result.unwrap_err().to_string();
        assert!(message.starts_with(char::is_uppercase) && message.ends_with('.'), "not a sentence: {message:?}");
        // What happened, then what to do: two sentences.
        assert!(message.matches(". ").count() >= 1, "says nothing to do: {message:?}");
    }
}

#[test]
fn readerable_check_tells_articles_from_forms() {
    assert!(decant::is_probably_readerable(&fixture("news-article")));
    assert!(decant::is_probably_readerable(&fixture("json-ld-only")));
    assert!(!decant::is_probably_readerable(&fixture("no-article")));
}

#[test]
fn lazy_images_get_their_real_urls() {
    let a = extract("lazy-images");
    for src in [
        "src=\"https://news.example/img/xanthoria.jpg\"",          // data-src over a data: placeholder
        "srcset=\"https://news.example/img/lecanora-400.jpg 400w", // data-srcset
        "srcset=\"https://news.example/img/parmelia.webp\"",       // <picture><source data-srcset>
        "src=\"https://news.example/img/parmelia.jpg\"",           // data-lazy-src
        "src=\"https://news.example/img/caloplaca.jpg\"",          // <noscript> fallback
        "src=\"https://news.example/img/verrucaria.png\"",         // an attribute named freely
    ] {
        assert!(a.content.contains(src), "missing {src} in:\n{}", a.content);
    }
    assert!(!a.content.contains("spacer.gif"), "the placeholder the <noscript> image replaces is kept");
    assert!(!a.content.contains("data:image/gif"), "a placeholder data URI is kept");
    assert!(a.content.contains("<figcaption>Xanthoria, the orange one"), "figure caption lost");
}

#[test]
fn code_blocks_keep_language_and_lose_line_numbers() {
    let a = extract("code-blocks");
    assert!(a.content.contains("<pre><code class=\"language-rust\">use std::io::{BufRead, BufReader};\nfor line in"), "{}", a.content);
    assert!(a.content.contains("<code class=\"language-python\">with open"), "{}", a.content);
    assert!(a.content.contains("<code class=\"language-bash\">while IFS= read -r line; do\n  printf"), "<br> lines: {}", a.content);
    assert!(!a.content.contains("<span"), "highlighting markup kept: {}", a.content);
    assert!(!a.content.contains("1\n2"), "line numbers kept: {}", a.content);
    let md = decant::to_markdown(&a);
    assert!(md.contains("```python\nwith open(\"notes.txt\") as f:\n    for line in f: print(line.rstrip(\"\\n\"))\n```"), "{md}");
}

#[test]
fn math_becomes_mathml_with_latex_source() {
    let a = extract("math");
    assert_eq!(a.content.matches("<math").count(), 5, "{}", a.content);
    assert!(a.content.contains("<munderover><mo>∑</mo>"), "MathML lost: {}", a.content);
    assert!(!a.content.contains("katex-html") && !a.content.contains("rendered glyphs") && !a.content.contains("mjx-"), "{}", a.content);
    assert!(a.content.contains("<annotation encoding=\"application/x-tex\">(n+1)^2 = n^2 + 2n + 1</annotation>"), "{}", a.content);
    let md = decant::to_markdown(&a);
    assert!(md.contains("$n^2$") && md.contains("$$(n+1)^2 = n^2 + 2n + 1$$"), "{md}");
    // MediaWiki's formula is its hidden MathML, without the fallback image or the
    // `\displaystyle` wrapper; an image-only formula is marked for the dark themes.
    assert!(!a.content.contains("/media/math/render/") && md.contains("$1+3+5=3^{2}$"), "{md}");
    assert!(a.content.contains("class=\"decant-formula\""), "{}", a.content);
    // The formulas' sources are not text: not in the excerpt, the text file or the word count.
    assert!(!decant::plain_text(&a).contains("application/x-tex") && !decant::plain_text(&a).contains("\\displaystyle"));
    assert!(!decant::plain_text(&a).contains("n2n^2"), "{}", decant::plain_text(&a));
}

#[test]
fn footnotes_survive_with_working_links() {
    let a = extract("footnotes");
    assert!(a.content.contains("<a href=\"#fn-1\">1</a>"), "{}", a.content);
    assert!(a.content.contains("<li id=\"fn-1\">"), "footnote list lost: {}", a.content);
    assert!(a.content.contains("<a href=\"#ref-2\">↩</a>"), "back-links lost: {}", a.content);
    assert!(!a.text.contains("On the comma"), "related links kept");
}

#[test]
fn video_embeds_and_data_tables_survive_layout_does_not() {
    let a = extract("video-and-tables");
    assert!(
        a.content.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abc123\" width=\"560\" height=\"315\" sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\""),
        "{}",
        a.content
    );
    assert!(!a.content.contains("ads.example"), "an ad iframe was kept");
    assert!(a.content.contains("<table><caption>Tides for 14 March</caption>"), "data table lost: {}", a.content);
    assert_eq!(a.content.matches("<table").count(), 1, "the layout table was kept: {}", a.content);
    assert!(!a.text.contains("Harbor Guide"));
    // A table of data is kept whatever its class says (a header that sticks is no page header).
    let story = "<p>The tide tables below are for the harbour mouth, corrected for the bar, and they are, as always, a guide and not a promise.</p>".repeat(6);
    let rows: String = (1..=6).map(|d| format!("<tr><td>{d} March</td><td>06:{d}0</td><td>4.{d} m</td></tr>")).collect();
    let page = format!("<html><body><article><h1>Tides</h1>{story}<table class='wikitable sortable sticky-header'><tr><th>Day</th><th>High water</th><th>Height</th></tr>{rows}</table></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("High water") && a.text.contains("4.6 m"), "{}", a.text);
}

#[test]
fn metadata_sources_in_order_of_trust() {
    let a = extract("metadata-sources");
    assert_eq!(a.title, "Die Rückkehr der Nachtigall in die Stadtparks");
    assert_eq!(a.byline.as_deref(), Some("Lena Vogt"));
    assert_eq!(a.site_name.as_deref(), Some("Stadtnatur Magazin"));
    assert_eq!(a.published_time.as_deref(), Some("2026-05-07T05:30:00+02:00"));
    assert_eq!(a.modified_time.as_deref(), Some("2026-05-09T04:13:20Z"));
    assert_eq!(a.lead_image.as_deref(), Some("https://news.example/2026/03/images/nachtigall.jpg"));
    assert_eq!(a.canonical_url.as_deref(), Some("https://news.example/natur/nachtigall"));
    assert_eq!(a.excerpt.as_deref(), Some("Nachtigallen singen wieder in Berliner Parks."));
    assert_eq!((a.lang.as_deref(), a.dir.as_deref()), (Some("de"), Some("ltr")));
}

#[test]
fn cjk_pages_are_readable_and_timed_by_characters() {
    let html = fixture("cjk-article");
    assert!(decant::is_probably_readerable(&html), "a Japanese article must be offered the reader");
    let a = extract("cjk-article");
    assert_eq!(a.title, "町の古い銭湯が再び人気を集める理由");
    assert_eq!(a.lang.as_deref(), Some("ja"));
    let chars = a.text.chars().filter(|&c| decant::test_api::is_cjk(c)).count();
    assert!(a.word_count >= chars && chars > 250, "{} words for {chars} CJK characters", a.word_count);
    assert_eq!(a.reading_time_minutes, 1);
}

#[test]
fn rtl_direction_is_reported() {
    let a = extract("rtl-article");
    assert_eq!((a.lang.as_deref(), a.dir.as_deref()), (Some("ar"), Some("rtl")));
    assert_eq!(a.title, "كيف تعود أشجار الزيتون إلى الحياة بعد الحرائق");
    assert!(a.text.starts_with("تبدو شجرة الزيتون بعد الحريق"), "{}", a.text);
}

#[test]
fn hidden_nodes_and_marked_overlays_are_dropped() {
    let a = extract("hidden-content");
    for hidden in ["MOBILE DUPLICATE", "HIDDEN BY ATTRIBUTE", "HIDDEN INLINE", "HIDDEN FROM ASSISTIVE", "Subscribe now"] {
        assert!(!a.text.contains(hidden), "{hidden:?} shown:\n{}", a.text);
    }
    assert!(a.text.contains("outward-facing bud"));
}

#[test]
fn a_class_that_hides_on_every_screen_hides_but_one_shown_from_some_width_on_does_not() {
    let story = story(5);
    let page = format!(
        "<html><body><article><h1>Staple Tee</h1>{story}\
         <dl class=d-none><dt>retail_price_tier1:</dt><dd>$20.00_1-9 items</dd></dl>\
         <div class=\"d-none d-lg-block\"><p>Sizes run from XS to 3XL, in forty colours.</p></div>\
         <div class=\"tab-pane d-none\"><p>Machine wash cold, inside out.</p></div>\
         <p class=is-hidden>Added to your cart.</p></article></body></html>"
    );
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("retail_price_tier1") && !a.text.contains("Added to your cart"), "{}", a.text);
    assert!(a.text.contains("forty colours") && a.text.contains("Machine wash cold"), "{}", a.text);
}

#[test]
fn a_panel_that_a_disclosure_button_opens_or_an_faqs_answer_is_read_expanded() {
    let story = story(5);
    // An accordion of questions: each answer hidden by the theme's own class and style until its
    // button (aria-expanded, aria-controls) opens it.
    let faq: String = [("Does it fit a carry-on?", "Yes: at forty litres it fits the cabin bags of most airlines, straps tucked in."), ("Is the frame removable?", "The aluminium stay slides out of its sleeve, which takes a minute and no tools.")]
        .iter()
        .enumerate()
        .map(|(i, (q, a))| format!("<h3><button aria-expanded=false aria-controls=answer-{i}>{q}</button></h3><div id=answer-{i} class='faq-answer is-hidden' style='display:none'><p>{a}</p></div>"))
        .collect();
    // An FAQ's answer, or a shop's "Read more" expander, hidden by its class alone.
    let more = "<div class=faq-item><h3>Can I wash it?</h3><div class=faq__answer hidden><p>By hand, in cold water, and hung to dry away from the sun.</p></div></div>\
                <div class='a-expander-content a-expander-partial-collapse-content' style='display:none'><p>Made in Portugal from recycled nylon.</p></div>";
    let page = format!("<html><body><article><h1>Hiking pack</h1>{story}{faq}{more}<div class=is-hidden style='display:none'><p>Added to your cart.</p></div></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("cabin bags of most airlines") && a.text.contains("takes a minute and no tools"), "{}", a.text);
    assert!(a.text.contains("hung to dry away from the sun") && a.text.contains("recycled nylon"), "{}", a.text);
    assert!(!a.text.contains("Added to your cart"), "{}", a.text);
}

#[test]
fn cookie_dialog_is_not_the_article() {
    let a = extract("cookie-dialog");
    assert_eq!(a.title, "The Quiet Comeback of the Night Train");
    assert!(a.text.starts_with("Ten years ago"), "{}", a.text);
    assert!(!a.text.contains("partners"), "consent text extracted:\n{}", a.text);
    // A page whose story its scripts would fetch has only its consent box: no pass may take it
    // for the article.
    let consent = "<p>We and our 977 partners store and access personal data, like browsing data or unique identifiers, on your device. Selecting Allow all enables tracking, and Reject all disables it.</p>".repeat(3);
    let page = format!("<html><body><div id=root></div><div class=cookie-consent>{consent}</div></body></html>");
    assert_eq!(decant::extract(&page, URL, &decant::Options::default()).map(|a| a.text), Err(decant::Error::NoArticle));
}

#[test]
fn a_later_pass_finds_an_article_the_first_pass_strips() {
    // "remarks" marks comment blocks, so the first pass removes the only container; the second
    // pass, which keeps unlikely blocks, finds the article in it.
    let a = extract("retry-pass");
    assert!(a.text.contains("one over two and two over one"), "{}", a.text);
    assert!(a.word_count > 120, "{} words", a.word_count);
}

#[test]
fn br_paragraph_pages_are_readerable() {
    assert!(decant::is_probably_readerable(&fixture("br-paragraphs")));
}

#[test]
fn several_author_meta_tags_are_joined() {
    let html = fixture("metadata-sources").replace(
        "<meta name=\"author\" content=\"Lena Vogt\">",
        "<meta name=\"author\" content=\"Lena Vogt\"><meta name=\"author\" content=\"Jonas Ebert\">",
    );
    let a = decant::extract(&html, URL, &decant::Options::default()).expect("article");
    assert_eq!(a.byline.as_deref(), Some("Lena Vogt, Jonas Ebert"));
}

#[test]
fn scripts_and_script_urls_never_reach_the_output() {
    let a = extract("xss-attacks");
    let md = decant::to_markdown(&a);
    for (what, output) in [("HTML", &a.content), ("Markdown", &md), ("text", &a.text)] {
        let lower = output.to_lowercase();
        for bad in [
            "<script", "javascript:", "vbscript:", "onerror", "onload", "onclick", "ontoggle", "onfocus", "srcdoc",
            "<object", "<embed", "<form", "<input", "<button", "style=", "<svg", "data:text", "data:image/svg",
            "expression(", "xlink:", "__pwned", "<base", "<meta", "<template", "<style", "<link", "ping=", "poster=",
            "background=", "cite=", "evil.example",
        ] {
            assert!(!lower.contains(bad), "{what} output contains {bad:?}:\n{output}");
        }
    }
    assert_eq!(decant::test_api::find_unsafe(&a.content), None);
    // The one frame left is the video on an allow-listed host, sandboxed.
    let frames: Vec<&str> = a.content.match_indices("<iframe").map(|(i, _)| &a.content[i..i + a.content[i..].find('>').unwrap()]).collect();
    assert_eq!(frames.len(), 1, "{}", a.content);
    assert!(frames[0].starts_with("<iframe src=\"https://www.youtube.com/embed/pond-tour\" sandbox=\""), "{}", frames[0]);
    assert!(a.content.contains("src=\"data:image/png;base64,"), "a data:image/png image was dropped: {}", a.content);
    assert!(a.content.contains("<a href=\"https://ponds.example/plants\">plants</a>"), "{}", a.content);
    assert!(a.content.contains("<a href=\"https://ponds.example/guide\">a guide</a>"), "the safe link was lost: {}", a.content);
    assert!(a.content.contains("<img src=\"https://news.example/img/ok.png\" alt=\"srcset\""), "{}", a.content);
    assert!(a.content.contains("src=\"https://news.example/img/pond.jpg\""), "links must resolve against the page, not a javascript: <base>");
    assert!(a.text.contains("Fill it with rainwater"));
}

#[test]
fn tags_come_from_the_metadata_else_from_the_tag_list_which_leaves_the_text() {
    // `article:tag` metas: trimmed, each once whatever its case, none empty or too long.
    let a = extract("tags-from-metadata");
    assert_eq!(a.tags, ["Baking", "Bread", "Kitchen scales"]);
    assert!(!a.text.contains("Filed under"), "the page's own tag list stayed in the text:\n{}", a.text);
    // No metadata: the tag lists in and just after the article (a named list, rel="tag" links).
    let a = extract("tags-from-the-page");
    assert_eq!(a.tags, ["Sleeper trains", "Europe", "Timetables", "Operators"]);
    assert!(!a.text.contains("Sleeper trains") && !a.text.contains("Operators") && a.text.contains("door to door"), "{}", a.text);
    // A page without either has none.
    assert!(extract("footnotes").tags.is_empty());
}

#[test]
fn prompts_in_the_article_go_but_long_blocks_with_such_names_stay() {
    let a = extract("prompts-in-the-article");
    for dropped in ["Sunday letter", "One email a week", "Subscribe now"] {
        assert!(!a.text.contains(dropped), "prompt {dropped:?} was kept:\n{}", a.text);
    }
    for kept in ["four times a day", "the wall is the expensive part", "thirty-five years"] {
        assert!(a.text.contains(kept), "article text lost {kept:?}:\n{}", a.text);
    }
    // A row of cards each made as a call to action is a list, not a prompt; nor is a heading
    // classed as a button (an accordion's).
    let story = story(4);
    let cards: String = (1..=4).map(|i| format!("<div class=cta-card><h3>Trail number {i}</h3><p>Length: {i} miles, for beginners.</p><a class=btn href=/t/{i}>View map</a></div>")).collect();
    let panel = "<h3 class='accordion-button collapsed'>Which trails are open in winter?</h3><div class=accordion-body><p>Every trail but the two along the creek, which flood.</p></div>";
    let page = format!("<html><body><article><h1>Trails</h1>{story}<div class=grid>{cards}</div>{panel}<div class=cta-banner><p>Join us: members ride free on Saturdays.</p></div></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("Trail number 1") && a.text.contains("Trail number 4") && a.text.contains("Which trails are open in winter?"), "{}", a.text);
    assert!(!a.text.contains("members ride free"), "{}", a.text);
    // A prompt in a page read as its main region goes too.
    let intro = "<div class=intro><p>The association builds and rides the trails around the city, and keeps each of them open, mown and signed, all year round.</p>\
                 <p>Each spring our volunteers walk every mile of them with saws and rakes, and they would welcome your help.</p></div>";
    let links: String = (1..=12).map(|i| format!("<div class=card><a href=/trails/{i}><h3>Trail number {i}</h3><div>Length: {i} miles for beginners</div></a></div>")).collect();
    let page = format!("<html><body><header><a href=/>Home</a></header><main><h1>Trails</h1>{intro}<div class=list><div class=grid>{links}</div></div><div class=cta-banner><p>Join us: members ride free on Saturdays.</p></div></main></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("page");
    assert!(removals.iter().any(|r| r.rule == "outside the page's main region"), "{removals:#?}");
    assert!(a.text.contains("Trail number 12") && !a.text.contains("members ride free"), "{}", a.text);
}

/// The removals `decant::explain` lists for a fixture, as (stage, rule, start of text).
fn explained(name: &str) -> Vec<(String, String, String)> {
    let (article, removals) = decant::explain(&fixture(name), URL, &decant::Options::default())
        .unwrap_or_else(|e| panic!("fixture {name}: expected an article, got: {e}"));
    assert_eq!(article, extract(name), "explaining must not change the article");
    removals.into_iter().map(|r| (r.stage.to_string(), r.rule.to_string(), r.text)).collect()
}

fn has_removal(removals: &[(String, String, String)], stage: &str, rule_starts: &str, text_starts: &str) -> bool {
    removals.iter().any(|(s, r, t)| s == stage && r.starts_with(rule_starts) && t.starts_with(text_starts))
}

#[test]
fn explain_names_the_stage_and_rule_of_each_block_left_out() {
    let r = explained("prompts-in-the-article");
    assert!(has_removal(&r, "clean", "a prompt", "Subscribe now"), "{r:#?}");
    assert!(has_removal(&r, "prepare", "a sign-up box", "Get the Sunday letter"), "{r:#?}");
    assert!(has_removal(&explained("news-article"), "score", "unlikely class or id", "We use cookies"));
    assert!(has_removal(&r, "score", "the title", "How Tidal Power Stations"), "{r:#?}");
    let r = explained("tags-from-the-page");
    assert!(has_removal(&r, "clean", "a tag list", "Sleeper trains Europe"), "{r:#?}");
    assert!(has_removal(&r, "choose", "outside the article's region", "Rail Letters"), "{r:#?}");
    let r = explained("hidden-content");
    assert!(has_removal(&r, "prepare", "a fixed overlay", "Get 50% off"), "{r:#?}");
    assert!(has_removal(&r, "prepare", "hidden", "HIDDEN BY ATTRIBUTE"), "{r:#?}");
    let r = explained("code-blocks");
    assert!(has_removal(&r, "clean", "a code block's language label", "sh"), "{r:#?}");
    assert!(has_removal(&r, "clean", "a code block's language label", "JavaScript"), "{r:#?}");
    let r = explained("news-article");
    assert!(has_removal(&r, "score", "the byline", "By Marta Lindqvist"), "{r:#?}");
    assert!(has_removal(&r, "clean", "a share bar", "Share on Social"), "{r:#?}");
    assert!(has_removal(&r, "prepare", "never content", "News Sports Opinion"), "{r:#?}");
    // Script and style source is never listed: it was never on screen.
    assert!(!r.iter().any(|(_, _, t)| t.contains("function") || t.contains("{")), "{r:#?}");
}

#[test]
fn explain_lists_what_conditional_cleaning_removes_with_its_reason() {
    let page = "<html><body><article><h1>A Story</h1>\
        <p>The first paragraph of the story is long enough to be scored as prose, with commas, clauses, and a full stop.</p>\
        <div class=more><h4>Elsewhere</h4><a href=/a>One story elsewhere</a> <a href=/b>Another story elsewhere</a></div>\
        <p>The second paragraph is also long enough to count, and it carries the rest of the story to its end.</p>\
        <p>A third paragraph, so that the article is long enough for the first pass to be the one kept, which it is.</p>\
        <p>And a fourth paragraph, written only to pass the five hundred characters a first pass needs to be kept.</p>\
        <p>A fifth and last one, since a pass that finds less is retried with looser rules, and those keep the links.</p>\
        </article></body></html>";
    let (article, removals) = decant::explain(page, URL, &decant::Options::default()).unwrap();
    assert!(!article.text.contains("elsewhere"));
    let r = removals.iter().find(|r| r.text.starts_with("Elsewhere One story")).unwrap_or_else(|| panic!("{removals:#?}"));
    assert_eq!((r.stage, r.rule, r.element.as_str()), ("clean", "mostly links", "div.more"));
}

#[test]
fn a_dek_under_the_title_is_the_subtitle_and_leaves_the_text() {
    let a = extract("dek-under-the-title");
    assert_eq!(a.title, "Why Lighthouses Went Dark", "the page's <h1> is the short part of its <title>");
    assert_eq!(a.subtitle.as_deref(), Some("Satellite navigation made the keepers redundant, but the towers are finding second lives as hostels, museums and weather stations."));
    assert!(!a.text.contains("Satellite navigation") && a.text.starts_with("The last keeper"), "{}", a.text);
    // The section label over the title ("Maritime") is not text either.
    assert!(has_removal(&explained("dek-under-the-title"), "score", "the section label over the title", "Maritime"));
    assert_eq!(a.excerpt.as_deref(), Some("The page's description for search engines, which is not the dek."));
    assert!(has_removal(&explained("dek-under-the-title"), "clean", "the subtitle", "Satellite navigation"));
    // Pages without one have none; nor do the fixtures whose first paragraph is plain text.
    for name in ["news-article", "tags-from-the-page", "footnotes", "long-article"] {
        assert_eq!(extract(name).subtitle, None, "{name}");
    }
}

#[test]
fn a_landing_pages_main_region_is_the_article_when_its_best_section_is_a_small_part() {
    let a = extract("main-region-sections");
    for kept in ["Depth, silt and structure surveys", "multibeam sonar", "A survey starts with a week", "Can you survey a marina?", "between the pontoons"] {
        assert!(a.text.contains(kept), "lost {kept:?}:\n{}", a.text);
    }
    for dropped in ["About", "All rights reserved", "Privacy"] {
        assert!(!a.text.contains(dropped), "kept {dropped:?}:\n{}", a.text);
    }
    // A story whose text is most of its <main> stays the story alone: the teasers beside it in
    // the region do not come in.
    let teasers = "<section class=more><h2>More stories</h2><p><a href=/a>The ferry timetable changes</a></p><p><a href=/b>A new pier</a></p></section>";
    let story = story(6);
    let page = format!("<html><body><main><article><h1>A Story</h1>{story}</article>{teasers}</main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("ferry") && a.text.contains("told at length"), "{}", a.text);
}

#[test]
fn a_short_text_that_is_a_small_part_of_the_page_gives_way_to_the_page_region() {
    // A listing: its introduction, then its items, each a link (which cleaning removes from an
    // article as a list of links).
    let intro = "<div class=intro><p>The association builds and rides the trails around the city, and keeps each of them open, mown and signed, all year round.</p>\
                 <p>Each spring our volunteers walk every mile of them with saws and rakes, and they would welcome your help.</p></div>";
    let cards: String = (1..=12).map(|i| format!("<div class=card><a href=/trails/{i}><h3>Trail number {i}</h3><div>Length: {i} miles for beginners</div></a></div>")).collect();
    let page = format!("<html><head><title>Trails</title></head><body><header><a href=/>Home</a></header><main><h1>Trails</h1>{intro}<div class=list><div class=grid>{cards}</div></div></main><footer>All rights reserved</footer></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    for kept in ["keeps each of them open", "Trail number 1", "Trail number 12", "12 miles for beginners"] {
        assert!(a.text.contains(kept), "lost {kept:?}:\n{}", a.text);
    }
    assert!(!a.text.contains("All rights reserved") && !a.text.contains("Home"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule == "outside the page's main region" && r.text == "All rights reserved"), "{removals:?}");
    // The header shows the title; the text does not repeat it.
    assert!(a.text.starts_with("The association"), "{}", a.text);
    // Most of it is links: a page, which the reader shows when asked.
    assert_eq!(a.kind, decant::Kind::Page);
    // A short story on an older page whose body is mostly menus of links, not marked as such,
    // stays the story alone.
    let story = "<p>The council voted last night to reopen the harbour footbridge, closed since the storm, once its railings are mended.</p>".repeat(5);
    let menus: String = (0..60).map(|i| format!("<a href=/section/{i}>Section of the site number {i}</a> ")).collect();
    let page = format!("<html><body><div class=top>{menus}</div><div class=story><h1>Footbridge</h1>{story}</div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("footbridge") && !a.text.contains("Section of the site"), "{}", a.text);
}

#[test]
fn a_page_views_story_cards_keep_their_headers_and_a_main_region_hidden_until_a_script_runs_is_read() {
    // A river of stories, each card an <article> whose <header> holds its title and byline: the
    // cards' headers are the listing, not the site's header.
    let cards: String = (1..=12)
        .map(|i| format!("<article class=river><a href=/s/{i} aria-hidden=true><img src=/s/{i}.jpg alt=''></a><header><h2><a href=/s/{i}>Story number {i}, on what the council decided about the harbour</a></h2><div class=aux><a href=/by/{i}>Reporter {i}</a> <time>1 month ago</time> <a href=/s/{i}#comments class=badge>{i}</a></div></header></article>"))
        .collect();
    let menu: String = (1..=30).map(|i| format!("<a href=/topic/{i}>Topic {i}</a> ")).collect();
    let page = format!("<html><body><header class=site><nav>{menu}</nav></header><main><section class=river-list>{cards}</section></main><footer>All rights reserved</footer></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("page");
    assert!(a.text.contains("Story number 1,") && a.text.contains("Story number 12,") && !a.text.contains("Topic 3"), "{}", a.text);
    // A shop's app hides the whole main region until its script has checked the visitor.
    let story = story(5);
    let notice = "<div class=lock-notice style='display:none'><p>Please sign in to see this product.</p></div>";
    let address = "<footer><p>Harbour Roasters, 12 Quay Street, open every day from seven in the morning to six at night, and on Sundays from nine; call us on 01234 567890 or write to the shop.</p></footer>";
    let page = format!("<html><body><header class=site><nav>{menu}</nav></header><main>{notice}<div class=lock-content style='display:none'><h1>Dark roast</h1>{story}</div></main>{address}</body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("told at length") && !a.text.contains("Please sign in"), "{}", a.text);
}

#[test]
fn a_main_region_hidden_from_screen_readers_behind_an_open_dialog_is_read() {
    // A consent banner open as a modal: the page hides <main> from screen readers meanwhile.
    let story = story(5);
    let banner = "<section class=page-notice id=notice role=dialog><h2>Data settings</h2><p>We use cookies and other technologies that are essential to provide you our services and site functionality, as described in our notice.</p><button>Accept all</button></section>";
    let page = format!("<html><body>{banner}<main aria-hidden=true><h1>Clutch kit</h1>{story}</main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("told at length") && !a.text.contains("We use cookies"), "{}", a.text);
}

#[test]
fn a_form_or_aside_that_wraps_the_article_is_not_chrome() {
    let posts = "<div class=post><p>A post in the thread, with a sentence or two of its own, and a comma, to be read as prose by the scorer.</p></div>".repeat(5);
    let opening = "<p>The first post, which opens the thread: long, with clauses, commas, asides, lists of things, and more commas, and more, and more, so that it scores as prose of its own, outside the form.</p>";
    let page = format!("<html><body><div class=thread>{opening}<form action=/moderate method=post>{posts}</form></div><aside><p>Sponsored: a short note.</p></aside></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert_eq!(a.text.matches("A post in the thread").count(), 5, "{}", a.text);
    let story = "<p>A story whose markup left it inside an aside, with sentences, commas, and a full stop at the end of each.</p>".repeat(5);
    let page = format!("<html><body><div class=content><aside>{story}</aside><aside><form><p>Sign up for the letter</p></form></aside></div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert_eq!(a.text.matches("inside an aside").count(), 5, "{}", a.text);
    assert!(!a.text.contains("Sign up"), "{}", a.text);
}

#[test]
fn a_section_printed_twice_is_read_once_but_tabs_and_quotes_keep_their_copies() {
    let section = "<div class=steps><h2>Before you start</h2><p>Measure the window twice, once at the top and once at the bottom, because old frames are rarely square, and order the blind for the narrower of the two figures, less a few millimetres on each side for the brackets.</p><p>Then mark the bracket holes with a pencil, level them, and drill them slowly.</p></div>";
    let story = story(4);
    // Desktop and mobile copies of one section.
    let page = format!("<html><body><article><h1>Fitting a Blind</h1>{story}<div class=desktop>{section}</div><div class=mobile>{section}</div></article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert_eq!(a.text.matches("Measure the window twice").count(), 1, "{}", a.text);
    assert!(removals.iter().any(|r| r.rule == "a copy of a block above" && r.text.starts_with("Before you start")), "{removals:#?}");
    // The same step in two tabs, and a reply that quotes a post: both stay.
    let tabs = format!("<div role=tabpanel><h3>Python</h3>{section}<pre><code>pip install blinds</code></pre></div><div role=tabpanel><h3>Node</h3>{section}<pre><code>npm install blinds</code></pre></div>");
    let page = format!("<html><body><article><h1>Fitting a Blind</h1>{story}{tabs}<blockquote>{section}</blockquote></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert_eq!(a.text.matches("Measure the window twice").count(), 3, "{}", a.text);
    // A paragraph repeated beside itself is the text's own (a refrain).
    let refrain = "<p>And still the tide comes in, and still it goes, and still the harbour wall stands where the builders left it, grey against the grey of the sea, as it has for two hundred years of winters, and the gulls stand on it and shout at the boats coming home, as they always have, and the town sleeps behind it.</p>";
    let page = format!("<html><body><article><h1>The Wall</h1>{story}{refrain}<p>A verse between.</p>{refrain}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert_eq!(a.text.matches("And still the tide").count(), 2, "{}", a.text);
}

#[test]
fn a_sign_up_box_goes_with_its_heading_and_invitation_but_a_comment_form_is_not_one() {
    let story = story(4);
    let signup = "<div class=jetpack-box><h3>Discover more from The Potter's Wheel</h3><p>Subscribe to get the latest posts sent to your email.</p>\
                  <form action=/subscribe><input type=email name=email placeholder='Type your email…'><button>Subscribe</button></form></div>";
    let unlabelled = "<div class=box-17><p>Join the glaze club</p><input type=text name=EMAIL placeholder='Your e-mail'></div>";
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{signup}{story}{unlabelled}</article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Discover more from") && !a.text.contains("latest posts sent to your email") && !a.text.contains("glaze club"), "{}", a.text);
    assert_eq!(removals.iter().filter(|r| r.rule.starts_with("a sign-up box")).count(), 2, "{removals:#?}");
    // A comment form asks for an email address too, with a text area: it is not a sign-up box,
    // and what stands beside it stays.
    let comment = "<div class=respond-note><p>Your email address will not be published, and your comment will be read before it appears.</p><form><input type=email name=email><textarea name=comment></textarea></form></div>";
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{comment}</article></body></html>");
    let (_, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!removals.iter().any(|r| r.rule.starts_with("a sign-up box")), "{removals:#?}");
}

#[test]
fn a_table_of_contents_goes_with_its_label_but_a_summary_linking_to_its_sections_stays() {
    let section = |id: &str, title: &str| format!("<h2 id={id}>{title}</h2><p>What this part says, at length, in a paragraph that carries a clause or two, a comma or three, and a full stop.</p><p>And a second paragraph, so that the part reads as a part of the story, with its own commas, clauses and full stops.</p>");
    let body = [("clay", "Choosing the clay"), ("wheel", "Centring on the wheel"), ("kiln", "Firing the kiln")].iter().map(|(id, t)| section(id, t)).collect::<String>();
    let toc = "<p class=toc-title>Table of Contents</p><ul><li><a href=#clay>Choosing the clay</a></li><li><a href=#wheel>Centring on the wheel</a></li><li><a href=#kiln>Firing the kiln</a></li></ul>";
    let named = "<div class=ez-toc-container><ol><li><a href=#clay>Clay</a></li><li><a href=#wheel>Wheel</a></li><li><a href=#kiln>Kiln</a></li></ol></div>";
    // A summary whose points link to their sections is text; a label whose list never came is not.
    let summary = "<ul class=key-points><li><a href=#clay>Stoneware clay forgives a beginner more than porcelain</a></li><li><a href=#wheel>Centring takes weeks to learn</a></li><li><a href=#kiln>A kiln firing takes a whole day</a></li></ul>";
    let page = format!("<html><body><article><h1>Pottery at home</h1><p>An introduction, with a clause, a comma and a full stop, about making pots at home.</p>{toc}{named}{summary}<h3>In this article</h3><div class=js-toc></div>{body}</article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Table of Contents") && !a.text.contains("In this article") && !a.text.contains("Clay\n"), "{}", a.text);
    assert_eq!(a.text.matches("Centring on the wheel").count(), 1, "{}", a.text);
    assert!(a.text.contains("Stoneware clay forgives a beginner"), "{}", a.text);
    assert_eq!(removals.iter().filter(|r| r.rule.starts_with("a table of contents")).count(), 4, "{removals:#?}");
}

#[test]
fn an_advertisements_label_goes_wherever_it_stands() {
    let story = story(3);
    let page = format!(
        "<html><body><article><h1>Glazes</h1>{story}<p class=ad-disclaimer>Advertisement - Continue Reading Below</p>{story}\
         <div class='hidden md:flex'><div><span class=side-label>ADVERTISEMENT</span><div id=slot-1></div></div></div>{story}<p>Article continues below</p>\
         <div class=card><img src=/mug.jpg alt='Blue mug'><p>Blue mug</p><p>Sponsored</p></div>{story}\
         <p>The first advertisement for the glaze ran in 1921.</p><table><tr><th>Channel</th><th>Kind</th></tr><tr><td>Radio</td><td>Ad</td></tr><tr><td>Post</td><td>Letter</td></tr></table></article></body></html>"
    );
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    for label in ["Continue Reading Below", "ADVERTISEMENT", "Article continues below", "Sponsored"] {
        assert!(!a.text.contains(label), "{label:?} kept: {}", a.text);
    }
    assert_eq!(removals.iter().filter(|r| r.rule == "an advertisement's or a loader's label").count(), 4, "{removals:#?}");
    // The product card's picture stays; so do prose about ads and a table's cell.
    assert!(a.content.contains("mug.jpg") && a.text.contains("The first advertisement for the glaze") && a.content.contains("<td>Ad</td>"), "{}", a.content);
    // A control's label, likewise; a sentence about sorting is text.
    let page = format!("<html><body><article><p><a href=#main>Skip to main content</a></p><h1>Glazes</h1><div class=toolbar><span>Sort by:</span></div>{story}<p>Sort by colour first, then by the cone each glaze fires at.</p>{story}<p><a href=/glazes/ash>Read more »</a></p><p><a href=/glazes/kilns>Learn more →</a></p><p>Read more about ash glazes in the next issue, out in May.</p></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Skip to main content") && !a.text.contains("Sort by:") && a.text.contains("Sort by colour first"), "{}", a.text);
    assert!(!a.text.contains("Read more »") && !a.text.contains("Learn more") && a.text.contains("Read more about ash glazes"), "{}", a.text);
    // The site's own controls left in the text: a share button, an account's, a search box's.
    let page = format!("<html><body><article><div class=top><a href=/login>Sign in</a> <span>Search</span></div><h1>Glazes</h1><p><a href=#review>Jump to Review</a></p>{story}<figure><img src=/kiln.jpg alt=''><figcaption>The kiln at dawn.</figcaption><span class=toggle>Show caption</span></figure><p><a href=#share>Share</a></p><p>Share the kiln with a friend: firing costs are split by shelf.</p></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Sign in") && !a.text.contains("Search") && !a.text.contains("\nShare\n") && a.text.contains("Share the kiln"), "{}", a.text);
    assert!(!a.text.contains("Jump to Review") && !a.text.contains("Show caption") && a.text.contains("The kiln at dawn."), "{}", a.text);
    // A product card's badge, likewise, with the card's picture and name kept.
    let cards: String = ["Ash glaze", "Tenmoku", "Celadon"].iter().map(|name| format!("<div class=card><img src=/g.jpg alt=''><span class=label>Top Rated</span><p>{name}, 250 g</p><p>New Arrival</p></div>")).collect();
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{cards}<p>Top rated by potters in our survey, the ash glaze sold out twice.</p></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Top Rated") && !a.text.contains("New Arrival") && a.text.contains("Celadon, 250 g") && a.text.contains("Top rated by potters"), "{}", a.text);
}

#[test]
fn a_shops_buttons_written_as_links_go_with_the_control_labels() {
    let story = story(4);
    let cards: String = ["Ash glaze", "Tenmoku", "Celadon"]
        .iter()
        .map(|name| format!("<div class=card><img src=/g.jpg alt=''><p>{name}, 250 g, for stoneware fired to cone 10</p><a href=/wish>Add to Wishlist</a> <span class=cmp>Compare</span><div><a href=/q>Quick view</a></div></div>"))
        .collect();
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{cards}<p>Compare the three glazes side by side before you add one to your cart.</p><p><a href=/shop>Continue shopping</a></p><p>No longer available</p></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    for gone in ["Add to Wishlist", "\nCompare\n", "Quick view", "Continue shopping", "No longer available"] {
        assert!(!a.text.contains(gone), "kept {gone:?}:\n{}", a.text);
    }
    assert!(a.text.contains("Celadon, 250 g") && a.text.contains("Compare the three glazes"), "{}", a.text);
}

#[test]
fn a_share_bars_and_an_apps_labels_go_with_the_control_labels() {
    let story = story(4);
    let bar = "<div class=share><span>Share this article</span><a href=/fb>Share on Facebook</a><a href=/x>Share on X</a></div>";
    let page = format!("<html><body><article><h1>Glazes</h1>{bar}{story}<p><a href=/app>Download the App</a></p><p>Share this story with the potters you know: the guild reprints it free.</p></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    for gone in ["Share this article", "Share on Facebook", "Share on X", "Download the App"] {
        assert!(!a.text.contains(gone), "kept {gone:?}:\n{}", a.text);
    }
    assert!(a.text.contains("Share this story with the potters"), "{}", a.text);
}

#[test]
fn the_pages_own_reading_time_goes_from_the_text() {
    let story = story(5);
    let page = format!("<html><body><article><h1>Glazes</h1><div class=meta><span>8 min read</span></div><p>Reading time: 8 minutes</p>{story}<p>Estimated reading time - 5 min.</p><p>Reading the kiln's log takes 8 minutes a day.</p><p>8 min</p></article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    for gone in ["8 min read", "Reading time: 8 minutes", "Estimated reading time"] {
        assert!(!a.text.contains(gone), "kept {gone:?}:\n{}", a.text);
    }
    assert!(a.text.contains("Reading the kiln's log takes 8 minutes a day.") && a.text.contains("\n8 min"), "{}", a.text);
    assert_eq!(removals.iter().filter(|r| r.rule.starts_with("the page's reading time")).count(), 3, "{removals:#?}");
}

#[test]
fn an_affiliate_disclosure_goes_but_text_about_affiliates_and_a_denial_stay() {
    let story = story(5);
    let notice = "<p><em>This post contains affiliate links. If you buy through them, I may earn a small commission at no extra cost to you.</em></p>";
    let about = "<p>Streamers earn a commission when viewers buy games or gear through their affiliate links, which is how many of them pay the rent.</p>";
    let denial = "<p>Unlike most reviews of ovens, this post does not contain any affiliate links: the brands sent nothing and paid nothing.</p>";
    let regulator = "<p>Private funds are not registered with the Securities and Exchange Commission, so their disclosure rules are lighter than a listed fund's.</p>";
    let page = format!("<html><body><article><h1>Ovens</h1>{notice}{story}{about}{denial}{regulator}</article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("This post contains affiliate links"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule.starts_with("an affiliate disclosure") && r.element == "p"), "{removals:#?}");
    for kept in ["Streamers earn a commission", "does not contain any affiliate links", "Securities and Exchange Commission"] {
        assert!(a.text.contains(kept), "lost {kept:?}:\n{}", a.text);
    }
}

#[test]
fn a_section_whose_table_sits_in_a_paragraph_brings_the_sections_beside_it() {
    // `<p><table>` parses (in standards mode) as an empty paragraph before the table: the section is still a heading
    // and its table, and the course's other sections join it.
    let rows: String = (1..=14).map(|i| format!("<tr><td>Week {i}</td><td>Glazes and the chemistry of their melting, part {i}: oxides, fluxes, silica, alumina, and what each does in the kiln</td><td>Notes, slides, scribe notes, and a reading from the course book, chapters {i} and after, with the problems at the end of each</td></tr>")).collect();
    let page = format!(
        "<!DOCTYPE html><html><body><div id=content><div><h4>Course details</h4><p>This is a graduate class on the chemistry of glazes, from the oxides that melt to the colours they leave behind after firing.</p><p>Time and place: Mondays and Wednesdays, two to half past three, in the studio.</p></div>\
         <div><h4>Lectures</h4><p><table><tr><th>Date</th><th>Topic</th><th>Notes</th></tr>{rows}</table></div>\
         <div><h4>Assignments</h4><p>Four problem sets, each due two weeks after it is handed out, and a final project on a glaze of your own.</p></div></div></body></html>"
    );
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    for kept in ["This is a graduate class", "Lectures", "Week 14", "Four problem sets"] {
        assert!(a.text.contains(kept), "lost {kept:?}:\n{}", a.text);
    }
}

#[test]
fn a_faqs_question_in_a_button_stays_above_its_answer() {
    let story = story(5);
    let faq = "<h2>Questions</h2><div class=faq><div class=item><button aria-expanded=true>Which clay fires best in a wood kiln?<svg><path d=M0/></svg></button><div class=answer><p>Stoneware, whose body takes the ash glaze the flame leaves.</p></div></div>\
               <div class=item><h3><button>How long does a firing take?</button></h3><div class=answer><p>Three days of stoking, and two of cooling before the door is opened.</p></div></div></div>";
    // Questions whose answers a script fetches, and the page's other buttons, still go.
    let unanswered = "<h2>More questions</h2><div class=faq><div><button>Can I fire porcelain in it?</button></div><div><button>Do you sell the ash glaze?</button></div></div><p><button>Subscribe to the kiln log</button></p>";
    let page = format!("<html><body><article><h1>Wood kilns</h1>{story}{faq}{unanswered}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    // A question in a heading is that heading.
    assert!(a.content.contains("<p><strong>Which clay fires best in a wood kiln?</strong></p>") && a.content.contains(">How long does a firing take?</h3>"), "{}", a.content);
    assert!(a.text.find("Which clay fires best") < a.text.find("Stoneware, whose body"), "{}", a.text);
    for gone in ["Can I fire porcelain", "Do you sell the ash glaze", "Subscribe to the kiln log"] {
        assert!(!a.text.contains(gone), "kept {gone:?}:\n{}", a.text);
    }
}

#[test]
fn the_sites_copyright_notice_goes_but_a_pictures_credit_stays() {
    let story = story(5);
    let notice = "<div class=band><img src=/logo.png alt=''><div>\u{a9} 2026 Kiln Works Ltd. All rights reserved. <span><a href=/privacy>Privacy Policy</a> | <a href=/terms>Terms</a></span></div></div>";
    let credit = "<figure><img src=/kiln.jpg alt='A kiln'><figcaption>The kiln at dawn. \u{a9} 2019 Ana Ortiz</figcaption></figure><p>\u{a9} Getty Images</p>";
    let license = "<p>The recipe (copyright \u{a9} 2020 its inventor) was licensed to every studio in the valley for a penny a pot, and the courts upheld it.</p>";
    let page = format!("<html><body><article><h1>Kilns</h1>{story}{credit}{license}<p><small>Copyright \u{a9} 2025 Pottery Weekly</small></p>{notice}</article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("All rights reserved") && !a.text.contains("Privacy Policy") && !a.text.contains("Pottery Weekly"), "{}", a.text);
    assert_eq!(removals.iter().filter(|r| r.rule == "the site's copyright notice").count(), 2, "{removals:#?}");
    for kept in ["\u{a9} 2019 Ana Ortiz", "\u{a9} Getty Images", "was licensed to every studio"] {
        assert!(a.text.contains(kept), "lost {kept:?}:\n{}", a.text);
    }
}

#[test]
fn a_heading_left_with_nothing_under_it_at_the_end_goes() {
    let story = story(5);
    let cards = "<div class=cards><div><a href=/a>Blue mug</a></div><div><a href=/b>Red mug</a></div><div><a href=/c>Green mug</a></div></div>";
    let page = format!("<html><body><article><h1>Glazes</h1><h2>How the glaze is made</h2>{story}<h2>Mugs in these glazes</h2>{cards}</article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Mugs in these glazes") && a.text.contains("How the glaze is made"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule == "a heading with nothing under it" && r.text == "Mugs in these glazes"), "{removals:#?}");
    // Two such headings, one above the other: the comments went, and so did the prompt's links.
    let end = "<div id=discussion><div><h4>Discussion about this post</h4></div><div><a href=/comments>Comments</a> <a href=/restacks>Restacks</a></div></div>\
               <div class=end><h3>Ready for more?</h3><div><a href=/subscribe>Subscribe</a></div></div>";
    let page = format!("<html><body><article><h1>Glazes</h1><h2>How the glaze is made</h2>{story}{end}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Ready for more?") && !a.text.contains("Discussion about this post") && a.text.contains("How the glaze is made"), "{}", a.text);
    // A label styled as a paragraph counts, where it says that other pages follow; one in the
    // text, with the story after it, stays.
    let label = |text: &str| format!("<section><div><p>{text}</p></div></section>");
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{}{story}{}</article></body></html>", label("Related articles"), label("What others are reading"));
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("What others are reading") && a.text.contains("Related articles"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule == "a heading with nothing under it" && r.text == "What others are reading"), "{removals:#?}");
}

#[test]
fn headings_lose_their_permalinks_and_edit_links_in_every_format() {
    let story = story(2);
    let headings = [
        // Sphinx, Docusaurus (a zero-width space), MDN, an icon, a "#section" label, a word.
        ("<h2>Available middleware<a class=headerlink href='#available-middleware' title='Link to this heading'>¶</a></h2>", "Available middleware"),
        ("<h2>Gatsby<a href='#gatsby' class=hash-link>\u{200b}</a></h2>", "Gatsby"),
        ("<h2><a href='#examples'>§</a>Examples</h2>", "Examples"),
        ("<h3><a href='#passes' aria-hidden=true><span class='octicon octicon-link'></span></a>Passes</h3>", "Passes"),
        ("<h2>She walks in beauty<a href='#section7'>#section7</a></h2>", "She walks in beauty"),
        ("<h2>Installing <a href='#installing'>Permalink</a></h2>", "Installing"),
        // MediaWiki's control, with its brackets and both links.
        ("<h2><span id=History>History</span><span class=mw-editsection><span>[</span><a href='/w/index.php?title=Kilns&action=edit&section=1'>edit</a><span> | </span><a href='/w/index.php?title=Kilns&action=edit&section=1&veaction=edit'>edit source</a><span>]</span></span></h2>", "History"),
        // A heading that is a link to itself keeps its words, not the link.
        ("<h2 id=firing><a href='#firing'>Firing the kiln</a></h2>", "Firing the kiln"),
    ];
    let body: String = headings.iter().map(|(h, _)| format!("{h}{story}")).collect();
    // What stays: a footnote mark, a link away and a word that is not a control.
    let kept = "<h2>Glaze recipes<sup><a href='#note-1'>1</a></sup></h2><p>See the note.</p><h2>Read <a href='/edit-guide'>the guide</a></h2><p>It helps.</p>";
    let page = format!("<html><body><article><h1>Kilns</h1>{body}{kept}{story}</article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    let md = decant::to_markdown(&a);
    for (_, words) in headings {
        assert!(md.lines().any(|l| l.trim_start_matches('#').trim() == words), "no heading {words:?} alone: {md}");
    }
    for junk in ["¶", "§", "#section7", "[edit", "edit source", "](#", "\u{200b}"] {
        assert!(!md.lines().filter(|l| l.starts_with('#') && !l.contains("Glaze recipes")).any(|l| l.contains(junk)), "{junk:?} left in a heading: {md}");
    }
    assert!(md.lines().any(|l| l.starts_with("## Glaze recipes") && l.contains('1')), "the footnote mark went: {md}");
    assert!(md.contains("## Read [the guide](https://"), "the link away went: {md}");
    assert!(removals.iter().any(|r| r.rule == "a heading's edit link" && r.text.contains("edit")), "{removals:#?}");
    assert!(removals.iter().any(|r| r.rule == "a heading's permalink"), "{removals:#?}");
    assert!(!a.content.contains('¶') && !a.content.contains("action=edit"), "{}", a.content);
}

#[test]
fn customers_reviews_under_a_product_go_but_a_list_of_reviewed_things_stays() {
    let description = "<p>A chef's knife forged from one bar of carbon steel, with a walnut handle, a full tang, and an edge ground by hand at fifteen degrees.</p>".repeat(4);
    let review = "<div class=review><p>Sharp out of the box, and it holds its edge through a week of onions, tomatoes and bread; five stars.</p><p>Verified buyer</p></div>";
    let page = format!("<html><body><main><h1>Chef's knife</h1><div class=product>{description}<section id=reviews><h2>Reviews</h2>{}</section></div></main></body></html>", review.repeat(3));
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("walnut handle") && !a.text.contains("Verified buyer"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule == "customers' reviews"), "{removals:#?}");
    // A page that lists companies, each with its reviews, keeps them: they are its items.
    let company = |name: &str| format!("<div class=company-reviews><h2>{name}</h2><p>Movers in the city since 1990, with two trucks, a storage barn, and 98% of their reviews positive, mostly about careful packing.</p></div>");
    let page = format!("<html><body><main><h1>Movers</h1>{}{}{}</main></body></html>", company("North Vans"), company("Harbour Removals"), company("Seka Moving"));
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("Harbour Removals") && a.text.contains("Seka Moving"), "{}", a.text);
}

#[test]
fn on_a_shops_page_every_customer_review_goes_but_a_critics_review_stays() {
    let description = "<p>A chef's knife forged from one bar of carbon steel, with a walnut handle, a full tang, and an edge ground by hand at fifteen degrees.</p>".repeat(4);
    // Each review its own card, classed in the singular, listed among the description's blocks.
    let review = |who: &str| format!("<div class=review-card><p>{who}: sharp out of the box, and it holds its edge through a week of onions, tomatoes, leeks and crusty bread, so five stars from me and my whole family.</p></div>");
    let reviews: String = ["Ann", "Bo", "Cy", "Di"].iter().map(|w| review(w)).collect();
    let ld = |types: &str| format!("<script type=application/ld+json>{types}</script>");
    let shop = ld(r#"{"@type":"Product","name":"Chef's knife","offers":{"@type":"Offer","price":"120"}}"#);
    let page = |ld: &str| format!("<html><head>{ld}</head><body><main><h1>Chef's knife</h1><div class=product>{description}{reviews}</div></main></body></html>");
    let (a, removals) = decant::explain(&page(&shop), URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("walnut handle") && !a.text.contains("sharp out of the box"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule == "customers' reviews (on a shop's page for the product)"), "{removals:#?}");
    // Microdata marks a review whatever its class.
    let marked = page(&shop).replace("class=review-card", "itemprop=review class=card");
    let a = decant::extract(&marked, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("sharp out of the box"), "{}", a.text);
    // A shop that says it in microdata instead of JSON-LD: a product with an offer.
    let microdata = page("").replace(
        "<div class=product>",
        "<div class=product itemscope itemtype=https://schema.org/Product><div itemprop=offers itemscope itemtype=https://schema.org/Offer><span itemprop=price>120</span></div>",
    );
    let a = decant::extract(&microdata, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("walnut handle") && !a.text.contains("sharp out of the box"), "{}", a.text);
    // A page that does not sell the product (no offer), or an article about products (a buying
    // guide, a critic's review), keeps its reviews: they may be the text.
    let unsold = ld(r#"{"@type":"Product","name":"Chef's knife"}"#);
    let guide = ld(r#"[{"@type":"Article","headline":"The best knives"},{"@type":"Product","offers":{"@type":"Offer"}}]"#);
    for ld in [unsold, guide] {
        let a = decant::extract(&page(&ld), URL, &decant::Options::default()).expect("article");
        assert!(a.text.contains("Di: sharp out of the box"), "{}", a.text);
    }
    // Read as the page's region (a short description among the page's other boxes), the reviews
    // stay out too: every pass prepares the page the same way.
    let boxes: String = ["Care", "Shipping", "Returns", "Sizes"].iter().map(|b| format!("<section><h2>{b}</h2><ul><li>{b} note one, kept short.</li><li>{b} note two.</li><li>{b} note three.</li></ul></section>")).collect();
    let short = format!("<html><head>{shop}</head><body><main><h1>Chef's knife</h1><div class=product><p>A chef's knife forged from one bar of carbon steel, with a walnut handle.</p></div>{boxes}<div class=reviews-wrap>{reviews}</div></main></body></html>");
    let a = decant::extract(&short, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("walnut handle") && !a.text.contains("sharp out of the box"), "{}", a.text);
}

#[test]
fn forum_signatures_and_recommendations_go_but_a_functions_signature_stays() {
    let post = |n: u32| format!("<div class=post><p>Reply number {n}: the valve on mine stuck too, and a drop of oil on the spindle, worked in for a minute, freed it for good.</p><div class=signature>Fixing old radios since 1979 | my workshop blog</div></div>");
    let page = format!("<html><body><div class=topic><h1>Stuck valve</h1>{}</div></body></html>", (1..=4).map(post).collect::<String>());
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("Reply number 4") && !a.text.contains("Fixing old radios"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule.starts_with("a forum signature")), "{removals:#?}");
    // Documentation's signatures are the text.
    let doc = "<p>Serialize an object as a formatted stream, with the options below, each of which has a default, a type, and a meaning.</p>".repeat(2);
    let entries: String = ["dump", "dumps", "load"].iter().map(|f| format!("<dl><dt class='sig sig-object signature'>json.{f}(obj, fp, *, indent=None)</dt><dd>{doc}</dd></dl>")).collect();
    let page = format!("<html><body><main><h1>json</h1><section>{entries}</section></main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("json.dump(obj"), "{}", a.text);
    // Products recommended beside the one described are not its description.
    let description = "<p>A chef's knife forged from one bar of carbon steel, with a walnut handle, a full tang, and an edge ground by hand at fifteen degrees.</p>".repeat(4);
    let page = format!("<html><body><main><h1>Chef's knife</h1><div class=product>{description}<div class=product-recommendations><h2>You may also like</h2><p>Paring knife, 40 EUR</p><p>Bread knife, 60 EUR</p></div></div></main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("walnut handle") && !a.text.contains("Paring knife"), "{}", a.text);
}

#[test]
fn a_page_builders_widget_wrappers_are_text_but_a_sidebars_widget_is_not() {
    let story = story(5);
    let built = "<p>A paragraph the page builder wrapped in its widget box, as it wraps every block of the page, with a clause, a comma, and a full stop.</p><p>Its second paragraph.</p>";
    for class in ["elementor-widget-container", "so-widget-sow-editor", "celwidget"] {
        let page = format!("<html><body><article><h1>Glazes</h1>{story}<div class='{class}'>{built}</div></article></body></html>");
        let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
        assert!(a.text.contains("page builder wrapped") && a.text.contains("told at length"), "{class}: {}", a.text);
    }
    // A widget named as such is still one (WordPress's sidebar widgets, `widget widget_archive`).
    let page = format!("<html><body><article><h1>Glazes</h1>{story}<div class='widget widget_archive'>{built}</div></article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("page builder wrapped") && a.text.contains("told at length"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule == "its class or id is against it"), "{removals:#?}");
}

#[test]
fn a_box_of_the_sites_other_pages_goes_with_the_heading_that_says_so() {
    let story = story(5);
    let teasers = "<p>Ash glazes from the wood stove: what a winter of burning taught one potter about colour, and about patience.</p><p>Three kilns, three countries: a potter's notes on firing far from home, and on the friends who lent a hand.</p>";
    // Headed boxes, and a heading followed by its teasers up to the next heading.
    for (heading, block) in [
        ("Related articles", true),
        ("You may also like:", true),
        ("More from The Potter's Wheel", false),
        ("À lire aussi", false),
        ("What others are reading", true),
        ("Other related articles...", true),
        ("You may be interested in the following topics as well:", true),
        ("Related articles that may interest you", true),
        ("More articles you might enjoy", true),
        ("What to read next...", true),
    ] {
        let more = if block { format!("<div class=box><h2>{heading}</h2>{teasers}</div>") } else { format!("<h2>{heading}</h2>{teasers}<h2>Notes</h2><p>Fired at cone 10 in reduction.</p>") };
        let page = format!("<html><body><article><h1>Glazes</h1>{story}{more}</article></body></html>");
        let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
        assert!(!a.text.contains("Ash glazes from the wood stove") && !a.text.contains(heading.trim_end_matches([':', '.'])) && a.text.contains("told at length"), "{heading}: {}", a.text);
        assert!(block || a.text.contains("cone 10"), "{heading}: {}", a.text);
        assert!(removals.iter().any(|r| r.rule.starts_with("the site's other pages")), "{removals:#?}");
    }
    // A shop's: the heading in a box of its own, first in the section that holds the products.
    let carousel = "<section><div class=head><div class=title><h2>People who viewed this item also viewed</h2></div></div><div class=carousel><div><p>Ash-glazed mug, stoneware</p><p>$24.00</p></div><div><p>Tenmoku bowl, porcelain</p><p>$31.00</p></div></div></section>";
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{carousel}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("People who viewed") && !a.text.contains("Tenmoku bowl") && a.text.contains("told at length"), "{}", a.text);
    // The box a heading opens ends before a heading of its rank: the section that heading opens
    // is the page's own.
    let page = format!("<html><body><article><h1>Glazes</h1>{story}<div><h2>Related articles</h2>{teasers}<h2>Firing notes</h2><p>Fired at cone 10 in reduction.</p></div></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Ash glazes from the wood stove") && a.text.contains("cone 10"), "{}", a.text);
    // A page that is not an article (a listing, read as its main region) loses such a box too.
    let intro = "<div class=intro><p>The association builds and rides the trails around the city, and keeps each of them open, mown and signed, all year round.</p>\
                 <p>Each spring our volunteers walk every mile of them with saws and rakes, and they would welcome your help.</p></div>";
    let cards = |what: &str| -> String { (1..=12).map(|i| format!("<div class=card><a href=/{what}/{i}><h3>{what} number {i}</h3><div>Length: {i} miles for beginners</div></a></div>")).collect() };
    let (trails, shop) = (cards("Trail"), cards("Boot"));
    let page = format!("<html><body><header><a href=/>Home</a></header><main><h1>Trails</h1>{intro}<div class=list><div class=grid>{trails}</div></div><div class=shelf><h2>You may also like</h2><div class=grid>{shop}</div></div></main></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("page");
    assert!(removals.iter().any(|r| r.rule == "outside the page's main region"), "{removals:#?}");
    assert!(a.text.contains("Trail number 12") && !a.text.contains("Boot number") && !a.text.contains("You may also like"), "{}", a.text);
    // A paper's related work and a manual's "See also" are the text, and so is a heading that
    // names the one related thing it shows.
    for heading in ["Related", "See also", "More on fields", "Related video: the glaze test tiles fired"] {
        let page = format!("<html><body><article><h1>Glazes</h1>{story}<h2>{heading}</h2>{teasers}</article></body></html>");
        let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
        assert!(a.text.contains("Ash glazes from the wood stove"), "{heading}: {}", a.text);
    }
}

#[test]
fn a_box_about_the_author_goes_with_the_heading_that_says_so() {
    let story = story(5);
    let bio = "<p>Mara Quist has fired wood kilns in three countries and writes about glazes for the guild's quarterly.</p><p>She teaches a winter course on ash glazes.</p>";
    for heading in ["About the Author", "About the reviewer:", "Meet the author"] {
        // Its box (unclassed, as utility-class themes make it), heading and all.
        let page = format!("<html><body><article><h1>Glazes</h1>{story}<div class='bg-blue-50 px-4 mt-8'><h2>{heading}</h2><div class=flex>{bio}</div></div></article></body></html>");
        let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
        assert!(!a.text.contains("Mara Quist") && !a.text.contains(heading.trim_end_matches(':')) && a.text.contains("told at length"), "{heading}: {}", a.text);
        assert!(removals.iter().any(|r| r.rule.starts_with("a box about the author")), "{removals:#?}");
    }
    // The heading in the article's flow, not in a box of its own: an essay's closing section.
    let page = format!("<html><body><article><h1>Glazes</h1>{story}<h2>About the author</h2>{bio}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("Mara Quist") && a.text.contains("About the author"), "{}", a.text);
}

#[test]
fn a_credit_line_goes_with_the_box_it_heads_and_a_sentence_naming_the_writer_stays() {
    let story = story(5);
    let bio = "<p>Mara Quist has fired wood kilns in three countries and writes about glazes for the guild's quarterly.</p>";
    for (credit, box_) in [
        // A label over the name, in a small box of its own.
        ("<p class=text-grey>Written by</p>", "<p class=text-grey-700>Mara Quist</p>"),
        // A heading with the name, over a short biography.
        ("<h3>Written by Mara Quist</h3>", bio),
        ("<span>Reviewed by:</span>", "<a href=/people/mara>Mara Quist</a>"),
    ] {
        let page = format!("<html><body><article><h1>Glazes</h1>{story}<div class='flex gap-2'>{credit}{box_}</div></article></body></html>");
        let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
        assert!(!a.text.contains("Mara Quist") && !a.text.contains(" by") && a.text.contains("told at length"), "{credit}: {}", a.text);
        assert!(removals.iter().any(|r| r.rule.starts_with("a box about the author")), "{removals:#?}");
    }
    // A credit line with the name, under the text.
    let page = format!("<html><body><article><h1>Glazes</h1>{story}<p>Written by <a href=/people/mara>Mara Quist</a></p></article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Written by"), "{}", a.text);
    // A sentence that opens with the words, and a credit naming more than one person, stay.
    let sentence = "<p>Written by a potter for potters, the guild's handbook is the one book on ash glazes that every studio seems to own.</p>";
    let editors = "<p>Edited by Mara Quist and the guild's glaze committee</p>";
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{sentence}{editors}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("Written by a potter") && a.text.contains("Edited by Mara Quist and"), "{}", a.text);
}

#[test]
fn a_row_of_dated_teasers_of_other_stories_goes_a_guides_chapters_stay() {
    let story = story(8);
    let cards = |dated: bool| -> String {
        (1..=4)
            .map(|i| {
                let date = if dated { format!("<span class='card-date'>Dec {i}, 2025</span>") } else { String::new() };
                format!("<div class='card col-6'>{date}<h3><a href=/stories/{i}>Kiln diary, part {i}</a></h3><p>What firing number {i} of the winter taught us about ash, about wood, about patience, and about the friends who stayed up all night to feed the kiln.</p></div>")
            })
            .collect()
    };
    // Other stories below this one, each with its date: they go.
    let page = format!("<html><body><article><h1>Glazes</h1>{story}<div class=row>{}</div></article></body></html>", cards(true));
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Kiln diary") && a.text.contains("told at length"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule.starts_with("a teaser of another page")), "{removals:#?}");
    // A guide's chapters, undated, are its table of contents: they stay.
    let page = format!("<html><body><article><h1>Glazes</h1>{story}<div class=row>{}</div></article></body></html>", cards(false));
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("Kiln diary, part 4"), "{}", a.text);
    // Where the teasers are most of the text, they are the page.
    let page = format!("<html><body><main><h1>Kiln diary</h1><p>Every part of the diary, newest first.</p><div class=row>{}</div></main></body></html>", cards(true).repeat(3));
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("page");
    assert!(a.text.contains("Kiln diary, part 4"), "{}", a.text);
}

#[test]
fn a_products_description_that_only_its_structured_data_holds_opens_the_text() {
    let description = "Hand-thrown in our studio from a local stoneware clay, this mug holds twelve ounces and takes a wood-ash glaze that runs a little differently on every piece.";
    let ld = format!(r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Product","name":"Ash-glazed mug","description":"{description}"}}</script>"#);
    let details = "<p>Price: 34 EUR. Ships in two days from the studio, wrapped in recycled paper, and arrives with a card that says which kiln firing it came from.</p>".repeat(3);
    // The page's copy is drawn by a script: the structured data's comes first in the text.
    let page = format!("<html><head>{ld}</head><body><main><h1>Ash-glazed mug</h1><div id=description></div>{details}</main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.starts_with("Hand-thrown in our studio") && a.text.contains("which kiln firing"), "{}", a.text);
    // The page has it: once.
    let page = format!("<html><head>{ld}</head><body><main><h1>Ash-glazed mug</h1><p>{description}</p>{details}</main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert_eq!(a.text.matches("Hand-thrown").count(), 1, "{}", a.text);
    // A page whose every word comes from a script: the description is the article.
    let page = format!("<html><head>{ld}</head><body><div id=app></div><script>render()</script></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("the description");
    assert!(a.text.contains("wood-ash glaze"), "{}", a.text);
    // Without one, such a page has no article.
    let page = "<html><body><div id=app></div><script>render()</script></body></html>";
    assert!(decant::extract(page, URL, &decant::Options::default()).is_err());
}

#[test]
fn an_article_element_and_a_heading_are_not_chrome_for_a_word_in_their_class() {
    let story = story(8);
    let disclosure = "<p>Many of the offers on this site come from companies that pay us when a reader follows a link, which may affect where, and in what order, they appear.</p>".repeat(4);
    // The theme names the layout (`with-sidebar`); the heading is a header by nature.
    let page = format!("<html><body><div class=disclosure>{disclosure}</div><article class='template template-with-sidebar'><h1>Glazes</h1><h2 class=header-anchor-post>How the glaze is made</h2>{story}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("told at length") && a.text.contains("How the glaze is made"), "{}", a.text);
    // A listicle's introduction in a block its class calls a header: prose, not the site's header.
    let intro = "<section class=listicle-header><div class=listicle-intro><p>So you have decided to glaze your own pots. Between the hundreds of recipes, the kilns and the clays, where to begin? We asked six potters who have fired ten thousand pots between them, and here, in their own words, is what they said.</p></div></section>";
    let page = format!("<html><body><header class=site-header><a href=/>Pottery Weekly</a></header><article><h1>Glazes</h1>{intro}{story}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("So you have decided to glaze") && a.text.contains("told at length"), "{}", a.text);
    assert!(!a.text.contains("Pottery Weekly"), "{}", a.text);
}

#[test]
fn parts_a_page_streams_in_later_are_read_in_their_places() {
    let para = |n: u32| format!("<p>Paragraph {n} of the story, told at length, with a clause or two, a comma or three, and a full stop at the end.</p>");
    // React sends the page with placeholders, then each part, hidden, at the end of the body; a
    // part within a part has a placeholder of its own (`P:`).
    let page = format!(
        "<html><body><main><article><h1>Glazes</h1>{}<template id=\"B:0\"></template><div>Loading paragraph...</div>{}<template id=\"B:1a\"></template><div>Loading image…</div>{}</article></main>\
         <div hidden id=\"S:0\">{}<template id=\"P:7\"></template></div><div hidden id=\"S:1a\">{}</div><div hidden id=\"S:7\">{}</div></body></html>",
        para(1), para(4), para(6), para(2), para(5), para(3)
    );
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    let at = |n: u32| a.text.find(&format!("Paragraph {n} ")).unwrap_or_else(|| panic!("paragraph {n} missing: {}", a.text));
    assert!((1..6).all(|n| at(n) < at(n + 1)), "{}", a.text);
    assert!(!a.text.contains("Loading"), "{}", a.text);
    assert!(removals.iter().filter(|r| r.rule == "a placeholder for a part streamed in later").count() == 2, "{removals:#?}");
}

#[test]
fn an_article_found_outside_the_pages_marked_main_region_is_not_taken() {
    // A promotion's slides hold the page's only paragraphs; the content, in its `<main>`, is a list.
    let slides = "<div class=slide><p>Free shipping on orders over forty dollars, and free returns within a month, with a clause, a comma, and a full stop.</p></div>".repeat(5);
    let items: String = (1..=10).map(|n| format!("<li>Vintage radio repair, part {n}: valves, dial cords and cabinets</li>")).collect();
    let page = format!("<html><body><div class=top-bar><div class=slides>{slides}</div></div><header><a href=/>Radios</a></header><main><h1>Radio repair</h1><ul>{items}</ul></main><footer>Workshop by the harbour</footer></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("dial cords") && !a.text.contains("Free shipping"), "{}", a.text);
    assert!(removals.iter().any(|r| r.rule == "outside the page's main region" && r.text.starts_with("Free shipping")), "{removals:#?}");
}

#[test]
fn a_block_classed_media_keeps_its_picture_and_text() {
    let story = story(5);
    let media = "<div class='media-block'><img src=/kiln.jpg alt='The kiln at dawn'><p>The kiln at dawn, still warm from a three-day firing, with its door bricked up and the ash settled on the shelves.</p><p>Photograph: Ana Ruiz.</p></div>";
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{media}{story}</article></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("The kiln at dawn, still warm") && a.content.contains("kiln.jpg"), "{}", a.text);
}

#[test]
fn the_page_builders_names_on_every_block_of_the_content_say_nothing_against_one() {
    // Every panel of the page is `so-panel widget`: the one chosen as the article, and the
    // sections beside it, stay.
    let panel = |n: u32, extra: &str, body: &str| format!("<div id=panel-1-0-0-{n} class='so-panel widget widget_sow-editor {extra}'><div class=so-widget-sow-editor>{body}</div></div>");
    let prices: String = (1..=30).map(|n| format!("<div><p>Replacing light fitting number {n}, parts extra</p><p>${n}9 - ${n}49+</p></div>")).collect();
    let page = format!(
        "<html><body><header class=site-header><a href=/>Sparks Electric</a></header><div class=panel-grid-cell>{}<div id=panel-1-0-0-1 class='widget_text so-panel widget widget_custom_html'><div>{prices}</div></div>{}{}</div><footer class=site-footer>Call us</footer></body></html>",
        panel(0, "panel-first-child", &para("The intro of the price guide")),
        panel(2, "", &para("A note on quotes")),
        panel(3, "panel-last-child", &format!("<h3>How we are qualified</h3>{}", ["The licences we hold", "The training we give", "The warranty we offer", "The vans we drive", "The hours we keep", "The towns we serve", "The tools we carry", "The promise we make"].map(para).concat())),
    );
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    for part in ["The intro of the price guide", "fitting number 12", "A note on quotes", "The licences we hold"] {
        assert!(a.text.contains(part), "{part:?} left out: {}", a.text);
    }
    // A sidebar's widget, which the article's element does not share a name with, still goes.
    let page = format!("<html><body><div class=content-area><article class=post>{}{}{}</article><div class='widget widget_archive'><h3>Archives</h3><p>March, April and May of this year, with a comma.</p></div></div></body></html>", para("One"), para("Two"), para("Three"));
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("Archives"), "{}", a.text);
}

#[test]
fn a_sections_header_with_its_prose_is_text_but_the_sites_header_is_not() {
    let feature = |title: &str| format!("<div class=feature><div class='gm-header text-left'><h3>{title}</h3><p>{title} is what this part of the service does for you. It says so in a sentence or two, with a comma, and ends with a full stop.</p></div><img src=/{}.png alt=''></div>", title.len());
    let features = ["Track your rankings", "Audit your profile", "Manage your reviews"].map(feature).concat();
    let page = format!("<html><body><div class=site-header><a href=/><img src=/logo.png alt=Rankly></a><p><a href=/login>Log in</a> <a href=/signup>Sign up</a></p></div><main><h1>Local search tools</h1><div class=intro>{}</div>{features}</main></body></html>", "<p>The tools a local business needs to be found, told at length, in a paragraph that carries a clause or two, a comma or three, and a full stop.</p>".repeat(5));
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    for f in ["Track your rankings is what", "Audit your profile is what", "Manage your reviews is what"] {
        assert!(a.text.contains(f), "{f:?} left out: {}", a.text);
    }
    assert!(!a.text.contains("Log in"), "{}", a.text);
}

#[test]
fn the_other_tabs_beside_the_chosen_one_are_read_too() {
    let tab = |n: u32, body: String| format!("<div class=cpTabPanel id=tab-{n} role=tabpanel{}>{body}</div>", if n == 0 { "" } else { " style='display: none;'" });
    let tabs = [
        tab(0, ["The building department issues permits", "It inspects the work", "It keeps the records", "It answers questions"].map(para).concat()),
        tab(1, "<h3>Forms</h3><ul><li><a href=/permit.pdf>Building permit (PDF)</a></li><li><a href=/fence.pdf>Fence permit (PDF)</a></li><li>Demolition permit: ask the clerk</li></ul>".to_string()),
        tab(2, "<h3>Questions</h3><ul><li>How do I obtain a building permit?</li><li>What inspections are required?</li><li>How long does a review take?</li></ul>".to_string()),
    ]
    .concat();
    let page = format!("<html><body><main><h1>Building department</h1><ul role=tablist><li><a href=#tab-0>About</a></li><li><a href=#tab-1>Forms</a></li><li><a href=#tab-2>Questions</a></li></ul><div class=tabs>{tabs}</div></main><aside>Contact the clerk</aside></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    for part in ["The building department issues permits", "Fence permit (PDF)", "How do I obtain a building permit?"] {
        assert!(a.text.contains(part), "{part:?} left out: {}", a.text);
    }
}

#[test]
fn a_hero_banner_is_the_pages_opening_not_an_ad() {
    let hero = format!("<section class='o-pageHeroBanner'><h1>Data and analytics services</h1><p class=lede>Turn your data into an advantage: we help firms find, clean and use what they already hold.</p>{}</section>", para("Data is the raw stuff of every decision a firm makes"));
    let sections: String = ["Strategy", "Engineering", "Governance"].iter().map(|t| format!("<section class=service><h2>{t}</h2>{}{}</section>", para(&format!("What {t} means for you")), para(&format!("How {t} is done here")))).collect();
    let page = format!("<html><head><title>Data and analytics services</title></head><body><div class=top-banner><a href=/sale>Half price this week</a></div><main>{hero}{sections}</main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    let lede = a.subtitle.as_deref().unwrap_or("").to_string() + &a.text;
    assert!(lede.contains("Turn your data into an advantage") && a.text.contains("raw stuff of every decision"), "{}", a.text);
    assert!(!a.text.contains("Half price"), "{}", a.text);
}

#[test]
fn a_site_builders_rich_text_is_the_text_whatever_else_its_class_says() {
    // A newsletter's issue published as a page: the rich-text element holding it is named for it,
    // and the listeners' quotes under it would otherwise be taken for the article.
    let issue = format!("<div class='rich-text-newsletter-cms w-richtext'><p>Thank you for reading this month's letter.</p><h2>Resistance training</h2>{}<h2>Recovery</h2>{}</div>", story(4), story(4));
    let quote = "<blockquote><p>I literally cannot stop listening: every week there is one thing in it that changes how I train, sleep or eat.</p><p>Listener</p></blockquote>";
    let page = format!(
        "<html><head><title>Foundational fitness</title></head><body><nav><a href=/>Home</a></nav><main><h1>Foundational fitness</h1>{issue}\
         <div class=newsletter-signup><p>Join over a million others getting these letters each month, free.</p><form><input type=email></form></div></main>\
         <section class=testimonials><h2>What listeners say</h2>{}</section></body></html>",
        quote.repeat(5)
    );
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("Resistance training") && a.text.contains("Recovery") && a.text.contains("this month's letter"), "{}", a.text);
    assert!(!a.text.contains("Join over a million"), "{}", a.text);
}

#[test]
fn a_list_of_links_the_text_announces_stays_when_it_leads_to_other_sites() {
    // A progress report: "Many patches were sent for review:" and the patches, on another host.
    let report = |host: &str| {
        let patches = |numbers: std::ops::Range<u32>| numbers.map(|n| format!("<li><p><a href='{host}{n}'>libgccjit: Add support for target feature number {n}</a></p></li>")).collect::<String>();
        format!(
            "<html><body><div id=content><h1>Progress report</h1>{}<div class=sect1><h2>Patches</h2><div class=sectionbody>\
             <div class=paragraph><p>There has been some progress this month.</p></div><div class=paragraph><p>Many patches were sent for review:</p></div>\
             <div class=ulist><ul>{}</ul></div><div class=paragraph><p>Also, a few patches were merged upstream:</p></div><div class=ulist><ul>{}</ul></div>\
             </div></div></div></body></html>",
            story(8),
            patches(90..100),
            patches(70..76)
        )
    };
    let a = decant::extract(&report("https://forge.example.org/pulls/"), URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("target feature number 95") && a.text.contains("target feature number 72"), "{}", a.text);
    // The same lists leading to the site's own pages are the site's links, and go.
    let a = decant::extract(&report("/guides/"), URL, &decant::Options::default()).expect("article");
    assert!(!a.text.contains("target feature number 95"), "{}", a.text);
}

#[test]
fn a_headings_anchor_made_of_its_own_words_says_nothing_against_it() {
    let story = story(3);
    let page = format!(
        "<html><body><article><h1>Selling online</h1>{story}<h2 id=h-what-is-social-shopping class=wp-block-heading>What is Social Shopping?</h2>{story}\
         <h3 id=sponsorship-deals>Sponsorship Deals</h3>{story}<h2 id=related-posts>Read on</h2><p>Another story.</p></article></body></html>"
    );
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("What is Social Shopping?") && a.text.contains("Sponsorship Deals"), "{}", a.text);
    // An id that is not the heading's own words still says what the block is.
    assert!(!a.text.contains("Read on"), "{}", a.text);
    // A section's id made of its heading's words (Sphinx's), two words or more, names the section.
    let page = format!(
        "<html><body><main><h1>Submitting patches</h1><section id=describe-your-changes><h2>Describe your changes</h2>{story}</section>         <section id=respond-to-review-comments><h2>Respond to review comments</h2><p>Your patch will almost certainly get comments from reviewers on ways in which it can be improved, and you must answer them.</p></section>         <section id=comments><h2>Comments</h2><p>Eleven readers said what they thought of this page, most of them kindly, one of them at great length.</p></section></main></body></html>"
    );
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("almost certainly get comments"), "{}", a.text);
    // A one-word id still names the block: a comment section.
    assert!(!a.text.contains("Eleven readers"), "{}", a.text);
    // Likewise past an empty anchor before the heading (Sphinx keeps a section's old name so).
    let page = page.replace("<h2>Respond to review comments</h2>", "<span id=review-replies></span><h2>Respond to review comments</h2>").replace(&story, &story.repeat(2));
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("almost certainly get comments"), "{}", a.text);
}

#[test]
fn the_readers_comments_under_a_heading_that_says_so_go() {
    let story = story(5);
    let substack = "<div><h4>Discussion about this post</h4><div><p>No posts</p></div></div>";
    let blog = "<div class=thread><h3>2 Comments</h3><ol><li><p>Thanks for sharing this at the link party, pinned and featured tomorrow!</p></li><li><p>Lovely glaze, which cone did you fire it to?</p></li></ol></div>";
    // A section on comments in code is the manual's own.
    let manual = "<section><h2>Comments</h2><p>A comment starts with a hash character that is not part of a string literal, and ends at the end of the line.</p></section>";
    let page = format!("<html><body><article><h1>Glazes</h1>{story}{manual}{substack}{blog}</article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    for gone in ["Discussion about this post", "No posts", "2 Comments", "link party", "which cone"] {
        assert!(!a.text.contains(gone), "kept {gone:?}:\n{}", a.text);
    }
    assert!(a.text.contains("A comment starts with a hash"), "{}", a.text);
    assert_eq!(removals.iter().filter(|r| r.rule.starts_with("the readers' comments")).count(), 2, "{removals:#?}");
}

#[test]
fn a_box_about_the_author_inside_the_article_goes() {
    let story = story(5);
    for class in ["author-bio", "about-author", "c-author-box", "bio"] {
        let page = format!("<html><body><article><h1>Glazes</h1>{story}<div class='{class}'><img src=/ana.jpg alt=''><p>Ana Ruiz is a potter and writer who has fired kilns in three countries, taught glazing for twenty years and written two books on ash glazes; she lives by the sea.</p></div></article></body></html>");
        let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
        assert!(!a.text.contains("Ana Ruiz is a potter") && a.text.contains("told at length"), "{class}: {}", a.text);
        assert!(removals.iter().any(|r| r.rule.starts_with("a box about the author")), "{class}: {removals:#?}");
    }
    // An author's name in a class is not enough (`author-note` on the story's own text).
    let page = format!("<html><body><article><h1>Glazes</h1>{story}<div class='author-note'><img src=/kiln.jpg alt=''><p>A note from the author on the firing, which is part of the story: the kiln ran for thirty hours, and the ash glaze ran with it.</p></div></article></body></html>");
    assert!(decant::extract(&page, URL, &decant::Options::default()).expect("article").text.contains("A note from the author"));
}

/// A page whose structured data says it is a thread (`DiscussionForumPosting`) titled `title`: its
/// `posts` in a `<div class={class}>` under the heading, in `<main>`, then `after`.
fn declared_thread(title: &str, class: &str, posts: &str, after: &str) -> String {
    let ld = format!(r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"{title}"}}</script>"#);
    format!("<html><head><title>{title}</title>{ld}</head><body><main><h1>{title}</h1><div class={class}>{posts}</div></main>{after}</body></html>")
}

#[test]
fn a_forum_thread_is_every_post_in_order_with_its_author_and_date() {
    let a = extract("forum-thread");
    assert_eq!(a.kind, decant::Kind::Thread);
    let bodies = ["I have been building small boxes", "A jack plane, second hand.", "Thank you, that makes sense.", "I would add a block plane"];
    let at: Vec<usize> = bodies.iter().map(|b| a.text.find(b).unwrap_or_else(|| panic!("post {b:?} missing: {}", a.text))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "posts out of order: {}", a.text);
    assert_eq!(a.content.matches(&format!("<article class=\"{}\">", decant::POST_CLASS)).count(), 4, "{}", a.content);
    for by in ["maple_mira · Feb 10, 2026", "old_oak · Feb 10, 2026", "spokeshave · Feb 11, 2026"] {
        assert!(a.text.contains(by), "no line {by:?}: {}", a.text);
    }
    assert!(a.content.contains("<time datetime=\"2026-02-11T08:30:00Z\">"), "{}", a.content);
    // The posts' chrome stays out: profile lines, signatures, buttons, the reply form, the sidebar.
    for chrome in ["9,120 posts", "making sawdust", "plane forever", "Quote", "Post reply", "Similar threads"] {
        assert!(!a.text.contains(chrome), "{chrome:?} kept: {}", a.text);
    }
    assert_eq!(a.byline.as_deref(), Some("maple_mira"));
    assert_eq!(a.lead_image, None, "the forum's logo is not the thread's image");
    assert!(a.excerpt.as_deref().is_some_and(|e| e.starts_with("I have been building")), "{:?}", a.excerpt);
    let md = decant::to_markdown(&a);
    assert!(md.contains("\n\n---\n\n**old\\_oak** · Feb 10, 2026\n\n"), "no rule before the second post: {md}");
}

#[test]
fn a_threads_post_stays_whole_however_many_links_it_lists_and_is_not_the_post_it_quotes() {
    let post = |id: u32, who: &str, body: &str| {
        format!(
            "<article class='message' id=post-{id}><div class=message-user><a href='/members/{who}/'>{who}</a> <time datetime='2026-03-0{id}T10:00:00Z'>Mar {id}, 2026</time></div>\
             <div class=message-content>{body}</div><div class=message-actions><a href=/reply>Reply</a></div></article>"
        )
    };
    // An opening post that is mostly its links: the tables of each league.
    let leagues: String = ["Eredivisie", "Eerste Divisie", "Premier League", "La Liga", "Serie A", "Bundesliga", "Ligue 1", "Primeira Liga"]
        .iter()
        .map(|l| format!("<a href='https://tables.example/{l}'>{l} fixtures and standings, updated every matchday</a><br>"))
        .collect();
    let opening = post(1, "minoa", &format!("<p>The season starts this weekend, and here is where to follow it.</p>{leagues}"));
    let reply = post(2, "old_oak", "<p>Thanks for the tables. Ajax should win the league again, though PSV have spent more this summer, and AZ look stronger than last year.</p>");
    // A reply that is mostly the post it quotes: the quote's text is not the reply's.
    let quoted = "The season starts this weekend, and the tables are linked above for anyone who wants to follow every league, from the top flights to the second divisions of each country.";
    let quoting = post(3, "spokeshave", &format!("<blockquote class=quote><div class=quote-content><p>{quoted}</p></div></blockquote><p>Agreed, thank you.</p>"));
    let page = format!("<html><head><title>Football 2026</title></head><body><main><h1>Football 2026</h1><div class=messages>{opening}{reply}{quoting}</div></main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert!(a.text.contains("Bundesliga fixtures and standings") && a.text.contains("here is where to follow it"), "the opening post went: {}", a.text);
    assert!(a.text.contains("Agreed, thank you.") && a.text.contains("spokeshave"), "the quoting reply went: {}", a.text);
    // On a page that declares itself a thread, a reply holding nearly all of the text (a log
    // pasted in) is one post of it, not the thread.
    let log: String = (0..60).map(|i| format!("2024-05-03 10:09:{i:02} ERROR (MainThread) [homeassistant] Error doing job: Future exception was never retrieved\n")).collect();
    let posts = [
        post(1, "raoul", "<p>Since the update, every restart stays on the starting screen, and several devices are not available.</p>"),
        post(2, "raoul", &format!("<p>This is part of the log, I hope it is enough:</p><pre><code>{log}</code></pre>")),
        post(3, "bill", "<p>It looks like the tuya_local integration. Try disabling it and restarting.</p>"),
        post(4, "raoul", "<p>That was it: I found an issue already open about it. Thank you for the suggestion.</p>"),
    ]
    .concat();
    let a = decant::extract(&declared_thread("Stuck on starting", "messages", &posts, ""), URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    for said in ["every restart stays on the starting screen", "Future exception was never retrieved", "Try disabling it", "I found an issue already open"] {
        assert!(a.text.contains(said), "lost {said:?}: {}", a.text);
    }
}

#[test]
fn posts_told_only_by_their_numbered_ids_are_a_thread_each_with_its_text_and_its_date() {
    // A forum whose posts have ids and no class (vBulletin's `div#edit123`), the date a line of
    // plain text under the post (after the author's "Joined:" date), the author's box beside the
    // text, and one post that is pictures with a caption.
    let post = |id: u32, who: &str, date: &str, body: &str| {
        format!(
            "<div id=edit{id}><div id=post{id}><div class=tpost><div class=trow>\
             <div class=userbox><a class=bigusername href='/members/{who}.html'>{who}</a><div>Original Poster</div><div>Joined: Mar 3, 2010</div><div>Location: Singapore</div><div>Posts: 1,077</div></div>\
             <div class=msg id=td_post_{id}><div id=post_message_{id}>{body}</div></div></div><div class=tfoot>{date}</div></div></div></div>"
        )
    };
    let posts = [
        post(37597539, "lowjhg", "Feb 14, 2026 | 9:05 pm", "I am writing this trip report after a friend's live one. It is my first, so bear with me while the trip unfolds."),
        post(37597541, "lowjhg", "Feb 14, 2026 | 9:07 pm", "<img src=/photos/lounge.jpg alt='The lounge'><br>Some champagne."),
        post(37597544, "WiSK", "Feb 15, 2026 | 10:24 am", "Looking forward to this one. Bordeaux in February is quiet, and the wine shops are not crowded at all."),
        post(37597582, "TedToToe", "Feb 16, 2026 | 8:00 pm", "Great start. Which lounge did you use in Istanbul, the one by the gates or the main one?"),
    ]
    .concat();
    let page = format!("<html><head><title>Scenic sights</title></head><body><h1>Scenic sights</h1><div id=posts>{posts}</div><div class=footer><a href=/>Forums</a></div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    for said in ["my first, so bear with me", "Some champagne.", "Bordeaux in February", "Which lounge did you use"] {
        assert!(a.text.contains(said), "lost {said:?}: {}", a.text);
    }
    // The picture post's text is its message, like the others', not its author's box.
    for chrome in ["Original Poster", "Joined", "Posts: 1,077"] {
        assert!(!a.text.contains(chrome), "{chrome:?} kept: {}", a.text);
    }
    assert!(a.content.contains("/photos/lounge.jpg"), "{}", a.content);
    for by in ["lowjhg · Feb 14, 2026 | 9:05 pm", "WiSK · Feb 15, 2026 | 10:24 am"] {
        assert!(a.text.contains(by), "no line {by:?}: {}", a.text);
    }
    assert!(a.content.contains("<time datetime=\"2026-02-15\">"), "{}", a.content);
}

#[test]
fn posts_titled_with_links_to_themselves_are_posts_not_teasers_of_other_pages() {
    // phpBB: each post has a heading ("Re: …") linking to the post itself, `#p` and its id; a
    // heading linking to another page marks a teaser, this one does not.
    let post = |id: u32, who: &str, title: &str, body: &str| {
        format!(
            "<div id=p{id} class='post has-profile bg2'><div class=inner><dl class=postprofile><dt><a href='./memberlist.php?mode=viewprofile&u={id}' class=username>{who}</a></dt><dd><strong>Joined:</strong> 4. Jul 2012, 16:09</dd></dl>\
             <div class=postbody><h3><a href='./viewtopic.php?p={id}#p{id}'>{title}</a></h3><p class=author>by {who} » <time datetime='2024-09-11T16:36:25+00:00'>11. Sep 2024</time></p><div class=content>{body}</div></div></div></div>"
        )
    };
    let posts = [
        post(550447, "galitsyn", "Discuss the 7.1.0 release here", "Version 7.1.0 is a significant new version: the changelog is linked from the downloads page."),
        post(550452, "Simple07", "Re: Discuss the 7.1.0 release here", "After the update my guest on Windows 11 no longer starts; it stops at the boot logo every time."),
        post(550461, "scottgus1", "Re: Discuss the 7.1.0 release here", "Please start a new topic for that, with the log of the failed start zipped and attached."),
    ]
    .concat();
    let page = format!("<html><head><title>Discuss the 7.1.0 release here</title></head><body><div class=navbar><a href=/>Board index</a></div><div id=page-body><h2>Discuss the 7.1.0 release here</h2>{posts}</div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert!(a.text.contains("Simple07 · 11. Sep 2024") && a.text.contains("zipped and attached"), "{}", a.text);
    assert!(!a.text.contains("Joined:"), "the author's box was kept: {}", a.text);
}

#[test]
fn posts_whose_author_heads_them_with_a_link_to_the_profile_are_a_thread() {
    // Simple Machines Forum: the author's name is a heading linking to `index.php?action=profile`,
    // a member's profile (a heading linking to any other page would mark a teaser).
    let post = |id: u32, who: &str, body: &str| {
        format!(
            "<div class=windowbg id=msg{id}><div class=poster><h4><a href='https://forum.example/index.php?action=profile;u={id}' title='View the profile of {who}'>{who}</a></h4><ul class=user_info><li class=postcount>Posts: 3,760</li></ul></div>\
             <div class=postarea><div class=keyinfo><a href='https://forum.example/index.php?msg={id}' class=smalltext>June 04, 2024, 11:23:55 AM</a></div><div class=post><div class=inner>{body}</div></div></div></div>"
        )
    };
    let posts = [
        post(4175227, "Biology Forums", "How is everyone bringing AI into their forums? I added a summary of long topics, and members like it."),
        post(4175230, "Kindred", "Not at all here. Our members come to talk to people, and a bot in the topics would drive them away."),
        post(4175241, "Antechinus", "A spam filter that learns is the one use I would trust, and only for posts held for approval."),
    ]
    .concat();
    let page = format!("<html><head><title>AI in forums</title></head><body><div id=header><a href=/>Community</a></div><div id=forumposts><h2>AI in forums</h2>{posts}</div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert!(a.text.contains("Kindred · June 04, 2024, 11:23:55 AM") && a.text.contains("only for posts held for approval"), "{}", a.text);
    assert!(!a.text.contains("Posts: 3,760"), "the author's box was kept: {}", a.text);
}

#[test]
fn a_posts_author_is_the_first_line_of_a_box_about_them_and_its_text_what_is_beside_the_box() {
    // The post's text has no name that says so (`postmsg`), and is short beside the author's box:
    // it is what is left of the post without that box.
    let post = |id: u32, who: &str, body: &str| {
        format!(
            "<div class=blockpost id=p{id}><h2><a href='#p{id}'><time datetime='2024-08-03T10:59:47Z'>2024-08-03 10:59:47</time></a></h2>\
             <div class=postbody><div class=userinfo><dl><dt><strong>{who}</strong></dt><dd>Member</dd><dd>Registered: 2024-01-27</dd></dl></div>\
             <div class=postmsg><p>{body}</p></div></div></div>"
        )
    };
    let posts = [
        post(1, "archuser38013", "Which forum software is closest to this one, with good support for phones, and still maintained?"),
        post(2, "seth", "The software here is FluxBB. It still works, but nobody maintains it, so a move is planned."),
        post(3, "Inspector Parrot", "Phones were never its strength. Most people here read it on a desktop anyway, so nobody asked."),
    ]
    .concat();
    let page = format!("<html><head><title>Forum software</title></head><body><div id=brdmain><h1>Forum software</h1>{posts}</div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert_eq!(a.byline.as_deref(), Some("archuser38013"), "{}", a.text);
    assert!(a.text.contains("Inspector Parrot · 2024-08-03 10:59:47"), "{}", a.text);
    assert!(!a.text.contains("Registered:"), "the author's box was kept: {}", a.text);
}

#[test]
fn fluxbb_posts_are_a_thread_without_the_column_about_their_authors() {
    // FluxBB and PunBB as they are served: the author's name in bold, not a link, in the column
    // `postleft` beside the text (`postmsg`); the date is the text of the link to the post.
    let post = |id: u32, who: &str, title: &str, body: &str| {
        format!(
            "<div id=p{id} class='blockpost rowodd blockpost1'><h2><span><span class=conr>#1</span> <a href='viewtopic.php?pid={id}#p{id}'>2024-08-03 10:59:47</a></span></h2>\
             <div class=box><div class=inbox><div class=postbody><div class=postleft><dl><dt><strong>{who}</strong></dt><dd class=usertitle><strong>Member</strong></dd><dd><span>Registered: 2012-09-03</span></dd><dd><span>Posts: 73,365</span></dd></dl></div>\
             <div class=postright><h3>{title}</h3><div class=postmsg><p>{body}</p></div></div></div></div>\
             <div class=inbox><div class=postfoot><div class=postfootleft><p><span>Offline</span></p></div></div></div></div></div>"
        )
    };
    let posts = [
        post(2187914, "archuser38013", "Laptop fan always on", "Since the last kernel update the fan of my laptop runs all the time, even when it does nothing."),
        post(2187920, "seth", "Re: Laptop fan always on", "Please post the output of sensors and of the journal of the last boot, not a picture of them."),
        post(2187931, "archuser38013", "Re: Laptop fan always on", "The journal shows the firmware was not loaded; installing the missing package fixed it, thanks."),
    ]
    .concat();
    let page = format!("<html><head><title>Laptop fan always on</title></head><body><div id=brdmenu><a href=index.php>Index</a> <a href=search.php>Search</a></div><div id=brdmain><div class=linkst><ul class=crumbs><li><a href=index.php>Index</a></li><li>» <a href=viewforum.php?id=23>Newbie Corner</a></li></ul></div>{posts}</div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert_eq!(a.byline.as_deref(), Some("archuser38013"), "{}", a.text);
    assert!(a.text.contains("seth · 2024-08-03 10:59:47") && a.text.contains("fixed it, thanks"), "{}", a.text);
    for chrome in ["Registered:", "Posts: 73,365", "Offline"] {
        assert!(!a.text.contains(chrome), "{chrome:?} kept: {}", a.text);
    }
}

#[test]
fn posts_whose_author_and_date_only_their_microdata_holds_are_named_and_dated() {
    // Nairaland: each reply a `tbody` typed `Comment`, its author and date only in `<meta>`s
    // (the name shown is a link to a page the engine cannot tell is a profile, the date is split
    // into bold pieces); the last reply also shows a date, which is the one shown.
    let post = |id: u32, who: &str, iso: &str, shown: &str, body: &str| {
        format!(
            "<tbody itemprop=comment itemscope itemtype='https://schema.org/Comment'><tr><td class='bold l pu'><span itemprop=author itemscope itemtype='https://schema.org/Person'><meta itemprop=name content='{who}'><meta itemprop=url content='https://forum.example/{who}'></span>\
             <meta itemprop=datePublished content='{iso}'><a href='/7603790/topic#{id}'>Re: Quantum computing</a> by <a href='/{who}' class=user>{who}</a>: {shown}</td></tr>\
             <tr><td id=pb{id} class='l w pd'><div class=narrow itemprop=text>{body}</div></td></tr></tbody>"
        )
    };
    let posts = [
        post(127403087, "Alphabyte2", "2023-12-09T20:43:15Z", "<span class=s><b>9:43pm</b> On <b>Dec 09</b>, <b>2023</b></span>", "Jax is a Python library from Google for numerical computation on CPUs, GPUs and TPUs."),
        post(127412164, "Qubitfan", "2023-12-10T13:55:00Z", "<span class=s><b>2:55pm</b> On <b>Dec 10</b>, <b>2023</b></span>", "A quantum agent is an agent that works by the principles of quantum mechanics."),
        post(127499001, "Alphabyte2", "2024-01-03T09:00:00Z", "<time datetime='2024-01-03T09:00:00Z'>Jan 3, 2024</time>", "Practical quantum agents are still an area of research, and will be for some years."),
    ]
    .concat();
    // The opening post, in a `tbody` of its own without microdata, names its author only by a
    // link classed `user`.
    let opening = "<tbody><tr><td class='bold l pu'><a href='/7603790/topic#121604416'>Quantum computing</a> by <a href='/alphabyte1' class=user>Alphabyte1</a>: <span class=s><b>3:21pm</b> On <b>Mar 09</b>, <b>2023</b></span></td></tr>\
                   <tr><td id=pb121604416 class='l w pd'><div class=narrow>Hybrid quantum computing is a quantum computer and a classical one working together on a problem.</div></td></tr></tbody>";
    let page = format!("<html><head><title>Quantum computing</title></head><body><div id=up><a href=/>Forum</a></div><div itemscope itemtype='https://schema.org/DiscussionForumPosting'><table summary=posts>{opening}{posts}</table></div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert!(a.text.starts_with("Alphabyte1\n") && a.text.contains("working together on a problem"), "the opening post first: {}", a.text);
    assert!(a.text.contains("Alphabyte2 · 2023-12-09") && a.text.contains("Qubitfan · 2023-12-10"), "{}", a.text);
    assert!(a.text.contains("Alphabyte2 · Jan 3, 2024"), "the date shown should be the one the post shows: {}", a.text);
}

#[test]
fn replies_typed_as_answers_in_microdata_make_a_question_thread_but_an_articles_faq_does_not() {
    // XenForo's question threads: the question in a block of its own, each reply typed `Answer`,
    // no JSON-LD; with a sidebar, the replies are under half of the page's text, so they alone
    // are no thread.
    let message = |id: u32, who: &str, typed: &str, body: &str| {
        format!(
            "<article class='message message--post js-post' id=js-post-{id} {typed}><div class=message-inner><div class=message-cell--user><section class=message-user><h4 class=message-name><a href='/members/{who}.{id}/' class=username>{who}</a></h4></section></div>\
             <div class=message-cell--main><header class=message-attribution><time datetime='2024-11-01T15:08:47-0400'>Nov 1, 2024</time></header><article class=message-body><div class=bbWrapper>{body}</div></article></div></div></article>"
        )
    };
    let answer = "itemscope itemtype='https://schema.org/Answer'";
    let question = message(1, "ridwan123", "", "I am planning to buy a new graphics card, and the same chip comes from many brands: which one should I choose?");
    let answers = [
        message(2, "Lutfij", answer, "Prices vary by region: can you post links to the cards you can buy, and say which games you play?"),
        message(3, "MCH170", answer, "Cards with the same chip are within a few percent of each other in games; pick the quietest cooler."),
        message(4, "Roland", answer, "Look at the warranty too: some brands give three years, others two, and that matters more than a percent."),
        message(5, "ridwan123", answer, "Thanks all: the shop near me has the quiet one with three years of warranty, so I will take that one."),
        message(6, "Lutfij", answer, "Good choice. Post again if the drivers give you any trouble after the first install, and have fun with it."),
    ]
    .concat();
    let sidebar: String = (1..=6).map(|i| format!("<p>Trending topic number {i}: the week's most discussed hardware news, with its opening lines shown here.</p>")).collect();
    let page = format!("<html><head><title>Which card?</title></head><body><div class=p-body-main><div class=p-body-content><div class='block block--messages'><div class=block-body>{question}</div></div>\
                        <div class='block block--messages'><div class=block-body>{answers}</div></div></div><div class=p-body-sidebar><div class=block>{sidebar}</div></div></div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert!(a.text.contains("ridwan123 · Nov 1, 2024") && a.text.contains("which one should I choose"), "the question is the thread's first post: {}", a.text);
    assert!(a.text.contains("MCH170 · Nov 1, 2024") && !a.text.contains("Trending topic"), "{}", a.text);
    // An article with an FAQ typed in microdata stays an article.
    let faq = "<div itemscope itemtype='https://schema.org/FAQPage'><div itemscope itemprop=mainEntity itemtype='https://schema.org/Question'><h3 itemprop=name>Is the cooler loud?</h3><div itemscope itemprop=acceptedAnswer itemtype='https://schema.org/Answer'><p itemprop=text>Only under load, and less than the reference card.</p></div></div></div>";
    let comments: String = (1..=4).map(|i| format!("<div class=comment id=comment-{i}><span class=comment-author><a href='/members/reader{i}/'>reader{i}</a></span><p>Comment number {i}: thanks for the review, I bought the card and it is as quiet as you say.</p></div>")).collect();
    let page = format!("<html><head><title>Review</title><script type='application/ld+json'>{{\"@type\":\"Article\",\"headline\":\"Review\"}}</script></head><body><article><h1>Review</h1>{}{faq}</article><div class=comments>{comments}</div></body></html>", story(3));
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert_eq!(a.kind, decant::Kind::Article, "{}", a.text);
}

#[test]
fn a_reply_of_a_line_and_a_link_is_kept_whole_inside_its_wrapper() {
    // XenForo: the post's text element (`itemprop="text"`) wraps a `bbWrapper` holding all of it;
    // a reply of a sentence and a link to a video is a post, not a block of links.
    let post = |id: u32, who: &str, body: &str| {
        format!(
            "<article class='message message--post' id=js-post-{id} itemscope itemtype='https://schema.org/DiscussionForumPosting'><h4 class=message-name><a href='/members/{who}.{id}/' class=username>{who}</a></h4>\
             <time datetime='2024-11-01T15:08:47-0400'>Nov 1, 2024</time><article class=message-body><div itemprop=text><div class=bbWrapper>{body}</div></div></article></article>"
        )
    };
    let posts = [
        post(1, "ridwan123", "Which of the cards with this chip runs the quietest under load, in a small case with two fans?"),
        post(2, "MCH170", "Cards of one chip are within a few percent. This might help: <a href='https://youtu.be/-TiYwjxmcU8'>View: https://youtu.be/-TiYwjxmcU8</a>"),
        post(3, "Phaaze88", "Performance between cards of one tier is the same; what differs is cooling and noise, so read the reviews of each cooler."),
    ]
    .concat();
    let page = format!("<html><head><title>Quiet card</title></head><body><div class=block-body>{posts}</div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert!(a.text.contains("within a few percent") && a.text.contains("View: https://youtu.be/"), "{}", a.text);
}

#[test]
fn replies_in_a_box_beside_their_post_are_posts_and_the_header_naming_the_last_poster_is_not_the_author() {
    // A theme that nests each post's replies in a wrapper after the post, not inside it; the
    // opening post's header names the thread's last poster before the box about its author.
    let reply = |id: u32, who: &str, body: &str, children: &str| {
        format!(
            "<article class='js-post nested-message' id=js-post-{id}><div class=MessageCard><div class=MessageCard__user-info><a class=username href='/members/{who}.{id}/'>{who}</a> <time datetime='2024-06-04T10:00:00Z'>Jun 4, 2024</time></div>\
             <div class=message-userContent><article class=message-body><div class=bbWrapper>{body}</div></article></div></div></article>\
             <div class=nested-children-wrapper><div class=nested-children-container>{children}</div></div>"
        )
    };
    let nested = reply(3, "Ejp55230", "I have ridden trails for years, but never on a mountain bike. I would like to stay between 500 and 1000.", "");
    let replies = [
        reply(1, "eb1888", "Good bikes with an air fork will seem expensive to you, but a decent frame saves money over the years.", ""),
        reply(2, "wolfmw", "Both are decent entry level bikes. Tell us more about where you will ride and what you can spend.", &nested),
        reply(4, "lvdukerider", "The Marlin is a good choice, nothing spectacular, and a Trek shop is usually close for parts.", ""),
    ]
    .concat();
    let opening = "<div class='MessageCard js-post' id=js-post-1000><header><h1>Suggestions for a beginner bike</h1><div class=thread-info><span>5 replies</span> <span>last post by <a href='/members/nwberm.909446/'>nwberm</a></span></div></header>\
                   <div class=MessageCard__user-info><a class=username href='/members/Ejp55230.987715/'>Ejp55230</a> <time datetime='2024-06-02T20:22:24Z'>Jun 2, 2024</time></div>\
                   <article class=message-body><div class=bbWrapper>I am looking to get into mountain biking and have been reading about which bike to get. So far it is a Marlin or a Trail.</div></article></div>";
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Suggestions for a beginner bike"}</script>"#;
    let page = format!("<html><head><title>Suggestions for a beginner bike</title>{ld}</head><body><div class=thread-body>{opening}<div class=replies>{replies}</div></div></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert!(a.text.contains("never on a mountain bike"), "the reply in the box beside its parent went: {}", a.text);
    let at: Vec<usize> = ["air fork", "Both are decent", "never on a mountain bike", "The Marlin is"].iter().map(|s| a.text.find(s).unwrap_or(usize::MAX)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order: {}", a.text);
    assert_eq!(a.byline.as_deref(), Some("Ejp55230"), "{}", a.text);
}

#[test]
fn a_short_thread_is_found_beside_a_consent_dialog_longer_than_it() {
    // A consent form's purposes, each explained at length, in a modal dialog: more text than the
    // two posts of the thread, which the thread's share of the page must not count.
    let purposes: String = ["Strictly necessary", "Performance", "Functional", "Targeting", "Social media"]
        .iter()
        .map(|p| format!("<div class=ot-cat-item><h4>{p} cookies</h4><p>These cookies may be set through our site by our partners. They may be used to build a profile of your interests and show you relevant adverts on other sites, and they work by identifying your browser and device; if you do not allow them, you will experience less targeted advertising.</p></div>"))
        .collect();
    let dialog = format!("<div role=dialog aria-modal=true class=ot-pc><h2>Privacy Preference Center</h2>{purposes}</div>");
    let post = |id: u32, who: &str, body: &str| format!("<article class='cPost ipsComment' id=elComment_{id}><aside class=cAuthorPane><a href='/profile/{id}-{who}/'>{who}</a></aside><div class=cPost_contentWrap><p>Posted March 19, 2024</p><div data-role=commentContent><p>{body}</p></div></div></article>");
    let posts = [
        post(1, "Rabbids", "Does anyone know what these two openings on the new case are for? The manual says nothing about them, but both look very intentional."),
        post(2, "DevBiker", "I have heard that the one at the back is for an external connection for lighting devices. Not sure about the one under the fans."),
    ]
    .concat();
    let a = decant::extract(&declared_thread("New PC case", "cTopic", &posts, &dialog), URL, &decant::Options::default()).expect("thread");
    assert_eq!(a.kind, decant::Kind::Thread, "{}", a.text);
    assert!(a.text.contains("two openings on the new case") && a.text.contains("external connection for lighting"), "a post went: {}", a.text);
    assert!(!a.text.contains("Privacy Preference Center"), "the dialog was kept: {}", a.text);
}

#[test]
fn comments_under_a_blog_post_are_not_a_thread() {
    let a = extract("blog-with-comments");
    assert_eq!(a.kind, decant::Kind::Article);
    assert!(a.text.starts_with("Apple trees are pruned in winter") && a.text.contains("thicket of water shoots"), "{}", a.text);
    assert!(!a.text.contains("Bramley") && !a.text.contains("pears"), "comments kept: {}", a.text);
}

#[test]
fn a_list_of_links_is_read_as_a_page_not_an_article() {
    // Search results: nearly all of the text is links.
    let results = extract("search-results");
    assert_eq!(results.kind, decant::Kind::Page, "{}", results.text);
    assert!(results.text.contains("How to oil a wooden cutting board"), "{}", results.text);
    // A shop's category, declared a CollectionPage in its structured data.
    let shop = extract("listing-page");
    assert_eq!(shop.kind, decant::Kind::Page, "{}", shop.text);
    assert!(shop.text.contains("Oak cutting board") && shop.text.contains("€34.00"), "{}", shop.text);
    // An article with links in it is still an article.
    assert_eq!(extract("news-article").kind, decant::Kind::Article);
}

#[test]
fn a_list_of_links_whose_items_cleaning_took_for_link_boxes_is_shown_as_its_region() {
    // A section's front page, declared a CollectionPage: its lead story with a summary, then the
    // headlines of the other stories, each a link in a card of its own.
    let ld = r#"<script type=application/ld+json>{"@type":"CollectionPage","name":"Economy"}</script>"#;
    let lead = "<div class=lead-story><h2><a href=/gold>Harbour board licenses the gold wharf after a long visit</a></h2><p>The licence follows a push from the council to open the harbour's trade to outside investment, after a year of talks, two studies and a vote.</p></div>";
    let headlines = ["Ferry fares rise for the first time in six years", "The fish market reopens after its roof is mended", "Council hosts a summit for the towns along the coast", "Customs office cannot yet repay the port's fees", "Boatyard orders slow as the winter comes early", "Lighthouse keepers vote to join the harbour union"];
    let cards: String = headlines.iter().enumerate().map(|(i, h)| format!("<div class=story-card><h3><a href=/story/{i}>{h}</a></h3></div>")).collect();
    let page = format!("<html><head>{ld}</head><body><main><h1>Economy</h1><div class=feed>{lead}{cards}</div></main></body></html>");
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("a page");
    assert_eq!(a.kind, decant::Kind::Page, "{}", a.text);
    assert!(a.text.contains("open the harbour's trade"), "{}", a.text);
    for h in headlines {
        assert!(a.text.contains(h), "{h} missing: {}", a.text);
    }
}

#[test]
fn a_cards_text_hidden_from_screen_readers_until_hover_is_read_but_not_a_dialog_or_a_copy() {
    let card = |title: &str, text: &str| format!("<div class=card><h3>{title}</h3><div class=card-sliding-content aria-hidden=true><p>{text}. It is said in sentences, with a comma or two, over a line or so of the card, and ends with a full stop.</p></div></div>");
    let cards = [("Strategy", "Design a secure strategy that protects what the firm is worth"), ("Response", "Respond quickly to threats no one has seen yet and to new rules")].map(|(t, x)| card(t, x)).concat();
    let marquee = "<ul class=marquee><li>Trusted by the harbour board, the ferry line and the town council. Also by the lifeboat crew.</li></ul><ul class=marquee aria-hidden=true><li>Trusted by the harbour board, the ferry line and the town council. Also by the lifeboat crew.</li></ul>";
    let dialog = "<div class='modal fade' role=dialog aria-hidden=true><p>Request a call back. Leave your number, and one of our people will ring you within the day, we promise.</p></div>";
    let page = format!("<html><body><main><h1>Security services</h1>{}{cards}{marquee}{}</main>{dialog}</body></html>", para("What we do for the firms we serve"), para("How we work with them"));
    let a = decant::extract(&page, URL, &decant::Options::default()).expect("article");
    assert!(a.text.contains("Design a secure strategy") && a.text.contains("Respond quickly to threats"), "{}", a.text);
    assert_eq!(a.text.matches("Trusted by the harbour board").count(), 1, "{}", a.text);
    assert!(!a.text.contains("Request a call back"), "{}", a.text);
}

#[test]
fn a_page_hidden_until_its_script_runs_is_still_read() {
    let a = extract("hidden-until-script");
    assert_eq!(a.kind, decant::Kind::Article);
    assert!(a.text.starts_with("A soil test from a garden laboratory") && a.text.contains("all the better for it"), "{}", a.text);
    // What is hidden on a page that shows its text is still left out.
    let shown = extract("hidden-content");
    assert!(!shown.text.is_empty());
}

#[test]
fn confidence_is_high_for_a_plain_article_and_low_for_lists_and_fragments() {
    let sure = extract("news-article").confidence;
    assert!((0.75..=1.0).contains(&sure), "news article: {sure}");
    // Found only once the strict rules were relaxed, short, a third of it links.
    let fragment = extract("unsure-article");
    assert_eq!(fragment.kind, decant::Kind::Article);
    assert!(fragment.confidence < 0.5, "fragment: {}", fragment.confidence);
    // Not an article at all.
    for list in ["search-results", "listing-page"] {
        let c = extract(list).confidence;
        assert!(c <= 0.2, "{list}: {c}");
    }
    assert_eq!(extract("forum-thread").confidence, 0.9, "a thread its page declares");
}

#[test]
fn the_lead_image_is_the_articles_picture_not_an_icon_a_logo_or_a_copy() {
    let story = story(3);
    let page = |head: &str, body: &str| format!("<html><head><title>Harbour</title>{head}</head><body><article><h1>Harbour</h1>{story}{body}</article></body></html>");
    let lead = |html: &str| decant::extract(html, URL, &decant::Options::default()).expect("article").lead_image;
    for head in [
        "<meta property=og:image content='/apple-touch-icon.png'>",
        "<meta property=og:image content='/static/site-logo.png'>",
        "<meta property=og:image content='/img/og-default.jpg'>",
        "<meta property=og:image content='/i/a.jpg'><meta property=og:image:width content=180><meta property=og:image:height content=180>",
    ] {
        assert_eq!(lead(&page(head, "")), None, "{head}");
    }
    assert!(lead(&page("<meta property=og:image content='/2026/05/harbour.jpg'>", "")).is_some());
    // The same picture at another size in the text: the saved file shows it once.
    let html = page("<meta property=og:image content='/2026/05/harbour.jpg'>", "<figure><img src='/2026/05/harbour-1024x683.jpg' alt='The harbour'></figure>");
    let article = decant::extract(&html, URL, &decant::Options::default()).expect("article");
    assert!(article.lead_image.is_some(), "the book's cover went too");
    let saved = decant::html_document(&article, &decant::Export::default());
    assert!(!saved.contains("class=\"decant-lead-image\"") && !saved.contains("Lead image not saved"), "{saved}");
}

#[test]
fn a_counter_of_views_or_shares_is_not_text_but_a_number_in_a_sentence_is() {
    let story = story(4);
    let counters = "<div class=meta><p><i></i> <span>1,693</span> views</p></div><ul><li>12 Comments</li><li>3.4K shares</li></ul>";
    let kept = "<p>Fewer than 2,000 views were recorded that year, a third of the year before.</p>";
    let page = format!("<html><body><article><h1>Counted</h1>{counters}{story}<h2>Figures</h2>{kept}</article></body></html>");
    let (a, removals) = decant::explain(&page, URL, &decant::Options::default()).expect("article");
    for gone in ["1,693", "12 Comments", "3.4K shares"] {
        assert!(!a.text.contains(gone), "{gone} kept: {}", a.text);
    }
    assert!(removals.iter().any(|r| r.rule.starts_with("a counter") && r.text.starts_with("1,693 views")), "{removals:#?}");
    assert!(a.text.contains("Fewer than 2,000 views were recorded"), "{}", a.text);
}

#[test]
fn a_byline_written_in_several_elements_is_the_name_alone() {
    // The label, the name and the date each in an element of their own, with no space between
    // them in the source, as a page's template writes them: the name does not run into either.
    let page = |byline: &str| {
        format!(
            "<html><head><title>Lighthouse keepers</title></head><body><article><h1>Lighthouse keepers</h1>{byline}{}{}{}</article></body></html>",
            para("The last keepers left the rock in the spring"),
            para("Their logbooks went to the county archive"),
            para("Visitors can climb the tower on Sundays")
        )
    };
    let byline = |html: &str| decant::extract(html, URL, &decant::Options::default()).expect("an article").byline;
    assert_eq!(byline(&page("<div class=\"byline\"><span>By</span><a href=\"/authors/ada\">Ada Fenwick</a><span>March 3, 2025</span></div>")).as_deref(), Some("Ada Fenwick"));
    assert_eq!(byline(&page("<div class=\"byline\"><a href=\"/authors/ada\">Ada Fenwick</a><span>Staff Writer</span></div>")).as_deref(), Some("Ada Fenwick"));
    // A byline that only says when, the name drawn by a script: no byline rather than a month.
    assert_eq!(byline(&page("<div class=\"byline\"><span></span><time datetime=\"2025-03-03\">March 3, 2025</time></div>")), None);
}

#[test]
fn the_date_line_by_the_headline_dates_the_page_and_leaves_the_text() {
    let page = |date_line: &str| {
        format!(
            "<html><head><title>Lighthouse keepers</title></head><body><article><header><h1>Lighthouse keepers</h1>{date_line}</header>{}{}{}</article></body></html>",
            para("The last keepers left the rock in the spring"),
            para("Their logbooks went to the county archive"),
            para("Visitors can climb the tower on Sundays")
        )
    };
    let a = decant::extract(&page("<p class=\"date\">February 9, 2016</p>"), URL, &decant::Options::default()).expect("an article");
    assert_eq!(a.published_time.as_deref(), Some("2016-02-09"));
    assert!(!a.text.contains("2016"), "{}", a.text);
    let (_, removals) = decant::explain(&page("<p class=\"date\">February 9, 2016</p>"), URL, &decant::Options::default()).expect("a report");
    let r: Vec<(String, String, String)> = removals.into_iter().map(|r| (r.stage.to_string(), r.rule.to_string(), r.text)).collect();
    assert!(has_removal(&r, "clean", "the date", "February 9, 2016"), "{r:#?}");
    // A line that says something besides a date stays in the text, and dates nothing.
    let a = decant::extract(&page("<p>Rebuilt in 1921, after the storm of March 3, 1920, it still stands.</p>"), URL, &decant::Options::default()).expect("an article");
    assert_eq!(a.published_time, None);
    assert!(a.text.contains("Rebuilt in 1921"), "{}", a.text);
}
