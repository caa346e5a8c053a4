//! The readerable check: whether a page is worth offering the reader for, decided on every page
//! load from its paragraphs alone, before anything is extracted.

use super::{patterns, prepare};
use crate::dom::{Budget, Dom};

/// The check's work budget (see [`super::Options::work_budget`]): a fifth of an extraction's, as
/// it runs on pages the user has not asked to read. Parsing a 20 MB article takes 25 million
/// steps; a page of more than about 780,000 nodes spends it all, and is not offered.
const WORK_BUDGET: u64 = 100_000_000;

/// A cheap check, run on every page load, of whether the page looks like an article: enough
/// visible paragraphs of prose. Follows Readability's `isProbablyReaderable`. A page that spends
/// [`WORK_BUDGET`] before it shows enough prose is not one.
pub fn is_probably_readerable(html: &str) -> bool {
    let _budget = Budget::start(WORK_BUDGET);
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
