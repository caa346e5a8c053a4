//! What every saved format shares: the images given to an export, the file name, the header, and
//! the content rewritten to work offline.

use std::collections::HashMap;

use crate::article::Article;
use crate::dom::{escape_attr, Dom, NodeId};
use crate::sanitize::MATHML;

/// The style sheet of saved HTML and EPUB files (the reader's look, without its controls).
pub(super) const STYLE: &str = include_str!("../../extension/export.css");

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

/// The file extension of a saved image type.
pub(super) fn image_extension(mime: &str) -> &'static str {
    match mime {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => "avif",
    }
}

impl Export {
    /// Adds a fetched image, or notes why it is missing if its type cannot be saved.
    pub fn add_image(&mut self, url: &str, mime: &str, bytes: Vec<u8>) {
        let mime = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if is_saved_image_type(&mime) {
            // Fetched on a later try (the user allowed its site since): no longer missing.
            self.missing.remove(url);
            self.images.insert(url.to_string(), Image { mime, bytes });
        } else {
            self.missing.insert(url.to_string(), format!("its type ({}) is not saved", if mime.is_empty() { "unknown" } else { &mime }));
        }
    }

    /// Why the image at `url` is not in the export.
    pub(super) fn why_missing(&self, url: &str) -> &str {
        self.missing.get(url).map_or("it was not fetched", String::as_str)
    }
}

