//! Stage 2, preparation: strip what can never be content and normalize markup before scoring.

use super::explain::Log;
use super::nodes::{is_heading, is_phrasing, is_whitespace, next_node};
use super::patterns;
use crate::dom::{Dom, NodeId, TextRun};
use crate::sanitize::{code_language, is_video_embed};
use crate::text::words_len;

/// The rule that removes hidden nodes (those go after the rest: see `remove_hidden`).
const HIDDEN_RULE: &str = "hidden";

/// Removes non-content elements and hidden nodes, turns `<br><br>` runs into paragraphs and
/// unwraps presentational wrappers. Each removal is recorded in `log`.
pub fn prepare(dom: &mut Dom, log: &mut Log) {
    let root = dom.root();
    reveal_noscript_fallback(dom);
    place_streamed_segments(dom, log);
    super::math::normalize(dom);
    unwrap_noscript_images(dom);
    normalize_code_blocks(dom, log);
    let mut email_fields = Vec::new();
    let mut questions = Vec::new();
    // Gathered on the same walk, dealt with once the tree is prepared.
    let mut placeholders = Vec::new();
    let mut flex_containers = Vec::new();
    // The ids of the panels that disclosure buttons open (`aria-controls` on an element with
    // `aria-expanded`: WAI-ARIA's disclosure and accordion patterns).
    let mut disclosed: Vec<String> = Vec::new();
    let doomed: Vec<(NodeId, &str)> = dom
        .descendants(root)
        .filter_map(|n| {
            if let Some(text) = dom.text(n) {
                if is_placeholder(text.trim()) {
                    placeholders.push(n);
                }
                return None;
            }
            if dom.is(n, "input") && email_fields.len() < patterns::SIGNUP_BOXES_MAX && is_email_field(dom, n) {
                email_fields.push(n);
            }
            if dom.attr(n, "class").is_some_and(|c| c.split_whitespace().any(|w| patterns::FLEX_CLASSES.contains(&w))) {
                flex_containers.push(n);
            }
            if let (Some(_), Some(ids)) = (dom.attr(n, "aria-expanded"), dom.attr(n, "aria-controls")) {
                disclosed.extend(ids.split_whitespace().map(str::to_string));
            }
            let rule = match dom.tag(n)? {
                "iframe" if !is_video_embed(dom, n) => "a frame that is not a video",
                "iframe" => return None,
                "button" if is_question_button(dom, n) => {
                    questions.push(n);
                    return None;
                }
                // Microdata's `<meta>` stays for the thread's posts to name their authors and dates
                // by (Nairaland's); it shows nothing, and the sanitizer drops it.
                "meta" if dom.attr(n, "itemprop").is_some() && dom.attr(n, "content").is_some() => return None,
                tag if patterns::ALWAYS_REMOVE.contains(&tag) => "never content (nav, form, button...)",
                _ if !is_probably_visible(dom, n) => HIDDEN_RULE,
                _ if is_uuid(dom, n) => "a machine's identifier (a UUID), laid over hidden letters",
                _ if is_fixed_overlay(dom, n) => "a fixed overlay",
                _ => return None,
            };
            Some((n, rule))
        })
        .collect();
    // A question of the page's FAQ is read as a bold line above its answer (as a block, if it
    // holds a heading or other blocks; as the heading it is in, if it is in one).
    for q in questions {
        if dom.parent(q).is_some_and(|p| is_heading(dom, p)) {
            dom.unwrap(q);
        } else if dom.child_nodes(q).all(|c| is_phrasing(dom, c) || dom.is(c, "svg")) {
            let strong = dom.create_element("strong");
            for c in dom.children(q) {
                dom.append(strong, c);
            }
            dom.append(q, strong);
            dom.rename(q, "p");
        } else {
            dom.rename(q, "div");
        }
    }
    remove_signup_boxes(dom, &email_fields, log);
    // What is never content goes first, so that the page's text can be counted without it.
    let (hidden, never): (Vec<_>, Vec<_>) = doomed.into_iter().partition(|&(_, rule)| rule == HIDDEN_RULE);
    // A panel that a disclosure button opens (an accordion's answer, a tab's content), or what it
    // holds, is content the reader shows expanded, whatever its class says.
    let hidden: Vec<_> = if disclosed.is_empty() {
        hidden
    } else {
        let opens = |n: NodeId| dom.attr(n, "id").is_some_and(|id| disclosed.iter().any(|d| d == id));
        hidden.into_iter().filter(|&(n, _)| !std::iter::once(n).chain(dom.ancestors(n)).take(patterns::DISCLOSURE_PANEL_DEPTH).any(opens)).collect()
    };
    for (n, rule) in never {
        // A node inside one already removed went with it.
        if dom.is_attached(n) {
            log.remove(dom, n, "prepare", rule);
        }
    }
    remove_hidden(dom, hidden, log);
    // Presentational wrappers carry nothing the reader keeps: their content takes their place.
    for n in dom.descendants(root).collect::<Vec<_>>() {
        if dom.tag(n).is_some_and(|t| patterns::PRESENTATIONAL_ELEMENTS.contains(&t)) {
            dom.unwrap(n);
        }
    }
    replace_brs(dom);
    space_flex_items(dom, &flex_containers);
    remove_template_placeholders(dom, &placeholders);
}

