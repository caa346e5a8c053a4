//! The saved formats, on the fixture pages: Markdown renders the article's structure (checked with
//! a CommonMark parser), HTML is self-contained and inert, EPUB passes epubcheck, text is wrapped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use decant::test_api::Dom;
use decant::Export;
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

const URL: &str = "https://news.example/2026/03/story.html";
/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15,
    0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0xf8, 0xcf, 0x50, 0x0f, 0, 0x03, 0x86, 0x01, 0x80, 0x5a, 0x34,
    0x7d, 0x6b, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

fn fixtures() -> Vec<(String, decant::Article)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).expect("fixtures").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "html")) {
        let html = std::fs::read_to_string(&path).expect("fixture");
        if let Ok(a) = decant::extract(&html, URL, &decant::Options::default()) {
            out.push((path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string(), a));
        }
    }
    assert!(out.len() >= 15, "only {} fixtures have an article", out.len());
    out
}

/// Every image fetched, except those whose URL contains "missing".
fn with_images(article: &decant::Article) -> Export {
    let mut export = Export { saved: Some("2026-11-28".to_string()), ..Default::default() };
    for url in decant::image_urls(article) {
        if url.contains("missing") {
            export.missing.insert(url, "the server answered 404".to_string());
        } else {
            export.add_image(&url, "image/png", PNG.to_vec());
        }
    }
    export
}

/// What a reader sees of an article's structure: headings, list items, code blocks, table rows,
/// images, links, footnotes and formulas, each in order.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    headings: Vec<(u8, String)>,
    list_items: usize,
    code: Vec<String>,
    table_rows: usize,
    images: Vec<String>,
    links: Vec<String>,
    footnotes: usize,
    math: usize,
}

fn markdown_shape(md: &str) -> Shape {
    let body = md.strip_prefix("---\n").and_then(|r| r.split_once("\n---\n")).map_or(md, |(_, b)| b);
    let options = MdOptions::ENABLE_TABLES | MdOptions::ENABLE_FOOTNOTES | MdOptions::ENABLE_STRIKETHROUGH | MdOptions::ENABLE_MATH;
    let mut shape = Shape::default();
    let mut heading: Option<(u8, String)> = None;
    let mut code: Option<String> = None;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level as u8, String::new())),
            Event::End(TagEnd::Heading(_)) => shape.headings.extend(heading.take().map(|(l, t)| (l, t.trim().to_string()))),
            Event::Start(Tag::Item) => shape.list_items += 1,
            Event::Start(Tag::CodeBlock(_)) => code = Some(String::new()),
            Event::End(TagEnd::CodeBlock) => shape.code.extend(code.take().map(|c| c.trim_end().to_string())),
            Event::Start(Tag::TableHead | Tag::TableRow) => shape.table_rows += 1,
            Event::Start(Tag::Image { dest_url, .. }) => shape.images.push(dest_url.to_string()),
            Event::Start(Tag::Link { dest_url, .. }) => shape.links.push(dest_url.to_string()),
            Event::Start(Tag::FootnoteDefinition(_)) => shape.footnotes += 1,
            Event::InlineMath(_) | Event::DisplayMath(_) => shape.math += 1,
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some(c) = code.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    shape
}

