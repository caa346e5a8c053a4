//! Broken and hostile input: every case gives an article or a typed error, never a panic.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use decant::{extract, to_markdown, Error, Options};

const URL: &str = "https://news.example/a/story.html";

/// A paragraph long enough to be an article on its own.
const PARAGRAPH: &str = "The ferry across the sound has run since 1898, first under sail and then under steam, and the \
    crossing still takes forty minutes in fair weather. Islanders use it the way others use a bus, with \
    shopping bags and bicycles, and they know each crew member by name.";

fn page(body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>The Ferry</title></head><body><article><h1>The Ferry</h1><p>{PARAGRAPH}</p>{body}<p>{PARAGRAPH}</p></article></body></html>")
}

/// Runs every converter on the result, so that they are exercised too.
fn run(html: &str, url: &str) -> Result<decant::Article, Error> {
    let result = extract(html, url, &Options::default());
    if let Ok(a) = &result {
        let _ = to_markdown(a);
        let _ = decant::test_api::html_to_markdown(&a.content);
        let dom = decant::test_api::Dom::parse_fragment(&a.content);
        let _ = decant::test_api::plain_text(&dom, dom.root());
    }
    result
}

#[test]
fn empty_and_blank_input_is_a_typed_error() {
    for input in ["", "   \n\t  ", "\u{feff}"] {
        assert!(matches!(run(input, URL), Err(Error::EmptyInput)), "{input:?}");
    }
}

#[test]
fn binary_junk_is_refused_as_not_html() {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    assert!(matches!(run(&text, URL), Err(Error::NotHtml)));
    let png = "\u{89}PNG\r\n\u{1a}\n\0\0\0\rIHDR";
    assert!(matches!(run(png, URL), Err(Error::NotHtml)));
    // A page with a few bad bytes is still a page.
    let latin1 = String::from_utf8_lossy(&page("<p>Caf\u{e9} au lait on the upper deck.</p>").replace('\u{e9}', "\u{fffd}").into_bytes()).into_owned();
    assert!(run(&latin1, URL).is_ok());
}

#[test]
fn unclosed_and_misnested_tags_still_give_the_article() {
    let html = format!("<html><body><article><h1>The Ferry<p>{PARAGRAPH}<p>{PARAGRAPH}<b><i>bold</b>italic</i><table><tr><td>cell<div><ul><li>one<li>two<p>{PARAGRAPH}");
    let a = run(&html, URL).expect("an article");
    assert!(a.text.contains("crossing still takes forty minutes"));
    // A page cut off mid-paragraph (a download that stopped) keeps the text that arrived: it is all
    // the page has, so it is the article.
    let full = page("");
    let truncated = &full[..full.len() / 2];
    let cut = run(truncated, URL).expect("the text that arrived");
    assert!(cut.text.starts_with("The ferry across the sound"), "{:?}", cut.text);
    assert!(!cut.text.contains("each crew member"), "{:?}", cut.text);
}

#[test]
fn a_hostile_base_never_makes_links_unsafe_or_breaks_them() {
    let links = r#"<p>See <a href="/timetable">the timetable</a> and <img src="boat.jpg" alt="the boat">.</p>"#;
    for base in ["javascript:alert(1)//", "data:text/html,<script>alert(1)</script>", "http://[::1", "//", "https://", "\u{0}", "https://evil.example/ x"] {
        let html = page(links).replace("<head>", &format!("<head><base href=\"{base}\">"));
        let a = run(&html, URL).unwrap_or_else(|e| panic!("base {base:?}: {e}"));
        let lower = a.content.to_lowercase();
        assert!(!lower.contains("javascript:") && !lower.contains("data:text"), "base {base:?}: {}", a.content);
        assert!(a.content.contains("the timetable"), "base {base:?} lost the link text");
    }
}