/// Removes text that is a client-side template's placeholder and nothing else
/// (`{{ DiscussionBoard.errors[11793116].message }}`, `{{ upvoteCount | shortNum }}`): a script
/// would have put words there, the reader has none to show. Not in code, where a template's
/// syntax is what the page teaches.
/// `placeholders` are the page's text nodes that read as one (found before preparing).
fn remove_template_placeholders(dom: &mut Dom, placeholders: &[NodeId]) {
    for &n in placeholders {
        if dom.is_attached(n) && !["pre", "code", "kbd", "samp", "tt", "textarea"].iter().any(|tag| dom.has_ancestor(n, tag, 0)) {
            dom.detach(n);
        }
    }
}

/// Whether `text` is one template placeholder, `{{ … }}`, with no braces inside.
fn is_placeholder(text: &str) -> bool {
    text.strip_prefix("{{").and_then(|t| t.strip_suffix("}}")).is_some_and(|inner| !inner.trim().is_empty() && !inner.contains(['{', '}']))
}

/// Whether `n` holds nothing but a UUID (`6b4f817e-1bc7-4f5f-a4f7-68184bc11dc0`): never words for
/// a reader. A shop hides such spans between the letters of "Sponsored", so that only its style
/// shows the word.
fn is_uuid(dom: &Dom, n: NodeId) -> bool {
    let mut children = dom.child_nodes(n);
    let (Some(only), None) = (children.next(), children.next()) else { return false };
    let Some(text) = dom.text(only) else { return false };
    let text = text.trim();
    text.len() == 36 && text.bytes().enumerate().all(|(i, b)| if matches!(i, 8 | 13 | 18 | 23) { b == b'-' } else { b.is_ascii_hexdigit() })
}

/// Puts a space between the items of a flex or grid container (Tailwind's `flex`, Bootstrap's
/// `d-flex`) where the page's markup has none: the page's style lays them apart
/// (`<label>Accessories</label><span>1385</span>`), the reader, without that style, would run
/// them together as one word.
/// `containers` are the elements with such a class (found before preparing; one removed since is
/// passed over).
fn space_flex_items(dom: &mut Dom, containers: &[NodeId]) {
    for &c in containers {
        if !dom.is_attached(c) {
            continue;
        }
        let children = dom.element_children(c);
        for pair in children.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if dom.next_sibling(a) == Some(b) && is_phrasing(dom, a) && is_phrasing(dom, b) {
                let space = dom.create_text(" ");
                dom.insert_before(b, space);
            }
        }
    }
}

/// Removes the customers' reviews from a shop's page for a product (see
/// `Metadata::sells_a_product`): each element with a word of [`patterns::SHOP_REVIEW_TOKENS`] in
/// its class or id, or marked as a review in microdata (`itemprop="review"`), that holds less
/// than half the page's text (more, and it wraps the page, whatever its name).
pub fn remove_customer_reviews(dom: &mut Dom, log: &mut Log) {
    let root = dom.root();
    let page_len = dom.inner_text_len(root);
    let reviews: Vec<NodeId> = dom
        .descendants(root)
        .filter(|&n| {
            dom.element(n).is_some_and(|el| {
                el.attr("itemprop") == Some("review") || patterns::has_token(&patterns::class_and_id(el.attr("class"), el.attr("id")), patterns::SHOP_REVIEW_TOKENS)
            })
        })
        .collect();
    for n in reviews {
        if dom.is_attached(n) && super::clean::is_box_within(dom, n, page_len) {
            log.remove(dom, n, "prepare", "customers' reviews (on a shop's page for the product)");
        }
    }
}

