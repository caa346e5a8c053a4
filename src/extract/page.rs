//! The page view: what a page that is not an article (a front page, a shop's category, a search
//! result, a product) has to read, when no article was found in it. Its main region (`<main>`,
//! `role="main"`, else the body) with its headings, paragraphs, lists, tables and the titles of
//! its items, without the site's chrome around them and the ads' labels. Nothing is cleaned by
//! link density: on such a page the links are the content.

use super::explain::Log;
use super::nodes::{holds_prose, link_density, text_len};
use super::patterns as pat;
use crate::dom::{Dom, NodeId};

/// Gathers the main region of the prepared page under `body` into a new container, its chrome
/// left out (recorded in `log`). `None` when it holds no text.
pub fn view(dom: &mut Dom, body: NodeId, log: &mut Log) -> Option<NodeId> {
    let region = dom
        .descendants(body)
        .find(|&n| is_main_region(dom, n) && text_len(dom, n) > 0)
        .unwrap_or(body);
    let h1 = dom.descendants(region).find(|&n| dom.is(n, "h1"));
    // A header inside an article or a section is that item's (a listing's story cards, each with
    // its title and summary in a `<header>`), not the site's.
    let in_item = |n: NodeId| dom.ancestors(n).take_while(|&a| a != region).any(|a| dom.is(a, "article") || dom.is(a, "section"));
    // A footer or form (by tag or class) holding half of the region's text, three paragraphs of
    // prose or more, is a wrapper of it, not its chrome (a page builder's `page1-footer` around a
    // guide's list of restaurants). A footer of links, however long, stays chrome.
    let region_len = text_len(dom, region);
    let chrome: Vec<(NodeId, &'static str)> = dom
        .descendants(region)
        .filter_map(|n| {
            let tag = dom.tag(n)?;
            let footer_like = matches!(tag, "footer" | "form") || dom.attr(n, "class").is_some_and(|c| c.to_ascii_lowercase().contains("footer"));
            if footer_like && region_len > 0 && text_len(dom, n) * 2 >= region_len && dom.elements_named(n, "p").into_iter().filter(|&p| holds_prose(dom, p, pat::SIBLING_PROSE_CHARS)).count() >= 3 {
                return None;
            }
            let role = dom.attr(n, "role").unwrap_or("");
            let words = pat::class_and_id(dom.attr(n, "class"), super::nodes::own_id(dom, n));
            if pat::CHROME_ELEMENTS.contains(&tag) || pat::PAGE_CHROME_ROLES.contains(&role) {
                Some((n, "page chrome (footer, aside, form)"))
            } else if tag == "header" && !h1.is_some_and(|h| dom.is_attached_below(h, n)) && !in_item(n) {
                Some((n, "the site's header"))
            } else if pat::has_token(&words, pat::PAGE_CHROME_TOKENS) {
                Some((n, "page chrome (menus, consent, sign-up, pagination)"))
            } else {
                None
            }
        })
        .collect();
    for (n, rule) in chrome {
        if dom.is_attached_below(n, region) {
            log.remove(dom, n, "page", rule);
        }
    }
    if text_len(dom, region) == 0 {
        return None;
    }
    let container = dom.create_element("div");
    for c in dom.children(region) {
        dom.append(container, c);
    }
    super::clean::remove_boxes(dom, container, true, log);
    let (order, lens) = super::clean::text_runs(dom, container);
    super::clean::remove_labels(dom, container, &order, &lens, log);
    super::clean::remove_copyright_notices(dom, container, &order, &lens, log);
    super::clean::remove_more_of_the_site(dom, container, false, log);
    Some(container)
}

/// Whether `n` is an element the page marks as its main region (`<main>`, `role="main"`).
pub fn is_main_region(dom: &Dom, n: NodeId) -> bool {
    dom.is(n, "main") || dom.attr(n, "role") == Some("main")
}

/// Whether the article a pass found sits in the page's chrome: the element it was chosen in, or
/// one around that, or a block holding half of the article's text, is a footer, has the role of
/// the page's footer or of a dialog, or a class or id word of a consent box
/// ([`pat::CHROME_BOX_TOKENS`]); or the page marks its main region and the article is outside it.
pub fn in_chrome(dom: &Dom, found: &super::score::Found, body: NodeId) -> bool {
    let chrome = |n: NodeId| {
        let Some(el) = dom.element(n) else { return false };
        &*el.name == "footer"
            || matches!(el.attr("role"), Some("contentinfo" | "dialog" | "alertdialog"))
            || pat::has_token(&pat::class_and_id(el.attr("class"), el.attr("id")), pat::CHROME_BOX_TOKENS)
    };
    let mostly = |n: NodeId| text_len(dom, n) as f64 >= pat::CHROME_WRAPPER_SHARE * text_len(dom, found.article) as f64;
    std::iter::once(found.around).chain(dom.ancestors(found.around)).take_while(|&n| n != body).any(chrome)
        || dom.element_children(found.article).into_iter().any(|c| chrome(c) && mostly(c))
        || outside_main(dom, found, body)
}

/// Whether the page marks its main region (with text enough to read) and the article was found
/// outside it, in what the page itself says is not its content.
fn outside_main(dom: &Dom, found: &super::score::Found, body: NodeId) -> bool {
    let Some(main) = dom.descendants(body).find(|&n| is_main_region(dom, n)) else { return false };
    !dom.is_attached_below(found.around, main) && !dom.is_attached_below(main, found.article) && text_len(dom, main) >= pat::CHAR_THRESHOLD
}

/// Whether the article a pass found is a list of links rather than a text to read: the page
/// declares itself a collection or search results (and no article), or more than half of the
/// article's text is links, over many of them.
pub fn is_list_of_links(dom: &Dom, article: NodeId, ld_types: &[String]) -> bool {
    let declared = |list: &[&str]| ld_types.iter().any(|t| list.contains(&t.as_str()));
    if declared(pat::LIST_PAGE_TYPES) && !declared(pat::ARTICLE_TYPES) {
        return true;
    }
    dom.elements_named(article, "a").len() >= pat::LIST_MIN_LINKS && link_density(dom, article) > pat::LIST_LINK_DENSITY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_view_is_the_main_region_without_its_chrome() {
        let html = "<body><header><a href=/>Site</a></header><main><nav class=breadcrumbs><a href=/>Home</a></nav>\
                    <h1>Shop</h1><div class=cookie-consent>We use cookies.</div><ul><li><a href=/a>First item</a> 3 EUR</li><li><a href=/b>Second item</a> 4 EUR</li></ul>\
                    <aside>Ads here</aside><div class=pagination><a href=?p=2>Next</a></div></main><footer>Terms</footer></body>";
        let mut dom = Dom::parse_document(html);
        let body = dom.descendants(dom.root()).find(|&n| dom.is(n, "body")).unwrap();
        let view = view(&mut dom, body, &mut Log::new(false)).expect("a view");
        let text = dom.inner_text(view);
        assert!(text.contains("Shop") && text.contains("First item") && text.contains("4 EUR"), "{text}");
        for chrome in ["Site", "Home", "cookies", "Ads", "Next", "Terms"] {
            assert!(!text.contains(chrome), "{chrome:?} kept: {text}");
        }
    }

    #[test]
    fn a_footer_holding_most_of_the_region_in_prose_is_its_wrapper() {
        let entry = |name: &str| format!("<h3>{name}</h3><p>Owner-chef {name} channels two grandmothers at this engaging all-day café, with a menu of pastries and soups. The schnitzel is worth the trip.</p>");
        let entries: String = ["Agi's Counter", "Alta Calidad", "Atla", "Bonnie's"].iter().map(|n| entry(n)).collect();
        let html = format!("<body><main><h1>The Guide</h1><p>Below are the winners.</p><div class=page1-footer>{entries}</div><footer><a href=/terms>Terms of Service</a> <a href=/privacy>Privacy</a></footer></main></body>");
        let mut dom = Dom::parse_document(&html);
        let body = dom.descendants(dom.root()).find(|&n| dom.is(n, "body")).unwrap();
        let view = view(&mut dom, body, &mut Log::new(false)).expect("a view");
        let text = dom.inner_text(view);
        assert!(text.contains("Alta Calidad") && text.contains("worth the trip"), "{text}");
        assert!(!text.contains("Terms of Service"), "{text}");
    }
}
