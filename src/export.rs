//! The formats an article is saved in: Markdown with front matter, plain text, a self-contained
//! HTML file and (in `epub`) an EPUB book. All are built from the sanitized article only, here in
//! Rust, so that the CLI and the extension write the same bytes for the same article.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::dom::{escape_attr, Dom, NodeId};
use crate::{markdown, text, Article};

/// The style sheet of saved HTML and EPUB files (the reader's look, without its controls).
pub const STYLE: &str = include_str!("../extension/export.css");

/// What the caller adds to an export: when it was saved, and the images it could fetch.
#[derive(Debug, Default, Clone)]
pub struct Export {
    /// The date (and time) of saving, ISO 8601, as written in front matter and EPUB metadata.
    pub saved: Option<String>,
    /// Images fetched for inlining, by absolute URL.
    pub images: HashMap<String, Image>,
    /// Images that could not be had, by absolute URL, with the reason.
    pub missing: HashMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Image {
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// Image types that go into saved files (SVG can carry script, so it does not).
pub fn is_saved_image_type(mime: &str) -> bool {
    matches!(mime, "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/avif")
}

impl Export {
    /// Adds a fetched image, or notes why it is missing if its type cannot be saved.
    pub fn add_image(&mut self, url: &str, mime: &str, bytes: Vec<u8>) {
        let mime = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if is_saved_image_type(&mime) {
            self.images.insert(url.to_string(), Image { mime, bytes });
        } else {
            self.missing.insert(url.to_string(), format!("its type ({}) is not saved", if mime.is_empty() { "unknown" } else { &mime }));
        }
    }

    /// Why the image at `url` is not in the export.
    pub(crate) fn why_missing(&self, url: &str) -> &str {
        self.missing.get(url).map_or("it was not fetched", String::as_str)
    }
}

/// The remote images an export of `article` would inline: the lead image first, then each image in
/// the text, each once.
pub fn image_urls(article: &Article) -> Vec<String> {
    let dom = Dom::parse_fragment(&article.content);
    let mut urls: Vec<String> = article.lead_image.iter().cloned().collect();
    for n in dom.descendants(dom.root()) {
        if let Some(src) = dom.is(n, "img").then(|| dom.attr(n, "src")).flatten() {
            if (src.starts_with("http://") || src.starts_with("https://")) && !urls.iter().any(|u| u == src) {
                urls.push(src.to_string());
            }
        }
    }
    urls
}

/// The date (UTC) of a Unix time, ISO 8601.
pub fn iso_date(unix_seconds: i64) -> String {
    let (y, m, d) = crate::metadata::civil_from_days(unix_seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// A file name for `title`, safe on every common system: no path separators, reserved
/// characters or control characters, no trailing dot or space, not a reserved Windows name, and
/// at most 100 characters. Never empty.
pub fn file_stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { ' ' } else { c })
        .collect();
    let mut stem = crate::dom::normalize_space(&cleaned).chars().take(100).collect::<String>();
    while stem.ends_with(['.', ' ']) {
        stem.pop();
    }
    let stem = stem.trim_start_matches(['.', ' ']).to_string();
    let reserved = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];
    let base = stem.split('.').next().unwrap_or("").to_ascii_uppercase();
    if stem.is_empty() {
        "article".to_string()
    } else if reserved.contains(&base.as_str()) {
        format!("{stem} (article)")
    } else {
        stem
    }
}

/// A YAML double-quoted scalar.
fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Markdown with YAML front matter (title, author, url, site, published, saved, excerpt, lang).
pub fn markdown(article: &Article, export: &Export) -> String {
    let mut out = String::from("---\n");
    let fields = [
        ("title", Some(article.title.as_str())),
        ("author", article.byline.as_deref()),
        ("url", Some(article.url.as_str()).filter(|u| !u.is_empty())),
        ("site", article.site_name.as_deref()),
        ("published", article.published_time.as_deref()),
        ("saved", export.saved.as_deref()),
        ("excerpt", article.excerpt.as_deref()),
        ("lang", article.lang.as_deref()),
    ];
    for (key, value) in fields {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "{key}: {}", yaml(v));
        }
    }
    out.push_str("---\n\n");
    let title = article.title.trim();
    if !title.is_empty() {
        let _ = write!(out, "# {}\n\n", title.replace('\n', " "));
    }
    out.push_str(&markdown::html_to_markdown(&article.content));
    out
}

