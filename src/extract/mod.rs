//! Extraction: the pipeline from a page's HTML to an [`Article`], in six stages (one module each):
//!
//! 1. [`metadata`]: title, byline, dates, site name and excerpt, from JSON-LD, `<meta>` tags and
//!    the document;
//! 2. [`prepare`]: remove scripts, styles, hidden nodes and page chrome, normalize math and code,
//!    turn `<br><br>` runs into paragraphs;
//! 3. [`score`]: score paragraphs, pick the element that holds the article, gather its siblings;
//! 4. [`clean`]: remove share bars, link lists and widgets left inside it, repair lazy images;
//! 5. [`crate::sanitize`]: serialize through an allow-list with absolute URLs;
//! 6. [`assemble`]: the article's fields: plain text, word count, excerpt, title, byline and
//!    absolute URLs.
//!
//! Stages 3–4 run under up to four [`Policy`]s, each relaxing one more heuristic, until one
//! yields enough text. [`explain`] records every removal, when asked. [`nodes`] holds what several stages ask of a node and [`patterns`] every
//! word list and weight; [`readerable`] is the cheap check run before any of this.

mod clean;
mod explain;
mod lead;
mod math;
mod metadata;
mod nodes;
mod page;
mod patterns;
mod prepare;
mod readerable;
mod score;
mod subtitle;
mod thread;

pub use explain::Removal;
pub use readerable::is_probably_readerable;

use explain::Log;
use metadata::Metadata;
use nodes::Flags;
use score::Found;

use crate::article::{Article, Kind};
use crate::dom::{self, Budget, Dom, NodeId};
use crate::sanitize;
use crate::text::normalize_space;
use crate::url::{self, Url};

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
    /// How many steps one extraction may take (a node visited by a walk of the tree is a step; a
    /// node parsed is 128) before the page is refused with [`Error::TooComplex`]. Default 500
    /// million: about three seconds natively, fifty times what the most demanding of 1,627 real
    /// pages takes (9.7 million) and ten times a 20 MB article's. Hostile shapes (thousands of
    /// nests hundreds deep, millions of small elements) reach it, and end there.
    pub work_budget: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { char_threshold: patterns::CHAR_THRESHOLD, min_article_chars: 140, max_input_bytes: 64 << 20, work_budget: 500_000_000 }
    }
}