/// The remote images an export of `article` would inline: the lead image first, then each image in
/// the text, each once.
pub fn image_urls(article: &Article) -> Vec<String> {
    let mut urls: Vec<String> = article.lead_image.iter().cloned().collect();
    for url in content_image_urls(&article.content) {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// The remote images of the article's text (`content`), in order, each once.
pub(super) fn content_image_urls(content: &str) -> Vec<String> {
    let dom = Dom::parse_fragment(content);
    let mut urls: Vec<String> = Vec::new();
    for n in dom.descendants(dom.root()) {
        if let Some(src) = dom.is(n, "img").then(|| dom.attr(n, "src")).flatten() {
            if (src.starts_with("http://") || src.starts_with("https://")) && !urls.iter().any(|u| u == src) {
                urls.push(src.to_string());
            }
        }
    }
    urls
}

/// A file name for `title`, safe on every common system: no path separators, reserved
/// characters or control characters, no trailing dot or space, not a reserved Windows name, and
/// at most 100 characters. Never empty.
pub fn file_stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .filter(|&c| !crate::text::is_bidi_control(c))
        .map(|c| if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { ' ' } else { c })
        .collect();
    let mut stem = crate::text::normalize_space(&cleaned).chars().take(100).collect::<String>();
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

/// The article's header (title, subtitle, tags, byline, site, date, source) as HTML.
pub(super) fn header_html(article: &Article, xml: bool) -> String {
    let mut out = String::from("<header class=\"decant-header\"><h1 class=\"decant-title\">");
    escape_attr(article.title.trim(), &mut out);
    out.push_str("</h1>");
    if let Some(dek) = article.subtitle.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        out.push_str("<p class=\"decant-subtitle\">");
        escape_attr(dek, &mut out);
        out.push_str("</p>");
    }
    // The topics, under the title and above the byline's rule, as the reader shows them.
    if !article.tags.is_empty() {
        out.push_str("<ul class=\"decant-tags\" aria-label=\"Tags\">");
        for tag in &article.tags {
            out.push_str("<li>");
            escape_attr(tag, &mut out);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("<p class=\"decant-meta\">");
    let mut parts: Vec<String> = Vec::new();
    let published = article.published_time.as_deref().map(|d| d.get(..10).unwrap_or(d));
    // "Updated" when the page says it changed on a later day than it was published.
    let day = |d: Option<&str>| d.and_then(|d| d.get(..10)).filter(|d| crate::dates::is_ymd(d)).map(str::to_string);
    let updated = day(article.modified_time.as_deref()).filter(|m| day(article.published_time.as_deref()).is_none_or(|p| m.as_str() > p.as_str())).map(|m| format!("Updated {m}"));
    for part in [article.byline.as_deref(), article.site_name.as_deref(), published, updated.as_deref()].into_iter().flatten() {
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
pub(super) enum ImageRef {
    /// Replace with this `src`.
    Src(String),
    /// Could not be had, for this reason: show a note instead.
    Missing(String),
}

/// Rewrites the sanitized content for a file that must work offline: images inlined or replaced
/// by a note, video frames by links, and (for XHTML) serialized as XML.
pub(super) fn offline_content(content: &str, xml: bool, image: impl FnMut(&str) -> ImageRef) -> String {
    offline_content_with_outline(content, xml, image).0
}

/// A section heading of the article, for a book's table of contents.
pub(super) struct Heading {
    /// 2 to 4, as `h2`–`h4`.
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// [`offline_content`], with the article's section headings (`h2`–`h4` with text), each given an
/// id where it had none, so that a table of contents can link to it.
pub(super) fn offline_content_with_outline(content: &str, xml: bool, mut image: impl FnMut(&str) -> ImageRef) -> (String, Vec<Heading>) {
    let mut dom = Dom::parse_fragment(content);
    let nodes: Vec<NodeId> = dom.descendants(dom.root()).collect();
    let mut outline = Vec::new();
    let mut ids: std::collections::HashSet<String> = nodes.iter().filter_map(|&n| dom.attr(n, "id").map(str::to_string)).collect();
    for n in nodes {
        let Some(tag) = dom.tag(n).map(str::to_string) else { continue };
        match tag.as_str() {
            "h2" | "h3" | "h4" => {
                let text = crate::text::normalize_space(&dom.text_content(n));
                if text.is_empty() {
                    continue;
                }
                let id = match dom.attr(n, "id") {
                    Some(id) => id.to_string(),
                    None => {
                        let id = (outline.len() + 1..).map(|i| format!("decant-section-{i}")).find(|id| !ids.contains(id)).unwrap_or_default();
                        ids.insert(id.clone());
                        dom.set_attr(n, "id", &id);
                        id
                    }
                };
                outline.push(Heading { level: tag.as_bytes()[1] - b'0', id, text });
            }
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
    let html = if xml { dom.xhtml(dom.root(), MATHML) } else { dom.inner_html(dom.root()) };
    (html, outline)
}

/// The lead image shown above the text, when the article has one that its text does not already
/// show: `Ok(image)`, or `Err` with the note (as text) saying where it was and why it is missing
/// when it was not fetched, so that a saved file never drops it without a word.
pub(super) fn lead_image<'a>(article: &'a Article, export: &'a Export) -> Option<Result<&'a Image, String>> {
    let lead = article.lead_image.as_deref()?;
    if content_shows_image(&article.content, lead) {
        return None;
    }
    Some(export.images.get(lead).ok_or_else(|| format!("[Lead image not saved: {lead}: {}]", export.why_missing(lead))))
}

/// Whether the article's text already shows the image at `url`: the same picture, as sites
/// serve it at several sizes and crops under names that differ by a size or a word
/// (`harbour.jpg`, `harbour-1024x683.jpg`, `harbour-scaled.jpg`; see [`picture_key`]).
pub(super) fn content_shows_image(content: &str, url: &str) -> bool {
    let lead = picture_key(url);
    let dom = Dom::parse_fragment(content);
    let shown = dom.descendants(dom.root()).any(|n| dom.is(n, "img") && dom.attr(n, "src").is_some_and(|s| picture_key(s) == lead));
    shown
}

/// What names one picture across its sizes: its file name, lower-cased, without the extension,
/// sizes (`1024x683`, `800w`), WordPress's `scaled` and edit stamps (`e1655764206748`), retina
/// marks (`@2x`) and size words (`large`, `thumb`...). A name that is left too plain to tell
/// pictures apart (`image`, `photo`, digits) keeps its folder. The extension's reader compares
/// the same way (extension/reader/view.js).
pub(super) fn picture_key(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url).to_ascii_lowercase();
    let mut segments = path.rsplit('/');
    let name = segments.next().unwrap_or("");
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let is_size = |w: &str| {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        w.split_once('x').is_some_and(|(a, b)| digits(a) && digits(b))
            || w.strip_suffix('w').is_some_and(digits)
            || w.strip_prefix('e').is_some_and(|d| d.len() >= 10 && digits(d))
            || matches!(w, "2x" | "3x" | "scaled" | "large" | "medium" | "small" | "thumb" | "thumbnail" | "full" | "original" | "min")
    };
    let words: Vec<&str> = stem.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !is_size(w)).collect();
    let key = words.join("-");
    let plain = key.chars().filter(char::is_ascii_alphabetic).count() < 4 || matches!(key.as_str(), "image" | "img" | "photo" | "picture" | "hero" | "main" | "cover");
    if plain {
        format!("{}/{key}", segments.next().unwrap_or(""))
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_picture_at_several_sizes_is_one_picture() {
        let key = picture_key("https://cdn.example/2026/05/harbour.jpg");
        for other in [
            "https://cdn.example/2026/05/harbour-1024x683.jpg",
            "https://cdn.example/2026/05/harbour-scaled.jpg?w=800",
            "https://img.example/other/path/Harbour@2x.webp",
            "https://cdn.example/2026/05/harbour-e1655764206748.jpg",
        ] {
            assert_eq!(picture_key(other), key, "{other}");
        }
        assert_ne!(picture_key("https://cdn.example/2026/05/harbour-at-night.jpg"), key);
        // Plain names keep their folder: two pictures both called image.jpg are two pictures.
        assert_ne!(picture_key("https://cdn.example/a/image.jpg"), picture_key("https://cdn.example/b/image.jpg"));
    }

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_stem("What/Why: a <story>?"), "What Why a story");
        assert_eq!(file_stem("  ...  "), "article");
        assert_eq!(file_stem("  ...hidden.  "), "hidden");
        assert_eq!(file_stem("a\u{0}b\nc"), "a b c");
        assert_eq!(file_stem("Invoice \u{202E}txt.exe"), "Invoice txt.exe");
        assert_eq!(file_stem("\u{1b}[31mRed\u{1b}[0m \u{2067}x\u{2069}"), "[31mRed [0m x");
        assert_eq!(file_stem("CON"), "CON (article)");
        assert_eq!(file_stem("Ends with a dot."), "Ends with a dot");
        assert_eq!(file_stem(&"é".repeat(300)).chars().count(), 100);
    }
}
