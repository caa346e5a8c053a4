//! Decant: reader mode. Give it a page's HTML and URL; get back the article, clean.
//!
//! ```
//! let html = r#"<html><head><title>Why Moths Circle Porch Lights | Field Notes</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/about">About</a></nav>
//!   <article><h1>Why Moths Circle Porch Lights</h1>
//!     <p>Moths navigate by the moon, or so the story goes, and a porch light confuses them.
//!        Researchers who filmed them in infrared found something else entirely, and simpler.</p>
//!     <p>They tilt their backs toward the brightest part of the sky, which is usually up.
//!        Near a lamp, up is sideways, so they circle it until they tire, or until morning.</p>
//!   </article><footer>© Field Notes</footer></body></html>"#;
//! let article = decant::extract(html, "https://example.org/moths", &decant::Options::default()).unwrap();
//! assert_eq!(article.title, "Why Moths Circle Porch Lights");
//! assert!(article.text.starts_with("Moths navigate"));
//! assert!(!article.text.contains("About"));
//! ```
//!
//! The pipeline, in order (one module each):
//! 1. [`metadata`]: title, byline, dates, site name and excerpt, from JSON-LD, `<meta>` tags and
//!    the document;
//! 2. [`prepare`]: remove scripts, styles, hidden nodes and page chrome, turn `<br><br>` runs into
//!    paragraphs;
//! 3. [`score`]: score paragraphs, pick the element that holds the article, gather its siblings;
//! 4. [`clean`]: remove share bars, link lists and widgets left inside it, repair lazy images;
//! 5. [`sanitize`]: serialize through an allow-list with absolute URLs;
//! 6. [`text`]: plain text, word count and reading time.
//!
//! Steps 3–4 run up to four times, each pass relaxing one heuristic, until one yields enough text.

pub mod clean;
pub mod dom;
pub mod epub;
pub mod export;
pub mod markdown;
pub mod math;
pub mod metadata;
pub mod parse;
pub mod patterns;
pub mod prepare;
pub mod sanitize;
pub mod score;
pub mod text;
pub mod url;

#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::{Deserialize, Serialize};

use crate::dom::{normalize_space, Dom};
use crate::score::Flags;
use crate::url::Url;

/// Settings for [`extract`]. `Options::default()` is what the extension and the CLI use.
#[derive(Clone, Debug)]
pub struct Options {
    /// A pass that finds fewer characters of article text than this is retried with looser
    /// heuristics. Default 500, Readability's value: about two short paragraphs.
    pub char_threshold: usize,
    /// Below this many characters, text that is also less than half of the page's visible text is
    /// not an article: the page is said to have none. Default 140: shorter text picked out of a
    /// larger page is a caption, a teaser or a form label. (A page whose whole text is short is
    /// still returned: that text is all it has to read.)
    pub min_article_chars: usize,
    /// Larger inputs are refused with [`Error::TooLarge`]. Default 64 MiB, three times the largest
    /// real pages measured, so that a runaway page cannot stall the browser tab.
    pub max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { char_threshold: patterns::CHAR_THRESHOLD, min_article_chars: 140, max_input_bytes: 64 << 20 }
    }
}

/// An extracted article. Field names are camelCase when serialized (as JavaScript sees them).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The article's title, without the site name.
    pub title: String,
    /// Author(s), as the page names them; several are joined with ", ".
    pub byline: Option<String>,
    /// Publication time in ISO 8601 (`2024-05-01` or `2024-05-01T10:00:00+02:00`).
    pub published_time: Option<String>,
    /// Last modification time in ISO 8601.
    pub modified_time: Option<String>,
    pub site_name: Option<String>,
    /// A one- or two-sentence summary: the page's description, or the first paragraph.
    pub excerpt: Option<String>,
    /// Absolute URL of the article's main image.
    pub lead_image: Option<String>,
    /// The page's canonical address (`<link rel="canonical">`, else `og:url`), absolute.
    pub canonical_url: Option<String>,
    /// BCP 47 language tag, such as `en` or `ja-JP`.
    pub lang: Option<String>,
    /// Text direction, `ltr` or `rtl`.
    pub dir: Option<String>,
    /// The page URL the article was extracted from.
    pub url: String,
    /// Sanitized article HTML with absolute URLs.
    pub content: String,
    /// Plain text of the article, paragraphs separated by blank lines. Empty when read back from
    /// an object without it.
    #[serde(default)]
    pub text: String,
    /// Words, counting each Chinese, Japanese or Korean character as one.
    pub word_count: usize,
    /// Estimated minutes to read, at least 1.
    pub reading_time_minutes: u32,
}