/// Why no article could be returned. Messages are sentences that say what happened and what to
/// try.
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
    /// Reading the page would take more than [`Options::work_budget`] steps.
    TooComplex,
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
            Error::TooComplex => "TooComplex",
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::EmptyInput => write!(f, "The page is empty: there is nothing to read. Reload it, and try again once it shows its text."),
            Error::TooLarge { bytes, limit } => write!(
                f,
                "The page is too large to read ({} MB; the limit is {} MB). Try its printable or single-page version, if it has one.",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            Error::InvalidUrl(u) => write!(f, "Not an absolute URL: {u:?}. Give the page's full address, such as https://example.com/page."),
            Error::NotHtml => write!(f, "This is not an HTML page: it looks like binary data (an image, an archive...). Open it with the program it is meant for."),
            Error::TooComplex => write!(f, "This page is built in a way that would take too long to read: it has millions of elements, or nests them very deep. Try its printable or single-page version, if it has one."),
            Error::NoArticle => write!(f, "No article found on this page: it looks like a list of links or an app, not something to read. Open a story, a post or a thread, and try again."),
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

/// How strict a pass of stages 3–4 is, named as dom_smoothie names Readability's retries: each
/// drops one more heuristic, for pages the stricter pass cut too short.
#[derive(Clone, Copy, Debug)]
enum Policy {
    /// Every heuristic: unlikely blocks stripped, class and id weighed, blocks cleaned by their
    /// link density and widgets.
    Strict,
    /// Unlikely-looking blocks (by class and id) are kept.
    Moderate,
    /// Class and id no longer weigh on scores either.
    Clean,
    /// No conditional cleaning: only what the scores pick.
    Raw,
}

impl Policy {
    const IN_ORDER: [Policy; 4] = [Policy::Strict, Policy::Moderate, Policy::Clean, Policy::Raw];

    /// How sure an article found under this policy is, before its text is looked at.
    fn certainty(self) -> f64 {
        match self {
            Policy::Strict => patterns::CERTAINTY_STRICT,
            Policy::Moderate => patterns::CERTAINTY_STRICT - patterns::CERTAINTY_PER_RELAXATION,
            Policy::Clean => patterns::CERTAINTY_STRICT - 2.0 * patterns::CERTAINTY_PER_RELAXATION,
            Policy::Raw => patterns::CERTAINTY_STRICT - 3.0 * patterns::CERTAINTY_PER_RELAXATION,
        }
    }

    fn flags(self) -> Flags {
        match self {
            Policy::Strict => Flags::ALL,
            Policy::Moderate => Flags { strip_unlikely: false, ..Flags::ALL },
            Policy::Clean => Flags { strip_unlikely: false, weight_classes: false, ..Flags::ALL },
            Policy::Raw => Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
        }
    }
}

/// Extracts the article from `html`, the page served at `url` (which resolves relative links;
/// pass `""` if unknown, and relative links stay relative).
pub fn extract(html: &str, url: &str, options: &Options) -> Result<Article, Error> {
    run(html, url, options, Log::new(false)).map(|(article, _)| article)
}

/// [`extract`], and every block of the page that the article does not have, with the stage and
/// the rule that left it out, in the order the pipeline did so. Blocks without text or media
/// are not listed; nor is what the sanitizer drops (scripts, forms, unknown elements: never
/// content).
pub fn explain(html: &str, url: &str, options: &Options) -> Result<(Article, Vec<Removal>), Error> {
    run(html, url, options, Log::new(true)).map(|(article, log)| (article, log.into_removals()))
}

/// Every stage under the work budget: a page that spends it is refused, whatever the stages made
/// of it (once it is spent, walks end early and their results mean nothing).
fn run(html: &str, url: &str, options: &Options, log: Log) -> Result<(Article, Log), Error> {
    let page_url = checked_input(html, url, options)?;
    let _budget = Budget::start(options.work_budget);
    let result = stages(html, page_url, options, log);
    within_budget()?;
    result
}

/// [`Error::TooComplex`] once the work budget is spent; stages check it between passes to stop
/// early.
fn within_budget() -> Result<(), Error> {
    if dom::within_budget() {
        Ok(())
    } else {
        Err(Error::TooComplex)
    }
}

fn stages(html: &str, page_url: Option<Url>, options: &Options, mut log: Log) -> Result<(Article, Log), Error> {
    let mut dom = Dom::parse_document(html);
    within_budget()?;

    // 1. Metadata, from the page as served.
    let mut meta = metadata::read(&dom);
    let base = base_url(&dom, page_url.as_ref());
    let title = meta.title.clone().unwrap_or_default();

    // 2. Preparation.
    let shop = meta.sells_a_product();
    prepare_page(&mut dom, shop, &mut log);
    within_budget()?;
    let body = body_of(&dom)?;

    // 3–4. A thread's posts, else scoring and cleaning under each policy in turn until one
    // finds enough text.
    let declared = thread::declared(&meta.ld_types, &meta.microdata_types);
    let (art_dom, found, kind, log) = match thread::find(&dom, body, declared) {
        Some(posts) if thread::text_len(&dom, &posts) >= options.min_article_chars => {
            if meta.published_time.is_none() {
                meta.published_time = posts.first().and_then(|p| p.date.as_ref()?.1.clone());
            }
            let (dom, found, log) = thread_pass(dom, body, &posts, declared.thread, base.as_ref(), log);
            (dom, found, Kind::Thread, log)
        }
        _ => {
            // The dek under the title, which the header shows rather than the text.
            let dek = subtitle::find(&dom, body, &title);
            let explaining = log.is_on();
            // The page's text, counted before the passes change the tree.
            let page_len = nodes::text_len(&dom, body);
            let page = Page { html, shop, base: base.as_ref(), body, text_len: page_len };
            match best_pass(page, dom, &title, dek.as_ref().map(|d| d.0), options, log) {
                Ok((art_dom, found, kept_dek, log)) => {
                    // `cleaned`: the pass's article, cleaned by link density (not the page's region).
                    let (art_dom, found, log, cleaned) = match region_instead(page, &title, &art_dom, &found, explaining, options) {
                        Some((dom, region, log)) => (dom, region, log, false),
                        None => {
                            meta.subtitle = dek.filter(|_| kept_dek.is_some()).map(|d| d.1);
                            (art_dom, found, log, true)
                        }
                    };
                    if page::is_list_of_links(&art_dom, found.article, &meta.ld_types) {
                        // A list of links, not an article. Cleaning by link density took its items
                        // for boxes of links when the page's main region holds twice its text: that
                        // region is what the reader offers (the region already read is not read again).
                        let len = nodes::text_len(&art_dom, found.article);
                        match cleaned.then(|| page_pass(html, shop, &title, explaining, options).ok()).flatten() {
                            Some((dom, view, log)) if nodes::text_len(&dom, view.article) >= len * patterns::LIST_REGION_TIMES_ARTICLE => (dom, view, Kind::Page, log),
                            _ => (art_dom, found, Kind::Page, log),
                        }
                    } else {
                        (art_dom, found, Kind::Article, log)
                    }
                }
                // No article: the page's main region, which the reader offers to show.
                Err(Error::NoArticle) => match page_pass(html, shop, &title, explaining, options) {
                    Ok((dom, found, log)) => (dom, found, Kind::Page, log),
                    // Else a product's description from its structured data, if that is all
                    // the page holds before its scripts run.
                    Err(Error::NoArticle) => {
                        let description = meta.product_description.as_deref().filter(|d| d.chars().count() >= options.min_article_chars).ok_or(Error::NoArticle)?;
                        let mut dom = Dom::parse_fragment("<div></div>");
                        let article = dom.descendants(dom.root()).find(|&n| dom.is(n, "div")).ok_or(Error::NoArticle)?;
                        add_missing_description(&mut dom, article, description);
                        let found = Found { article, byline: None, tags: Vec::new(), around: dom.root(), certainty: patterns::CERTAINTY_PAGE_VIEW };
                        (dom, found, Kind::Article, Log::new(explaining))
                    }
                    Err(e) => return Err(e),
                },
                Err(e) => return Err(e),
            }
        }
    };

    // A product's description that only its structured data holds (the page's copy is drawn
    // by a script) opens the text.
    let mut art_dom = art_dom;
    let mut log = log;
    // The line by the headline that dates the page leaves the text, as the byline does: the header
    // shows it. (The tree is the one the metadata was read from, or parsed again from the same
    // page, so the element has the same id; what it says is checked all the same.)
    if let Some((line, text)) = meta.date_line.as_ref().filter(|_| kind != Kind::Thread) {
        let here = line.index() < art_dom.capacity() && art_dom.is_attached_below(*line, found.article) && crate::dom::line_text(&art_dom, *line, true) == *text;
        if here {
            log.remove(&mut art_dom, *line, "clean", "the date (shown in the header)");
        }
    }
    if let Some(description) = meta.product_description.as_deref().filter(|_| kind != Kind::Thread) {
        add_missing_description(&mut art_dom, found.article, description);
    }

    // 5. Sanitizing: from here on, only the allow-listed tree.
    let (content, clean_dom) = sanitize::sanitized(&art_dom, found.article, base.as_ref(), page_url.as_ref());
    drop(art_dom);

    // 6. The article's fields.
    let mut confidence = confidence(found.certainty, &clean_dom);
    if kind == Kind::Page {
        confidence = confidence.min(patterns::CERTAINTY_PAGE_VIEW);
    }
    let article = assemble(meta, title, found, content, &clean_dom, base.as_ref(), page_url);
    // A thread's social image is the forum's logo, not a picture of what the posts say.
    let lead_image = if kind == Kind::Thread { None } else { article.lead_image };
    Ok((Article { kind, confidence, lead_image, ..article }, log))
}

/// Puts `description` (a product's, from the page's JSON-LD: text, or HTML) at the start of
/// `article` as paragraphs, when fewer than half of its words are in the article: the page's own
/// copy of it is missing (drawn by a script, or in a tab the page view left out).
fn add_missing_description(dom: &mut Dom, article: NodeId, description: &str) {
    let text: std::collections::HashSet<String> = crate::text::tokens(&dom.inner_text(article)).into_iter().collect();
    let wanted = crate::text::tokens(description);
    let found = wanted.iter().filter(|w| text.contains(*w)).count();
    if wanted.len() < patterns::DESCRIPTION_MIN_WORDS || found * 2 >= wanted.len() {
        return;
    }
    // Parsed, so that markup and entities in it read as they would on the page.
    let parsed = Dom::parse_fragment(description);
    let plain = crate::dom::plain_text(&parsed, parsed.root());
    let first = dom.first_child(article);
    for line in plain.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        let p = dom.create_element("p");
        let t = dom.create_text(line);
        dom.append(p, t);
        match first {
            Some(f) => dom.insert_before(f, p),
            None => dom.append(article, p),
        }
    }
}