fn html_shape(article: &decant::Article) -> Shape {
    let dom = Dom::parse_fragment(&article.content);
    let mut shape = Shape::default();
    if !article.title.trim().is_empty() {
        shape.headings.push((1, decant::test_api::normalize_space(article.title.trim())));
    }
    let footnote_ids: Vec<String> = dom.descendants(dom.root()).filter_map(|n| dom.attr(n, "href")?.strip_prefix('#').map(str::to_string)).collect();
    for n in dom.descendants(dom.root()) {
        let Some(tag) = dom.tag(n) else { continue };
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = decant::test_api::normalize_space(&dom.text_content(n));
                if !text.is_empty() {
                    shape.headings.push((tag.as_bytes()[1] - b'0', text));
                }
            }
            "li" if dom.attr(n, "id").is_some_and(|id| footnote_ids.iter().any(|f| f == id)) => shape.footnotes += 1,
            "li" => shape.list_items += 1,
            "pre" => shape.code.push(decant::test_api::plain_code(&dom, n).trim_end().to_string()),
            "tr" => shape.table_rows += 1,
            "img" => shape.images.extend(dom.attr(n, "src").map(str::to_string)),
            "a" => {
                let href = dom.attr(n, "href").unwrap_or("");
                let is_note_link = href.strip_prefix('#').is_some_and(|id| {
                    dom.descendants(dom.root()).any(|m| dom.is(m, "li") && dom.attr(m, "id") == Some(id))
                        || dom.ancestors(n).any(|p| dom.is(p, "li") && dom.attr(p, "id").is_some_and(|i| footnote_ids.iter().any(|f| f == i)))
                });
                if !href.is_empty() && !is_note_link && !decant::test_api::normalize_space(&dom.text_content(n)).is_empty() {
                    shape.links.push(href.to_string());
                }
            }
            "math" => shape.math += 1,
            // A video frame is saved as a link to the video.
            "iframe" => shape.links.extend(dom.attr(n, "src").map(str::to_string)),
            _ => {}
        }
    }
    shape
}

#[test]
fn markdown_renders_the_structure_of_the_article() {
    let mut compared = BTreeMap::new();
    for (name, article) in fixtures() {
        // Layout tables the engine unwrapped into divs, and pages whose footnote links have no
        // list, are judged by the other fields.
        let md = decant::to_markdown(&article);
        let (got, want) = (markdown_shape(&md), html_shape(&article));
        assert_eq!(got, want, "{name}: the Markdown renders a different structure\n{md}");
        compared.insert(name, want.headings.len());
    }
    assert!(compared.len() >= 15);
}

#[test]
fn markdown_starts_with_front_matter() {
    let article = fixtures().into_iter().find(|(n, _)| n == "news-article").expect("news-article").1;
    let md = decant::markdown(&article, &Export { saved: Some("2026-11-28".into()), ..Default::default() });
    let front = md.strip_prefix("---\n").and_then(|r| r.split_once("\n---\n")).map(|(f, _)| f).expect("front matter");
    let fields: Vec<&str> = front.lines().map(|l| l.split(':').next().unwrap_or("")).collect();
    assert_eq!(fields, ["title", "author", "url", "site", "published", "saved", "excerpt", "lang", "tags"]);
    assert!(front.contains("saved: \"2026-11-28\""));
    assert!(front.ends_with("\ntags: [\"Climate\", \"Council\", \"Harbor\"]"), "{front}");
    assert!(md.contains("\n---\n\n# Harbor Town Votes to Rebuild Its Seawall After Winter Storms\n"));
}

#[test]
fn saved_html_is_self_contained_and_inert() {
    for (name, article) in fixtures() {
        let export = with_images(&article);
        let html = decant::html_document(&article, &export);
        let dom = Dom::parse_document(&html);
        for n in dom.descendants(dom.root()) {
            let Some(el) = dom.element(n) else { continue };
            assert!(!matches!(el.name.as_str(), "script" | "iframe" | "object" | "embed" | "base" | "form"), "{name}: <{}>", el.name);
            // The one <link> names the original page; it loads nothing.
            assert!(&*el.name != "link" || el.attr("rel") == Some("canonical"), "{name}: a <link> that loads something");
            for (k, v) in &el.attrs {
                assert!(!k.starts_with("on"), "{name}: {k} on <{}>", el.name);
                if matches!(k.as_str(), "src" | "srcset" | "poster" | "data" | "background") {
                    assert!(v.starts_with("data:image/"), "{name}: {k}={v:?} would load from the network");
                }
            }
        }
        assert!(html.contains("default-src 'none'"), "{name}: no Content-Security-Policy");
        assert!(html.contains("<style>") && html.contains(".decant-content"), "{name}: no styles");
        for url in decant::image_urls(&article) {
            if url.contains("missing") {
                assert!(html.contains("[Image not saved") && html.contains("404"), "{name}: no note for {url}");
            } else {
                assert!(!html.contains(&format!("src=\"{url}\"")), "{name}: {url} is not inlined");
            }
        }
    }
}

