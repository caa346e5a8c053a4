//! The tree as HTML: the serializer for the reader's content and saved HTML files.

use std::fmt::Write as _;

use super::{Dom, NodeData, NodeId, VOID_ELEMENTS};

impl Dom {
    /// Serializes the children of `id` as HTML.
    pub fn inner_html(&self, id: NodeId) -> String {
        let mut out = String::new();
        for c in self.children(id) {
            self.write_html(c, &mut out);
        }
        out
    }

    /// Serializes `id` and its subtree as HTML, iteratively.
    pub fn write_html(&self, id: NodeId, out: &mut String) {
        enum Step {
            Open(NodeId),
            Close(NodeId),
        }
        let mut stack = vec![Step::Open(id)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Open(n) => match self.data(n) {
                    NodeData::Text(t) => {
                        let raw = self.parent(n).and_then(|p| self.tag(p)).is_some_and(|t| t == "style" || t == "script");
                        if raw {
                            out.push_str(t);
                        } else {
                            escape_text(t, out);
                        }
                    }
                    NodeData::Element(e) => {
                        out.push('<');
                        out.push_str(&e.name);
                        for (k, v) in &e.attrs {
                            let _ = write!(out, " {k}=\"");
                            escape_attr(v, out);
                            out.push('"');
                        }
                        out.push('>');
                        if VOID_ELEMENTS.contains(&&*e.name) {
                            continue;
                        }
                        stack.push(Step::Close(n));
                        let mut kids = self.children(n);
                        kids.reverse();
                        stack.extend(kids.into_iter().map(Step::Open));
                    }
                    NodeData::Document => {
                        let mut kids = self.children(n);
                        kids.reverse();
                        stack.extend(kids.into_iter().map(Step::Open));
                    }
                },
                Step::Close(n) => {
                    if let Some(name) = self.tag(n) {
                        let _ = write!(out, "</{name}>");
                    }
                }
            }
        }
    }
}

/// Escaped for HTML text: `&`, `<`, `>`, and no-break spaces as `&nbsp;` (so they survive
/// editors that trim them).
pub fn escape_text(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

/// Escaped for a double-quoted HTML attribute value (and, being a superset, for text).
pub fn escape_attr(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

