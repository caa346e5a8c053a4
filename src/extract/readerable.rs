//! The readerable check: whether a page is worth offering the reader for, decided on every page
//! load from its paragraphs alone, before anything is extracted.

use super::{patterns, prepare};
use crate::dom::Dom;

/// A cheap check, run on every page load, of whether the page looks like an article: enough
/// visible paragraphs of prose. Follows Readability's `isProbablyReaderable`.
pub fn is_probably_readerable(html: &str) -> bool {
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
        let len = raw.trim().chars().map(|c| if crate::text::is_cjk(c) { 3 } else { 1 }).sum::<usize>();
        if len < patterns::READERABLE_MIN_CHARS {
            continue;
        }
        score += ((len - patterns::READERABLE_MIN_CHARS) as f64).sqrt();
        if score > patterns::READERABLE_MIN_SCORE {
            return true;
        }
    }
    false
}