/// How sure the engine is that the article is the page's whole main content and nothing else,
/// from 0 to 1, to two decimals: the certainty of the way it was found, less the share of its
/// text in links (a list of links is not a text), and less for a text shorter than a pass asks
/// for (a fragment may be part of something larger).
fn confidence(certainty: f64, clean_dom: &Dom) -> f64 {
    let root = clean_dom.root();
    let len = clean_dom.inner_text_len(root);
    let short = (len as f64 / patterns::CHAR_THRESHOLD as f64).min(1.0);
    let sure = certainty * (1.0 - nodes::link_density(clean_dom, root)) * (0.5 + 0.5 * short);
    (sure.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Stages 2–4 for a page that has no article: a freshly prepared tree (the passes changed
/// theirs), and its main region without the chrome. [`Error::NoArticle`] when that has too
/// little text to read (a page whose content only scripts would fetch).
fn page_pass(html: &str, shop: bool, title: &str, explaining: bool, options: &Options) -> Result<(Dom, Found, Log), Error> {
    let mut log = Log::new(explaining);
    let mut dom = prepared(html, shop, &mut log);
    let body = body_of(&dom)?;
    let article = page::view(&mut dom, body, &mut log).filter(|&a| nodes::text_len(&dom, a) >= options.min_article_chars).ok_or(Error::NoArticle)?;
    // The header shows the title: its heading leaves the text, as a pass's does.
    if let Some(h) = dom.descendants(article).find(|&h| score::duplicates_title(&dom, h, title)) {
        log.remove(&mut dom, h, "score", "the title (shown in the header)");
    }
    // The view took the region's content out of the body: what is left there is the rest of the page.
    for rest in dom.children(body) {
        log.note(&dom, rest, "choose", "outside the page's main region");
    }
    Ok((dom, Found { article, byline: None, tags: Vec::new(), around: body, certainty: patterns::CERTAINTY_PAGE_VIEW }, log))
}

/// The page's main region ([`page_pass`]) instead of the article a pass found, when that article is
/// short and a small part of the region: one piece of a page spread over several boxes (a
/// listing's intro above its items, a service page's sections each in a box of its own, a story
/// whose paragraphs sit in separate blocks). `None` keeps the article.
fn region_instead(page: Page, title: &str, art_dom: &Dom, found: &Found, explaining: bool, options: &Options) -> Option<(Dom, Found, Log)> {
    let len = nodes::text_len(art_dom, found.article);
    // The region is part of the page (`page.text_len`, the body's text): a page without three
    // times the article's text has no such region, and is not parsed again to look for one.
    if len >= patterns::REGION_SHORT_ARTICLE_CHARS || page.text_len < len * patterns::REGION_TIMES_ARTICLE {
        return None;
    }
    let (dom, found, log) = page_pass(page.html, page.shop, title, explaining, options).ok()?;
    let region = nodes::text_len(&dom, found.article);
    // Without a main region the page view is the body, whose chrome an older page does not mark
    // up: there a region mostly of links must dwarf the article.
    let marked = dom.descendants(dom.root()).any(|n| page::is_main_region(&dom, n));
    let times = if marked || nodes::link_density(&dom, found.article) < patterns::LIST_LINK_DENSITY { patterns::REGION_TIMES_ARTICLE } else { patterns::REGION_TIMES_ARTICLE_UNMARKED };
    (region >= len * times).then_some((dom, Found { certainty: patterns::CERTAINTY_REGION, ..found }, log))
}

/// Stages 3–4 for a thread: its posts gathered and cleaned (as an article's text is, but with
/// class and id not weighed: in a thread, "comment" and "reply" are the content).
fn thread_pass(mut dom: Dom, body: NodeId, posts: &[thread::Post], declared: bool, base: Option<&Url>, mut log: Log) -> (Dom, Found, Log) {
    let (article, byline) = thread::gather(&mut dom, posts);
    for rest in dom.children(body) {
        log.note(&dom, rest, "choose", "outside the thread's posts");
    }
    clean::clean_article(&mut dom, article, Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true }, base, &mut log);
    (dom, Found { article, byline, tags: Vec::new(), around: body, certainty: if declared { patterns::CERTAINTY_THREAD_DECLARED } else { patterns::CERTAINTY_THREAD } }, log)
}

/// Refuses what is not a page ([`Error`] says why) and parses the page's URL.
fn checked_input(html: &str, url: &str, options: &Options) -> Result<Option<Url>, Error> {
    if html.len() > options.max_input_bytes {
        return Err(Error::TooLarge { bytes: html.len(), limit: options.max_input_bytes });
    }
    if html.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        return Err(Error::EmptyInput);
    }
    if looks_binary(html) {
        return Err(Error::NotHtml);
    }
    match url.trim() {
        "" => Ok(None),
        u => Url::parse(u).map(Some).ok_or_else(|| Error::InvalidUrl(u.to_string())),
    }
}

/// Stage 2 on `dom`: preparation, and on a shop's page for a product (`shop`, see
/// `Metadata::sells_a_product`) its customers' reviews left out.
fn prepare_page(dom: &mut Dom, shop: bool, log: &mut Log) {
    prepare::prepare(dom, log);
    if shop {
        prepare::remove_customer_reviews(dom, log);
    }
}

/// A prepared tree of `html`, as stage 2 leaves it, its removals recorded in `log`.
fn prepared(html: &str, shop: bool, log: &mut Log) -> Dom {
    let mut dom = Dom::parse_document(html);
    prepare_page(&mut dom, shop, log);
    dom
}

/// The page's `<body>` (the parser always makes one; a page without is not one to read).
fn body_of(dom: &Dom) -> Result<NodeId, Error> {
    dom.descendants(dom.root()).find(|&n| dom.is(n, "body")).ok_or(Error::NoArticle)
}

/// The page a pass reads: its source (to prepare afresh), its `<body>`, and the body's text
/// before any pass changed the tree.
#[derive(Clone, Copy)]
struct Page<'a> {
    html: &'a str,
    /// A shop's page for a product: its passes leave the customers' reviews out too.
    shop: bool,
    /// The page's address, against which its links are read.
    base: Option<&'a Url>,
    body: NodeId,
    text_len: usize,
}

