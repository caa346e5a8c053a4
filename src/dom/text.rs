//! The tree as plain text: what the reader's word count, the saved text file and the
//! article's `text` field are made of.

use super::{Dom, NodeData, NodeId};
use crate::text::normalize_space;

/// Elements after which plain text starts a new line.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "table", "tr", "figure", "figcaption", "hr", "br", "caption",
    "details", "summary",
];

/// The text of `top`'s subtree with a line break after each block and runs of space folded.
pub fn plain_text(dom: &Dom, top: NodeId) -> String {
    let mut raw = String::new();
    // Iterative walk: `Close(block)` marks where an element's subtree ends.
    enum Step {
        Open(NodeId),
        Close(bool),
    }
    let mut steps: Vec<Step> = dom.children(top).into_iter().rev().map(Step::Open).collect();
    while let Some(step) = steps.pop() {
        match step {
            Step::Close(block) => {
                if block {
                    raw.push('\n');
                }
            }
            Step::Open(n) => match dom.data(n) {
                NodeData::Text(t) => {
                    let in_pre = dom.has_ancestor(n, "pre", 0);
                    if in_pre {
                        raw.push_str(&t.replace('\n', "\u{1}"));
                    } else {
                        raw.push_str(&t.replace('\n', " "));
                    }
                }
                // A formula's source, kept for the Markdown export: not shown, so not text (as a
                // browser's innerText leaves it out).
                NodeData::Element(e) if matches!(&*e.name, "annotation" | "annotation-xml") => {}
                NodeData::Element(e) => {
                    let block = BLOCKS.contains(&&*e.name) || &*e.name == "td" || &*e.name == "th";
                    if &*e.name == "td" || &*e.name == "th" {
                        raw.push(' ');
                    }
                    if block {
                        raw.push('\n');
                    }
                    steps.push(Step::Close(block));
                    steps.extend(dom.children(n).into_iter().rev().map(Step::Open));
                }
                NodeData::Document => {}
            },
        }
    }
    let mut out = String::new();
    for line in raw.split('\n') {
        let line = normalize_space(line).replace('\u{1}', "\n");
        if !line.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&line);
        }
    }
    out
}

/// The text of a code block, keeping its line breaks (`<br>` included) exactly.
pub fn plain_code(dom: &Dom, pre: NodeId) -> String {
    let mut s = String::new();
    for n in dom.descendants(pre) {
        match dom.data(n) {
            NodeData::Text(t) => s.push_str(t),
            NodeData::Element(e) if &*e.name == "br" => s.push('\n'),
            _ => {}
        }
    }
    s
}

/// What `top` says on one line, as a header would show it: its text with runs of space folded,
/// without a `<time>` (a date line the header shows apart), what is hidden from assistive
/// technology (`aria-hidden`: an icon, an animation's copy) or never shown (scripts, styles,
/// templates). Texts in separate elements never run together where `spaced` (a byline's name and
/// date in two spans); else only a line break, a block or a `span.block` (a utility class's
/// block) puts a space between them, so that markup inside a word ("<b>W</b>ord") keeps it whole.
pub fn line_text(dom: &Dom, top: NodeId, spaced: bool) -> String {
    let mut raw = String::new();
    // Iterative walk; `None` marks where an element's subtree ends (and the space it may add).
    let mut steps: Vec<Option<NodeId>> = dom.children(top).into_iter().rev().map(Some).collect();
    let mut closing: Vec<bool> = Vec::new();
    while let Some(step) = steps.pop() {
        let Some(n) = step else {
            if closing.pop() == Some(true) {
                raw.push(' ');
            }
            continue;
        };
        match dom.data(n) {
            NodeData::Text(t) => raw.push_str(t),
            NodeData::Element(e) => {
                let hidden = e.attr("aria-hidden").is_some_and(|v| v.trim() == "true");
                if hidden || matches!(&*e.name, "time" | "script" | "style" | "template" | "noscript") {
                    continue;
                }
                let block = matches!(&*e.name, "br" | "div" | "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                    || &*e.name == "span" && e.attr("class").is_some_and(|c| c.split_whitespace().any(|w| w == "block"));
                let space = spaced || block;
                if space {
                    raw.push(' ');
                }
                closing.push(space);
                steps.push(None);
                steps.extend(dom.children(n).into_iter().rev().map(Some));
            }
            NodeData::Document => {}
        }
    }
    normalize_space(&raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_text_keeps_elements_apart_where_asked_and_leaves_out_dates_and_hidden_copies() {
        let dom = Dom::parse_fragment("<p>By<span>Jane Doe</span><time>May 3</time><i aria-hidden='true'>*</i> <b>W</b>ord<br>Two<script>x</script></p>");
        let p = dom.descendants(dom.root()).find(|&n| dom.is(n, "p")).expect("p");
        assert_eq!(line_text(&dom, p, true), "By Jane Doe W ord Two");
        assert_eq!(line_text(&dom, p, false), "ByJane Doe Word Two");
    }

    #[test]
    fn plain_text_breaks_blocks() {
        let dom = Dom::parse_fragment("<h2>Title</h2><p>One  <b>two</b></p><ul><li>a</li><li>b</li></ul>");
        assert_eq!(plain_text(&dom, dom.root()), "Title\n\nOne two\n\na\n\nb");
    }
}