#[test]
fn a_missing_image_leaves_a_note_and_the_article() {
    let html = "<html><head><title>Two pictures</title></head><body><article><h1>Two pictures</h1><p>The first picture loads and the second does not, which happens to servers as much as to people. Both stay in the saved file: one inline, one as a note of where it was.</p><figure><img src=\"/images/ok.png\" alt=\"The good one\"></figure><figure><img src=\"/missing/gone.png\" alt=\"The lost one\"></figure><p>That is the whole story, told twice so that there is enough of it to read.</p></article></body></html>";
    let article = decant::extract(html, URL, &decant::Options::default()).expect("article");
    let export = with_images(&article);
    let saved = decant::html_document(&article, &export);
    assert!(saved.contains("<img alt=\"The good one\" src=\"data:image/png;base64,"), "{saved}");
    assert!(saved.contains("[Image not saved (The lost one): https://news.example/missing/gone.png: the server answered 404]"), "{saved}");
    assert!(saved.contains("That is the whole story"));
}

#[test]
fn a_lead_image_that_was_not_fetched_is_noted_in_the_file_and_the_book() {
    let html = "<html><head><title>The cover</title><meta property=\"og:image\" content=\"https://cdn.example/missing/cover.jpg?w=1200&amp;h=630\"></head><body><article><h1>The cover</h1><p>The picture above this story lives on another site, which would not hand it over, so the saved copies say where it was instead of dropping it.</p><p>That is the whole story, told twice so that there is enough of it to read in one sitting.</p></article></body></html>";
    let article = decant::extract(html, URL, &decant::Options::default()).expect("article");
    assert_eq!(article.lead_image.as_deref(), Some("https://cdn.example/missing/cover.jpg?w=1200&h=630"));
    let export = with_images(&article);
    let note = "[Lead image not saved: https://cdn.example/missing/cover.jpg?w=1200&amp;h=630: the server answered 404]";
    let saved = decant::html_document(&article, &export);
    assert!(saved.contains(note), "{saved}");
    let book = decant::epub(&article, &export);
    let text = String::from_utf8_lossy(&book);
    assert!(!text.contains("cover-image"), "a book without its cover declares one");
    assert!(stored_entry(&text, "OEBPS/article.xhtml", "</html>").contains(note), "the book does not say its cover is missing");
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("epub").join("missing-cover.epub");
    std::fs::create_dir_all(path.parent().expect("dir")).expect("temp dir");
    std::fs::write(&path, &book).expect("write book");
    if let Err(report) = epubcheck(&path) {
        panic!("{report}");
    }
    // Fetched, the lead image is inside and the note is gone.
    let fetched = decant::html_document(&article, &Export { images: [(article.lead_image.clone().expect("lead"), decant::Image { mime: "image/jpeg".into(), bytes: vec![0xff, 0xd8, 0xff] })].into(), ..Export::default() });
    assert!(fetched.contains("class=\"decant-lead-image\"><img src=\"data:image/jpeg;base64,") && !fetched.contains("not saved"), "{fetched}");
}

