//! Math, before preparation strips scripts and styling: the output of MathJax (versions 2 and 3)
//! and KaTeX becomes plain MathML with its LaTeX source kept in an `<annotation>`, so the reader
//! shows it with the browser's MathML and the Markdown export can write `$…$`. MediaWiki's
//! formulas, an image with the MathML hidden beside it, become that MathML (it takes the text's
//! colour, so a dark theme shows it; the image is black on transparent). Formula images with no
//! MathML (WordPress's `latex.php`, CodeCogs, `class="latex"`) are marked `decant-formula`, for
//! the reader to invert in dark themes. Part of stage 2 (preparation).

use crate::article::FORMULA_CLASS;
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
        } else if has_class(class, "mwe-math-element") {
            mediawiki
        } else if tag == "img" && is_formula_image(class, dom.attr(n, "src").unwrap_or("")) {
            mark_formula
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

/// Whether an image is a rendered formula, by its class (`latex`, `tex`, MediaWiki's fallback
/// image) or by the renderers its address names: WordPress's `latex.php`, CodeCogs, mimeTeX,
/// MediaWiki's `/math/render/`, Google Charts' TeX.
fn is_formula_image(class: &str, src: &str) -> bool {
    let class_says = class.split_whitespace().any(|c| matches!(c, "latex" | "tex" | "mwe-math-fallback-image-inline" | "mwe-math-fallback-image-display"));
    let src = src.to_ascii_lowercase();
    class_says
        || ["/latex.php?", "latex.codecogs.com/", "/mimetex.cgi?", "/math/render/", "/chart?cht=tx"].iter().any(|p| src.contains(p))
}

fn mark_formula(dom: &mut Dom, img: NodeId) {
    dom.set_attr(img, "class", FORMULA_CLASS);
}

/// MediaWiki: `<span class="mwe-math-element">` holds the MathML (hidden, for assistive
/// technology) and a fallback image of the same formula. The MathML replaces the whole; without
/// one, the image stays, marked as a formula.
fn mediawiki(dom: &mut Dom, n: NodeId) {
    let Some(math) = find_math(dom, n) else {
        for img in dom.elements_named(n, "img") {
            mark_formula(dom, img);
        }
        return;
    };
    let block = dom.attr(n, "class").is_some_and(|c| has_class(c, "mwe-math-element-block"));
    if block || dom.attr(math, "display") == Some("block") {
        dom.set_attr(math, "display", "block");
    }
    // MediaWiki wraps every source in `{\displaystyle …}` (or `\textstyle`): the style is the
    // display mode's, which `display` already says.
    let sources: Vec<NodeId> = dom.descendants(math).filter(|&a| dom.is(a, "annotation")).flat_map(|a| dom.children(a)).collect();
    for t in sources {
        let Some(tex) = dom.text(t) else { continue };
        if let Some(inner) = without_style(tex).map(crate::dom::Text::from) {
            if let Some(text) = dom.text_mut(t) {
                *text = inner;
            }
        }
    }
    dom.replace(n, math);
}

/// `X` from `{\displaystyle X}` or `{\textstyle X}`, when that one pair of braces holds it all.
fn without_style(tex: &str) -> Option<&str> {
    let tex = tex.trim();
    let inner = ["{\\displaystyle", "{\\textstyle"].iter().find_map(|p| tex.strip_prefix(p))?.strip_suffix('}')?;
    // The closing brace must be the opening one's partner: the braces inside balance.
    let mut depth = 0i32;
    for c in inner.chars() {
        depth += match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        };
        if depth < 0 {
            return None;
        }
    }
    (depth == 0 && inner.starts_with(char::is_whitespace)).then(|| inner.trim())
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

    #[test]
    fn mediawiki_formulas_become_their_hidden_mathml() {
        let inline = run("<p>So <span class=\"mwe-math-element\"><span class=\"mwe-math-mathml-inline\" style=\"display: none;\"><math alttext=\"x\"><mi>x</mi></math></span><img src=\"https://wikimedia.org/api/rest_v1/media/math/render/svg/1\" class=\"mwe-math-fallback-image-inline\" alt=\"x\"></span>.</p>");
        assert_eq!(inline, "<p>So <math alttext=\"x\"><mi>x</mi></math>.</p>");
        let block = run("<dl><dd><span class=\"mwe-math-element mwe-math-element-block\"><span style=\"display: none;\"><math><mi>y</mi></math></span><img src=\"/y.svg\" alt=\"y\"></span></dd></dl>");
        assert_eq!(block, "<dl><dd><math display=\"block\"><mi>y</mi></math></dd></dl>");
        let sourced = run("<span class=\"mwe-math-element\"><math><semantics><mi>e</mi><annotation encoding=\"application/x-tex\">{\\displaystyle e^{i\\pi }+1=0}</annotation></semantics></math></span>");
        assert!(sourced.contains(">e^{i\\pi }+1=0</annotation>"), "{sourced}");
        assert_eq!(without_style("{\\textstyle a}"), Some("a"));
        assert_eq!(without_style("{\\displaystyle a}+{b}"), None);
        assert_eq!(without_style("{\\displaystylex}"), None);
        // Without MathML the image stays, as a formula.
        let bare = run("<span class=\"mwe-math-element\"><img src=\"/z.svg\" alt=\"z\"></span>");
        assert_eq!(bare, "<span class=\"mwe-math-element\"><img alt=\"z\" src=\"/z.svg\" class=\"decant-formula\"></span>");
    }

    #[test]
    fn formula_images_are_marked_by_class_or_renderer_and_photos_are_not() {
        for img in [
            "<img class=\"latex\" src=\"/a.png\" alt=\"a\">",
            "<img src=\"https://s0.wp.com/latex.php?latex=x%5E2&amp;bg=ffffff\" alt=\"x^2\">",
            "<img src=\"https://latex.codecogs.com/png.latex?a%2Bb\" alt=\"a+b\">",
            "<img src=\"https://example.org/cgi-bin/mimetex.cgi?x\" alt=\"x\">",
        ] {
            assert!(run(img).contains("class=\"decant-formula\""), "{img}");
        }
        for img in ["<img src=\"/latex-cover.jpg\" alt=\"LaTeX book\">", "<img class=\"texture\" src=\"/t.png\">", "<img src=\"/photo.jpg\">"] {
            assert!(!run(img).contains("decant-formula"), "{img}");
        }
    }
}
