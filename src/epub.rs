//! EPUB 3: the article as a one-chapter book with its images inside, in a ZIP written here (every
//! entry stored, since images are compressed already and the `mimetype` entry must be stored).

use std::fmt::Write as _;

use crate::dom::{Dom, NodeData, NodeId, VOID_ELEMENTS};
use crate::sanitize::MATHML;
use crate::export::{content_shows_image, header_html, offline_content, Export, ImageRef, STYLE};
use crate::Article;

const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";

/// The book for `article`. `export.saved` (ISO 8601) becomes its modification date; without it
/// the publication date or the start of 1970 is used, so the same input gives the same bytes.
pub fn epub(article: &Article, export: &Export) -> Vec<u8> {
    // Each fetched image becomes a file in the book, numbered in order of first use.
    let mut files: Vec<(String, String, &[u8])> = Vec::new(); // (url, path, bytes)
    let mut mimes: Vec<&str> = Vec::new();
    let mut path_of = |url: &str| -> Option<String> {
        let img = export.images.get(url)?;
        if let Some((_, path, _)) = files.iter().find(|(u, _, _)| u == url) {
            return Some(path.clone());
        }
        let ext = match img.mime.as_str() {
            "image/png" => "png",
            "image/jpeg" => "jpg",
            "image/gif" => "gif",
            "image/webp" => "webp",
            _ => "avif",
        };
        let path = format!("images/image-{}.{ext}", files.len() + 1);
        files.push((url.to_string(), path.clone(), &img.bytes));
        mimes.push(&img.mime);
        Some(path)
    };
    // The cover is the lead image, where it was fetched.
    let cover = article.lead_image.as_deref().and_then(&mut path_of);
    let content = offline_content(&article.content, true, |src| match path_of(src) {
        Some(path) => ImageRef::Src(path),
        None => ImageRef::Missing(export.why_missing(src).to_string()),
    });
    let lead_in_text = article.lead_image.as_deref().is_some_and(|u| content_shows_image(&article.content, u));
    let has_math = content.contains("<math");

    let lang = article.lang.as_deref().filter(|l| !l.trim().is_empty()).unwrap_or("en");
    let title = if article.title.trim().is_empty() { "Untitled" } else { article.title.trim() };
    let modified = export
        .saved
        .as_deref()
        .or(article.modified_time.as_deref())
        .or(article.published_time.as_deref())
        .and_then(utc_timestamp)
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let identifier = if article.url.is_empty() { format!("urn:decant:{:016x}", fnv1a(title.as_bytes())) } else { article.url.clone() };

    let mut chapter = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
    let _ = write!(chapter, "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{0}\" xml:lang=\"{0}\"", xml_attr(lang));
    if let Some(dir) = article.dir.as_deref().filter(|d| matches!(*d, "ltr" | "rtl")) {
        let _ = write!(chapter, " dir=\"{dir}\"");
    }
    let _ = write!(chapter, ">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n<main><article class=\"decant-article\">\n", xml_text(title));
    chapter.push_str(&xhtml_fragment(&header_html(article, true)));
    if let (Some(path), false) = (&cover, lead_in_text) {
        let _ = write!(chapter, "<figure class=\"decant-lead-image\"><img src=\"{path}\" alt=\"\"/></figure>");
    }
    chapter.push_str("\n<div class=\"decant-content\">\n");
    chapter.push_str(&content);
    chapter.push_str("\n</div>\n</article></main>\n</body>\n</html>\n");

    let nav = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{0}\" xml:lang=\"{0}\">\n<head><meta charset=\"UTF-8\"/><title>{1}</title></head>\n<body>\n<nav epub:type=\"toc\" id=\"toc\"><h1>Contents</h1><ol><li><a href=\"article.xhtml\">{1}</a></li></ol></nav>\n</body>\n</html>\n",
        xml_attr(lang),
        xml_text(title)
    );

    let mut opf = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    let _ = writeln!(opf, "<dc:identifier id=\"uid\">{}</dc:identifier>", xml_text(&identifier));
    let _ = writeln!(opf, "<dc:title>{}</dc:title>", xml_text(title));
    let _ = writeln!(opf, "<dc:language>{}</dc:language>", xml_text(lang));
    if let Some(author) = article.byline.as_deref().filter(|a| !a.trim().is_empty()) {
        let _ = writeln!(opf, "<dc:creator>{}</dc:creator>", xml_text(author.trim()));
    }
    if let Some(site) = article.site_name.as_deref().filter(|s| !s.trim().is_empty()) {
        let _ = writeln!(opf, "<dc:publisher>{}</dc:publisher>", xml_text(site.trim()));
    }
    if let Some(date) = article.published_time.as_deref().and_then(|d| d.get(..10)).filter(|d| crate::metadata::is_ymd(d)) {
        let _ = writeln!(opf, "<dc:date>{date}</dc:date>");
    }
    if !article.url.is_empty() {
        let _ = writeln!(opf, "<dc:source>{}</dc:source>", xml_text(&article.url));
    }
    if let Some(excerpt) = article.excerpt.as_deref().filter(|e| !e.trim().is_empty()) {
        let _ = writeln!(opf, "<dc:description>{}</dc:description>", xml_text(excerpt.trim()));
    }
    let _ = writeln!(opf, "<meta property=\"dcterms:modified\">{modified}</meta>");
    opf.push_str("</metadata>\n<manifest>\n<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
    let _ = writeln!(opf, "<item id=\"article\" href=\"article.xhtml\" media-type=\"application/xhtml+xml\"{}/>", if has_math { " properties=\"mathml\"" } else { "" });
    opf.push_str("<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n");
    for (i, ((_, path, _), mime)) in files.iter().zip(&mimes).enumerate() {
        let props = if cover.as_deref() == Some(path.as_str()) { " properties=\"cover-image\"" } else { "" };
        let _ = writeln!(opf, "<item id=\"image-{}\" href=\"{path}\" media-type=\"{mime}\"{props}/>", i + 1);
    }
    opf.push_str("</manifest>\n<spine>\n<itemref idref=\"article\"/>\n</spine>\n</package>\n");

    let container = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n<rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>\n</container>\n";

    let mut zip = Zip::default();
    zip.add("mimetype", b"application/epub+zip");
    zip.add("META-INF/container.xml", container.as_bytes());
    zip.add("OEBPS/content.opf", opf.as_bytes());
    zip.add("OEBPS/nav.xhtml", nav.as_bytes());
    zip.add("OEBPS/article.xhtml", chapter.as_bytes());
    zip.add("OEBPS/style.css", STYLE.as_bytes());
    for (_, path, bytes) in &files {
        zip.add(&format!("OEBPS/{path}"), bytes);
    }
    zip.finish()
}

