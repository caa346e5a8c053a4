//! What the stages ask of a node, shared: whether it is inline or white space, a footnote list,
//! how much text it holds and how much of that is links, and what its class and id say. Each
//! stage keeps to itself what only it asks.

use super::patterns as pat;
use crate::dom::{Dom, NodeId};

/// Which heuristics a pass applies; later passes switch them off one at a time.
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

impl Flags {
    pub const ALL: Flags = Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true };
}

/// Whether a node is inline ("phrasing") content: text, or an inline element.
pub fn is_phrasing(dom: &Dom, id: NodeId) -> bool {
    match dom.tag(id) {
        None => dom.text(id).is_some(),
        Some(tag) => {
            pat::PHRASING_ELEMENTS.contains(&tag)
                || (pat::PHRASING_IF_CHILDREN_ARE.contains(&tag)
                    && dom.child_nodes(id).all(|c| is_phrasing(dom, c)))
        }
    }
}

/// Whether a node is a heading, `<h1>` to `<h6>`.
pub fn is_heading(dom: &Dom, id: NodeId) -> bool {
    dom.tag(id).is_some_and(|t| matches!(t, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
}

/// Whether `h` is a heading holding a link away from the page (not to a fragment of it), other
/// than the links `except` names: the mark of a teaser of another page.
pub fn is_heading_linking_away(dom: &Dom, h: NodeId, except: impl Fn(NodeId) -> bool) -> bool {
    is_heading(dom, h) && dom.elements_named(h, "a").into_iter().any(|a| !except(a) && dom.attr(a, "href").is_some_and(|href| !href.starts_with('#')))
}

/// Whether a node is white space: a text node of spaces, or a `<br>`.
pub fn is_whitespace(dom: &Dom, id: NodeId) -> bool {
    match dom.text(id) {
        Some(t) => t.trim().is_empty(),
        None => dom.is(id, "br"),
    }
}

/// Whether `id` is a modal dialog (`role="dialog"` with `aria-modal="true"`): a consent form, a
/// sign-up prompt, a menu laid over the page, never the page's text.
#[inline(never)]
pub fn is_modal_dialog(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "aria-modal") == Some("true") && dom.attr(id, "role") == Some("dialog")
}

/// A footnote or endnote list (`role="doc-endnotes"`, `class="footnotes"`): mostly back-links,
/// so the link-density rules would drop it, but the article's note links point into it.
pub fn is_footnotes(dom: &Dom, id: NodeId) -> bool {
    let Some(el) = dom.element(id) else { return false };
    if el.attr("role").is_some_and(|r| r == "doc-endnotes" || r == "doc-footnotes") {
        return true;
    }
    let m = pat::class_and_id(el.attr("class"), el.attr("id"));
    pat::has_token(&m, pat::FOOTNOTE_TOKENS)
}

/// The number of characters of normalized text under `id`.
pub fn text_len(dom: &Dom, id: NodeId) -> usize {
    dom.inner_text_len(id)
}

/// The share of `id`'s text that sits inside links; in-page (`#`) links count for
/// [`pat::HASH_LINK_WEIGHT`].
pub fn link_density(dom: &Dom, id: NodeId) -> f64 {
    let total = text_len(dom, id);
    if total == 0 {
        return 0.0;
    }
    let mut linked = 0.0;
    for a in dom.elements_named(id, "a") {
        let weight = if dom.attr(a, "href").is_some_and(|h| h.starts_with('#')) { pat::HASH_LINK_WEIGHT } else { 1.0 };
        linked += text_len(dom, a) as f64 * weight;
    }
    linked / total as f64
}

/// The length of `id`'s text inside links to other pages (not `#` fragments, not `javascript:`).
pub fn links_away_len(dom: &Dom, id: NodeId) -> usize {
    let away = |a: &NodeId| dom.attr(*a, "href").is_some_and(|h| !h.starts_with('#') && !h.trim_start().get(..11).is_some_and(|s| s.eq_ignore_ascii_case("javascript:")));
    dom.elements_named(id, "a").into_iter().filter(away).map(|a| text_len(dom, a)).sum()
}

/// `id` of an element, unless it is a heading's anchor made of the heading's own words
/// (`h-community-building` on "5. Community Building", `social-benefits` on "Social Benefits"),
/// or a section's made of its first heading's, two words or more (Sphinx's
/// `<section id="respond-to-review-comments">` over "Respond to review comments"): such an id
/// says what the heading says, not what kind of block it is, and a word of the heading ("social",
/// "sponsorship", "comments") must not mark it as chrome. (A one-word id on a section, `comments`
/// over "Comments", still names the block.)
pub fn own_id(dom: &Dom, n: NodeId) -> Option<&str> {
    let id = dom.attr(n, "id")?;
    let (heading, fewest) = if is_heading(dom, n) {
        (n, 1)
    } else {
        // (Past an empty anchor before the heading: Sphinx's `<span id="old-name"></span>`.)
        let first = std::iter::successors(dom.first_child(n), |&c| dom.next_sibling(c)).find(|&c| dom.element(c).is_some() && dom.first_child(c).is_some());
        match first {
            Some(h) if is_heading(dom, h) => (h, 2),
            _ => return Some(id),
        }
    };
    let said: std::collections::HashSet<String> = crate::text::tokens(&dom.inner_text(heading)).into_iter().collect();
    let lower = id.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 1).collect();
    let shared = words.iter().filter(|w| said.contains(**w)).count();
    (words.len() < fewest || shared * 2 < words.len()).then_some(id)
}

