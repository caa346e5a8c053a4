//! Stage 3, candidates and scoring: find the element that holds the article and gather its
//! siblings that belong to it.
//!
//! The steps follow Readability's published algorithm:
//! 1. walk the page, dropping unlikely blocks and turning `<div>`s that only hold inline content
//!    into paragraphs;
//! 2. score every paragraph by its length and commas and give each of its first five ancestors a
//!    share (all of it to the parent, half to the grandparent, then `1 / (3 × level)`);
//! 3. scale each candidate by `1 − link density` and take the best, moving up to a common ancestor
//!    when several close candidates share one;
//! 4. collect the siblings of the best candidate that score well or read like prose.

use super::explain::Log;
use super::nodes::{class_weight, holds_prose, is_footnotes, is_heading, is_heading_linking_away, is_modal_dialog, is_phrasing, is_whitespace, link_density, next_node, own_id, text_len, words_against, Flags};
use super::patterns::{self as pat, class_and_id};
use crate::dom::{Dom, NodeId, TextRun};

/// Content scores, in a side table keyed by node.
#[derive(Default)]
pub struct Scores {
    score: Vec<Option<f64>>,
}

impl Scores {
    pub fn get(&self, id: NodeId) -> Option<f64> {
        self.score.get(id.index()).copied().flatten()
    }

    fn set(&mut self, id: NodeId, value: f64) {
        if self.score.len() <= id.index() {
            self.score.resize(id.index() + 1, None);
        }
        self.score[id.index()] = Some(value);
    }
}

/// What a pass found: the article container (a new `<div>` in `dom`) and a byline if one was seen.
pub struct Found {
    pub article: NodeId,
    pub byline: Option<String>,
    /// The tags of the tag lists taken out of the article (by stage 4; none from here).
    pub tags: Vec<String>,
    /// The element the article was chosen in: the parent of the best candidate, where the
    /// siblings that did not join it still are.
    pub around: NodeId,
    /// How sure the way it was found makes the engine, before looking at the result (0–1): the
    /// strictest pass is surer than the ones that relaxed heuristics (set by the caller).
    pub certainty: f64,
}

/// `link_density` of every element under a root, from one bottom-up pass.
struct LinkDensities {
    /// (text length, linked length) by node index.
    lens: Vec<(usize, f64)>,
}

impl LinkDensities {
    fn of(dom: &Dom, root: NodeId) -> LinkDensities {
        let mut runs = vec![TextRun::default(); dom.capacity()];
        let mut linked = vec![0.0f64; dom.capacity()];
        let mut up = vec![0.0f64; dom.capacity()];
        // Children come after their parent in document order: walk it backwards.
        let order: Vec<NodeId> = std::iter::once(root).chain(dom.descendants(root)).collect();
        for &n in order.iter().rev() {
            if let Some(run) = dom.text_run(n) {
                runs[n.index()] = run;
                continue;
            }
            // A link's own text counts for its ancestors, not for itself (as in `link_density`).
            let (mut run, mut below) = (TextRun::default(), 0.0);
            for c in dom.child_nodes(n) {
                run = run.then(runs[c.index()]);
                below += up[c.index()];
            }
            up[n.index()] = if dom.is(n, "a") {
                let weight = if dom.attr(n, "href").is_some_and(|h| h.starts_with('#')) { pat::HASH_LINK_WEIGHT } else { 1.0 };
                run.chars as f64 * weight
            } else {
                below
            };
            runs[n.index()] = run;
            linked[n.index()] = below;
        }
        LinkDensities { lens: runs.iter().zip(&linked).map(|(r, &l)| (r.chars, l)).collect() }
    }

    fn get(&self, n: NodeId) -> f64 {
        match self.lens.get(n.index()) {
            Some(&(total, linked)) if total > 0 => linked / total as f64,
            _ => 0.0,
        }
    }
}

fn base_score(dom: &Dom, id: NodeId, flags: Flags) -> f64 {
    pat::tag_score(dom.tag(id).unwrap_or("")) + class_weight(dom, id, flags)
}

