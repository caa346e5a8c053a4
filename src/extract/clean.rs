//! Stage 4, cleaning: remove what the chosen article still carries that is not the story
//! (share bars, tag lists, related links, forms, link-heavy blocks) and repair what lazy loaders
//! and layout markup broke.

use std::collections::HashSet;

use super::explain::Log;
use super::nodes::{class_weight, is_footnotes, is_heading, is_heading_linking_away, is_phrasing, link_density, own_id, text_len, Flags};
use super::patterns as pat;
use crate::article::POST_CLASS;
use crate::dom::{Dom, NodeId, TextRun};
use crate::sanitize::is_video_embed;
use crate::url::Url;

/// Takes the tag and category lists out of `article` and returns their tags, in order: blocks
/// whose class or id names a tag list ([`pat::TAG_LISTS`]), or whose links are all `rel="tag"`,
/// when their text is those links and at most a short label ("Filed under:"). A story's topics
/// are metadata, shown beside it.
pub fn take_tag_lists(dom: &mut Dom, article: NodeId, log: &mut Log) -> Vec<String> {
    let mut tags = Vec::new();
    let mut lists = Vec::new();
    for n in dom.descendants(article) {
        let Some(tag) = dom.tag(n) else { continue };
        if !matches!(tag, "ul" | "ol" | "div" | "p" | "span" | "section" | "nav") || lists.iter().any(|&l| dom.is_attached_below(n, l)) {
            continue;
        }
        let is_tag_link = |a: NodeId| dom.is(a, "a") && dom.attr(a, "rel").is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("tag")));
        // Cheap tests first: a name, or a tag link among its children (or theirs, for a list).
        let named = pat::contains_any(&pat::class_and_id(dom.attr(n, "class"), dom.attr(n, "id")), pat::TAG_LISTS);
        let tag_child = dom.element_children(n).into_iter().any(|c| is_tag_link(c) || dom.element_children(c).into_iter().any(is_tag_link));
        if !named && !tag_child {
            continue;
        }
        let links = dom.elements_named(n, "a");
        let linked: usize = links.iter().map(|&a| text_len(dom, a)).sum();
        let label = text_len(dom, n).saturating_sub(linked);
        if links.is_empty() || (label > pat::TAG_LIST_LABEL_MAX_CHARS && link_density(dom, n) < pat::TAG_LIST_MIN_LINK_DENSITY) {
            continue;
        }
        if named || links.iter().all(|&a| is_tag_link(a)) {
            tags.extend(links.iter().map(|&a| dom.inner_text(a)));
            lists.push(n);
        }
    }
    for n in lists {
        log.remove(dom, n, "clean", "a tag list (shown as the article's tags)");
    }
    tags
}

/// Cleans the article container `article` in place, recording each removal in `log`. `site` is
/// the page's address (its links to other hosts are not the site's own).
pub fn clean_article(dom: &mut Dom, article: NodeId, flags: Flags, site: Option<&Url>, log: &mut Log) {
    let data_tables = mark_data_tables(dom, article);
    fix_lazy_images(dom, article);
    clean_heading_links(dom, article, log);
    remove_code_labels(dom, article, log);
    remove_counters(dom, article, log);

    let chrome: Vec<NodeId> = dom.descendants(article).filter(|&n| dom.tag(n).is_some_and(|t| pat::CHROME_ELEMENTS.contains(&t))).collect();
    // ... unless it holds most of the article: then the markup put the article in it (forums
    // wrap their posts in a moderation form; broken nesting leaves a story inside an aside).
    let article_len = text_len(dom, article);
    for n in chrome {
        if !dom.is_attached_below(n, article) {
            continue;
        }
        if is_box_within(dom, n, article_len) {
            log.remove(dom, n, "clean", "page chrome (footer, aside, form)");
        } else {
            // A wrapper: its content takes its place (the sanitizer drops forms whole).
            dom.unwrap(n);
        }
    }
    remove_boxes(dom, article, false, log);
    // Text lengths from one pass up the tree, for both (what the first removes only shortens
    // the blocks around it, which the second looks at for a few words).
    let (order, lens) = text_runs(dom, article);
    remove_tables_of_contents(dom, article, &order, &lens, log);
    remove_labels(dom, article, &order, &lens, log);
    remove_affiliate_disclosures(dom, article, &order, &lens, log);
    remove_copyright_notices(dom, article, &order, &lens, log);
    remove_more_of_the_site(dom, article, true, log);
    remove_teasers(dom, article, log);
    for tag in ["h1", "h2"] {
        for h in dom.elements_named(article, tag) {
            if class_weight(dom, h, flags) < 0.0 {
                log.remove(dom, h, "clean", "a heading whose class or id is against it");
            }
        }
    }
    if flags.clean_conditionally {
        let known = Known { data_tables: &data_tables, notes: &footnote_lists(dom, article), site };
        for &tag in pat::CONDITIONALLY_CLEANED {
            clean_conditionally(dom, article, tag, flags, &known, log);
        }
    }
    for h in dom.elements_named(article, "h1") {
        dom.rename(h, "h2");
    }
    for p in dom.elements_named(article, "p") {
        let has_media = dom
            .descendants(p)
            .any(|n| dom.tag(n).is_some_and(|t| pat::MEDIA_ELEMENTS.contains(&t)));
        if !has_media && !dom.has_text(p) {
            log.remove(dom, p, "clean", "empty");
        }
    }
    for br in dom.elements_named(article, "br") {
        let mut next = dom.next_sibling(br);
        while let Some(n) = next.filter(|&n| dom.text(n).is_some_and(|t| t.trim().is_empty())) {
            next = dom.next_sibling(n);
        }
        if next.is_some_and(|n| dom.is(n, "p")) {
            dom.detach(br);
        }
    }
    unwrap_single_cell_tables(dom, article);
    unwrap_layout_tables(dom, article, &data_tables);
    remove_repeated_blocks(dom, article, log);
    remove_headings_of_nothing(dom, article, log);
}

/// Removes the boxes that are not the text, by their class or id: share bars and prompts (sign
/// up, subscribe, buttons), a box about the author, customers' reviews, recommendations of other
/// pages or products, and forum signatures. Below the top-level blocks of an article (each is the
/// article's own section), and with them (`tops`) in a page's main region, whose top-level
/// blocks are the page's bands, a sign-up band among them.
pub fn remove_boxes(dom: &mut Dom, article: NodeId, tops: bool, log: &mut Log) {
    let article_len = text_len(dom, article);
    for top in dom.element_children(article) {
        let below: Vec<NodeId> = dom.descendants(top).collect();
        for n in std::iter::once(top).filter(|_| tops).chain(below) {
            let Some(el) = dom.element(n) else { continue };
            let m = pat::class_and_id(el.attr("class"), own_id(dom, n));
            // A prompt, unless it is a card of a row of them (or inside one): a list of cards,
            // each made as a call to action, is the list; nor a heading (Bootstrap's
            // `accordion-button` on the heading of a panel), which a prompt's box takes with it.
            let prompt = || {
                pat::has_token(&m, pat::PROMPT_TOKENS)
                    && !is_heading(dom, n)
                    && text_len(dom, n) < pat::PROMPT_MAX_CHARS
                    && !std::iter::once(n).chain(dom.ancestors(n)).take_while(|&a| a != article).any(|a| is_card_of_a_row(dom, a, pat::PROMPT_TOKENS))
            };
            let a_box = || is_box_within(dom, n, article_len);
            let author_box = || {
                (pat::has_token(&m, pat::AUTHOR_BOX_TOKENS) || (pat::has_token(&m, &["author"]) && pat::has_token(&m, pat::AUTHOR_BOX_WITH)))
                    && text_len(dom, n) < pat::AUTHOR_BOX_MAX_CHARS
            };
            let rule = if pat::has_token(&m, pat::SHARE_TOKENS) && text_len(dom, n) < pat::SHARE_MAX_CHARS {
                "a share bar"
            } else if prompt() {
                "a prompt (sign up, subscribe, buttons)"
            } else if author_box() {
                "a box about the author (the header has the byline)"
            } else if pat::has_token(&m, pat::REVIEWS_TOKENS) && a_box() && !one_of_several(dom, n, pat::REVIEWS_TOKENS) {
                "customers' reviews"
            } else if pat::has_token(&m, pat::RECOMMENDATION_TOKENS) && a_box() {
                "recommendations of other pages or products"
            } else if pat::has_token(&m, pat::SIGNATURE_TOKENS) && text_len(dom, n) < pat::AUTHOR_BOX_MAX_CHARS && !is_call_signature(dom, n) {
                "a forum signature (the poster's, under each post)"
            } else {
                continue;
            };
            if dom.is_attached_below(n, article) {
                log.remove(dom, n, "clean", rule);
            }
        }
    }
}

