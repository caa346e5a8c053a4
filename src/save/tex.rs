//! LaTeX from presentation MathML, for Markdown: the formulas that came without their TeX source
//! (most pages' MathJax and KaTeX keep it, and Markdown writes that instead).

use crate::dom::{Dom, NodeId};

/// LaTeX for a `<math>` element that carries no TeX source: a direct reading of presentation
/// MathML (tokens, rows, scripts, fractions, roots, under/over, tables). Good enough to keep a
/// formula legible in Markdown; elements it does not know contribute their text.
pub fn mathml_to_tex(dom: &Dom, math: NodeId) -> String {
    tex_of(dom, math, 0).trim().to_string()
}

fn tex_of(dom: &Dom, n: NodeId, depth: usize) -> String {
    if depth > 64 {
        return dom.text_content(n);
    }
    let Some(tag) = dom.tag(n) else {
        return dom.text(n).map(|t| t.trim().to_string()).unwrap_or_default();
    };
    let kids: Vec<NodeId> = dom.element_children(n);
    let arg = |i: usize| kids.get(i).map(|&k| group(&tex_of(dom, k, depth + 1))).unwrap_or_else(|| "{}".to_string());
    // A command's arguments always in braces: `\frac` then `nk` would be one command, `\fracnk`.
    let braced = |i: usize| format!("{{{}}}", kids.get(i).map(|&k| tex_of(dom, k, depth + 1)).unwrap_or_default());
    let all = || kids.iter().map(|&k| tex_of(dom, k, depth + 1)).collect::<Vec<_>>().join(" ");
    match tag {
        "mi" | "mn" | "mtext" | "ms" => {
            let t = dom.text_content(n).trim().to_string();
            let t: String = t.chars().map(|c| symbol(c).map_or_else(|| c.to_string(), |s| format!("{s} "))).collect();
            if tag == "mtext" && !t.is_empty() { format!("\\text{{{t}}}") } else { t.trim_end().to_string() }
        }
        "mo" => {
            let t = dom.text_content(n).trim().to_string();
            t.chars().map(|c| symbol(c).map_or_else(|| c.to_string(), str::to_string)).collect::<Vec<_>>().join(" ")
        }
        "msup" => format!("{}^{}", arg(0), arg(1)),
        "msub" => format!("{}_{}", arg(0), arg(1)),
        "msubsup" => format!("{}_{}^{}", arg(0), arg(1), arg(2)),
        "munder" => format!("{}_{}", arg(0), arg(1)),
        "mover" => format!("{}^{}", arg(0), arg(1)),
        "munderover" => format!("{}_{}^{}", arg(0), arg(1), arg(2)),
        "mfrac" => format!("\\frac{}{}", braced(0), braced(1)),
        "msqrt" => format!("\\sqrt{{{}}}", all()),
        "mroot" => format!("\\sqrt[{}]{}", tex_of(dom, kids.get(1).copied().unwrap_or(n), depth + 1), braced(0)),
        "semantics" => kids.first().map(|&k| tex_of(dom, k, depth + 1)).unwrap_or_default(),
        "annotation" | "annotation-xml" | "mspace" | "none" | "mprescripts" => String::new(),
        "mtable" => {
            let rows: Vec<String> = kids
                .iter()
                .map(|&r| dom.element_children(r).iter().map(|&c| tex_of(dom, c, depth + 1)).collect::<Vec<_>>().join(" & "))
                .collect();
            format!("\\begin{{matrix}} {} \\end{{matrix}}", rows.join(" \\\\ "))
        }
        _ => all(),
    }
}

/// A script or fraction argument: braces unless it is one character or one command.
fn group(tex: &str) -> String {
    let command = tex.strip_prefix('\\').is_some_and(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphabetic()));
    if tex.chars().count() == 1 || command { tex.to_string() } else { format!("{{{tex}}}") }
}

/// The LaTeX command for a symbol MathML writes as a character.
fn symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '∑' => "\\sum", '∏' => "\\prod", '∫' => "\\int", '∞' => "\\infty", '−' => "-", '×' => "\\times",
        '·' | '⋅' => "\\cdot", '÷' => "\\div", '±' => "\\pm", '≤' => "\\le", '≥' => "\\ge", '≠' => "\\ne",
        '≈' => "\\approx", '→' => "\\to", '⇒' => "\\Rightarrow", '∈' => "\\in", '∀' => "\\forall", '∃' => "\\exists",
        '∂' => "\\partial", '∇' => "\\nabla", '√' => "\\surd", '⁡' | '⁢' | '⁣' => "",
        'α' => "\\alpha", 'β' => "\\beta", 'γ' => "\\gamma", 'δ' => "\\delta", 'ε' => "\\epsilon", 'θ' => "\\theta",
        'λ' => "\\lambda", 'μ' => "\\mu", 'π' => "\\pi", 'ρ' => "\\rho", 'σ' => "\\sigma", 'τ' => "\\tau",
        'φ' => "\\phi", 'ω' => "\\omega", 'Δ' => "\\Delta", 'Σ' => "\\Sigma", 'Ω' => "\\Omega", 'Π' => "\\Pi",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mathml_without_tex_becomes_latex() {
        let dom = Dom::parse_fragment("<math><munderover><mo>∑</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mo>(</mo><mn>2</mn><mi>k</mi><mo>−</mo><mn>1</mn><mo>)</mo><mo>=</mo><msup><mi>n</mi><mn>2</mn></msup></math>");
        let math = dom.descendants(dom.root()).find(|&n| dom.is(n, "math")).unwrap();
        assert_eq!(mathml_to_tex(&dom, math), "\\sum_{k = 1}^n ( 2 k - 1 ) = n^2");
        let dom = Dom::parse_fragment("<math><mfrac><mn>1</mn><msqrt><mi>x</mi></msqrt></mfrac></math>");
        let math = dom.descendants(dom.root()).find(|&n| dom.is(n, "math")).unwrap();
        assert_eq!(mathml_to_tex(&dom, math), "\\frac{1}{\\sqrt{x}}");
        let dom = Dom::parse_fragment("<math><mfrac><mi>n</mi><mi>k</mi></mfrac><mo>+</mo><mroot><mi>x</mi><mn>3</mn></mroot></math>");
        let math = dom.descendants(dom.root()).find(|&n| dom.is(n, "math")).unwrap();
        assert_eq!(mathml_to_tex(&dom, math), "\\frac{n}{k} + \\sqrt[3]{x}");
    }
}