fn is_byline(dom: &Dom, id: NodeId, match_string: &str) -> bool {
    let rel_author = dom.attr(id, "rel") == Some("author");
    let itemprop = dom.attr(id, "itemprop").is_some_and(|p| p.contains("author"));
    (rel_author || itemprop || pat::contains_any(match_string, pat::BYLINE)) && {
        let len = text_len(dom, id);
        len > 0 && len < pat::BYLINE_MAX_CHARS
    }
}

/// A block with no text and nothing but `<br>`/`<hr>` inside.
fn is_empty_block(dom: &Dom, id: NodeId) -> bool {
    dom.element_children(id).into_iter().all(|c| dom.is(c, "br") || dom.is(c, "hr"))
        && !dom.has_text(id)
}

fn has_child_block(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id).any(|n| dom.tag(n).is_some_and(|t| pat::DIV_TO_P_ELEMENTS.contains(&t)))
}

/// The text of a heading that repeats the article title, so it can be dropped.
pub(super) fn duplicates_title(dom: &Dom, id: NodeId, title: &str) -> bool {
    if !(dom.is(id, "h1") || dom.is(id, "h2")) || title.is_empty() {
        return false;
    }
    crate::text::similarity(title, &dom.inner_text(id)) > pat::SAME_TITLE_SIMILARITY
}

/// Whether `n` is a table with header cells: a table of data, whatever its class says.
fn has_header_cells(dom: &Dom, n: NodeId) -> bool {
    dom.is(n, "table") && dom.descendants(n).any(|c| dom.is(c, "th"))
}

/// A section's header: a `div` or `section` holding a heading (not the page's `<h1>`) and a
/// sentence or more of prose under it ("Go beyond basic rank reporting" over what that means),
/// or, without a heading, a few sentences of prose (a listicle's introduction in its
/// `listicle-header`, an expert's comment in an `expert-header`), which a class word `header`
/// names as such; a site's header holds links and a logo.
fn is_section_header(dom: &Dom, n: NodeId) -> bool {
    if !dom.tag(n).is_some_and(|t| matches!(t, "div" | "section")) {
        return false;
    }
    let mut heading = false;
    for d in dom.descendants(n) {
        match dom.tag(d) {
            Some("h1") => return false,
            Some("h2" | "h3" | "h4" | "h5" | "h6") => heading = true,
            _ => {}
        }
    }
    if heading {
        holds_prose(dom, n, pat::SECTION_HEADER_MIN_CHARS)
    } else {
        holds_prose(dom, n, pat::HEADER_PROSE_MIN_CHARS)
    }
}

/// A section label: an element of a few words, no sentence and no image.
fn is_kicker(dom: &Dom, k: NodeId) -> bool {
    if dom.element(k).is_none() || dom.descendants(k).any(|d| dom.tag(d).is_some_and(|t| pat::MEDIA_ELEMENTS.contains(&t))) {
        return false;
    }
    let text = dom.inner_text(k);
    !text.is_empty() && text.chars().count() <= pat::KICKER_MAX_CHARS && !text.contains(['.', '!', '?'])
}

/// A block beside the article that is about it or around it, not part of it, by its class or id
/// or its children's: the author's box, the comments, a disclaimer, anything [`pat::UNLIKELY`]
/// names (here without the rescue words: beside a chosen article, `comments-body` is comments).
fn beside_not_of(dom: &Dom, sib: NodeId) -> bool {
    let says = |n: NodeId| {
        let m = class_and_id(dom.attr(n, "class"), dom.attr(n, "id"));
        pat::contains_any(&m, pat::UNLIKELY) || pat::contains_any(&m, pat::BYLINE) || pat::contains_any(&m, pat::NOT_SIBLING_CONTENT)
    };
    says(sib) || dom.element_children(sib).into_iter().any(says)
}