/// ±25 for each of class and id that match the positive or negative lists.
pub fn class_weight(dom: &Dom, id: NodeId, flags: Flags) -> f64 {
    if !flags.weight_classes {
        return 0.0;
    }
    let mut weight = 0.0;
    let class = dom.attr(id, "class").map(pat::descriptive_classes);
    for value in [class.as_deref(), own_id(dom, id)].into_iter().flatten() {
        let v = value.to_lowercase();
        if is_against(&v) {
            weight -= pat::CLASS_WEIGHT;
        }
        if pat::contains_any(&v, pat::POSITIVE) {
            weight += pat::CLASS_WEIGHT;
        }
    }
    weight
}

/// Whether `n` holds prose: `min_chars` characters or more of text with a sentence break in it,
/// under [`pat::PROSE_MAX_LINK_DENSITY`] of it in links.
pub fn holds_prose(dom: &Dom, n: NodeId, min_chars: usize) -> bool {
    let text = dom.inner_text(n);
    text.chars().count() >= min_chars && text.contains(". ") && link_density(dom, n) < pat::PROSE_MAX_LINK_DENSITY
}

/// Whether a lower-case class or id says a block is not content (a word of [`pat::NEGATIVE`]).
pub fn is_against(v: &str) -> bool {
    pat::contains_any(v, pat::NEGATIVE) || pat::has_token(v, pat::NEGATIVE_TOKENS) || pat::has_name_starting(v, pat::NEGATIVE_STARTS)
}

/// The words of [`pat::NEGATIVE`] (and its tokens and starts) that a lower-case class or id has.
pub fn words_against(v: &str) -> Vec<&'static str> {
    let contained = pat::NEGATIVE.iter().filter(|w| v.contains(*w));
    let tokens = pat::NEGATIVE_TOKENS.iter().filter(|w| pat::has_token(v, &[w]));
    let starts = pat::NEGATIVE_STARTS.iter().filter(|w| pat::has_name_starting(v, &[w]));
    contained.chain(tokens).chain(starts).copied().collect()
}

/// The next node in document order below `top`; with `skip_children`, `node`'s subtree is skipped.
pub fn next_node(dom: &Dom, node: NodeId, top: NodeId, skip_children: bool) -> Option<NodeId> {
    if !skip_children {
        if let Some(c) = dom.first_child(node) {
            return Some(c);
        }
    }
    let mut n = node;
    loop {
        if n == top {
            return None;
        }
        if let Some(s) = dom.next_sibling(n) {
            return Some(s);
        }
        n = dom.parent(n)?;
    }
}