/// Why no article could be returned. Messages say what happened and what to try.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input had no content at all.
    EmptyInput,
    /// The input is larger than [`Options::max_input_bytes`].
    TooLarge { bytes: usize, limit: usize },
    /// The URL given is not an absolute URL.
    InvalidUrl(String),
    /// The input is binary data (or text in no known encoding), not a page.
    NotHtml,
    /// The page has no article-like text.
    NoArticle,
}

impl Error {
    /// The variant's name, for callers that choose what to say by kind (the reader view does).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::EmptyInput => "EmptyInput",
            Error::TooLarge { .. } => "TooLarge",
            Error::InvalidUrl(_) => "InvalidUrl",
            Error::NotHtml => "NotHtml",
            Error::NoArticle => "NoArticle",
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::EmptyInput => write!(f, "the page is empty: there is nothing to read"),
            Error::TooLarge { bytes, limit } => write!(
                f,
                "the page is too large to process ({} MB; the limit is {} MB)",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            Error::InvalidUrl(u) => write!(f, "not an absolute URL: {u:?} (expected something like https://example.com/page)"),
            Error::NotHtml => write!(f, "this is not an HTML page: it looks like binary data (an image, an archive...)"),
            Error::NoArticle => write!(f, "no article found on this page: it looks like a list of links or an app, not something to read"),
        }
    }
}

impl std::error::Error for Error {}

/// Whether the start of the input is binary data rather than text: more than one character in
/// ten is a control character (NUL included) or a replacement for bytes that were not UTF-8.
fn looks_binary(html: &str) -> bool {
    let (mut odd, mut all) = (0usize, 0usize);
    for c in html.chars().take(64 * 1024) {
        all += 1;
        if c == char::REPLACEMENT_CHARACTER || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            odd += 1;
        }
    }
    odd * 10 > all
}

/// Extracts the article from `html`, the page served at `url` (which resolves relative links;
/// pass `""` if unknown, and relative links stay relative).
pub fn extract(html: &str, url: &str, options: &Options) -> Result<Article, Error> {
    if html.len() > options.max_input_bytes {
        return Err(Error::TooLarge { bytes: html.len(), limit: options.max_input_bytes });
    }
    if html.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        return Err(Error::EmptyInput);
    }
    if looks_binary(html) {
        return Err(Error::NotHtml);
    }
    let page_url = match url.trim() {
        "" => None,
        u => Some(Url::parse(u).ok_or_else(|| Error::InvalidUrl(u.to_string()))?),
    };

    let mut dom = Dom::parse_document(html);
    let meta = metadata::read(&dom);
    let base = base_url(&dom, page_url.as_ref());
    let title = meta.title.clone().unwrap_or_default();

    prepare::prepare(&mut dom);
    // Each pass changes the tree it scores. Most pages need one pass, so it takes the prepared
    // tree itself; a later pass prepares a fresh one (parsing is deterministic, so node ids and
    // `body` are the same) rather than every page paying for a copy up front.
    let prepared = || {
        let mut d = Dom::parse_document(html);
        prepare::prepare(&mut d);
        d
    };
    let Some(body) = dom.descendants(dom.root()).find(|&n| dom.is(n, "body")) else {
        return Err(Error::NoArticle);
    };

    let passes = [
        Flags::ALL,
        Flags { strip_unlikely: false, ..Flags::ALL },
        Flags { strip_unlikely: false, weight_classes: false, ..Flags::ALL },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    let mut best: Option<(usize, Dom, score::Found)> = None;
    let mut first = Some(dom);
    for flags in passes {
        let mut attempt = first.take().unwrap_or_else(prepared);
        let Some(found) = score::grab_article(&mut attempt, body, flags, &title) else { continue };
        clean::clean_article(&mut attempt, found.article, flags);
        let len = score::text_len(&attempt, found.article);
        let good_enough = len >= options.char_threshold;
        if best.as_ref().is_none_or(|(l, _, _)| len > *l) {
            best = Some((len, attempt, found));
        }
        if good_enough {
            break;
        }
    }
    let Some((len, art_dom, found)) = best else { return Err(Error::NoArticle) };
    // A short article is still the article if it holds half the page's text. The passes changed
    // their trees, so the page is counted on a fresh one: only pages with short articles pay.
    if len == 0 || (len < options.min_article_chars && len * 2 < score::text_len(&prepared(), body)) {
        return Err(Error::NoArticle);
    }

    let (content, clean_dom) = sanitize::sanitized(&art_dom, found.article, base.as_ref(), page_url.as_ref());
    drop(art_dom);
    let text = text::plain_text(&clean_dom, clean_dom.root());
    let (word_count, reading_time_minutes) = text::words_and_minutes(&text);
    let excerpt = meta.excerpt.clone().or_else(|| {
        clean_dom
            .elements_named(clean_dom.root(), "p")
            .into_iter()
            .map(|p| clean_dom.inner_text(p))
            .find(|t| !t.is_empty())
    });
    let title = if title.is_empty() {
        clean_dom
            .descendants(clean_dom.root())
            .find(|&n| clean_dom.tag(n).is_some_and(|t| matches!(t, "h1" | "h2")))
            .map(|h| clean_dom.inner_text(h))
            .unwrap_or_default()
    } else {
        title
    };
    let byline = [meta.byline.as_deref(), found.byline.as_deref(), meta.page_byline.as_deref()]
        .into_iter()
        .flatten()
        .find_map(metadata::clean_byline);
    let absolute = |u: &str| -> Option<String> {
        let abs = match base.as_ref() {
            Some(b) => b.join(u)?,
            None => u.to_string(),
        };
        matches!(url::scheme_of(&abs).as_deref(), Some("http" | "https")).then_some(abs)
    };
    let lead_image = meta.lead_image.as_deref().and_then(absolute);
    let canonical_url = meta.canonical.as_deref().and_then(absolute);
    Ok(Article {
        title,
        byline,
        published_time: meta.published_time,
        modified_time: meta.modified_time,
        site_name: meta.site_name,
        excerpt: excerpt.map(|e| normalize_space(&e)),
        lead_image,
        canonical_url,
        lang: meta.lang,
        dir: meta.dir,
        url: page_url.map(|u| u.as_string()).unwrap_or_default(),
        word_count,
        reading_time_minutes,
        content,
        text,
    })
}