/// A sibling block of the article that holds prose of its own: paragraphs with enough text,
/// little of it links, and nothing in its class or id against it. Sites split one story into
/// several sections (the lede, the body, a closing note; a service page's sections), and only one
/// of them can be the best candidate.
fn sibling_section(dom: &Dom, sib: NodeId, top: NodeId, flags: Flags) -> bool {
    if dom.tag(sib) != dom.tag(top) || !dom.tag(sib).is_some_and(|t| matches!(t, "div" | "section" | "article")) || class_weight(dom, sib, flags) < 0.0 {
        return false;
    }
    // A teaser of another story: its heading links away (a section's heading does not).
    if dom.descendants(sib).any(|h| is_heading_linking_away(dom, h, |_| false)) {
        return false;
    }
    let prose: usize = dom
        .elements_named(sib, "p")
        .into_iter()
        .map(|p| dom.inner_text_len(p))
        .filter(|&len| len > pat::SIBLING_PROSE_CHARS)
        .sum();
    prose > pat::SIBLING_PROSE_CHARS && link_density(dom, sib) < pat::MAX_LINK_DENSITY
}

/// Runs one extraction pass over `dom` (which it edits) and returns the article container. What
/// it removes, and what it leaves outside the article, is recorded in `log`.
pub fn grab_article(dom: &mut Dom, body: NodeId, flags: Flags, title: &str, log: &mut Log) -> Option<Found> {
    let mut byline: Option<String> = None;
    let mut title_removed = false;
    let mut to_score: Vec<NodeId> = Vec::new();

    // Step 1: walk in document order, editing as we go. `next` is computed after each edit.
    let mut cur = dom.first_child(body);
    while let Some(node) = cur {
        // What the steps below ask of the tag, read before they change the tree.
        let Some((is_div, keep_even_if_unlikely, may_be_empty, scored)) = dom.tag(node).map(|t| {
            (t == "div", matches!(t, "body" | "a" | "article" | "main"), matches!(t, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"), pat::TAGS_TO_SCORE.contains(&t))
        }) else {
            cur = next_node(dom, node, body, false);
            continue;
        };
        let match_string = class_and_id(dom.attr(node, "class"), own_id(dom, node));

        if is_modal_dialog(dom, node) {
            cur = remove_and_next(dom, node, body, log, "a modal dialog");
            continue;
        }
        if byline.is_none() && is_byline(dom, node, &match_string) {
            // A descendant marked `itemprop="name"` holds the name alone, without "By" or a date.
            let name = dom.descendants(node).find(|&n| dom.attr(n, "itemprop").is_some_and(|p| p.contains("name")));
            byline = Some(crate::dom::line_text(dom, name.unwrap_or(node), true));
            cur = remove_and_next(dom, node, body, log, "the byline (shown in the header)");
            continue;
        }
        if !title_removed && duplicates_title(dom, node, title) {
            title_removed = true;
            // The section label just above the title ("Maritime", "Opinion"): a kicker, not text.
            let mut prev = dom.prev_sibling(node);
            while let Some(p) = prev.filter(|&p| dom.element(p).is_none() && is_whitespace(dom, p)) {
                prev = dom.prev_sibling(p);
            }
            if let Some(kicker) = prev.filter(|&k| is_kicker(dom, k)) {
                log.remove(dom, kicker, "score", "the section label over the title");
            }
            cur = remove_and_next(dom, node, body, log, "the title (shown in the header)");
            continue;
        }
        if flags.strip_unlikely {
            // Not for a word the markup contradicts: an `<article>` or `<main>` (kept as `<body>`
            // and `<a>` are, `keep_even_if_unlikely`) is what its tag says, whatever its class
            // (`template-with-sidebar` names the layout around it), and a heading is a header by
            // nature (Substack's `header-anchor-post`).
            // Nor is a section's header (a heading with its prose) a site's for that word.
            let a_header_by_nature = || !pat::contains_any(&match_string.replace("header", ""), pat::UNLIKELY) && (is_heading(dom, node) || is_section_header(dom, node));
            let unlikely = pat::contains_any(&match_string, pat::UNLIKELY)
                && !a_header_by_nature()
                && !pat::contains_any(&match_string, pat::MAYBE_CANDIDATE)
                && !dom.has_ancestor(node, "table", 0)
                && !has_header_cells(dom, node)
                && !dom.has_ancestor(node, "code", 0)
                && !keep_even_if_unlikely;
            let role_unlikely = dom.attr(node, "role").is_some_and(|r| pat::UNLIKELY_ROLES.contains(&r));
            if unlikely || role_unlikely {
                let rule = if unlikely { "unlikely class or id" } else { "unlikely role" };
                cur = remove_and_next(dom, node, body, log, rule);
                continue;
            }
        }
        if may_be_empty && is_empty_block(dom, node) {
            cur = remove_and_next(dom, node, body, log, "empty");
            continue;
        }
        if scored {
            to_score.push(node);
        }
        if is_div {
            wrap_phrasing_runs(dom, node);
            let kids = dom.element_children(node);
            let only_text_is_p = kids.len() == 1
                && dom.is(kids[0], "p")
                && dom.child_nodes(node).all(|c| c == kids[0] || is_whitespace(dom, c));
            if only_text_is_p && link_density(dom, node) < pat::PROSE_MAX_LINK_DENSITY {
                let p = kids[0];
                // The paragraph keeps what the block's class and id say of it (a signature, a prompt).
                for name in ["class", "id"] {
                    if let (Some(v), None) = (dom.attr(node, name).map(str::to_string), dom.attr(p, name)) {
                        dom.set_attr(p, name, &v);
                    }
                }
                dom.replace(node, p);
                to_score.push(p);
                cur = next_node(dom, p, body, false);
                continue;
            } else if !has_child_block(dom, node) {
                dom.rename(node, "p");
                to_score.push(node);
            }
        }
        cur = next_node(dom, node, body, false);
    }

    // Step 2: score paragraphs and hand shares to their ancestors.
    let mut scores = Scores::default();
    let mut candidates: Vec<NodeId> = Vec::new();
    for &el in &to_score {
        if !dom.is_attached(el) || dom.parent(el).and_then(|p| dom.tag(p)).is_none() {
            continue;
        }
        // Counted on the text nodes as they are: commas do not change with white space.
        let len = dom.inner_text_len(el);
        if len < pat::MIN_PARAGRAPH_CHARS {
            continue;
        }
        let commas = dom.commas(el) as f64;
        // One for the paragraph, one per comma-separated piece, one per 100 characters (up to 3).
        let score = 1.0 + (commas + 1.0) + ((len / 100).min(3)) as f64;
        let mut level = 0usize;
        let mut anc = dom.parent(el);
        while let Some(a) = anc {
            if level >= pat::SCORE_ANCESTOR_DEPTH || dom.tag(a).is_none() {
                break;
            }
            // An ancestor must itself have an element parent to be a candidate.
            if dom.parent(a).and_then(|p| dom.tag(p)).is_none() {
                break;
            }
            if scores.get(a).is_none() {
                scores.set(a, base_score(dom, a, flags));
                candidates.push(a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            scores.set(a, scores.get(a).unwrap_or(0.0) + score / divider);
            level += 1;
            anc = dom.parent(a);
        }
    }

    // Step 3: scale by link density, pick the best. Candidates nest, so their densities come from
    // one pass over the body rather than a walk of each candidate's subtree.
    let densities = LinkDensities::of(dom, body);
    let mut top: Vec<(NodeId, f64)> = Vec::new();
    for &c in &candidates {
        let s = scores.get(c).unwrap_or(0.0) * (1.0 - densities.get(c));
        scores.set(c, s);
        top.push((c, s));
    }
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    top.truncate(pat::TOP_CANDIDATES);

    let article = dom.create_element("div");
    let top_candidate = match top.first() {
        Some(&(c, _)) if !dom.is(c, "body") => better_ancestor(dom, &mut scores, &top, body, flags),
        _ => {
            // No candidate: the whole body is the article, if it has anything at all.
            let wrapper = dom.create_element("div");
            for c in dom.children(body) {
                dom.append(wrapper, c);
            }
            dom.append(body, wrapper);
            scores.set(wrapper, base_score(dom, wrapper, flags));
            wrapper
        }
    };

    // A section's body chosen without its heading: the section is the candidate (so that the
    // sections beside it can join it below).
    let mut top_candidate = top_candidate;
    while let Some(parent) = dom.parent(top_candidate).filter(|&p| p != body && dom.tag(p).is_some()) {
        // (An empty block beside it is no content: `<p><table>` leaves an empty `<p>` before the table.)
        let only_headings = dom.element_children(parent).into_iter().all(|c| c == top_candidate || is_heading(dom, c) || (dom.is(c, "p") && is_empty_block(dom, c)));
        if !only_headings {
            break;
        }
        let score = scores.get(top_candidate).unwrap_or(0.0).max(scores.get(parent).unwrap_or(0.0));
        scores.set(parent, score);
        top_candidate = parent;
    }

    // The page's main region, when the candidate holds little of it: a landing page's sections
    // (hero, features, questions) are each a candidate of their own, and the region is the page.
    // Not when the candidate is in a block that cleaning the region would remove (a post of a
    // thread, classed as a comment or wrapped in a form): the region would then be all but the
    // candidate.
    if let Some(region) = main_region(dom, top_candidate, body) {
        let region_len = text_len(dom, region);
        let kept_in_region = std::iter::once(top_candidate)
            .chain(dom.ancestors(top_candidate).take_while(|&a| a != region))
            .all(|n| class_weight(dom, n, flags) >= 0.0 && !dom.tag(n).is_some_and(|t| pat::CHROME_ELEMENTS.contains(&t)));
        if kept_in_region && (text_len(dom, top_candidate) as f64) < region_len as f64 * pat::MAIN_REGION_SHARE && link_density(dom, region) < pat::MAIN_REGION_MAX_LINK_DENSITY {
            if scores.get(region).is_none() {
                scores.set(region, base_score(dom, region, flags));
            }
            let score = scores.get(top_candidate).unwrap_or(0.0).max(scores.get(region).unwrap_or(0.0));
            scores.set(region, score);
            top_candidate = region;
        }
    }

    // Step 4: gather siblings.
    let top_score = scores.get(top_candidate).unwrap_or(0.0);
    let threshold = (top_score * pat::SIBLING_SCORE_SHARE).max(pat::SIBLING_MIN_SCORE);
    let parent = dom.parent(top_candidate).unwrap_or(body);
    // The names of the article's class that count against a block are its layout's (it was
    // chosen with them): they leave it and its siblings.
    let layout: Vec<&str> = match dom.attr(top_candidate, "class") {
        Some(class) if flags.weight_classes => words_against(&pat::descriptive_classes(class).to_lowercase()),
        _ => Vec::new(),
    };
    if !layout.is_empty() {
        for sib in dom.children(parent) {
            unmark_layout(dom, sib, &layout);
        }
    }
    let top_class = dom.attr(top_candidate, "class").unwrap_or("").to_string();
    for sib in dom.children(parent) {
        let keep = if sib == top_candidate {
            true
        } else if dom.element(sib).is_none() {
            false
        } else if is_footnotes(dom, sib) {
            true
        } else if dom.attr(top_candidate, "role") == Some("tabpanel") && dom.attr(sib, "role") == Some("tabpanel") {
            // The other tabs of the same content, each read in turn.
            true
        } else if beside_not_of(dom, sib) {
            false
        } else {
            let bonus = if !top_class.is_empty() && dom.attr(sib, "class") == Some(top_class.as_str()) {
                top_score * pat::SIBLING_SCORE_SHARE
            } else {
                0.0
            };
            if scores.get(sib).is_some_and(|s| s + bonus >= threshold) {
                true
            } else if dom.is(sib, "p") {
                let ld = link_density(dom, sib);
                let text = dom.inner_text(sib);
                let len = text.chars().count();
                (len > pat::SIBLING_PROSE_CHARS && ld < pat::PROSE_MAX_LINK_DENSITY)
                    || (len > 0 && len <= pat::SIBLING_PROSE_CHARS && ld == 0.0 && (text.contains(". ") || text.ends_with('.')))
            } else {
                sibling_section(dom, sib, top_candidate, flags)
            }
        };
        if keep {
            if let Some(t) = dom.tag(sib) {
                if !pat::ALTER_TO_DIV_EXCEPTIONS.contains(&t) {
                    dom.rename(sib, "div");
                }
            }
            dom.append(article, sib);
        }
    }
    Some(Found { article, byline, tags: Vec::new(), around: parent, certainty: 0.0 })
}

/// Drops from the class of `n`, the article's element or a sibling of it, the names that have a
/// word of `layout`: the words against a block that the article's element has in its class.
/// A page builder names every block of the content alike (`so-panel widget widget_sow-editor`):
/// its words say nothing against one of them, since the article was chosen with them.
fn unmark_layout(dom: &mut Dom, n: NodeId, layout: &[&str]) {
    let Some(class) = dom.attr(n, "class") else { return };
    let is_layout = |c: &str| words_against(&c.to_lowercase()).iter().any(|w| layout.contains(w));
    if !class.split_whitespace().any(is_layout) {
        return;
    }
    let own = class.split_whitespace().filter(|c| !is_layout(c)).collect::<Vec<_>>().join(" ");
    dom.set_attr(n, "class", &own);
}

/// The `<main>` (or `role="main"` element) that holds `node`, below `body`, if it is not `node`.
fn main_region(dom: &Dom, node: NodeId, body: NodeId) -> Option<NodeId> {
    dom.ancestors(node).take_while(|&a| a != body).find(|&a| dom.is(a, "main") || dom.attr(a, "role") == Some("main"))
}

/// Steps 3b–3d: prefer a common ancestor of several close candidates, then climb while the parent
/// scores higher, then past wrappers that hold only the candidate.
fn better_ancestor(dom: &Dom, scores: &mut Scores, top: &[(NodeId, f64)], body: NodeId, flags: Flags) -> NodeId {
    let (mut best, best_score) = top[0];
    let close: Vec<NodeId> = top[1..]
        .iter()
        .filter(|(_, s)| best_score > 0.0 && s / best_score >= pat::CLOSE_CANDIDATE_RATIO)
        .map(|&(c, _)| c)
        .collect();
    if close.len() >= pat::MIN_CLOSE_CANDIDATES {
        let mut p = dom.parent(best);
        while let Some(anc) = p {
            if anc == body || dom.tag(anc).is_none() {
                break;
            }
            let shared = close.iter().filter(|&&c| is_ancestor(dom, anc, c)).count();
            if shared >= pat::MIN_CLOSE_CANDIDATES {
                best = anc;
                break;
            }
            p = dom.parent(anc);
        }
    }
    if scores.get(best).is_none() {
        scores.set(best, base_score(dom, best, flags));
    }
    let mut last = scores.get(best).unwrap_or(0.0);
    let floor = last / 3.0;
    let mut p = dom.parent(best);
    while let Some(anc) = p {
        if anc == body || dom.tag(anc).is_none() {
            break;
        }
        match scores.get(anc) {
            None => {}
            Some(s) if s < floor => break,
            Some(s) if s > last => {
                best = anc;
                break;
            }
            Some(s) => last = s,
        }
        p = dom.parent(anc);
    }
    let mut p = dom.parent(best);
    while let Some(anc) = p {
        if anc == body || dom.tag(anc).is_none() || dom.element_children(anc).len() != 1 {
            break;
        }
        best = anc;
        p = dom.parent(anc);
    }
    if scores.get(best).is_none() {
        scores.set(best, base_score(dom, best, flags));
    }
    best
}

fn is_ancestor(dom: &Dom, anc: NodeId, mut node: NodeId) -> bool {
    while let Some(p) = dom.parent(node) {
        if p == anc {
            return true;
        }
        node = p;
    }
    false
}

/// Wraps each run of inline content directly inside `div` in a `<p>`, so that text and blocks do
/// not mix at one level.
fn wrap_phrasing_runs(dom: &mut Dom, div: NodeId) {
    let mut p: Option<NodeId> = None;
    for child in dom.children(div) {
        if is_phrasing(dom, child) {
            match p {
                Some(p) => dom.append(p, child),
                None if !is_whitespace(dom, child) => {
                    let np = dom.create_element("p");
                    dom.replace(child, np);
                    dom.append(np, child);
                    p = Some(np);
                }
                None => {}
            }
        } else if let Some(done) = p.take() {
            trim_trailing_whitespace(dom, done);
        }
    }
    if let Some(done) = p {
        trim_trailing_whitespace(dom, done);
    }
}

fn trim_trailing_whitespace(dom: &mut Dom, p: NodeId) {
    while let Some(last) = dom.last_child(p) {
        if !is_whitespace(dom, last) {
            break;
        }
        dom.detach(last);
    }
}

/// Detaches `node` (recording `rule`) and returns the node the walk continues with.
fn remove_and_next(dom: &mut Dom, node: NodeId, top: NodeId, log: &mut Log, rule: &'static str) -> Option<NodeId> {
    let next = next_node(dom, node, top, true);
    log.remove(dom, node, "score", rule);
    next
}

/// Records what the article was not chosen from: the siblings left in `parent` (the candidate's
/// own), then, up to `body`, the other children of each ancestor.
pub fn note_outside(dom: &Dom, parent: NodeId, body: NodeId, log: &mut Log) {
    for sib in dom.children(parent) {
        log.note(dom, sib, "choose", "a sibling that did not join the article");
    }
    let mut below = parent;
    while below != body {
        let Some(up) = dom.parent(below) else { break };
        for other in dom.children(up).into_iter().filter(|&c| c != below) {
            log.note(dom, other, "choose", "outside the article's region");
        }
        below = up;
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_link_densities_equal_the_direct_ones() {
        let html = "<div id=a> Some <b>text</b>  with <a href=/x>a link</a> and <a href='#n'> a  note </a>.<p>  Para\u{a0}two <a href=/y>more</a></p><div> </div><span>x</span></div><p><a href=/z>all link</a></p>";
        let dom = Dom::parse_fragment(html);
        let table = LinkDensities::of(&dom, dom.root());
        for n in dom.descendants(dom.root()).filter(|&n| dom.element(n).is_some()) {
            assert!((table.get(n) - link_density(&dom, n)).abs() < 1e-9, "{:?}: {} vs {}", dom.tag(n), table.get(n), link_density(&dom, n));
            assert_eq!(table.lens[n.index()].0, dom.inner_text_len(n));
        }
    }

    #[test]
    fn sibling_sections_of_prose_join_the_article_but_bios_do_not() {
        let prose = "This sentence is long enough to count as a paragraph of prose in a section, and it goes on.";
        let html = format!(
            "<body><main><div class=a>{body}</div>\
             <div class=b><h2>Second part</h2><p>Second section. {prose}</p></div>\
             <div class=author-box><h3>About her</h3><p>The author. {prose}</p></div>\
             <div><h3>Comments</h3><div class=comments-body><p>A comment. {prose}</p><p>{prose}</p></div></div>\
             <div class=c><p><a href=/1>{prose}</a></p></div><div><h3><a href=/other>Another story</a></h3><p>Teaser. {prose}</p></div></main></body>",
            body = format!("<p>{prose}</p>").repeat(10)
        );
        let mut dom = Dom::parse_document(&html);
        let body = dom.descendants(dom.root()).find(|&n| dom.is(n, "body")).unwrap();
        let found = grab_article(&mut dom, body, Flags::ALL, "", &mut Log::default()).unwrap();
        let text = dom.inner_text(found.article);
        assert!(text.contains("Second section."), "{text}");
        assert!(!text.contains("The author.") && !text.contains("A comment.") && !text.contains("Teaser."), "{text}");
        assert_eq!(text.matches(prose).count(), 11, "the linked paragraph stays out: {text}");
    }

    #[test]
    fn a_sections_body_brings_its_heading_and_the_sections_beside_it() {
        let prose = "A paragraph of documentation that explains one option at length, with an example after it.";
        let html = format!(
            "<body><div id=main><div class=sect1><h2>DESCRIPTION</h2><div class=sectionbody><p>Records changes. {prose}</p></div></div>\
             <div class=sect1><h2>OPTIONS</h2><div class=sectionbody><dl>{}</dl></div></div></div><div class=footer>Last updated</div></body>",
            format!("<dt>--all</dt><dd><p>{prose}</p></dd>").repeat(10)
        );
        let mut dom = Dom::parse_document(&html);
        let body = dom.descendants(dom.root()).find(|&n| dom.is(n, "body")).unwrap();
        let found = grab_article(&mut dom, body, Flags::ALL, "", &mut Log::default()).unwrap();
        let text = dom.inner_text(found.article);
        assert!(text.starts_with("DESCRIPTIONRecords changes.") && text.contains("OPTIONS"), "{text}");
        assert!(!text.contains("Last updated"), "{text}");
    }
}