/// An ISO 8601 date or date-time as the `YYYY-MM-DDThh:mm:ssZ` EPUB wants (UTC; an offset is
/// applied). `None` if it is not one.
fn utc_timestamp(iso: &str) -> Option<String> {
    let date = iso.get(..10).filter(|d| crate::metadata::is_ymd(d))?;
    let rest = iso.get(10..).unwrap_or("");
    let Some(time) = rest.strip_prefix('T') else { return Some(format!("{date}T00:00:00Z")) };
    let hms = time.get(..8).filter(|t| t.len() == 8 && t.as_bytes()[2] == b':' && t.as_bytes()[5] == b':')?;
    let zone = time[8..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset_minutes: i64 = match zone {
        "" | "Z" | "z" => 0,
        z if z.len() == 6 && (z.starts_with('+') || z.starts_with('-')) => {
            let h: i64 = z[1..3].parse().ok()?;
            let m: i64 = z[4..6].parse().ok()?;
            if z.starts_with('-') { -(h * 60 + m) } else { h * 60 + m }
        }
        _ => return None,
    };
    let (y, mo, d) = (date[..4].parse::<i64>().ok()?, date[5..7].parse::<u32>().ok()?, date[8..10].parse::<u32>().ok()?);
    let (h, mi, s) = (hms[..2].parse::<i64>().ok()?, hms[3..5].parse::<i64>().ok()?, hms[6..8].parse::<i64>().ok()?);
    let minutes = crate::metadata::days_from_civil(y, mo, d) * 1440 + h * 60 + mi - offset_minutes;
    let (y, mo, d) = crate::metadata::civil_from_days(minutes.div_euclid(1440));
    let m = minutes.rem_euclid(1440);
    Some(format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{s:02}Z", m / 60, m % 60))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Characters XML 1.0 does not allow at all (most C0 controls), dropped.
fn xml_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|&c| (!c.is_control() || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{fffe}' | '\u{ffff}'))
}

/// Escaped for XML: only the five entities XML itself defines may appear (HTML's `&nbsp;` is
/// not one of them, so a no-break space stays the character it is).
fn xml_escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in xml_chars(s) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn xml_text(s: &str) -> String {
    xml_escape(s, false)
}

fn xml_attr(s: &str) -> String {
    xml_escape(s, true)
}

fn xhtml_fragment(html: &str) -> String {
    let dom = Dom::parse_fragment(html);
    xhtml(&dom, dom.root())
}

/// Serializes the children of `top` as XHTML: empty elements closed (`<br/>`), MathML in its
/// namespace, only attribute names XML accepts, and no characters XML forbids.
pub fn xhtml(dom: &Dom, top: NodeId) -> String {
    enum Step {
        Open(NodeId),
        Close(NodeId),
    }
    let mut out = String::new();
    let mut stack: Vec<Step> = dom.children(top).into_iter().rev().map(Step::Open).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(n) => match dom.data(n) {
                NodeData::Text(t) => out.push_str(&xml_text(t)),
                NodeData::Document => {}
                NodeData::Element(e) => {
                    out.push('<');
                    out.push_str(&e.name);
                    let in_mathml = dom.parent(n).and_then(|p| dom.tag(p)).is_some_and(|p| MATHML.contains(&p));
                    if &*e.name == "math" {
                        let _ = write!(out, " xmlns=\"{MATHML_NS}\"");
                    } else if in_mathml && !MATHML.contains(&&*e.name) {
                        // HTML inside MathML (a link in <mtext>) goes back to the XHTML namespace.
                        out.push_str(" xmlns=\"http://www.w3.org/1999/xhtml\"");
                    }
                    for (k, v) in &e.attrs {
                        let valid = !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) && !k.starts_with(|c: char| c.is_ascii_digit() || c == '-');
                        if valid && k != "xmlns" {
                            let _ = write!(out, " {k}=\"{}\"", xml_attr(v));
                        }
                    }
                    if &*e.name == "img" && e.attr("alt").is_none() {
                        out.push_str(" alt=\"\"");
                    }
                    if VOID_ELEMENTS.contains(&&*e.name) {
                        out.push_str("/>");
                        continue;
                    }
                    out.push('>');
                    stack.push(Step::Close(n));
                    stack.extend(dom.children(n).into_iter().rev().map(Step::Open));
                }
            },
            Step::Close(n) => {
                if let Some(name) = dom.tag(n) {
                    let _ = write!(out, "</{name}>");
                }
            }
        }
    }
    out
}