/// The URL that relative links resolve against: `<base href>` when it is http(s), else the page.
fn base_url(dom: &Dom, page: Option<&Url>) -> Option<Url> {
    let base_href = dom.elements_named(dom.root(), "base").into_iter().find_map(|b| dom.attr(b, "href"));
    if let (Some(href), Some(page)) = (base_href, page) {
        if let Some(resolved) = page.join(href).and_then(|u| Url::parse(&u)) {
            if matches!(resolved.scheme(), "http" | "https") {
                return Some(resolved);
            }
        }
    }
    page.cloned()
}

/// A cheap check, run on every page load, of whether the page looks like an article: enough
/// visible paragraphs of prose. Follows Readability's `isProbablyReaderable`.
pub fn is_probably_readerable(html: &str) -> bool {
    /// Paragraphs shorter than this do not count.
    const MIN_CONTENT_CHARS: usize = 140;
    /// The sum of `sqrt(length − 140)` over paragraphs must pass this.
    const MIN_SCORE: f64 = 20.0;
    let dom = Dom::parse_document(html);
    let mut score = 0.0;
    for n in dom.descendants(dom.root()) {
        let Some(tag) = dom.tag(n) else { continue };
        let counts = matches!(tag, "p" | "pre" | "article")
            || (tag == "div" && dom.element_children(n).iter().any(|&c| dom.is(c, "br")));
        if !counts || !prepare::is_probably_visible(&dom, n) {
            continue;
        }
        let m = patterns::class_and_id(dom.attr(n, "class"), dom.attr(n, "id"));
        if patterns::contains_any(&m, patterns::UNLIKELY) && !patterns::contains_any(&m, patterns::MAYBE_CANDIDATE) {
            continue;
        }
        if dom.is(n, "p") && dom.has_ancestor(n, "li", 0) {
            continue;
        }
        // Raw text, white space included, as Readability measures it; CJK text packs about three
        // times the meaning per character, so it counts three times.
        let raw = dom.text_content(n);
        let len = raw.trim().chars().map(|c| if text::is_cjk(c) { 3 } else { 1 }).sum::<usize>();
        if len < MIN_CONTENT_CHARS {
            continue;
        }
        score += ((len - MIN_CONTENT_CHARS) as f64).sqrt();
        if score > MIN_SCORE {
            return true;
        }
    }
    false
}

/// Markdown of an article: YAML front matter, its title as a heading, then the body (see
/// [`export::markdown`] to add the date of saving).
pub fn to_markdown(article: &Article) -> String {
    export::markdown(article, &export::Export::default())
}
