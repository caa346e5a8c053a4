//! Math, before preparation strips scripts and styling: the output of MathJax (versions 2 and 3)
//! and KaTeX becomes plain MathML with its LaTeX source kept in an `<annotation>`, so the reader
//! shows it with the browser's MathML and the Markdown export can write `$…$`. Part of stage 2
//! (preparation).

use crate::dom::{Dom, NodeId};

const TEX: &str = "application/x-tex";

/// Rewrites every rendered formula under the root into `<math>`.
pub fn normalize(dom: &mut Dom) {
    let root = dom.root();
    let nodes: Vec<NodeId> = dom.descendants(root).collect();
    for n in nodes {
        let Some(tag) = dom.tag(n) else { continue };
        let class = dom.attr(n, "class").unwrap_or("");
        let rewrite: fn(&mut Dom, NodeId) = if tag == "mjx-container" {
            mathjax3
        } else if tag == "span" && has_class(class, "katex") {
            katex
        } else if tag == "script" && dom.attr(n, "type").is_some_and(|t| t.trim_start().starts_with("math/tex")) {
            mathjax2
        } else {
            continue;
        };
        // Asked of formulas only: it walks up to the root, which on every node of a deeply
        // nested page cost time in proportion to the nodes times the depth.
        if dom.is_attached(n) {
            rewrite(dom, n);
        }
    }
}

fn has_class(class: &str, name: &str) -> bool {
    class.split_whitespace().any(|c| c == name)
}

/// The first `<math>` below `n`.
fn find_math(dom: &Dom, n: NodeId) -> Option<NodeId> {
    dom.descendants(n).find(|&m| dom.is(m, "math"))
}

/// KaTeX: `<span class="katex"><span class="katex-mathml"><math>…<annotation>`, followed by the
/// HTML rendering. The MathML (with its annotation) replaces the whole.
fn katex(dom: &mut Dom, n: NodeId) {
    let Some(math) = find_math(dom, n) else { return };
    let display = dom.parent(n).is_some_and(|p| dom.attr(p, "class").is_some_and(|c| has_class(c, "katex-display")));
    if display {
        dom.set_attr(math, "display", "block");
    }
    dom.replace(n, math);
}

/// MathJax 3: `<mjx-container display="true">` holding the rendering and, for assistive
/// technology, `<mjx-assistive-mml><math>`.
fn mathjax3(dom: &mut Dom, n: NodeId) {
    let display = dom.attr(n, "display") == Some("true");
    let latex = dom.attr(n, "data-latex").map(str::to_string);
    let math = match find_math(dom, n) {
        Some(m) => m,
        None => match latex.as_deref() {
            Some(tex) => tex_only_math(dom, tex),
            None => return,
        },
    };
    if display {
        dom.set_attr(math, "display", "block");
    }
    if let Some(tex) = latex {
        if !dom.descendants(math).any(|a| dom.is(a, "annotation")) {
            add_annotation(dom, math, &tex);
        }
    }
    dom.replace(n, math);
}

/// MathJax 2: the LaTeX stays in `<script type="math/tex">`, with the rendering just before it
/// (`span.MathJax` or `div.MathJax_Display`, possibly after a `span.MathJax_Preview`). A rendering
/// with assistive MathML inside gives the MathML; otherwise the formula is its LaTeX source.
fn mathjax2(dom: &mut Dom, script: NodeId) {
    let tex = dom.text_content(script).trim().to_string();
    let display = dom.attr(script, "type").is_some_and(|t| t.contains("mode=display"));
    let mut rendered_math = None;
    let mut prev = dom.prev_sibling(script);
    while let Some(p) = prev {
        let class = dom.attr(p, "class").unwrap_or("");
        let is_render = ["MathJax", "MathJax_Display", "MathJax_Preview", "MathJax_SVG", "MathJax_CHTML", "MathJax_SVG_Display"]
            .iter()
            .any(|c| has_class(class, c));
        if !is_render {
            break;
        }
        prev = dom.prev_sibling(p);
        if rendered_math.is_none() {
            // Keep the rendering's MathML (if it has some) out of the subtree about to go.
            if let Some(m) = find_math(dom, p) {
                dom.detach(m);
                rendered_math = Some(m);
            }
        }
        dom.detach(p);
    }
    let math = match rendered_math {
        Some(m) => {
            if !dom.descendants(m).any(|a| dom.is(a, "annotation")) {
                add_annotation(dom, m, &tex);
            }
            m
        }
        None => tex_only_math(dom, &tex),
    };
    if display {
        dom.set_attr(math, "display", "block");
    }
    dom.replace(script, math);
}