/// Removes the boxes of the site's other pages that sit in the article's container under a
/// heading that says so ("Related articles", "More from the site", [`pat::MORE_OF_THE_SITE_HEADINGS`]):
/// the outermost box the heading opens that is less than half the article, else the heading
/// and what follows it up to the next heading of its rank or higher (only with `runs`).
pub fn remove_more_of_the_site(dom: &mut Dom, article: NodeId, runs: bool, log: &mut Log) {
    const RULE: &str = "the site's other pages (under a heading such as \"Related articles\")";
    const AUTHOR: &str = "a box about the author (under a heading that says so)";
    const COMMENTS: &str = "the readers' comments (under a heading that says so)";
    // The headings, and the labels that open a box about the author as a heading would ("Written
    // by" over the name, "Reviewed by" over the reviewer's).
    let headings: Vec<NodeId> = dom.descendants(article).filter(|&h| is_heading(dom, h) || credit_line(dom, h).is_some()).collect();
    let article_len = text_len(dom, article);
    for h in headings {
        if !dom.is_attached_below(h, article) {
            continue;
        }
        let text = dom.inner_text(h);
        let words = heading_words(&text);
        let credit = credit_line(dom, h);
        let (author, comments) = (credit.is_some() || pat::AUTHOR_BOX_HEADINGS.contains(&words.as_str()), is_comments_heading(&words));
        if !author && !comments && !is_more_of_the_site(&text) {
            continue;
        }
        let rule = if author {
            AUTHOR
        } else if comments {
            COMMENTS
        } else {
            RULE
        };
        // The outermost box the heading opens (each box's first element is the one below),
        // under half the article and without a heading of its rank or higher after it (which
        // opens a section of its own): the heading with what it introduces.
        let rank = heading_rank(dom, h);
        let opens_another = |p: NodeId| dom.descendants(p).any(|o| o != h && is_heading(dom, o) && heading_rank(dom, o) <= rank);
        let mut top = h;
        while let Some(p) = dom.parent(top).filter(|&p| p != article && dom.element_children(p).first() == Some(&top) && is_box_within(dom, p, article_len) && !opens_another(p)) {
            top = p;
        }
        if text_len(dom, top) > text_len(dom, h) && !(credit.is_some() && text_len(dom, top) > pat::AUTHOR_BOX_MAX_CHARS) {
            log.remove(dom, top, "clean", rule);
            continue;
        }
        // A credit with its name and no box ("Written by Jane Doe" under the text): the header
        // has the byline.
        if credit == Some(true) {
            log.remove(dom, h, "clean", rule);
            continue;
        }
        if !runs || author || comments {
            continue;
        }
        // Else the heading (in its box, if it has one) and what follows it, up to the next
        // heading of its rank or higher.
        let mut next = dom.next_sibling(top);
        log.remove(dom, top, "clean", RULE);
        while let Some(n) = next {
            if is_heading(dom, n) && heading_rank(dom, n) <= rank {
                break;
            }
            next = dom.next_sibling(n);
            if dom.element(n).is_some() {
                log.remove(dom, n, "clean", RULE);
            } else {
                dom.detach(n);
            }
        }
    }
}

/// Removes the teasers of other pages in the article's container: [`pat::REPEATED_ITEMS_MIN`] or
/// more sibling elements in a row styled alike (same tag and class), each a dated teaser
/// ([`is_dated_teaser`]: a story's title over its first lines), all such rows less than half the
/// article together: a river of other stories below this one. Where they are most of the text,
/// they are the page (a listing).
pub fn remove_teasers(dom: &mut Dom, article: NodeId, log: &mut Log) {
    let article_len = text_len(dom, article);
    let mut rivers: Vec<Vec<NodeId>> = Vec::new();
    for p in dom.descendants(article).filter(|&p| dom.element(p).is_some()).collect::<Vec<_>>() {
        // The children in runs of the same tag and class, one after another.
        let mut runs: Vec<Vec<NodeId>> = Vec::new();
        for c in dom.element_children(p) {
            match runs.last_mut() {
                Some(run) if dom.tag(run[0]) == dom.tag(c) && dom.attr(run[0], "class") == dom.attr(c, "class") => run.push(c),
                _ => runs.push(vec![c]),
            }
        }
        rivers.extend(runs.into_iter().filter(|g| g.len() >= pat::REPEATED_ITEMS_MIN && g.iter().all(|&m| is_dated_teaser(dom, m))));
    }
    // All the rows together, not each: a listing is many rows, a story has one or two below it.
    let len: usize = rivers.iter().flatten().map(|&m| text_len(dom, m)).sum();
    if (len as f64) >= pat::CHROME_WRAPPER_SHARE * article_len as f64 {
        return;
    }
    for m in rivers.into_iter().flatten() {
        if dom.is_attached_below(m, article) {
            log.remove(dom, m, "clean", "a teaser of another page (one of a row, headed by a link away)");
        }
    }
}

/// Whether `n` is a teaser of another page: short, headed by a link away, and dated (a `<time>`,
/// or a class word of [`pat::TEASER_DATE_TOKENS`]); undated, such a block is as often the page's
/// own (a guide's chapters, a round-up's picks, a manual's landing cards).
fn is_dated_teaser(dom: &Dom, n: NodeId) -> bool {
    if text_len(dom, n) > pat::TEASER_MAX_CHARS {
        return false;
    }
    let (mut headed, mut dated) = (false, false);
    for d in dom.descendants(n) {
        headed = headed || is_heading_linking_away(dom, d, |_| false);
        dated = dated || dom.is(d, "time") || dom.attr(d, "class").is_some_and(|c| pat::has_token(&c.to_lowercase(), pat::TEASER_DATE_TOKENS));
    }
    headed && dated
}

/// A heading's rank, 1 for `<h1>` to 6 for `<h6>` (6 for any other element).
fn heading_rank(dom: &Dom, h: NodeId) -> u8 {
    dom.tag(h).filter(|_| is_heading(dom, h)).map_or(6, |t| t.as_bytes()[1] - b'0')
}

/// Whether `n` holds less than half of an article of `article_len` characters: a box inside it.
/// A box with half the article's text or more wraps the article, whatever its name.
pub(super) fn is_box_within(dom: &Dom, n: NodeId, article_len: usize) -> bool {
    (text_len(dom, n) as f64) < pat::CHROME_WRAPPER_SHARE * article_len as f64
}