/// Whether the button `n` opens an answer: its text is a question (15 characters or more,
/// ending in "?"), as on a page's frequently asked questions, and the answer is in the page: the
/// element after it (or after the box it ends) has text and no button of its own (answers that a
/// script fetches leave a list of questions alone).
fn is_question_button(dom: &Dom, n: NodeId) -> bool {
    let text = dom.inner_text(n);
    let text = text.trim();
    if text.len() < 15 || !text.ends_with('?') {
        return false;
    }
    let mut at = n;
    for _ in 0..3 {
        if let Some(next) = std::iter::successors(dom.next_sibling(at), |&s| dom.next_sibling(s)).find(|&s| dom.element(s).is_some()) {
            return !dom.is(next, "button") && dom.elements_named(next, "button").is_empty() && dom.inner_text_len(next) >= 20;
        }
        match dom.parent(at) {
            Some(p) => at = p,
            None => return false,
        }
    }
    false
}

/// Removes each sign-up box: the largest box around a field for an email address that holds
/// under [`patterns::SIGNUP_BOX_MAX_CHARS`] of text (the box's heading and its invitation: "Join
/// our newsletter", "Subscribe to get the latest posts sent to your email"), and no text area or
/// password field (a comment, contact or login form), nor the page's title.
fn remove_signup_boxes(dom: &mut Dom, fields: &[NodeId], log: &mut Log) {
    for &field in fields {
        // Up from the field, adding what each box holds beside the one below: a walk that stops
        // as soon as it has seen too much text or too many nodes for a sign-up box.
        let (mut boxed, mut chars) = (field, 0usize);
        while let Some(p) = dom.parent(boxed) {
            let region = dom.tag(p).is_none_or(|t| matches!(t, "body" | "main" | "article" | "html")) || dom.attr(p, "role") == Some("main");
            if region || dom.is(p, "textarea") {
                break;
            }
            let mut budget = patterns::SIGNUP_BOX_MAX_NODES;
            let beside = dom.child_nodes(p).filter(|&c| c != boxed).try_fold(0usize, |sum, c| {
                let more = box_text(dom, c, &mut budget)?;
                Some(sum + more).filter(|&s| chars + s <= patterns::SIGNUP_BOX_MAX_CHARS)
            });
            let Some(beside) = beside else { break };
            chars += beside;
            boxed = p;
        }
        if boxed != field && dom.is_attached(boxed) {
            log.remove(dom, boxed, "prepare", "a sign-up box (a field for an email address)");
        }
    }
}

/// The text length of `n`'s subtree, or `None` when it holds the page's title, a text area or a
/// password field (then no sign-up box), or more nodes than `budget` allows.
fn box_text(dom: &Dom, n: NodeId, budget: &mut usize) -> Option<usize> {
    let mut chars = 0;
    for d in std::iter::once(n).chain(dom.descendants(n)) {
        *budget = budget.checked_sub(1)?;
        if let Some(t) = dom.text(d) {
            chars += words_len(t);
            continue;
        }
        let password = || dom.is(d, "input") && dom.attr(d, "type").is_some_and(|t| t.eq_ignore_ascii_case("password"));
        if dom.tag(d).is_some_and(|t| matches!(t, "h1" | "textarea")) || password() {
            return None;
        }
    }
    Some(chars)
}

/// Whether the input `n` asks for an email address.
fn is_email_field(dom: &Dom, n: NodeId) -> bool {
    if dom.attr(n, "type").is_some_and(|t| t.eq_ignore_ascii_case("email")) {
        return true;
    }
    let named = |a: &str| dom.attr(n, a).is_some_and(|v| v.to_ascii_lowercase().contains("email") || v.to_ascii_lowercase().contains("e-mail"));
    dom.attr(n, "type").is_none_or(|t| t.eq_ignore_ascii_case("text")) && ["name", "placeholder", "autocomplete"].into_iter().any(named)
}