/// `<math><semantics><mtext>TEX</mtext><annotation encoding="application/x-tex">TEX</…>`: shown
/// as its source where no MathML rendering exists, and exported as `$TEX$`.
fn tex_only_math(dom: &mut Dom, tex: &str) -> NodeId {
    let math = dom.create_element("math");
    let mtext = dom.create_element("mtext");
    let text = dom.create_text(tex);
    dom.append(mtext, text);
    dom.append(math, mtext);
    wrap_in_semantics(dom, math, None, tex);
    math
}

/// Wraps the content of `math` in `<semantics>` with a LaTeX annotation.
fn add_annotation(dom: &mut Dom, math: NodeId, tex: &str) {
    let row = dom.create_element("mrow");
    wrap_in_semantics(dom, math, Some(row), tex);
}

/// Moves the children of `math` into `<semantics>` (inside `wrapper` if given) and adds the
/// annotation holding `tex`.
fn wrap_in_semantics(dom: &mut Dom, math: NodeId, wrapper: Option<NodeId>, tex: &str) {
    let semantics = dom.create_element("semantics");
    let target = wrapper.unwrap_or(semantics);
    for c in dom.children(math) {
        dom.append(target, c);
    }
    if let Some(w) = wrapper {
        dom.append(semantics, w);
    }
    let annotation = dom.create_element("annotation");
    dom.set_attr(annotation, "encoding", TEX);
    let text = dom.create_text(tex);
    dom.append(annotation, text);
    dom.append(semantics, annotation);
    dom.append(math, semantics);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> String {
        let mut dom = Dom::parse_fragment(html);
        normalize(&mut dom);
        dom.inner_html(dom.root())
    }

    #[test]
    fn katex_keeps_mathml_and_source() {
        let out = run("<p><span class=\"katex\"><span class=\"katex-mathml\"><math><semantics><mrow><mi>x</mi></mrow><annotation encoding=\"application/x-tex\">x</annotation></semantics></math></span><span class=\"katex-html\" aria-hidden=\"true\">x</span></span></p>");
        assert_eq!(out, "<p><math><semantics><mrow><mi>x</mi></mrow><annotation encoding=\"application/x-tex\">x</annotation></semantics></math></p>");
    }

    #[test]
    fn mathjax2_script_becomes_math_with_source() {
        let out = run("<p>See <span class=\"MathJax_Preview\"></span><span class=\"MathJax\">rendered</span><script type=\"math/tex; mode=display\">a^2+b^2</script>.</p>");
        assert_eq!(
            out,
            "<p>See <math display=\"block\"><semantics><mtext>a^2+b^2</mtext><annotation encoding=\"application/x-tex\">a^2+b^2</annotation></semantics></math>.</p>"
        );
    }

    #[test]
    fn mathjax3_uses_assistive_mathml() {
        let out = run("<mjx-container class=\"MathJax\" display=\"true\"><mjx-math aria-hidden=\"true\">junk</mjx-math><mjx-assistive-mml><math><mi>y</mi></math></mjx-assistive-mml></mjx-container>");
        assert_eq!(out, "<math display=\"block\"><mi>y</mi></math>");
    }
}