/// Removes every element that only says "Advertisement" (or "Sponsored", "Article continues
/// below"...) or "Loading", outside tables and code: an ad's or a lazy loader's label; every one
/// that only says "Table of Contents" (or "In this article"...), whose list went or was never
/// filled in; every one that only says what a control does ("Skip to content", "Sort by"); and
/// every one that only says a product card's badge ("Top rated", "New arrival").
pub fn remove_labels(dom: &mut Dom, article: NodeId, order: &[NodeId], lens: &[TextRun], log: &mut Log) {
    const AD: &str = "an advertisement's or a loader's label";
    const TOC: &str = "a table of contents' label";
    const CONTROL: &str = "a control's label (skip to content, sort by)";
    const BADGE: &str = "a product's badge (top rated, new arrival)";
    const READING_TIME: &str = "the page's reading time (the reader's header gives its own)";
    // The rule of each node whose text is a label; a wrapper's text is its child's, read once.
    let mut label: Vec<Option<&'static str>> = vec![None; dom.capacity()];
    for &n in &order[1..] {
        let len = lens[n.index()].chars;
        if len == 0 || len > pat::AD_LABEL_MAX_CHARS || dom.element(n).is_none() {
            continue;
        }
        label[n.index()] = match dom.parent(n).filter(|p| lens[p.index()].chars == len) {
            Some(p) => label[p.index()],
            // Most short texts are ruled out by their first word, without building the text.
            None if !may_be_label(dom, n) => None,
            None => {
                let lower = dom.inner_text(n).to_lowercase().replace(['-', '–', '—', '|', ':'], " ");
                let words = lower.split_whitespace().collect::<Vec<_>>().join(" ");
                let text = words.trim_end_matches(['.', '…', '→', '»', '›', '>', ' ']);
                if pat::AD_WORDS.contains(&text) || pat::LOADING_WORDS.contains(&text) {
                    Some(AD)
                } else if is_toc_label(text) {
                    Some(TOC)
                } else if pat::BADGE_LABELS.contains(&text) {
                    Some(BADGE)
                } else if is_reading_time(text) {
                    Some(READING_TIME)
                } else {
                    is_control_label(text).then_some(CONTROL)
                }
            }
        };
        // The outermost element saying only the label, without a picture (a product card's).
        let Some(rule) = label[n.index()] else { continue };
        if dom.is_attached_below(n, article)
            && !dom.descendants(n).any(|d| dom.tag(d).is_some_and(|t| pat::MEDIA_ELEMENTS.contains(&t)))
            && !["table", "pre", "code"].iter().any(|t| dom.has_ancestor(n, t, 0))
        {
            log.remove(dom, n, "clean", rule);
        }
    }
}

/// Removes each affiliate disclosure: a block of under [`pat::DISCLOSURE_MAX_CHARS`] characters
/// saying that the page's links earn its site a commission ("This post contains affiliate links",
/// "Purchases made through our links may earn us a commission"): a word of
/// [`pat::DISCLOSURE_WORDS`] with a phrase of [`pat::DISCLOSURE_PHRASES`], which tie it to the page
/// itself (a paragraph on how affiliate marketing pays creators is text). The outermost element
/// holding only the disclosure goes.
fn remove_affiliate_disclosures(dom: &mut Dom, article: NodeId, order: &[NodeId], lens: &[TextRun], log: &mut Log) {
    const RULE: &str = "an affiliate disclosure (the page's links earn it a commission)";
    // Most pages have none: only text nodes with one of the words (in lower or upper case, after
    // its first letter) are looked at.
    let upper: Vec<String> = pat::DISCLOSURE_WORDS.iter().map(|w| w[1..].to_ascii_uppercase()).collect();
    let hits: Vec<NodeId> = order
        .iter()
        .copied()
        .filter(|&n| dom.text(n).is_some_and(|t| pat::DISCLOSURE_WORDS.iter().zip(&upper).any(|(w, u)| t.contains(&w[1..]) || t.contains(u.as_str()))))
        .collect();
    for t in hits {
        let Some(block) = dom.ancestors(t).take_while(|&a| a != article).find(|&a| dom.tag(a).is_some_and(|tag| pat::DISCLOSURE_BLOCKS.contains(&tag))) else { continue };
        let len = lens[block.index()].chars;
        if len > pat::DISCLOSURE_MAX_CHARS || !dom.is_attached_below(block, article) {
            continue;
        }
        let lower = dom.inner_text(block).to_lowercase();
        let pays = lower.contains("affiliate link") || (lower.contains("commission") && pat::DISCLOSURE_PURCHASE.iter().any(|w| lower.contains(w)));
        let denies = pat::DISCLOSURE_DENIALS.iter().any(|d| lower.contains(d));
        if !pays || denies || !pat::DISCLOSURE_PHRASES.iter().any(|p| lower.contains(p)) {
            continue;
        }
        let mut top = block;
        while let Some(p) = dom.parent(top).filter(|&p| p != article && lens[p.index()].chars == len) {
            top = p;
        }
        log.remove(dom, top, "clean", RULE);
    }
}

/// Removes the site's copyright notice where the page put it in or next to the text ("© 2025
/// Example Inc. All rights reserved. Privacy Policy | Terms"): a text saying such a notice
/// ([`is_copyright_notice`]) with the outermost element it opens, of at most
/// [`pat::COPYRIGHT_MAX_CHARS`] characters and without a picture; not in a figure (a
/// photograph's credit), a table, a quotation or code.
pub fn remove_copyright_notices(dom: &mut Dom, article: NodeId, order: &[NodeId], lens: &[TextRun], log: &mut Log) {
    const RULE: &str = "the site's copyright notice";
    for &t in order {
        if !dom.text(t).is_some_and(is_copyright_notice) {
            continue;
        }
        // Up from the text while nothing comes before it.
        let (mut top, mut at) = (None, t);
        while let Some(p) = dom.parent(at).filter(|&p| p != article) {
            let first = std::iter::successors(dom.prev_sibling(at), |&s| dom.prev_sibling(s)).all(|s| lens[s.index()].chars == 0);
            if !first || lens[p.index()].chars > pat::COPYRIGHT_MAX_CHARS || dom.descendants(p).any(|d| dom.tag(d).is_some_and(|tag| pat::MEDIA_ELEMENTS.contains(&tag))) {
                break;
            }
            (top, at) = (Some(p), p);
        }
        let Some(top) = top else { continue };
        if dom.is_attached_below(top, article) && !dom.ancestors(top).any(|a| dom.tag(a).is_some_and(|tag| ["figure", "figcaption", "table", "blockquote", "pre", "code"].contains(&tag))) {
            log.remove(dom, top, "clean", RULE);
        }
    }
}

/// Whether `text` is a copyright notice: it opens with "©" or "(c)", after "Copyright" if that
/// comes first, and it has a year (1900 to 2099) or words of [`pat::COPYRIGHT_WORDS`] ("All
/// rights reserved"). "© Getty Images" under a photograph is a credit, not a notice.
fn is_copyright_notice(text: &str) -> bool {
    let text = text.trim_start();
    if !text.starts_with(['©', '(', 'c', 'C']) {
        return false;
    }
    let lower = text.to_lowercase();
    let rest = lower.strip_prefix("copyright").map_or(lower.as_str(), |r| r.trim_start_matches([':', ' ']));
    let Some(rest) = rest.strip_prefix('©').or_else(|| rest.strip_prefix("(c)")) else { return false };
    rest.as_bytes().windows(4).any(|w| matches!(w[..2], [b'1', b'9'] | [b'2', b'0']) && w[2..].iter().all(u8::is_ascii_digit)) || pat::contains_any(rest, pat::COPYRIGHT_WORDS)
}