/// Removes the hidden nodes, except a hidden wrapper around most of the page's text on a page
/// that shows next to nothing else, or around nearly all of its main region's: a page hidden
/// until its script runs (what is hidden inside it goes).
fn remove_hidden(dom: &mut Dom, hidden: Vec<(NodeId, &'static str)>, log: &mut Log) {
    if hidden.is_empty() {
        return;
    }
    let root = dom.root();
    let mut is_hidden = vec![false; dom.capacity()];
    for &(n, _) in &hidden {
        is_hidden[n.index()] = true;
    }
    // The text shown outside hidden nodes, from a walk down that carries whether a node is in a
    // hidden one; most pages show enough in their first few hundred nodes to stop there.
    let mut under = vec![false; dom.capacity()];
    let mut shown = 0usize;
    for n in dom.descendants(root) {
        let Some(p) = dom.parent(n) else { continue };
        let hid = is_hidden[p.index()] || under[p.index()];
        under[n.index()] = hid;
        if !hid {
            shown += dom.text(n).map_or(0, words_len);
            if shown >= patterns::HIDDEN_PAGE_MAX_SHOWN {
                break;
            }
        }
    }
    let the_page = (shown < patterns::HIDDEN_PAGE_MAX_SHOWN).then(|| {
        let page_text = dom.inner_text_len(root);
        hidden
            .iter()
            .filter(|&&(n, _)| !under[n.index()])
            .map(|&(n, _)| n)
            .find(|&n| dom.inner_text_len(n) as f64 > page_text as f64 * patterns::HIDDEN_PAGE_SHARE)
    }).flatten();
    // A hidden wrapper holding nearly all of the main region's text is the region hidden until a
    // script shows it (a shop's "lockdown" app), whatever the page shows around it.
    let the_region = hidden.iter().map(|&(n, _)| n).find(|&n| {
        !under[n.index()]
            && dom.parent(n).is_some_and(|m| super::page::is_main_region(dom, m) && {
                let len = dom.inner_text_len(n);
                len > 0 && len as f64 >= patterns::HIDDEN_REGION_SHARE * dom.inner_text_len(m) as f64
            })
    });
    for (n, rule) in hidden {
        if dom.is_attached(n) && Some(n) != the_page && Some(n) != the_region {
            log.remove(dom, n, "prepare", rule);
        }
    }
}

/// Marks the extension's capture script sets on its copy of the live page (the live page itself is
/// never changed): an element the browser does not display, and a `position: fixed` element.
pub const HIDDEN_MARK: &str = "data-decant-hidden";
pub const FIXED_MARK: &str = "data-decant-fixed";

fn is_fixed_overlay(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, FIXED_MARK).is_some() && dom.text_content(id).chars().filter(|c| !c.is_whitespace()).count() < patterns::FIXED_OVERLAY_MAX_CHARS
}

/// Whether a node is visible as far as its own markup tells: no `hidden`, no `aria-hidden="true"`,
/// no inline `display:none` or `visibility:hidden`, no class that hides it on every screen
/// (`d-none`), and not marked hidden by the capture script.
/// Hidden content that a reader opens is visible here: the panels of tabs and accordions, and
/// the segments a streaming page reveals once loaded (see [`is_revealed_later`]).
pub fn is_probably_visible(dom: &Dom, id: NodeId) -> bool {
    is_shown(dom, id) || is_revealed_later(dom, id)
}

/// Hidden content that is content: a tab or accordion panel (or inside one, a few levels down),
/// which the reader shows expanded; or a segment React streams in hidden (`<div hidden
/// id="S:0">`) and moves into place with a script, which is the page's main content on many
/// server-rendered sites.
fn is_revealed_later(dom: &Dom, id: NodeId) -> bool {
    let Some(el) = dom.element(id) else { return false };
    if el.attr("hidden").is_some() && el.attr("id").is_some_and(|i| i.strip_prefix("S:").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))) {
        return true;
    }
    std::iter::once(id).chain(dom.ancestors(id)).take(patterns::DISCLOSURE_PANEL_DEPTH).any(|n| {
        let Some(e) = dom.element(n) else { return false };
        e.attr("role") == Some("tabpanel")
            || e.attr("class").is_some_and(|c| patterns::contains_any(&patterns::class_and_id(Some(c), None), patterns::DISCLOSURE_PANELS))
    })
}