/// Stages 3–4 under each [`Policy`], stopping at the first that finds
/// [`Options::char_threshold`] characters, else keeping the pass that found the most. Each pass
/// changes the tree it scores. Most pages need one pass, so it takes the prepared tree itself; a
/// later pass prepares a fresh one (parsing is deterministic, so node ids and `body` are the same)
/// rather than every page paying for a copy up front. `dek`, the subtitle's element, leaves the
/// article chosen when what remains is still an article, and is returned if so (else it stays
/// text, and is no subtitle). `prepared_log` holds stage 2's removals; the log returned adds
/// those of the pass kept.
fn best_pass(page: Page, dom: Dom, title: &str, dek: Option<NodeId>, options: &Options, prepared_log: Log) -> Result<(Dom, Found, Option<NodeId>, Log), Error> {
    let Page { html, shop, body, text_len: page_len, .. } = page;
    let mut best: Option<(usize, Dom, Found, Log)> = None;
    let mut first = Some(dom);
    for policy in Policy::IN_ORDER {
        let flags = policy.flags();
        let mut attempt = first.take().unwrap_or_else(|| prepared(html, shop, &mut Log::new(false)));
        let mut log = prepared_log.clone();
        let Some(mut found) = score::grab_article(&mut attempt, body, flags, title, &mut log) else { continue };
        // A pass that lands in the page's chrome (its footer, a consent box, a dialog) found no
        // article: a later pass, or the page view, will do better.
        if page::in_chrome(&attempt, &found, body) {
            continue;
        }
        // The tag lists come out first, to be the article's tags, before cleaning drops them as
        // link lists.
        found.tags = clean::take_tag_lists(&mut attempt, found.article, &mut log);
        // A tag list just after the article's text is often beside it rather than in it (not in
        // the body of the page: there, tags belong to whatever else the page lists).
        if found.tags.is_empty() && found.around != body {
            found.tags = clean::take_tag_lists(&mut attempt, found.around, &mut log);
        }
        score::note_outside(&attempt, found.around, body, &mut log);
        clean::clean_article(&mut attempt, found.article, flags, page.base, &mut log);
        found.certainty = policy.certainty();
        within_budget()?;
        let len = nodes::text_len(&attempt, found.article);
        let good_enough = len >= options.char_threshold;
        if best.as_ref().is_none_or(|(l, ..)| len > *l) {
            best = Some((len, attempt, found, log));
        }
        if good_enough {
            break;
        }
    }
    let Some((mut len, mut art_dom, found, mut log)) = best else { return Err(Error::NoArticle) };
    // The dek in the article leaves its text for the header, unless it is most of the text.
    let mut dek = dek;
    if let Some(d) = dek.filter(|&d| art_dom.is_attached_below(d, found.article)) {
        let own = nodes::text_len(&art_dom, d);
        if len.saturating_sub(own) >= options.min_article_chars {
            log.remove(&mut art_dom, d, "clean", "the subtitle (shown under the title)");
            len -= own;
        } else {
            dek = None;
        }
    }
    // A short article is still the article if it holds half the page's text (`page_len`), and
    // is not all links (a menu left on a page whose posts come with its scripts).
    let short = len < options.min_article_chars;
    if len == 0 || (short && (len * 2 < page_len || nodes::links_away_len(&art_dom, found.article) as f64 >= len as f64 * patterns::ALL_LINKS_DENSITY)) {
        return Err(Error::NoArticle);
    }
    Ok((art_dom, found, dek, log))
}

