//! Why a block is not in the article: each removal the pipeline makes, with its stage and rule,
//! and the blocks left outside the element chosen as the article. For `decant --explain` and
//! the WASM engine's `explain`, so that a missing paragraph can be traced to what dropped it.
//!
//! Recording is off for plain extraction: [`Log::remove`] then only detaches.

use serde::Serialize;

use crate::dom::{Dom, NodeId};
use crate::text::normalize_space;

/// One block the article does not have, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Removal {
    /// The stage that removed it: `prepare`, `score` (while looking for the article), `choose`
    /// (left outside the chosen article) or `clean`.
    pub stage: &'static str,
    /// The rule, in a few words ("hidden", "unlikely class or id", "mostly links"...).
    pub rule: &'static str,
    /// The element, as a selector: its tag, id and first classes (`div#comments.thread`).
    pub element: String,
    /// Characters of text it held.
    pub chars: usize,
    /// The start of its text (up to [`TEXT_START_CHARS`] characters), or what media it held.
    pub text: String,
}

/// How much of a removed block's text is quoted: enough to find it in the page.
pub const TEXT_START_CHARS: usize = 80;

/// Classes quoted in [`Removal::element`]: utility-class pages list dozens.
const CLASSES_QUOTED: usize = 3;

/// The removals of one run of the pipeline, or nothing when not asked for.
#[derive(Clone, Debug, Default)]
pub struct Log {
    removals: Option<Vec<Removal>>,
}

impl Log {
    /// A log that records when `on`, else only lets removals happen.
    pub fn new(on: bool) -> Log {
        Log { removals: on.then(Vec::new) }
    }

    /// Whether it records (`explain`) or not (`extract`).
    pub fn is_on(&self) -> bool {
        self.removals.is_some()
    }

    /// Records `n` (when it holds text or media) as removed by `rule` of `stage`, then detaches it.
    pub fn remove(&mut self, dom: &mut Dom, n: NodeId, stage: &'static str, rule: &'static str) {
        self.note(dom, n, stage, rule);
        dom.detach(n);
    }

    /// Records `n` as not in the article, without touching it.
    pub fn note(&mut self, dom: &Dom, n: NodeId, stage: &'static str, rule: &'static str) {
        let Some(removals) = self.removals.as_mut() else { return };
        let Some(el) = dom.element(n) else {
            let text = normalize_space(dom.text(n).unwrap_or(""));
            if !text.is_empty() {
                removals.push(Removal { stage, rule, element: "#text".to_string(), chars: text.chars().count(), text: start_of(&text) });
            }
            return;
        };
        if UNSHOWN.contains(&&*el.name) {
            return;
        }
        let text = normalize_space(&shown_text(dom, n));
        let media = std::iter::once(n).chain(dom.descendants(n)).filter(|&d| dom.tag(d).is_some_and(|t| matches!(t, "img" | "picture" | "video" | "audio" | "iframe" | "svg" | "math"))).count();
        if text.is_empty() && media == 0 {
            return;
        }
        let mut element = el.name.to_string();
        if let Some(id) = el.attr("id").filter(|i| !i.trim().is_empty()) {
            element.push('#');
            element.push_str(id.trim());
        }
        for class in el.attr("class").unwrap_or("").split_ascii_whitespace().take(CLASSES_QUOTED) {
            element.push('.');
            element.push_str(class);
        }
        let quoted = if text.is_empty() { format!("({media} image or media element{})", if media == 1 { "" } else { "s" }) } else { start_of(&text) };
        removals.push(Removal { stage, rule, element, chars: text.chars().count(), text: quoted });
    }

    /// The removals recorded, in the order they were made (empty when not recording).
    pub fn into_removals(self) -> Vec<Removal> {
        self.removals.unwrap_or_default()
    }
}

/// Elements whose text is never shown (script and style source, head elements): not listed,
/// and not counted in the text of what holds them.
const UNSHOWN: &[&str] = &["script", "style", "noscript", "template", "title", "meta", "link", "base"];

/// The text of `n` that a page shows: without the source of its scripts and styles.
fn shown_text(dom: &Dom, n: NodeId) -> String {
    let mut out = String::new();
    let mut stack = vec![n];
    while let Some(cur) = stack.pop() {
        if let Some(t) = dom.text(cur) {
            out.push_str(t);
            continue;
        }
        if dom.tag(cur).is_some_and(|t| UNSHOWN.contains(&t)) {
            continue;
        }
        let mut kids: Vec<NodeId> = dom.child_nodes(cur).collect();
        kids.reverse();
        stack.extend(kids);
        // Blocks are separated in the quote as they are on screen.
        out.push(' ');
    }
    out
}

fn start_of(text: &str) -> String {
    match text.char_indices().nth(TEXT_START_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removal_is_recorded_with_its_element_and_the_start_of_its_text() {
        let mut dom = Dom::parse_fragment("<div id=share class='bar a b c d'>Share this story on every network you have ever heard of, and then on some more of them<script>track()</script></div><p></p>");
        let kids = dom.element_children(dom.root());
        let mut log = Log::new(true);
        log.remove(&mut dom, kids[0], "clean", "share bar");
        log.remove(&mut dom, kids[1], "clean", "empty");
        assert!(!dom.is_attached(kids[0]));
        let removals = log.into_removals();
        assert_eq!(removals.len(), 1, "an empty block is removed without a record");
        assert_eq!(removals[0].element, "div#share.bar.a.b");
        assert_eq!(removals[0].chars, 87, "the script inside is not counted");
        assert!(removals[0].text.starts_with("Share this story") && removals[0].text.ends_with('…'));
        assert_eq!(removals[0].text.chars().count(), TEXT_START_CHARS + 1);
    }

    #[test]
    fn a_log_that_is_off_removes_without_recording() {
        let mut dom = Dom::parse_fragment("<p>Gone</p>");
        let p = dom.element_children(dom.root())[0];
        let mut log = Log::new(false);
        log.remove(&mut dom, p, "clean", "empty");
        assert!(!dom.is_attached(p));
        assert!(log.into_removals().is_empty());
    }
}