fn is_shown(dom: &Dom, id: NodeId) -> bool {
    let Some(el) = dom.element(id) else { return true };
    if el.attr("hidden").is_some() || el.attr(HIDDEN_MARK).is_some() {
        return false;
    }
    if el.attr("aria-hidden") == Some("true") {
        // Some sites hide a fallback image from screen readers while showing it; a modal dialog
        // hides the page's main region from them while it is open (a consent banner's).
        let fallback = el.attr("class").is_some_and(|c| c.contains("fallback-image"));
        if !fallback && !super::page::is_main_region(dom, id) && !is_prose(dom, id) {
            return false;
        }
    }
    if el.attr("class").is_some_and(is_hidden_by_class) {
        return false;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return false;
        }
    }
    true
}

/// Whether a class attribute hides its element whatever the screen: a utility class of the CSS
/// frameworks that means `display: none` ([`patterns::HIDDEN_CLASSES`]: `d-none`, `is-hidden`), with
/// no class that shows it again from some width on (Tailwind's `md:block`, Bootstrap's
/// `d-md-flex`), which a stylesheet the engine does not read would apply.
fn is_hidden_by_class(class: &str) -> bool {
    let names = || class.split_ascii_whitespace();
    names().any(|n| patterns::HIDDEN_CLASSES.contains(&n)) && !names().any(|n| n.contains(':') || (n.starts_with("d-") && n.matches('-').count() == 2))
}

/// Whether `id` is a block of prose: sentences, hardly any of them links, not a dialog nor a copy
/// of the block before it. Hidden from screen readers only, such a block is a card's text that
/// slides in on hover, not a menu or an icon.
fn is_prose(dom: &Dom, id: NodeId) -> bool {
    // A block: a hidden span is the twin of a shown one (a clamped line and its whole text).
    let block = dom.tag(id).is_some_and(|t| matches!(t, "div" | "section" | "article" | "p" | "li" | "ul" | "ol" | "dl"));
    let dialog = dom.attr(id, "role").is_some_and(|r| matches!(r, "dialog" | "alertdialog")) || dom.attr(id, "class").is_some_and(|c| patterns::has_token(&c.to_lowercase(), &["modal"]));
    // (Inside another such block, it goes with it or was read with it: one look per nest.)
    let nested = dom.parent(id).is_some_and(|p| dom.attr(p, "aria-hidden") == Some("true"));
    if !block || dialog || nested {
        return false;
    }
    // A copy of the block before it (a marquee's second run) is hidden for that reason.
    let copy = || {
        let text = dom.inner_text(id);
        dom.element_children(dom.parent(id).unwrap_or(id)).into_iter().take_while(|&s| s != id).any(|s| dom.inner_text(s) == text)
    };
    super::nodes::holds_prose(dom, id, patterns::ARIA_HIDDEN_PROSE_CHARS) && !copy()
}

/// The number of a React streaming id (`S:1a` for a segment, `B:1a` for the place it goes to).
fn streamed_id<'a>(dom: &'a Dom, n: NodeId, prefix: &str) -> Option<&'a str> {
    dom.attr(n, "id")?.strip_prefix(prefix).filter(|x| !x.is_empty() && x.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A page that React streams sends each part once it is ready as a hidden segment at the end of
/// the body (`<div hidden id="S:4">`), and a script moves it to its place, marked by `<template
/// id="B:4">` (the script's `$RC("B:4","S:4")`: the two numbers are the same), where a
/// placeholder ("Loading paragraph...") stood meanwhile; a part of a part, by `<template
/// id="P:4">`. Put each segment in its place, as the script would, so that the story's paragraphs
/// are read in order and the placeholders go.
fn place_streamed_segments(dom: &mut Dom, log: &mut Log) {
    let root = dom.root();
    let segments: Vec<NodeId> = dom.elements_named(root, "div").into_iter().filter(|&d| dom.attr(d, "hidden").is_some() && streamed_id(dom, d, "S:").is_some()).collect();
    if segments.is_empty() {
        return;
    }
    // A part inside another is marked `<template id="P:4">` (the script's `$RS("S:4","P:4")`).
    let places: std::collections::HashMap<String, NodeId> = dom
        .elements_named(root, "template")
        .into_iter()
        .filter_map(|t| Some((streamed_id(dom, t, "B:").or_else(|| streamed_id(dom, t, "P:"))?.to_string(), t)))
        .collect();
    for segment in segments {
        let Some(&place) = streamed_id(dom, segment, "S:").and_then(|x| places.get(x)) else { continue };
        // The placeholder: the next element, when all it says is that something is loading.
        let mut next = dom.next_sibling(place);
        while let Some(n) = next.filter(|&n| dom.element(n).is_none() && is_whitespace(dom, n)) {
            next = dom.next_sibling(n);
        }
        if let Some(placeholder) = next.filter(|&n| dom.element(n).is_some() && is_loading_label(&dom.inner_text(n))) {
            log.remove(dom, placeholder, "prepare", "a placeholder for a part streamed in later");
        }
        if let Some(e) = dom.element_mut(segment) {
            e.attrs.retain(|(name, _)| &**name != "hidden");
        }
        dom.replace(place, segment);
    }
}

/// Whether a block's whole text says that something is loading ("Loading…", "Loading image...").
fn is_loading_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.len() <= patterns::AD_LABEL_MAX_CHARS && patterns::LOADING_WORDS.iter().any(|w| lower.starts_with(w))
}

