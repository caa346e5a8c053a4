//! One self-contained HTML file: the reader's look, every image inside it, nothing fetched.

use std::fmt::Write as _;

use super::shared::{header_html, lead_image, offline_content, Export, Image, ImageRef, STYLE};
use crate::dom::{escape_attr, escape_text};
use crate::article::Article;

/// One HTML file that reads offline: the reader's styles inline, every image a data URI (or a
/// note saying why it is missing), no script and nothing fetched from anywhere.
pub fn write(article: &Article, export: &Export) -> String {
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
    match lead_image(article, export) {
        Some(Ok(img)) => {
            let _ = write!(out, "<figure class=\"decant-lead-image\"><img src=\"{}\" alt=\"\"></figure>", data_uri(img));
        }
        Some(Err(note)) => {
            out.push_str("<p class=\"decant-missing-image\">");
            escape_text(&note, &mut out);
            out.push_str("</p>");
        }
        None => {}
    }
    out.push_str("\n<div class=\"decant-content\">\n");
    out.push_str(&content);
    out.push_str("\n</div>\n</article></main>\n</body>\n</html>\n");
    out
}

fn data_uri(img: &Image) -> String {
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
}
