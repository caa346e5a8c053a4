//! The dek (standfirst, subtitle): the sentence or two under a story's title that says what it
//! is about. It becomes [`crate::Article::subtitle`], shown under the title, and leaves the text.

use super::nodes::{is_heading, link_density, next_node};
use super::patterns as pat;
use crate::dom::{Dom, NodeId};
use crate::text::{normalize_space, similarity};

/// The dek of the page and its element, found in the prepared tree: a block named as a dek
/// ([`pat::DEK_NAMES`], [`pat::DEK_TOKENS`], or in an `<hgroup>` with the title) among the few
/// elements after the title's heading, before the text begins (a paragraph of prose or another
/// heading), holding a sentence or two of its own text and few links.
pub fn find(dom: &Dom, body: NodeId, title: &str) -> Option<(NodeId, String)> {
    let heading = title_heading(dom, body, title)?;
    let in_hgroup = dom.parent(heading).filter(|&g| dom.is(g, "hgroup"));
    let mut seen = 0;
    let mut cur = next_node(dom, heading, body, true);
    while let Some(n) = cur {
        if dom.element(n).is_none() {
            cur = next_node(dom, n, body, false);
            continue;
        }
        seen += 1;
        if seen > pat::DEK_SEARCH_ELEMENTS {
            return None;
        }
        let grouped = in_hgroup.is_some_and(|g| dom.parent(n) == Some(g) && (dom.is(n, "p") || is_heading(dom, n)));
        if grouped || is_named_dek(dom, n) {
            let text = normalize_space(&dom.inner_text(n));
            let len = text.chars().count();
            let fits = (pat::DEK_MIN_CHARS..=pat::DEK_MAX_CHARS).contains(&len)
                && link_density(dom, n) < pat::MAX_LINK_DENSITY
                && similarity(title, &text) <= pat::SAME_TITLE_SIMILARITY
                && !dom.descendants(n).any(|d| is_heading(dom, d) || dom.is(d, "img"))
                // One paragraph: a block of several is the text (Drupal's `text-with-summary`).
                && dom.descendants(n).filter(|&d| dom.tag(d).is_some_and(|t| matches!(t, "p" | "div" | "li" | "blockquote"))).count() <= 1;
            if fits {
                return Some((n, text));
            }
        }
        // The text has begun: a paragraph of prose, or the next heading.
        let prose = dom.is(n, "p") && dom.inner_text_len(n) > pat::SIBLING_PROSE_CHARS;
        if (prose || is_heading(dom, n)) && !grouped {
            return None;
        }
        cur = next_node(dom, n, body, false);
    }
    None
}

/// The heading that shows the title: the `<h1>` most like it (when the title is known), else
/// the page's only `<h1>`.
fn title_heading(dom: &Dom, body: NodeId, title: &str) -> Option<NodeId> {
    let h1s = dom.elements_named(body, "h1");
    if title.trim().is_empty() {
        return (h1s.len() == 1).then(|| h1s[0]);
    }
    h1s.into_iter()
        .map(|h| (h, similarity(title, &dom.inner_text(h))))
        .filter(|&(_, s)| s > pat::SAME_TITLE_SIMILARITY)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(h, _)| h)
}

fn is_named_dek(dom: &Dom, n: NodeId) -> bool {
    let Some(el) = dom.element(n) else { return false };
    if !matches!(&*el.name, "p" | "div" | "span" | "h2" | "h3" | "h4" | "section" | "header") {
        return false;
    }
    let mut names = pat::class_and_id(el.attr("class"), el.attr("id"));
    if let Some(prop) = el.attr("itemprop") {
        names.push(' ');
        names.push_str(&prop.to_ascii_lowercase());
    }
    pat::contains_any(&names, pat::DEK_NAMES) || pat::has_token(&names, pat::DEK_TOKENS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dek(html: &str, title: &str) -> Option<String> {
        let dom = Dom::parse_document(html);
        let body = dom.descendants(dom.root()).find(|&n| dom.is(n, "body"))?;
        find(&dom, body, title).map(|(_, t)| t)
    }

    const DEK: &str = "Tidal lagoons store the sea behind a wall and sell its fall, twice a day";

    #[test]
    fn a_block_named_as_a_dek_under_the_title_is_the_dek() {
        for class in ["standfirst", "c-article__subtitle", "Hero_dek__71N1r", "post-excerpt", "lead"] {
            let page = format!("<body><header><h1>How Tidal Power Works</h1><p class='{class}'>{DEK}</p><p class=byline>By A. Writer</p></header><p>{}</p></body>", "Body text. ".repeat(30));
            assert_eq!(dek(&page, "How Tidal Power Works").as_deref(), Some(DEK), "{class}");
        }
        let page = format!("<body><hgroup><h1>How Tidal Power Works</h1><p>{DEK}</p></hgroup></body>");
        assert_eq!(dek(&page, "How Tidal Power Works").as_deref(), Some(DEK));
    }

    #[test]
    fn a_dek_is_not_the_text_a_label_or_a_list_of_links() {
        let body = "Body text, which goes on for a while as the story is told. ".repeat(5);
        // After the text has begun.
        let page = format!("<body><h1>How Tidal Power Works</h1><p>{body}</p><p class=summary>{DEK}</p></body>");
        assert_eq!(dek(&page, "How Tidal Power Works"), None);
        // Too short, too long, links, no title heading, no name.
        let short = "<body><h1>How Tidal Power Works</h1><p class=dek>Energy</p></body>";
        let long = format!("<body><h1>How Tidal Power Works</h1><div class=intro>{body}{body}</div></body>");
        let links = format!("<body><h1>How Tidal Power Works</h1><p class=summary><a href=/a>{DEK}</a></p></body>");
        let other_h1 = format!("<body><h1>Our newsletter</h1><p class=subtitle>{DEK}</p></body>");
        let unnamed = format!("<body><h1>How Tidal Power Works</h1><p>{DEK}</p></body>");
        for page in [short, &long, &links, &other_h1, &unnamed] {
            assert_eq!(dek(page, "How Tidal Power Works"), None, "{page}");
        }
    }
}