/// App shells that draw the page with script (Discourse forums, some shops) serve its content
/// for readers without script in `<noscript>`, which a parser with scripting on (as a browser's)
/// keeps as text. When the rest of the body has next to no text, that fallback is the page:
/// parse it into place. (In the extension the live page has been drawn, and this never applies.)
fn reveal_noscript_fallback(dom: &mut Dom) {
    let Some(body) = dom.descendants(dom.root()).find(|&n| dom.is(n, "body")) else { return };
    let noscripts = dom.elements_named(body, "noscript");
    if noscripts.is_empty() {
        return;
    }
    // The text shown: not the fallbacks themselves, nor the source of scripts and styles (which
    // the walk skips unmeasured: a page's scripts can be most of its bytes). It stops at enough.
    let mut shown = TextRun::default();
    let mut cur = dom.first_child(body);
    while let Some(n) = cur {
        shown = dom.text_run(n).map_or(shown, |run| shown.then(run));
        if shown.chars >= patterns::NOSCRIPT_SHELL_MAX_CHARS {
            return;
        }
        let unshown = dom.tag(n).is_some_and(|t| matches!(t, "noscript" | "script" | "style" | "template"));
        cur = next_node(dom, n, body, unshown);
    }
    for n in noscripts {
        let raw = dom.text_content(n);
        if raw.len() < patterns::NOSCRIPT_FALLBACK_MIN_BYTES {
            continue;
        }
        let fallback = Dom::parse_fragment(&raw);
        dom.import_children(&fallback, fallback.root(), n);
        dom.detach(n);
    }
}

/// Lazy-loading pages often put the real `<img>` in a `<noscript>` beside a placeholder. With
/// scripting on (as in the browser), the parser keeps `<noscript>` content as text: parse it, and
/// if it is one image, let it replace the placeholder image just before it, or stand in for the
/// `<noscript>` where there is none.
fn unwrap_noscript_images(dom: &mut Dom) {
    for noscript in dom.elements_named(dom.root(), "noscript") {
        let raw = dom.text_content(noscript);
        if !raw.contains("<img") {
            continue;
        }
        let inner = Dom::parse_fragment(&raw);
        let imgs = inner.elements_named(inner.root(), "img");
        let text = inner.text_content(inner.root());
        if imgs.len() != 1 || !text.trim().is_empty() {
            continue;
        }
        let Some(attrs) = inner.element(imgs[0]).map(|e| e.attrs.clone()) else { continue };
        let img = dom.create_element("img");
        if let Some(e) = dom.element_mut(img) {
            e.attrs = attrs;
        }
        let mut prev = dom.prev_sibling(noscript);
        while let Some(p) = prev.filter(|&p| dom.text(p).is_some_and(|t| t.trim().is_empty())) {
            prev = dom.prev_sibling(p);
        }
        let placeholder = prev.and_then(|p| {
            if dom.is(p, "img") {
                return Some(p);
            }
            let imgs = dom.elements_named(p, "img");
            (imgs.len() == 1 && !dom.has_text(p)).then(|| imgs[0])
        });
        match placeholder {
            Some(old) => {
                // Keep the placeholder's alt text if the fallback has none.
                if dom.attr(img, "alt").is_none() {
                    if let Some(alt) = dom.attr(old, "alt").map(str::to_string) {
                        dom.set_attr(img, "alt", &alt);
                    }
                }
                dom.replace(old, img);
                dom.detach(noscript);
            }
            None => dom.replace(noscript, img),
        }
    }
}