#[test]
fn urls_that_do_not_parse_are_dropped_or_kept_harmlessly() {
    let body = r#"<p><a href="http://[">one</a> <a href="https://exa mple.com/a b">two</a> <a href="http://%zz%">three</a>
        <a href="https://example.com:99999/">four</a> <a href="\\\\server\\share">five</a> <img src="https://[::1/x.png" alt="v6">
        <img srcset=", , ,,, 2x, https://ok.example/a.png 3q" alt="bad srcset"> <a href="mailto:">six</a></p>"#;
    let a = run(&page(body), URL).expect("an article");
    assert!(a.text.contains("one two three four five"), "{}", a.text);
    for page_url in ["not a url", "http://", "https://[::1", "javascript:alert(1)", "file:///etc/passwd"] {
        match run(&page(""), page_url) {
            Ok(a) => assert!(!a.content.to_lowercase().contains("javascript:"), "{page_url}"),
            Err(Error::InvalidUrl(_)) => {}
            Err(e) => panic!("page URL {page_url:?}: unexpected {e}"),
        }
    }
}

#[test]
fn absurd_attribute_sizes_and_counts() {
    let huge = "x".repeat(1 << 20);
    let many: String = (0..50_000).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
    let body = format!(r#"<p class="{huge}" title="{huge}">A long class.</p><p{many}>Many attributes.</p><img src="https://ok.example/{huge}.png" alt="{huge}">"#);
    let a = run(&page(&body), URL).expect("an article");
    assert!(a.text.contains("Many attributes."));
    assert!(a.content.len() < 20 << 20, "the output grew to {} bytes", a.content.len());
}

#[test]
fn truncated_and_mangled_fixtures_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(&path).expect("fixture");
        // Cut at 40 points, and also with every `>` and then every `"` removed.
        let cuts = (1..40).map(|i| html.floor_char_boundary(html.len() * i / 40));
        for cut in cuts {
            let _ = run(&html[..cut], URL);
        }
        let _ = run(&html.replace('>', ""), URL);
        let _ = run(&html.replace('"', ""), URL);
        let _ = run(&html.replace('<', "<<"), URL);
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} fixtures found");
}

fn cli(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_decant"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run decant");
    // A CLI that refuses its arguments exits without reading its input: the pipe is then closed.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    let out = child.wait_with_output().expect("decant finished");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_cli_reads_invalid_utf8_with_a_warning_and_refuses_junk_clearly() {
    // Latin-1 bytes (0xE9 for é) in a page that does not say so.
    let latin1: Vec<u8> = page("<p>Caf\u{e9} au lait.</p>").chars().map(|c| c as u32 as u8).collect();
    let (code, stdout, stderr) = cli(&["-", "--url", URL], &latin1);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Caf\u{fffd} au lait"), "{stdout}");
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");

    let (code, stdout, stderr) = cli(&["-"], &[0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("not an HTML page"), "{stderr}");

    let (code, _, stderr) = cli(&["-"], b"");
    assert_eq!(code, 1);
    assert!(stderr.contains("empty"), "{stderr}");

    let (code, _, stderr) = cli(&["/no/such/file.html"], b"");
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read /no/such/file.html"), "{stderr}");

    let (code, _, stderr) = cli(&["-", "--format", "pdf"], b"<p>x</p>");
    assert_eq!(code, 1);
    assert!(stderr.contains("pdf"), "{stderr}");
}

