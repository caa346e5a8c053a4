//! EPUB 3: the article as a one-chapter book with its images inside, in a ZIP written here (every
//! entry stored, since images are compressed already and the `mimetype` entry must be stored).

use std::fmt::Write as _;

use super::shared::{header_html, image_extension, lead_image, offline_content_with_outline, Export, Heading, ImageRef, STYLE};
use super::zip::Zip;
use crate::dom::{xml_attr, xml_text, Dom};
use crate::sanitize::MATHML;
use crate::article::Article;

/// The article's sections as nested lists for the book's table of contents (under the title's
/// entry): a deeper heading opens a list inside the entry before it, one level at a time.
fn toc_list(outline: &[Heading]) -> String {
    let Some(top) = outline.iter().map(|h| h.level).min() else { return String::new() };
    let mut out = String::new();
    let mut open = 0; // lists open
    for h in outline {
        let want = usize::from(h.level - top) + 1;
        if want > open {
            // One level deeper at most: a jump from h2 to h4 nests once.
            out.push_str("<ol><li>");
            open += 1;
        } else {
            for _ in want..open {
                out.push_str("</li></ol>");
            }
            open = open.min(want);
            out.push_str("</li><li>");
        }
        let _ = write!(out, "<a href=\"article.xhtml#{}\">{}</a>", xml_attr(&h.id), xml_text(&h.text));
    }
    for _ in 0..open {
        out.push_str("</li></ol>");
    }
    out
}

/// The book for `article`. `export.saved` (ISO 8601) becomes its modification date; without it
/// the publication date or the start of 1970 is used, so the same input gives the same bytes.
pub fn write(article: &Article, export: &Export) -> Vec<u8> {
    // Each fetched image becomes a file in the book, numbered in order of first use.
    let mut files: Vec<(String, String, &[u8])> = Vec::new(); // (url, path, bytes)
    let mut mimes: Vec<&str> = Vec::new();
    let mut path_of = |url: &str| -> Option<String> {
        let img = export.images.get(url)?;
        if let Some((_, path, _)) = files.iter().find(|(u, _, _)| u == url) {
            return Some(path.clone());
        }
        let path = format!("images/image-{}.{}", files.len() + 1, image_extension(&img.mime));
        files.push((url.to_string(), path.clone(), &img.bytes));
        mimes.push(&img.mime);
        Some(path)
    };
    // The cover is the lead image, where it was fetched.
    let cover = article.lead_image.as_deref().and_then(&mut path_of);
    let (content, outline) = offline_content_with_outline(&article.content, true, |src| match path_of(src) {
        Some(path) => ImageRef::Src(path),
        None => ImageRef::Missing(export.why_missing(src).to_string()),
    });
    let has_math = content.contains("<math");

    let lang = article.lang.as_deref().filter(|l| !l.trim().is_empty()).unwrap_or("en");
    let title = if article.title.trim().is_empty() { "Untitled" } else { article.title.trim() };
    let modified = export
        .saved
        .as_deref()
        .or(article.modified_time.as_deref())
        .or(article.published_time.as_deref())
        .and_then(crate::dates::utc_timestamp)
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let identifier = if article.url.is_empty() { format!("urn:decant:{:016x}", fnv1a(title.as_bytes())) } else { article.url.clone() };

    let mut chapter = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
    let _ = write!(chapter, "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{0}\" xml:lang=\"{0}\"", xml_attr(lang));
    if let Some(dir) = article.dir.as_deref().filter(|d| matches!(*d, "ltr" | "rtl")) {
        let _ = write!(chapter, " dir=\"{dir}\"");
    }
    let _ = write!(chapter, ">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n<main><article class=\"decant-article\">\n", xml_text(title));
    chapter.push_str(&xhtml_fragment(&header_html(article, true)));
    // Above the text when the text does not show it: the cover's file, or (the book has no cover
    // then) a note of where it was.
    match (lead_image(article, export), &cover) {
        (Some(Ok(_)), Some(path)) => {
            let _ = write!(chapter, "<figure class=\"decant-lead-image\"><img src=\"{path}\" alt=\"\"/></figure>");
        }
        (Some(Err(note)), _) => {
            let _ = write!(chapter, "<p class=\"decant-missing-image\">{}</p>", xml_text(&note));
        }
        _ => {}
    }
    chapter.push_str("\n<div class=\"decant-content\">\n");
    chapter.push_str(&content);
    chapter.push_str("\n</div>\n</article></main>\n</body>\n</html>\n");

    let nav = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{0}\" xml:lang=\"{0}\">\n<head><meta charset=\"UTF-8\"/><title>{1}</title></head>\n<body>\n<nav epub:type=\"toc\" id=\"toc\"><h1>Contents</h1><ol><li><a href=\"article.xhtml\">{1}</a>{2}</li></ol></nav>\n</body>\n</html>\n",
        xml_attr(lang),
        xml_text(title),
        toc_list(&outline)
    );

    let mut opf = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    let _ = writeln!(opf, "<dc:identifier id=\"uid\">{}</dc:identifier>", xml_text(&identifier));
    let _ = writeln!(opf, "<dc:title>{}</dc:title>", xml_text(title));
    let _ = writeln!(opf, "<dc:language>{}</dc:language>", xml_text(lang));
    if let Some(author) = article.byline.as_deref().filter(|a| !a.trim().is_empty()) {
        let _ = writeln!(opf, "<dc:creator>{}</dc:creator>", xml_text(author.trim()));
    }
    for tag in &article.tags {
        let _ = writeln!(opf, "<dc:subject>{}</dc:subject>", xml_text(tag));
    }
    if let Some(site) = article.site_name.as_deref().filter(|s| !s.trim().is_empty()) {
        let _ = writeln!(opf, "<dc:publisher>{}</dc:publisher>", xml_text(site.trim()));
    }
    if let Some(date) = article.published_time.as_deref().and_then(|d| d.get(..10)).filter(|d| crate::dates::is_ymd(d)) {
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

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn xhtml_fragment(html: &str) -> String {
    let dom = Dom::parse_fragment(html);
    dom.xhtml(dom.root(), MATHML)
}