/// Removes each table of contents: a block of [`pat::TOC_MIN_LINKS`] or more links, nearly all
/// to places in the page (`#…`), that are nearly all of its text, and that the page says is one
/// (a label such as "Table of Contents", "In this article", "Jump to:", or its class); with the
/// label. The reader's text is the sections themselves.
fn remove_tables_of_contents(dom: &mut Dom, article: NodeId, order: &[NodeId], lens: &[TextRun], log: &mut Log) {
    const RULE: &str = "a table of contents (links to the article's own sections)";
    let here = |n: &&NodeId| dom.is(**n, "a") && dom.attr(**n, "href").is_some_and(|h| h.len() > 1 && h.starts_with('#'));
    if order.iter().filter(here).take(pat::TOC_MIN_LINKS).count() < pat::TOC_MIN_LINKS {
        return;
    }
    // For each node: its links, those to a place in the page, and the text inside its links.
    let mut links = vec![(0usize, 0usize, 0usize); dom.capacity()];
    for &n in order.iter().rev() {
        let (mut all, mut here, mut linked) = dom.child_nodes(n).fold((0, 0, 0), |acc, c| {
            let (a, h, l) = links[c.index()];
            (acc.0 + a, acc.1 + h, acc.2 + l)
        });
        if dom.is(n, "a") {
            all += 1;
            here += usize::from(dom.attr(n, "href").is_some_and(|h| h.len() > 1 && h.starts_with('#')));
            linked = lens[n.index()].chars;
        }
        links[n.index()] = (all, here, linked);
    }
    for &n in &order[1..] {
        let (all, here, linked) = links[n.index()];
        let chars = lens[n.index()].chars;
        let is_toc = all >= pat::TOC_MIN_LINKS
            && here as f64 >= pat::TOC_LINKS_HERE_SHARE * all as f64
            && linked as f64 >= pat::TOC_LINK_TEXT_SHARE * chars as f64
            && dom.element(n).is_some()
            && dom.is_attached_below(n, article);
        if !is_toc {
            continue;
        }
        // Said to be one: by the label just before it (white space aside) or first in it, or by
        // its class or id (`toc`, `table-of-contents`). Else it is a summary or a list of
        // questions whose items link to their sections, which is text.
        let before = std::iter::successors(dom.prev_sibling(n), |&s| dom.prev_sibling(s))
            .find(|&s| dom.element(s).is_some() || dom.text(s).is_some_and(|t| !t.trim().is_empty()))
            .filter(|&l| dom.element(l).is_some() && is_toc_label(&dom.inner_text(l)));
        let first = dom.descendants(n).find(|&d| dom.text(d).is_some_and(|t| !t.trim().is_empty()));
        let labelled_inside = first.and_then(|t| dom.parent(t)).is_some_and(|p| p != n && !dom.is(p, "a") && is_toc_label(&dom.inner_text(p)));
        let words = pat::class_and_id(dom.attr(n, "class"), dom.attr(n, "id"));
        let named = pat::has_token(&words, &["toc"]) || pat::contains_any(&words, pat::TOC_NAMES);
        if before.is_none() && !labelled_inside && !named {
            continue;
        }
        if let Some(label) = before {
            log.remove(dom, label, "clean", RULE);
        }
        log.remove(dom, n, "clean", RULE);
    }
}

/// Whether the first word of `n`'s text is the first word of a label [`remove_labels`] knows.
fn may_be_label(dom: &Dom, n: NodeId) -> bool {
    let Some(word) = dom.descendants(n).filter_map(|d| dom.text(d)).find_map(|t| t.split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ':')).find(|w| !w.is_empty())) else {
        return false;
    };
    let word = word.trim_end_matches(['.', '…', '→', '»', '›', '>']);
    if word.bytes().all(|b| b.is_ascii_digit()) || ["reading", "read", "estimated"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return true; // a reading time, perhaps
    }
    let lower = if word.is_ascii() { std::borrow::Cow::Borrowed(word) } else { std::borrow::Cow::Owned(word.to_lowercase()) };
    let starts = |label: &str| label.get(..lower.len()).is_some_and(|p| p.eq_ignore_ascii_case(&lower)) && matches!(label.as_bytes().get(lower.len()), None | Some(b' '));
    [pat::AD_WORDS, pat::LOADING_WORDS, pat::TOC_LABELS, pat::CONTROL_LABELS, pat::BADGE_LABELS].iter().any(|list| list.iter().any(|l| starts(l)))
}

/// Whether `text` (lower case, dashes and colons as spaces) is what a page's controls say: a
/// skip link ("Skip to main content"), a list's sorting and filtering ("Sort by", "Filter &
/// sort", "Results per page").
fn is_control_label(text: &str) -> bool {
    text.starts_with("skip to ") || pat::CONTROL_LABELS.contains(&text)
}

/// Whether `text` (lower case, dashes and colons as spaces) gives a reading time: "8 min read",
/// "3 minute read", "Reading time 8 minutes", "Estimated reading time 5 min".
#[inline(never)]
fn is_reading_time(text: &str) -> bool {
    let text = text.strip_prefix("estimated ").unwrap_or(text);
    let amount = |s: &str| s.split_once(' ').is_some_and(|(n, unit)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && matches!(unit, "min" | "mins" | "minute" | "minutes"));
    match text.strip_prefix("reading time ").or_else(|| text.strip_prefix("read time ")) {
        Some(rest) => amount(rest),
        None => [" read", " reading"].iter().any(|r| text.strip_suffix(r).is_some_and(amount)),
    }
}

/// Whether `text` is the label of a table of contents ("Table of Contents", "On this page").
fn is_toc_label(text: &str) -> bool {
    let lower = text.trim().trim_end_matches([':', '.']).trim().to_lowercase();
    pat::TOC_LABELS.contains(&lower.as_str())
}

/// The nodes of the subtree at `root` in document order (`root` first), and the text length of
/// each (indexed by node), from one bottom-up pass.
pub fn text_runs(dom: &Dom, root: NodeId) -> (Vec<NodeId>, Vec<TextRun>) {
    let order: Vec<NodeId> = std::iter::once(root).chain(dom.descendants(root)).collect();
    let mut lens = vec![TextRun::default(); dom.capacity()];
    for &n in order.iter().rev() {
        lens[n.index()] = match dom.text_run(n) {
            Some(run) => run,
            None => dom.child_nodes(n).fold(TextRun::default(), |acc, c| acc.then(lens[c.index()])),
        };
    }
    (order, lens)
}

/// A heading's text lower-cased, without the colon or dots after it.
fn heading_words(text: &str) -> String {
    text.trim().trim_end_matches([':', '…', '.']).trim().to_lowercase()
}

/// Whether `n` says only who wrote or checked the page: a label ("Written by", "Reviewed by:"),
/// alone (the name is in the element after it: `Some(false)`) or with a name of at most four
/// words (`Some(true)`).
#[inline(never)]
fn credit_line(dom: &Dom, n: NodeId) -> Option<bool> {
    // Most elements are ruled out by their first text, without building their whole text.
    dom.first_child(n).and_then(|c| dom.text(c)).and_then(after_credit_label)?;
    let text = dom.inner_text(n);
    let name = after_credit_label(&text)?.trim_matches([' ', ':', '.']);
    (text.len() <= pat::CREDIT_LINE_MAX_CHARS && name.split_whitespace().count() <= 4).then_some(!name.is_empty())
}