fn epubcheck(path: &Path) -> Result<(), String> {
    let jar = std::env::var("EPUBCHECK_JAR").unwrap_or_else(|_| "/usr/share/java/epubcheck.jar".to_string());
    assert!(Path::new(&jar).exists(), "epubcheck is not installed at {jar} (scripts/setup.sh installs it; or set EPUBCHECK_JAR)");
    let out = Command::new("java").args(["-jar", &jar, "--quiet"]).arg(path).output().map_err(|e| format!("cannot run java: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    }
}

#[test]
fn epub_books_pass_epubcheck() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("epub");
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Every fixture's book (the hostile markup of xss-attacks among them), two checks at a time
    // (epubcheck starts a Java machine for each).
    let books: Vec<(String, PathBuf)> = fixtures()
        .into_iter()
        .map(|(name, article)| {
            let path = dir.join(format!("{name}.epub"));
            std::fs::write(&path, decant::epub(&article, &with_images(&article))).expect("write book");
            (name, path)
        })
        .collect();
    assert!(books.iter().any(|(n, _)| n == "xss-attacks"));
    let failures: Vec<String> = std::thread::scope(|scope| {
        let halves: Vec<_> = books
            .chunks(books.len().div_ceil(2))
            .map(|half| scope.spawn(move || half.iter().filter_map(|(name, path)| epubcheck(path).err().map(|r| format!("{name}:\n{r}"))).collect::<Vec<_>>()))
            .collect();
        halves.into_iter().flat_map(|h| h.join().expect("epubcheck thread")).collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_book_with_no_break_spaces_passes_epubcheck() {
    let html = "<html lang=\"fr\"><head><title>Espaces\u{a0}insécables</title></head><body><article><h1>Espaces insécables</h1><p>En français on écrit «\u{a0}bonjour\u{a0}» avec des espaces insécables, et 10&nbsp;km aussi, ce qui fait un paragraphe assez long pour être un article à lui seul, avec des virgules et des mots.</p><p>Un second paragraphe suit, lui aussi assez long, pour que le moteur le garde avec le premier et que le livre ait un vrai texte.</p></article></body></html>";
    let article = decant::extract(html, URL, &decant::Options::default()).expect("article");
    assert!(article.content.contains('\u{a0}') || article.content.contains("&nbsp;"), "the fixture lost its no-break spaces");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("epub");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("no-break-spaces.epub");
    std::fs::write(&path, decant::epub(&article, &with_images(&article))).expect("write book");
    if let Err(report) = epubcheck(&path) {
        panic!("{report}");
    }
}

#[test]
fn epub_has_its_metadata_cover_and_images_inside() {
    let html = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/metadata-sources.html")).expect("fixture");
    let article = decant::extract(&html, URL, &decant::Options::default()).expect("article");
    let book = decant::epub(&article, &with_images(&article));
    let text = String::from_utf8_lossy(&book);
    assert!(book.starts_with(b"PK\x03\x04"));
    assert_eq!(&book[30..38], b"mimetype");
    assert_eq!(&book[38..58], b"application/epub+zip");
    for needle in [
        "<dc:title>Die Rückkehr der Nachtigall in die Stadtparks</dc:title>",
        "<dc:creator>Lena Vogt</dc:creator>",
        "<dc:language>de</dc:language>",
        "<dc:date>2026-05-07</dc:date>",
        "<dc:source>https://news.example/2026/03/story.html</dc:source>",
        "<meta property=\"dcterms:modified\">2026-11-28T00:00:00Z</meta>",
        "properties=\"cover-image\"",
        "OEBPS/images/image-1.png",
    ] {
        assert!(text.contains(needle), "the book lacks {needle}");
    }
    // Same input, same bytes.
    assert_eq!(book, decant::epub(&article, &with_images(&article)));
}

#[test]
fn plain_text_has_title_and_source_first_and_wraps() {
    let article = fixtures().into_iter().find(|(n, _)| n == "news-article").expect("news-article").1;
    let text = decant::plain_text(&article);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Harbor Town Votes to Rebuild Its Seawall After Winter Storms"));
    assert!(lines.next().is_some_and(|l| l.chars().all(|c| c == '=')));
    assert_eq!(lines.next(), Some("Marta Lindqvist · The Coastal Ledger · 2026-03-14"));
    assert_eq!(lines.next(), Some("Tags: Climate, Council, Harbor"));
    assert_eq!(lines.next(), Some(URL));
    for line in text.lines() {
        assert!(line.chars().count() <= 72 || !line.contains(' '), "a line longer than 72: {line:?}");
    }
    assert!(text.contains("voted seven to two"));
}

#[test]
fn the_tags_are_the_books_subjects_and_the_saved_pages_header() {
    let article = fixtures().into_iter().find(|(n, _)| n == "news-article").expect("news-article").1;
    let book = decant::epub(&article, &Export::default());
    let text = String::from_utf8_lossy(&book);
    assert!(text.contains("<dc:subject>Climate</dc:subject>\n<dc:subject>Council</dc:subject>\n<dc:subject>Harbor</dc:subject>"), "no subjects");
    let html = decant::html_document(&article, &Export::default());
    assert!(html.contains("</h1><ul class=\"decant-tags\" aria-label=\"Tags\"><li>Climate</li><li>Council</li><li>Harbor</li></ul><p class=\"decant-meta\">"));
}

#[test]
fn the_subtitle_is_under_the_title_in_every_format() {
    let article = fixtures().into_iter().find(|(n, _)| n == "dek-under-the-title").expect("dek-under-the-title").1;
    let dek = "Satellite navigation made the keepers redundant, but the towers are finding second lives as hostels, museums and weather stations.";
    let md = decant::markdown(&article, &Export::default());
    assert!(md.contains(&format!("\nsubtitle: \"{dek}\"\n")), "{md}");
    assert!(md.contains(&format!("# Why Lighthouses Went Dark\n\n*{dek}*\n\n")), "{md}");
    assert_eq!(md.matches("Satellite navigation").count(), 2, "front matter and under the title, not in the text too");
    let html = decant::html_document(&article, &Export::default());
    assert!(html.contains(&format!("</h1><p class=\"decant-subtitle\">{dek}</p>")), "{html}");
    let text = decant::plain_text(&article);
    assert!(text.starts_with("Why Lighthouses Went Dark\n=========================\nSatellite navigation made the keepers redundant, but the towers are\nfinding"), "{text}");
    let book = decant::epub(&article, &Export::default());
    assert!(String::from_utf8_lossy(&book).contains("<p class=\"decant-subtitle\">Satellite"), "the book's title page has it");
}

/// Raw HTML the Markdown writer puts in itself (superscripts and subscripts): any other raw HTML
/// in a saved file came from the page, and a note app or site generator that renders raw HTML
/// would run it.
const OWN_HTML: &[&str] = &["<sup>", "</sup>", "<sub>", "</sub>"];

/// What a CommonMark parser finds in `md` that the writer did not mean: raw HTML it did not write
/// itself, and links or images to anything but http, https or mailto (and images inside the file).
fn markdown_hazards(md: &str) -> Vec<String> {
    let body = md.strip_prefix("---\n").and_then(|r| r.split_once("\n---\n")).map_or(md, |(_, b)| b);
    let options = MdOptions::ENABLE_TABLES | MdOptions::ENABLE_FOOTNOTES | MdOptions::ENABLE_STRIKETHROUGH | MdOptions::ENABLE_MATH;
    let mut hazards = Vec::new();
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) if !OWN_HTML.contains(&h.trim()) => hazards.push(format!("raw HTML {h:?}")),
            Event::Start(Tag::Image { dest_url, .. }) if dest_url.starts_with("data:image/") => {}
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let scheme = dest_url.split_once(':').map(|(s, _)| s).filter(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)));
                if scheme.is_some_and(|s| !matches!(s.to_ascii_lowercase().as_str(), "http" | "https" | "mailto")) {
                    hazards.push(format!("link to {dest_url:?}"));
                }
            }
            _ => {}
        }
    }
    hazards
}