#[test]
fn the_cli_explains_what_it_left_out() {
    let sample = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample-article.html")).expect("sample");
    let (code, stdout, stderr) = cli(&["-", "--explain"], &sample);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.lines().next().is_some_and(|l| l.ends_with("blocks left out of the article:")), "{stdout}");
    let consent = stdout.lines().find(|l| l.contains("This site uses cookies")).unwrap_or_else(|| panic!("{stdout}"));
    assert!(consent.starts_with("score") && consent.contains("unlikely class or id") && consent.contains("div#consent-popup"), "{consent}");
    assert!(!stdout.contains("Starter Actually Eats\n\n"), "the article itself is not written: {stdout}");

    let (code, stdout, stderr) = cli(&["-", "--explain", "--format", "json"], &sample);
    assert_eq!(code, 0, "{stderr}");
    let list: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let items = list.as_array().expect("a list");
    assert!(items.iter().any(|r| r["rule"] == "a tag list (shown as the article's tags)" && r["stage"] == "clean"), "{stdout}");

    // With --output, the article goes to the file and the explanation to standard output.
    let out = std::env::temp_dir().join(format!("decant-explain-{}.md", std::process::id()));
    let (code, stdout, stderr) = cli(&["-", "--explain", "--output", out.to_str().expect("path")], &sample);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("blocks left out"), "{stdout}");
    assert!(std::fs::read_to_string(&out).expect("article written").contains("# What a Sourdough Starter Actually Eats"));
    let _ = std::fs::remove_file(out);
}

/// Every input a fuzz target ever crashed on (tests/fuzz-regressions/, named after the target)
/// goes through every entry point the fuzz targets cover.
#[test]
fn inputs_the_fuzzers_found_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("tests/fuzz-regressions") {
        let path = entry.expect("entry").path();
        let html = String::from_utf8_lossy(&std::fs::read(&path).expect("regression input")).into_owned();
        let dom = decant::test_api::Dom::parse_fragment(&html);
        // With the page's URL, and without one (links then stay relative).
        for url in [URL, ""] {
            if let Ok(a) = run(&html, url) {
                assert_eq!(decant::test_api::find_unsafe(&a.content), None, "{} at {url:?}", path.display());
            }
            let base = decant::test_api::Url::parse(url);
            let clean = decant::test_api::sanitized_html(&dom, dom.root(), base.as_ref(), base.as_ref());
            assert_eq!(decant::test_api::find_unsafe(&clean), None, "{} at {url:?}", path.display());
        }
        let _ = decant::test_api::html_to_markdown(&html);
        let _ = decant::test_api::plain_text(&dom, dom.root());
        if let Ok(a) = run(&html, URL) {
            assert_saved_html_is_inert(&a, path.display());
        }
        count += 1;
    }
    assert!(count >= 1);
}

/// What the export fuzz target checks: with half the images fetched and half missing, the saved
/// HTML runs nothing and loads nothing; every picture in it is a `data:image/` URI.
fn assert_saved_html_is_inert(article: &decant::Article, input: impl std::fmt::Display) {
    let mut export = decant::Export::default();
    for (i, url) in decant::image_urls(article).into_iter().enumerate() {
        if i % 2 == 0 {
            export.add_image(&url, "image/png", vec![0x89, b'P', b'N', b'G']);
        } else {
            export.missing.insert(url, "not fetched".to_string());
        }
    }
    let saved = decant::html_document(article, &export);
    assert_eq!(decant::test_api::find_unsafe_saved(&saved), None, "saved from {input}");
}

/// The article's text, excerpt and word count are read from the tree the sanitizer builds while
/// it writes the HTML. That tree must read as the HTML does once parsed (as the reader view and
/// every export parse it): checked on every fixture and fuzz regression, whole pages sanitized.
#[test]
fn the_tree_built_while_sanitizing_reads_as_its_html() {
    let mut count = 0;
    for dir in ["tests/fixtures", "tests/fuzz-regressions"] {
        for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).expect("inputs") {
            let path = entry.expect("entry").path();
            if dir.ends_with("fixtures") && path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let html = String::from_utf8_lossy(&std::fs::read(&path).expect("input")).into_owned();
            let dom = decant::test_api::Dom::parse_document(&html);
            let base = decant::test_api::Url::parse(URL);
            let (clean, built) = decant::test_api::sanitized(&dom, dom.root(), base.as_ref(), base.as_ref());
            let parsed = decant::test_api::Dom::parse_fragment(&clean);
            let text = |d: &decant::test_api::Dom| decant::test_api::plain_text(d, d.root());
            assert_eq!(text(&built), text(&parsed), "{}", path.display());
            let paragraphs = |d: &decant::test_api::Dom| d.elements_named(d.root(), "p").into_iter().map(|p| d.inner_text(p)).collect::<Vec<_>>();
            assert_eq!(paragraphs(&built), paragraphs(&parsed), "{}", path.display());
            count += 1;
        }
    }
    assert!(count >= 20, "only {count} inputs");
}