/// Plain text: the title, its source, then the text with paragraphs wrapped at 72 columns
/// (code and preformatted lines are left as they are).
pub fn plain_text(article: &Article) -> String {
    let mut out = String::new();
    let title = article.title.trim();
    if !title.is_empty() {
        let _ = write!(out, "{title}\n{}\n", "=".repeat(title.chars().count().min(72)));
    }
    let mut facts: Vec<&str> = Vec::new();
    facts.extend(article.byline.as_deref());
    facts.extend(article.site_name.as_deref());
    facts.extend(article.published_time.as_deref().map(|d| d.get(..10).unwrap_or(d)));
    if !facts.is_empty() {
        let _ = writeln!(out, "{}", facts.join(" · "));
    }
    if !article.url.is_empty() {
        let _ = writeln!(out, "{}", article.url);
    }
    out.push('\n');
    let dom = Dom::parse_fragment(&article.content);
    let pre_lines: Vec<String> = dom
        .descendants(dom.root())
        .filter(|&n| dom.is(n, "pre"))
        .flat_map(|n| text::plain_code(&dom, n).lines().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let body = text::plain_text(&dom, dom.root());
    let paragraphs: Vec<String> = body
        .split("\n\n")
        .map(|p| if p.lines().any(|l| pre_lines.iter().any(|c| c == l && !c.trim().is_empty())) { p.to_string() } else { wrap(p, 72) })
        .collect();
    out.push_str(&paragraphs.join("\n\n"));
    out.push('\n');
    out
}

/// Greedy word wrap, line by line (a hard line break stays one).
fn wrap(paragraph: &str, width: usize) -> String {
    let mut lines = Vec::new();
    for line in paragraph.lines() {
        let mut current = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        lines.push(current);
    }
    lines.join("\n")
}

/// The article's header (title, byline, site, date, source) as HTML.
pub(crate) fn header_html(article: &Article, xml: bool) -> String {
    let mut out = String::from("<header class=\"decant-header\"><h1 class=\"decant-title\">");
    escape_attr(article.title.trim(), &mut out);
    out.push_str("</h1><p class=\"decant-meta\">");
    let mut parts: Vec<String> = Vec::new();
    for part in [article.byline.as_deref(), article.site_name.as_deref(), article.published_time.as_deref().map(|d| d.get(..10).unwrap_or(d))].into_iter().flatten() {
        let mut s = String::new();
        escape_attr(part, &mut s);
        parts.push(s);
    }
    if !article.url.is_empty() {
        let mut s = String::from("<a href=\"");
        escape_attr(&article.url, &mut s);
        s.push_str("\">");
        escape_attr(&article.url, &mut s);
        s.push_str("</a>");
        parts.push(s);
    }
    out.push_str(&parts.join(if xml { " &#183; " } else { " · " }));
    out.push_str("</p></header>");
    out
}

/// How a saved file refers to an image: inlined (HTML) or a file in the book (EPUB).
pub(crate) enum ImageRef {
    /// Replace with this `src`.
    Src(String),
    /// Could not be had, for this reason: show a note instead.
    Missing(String),
}

/// Rewrites the sanitized content for a file that must work offline: images inlined or replaced
/// by a note, video frames by links, and (for XHTML) serialized as XML.
pub(crate) fn offline_content(content: &str, xml: bool, mut image: impl FnMut(&str) -> ImageRef) -> String {
    let mut dom = Dom::parse_fragment(content);
    let nodes: Vec<NodeId> = dom.descendants(dom.root()).collect();
    for n in nodes {
        let Some(tag) = dom.tag(n).map(str::to_string) else { continue };
        match tag.as_str() {
            "img" => {
                let src = dom.attr(n, "src").unwrap_or("").to_string();
                if let Some(el) = dom.element_mut(n) {
                    el.attrs.retain(|(k, _)| k == "alt" || k == "title" || k == "width" || k == "height");
                }
                if src.starts_with("data:") {
                    dom.set_attr(n, "src", &src);
                    continue;
                }
                match image(&src) {
                    ImageRef::Src(s) => dom.set_attr(n, "src", &s),
                    ImageRef::Missing(why) => {
                        let alt = dom.attr(n, "alt").unwrap_or("").trim().to_string();
                        let note = dom.create_element("span");
                        dom.set_attr(note, "class", "decant-missing-image");
                        let what = if alt.is_empty() { String::new() } else { format!(" ({alt})") };
                        let t = dom.create_text(&format!("[Image not saved{what}: {src}: {why}]"));
                        dom.append(note, t);
                        dom.insert_before(n, note);
                        dom.detach(n);
                    }
                }
            }
            "iframe" => {
                let src = dom.attr(n, "src").unwrap_or("").to_string();
                let p = dom.create_element("p");
                let a = dom.create_element("a");
                dom.set_attr(a, "href", &src);
                let t = dom.create_text(&format!("Video: {src}"));
                dom.append(a, t);
                dom.append(p, a);
                dom.insert_before(n, p);
                dom.detach(n);
            }
            "source" | "track" => dom.detach(n),
            "video" | "audio" | "picture" => dom.unwrap(n),
            _ => {}
        }
    }
    if xml {
        crate::epub::xhtml(&dom, dom.root())
    } else {
        dom.inner_html(dom.root())
    }
}

/// One HTML file that reads offline: the reader's styles inline, every image a data URI (or a
/// note saying why it is missing), no script and nothing fetched from anywhere.
pub fn html_document(article: &Article, export: &Export) -> String {
    let content = offline_content(&article.content, false, |src| match export.images.get(src) {
        Some(img) => ImageRef::Src(data_uri(img)),
        None => ImageRef::Missing(export.why_missing(src).to_string()),
    });
    let mut out = String::from("<!DOCTYPE html>\n<html");
    if let Some(lang) = &article.lang {
        out.push_str(" lang=\"");
        escape_attr(lang, &mut out);
        out.push('"');
    }
    if let Some(dir) = &article.dir {
        out.push_str(" dir=\"");
        escape_attr(dir, &mut out);
        out.push('"');
    }
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
    // Nothing in the file may load or run anything: images are inline, styles are inline.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape_attr(article.title.trim(), &mut out);
    out.push_str("</title>\n");
    if !article.url.is_empty() {
        out.push_str("<link rel=\"canonical\" href=\"");
        escape_attr(&article.url, &mut out);
        out.push_str("\">\n");
    }
    out.push_str("<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main><article class=\"decant-article\">\n");
    out.push_str(&header_html(article, false));
    if let Some(lead) = article.lead_image.as_deref() {
        if let (Some(img), false) = (export.images.get(lead), content_shows_image(&article.content, lead)) {
            let _ = write!(out, "<figure class=\"decant-lead-image\"><img src=\"{}\" alt=\"\"></figure>", data_uri(img));
        }
    }
    out.push_str("\n<div class=\"decant-content\">\n");
    out.push_str(&content);
    out.push_str("\n</div>\n</article></main>\n</body>\n</html>\n");
    out
}

/// Whether the article's text already shows the image at `url` (compared by file name, as the
/// reader does, since sites serve the same picture at several sizes).
pub(crate) fn content_shows_image(content: &str, url: &str) -> bool {
    let name = |u: &str| u.split(['?', '#']).next().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
    let lead = name(url);
    let dom = Dom::parse_fragment(content);
    let shown = dom.descendants(dom.root()).any(|n| dom.is(n, "img") && dom.attr(n, "src").is_some_and(|s| name(s) == lead));
    shown
}

pub(crate) fn data_uri(img: &Image) -> String {
    format!("data:{};base64,{}", img.mime, base64(&img.bytes))
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        for (raw, encoded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(raw.as_bytes()), encoded);
        }
    }

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_stem("What/Why: a <story>?"), "What Why a story");
        assert_eq!(file_stem("  ...  "), "article");
        assert_eq!(file_stem("  ...hidden.  "), "hidden");
        assert_eq!(file_stem("a\u{0}b\nc"), "a b c");
        assert_eq!(file_stem("CON"), "CON (article)");
        assert_eq!(file_stem("Ends with a dot."), "Ends with a dot");
        assert_eq!(file_stem(&"é".repeat(300)).chars().count(), 100);
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_780_000_000), "2026-05-28");
    }

    #[test]
    fn yaml_strings_are_escaped() {
        assert_eq!(yaml("He said \"hi\"\\\n"), "\"He said \\\"hi\\\"\\\\\\n\"");
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("aaa bbb ccc ddd", 7), "aaa bbb\nccc ddd");
        assert_eq!(wrap("averyveryverylongword x", 5), "averyveryverylongword\nx");
    }
}