#[test]
fn markdown_of_every_fixture_holds_no_raw_html_or_script_links() {
    for (name, article) in fixtures() {
        let md = decant::to_markdown(&article);
        assert_eq!(markdown_hazards(&md), Vec::<String>::new(), "{name}");
    }
}

/// Page text lands in the title, the headings, an image's alt and title, link text and URLs and
/// table cells: in each, text that looks like Markdown or HTML stays text, read back as written.
#[test]
fn page_text_that_looks_like_markup_stays_text_in_markdown() {
    const TITLE: &str = r"<img src=x onerror=alert(1)> [click](javascript:alert(1)) in C#";
    const ALT: &str = r"a](javascript:alert(1)) <b>bold</b> \";
    const IMAGE_TITLE: &str = r#"t\" onerror=alert(1) \"#;
    let text = "Plain words long enough to be the article's own text, said again. ".repeat(12);
    let html = format!(
        "<!DOCTYPE html><html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{text}</p>\
         <p><img src=\"https://img.example/a.png\" alt=\"{alt}\" title=\"{title}\"></p>\
         <p>See &lt;script&gt;alert(1)&lt;/script&gt;, &amp;lt;b&amp;gt;, $5 and $6, *not em*, \
         <a href=\"https://x.example/a\\\">a link \\</a> and <a href=\"https://x.example/b\">[x](javascript:alert(1))</a>.</p>\
         <table><tr><th>Cell</th><th>Other</th></tr><tr><td>a | b <code>c|d</code></td><td>&lt;i&gt;</td></tr></table>\
         <p>{text}</p></article></body></html>",
        t = escape_html(TITLE),
        alt = escape_html(ALT),
        title = escape_html(IMAGE_TITLE),
    );
    let article = decant::extract(&html, URL, &decant::Options::default()).expect("article");
    assert_eq!(article.title, TITLE);
    let md = decant::to_markdown(&article);
    assert_eq!(markdown_hazards(&md), Vec::<String>::new(), "{md}");
    // Read back: the title is the first heading's text, the image keeps its alt and title.
    let body = md.split_once("\n---\n").map_or(md.as_str(), |(_, b)| b);
    let options = MdOptions::ENABLE_TABLES | MdOptions::ENABLE_MATH;
    let (mut heading, mut in_heading, mut alt, mut in_image, mut image_title, mut cells) = (String::new(), false, String::new(), false, String::new(), Vec::new());
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(Tag::Heading { .. }) if heading.is_empty() => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::Image { title, .. }) => (in_image, image_title) = (true, title.to_string()),
            Event::End(TagEnd::Image) => in_image = false,
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => cells.extend(cell.take()),
            Event::Text(t) | Event::Code(t) => {
                if in_heading {
                    heading.push_str(&t);
                }
                if in_image {
                    alt.push_str(&t);
                }
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    assert_eq!(heading, TITLE, "{md}");
    assert_eq!(alt, ALT, "{md}");
    assert_eq!(image_title, IMAGE_TITLE.trim(), "{md}");
    assert_eq!(cells, ["Cell", "Other", "a | b c|d", "<i>"], "{md}");
    assert!(md.contains(r"\$5 and \$6"), "{md}");
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Formulas read back from the Markdown by a CommonMark parser with math are the TeX the page
/// gave (its annotation or script), and MathML without TeX becomes TeX a renderer reads (braces
/// kept: `\frac{n}{k}`, not `\fracnk`).
#[test]
fn formulas_survive_a_markdown_round_trip() {
    let formulas = |md: &str| -> Vec<String> {
        let body = md.split_once("\n---\n").map_or(md, |(_, b)| b);
        Parser::new_ext(body, MdOptions::ENABLE_MATH)
            .filter_map(|e| match e {
                Event::InlineMath(t) | Event::DisplayMath(t) => Some(t.trim().to_string()),
                _ => None,
            })
            .collect()
    };
    let math = fixtures().into_iter().find(|(n, _)| n == "math").expect("math fixture").1;
    let dom = Dom::parse_fragment(&math.content);
    let sources: Vec<String> = dom.descendants(dom.root()).filter(|&n| dom.is(n, "annotation")).map(|n| dom.text_content(n).trim().to_string()).collect();
    let read = formulas(&decant::to_markdown(&math));
    assert!(sources.len() >= 2, "{sources:?}");
    for source in &sources {
        assert!(read.contains(source), "{source:?} is not read back from the Markdown: {read:?}");
    }
    let text = "Plain words long enough to be the article's own text, said again. ".repeat(12);
    let html = format!(
        "<!DOCTYPE html><html><head><title>Choose</title></head><body><article><h1>Choose</h1><p>{text}</p>\
         <p>Choose <math><mfrac><mi>n</mi><mi>k</mi></mfrac></math> of them, or <math><mroot><mi>x</mi><mn>3</mn></mroot></math> and pay $5.</p><p>{text}</p></article></body></html>"
    );
    let article = decant::extract(&html, URL, &decant::Options::default()).expect("article");
    assert_eq!(formulas(&decant::to_markdown(&article)), ["\\frac{n}{k}", "\\sqrt[3]{x}"]);
}

/// The text of the stored (uncompressed) ZIP entry of `book` that begins with `start` and ends
/// with `end`.
fn stored_entry<'a>(book: &'a str, start: &str, end: &str) -> &'a str {
    let at = book.find(start).unwrap_or_else(|| panic!("no {start} in the book"));
    let len = book[at..].find(end).unwrap_or_else(|| panic!("no {end} after {start}")) + end.len();
    &book[at..at + len]
}