/// Quotes and lists nested hundreds deep, of many short lines: every saved format stays about the
/// size of the page (Markdown prefixed every line again at each level: a 2 MB page of 190 quotes
/// gave 153 MB).
#[test]
fn deep_nesting_does_not_blow_up_the_saved_files() {
    let words = "A short line of the verse quoted here,<br>".repeat(40);
    for (open, close) in [("<blockquote><p>", "</blockquote>"), ("<ul><li>", "</li></ul>")] {
        let body = format!("{}{}", format!("{open}{words}").repeat(190), close.repeat(190));
        let html = page(&body);
        let article = extract(&html, URL, &Options::default()).expect("article");
        let export = decant::Export::default();
        for (format, size) in [
            ("markdown", decant::markdown(&article, &export).len()),
            ("html", decant::html_document(&article, &export).len()),
            ("text", decant::plain_text(&article).len()),
        ] {
            assert!(size < 3 * html.len(), "{open}: {format} is {size} bytes for a page of {}", html.len());
        }
    }
}

/// A page's escape sequences (here one that recolours the terminal and one that retitles it) and
/// bidi overrides reach a terminal as nothing, and a pipe byte for byte. The terminal is a pseudo
/// terminal made by util-linux's `script`.
#[test]
fn the_cli_prints_no_escape_sequences_on_a_terminal() {
    let html = page("<p>Said \u{1b}[31min red\u{1b}[0m, then \u{1b}]0;retitled\u{7} and \u{202E}reversed.</p>");
    let dir = std::env::temp_dir().join(format!("decant-terminal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("page.html");
    std::fs::write(&file, &html).expect("write page");
    let command = format!("{} --format text {}", env!("CARGO_BIN_EXE_decant"), file.display());
    let shown = Command::new("script").args(["-qec", &command, "/dev/null"]).output().expect("util-linux's script runs");
    let _ = std::fs::remove_dir_all(&dir);
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(shown.contains("Said [31min red[0m, then ]0;retitled and reversed."), "{shown}");
    assert!(!shown.contains(['\u{1b}', '\u{7}', '\u{202E}']), "{shown:?}");
    let (code, piped, _) = cli(&["--format", "text", "-"], html.as_bytes());
    assert_eq!(code, 0);
    assert!(piped.contains("Said \u{1b}[31min red\u{1b}[0m"), "{piped:?}");
}

/// The work budget: a page whose shape makes every stage walk the same nodes over and over (here
/// nests hundreds deep, one after another) is refused with a sentence once it has spent the
/// budget, and the same page within a budget it fits is read. A normal article is far inside the
/// default budget.
#[test]
fn a_page_that_spends_the_work_budget_is_refused_with_a_sentence() {
    let nest = format!("{}<p>{PARAGRAPH}</p>{}", "<div>".repeat(600), "</div>".repeat(600));
    let html = page(&nest.repeat(20));
    let tight = Options { work_budget: 2_000_000, ..Options::default() };
    let error = extract(&html, URL, &tight).expect_err("the budget was spent");
    assert_eq!(error, Error::TooComplex);
    let message = error.to_string();
    assert!(message.starts_with("This page") && message.ends_with('.'), "{message}");
    assert!(decant::explain(&html, URL, &tight).is_err(), "explain keeps the budget too");

    let article = extract(&html, URL, &Options::default()).expect("read within the default budget");
    assert!(article.word_count > 20 * 40, "{} words", article.word_count);
    // The budget is per extraction: the refused one left nothing behind.
    let short = page("");
    assert!(extract(&short, URL, &Options { work_budget: 100_000, ..Options::default() }).is_ok());
}
