//! The tree as XHTML, for EPUB chapters: XML's rules (closed empty elements, five entities, no
//! forbidden characters) and MathML's namespace.

use std::fmt::Write as _;

use super::{Dom, NodeData, NodeId, VOID_ELEMENTS};

/// Characters XML 1.0 does not allow at all (most C0 controls), dropped.
fn xml_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|&c| (!c.is_control() || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{fffe}' | '\u{ffff}'))
}

/// Escaped for XML: only the five entities XML itself defines may appear (HTML's `&nbsp;` is
/// not one of them, so a no-break space stays the character it is).
fn xml_escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in xml_chars(s) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

pub fn xml_text(s: &str) -> String {
    xml_escape(s, false)
}

pub fn xml_attr(s: &str) -> String {
    xml_escape(s, true)
}

const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";

impl Dom {
    /// Serializes the children of `top` as XHTML: empty elements closed (`<br/>`), MathML in its
    /// namespace, only attribute names XML accepts, and no characters XML forbids. `mathml` names
    /// the elements that are MathML (the tree keeps local names only; the sanitizer's allow-list
    /// is what saved content can hold).
    pub fn xhtml(&self, top: NodeId, mathml: &[&str]) -> String {
        let dom = self;
        enum Step {
            Open(NodeId),
            Close(NodeId),
        }
        let mut out = String::new();
        let mut stack: Vec<Step> = dom.children(top).into_iter().rev().map(Step::Open).collect();
        while let Some(step) = stack.pop() {
            match step {
                Step::Open(n) => match dom.data(n) {
                    NodeData::Text(t) => out.push_str(&xml_text(t)),
                    NodeData::Document => {}
                    NodeData::Element(e) => {
                        out.push('<');
                        out.push_str(&e.name);
                        let in_mathml = dom.parent(n).and_then(|p| dom.tag(p)).is_some_and(|p| mathml.contains(&p));
                        if &*e.name == "math" {
                            let _ = write!(out, " xmlns=\"{MATHML_NS}\"");
                        } else if in_mathml && !mathml.contains(&&*e.name) {
                            // HTML inside MathML (a link in <mtext>) goes back to the XHTML namespace.
                            out.push_str(" xmlns=\"http://www.w3.org/1999/xhtml\"");
                        }
                        for (k, v) in &e.attrs {
                            let valid = !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) && !k.starts_with(|c: char| c.is_ascii_digit() || c == '-');
                            if valid && k != "xmlns" {
                                let _ = write!(out, " {k}=\"{}\"", xml_attr(v));
                            }
                        }
                        if &*e.name == "img" && e.attr("alt").is_none() {
                            out.push_str(" alt=\"\"");
                        }
                        if VOID_ELEMENTS.contains(&&*e.name) {
                            out.push_str("/>");
                            continue;
                        }
                        out.push('>');
                        stack.push(Step::Close(n));
                        stack.extend(dom.children(n).into_iter().rev().map(Step::Open));
                    }
                },
                Step::Close(n) => {
                    if let Some(name) = dom.tag(n) {
                        let _ = write!(out, "</{name}>");
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xhtml_uses_only_the_entities_xml_defines() {
        let dom = Dom::parse_fragment("<p title=\"a\u{a0}&quot;b\">10\u{a0}km &amp; more</p>");
        assert_eq!(dom.xhtml(dom.root(), &["math", "mi"]), "<p title=\"a\u{a0}&quot;b\">10\u{a0}km &amp; more</p>");
    }

    #[test]
    fn xhtml_closes_empty_elements_and_names_mathml() {
        let dom = Dom::parse_fragment("<p>a<br>b &amp; <img src=x.png></p><math><mi>x</mi></math>");
        assert_eq!(
            dom.xhtml(dom.root(), &["math", "mi"]),
            "<p>a<br/>b &amp; <img src=\"x.png\" alt=\"\"/></p><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math>"
        );
    }
}