/// The book's table of contents lists the article's sections, nested as their headings are, and
/// each entry leads to its heading.
#[test]
fn the_books_contents_list_the_sections_nested() {
    let article = fixtures().into_iter().find(|(n, _)| n == "long-article").expect("long-article").1;
    let book = decant::epub(&article, &with_images(&article));
    let book = String::from_utf8_lossy(&book);
    let nav = Dom::parse_fragment(stored_entry(&book, "<nav epub:type=\"toc\"", "</nav>"));
    let chapter = stored_entry(&book, "<main><article class=\"decant-article\">", "</main>");
    // Each entry: its depth (lists above it), its text, and whether its target is in the chapter.
    let entries: Vec<(usize, String, bool)> = nav
        .descendants(nav.root())
        .filter(|&n| nav.is(n, "a"))
        .map(|a| {
            let depth = nav.ancestors(a).filter(|&p| nav.is(p, "ol")).count();
            let target = nav.attr(a, "href").unwrap_or("").split_once('#').is_none_or(|(_, id)| chapter.contains(&format!("id=\"{id}\"")));
            (depth, decant::test_api::normalize_space(&nav.text_content(a)), target)
        })
        .collect();
    assert_eq!(entries[0], (1, article.title.clone(), true));
    let parts: Vec<&(usize, String, bool)> = entries.iter().filter(|e| e.0 == 2).collect();
    let steps: Vec<&(usize, String, bool)> = entries.iter().filter(|e| e.0 == 3).collect();
    assert_eq!(parts.len(), 6, "{entries:?}");
    assert_eq!(steps.len(), 6, "{entries:?}");
    assert!(parts[0].1.starts_with("Part 1") && steps[0].1 == "How the readings were taken", "{entries:?}");
    assert!(entries.iter().all(|e| e.2), "an entry leads nowhere: {entries:?}");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("epub");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("long-article.epub");
    std::fs::write(&path, decant::epub(&article, &with_images(&article))).expect("write book");
    epubcheck(&path).expect("the book passes epubcheck");
}

