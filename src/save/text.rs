//! Plain text: a header, then the article's text wrapped for a terminal or an e-mail.

use std::fmt::Write as _;

use crate::dom::{plain_code, plain_text, Dom};
use crate::article::Article;

/// Plain text: the title, its source, then the text with paragraphs wrapped at 72 columns
/// (code and preformatted lines are left as they are).
pub fn write(article: &Article) -> String {
    let mut out = String::new();
    let title = article.title.trim();
    if !title.is_empty() {
        let _ = write!(out, "{title}\n{}\n", "=".repeat(title.chars().count().min(72)));
    }
    if let Some(dek) = article.subtitle.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        let _ = write!(out, "{}\n\n", wrap(dek, 72));
    }
    let mut facts: Vec<&str> = Vec::new();
    facts.extend(article.byline.as_deref());
    facts.extend(article.site_name.as_deref());
    facts.extend(article.published_time.as_deref().map(|d| d.get(..10).unwrap_or(d)));
    if !facts.is_empty() {
        let _ = writeln!(out, "{}", facts.join(" · "));
    }
    if !article.tags.is_empty() {
        let _ = writeln!(out, "Tags: {}", article.tags.join(", "));
    }
    if !article.url.is_empty() {
        let _ = writeln!(out, "{}", article.url);
    }
    out.push('\n');
    let dom = Dom::parse_fragment(&article.content);
    let pre_lines: Vec<String> = dom
        .descendants(dom.root())
        .filter(|&n| dom.is(n, "pre"))
        .flat_map(|n| plain_code(&dom, n).lines().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let body = plain_text(&dom, dom.root());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("aaa bbb ccc ddd", 7), "aaa bbb\nccc ddd");
        assert_eq!(wrap("averyveryverylongword x", 5), "averyveryverylongword\nx");
    }
}