/// What follows a [`pat::CREDIT_LABELS`] label that opens `text`, if one does.
fn after_credit_label(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let rest = &t[pat::opening(t, pat::CREDIT_LABELS)?..];
    (rest.is_empty() || rest.starts_with([' ', ':'])).then_some(rest)
}

/// Whether a heading's words (lower case) open the readers' comments: "Leave a reply", "12
/// comments".
fn is_comments_heading(words: &str) -> bool {
    let counted = words.split_once(' ').is_some_and(|(n, w)| n.bytes().all(|b| b.is_ascii_digit()) && pat::COUNTED_COMMENTS.contains(&w));
    counted || pat::COMMENT_HEADINGS.contains(&words)
}

/// Whether a heading's text says that what follows is other pages of the site.
fn is_more_of_the_site(text: &str) -> bool {
    let lower = heading_words(text);
    lower.len() < 60 && (pat::MORE_OF_THE_SITE_HEADINGS.contains(&lower.as_str()) || pat::MORE_OF_THE_SITE_STARTS.iter().any(|s| lower.starts_with(s)))
}

/// Whether `n` is one of [`pat::REPEATED_ITEMS_MIN`] or more sibling elements of its tag whose
/// class or id has a word of `tokens`: items of a list (a page of companies, each with its
/// reviews), not one box.
fn one_of_several(dom: &Dom, n: NodeId, tokens: &[&str]) -> bool {
    let Some(parent) = dom.parent(n) else { return false };
    let alike = |c: NodeId| dom.tag(c) == dom.tag(n) && dom.element(c).is_some_and(|e| pat::has_token(&pat::class_and_id(e.attr("class"), e.attr("id")), tokens));
    dom.element_children(parent).into_iter().filter(|&c| alike(c)).count() >= pat::REPEATED_ITEMS_MIN
}

/// Whether `n` is a card of a row: one of [`pat::REPEATED_ITEMS_MIN`] or more element siblings in a
/// row (nothing else between them) of its tag, with a word of `tokens` in their class or id, each
/// holding [`pat::CARD_MIN_CHARS`] characters or more (a title and a line, not a button's words).
fn is_card_of_a_row(dom: &Dom, n: NodeId, tokens: &[&str]) -> bool {
    let Some(parent) = dom.parent(n) else { return false };
    let card = |c: NodeId| {
        dom.tag(c) == dom.tag(n) && dom.element(c).is_some_and(|e| pat::has_token(&pat::class_and_id(e.attr("class"), e.attr("id")), tokens)) && text_len(dom, c) >= pat::CARD_MIN_CHARS
    };
    if !card(n) {
        return false;
    }
    let siblings = dom.element_children(parent);
    let at = siblings.iter().position(|&c| c == n).unwrap_or(0);
    let before = siblings[..at].iter().rev().take_while(|&&c| card(c)).count();
    let after = siblings[at + 1..].iter().take_while(|&&c| card(c)).count();
    before + 1 + after >= pat::REPEATED_ITEMS_MIN
}

/// Whether `n`, classed as a signature, is a function's signature in documentation (Sphinx's
/// `<dt class="sig">`, TypeDoc's `tsd-signature`) rather than a forum member's: a term of a
/// definition list, or code, or text with a parenthesis.
fn is_call_signature(dom: &Dom, n: NodeId) -> bool {
    dom.is(n, "dt") || dom.has_ancestor(n, "dl", 0) || !dom.elements_named(n, "code").is_empty() || dom.inner_text(n).contains('(')
}

/// Removes the page's counters: a paragraph, list item or box whose whole text is a number and
/// one of [`pat::COUNTER_WORDS`] ("1,693 views", "12 Comments", "3.4K shares").
fn remove_counters(dom: &mut Dom, article: NodeId, log: &mut Log) {
    let blocks: Vec<NodeId> = dom.descendants(article).filter(|&n| dom.tag(n).is_some_and(|t| matches!(t, "p" | "div" | "li" | "span"))).collect();
    for n in blocks {
        // Short, known by a walk that stops at 40 characters of text.
        let mut chars = 0;
        let short = dom.descendants(n).all(|d| {
            chars += dom.text(d).map_or(0, |t| t.len());
            chars <= 40
        });
        if !short || !dom.is_attached_below(n, article) {
            continue;
        }
        if is_counter(&dom.inner_text(n)) {
            log.remove(dom, n, "clean", "a counter (views, shares, comments)");
        }
    }
}

/// Whether `text` is a number and a counter's word, as `1,693 views` or `3.4K Shares`.
fn is_counter(text: &str) -> bool {
    let lower = text.to_lowercase();
    let Some((number, word)) = lower.trim().rsplit_once(' ') else { return false };
    let number = number.trim().trim_end_matches(['k', 'm']);
    pat::COUNTER_WORDS.contains(&word)
        && number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\u{a0}' | ' '))
}