/// The entries of a ZIP archive of stored entries (as Decant writes them), by name.
fn stored_zip_entries(zip: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut entries = BTreeMap::new();
    let mut at = 0;
    while zip.get(at..at + 4) == Some(&[0x50, 0x4b, 0x03, 0x04]) {
        let u16_at = |i: usize| u16::from_le_bytes([zip[at + i], zip[at + i + 1]]) as usize;
        let size = u32::from_le_bytes(zip[at + 18..at + 22].try_into().expect("size")) as usize;
        assert_eq!(u16_at(8), 0, "entries are stored");
        let (name_len, extra) = (u16_at(26), u16_at(28));
        let name = String::from_utf8(zip[at + 30..at + 30 + name_len].to_vec()).expect("UTF-8 name");
        let data = at + 30 + name_len + extra;
        entries.insert(name, zip[data..data + size].to_vec());
        at = data + size;
    }
    entries
}

#[test]
fn markdown_with_images_is_a_textpack_whose_markdown_links_its_images() {
    let html = "<html><head><title>Two pictures</title></head><body><article><h1>Two pictures</h1><p>The first picture loads and the second does not, which happens to servers as much as to people. Both stay in the saved file: one inside, one as a link to where it was.</p><figure><img src=\"/images/ok.png\" alt=\"The good one\"></figure><p>Between the pictures, a paragraph long enough to be read as part of the story and kept.</p><figure><img src=\"/missing/gone.png\" alt=\"The lost one\"></figure><figure><img src=\"/images/ok.png\" alt=\"The good one again\"></figure><p>That is the whole story, told twice so that there is enough of it to read.</p></article></body></html>";
    let article = decant::extract(html, URL, &decant::Options::default()).expect("article");
    let pack = decant::textpack(&article, &with_images(&article));
    let entries = stored_zip_entries(&pack);
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    assert_eq!(names, ["Two pictures.textbundle/assets/image-1.png", "Two pictures.textbundle/info.json", "Two pictures.textbundle/text.markdown"]);
    let info: serde_json::Value = serde_json::from_slice(&entries["Two pictures.textbundle/info.json"]).expect("info.json is JSON");
    assert_eq!(info["version"], 2);
    assert_eq!(info["type"], "net.daringfireball.markdown");
    assert_eq!(info["sourceURL"], URL);
    assert_eq!(entries["Two pictures.textbundle/assets/image-1.png"], PNG);
    let md = String::from_utf8(entries["Two pictures.textbundle/text.markdown"].clone()).expect("UTF-8");
    // Each image once in the assets, linked wherever the text shows it; the missing one keeps its address.
    let images: Vec<String> = Parser::new(&md).filter_map(|e| if let Event::Start(Tag::Image { dest_url, .. }) = e { Some(dest_url.to_string()) } else { None }).collect();
    assert_eq!(images, ["assets/image-1.png", "https://news.example/missing/gone.png", "assets/image-1.png"], "{md}");
    // The rest is the Markdown the plain format writes.
    let plain = decant::markdown(&article, &with_images(&article));
    assert_eq!(md.replace("assets/image-1.png", "https://news.example/images/ok.png"), plain);
    // Same input, same bytes.
    assert_eq!(pack, decant::textpack(&article, &with_images(&article)));
}

#[test]
fn the_saved_header_says_when_the_page_was_updated_after_it_was_published() {
    let text = "<p>A story long enough to be read as one, with a clause or two and a full stop at the end of it.</p>".repeat(3);
    let page = |published: &str, modified: &str| format!("<html><head><title>Tides</title><meta property=\"article:published_time\" content=\"{published}\"><meta property=\"article:modified_time\" content=\"{modified}\"></head><body><article><h1>Tides</h1>{text}</article></body></html>");
    let header = |html: &str| {
        let a = decant::extract(html, URL, &decant::Options::default()).expect("article");
        let saved = decant::html_document(&a, &Export::default());
        let at = saved.find("<p class=\"decant-meta\">").expect("meta line");
        saved[at..at + saved[at..].find("</p>").expect("end")].to_string()
    };
    let later = header(&page("2026-05-07T08:00:00Z", "2026-06-01T10:00:00Z"));
    assert!(later.contains("2026-05-07") && later.contains("Updated 2026-06-01"), "{later}");
    let same_day = header(&page("2026-05-07T08:00:00Z", "2026-05-07T18:00:00Z"));
    assert!(!same_day.contains("Updated"), "{same_day}");
}