/// Code blocks keep their text and language and lose what highlighters add: line-number
/// gutters, per-token spans and layout tables. Each `<pre>` ends up as
/// `<pre><code class="language-x">text</code></pre>`.
fn normalize_code_blocks(dom: &mut Dom, log: &mut Log) {
    let root = dom.root();
    // Only inside a code block, or in a table that also holds a code block outside the gutter:
    // "gutter" is a layout class elsewhere.
    let in_code = |n: NodeId| {
        dom.has_ancestor(n, "pre", 0) || {
            let mut p = dom.parent(n);
            while p.is_some_and(|t| !dom.is(t, "table")) {
                p = p.and_then(|t| dom.parent(t));
            }
            p.is_some_and(|t| dom.elements_named(t, "pre").into_iter().any(|pre| !dom.is_attached_below(pre, n)))
        }
    };
    let gutters: Vec<NodeId> = dom
        .descendants(root)
        .filter(|&n| dom.attr(n, "class").is_some_and(|c| c.split_whitespace().any(|c| patterns::LINE_NUMBER_CLASSES.contains(&c))) && in_code(n))
        .collect();
    let mut tables: Vec<NodeId> = Vec::new();
    for g in gutters {
        let mut p = dom.parent(g);
        while let Some(n) = p {
            if dom.is(n, "table") {
                tables.push(n);
                break;
            }
            p = dom.parent(n);
        }
        log.remove(dom, g, "prepare", "a code block's line numbers");
    }
    // A highlighter's table (gutter cell + code cell) is layout: replace it with its code block.
    for t in tables {
        let pres = dom.elements_named(t, "pre");
        if pres.len() == 1 && dom.is_attached(t) {
            dom.replace(t, pres[0]);
        }
    }
    for pre in dom.elements_named(root, "pre") {
        if !dom.is_attached(pre) || dom.has_ancestor(pre, "pre", 0) {
            continue;
        }
        let lang = code_language_of(dom, pre);
        let text = crate::dom::plain_code(dom, pre);
        for c in dom.children(pre) {
            dom.detach(c);
        }
        let code = dom.create_element("code");
        if let Some(l) = lang {
            dom.set_attr(code, "class", &format!("language-{l}"));
        }
        let t = dom.create_text(&text);
        dom.append(code, t);
        dom.append(pre, code);
        if let Some(e) = dom.element_mut(pre) {
            e.attrs.retain(|(k, _)| k == "id" || k == "lang" || k == "dir");
        }
    }
}