/// A ZIP archive with stored (uncompressed) entries: local headers, then the central directory.
#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl Zip {
    fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        let size = data.len() as u32;
        // A fixed time (1980-01-01 00:00), so the same article gives the same bytes.
        let (time, date) = (0u16, (1 << 5) | 1);
        let mut header = Vec::with_capacity(30 + name.len());
        header.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 0x0800, 0, time, date] {
            header.extend_from_slice(&v.to_le_bytes()); // version, flags (UTF-8 names), stored, time, date
        }
        for v in [crc, size, size] {
            header.extend_from_slice(&v.to_le_bytes());
        }
        header.extend_from_slice(&(name.len() as u16).to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        header.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&header);
        self.out.extend_from_slice(data);

        self.central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 0x0800, 0, time, date] {
            self.central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            self.central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            self.central.extend_from_slice(&v.to_le_bytes()); // name, extra, comment, disk, internal attrs
        }
        self.central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.count += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for v in [0u16, 0, self.count, self.count] {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&start.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP uses.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn timestamps_become_utc() {
        assert_eq!(utc_timestamp("2026-05-07T05:30:00+02:00").as_deref(), Some("2026-05-07T03:30:00Z"));
        assert_eq!(utc_timestamp("2026-01-01T00:30:00.123+01:00").as_deref(), Some("2025-12-31T23:30:00Z"));
        assert_eq!(utc_timestamp("2026-05-07").as_deref(), Some("2026-05-07T00:00:00Z"));
        assert_eq!(utc_timestamp("May 7"), None);
    }

    #[test]
    fn xhtml_uses_only_the_entities_xml_defines() {
        let dom = Dom::parse_fragment("<p title=\"a\u{a0}&quot;b\">10\u{a0}km &amp; more</p>");
        assert_eq!(xhtml(&dom, dom.root()), "<p title=\"a\u{a0}&quot;b\">10\u{a0}km &amp; more</p>");
    }

    #[test]
    fn xhtml_closes_empty_elements_and_names_mathml() {
        let dom = Dom::parse_fragment("<p>a<br>b &amp; <img src=x.png></p><math><mi>x</mi></math>");
        assert_eq!(
            xhtml(&dom, dom.root()),
            "<p>a<br/>b &amp; <img src=\"x.png\" alt=\"\"/></p><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math>"
        );
    }
}