/// Removes the language label a page's code block shows above its code (MDN's
/// `<div class="example-header"><span>js</span></div>`, "Python" tabs, "Copy" bars whose button
/// the sanitizer drops): the element just before a `<pre>` whose whole text is the code's
/// language, by the block's class, or a language name of [`pat::CODE_LANGUAGE_LABELS`]. The
/// language itself is kept on the code (the saved Markdown names it on the fence).
fn remove_code_labels(dom: &mut Dom, article: NodeId, log: &mut Log) {
    for pre in dom.elements_named(article, "pre") {
        let mut prev = dom.prev_sibling(pre);
        while let Some(p) = prev.filter(|&p| dom.text(p).is_some_and(|t| t.trim().is_empty())) {
            prev = dom.prev_sibling(p);
        }
        let Some(label) = prev.filter(|&p| dom.tag(p).is_some_and(|t| !matches!(t, "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))) else { continue };
        let text = dom.inner_text(label);
        if text.is_empty() || text.chars().count() > pat::CODE_LABEL_MAX_CHARS || dom.descendants(label).any(|d| dom.tag(d).is_some_and(|t| matches!(t, "img" | "pre" | "p" | "a"))) {
            continue;
        }
        let name = text.to_lowercase();
        let own = [pre].into_iter().chain(dom.descendants(pre)).filter_map(|n| dom.attr(n, "class")).find_map(crate::sanitize::code_language);
        if own.as_deref() == Some(name.as_str()) || pat::CODE_LANGUAGE_LABELS.contains(&name.as_str()) {
            log.remove(dom, label, "clean", "a code block's language label");
        }
    }
}

/// Takes the page's own controls out of each heading: permalinks (a link to a fragment whose text
/// is a symbol such as `¶`, `#` or an icon, or nothing, or starts with `#` (`#section2`), or is a
/// word of [`pat::HEADING_SELF_LINK_WORDS`]), wikis' `[edit]` links with their brackets, and a link to a
/// fragment that is the whole heading (a self-link, or a link back to the page's contents) is
/// unwrapped. They are navigation of the page, not of the article: left in, they show in the
/// view, in Contents and in every saved file ("History[edit]", "Examples¶").
fn clean_heading_links(dom: &mut Dom, article: NodeId, log: &mut Log) {
    let headings: Vec<NodeId> = dom.descendants(article).filter(|&n| is_heading(dom, n)).collect();
    for h in headings {
        for a in dom.elements_named(h, "a") {
            if !dom.is_attached_below(a, h) {
                continue;
            }
            let to_fragment = dom.attr(a, "href").is_some_and(|href| href.starts_with('#'));
            let text = dom.text_content(a).trim().to_lowercase();
            if is_edit_link(dom, a) && !to_fragment {
                let control = edit_control(dom, h, a);
                log.remove(dom, control, "clean", "a heading's edit link");
            } else if to_fragment && (!text.chars().any(char::is_alphanumeric) || text.starts_with('#') || pat::HEADING_SELF_LINK_WORDS.contains(&text.as_str())) {
                log.remove(dom, a, "clean", "a heading's permalink");
            }
        }
        let whole = dom.text_content(h);
        for a in dom.elements_named(h, "a") {
            if dom.attr(a, "href").is_some_and(|href| href.starts_with('#')) && dom.text_content(a).trim() == whole.trim() {
                dom.unwrap(a);
            }
        }
    }
}

/// A wiki's "edit this section" link: to an edit action, or to an address about editing with
/// the words of one ([`pat::HEADING_EDIT_WORDS`]).
fn is_edit_link(dom: &Dom, a: NodeId) -> bool {
    dom.attr(a, "href").is_some_and(|href| {
        href.contains("action=edit") || (href.contains("edit") && pat::HEADING_EDIT_WORDS.contains(&dom.text_content(a).trim().to_lowercase().as_str()))
    })
}

/// The element of heading `h` that is the edit link `a` and its decoration: the outermost
/// ancestor below `h` whose text, besides the link's, is brackets and bars (`[edit | edit source]`).
fn edit_control(dom: &Dom, h: NodeId, a: NodeId) -> NodeId {
    let mut control = a;
    while let Some(parent) = dom.parent(control).filter(|&p| p != h) {
        let links: Vec<NodeId> = dom.elements_named(parent, "a");
        let all_edit = links.iter().all(|&l| is_edit_link(dom, l));
        let mut rest = dom.text_content(parent);
        for &l in &links {
            rest = rest.replacen(&dom.text_content(l), "", 1);
        }
        if !all_edit || !rest.chars().all(|c| c.is_whitespace() || matches!(c, '[' | ']' | '|' | '(' | ')')) {
            break;
        }
        control = parent;
    }
    control
}

/// Removes the short headings that cleaning left at the very end of the article with nothing
/// under them ("You may also like" over product cards that went as links, "Related posts"), the
/// last first: "Discussion about this post" over comments that went, above "Ready for more?".
/// A paragraph or box whose whole text says that other pages follow is such a heading too.
fn remove_headings_of_nothing(dom: &mut Dom, article: NodeId, log: &mut Log) {
    let order: Vec<NodeId> = dom.descendants(article).collect();
    let shown = |dom: &Dom, n: NodeId| dom.text(n).is_some_and(|t| !t.trim().is_empty()) || dom.tag(n).is_some_and(|t| pat::MEDIA_ELEMENTS.contains(&t) || t == "table" || t == "pre");
    // From the end: each heading, while nothing after its own subtree has text or media.
    // A label styled as a paragraph counts as a heading where its whole text says that other
    // pages of the site follow ("What others are reading").
    let heading_like = |dom: &Dom, n: NodeId| {
        is_heading(dom, n) || (matches!(dom.tag(n), Some("p" | "div" | "section")) && text_len(dom, n) < pat::SIBLING_PROSE_CHARS && is_more_of_the_site(&dom.inner_text(n)))
    };
    let mut end = order.len();
    while let Some(at) = order[..end].iter().rposition(|&n| heading_like(dom, n)) {
        let h = order[at];
        let nothing_after = order[at + 1..end].iter().all(|&n| dom.is_attached_below(n, h) || !dom.is_attached_below(n, article) || !shown(dom, n));
        if !nothing_after || text_len(dom, h) >= pat::SIBLING_PROSE_CHARS {
            break;
        }
        log.remove(dom, h, "clean", "a heading with nothing under it");
        end = at;
    }
}

/// Removes each block whose whole text repeats a block above it (not one it is inside): pages
/// print their content twice for two screen sizes, or a template repeats its call to action.
/// Tab panels keep their copies (each tab is read on its own), quotes too (a reply quotes the
/// post it answers), and so do short blocks, which repeat by nature ("Step 1", "Reply"), and
/// paragraphs beside their twin, in the same parent (a refrain, a template's filler).
fn remove_repeated_blocks(dom: &mut Dom, article: NodeId, log: &mut Log) {
    // Text lengths from one bottom-up pass: a wrapper whose text is its only child's is not
    // compared (nor built), which keeps deep nests cheap.
    let (order, lens) = text_runs(dom, article);
    let len_of = |n: NodeId| lens[n.index()].chars;
    let block = |dom: &Dom, n: NodeId| dom.element(n).is_some() && len_of(n) >= pat::REPEATED_BLOCK_MIN_CHARS && dom.parent(n).is_none_or(|p| len_of(p) != len_of(n));
    // Two blocks of one text have one length (the measure is of the text as `inner_text` gives
    // it): the text of a block whose length no other block has is never built.
    let mut lengths: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
    for &n in order[1..].iter().filter(|&&n| block(dom, n)) {
        *lengths.entry(len_of(n)).or_default() += 1;
    }
    let mut seen: std::collections::HashMap<String, NodeId> = std::collections::HashMap::new();
    for &n in &order[1..] {
        if !block(dom, n) || lengths.get(&len_of(n)).is_none_or(|&c| c < 2) || !dom.is_attached_below(n, article) || dom.has_ancestor(n, "blockquote", 0) {
            continue;
        }
        // Each tab is read on its own: the same step in the Python and the Node tab stays.
        if dom.ancestors(n).take_while(|&a| a != article).any(|a| dom.attr(a, "role") == Some("tabpanel")) {
            continue;
        }
        let text = dom.inner_text(n);
        match seen.get(&text) {
            Some(&first) => {
                // A paragraph beside its twin is the text's own repeat (a refrain, a template's filler).
                let refrain = dom.parent(n) == dom.parent(first) && matches!(dom.tag(n), Some("p" | "li"));
                if !dom.is_attached_below(n, first) && !refrain {
                    log.remove(dom, n, "clean", "a copy of a block above");
                }
            }
            None => {
                seen.insert(text, n);
            }
        }
    }
}

/// Tables used for page layout become plain blocks, so the reader can lay the text out itself.
fn unwrap_layout_tables(dom: &mut Dom, article: NodeId, data_tables: &HashSet<NodeId>) {
    for table in dom.elements_named(article, "table") {
        if data_tables.contains(&table) || !dom.is_attached_below(table, article) {
            continue;
        }
        let parts: Vec<NodeId> = dom
            .descendants(table)
            .filter(|&n| {
                dom.tag(n).is_some_and(|t| matches!(t, "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption"))
                    && nearest_table(dom, n) == Some(table)
            })
            .collect();
        for n in parts {
            if dom.is(n, "td") || dom.is(n, "th") || dom.is(n, "caption") {
                dom.rename(n, "div");
                if let Some(e) = dom.element_mut(n) {
                    e.attrs.clear();
                }
            } else {
                dom.unwrap(n);
            }
        }
        dom.rename(table, "div");
        if let Some(e) = dom.element_mut(table) {
            e.attrs.retain(|(k, _)| k == "id");
        }
    }
}

fn nearest_table(dom: &Dom, n: NodeId) -> Option<NodeId> {
    let mut p = dom.parent(n);
    while let Some(t) = p {
        if dom.is(t, "table") {
            return Some(t);
        }
        p = dom.parent(t);
    }
    None
}

/// Tables that hold data (headers, captions, many cells) rather than page layout.
fn mark_data_tables(dom: &Dom, article: NodeId) -> HashSet<NodeId> {
    let mut out = HashSet::new();
    for table in dom.elements_named(article, "table") {
        if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0") {
            continue;
        }
        if dom.attr(table, "summary").is_some() {
            out.insert(table);
            continue;
        }
        let caption = dom.element_children(table).into_iter().find(|&c| dom.is(c, "caption"));
        if caption.is_some_and(|c| dom.has_text(c)) {
            out.insert(table);
            continue;
        }
        let desc: Vec<NodeId> = dom.descendants(table).collect();
        if desc.iter().any(|&n| dom.tag(n).is_some_and(|t| matches!(t, "col" | "colgroup" | "tfoot" | "thead" | "th"))) {
            out.insert(table);
            continue;
        }
        if desc.iter().any(|&n| dom.is(n, "table")) {
            continue;
        }
        let rows: Vec<NodeId> = desc.iter().copied().filter(|&n| dom.is(n, "tr")).collect();
        let cols = rows
            .iter()
            .map(|&r| {
                dom.element_children(r)
                    .into_iter()
                    .filter(|&c| dom.is(c, "td") || dom.is(c, "th"))
                    .map(|c| dom.attr(c, "colspan").and_then(|s| s.parse::<usize>().ok()).unwrap_or(1).min(1000))
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        if rows.len() >= pat::DATA_TABLE_MIN_ROWS || cols > pat::LAYOUT_TABLE_MAX_COLUMNS || rows.len() * cols > pat::LAYOUT_TABLE_MAX_CELLS {
            out.insert(table);
        }
    }
    out
}

/// Moves the real image URL of lazy-loaded images into `src`/`srcset`.
fn fix_lazy_images(dom: &mut Dom, article: NodeId) {
    let imgs: Vec<NodeId> =
        dom.descendants(article).filter(|&n| dom.is(n, "img") || dom.is(n, "source")).collect();
    for img in imgs {
        let src = dom.attr(img, "src").unwrap_or("");
        // A tiny data URI (a 1×1 GIF, say) is a placeholder, not the image.
        let placeholder = src.is_empty() || (src.starts_with("data:") && src.len() < pat::PLACEHOLDER_DATA_URI_MAX_CHARS);
        if placeholder {
            let named = pat::LAZY_SRC_ATTRS.iter().find_map(|a| dom.attr(img, a)).map(str::to_string);
            // Otherwise, any attribute whose value looks like an image URL (lazy loaders name
            // theirs freely: data-lazy-load-src, data-full, ...).
            let guessed = || {
                dom.element(img)?.attrs.iter().find_map(|(k, v)| {
                    let lower = v.to_ascii_lowercase();
                    let looks = pat::IMAGE_EXTENSIONS.iter().any(|e| lower.contains(e));
                    (k != "src" && k != "srcset" && looks && !v.trim().contains(' ')).then(|| v.trim().to_string())
                })
            };
            if let Some(real) = named.or_else(guessed) {
                dom.set_attr(img, "src", &real);
            }
        }
        if let Some(set) = pat::LAZY_SRCSET_ATTRS.iter().find_map(|a| dom.attr(img, a)).map(str::to_string) {
            dom.set_attr(img, "srcset", &set);
        }
    }
}

/// What the conditional cleaning knows of the article besides its tree: its data tables, its
/// footnote lists, and the page's address.
struct Known<'a> {
    data_tables: &'a HashSet<NodeId>,
    notes: &'a [NodeId],
    site: Option<&'a Url>,
}

/// Removes `tag` elements that look like link lists, ads or widgets rather than content.
fn clean_conditionally(dom: &mut Dom, article: NodeId, tag: &str, flags: Flags, known: &Known, log: &mut Log) {
    let mut nodes = dom.elements_named(article, tag);
    nodes.reverse();
    for node in nodes {
        if !dom.is_attached_below(node, article) {
            continue;
        }
        if let Some(rule) = removal_rule(dom, node, tag, flags, known) {
            log.remove(dom, node, "clean", rule);
        }
    }
}

fn inside_data_table(dom: &Dom, node: NodeId, data_tables: &HashSet<NodeId>) -> bool {
    let mut p = dom.parent(node);
    while let Some(n) = p {
        if data_tables.contains(&n) {
            return true;
        }
        p = dom.parent(n);
    }
    false
}

/// What `removal_rule` counts in a subtree.
#[derive(Default)]
struct Counts {
    p: f64,
    img: f64,
    li: f64,
    input: f64,
    embeds: usize,
    commas: usize,
    list_chars: usize,
    heading_chars: usize,
    /// Holds math, code or an iframe.
    media: bool,
}

/// Whether `node` is, or is mostly, lists that the sentence just before each announces ("Many
/// patches were sent for review:"), each item a few words or more, most of their links to other
/// sites: the author's references (a report's pull requests, a guide's sources), not a box of the
/// site's links, whose heading is a label ("Follow us:", "Tags:"), whose items are a word or two,
/// or which lead to the site's own pages ("check out our other guides:").
fn announced_list(dom: &Dom, node: NodeId, text_chars: usize, site: Option<&Url>) -> bool {
    let Some(site) = site else { return false };
    let is_list = |n: NodeId| matches!(dom.tag(n), Some("ul" | "ol"));
    let lists: Vec<NodeId> = if is_list(node) { vec![node] } else { dom.descendants(node).filter(|&d| is_list(d)).collect() };
    let announced_chars: usize = lists
        .into_iter()
        .filter(|&list| {
            let items = dom.element_children(list);
            let words: usize = items.iter().map(|&li| dom.inner_text(li).split_whitespace().count()).sum();
            items.len() >= 2 && words >= items.len() * pat::ANNOUNCED_ITEM_WORDS && links_away(dom, list, site) && announced(dom, list)
        })
        .map(|list| text_len(dom, list))
        .sum();
    announced_chars > 0 && announced_chars * 2 >= text_chars
}

/// Whether most of the links in `node` lead to other hosts than `site`'s (`www.` aside).
fn links_away(dom: &Dom, node: NodeId, site: &Url) -> bool {
    let bare = |host: String| host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
    let home = bare(site.host());
    let (mut away, mut all) = (0, 0);
    for a in dom.elements_named(node, "a") {
        let Some(href) = dom.attr(a, "href") else { continue };
        all += 1;
        if site.join(href).and_then(|u| Url::parse(&u)).is_some_and(|u| matches!(u.scheme(), "http" | "https") && bare(u.host()) != home) {
            away += 1;
        }
    }
    all > 0 && away * 2 > all
}

/// Whether the text just before `list` (before the wrappers that hold only it) is a sentence of
/// some words that ends with a colon.
fn announced(dom: &Dom, list: NodeId) -> bool {
    let mut at = list;
    loop {
        let mut prev = dom.prev_sibling(at);
        while let Some(p) = prev.filter(|&p| dom.element(p).is_none() && dom.text(p).is_none_or(|t| t.trim().is_empty())) {
            prev = dom.prev_sibling(p);
        }
        if let Some(p) = prev {
            let text = if dom.element(p).is_some() { dom.inner_text(p) } else { dom.text(p).unwrap_or_default().to_string() };
            let text = text.trim();
            return text.ends_with(':') && text.split_whitespace().count() >= pat::ANNOUNCING_WORDS;
        }
        match dom.parent(at) {
            Some(parent) if dom.element_children(parent).len() == 1 => at = parent,
            _ => return false,
        }
    }
}

/// Why `node`, a `tag` element of the article, is a link list, an ad or a widget rather than
/// content; `None` when it is content.
fn removal_rule(dom: &Dom, node: NodeId, tag: &str, flags: Flags, known: &Known) -> Option<&'static str> {
    let Known { data_tables, notes, site } = *known;
    if tag == "table" && data_tables.contains(&node) {
        return None;
    }
    if inside_data_table(dom, node, data_tables) || dom.has_ancestor(node, "code", 0) || dom.has_ancestor(node, "pre", 0) {
        return None;
    }
    // Inside a footnote list, or holding one.
    if notes.iter().any(|&f| dom.is_attached_below(node, f) || dom.is_attached_below(f, node)) {
        return None;
    }
    if dom.descendants(node).any(|n| data_tables.contains(&n)) {
        return None;
    }
    // A thread's post, whole, or what holds nearly all of its text (the engine's wrapper inside
    // the post's text element): the thread was found by its posts, so each is content, however
    // many links it lists (a topic's opening post of league tables, a reply of two lines and a
    // link to a video).
    let text_chars = dom.inner_text_len(node);
    // Whether `node` holds nearly all of the text of `outer`, an element around it.
    let most_of = |outer: NodeId| text_chars as f64 >= dom.inner_text_len(outer) as f64 * pat::POST_BODY_SHARE;
    let post = dom.ancestors(node).find(|&a| dom.is(a, "article") && dom.attr(a, "class") == Some(POST_CLASS));
    if post.is_some_and(|p| dom.parent(node) == Some(p) || most_of(p)) {
        return None;
    }
    // What the rules count, from one walk of the subtree.
    let mut n = Counts::default();
    for d in dom.descendants(node) {
        if dom.text(d).is_some() {
            n.commas += dom.text_commas(d);
            continue;
        }
        match dom.tag(d) {
            Some("p") => n.p += 1.0,
            Some("img") => n.img += 1.0,
            Some("li") => n.li += 1.0,
            Some("input") => n.input += 1.0,
            Some("ul" | "ol") => n.list_chars += text_len(dom, d),
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => n.heading_chars += text_len(dom, d),
            Some("math" | "pre") => n.media = true,
            Some(t @ ("object" | "embed" | "iframe")) => {
                n.media |= t == "iframe";
                if !is_video_embed(dom, d) {
                    n.embeds += 1;
                }
            }
            _ => {}
        }
    }
    let is_list = tag == "ul" || tag == "ol" || (text_chars > 0 && n.list_chars as f64 / text_chars as f64 > pat::LIST_TEXT_SHARE);
    let weight = class_weight(dom, node, flags);
    // The whole of a list item's text is that item, whatever its class says (arXiv's `div.meta`,
    // each listed paper's title, authors and subjects).
    let whole_item = || dom.parent(node).is_some_and(|p| matches!(dom.tag(p), Some("li" | "dd")) && most_of(p));
    if weight < 0.0 && !whole_item() {
        return Some("its class or id is against it");
    }
    if n.commas >= pat::PROSE_MIN_COMMAS {
        return None;
    }
    let (p, img, li, input, embeds) = (n.p, n.img, n.li - pat::LIST_ITEM_ALLOWANCE, n.input, n.embeds);
    let heading_density = if text_chars == 0 { 0.0 } else { n.heading_chars as f64 / text_chars as f64 };
    let in_figure = dom.has_ancestor(node, "figure", 0);
    let ld = link_density(dom, node);
    let media = img > 0.0 || embeds > 0 || n.media;
    // Asked of a block about to go as links, at most once (two rules below ask it).
    let announced = std::cell::OnceCell::new();
    let announced = || *announced.get_or_init(|| announced_list(dom, node, text_chars, site));
    let rule = if img > 1.0 && p / img < pat::MIN_PARAGRAPHS_PER_IMAGE && !in_figure {
        Some("more images than paragraphs")
    } else if !is_list && li > p {
        Some("more list items than paragraphs")
    } else if input > (p / 3.0).floor() {
        Some("a form (more inputs than paragraphs)")
    } else if !is_list && heading_density < pat::HEADING_TEXT_SHARE && text_chars < pat::SHORT_BLOCK_CHARS && (img == 0.0 || img > 2.0) && ld > 0.0 && !in_figure && !announced() {
        Some("a short block with links")
    } else if ((!is_list && weight < pat::CLASS_WEIGHT && ld > if text_chars >= pat::LONG_BLOCK_CHARS { pat::MAX_LINK_DENSITY_LONG } else { pat::MAX_LINK_DENSITY }) || (weight >= pat::CLASS_WEIGHT && ld > pat::MAX_LINK_DENSITY_POSITIVE)) && !announced() {
        Some("mostly links")
    } else if (embeds == 1 && text_chars < pat::EMBED_MIN_CHARS) || embeds > 1 {
        Some("an embedded widget")
    } else if text_chars == 0 && !media {
        Some("empty")
    } else {
        None
    };
    if rule.is_some() && is_list {
        // A list of single-item entries each holding one image is a gallery: keep it.
        let kids = dom.element_children(node);
        if kids.iter().any(|&k| dom.element_children(k).len() > 1) {
            return rule;
        }
        if img == n.li {
            return None;
        }
    }
    rule
}

/// The footnote lists that hold `article` or lie inside it (found once: most pages have none).
fn footnote_lists(dom: &Dom, article: NodeId) -> Vec<NodeId> {
    let around = dom.ancestors(article).chain([article]).chain(dom.descendants(article));
    around.filter(|&n| is_footnotes(dom, n)).collect()
}

/// `<table>`s with a single cell are layout: replace each by its cell's content.
fn unwrap_single_cell_tables(dom: &mut Dom, article: NodeId) {
    for table in dom.elements_named(article, "table") {
        let mut cur = table;
        let mut cell = None;
        // table > (tbody >)? tr > td
        loop {
            let kids = dom.element_children(cur);
            if kids.len() != 1 {
                break;
            }
            let k = kids[0];
            if dom.is(k, "td") || dom.is(k, "th") {
                cell = Some(k);
                break;
            }
            if !(dom.is(k, "tbody") || dom.is(k, "tr") || dom.is(k, "thead")) {
                break;
            }
            cur = k;
        }
        let Some(cell) = cell else { continue };
        let all_phrasing = dom.child_nodes(cell).all(|c| is_phrasing(dom, c));
        dom.rename(cell, if all_phrasing { "p" } else { "div" });
        if let Some(e) = dom.element_mut(cell) {
            e.attrs.clear();
        }
        dom.replace(table, cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_items_whole_text_stays_whatever_its_class_says() {
        // A listed paper's title and authors in a `div.meta`, the whole of its `<dd>`; a date line
        // classed `meta` beside a post's text is what the class word is against.
        let mut dom = Dom::parse_fragment(
            "<div id=a><dl><dt>[1] arXiv:2603.05498</dt><dd><div class=meta>Title: Anatomy of Massive Activations and Attention Sinks</div></dd></dl>\
             <div class=post><div class=meta>Posted on March 6 by the editors</div><p>The week's papers, with a note on each of them.</p></div></div>",
        );
        let article = dom.descendants(dom.root()).find(|&n| dom.attr(n, "id") == Some("a")).unwrap();
        clean_conditionally(&mut dom, article, "div", Flags::ALL, &Known { data_tables: &HashSet::new(), notes: &[], site: None }, &mut Log::new(false));
        let text = dom.inner_text(article);
        assert!(text.contains("Anatomy of Massive Activations"), "{text}");
        assert!(!text.contains("Posted on March 6"), "{text}");
    }
}