/// The language of a code block, from the classes and `data-lang` of the `<pre>`, its `<code>`
/// and its wrapper (`language-rust`, `lang-js`, `highlight-source-python`, `brush: php`).
fn code_language_of(dom: &Dom, pre: NodeId) -> Option<String> {
    let code = dom.element_children(pre).into_iter().find(|&c| dom.is(c, "code"));
    let candidates = [code, Some(pre), dom.parent(pre), dom.parent(pre).and_then(|p| dom.parent(p))];
    for n in candidates.into_iter().flatten() {
        for attr in patterns::CODE_LANGUAGE_ATTRS {
            if let Some(l) = dom.attr(n, attr) {
                if let Some(l) = code_language(&format!("language-{}", l.trim())) {
                    return Some(l);
                }
            }
        }
        let Some(class) = dom.attr(n, "class") else { continue };
        if let Some(l) = code_language(class) {
            return Some(l);
        }
        for c in class.split_whitespace() {
            if let Some(l) = c.strip_prefix("highlight-source-").or_else(|| c.strip_prefix("highlight-")) {
                if let Some(l) = code_language(&format!("language-{l}")) {
                    return Some(l);
                }
            }
        }
        if let Some(rest) = class.split("brush:").nth(1) {
            if let Some(l) = rest.split(|c: char| c == ';' || c.is_whitespace()).find(|s| !s.is_empty()) {
                if let Some(l) = code_language(&format!("language-{l}")) {
                    return Some(l);
                }
            }
        }
    }
    None
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

    /// `html` parsed as a fragment, then prepared.
    fn prepared_fragment(html: &str) -> Dom {
        let mut dom = Dom::parse_fragment(html);
        prepare(&mut dom, &mut Log::default());
        dom
    }

    #[test]
    fn br_runs_become_paragraphs() {
        let dom = prepared_fragment("<div>One line<br>still one<br><br>Two<br> <br>Three</div>");
        assert_eq!(dom.inner_html(dom.root()), "<div>One line<br>still one<p>Two</p><p>Three</p> </div>");
    }

    #[test]
    fn template_placeholders_go_but_not_in_code() {
        let dom = prepared_fragment("<p>30 <span>{{ upvoteCount | shortNum }}</span></p><div>{{ DiscussionBoard.errors[11793116].message }}</div><p>Write <code>{{ form }}</code> in the template.</p>");
        assert_eq!(dom.inner_html(dom.root()), "<p>30 <span></span></p><div></div><p>Write <code>{{ form }}</code> in the template.</p>");
    }

    #[test]
    fn uuids_between_letters_go() {
        let dom = prepared_fragment("<div><span class=a>S</span><span class=b>42bf1e13-8a44-4c69-bf2b-71f76bb4cce8</span><span class=c>p</span></div><p>Order 42bf1e13-8a44-4c69-bf2b-71f76bb4cce8 shipped.</p>");
        assert_eq!(dom.inner_html(dom.root()), "<div><span class=\"a\">S</span><span class=\"c\">p</span></div><p>Order 42bf1e13-8a44-4c69-bf2b-71f76bb4cce8 shipped.</p>");
    }

    #[test]
    fn a_flex_containers_items_are_words_apart() {
        let dom = prepared_fragment("<div class='flex justify-between'><label>Accessories</label><span>1385</span></div><p><b>Bold</b><i>run on</i> as written</p>");
        assert_eq!(dom.inner_html(dom.root()), "<div class=\"flex justify-between\"><label>Accessories</label> <span>1385</span></div><p><b>Bold</b><i>run on</i> as written</p>");
    }

    #[test]
    fn presentational_wrappers_are_unwrapped() {
        let dom = prepared_fragment("<center><p><font face=\"Arial\" size=\"2\">Old <big>style</big></font></p></center>");
        assert_eq!(dom.inner_html(dom.root()), "<p>Old style</p>");
    }

    #[test]
    fn hidden_and_scripts_go() {
        let dom = prepared_fragment(
            "<p>a</p><p hidden>b</p><p style='display: none'>c</p><script>d</script><p aria-hidden=true>e</p>",
        );
        assert_eq!(dom.inner_html(dom.root()), "<p>a</p>");
    }

    #[test]
    fn tab_and_accordion_panels_stay_though_hidden() {
        let dom = prepared_fragment(
            "<div class='tab-content'><div class='tab-pane fade' style='display:none'><p>Specs</p></div></div>\
             <div class='accordion-item'><div class='body'><p aria-hidden='true'>Answer</p></div></div>\
             <div role='tabpanel' hidden><p>Reviews</p></div><div hidden><p>Gone</p></div>",
        );
        assert_eq!(dom.text_content(dom.root()), "SpecsAnswerReviews");
    }

    #[test]
    fn streamed_segments_stay_though_hidden() {
        let dom = prepared_fragment("<div hidden id='S:0'><p>The story</p></div><div hidden id='S:x'><p>no</p></div><div hidden id='TS:1'>no</div>");
        assert_eq!(dom.text_content(dom.root()), "The story");
    }

    #[test]
    fn an_app_shells_noscript_fallback_is_its_content() {
        let post = "<div class=post><p>A reply in the thread, long enough to be worth reading on its own.</p></div>".repeat(12);
        let script = format!("<script>window.preload = \"{}\";</script>", "x".repeat(3000));
        let shell = format!("<html><body><div id=app></div>{script}<noscript data-path=/t/1>{post}</noscript></body></html>");
        let mut dom = Dom::parse_document(&shell);
        prepare(&mut dom, &mut Log::default());
        assert_eq!(dom.text_content(dom.root()).matches("A reply in the thread").count(), 12);
        // A page with text of its own keeps its fallback out, however long.
        let page = format!("<html><body><main><p>{}</p></main><noscript>{post}</noscript></body></html>", "Text of its own. ".repeat(40));
        let mut dom = Dom::parse_document(&page);
        prepare(&mut dom, &mut Log::default());
        assert!(!dom.text_content(dom.root()).contains("A reply"));
        // A short fallback is a notice, not content.
        let mut dom = Dom::parse_document("<html><body><div id=app></div><noscript><p>Please turn on JavaScript to use this site.</p></noscript></body></html>");
        prepare(&mut dom, &mut Log::default());
        assert!(!dom.text_content(dom.root()).contains("JavaScript"));
    }
}
