//! Stage 1, preparation: strip what can never be content and normalize markup before scoring.

use crate::dom::{Dom, NodeId};
use crate::patterns;

/// Removes non-content elements and hidden nodes, turns `<br><br>` runs into paragraphs and
/// unwraps presentational wrappers.
pub fn prepare(dom: &mut Dom) {
    let root = dom.root();
    let doomed: Vec<NodeId> = dom
        .descendants(root)
        .filter(|&n| match dom.tag(n) {
            Some(tag) => patterns::ALWAYS_REMOVE.contains(&tag) || !is_probably_visible(dom, n),
            None => false,
        })
        .collect();
    for n in doomed {
        dom.detach(n);
    }
    for n in dom.descendants(root).collect::<Vec<_>>() {
        if dom.is(n, "font") {
            dom.rename(n, "span");
        }
    }
    replace_brs(dom);
}

/// Whether a node is visible as far as its own markup tells: no `hidden`, no `aria-hidden="true"`,
/// no inline `display:none` or `visibility:hidden`.
pub fn is_probably_visible(dom: &Dom, id: NodeId) -> bool {
    let Some(el) = dom.element(id) else { return true };
    if el.attr("hidden").is_some() {
        return false;
    }
    if el.attr("aria-hidden") == Some("true") {
        // Some sites hide a fallback image from screen readers while showing it.
        let fallback = el.attr("class").is_some_and(|c| c.contains("fallback-image"));
        if !fallback {
            return false;
        }
    }
    if let Some(style) = el.attr("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return false;
        }
    }
    true
}

/// Whether a node is inline ("phrasing") content: text, or an inline element.
pub fn is_phrasing(dom: &Dom, id: NodeId) -> bool {
    match dom.tag(id) {
        None => dom.text(id).is_some(),
        Some(tag) => {
            patterns::PHRASING_ELEMENTS.contains(&tag)
                || (patterns::PHRASING_IF_CHILDREN_ARE.contains(&tag)
                    && dom.children(id).into_iter().all(|c| is_phrasing(dom, c)))
        }
    }
}

pub fn is_whitespace(dom: &Dom, id: NodeId) -> bool {
    match dom.text(id) {
        Some(t) => t.trim().is_empty(),
        None => dom.is(id, "br"),
    }
}

/// The next sibling that is an element or non-blank text.
fn next_significant(dom: &Dom, mut cur: Option<NodeId>) -> Option<NodeId> {
    while let Some(n) = cur {
        if dom.element(n).is_some() || dom.text(n).is_some_and(|t| !t.trim().is_empty()) {
            return Some(n);
        }
        cur = dom.next_sibling(n);
    }
    None
}

/// Turns text separated by two or more `<br>` into `<p>` elements: many old or hand-written pages
/// use `<br><br>` where they mean a paragraph break.
fn replace_brs(dom: &mut Dom) {
    let brs = dom.elements_named(dom.root(), "br");
    for br in brs {
        if !dom.is_attached(br) {
            continue;
        }
        let mut replaced = false;
        let mut next = next_significant(dom, dom.next_sibling(br));
        while let Some(n) = next.filter(|&n| dom.is(n, "br")) {
            replaced = true;
            let after = dom.next_sibling(n);
            dom.detach(n);
            next = next_significant(dom, after);
        }
        if !replaced {
            continue;
        }
        let p = dom.create_element("p");
        dom.replace(br, p);
        let mut next = next_significant(dom, dom.next_sibling(p));
        while let Some(n) = next {
            if dom.is(n, "br") {
                let after = next_significant(dom, dom.next_sibling(n));
                if after.is_some_and(|a| dom.is(a, "br")) {
                    break;
                }
            }
            if !is_phrasing(dom, n) {
                break;
            }
            next = dom.next_sibling(n);
            dom.append(p, n);
        }
        while let Some(last) = dom.last_child(p) {
            if !is_whitespace(dom, last) {
                break;
            }
            dom.detach(last);
        }
        if dom.parent(p).is_some_and(|par| dom.is(par, "p")) {
            let par = dom.parent(p).unwrap_or(p);
            dom.rename(par, "div");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn br_runs_become_paragraphs() {
        let mut dom = Dom::parse_fragment("<div>One line<br>still one<br><br>Two<br> <br>Three</div>");
        prepare(&mut dom);
        assert_eq!(dom.inner_html(dom.root()), "<div>One line<br>still one<p>Two</p><p>Three</p> </div>");
    }

    #[test]
    fn hidden_and_scripts_go() {
        let mut dom = Dom::parse_fragment(
            "<p>a</p><p hidden>b</p><p style='display: none'>c</p><script>d</script><p aria-hidden=true>e</p>",
        );
        prepare(&mut dom);
        assert_eq!(dom.inner_html(dom.root()), "<p>a</p>");
    }
}