/// Stage 6: the [`Article`] from the metadata (with the dek), what stages 3–4 found in the page, and the
/// sanitized tree. The subtitle is dropped when the text repeats it. The excerpt falls back to the
/// subtitle, then the first paragraph; the title to the first heading;
/// the byline is the first of the metadata's, the article's and the page's that reads as a name;
/// the tags are the metadata's, else those of the tag list taken out of the article; the lead
/// image and canonical address are made absolute (and dropped unless http or https).
fn assemble(meta: Metadata, title: String, found: Found, content: String, clean_dom: &Dom, base: Option<&Url>, page_url: Option<Url>) -> Article {
    let text = crate::dom::plain_text(clean_dom, clean_dom.root());
    let (word_count, reading_time_minutes) = crate::text::words_and_minutes(&text);
    let excerpt = meta.excerpt.clone().or_else(|| meta.subtitle.clone()).or_else(|| {
        clean_dom
            .elements_named(clean_dom.root(), "p")
            .into_iter()
            .filter(|&p| clean_dom.attr(p, "class") != Some(crate::article::POST_BY_CLASS))
            .map(|p| normalize_space(&crate::dom::plain_text(clean_dom, p)))
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
        let abs = match base {
            Some(b) => b.join(u)?,
            None => u.to_string(),
        };
        matches!(url::scheme_of(&abs).as_deref(), Some("http" | "https")).then_some(abs)
    };
    // The page's social image is the article's picture only when it is one: not an icon, a logo
    // or the site's default share card.
    let lead_image = meta.lead_image.as_deref().and_then(absolute).filter(|u| lead::is_a_picture(u, meta.lead_image_size));
    let canonical_url = meta.canonical.as_deref().and_then(absolute);
    // A dek that the text repeats (a page that prints it twice) is only text.
    let subtitle = meta.subtitle.filter(|d| !normalize_space(&text).contains(d.as_str()));
    Article {
        kind: Kind::Article,
        confidence: 0.0,
        title,
        subtitle,
        byline,
        tags: if meta.tags.is_empty() { metadata::tag_list(found.tags) } else { meta.tags },
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
    }
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
