//! Markdown (CommonMark with GitHub tables and strike-through): YAML front matter and the title,
//! then the body converted from the sanitized article HTML.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::shared::Export;
use crate::dom::{Dom, NodeData, NodeId};
use crate::sanitize::code_language;
use crate::text::normalize_space;
use crate::article::{Article, POST_CLASS};

/// Past this nesting depth the rest of a subtree is rendered as plain text, so that a hostile page
/// cannot exhaust the stack through the converter.
const MAX_DEPTH: usize = 200;

/// Past this many quotes and lists inside one another, deeper ones add no more `>` or indentation:
/// each level prefixes every line below it again, so that 190 quotes one inside the other turned
/// a 2 MB page into a 153 MB file (and a reader that took 15 s to draw it). Eight levels are more
/// than any article shows.
const MAX_NESTING: usize = 8;

const BLOCK_ELEMENTS: &[&str] = &[
    "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
    "dt", "dd", "blockquote", "pre", "table", "figure", "figcaption", "hr", "details", "summary",
    "picture", "caption", "thead", "tbody", "tfoot", "tr",
];

/// A YAML double-quoted scalar, which is also a JSON string (the escapes are those both read).
pub(super) fn double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Markdown with YAML front matter (title, subtitle, author, url, site, published, saved,
/// excerpt, lang, tags); the subtitle is also written, in italics, under the title.
pub fn write(article: &Article, export: &Export) -> String {
    write_with_local_images(article, export, &HashMap::new())
}

/// [`write`], with each image whose URL is a key of `local` linked to its local copy instead (a
/// path relative to the Markdown file).
pub(super) fn write_with_local_images(article: &Article, export: &Export, local: &HashMap<String, String>) -> String {
    let mut out = String::from("---\n");
    let fields = [
        ("title", Some(article.title.as_str())),
        ("subtitle", article.subtitle.as_deref()),
        ("author", article.byline.as_deref()),
        ("url", Some(article.url.as_str()).filter(|u| !u.is_empty())),
        ("site", article.site_name.as_deref()),
        ("published", article.published_time.as_deref()),
        ("saved", export.saved.as_deref()),
        ("excerpt", article.excerpt.as_deref()),
        ("lang", article.lang.as_deref()),
    ];
    for (key, value) in fields {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "{key}: {}", double_quoted(v));
        }
    }
    if !article.tags.is_empty() {
        let tags: Vec<String> = article.tags.iter().map(|t| double_quoted(t)).collect();
        let _ = writeln!(out, "tags: [{}]", tags.join(", "));
    }
    out.push_str("---\n\n");
    let title = article.title.trim();
    if !title.is_empty() {
        let _ = write!(out, "# {}\n\n", heading_text(&escape(&collapse_spaces(title))));
    }
    if let Some(dek) = article.subtitle.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        let _ = write!(out, "*{}*\n\n", escape(&collapse_spaces(dek)));
    }
    out.push_str(&convert(&article.content, local));
    out
}

/// Converts sanitized article HTML to Markdown.
#[cfg(any(test, feature = "test_api"))]
pub fn html_to_markdown(html: &str) -> String {
    convert(html, &HashMap::new())
}

fn convert(html: &str, local: &HashMap<String, String>) -> String {
    let dom = Dom::parse_fragment(html);
    let footnotes = footnotes(&dom);
    let blocks = Renderer { dom: &dom, footnotes, local }.blocks(dom.root(), 0);
    // A hard break's continuation line needs no leading space.
    let mut out = blocks.join("\n\n").replace("\\\n ", "\\\n");
    out.push('\n');
    out
}

struct Renderer<'a> {
    dom: &'a Dom,
    /// Footnote labels by the id of the list item that holds the note.
    footnotes: HashMap<String, String>,
    /// Local copies of images, by URL.
    local: &'a HashMap<String, String>,
}

/// The footnotes of an article: list items that in-page links point to, in lists made only of
/// such items. Each gets a label: the number its reference shows, or its position.
fn footnotes(dom: &Dom) -> HashMap<String, String> {
    let mut ids: HashMap<&str, NodeId> = HashMap::new();
    let mut refs: HashMap<&str, String> = HashMap::new();
    for n in dom.descendants(dom.root()) {
        if let Some(id) = dom.attr(n, "id") {
            ids.entry(id).or_insert(n);
        }
        if let Some(target) = dom.is(n, "a").then(|| dom.attr(n, "href")).flatten().and_then(|h| h.strip_prefix('#')) {
            let text = normalize_space(&dom.text_content(n));
            let text = text.trim_matches(|c| matches!(c, '[' | ']' | '(' | ')'));
            refs.entry(target).or_insert_with(|| text.to_string());
        }
    }
    let mut notes = HashMap::new();
    let mut lists: Vec<NodeId> = Vec::new();
    for &target in refs.keys() {
        let Some(&li) = ids.get(target) else { continue };
        if dom.is(li, "li") {
            if let Some(list) = dom.parent(li) {
                if !lists.contains(&list) {
                    lists.push(list);
                }
            }
        }
    }
    for list in lists {
        let items = dom.element_children(list);
        let all_notes = items.iter().all(|&li| dom.is(li, "li") && dom.attr(li, "id").is_some_and(|id| refs.contains_key(id)));
        if !all_notes {
            continue;
        }
        for (i, li) in items.into_iter().enumerate() {
            let id = dom.attr(li, "id").unwrap_or_default();
            let shown = &refs[id];
            let label = if !shown.is_empty() && shown.len() <= 12 && shown.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
                shown.clone()
            } else {
                (i + 1).to_string()
            };
            notes.insert(id.to_string(), label);
        }
    }
    notes
}

fn is_block_element(dom: &Dom, n: NodeId) -> bool {
    dom.tag(n).is_some_and(|t| BLOCK_ELEMENTS.contains(&t))
}

fn is_block(dom: &Dom, n: NodeId) -> bool {
    is_block_element(dom, n) || (dom.is(n, "img") && is_lone_image(dom, n))
}

/// An image that stands alone in its container renders as its own block.
fn is_lone_image(dom: &Dom, img: NodeId) -> bool {
    let Some(parent) = dom.parent(img) else { return true };
    !dom.is(parent, "p") && !dom.is(parent, "a")
        && dom.children(parent).into_iter().all(|c| {
            c == img || dom.is(c, "img") || dom.text(c).is_some_and(|t| t.trim().is_empty()) || is_block_element(dom, c)
        })
}

impl Renderer<'_> {
    /// The Markdown blocks of `node`'s children: inline runs become paragraphs.
    fn blocks(&self, node: NodeId, depth: usize) -> Vec<String> {
        let dom = self.dom;
        let mut out = Vec::new();
        let mut run = String::new();
        let flush = |run: &mut String, out: &mut Vec<String>| {
            let p = run.trim();
            if !p.is_empty() {
                out.push(escape_line_start(p));
            }
            run.clear();
        };
        for c in dom.children(node) {
            if depth > MAX_DEPTH {
                run.push_str(&escape(&normalize_space(&dom.text_content(c))));
                run.push(' ');
                continue;
            }
            if dom.is(c, "a") && dom.descendants(c).any(|d| is_block_element(dom, d)) {
                flush(&mut run, &mut out);
                out.extend(self.linked_blocks(c, depth + 1));
            } else if is_block(dom, c) {
                flush(&mut run, &mut out);
                out.extend(self.block(c, depth + 1));
            } else {
                run.push_str(&self.inline(c, depth + 1));
            }
        }
        flush(&mut run, &mut out);
        out
    }

    /// A link around blocks (a card: an image and a heading): its blocks, with the link on the
    /// first heading, else on the first paragraph (Markdown links hold only inline text).
    fn linked_blocks(&self, a: NodeId, depth: usize) -> Vec<String> {
        let mut blocks = self.blocks(a, depth);
        let Some(href) = self.dom.attr(a, "href").filter(|h| !h.trim().is_empty()) else { return blocks };
        let target = link_target(href);
        let is_text = |b: &String| !b.starts_with(['!', '>', '|', '`', '-', '*']) && !b.contains('\n');
        let at = blocks.iter().position(|b| b.starts_with('#')).or_else(|| blocks.iter().position(is_text));
        if let Some(i) = at {
            let b = &blocks[i];
            let (marks, text) = match b.find("# ") {
                Some(k) if b[..k + 1].chars().all(|c| c == '#') => b.split_at(k + 2),
                _ => ("", b.as_str()),
            };
            blocks[i] = format!("{marks}[{text}]({target})");
        }
        blocks
    }

    fn block(&self, n: NodeId, depth: usize) -> Vec<String> {
        let dom = self.dom;
        let tag = dom.tag(n).unwrap_or("");
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = tag[1..].parse::<usize>().unwrap_or(2);
                let text = self.inline_children(n, depth).replace('\n', " ");
                let text = text.trim();
                if text.is_empty() { vec![] } else { vec![format!("{} {}", "#".repeat(level), heading_text(text))] }
            }
            "p" | "dt" | "summary" | "figcaption" | "caption" => {
                let text = self.inline_children(n, depth);
                let text = text.trim();
                if text.is_empty() {
                    return vec![];
                }
                let text = escape_line_start(text);
                vec![match tag {
                    "dt" | "summary" => format!("**{text}**"),
                    "figcaption" | "caption" => format!("*{text}*"),
                    _ => text,
                }]
            }
            "hr" => vec!["---".to_string()],
            "img" => vec![self.image(n)].into_iter().filter(|s| !s.is_empty()).collect(),
            "pre" => vec![self.code_block(n)],
            "blockquote" => {
                if self.nesting(n) >= MAX_NESTING {
                    return self.blocks(n, depth);
                }
                let inner = self.blocks(n, depth).join("\n\n");
                if inner.is_empty() {
                    return vec![];
                }
                vec![inner.lines().map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") }).collect::<Vec<_>>().join("\n")]
            }
            "ol" | "ul" if self.is_footnote_list(n) => {
                let notes: Vec<String> = dom
                    .element_children(n)
                    .into_iter()
                    .map(|li| {
                        let label = &self.footnotes[dom.attr(li, "id").unwrap_or_default()];
                        let body = self.blocks(li, depth).join("\n\n");
                        let body = body.lines().enumerate().map(|(i, l)| if i == 0 || l.is_empty() { l.to_string() } else { format!("    {l}") });
                        format!("[^{label}]: {}", body.collect::<Vec<_>>().join("\n"))
                    })
                    .collect();
                vec![notes.join("\n")]
            }
            "ul" | "ol" => {
                let start = dom.attr(n, "start").and_then(|s| s.parse::<u64>().ok()).unwrap_or(1);
                let mut items = Vec::new();
                let mut number = start;
                for li in dom.element_children(n) {
                    let marker = if tag == "ol" {
                        let m = format!("{number}. ");
                        number += 1;
                        m
                    } else {
                        "- ".to_string()
                    };
                    let parts = if dom.is(li, "li") { self.blocks(li, depth) } else { self.block(li, depth) };
                    // A nested list right after the item's text keeps the list tight.
                    let mut body = String::new();
                    for (i, part) in parts.iter().enumerate() {
                        if i > 0 {
                            body.push_str(if starts_with_list_marker(part) { "\n" } else { "\n\n" });
                        }
                        body.push_str(part);
                    }
                    let pad = if self.nesting(n) >= MAX_NESTING { String::new() } else { " ".repeat(marker.len()) };
                    let mut text = String::new();
                    for (i, line) in body.lines().enumerate() {
                        if i == 0 {
                            text.push_str(&marker);
                            text.push_str(line);
                        } else {
                            text.push('\n');
                            if !line.is_empty() {
                                text.push_str(&pad);
                                text.push_str(line);
                            }
                        }
                    }
                    if body.is_empty() {
                        text.push_str(marker.trim_end());
                    }
                    items.push(text);
                }
                // Items with several blocks make a loose list; otherwise keep it tight.
                let loose = items.iter().any(|i| i.contains("\n\n"));
                vec![items.join(if loose { "\n\n" } else { "\n" })]
            }
            "table" => self.table(n, depth).into_iter().collect(),
            // A thread's posts, each after a rule (the first after the title).
            "article" if dom.attr(n, "class") == Some(POST_CLASS) => {
                let after_post = std::iter::successors(dom.prev_sibling(n), |&s| dom.prev_sibling(s)).find(|&s| dom.element(s).is_some()).is_some_and(|s| dom.attr(s, "class") == Some(POST_CLASS));
                let mut out = if after_post { vec!["---".to_string()] } else { Vec::new() };
                out.extend(self.blocks(n, depth));
                out
            }
            _ => self.blocks(n, depth),
        }
    }

    /// How many quotes and lists `n` is inside.
    fn nesting(&self, n: NodeId) -> usize {
        self.dom.ancestors(n).filter(|&a| matches!(self.dom.tag(a), Some("blockquote" | "ul" | "ol"))).count()
    }

    fn inline_children(&self, n: NodeId, depth: usize) -> String {
        let mut s = String::new();
        for c in self.dom.children(n) {
            if depth > MAX_DEPTH {
                s.push_str(&escape(&self.dom.text_content(c)));
            } else if is_block(self.dom, c) {
                s.push(' ');
                s.push_str(&self.block(c, depth + 1).join(" "));
                s.push(' ');
            } else {
                s.push_str(&self.inline(c, depth + 1));
            }
        }
        collapse_spaces(&s)
    }

    fn inline(&self, n: NodeId, depth: usize) -> String {
        let dom = self.dom;
        if matches!(dom.tag(n), Some("a" | "sup")) {
            if let Some(note) = self.footnote_ref(n) {
                return note;
            }
        }
        match dom.data(n) {
            NodeData::Text(t) => escape(&collapse_spaces(t)),
            NodeData::Document => String::new(),
            NodeData::Element(e) => match &*e.name {
                "br" => "\\\n".to_string(),
                "img" => self.image(n),
                "iframe" => match e.attr("src") {
                    Some(src) => format!("[Video]({})", link_target(src)),
                    None => String::new(),
                },
                "em" | "i" | "cite" | "dfn" | "var" => wrap(&self.inline_children(n, depth), "*"),
                "strong" | "b" => wrap(&self.inline_children(n, depth), "**"),
                "del" | "s" => wrap(&self.inline_children(n, depth), "~~"),
                "code" | "kbd" | "samp" => code_span(&dom.text_content(n)),
                "sup" | "sub" => {
                    let inner = self.inline_children(n, depth);
                    if inner.trim().is_empty() { String::new() } else { format!("<{0}>{1}</{0}>", e.name, inner.trim()) }
                }
                // A note's link back to its reference has no place in Markdown.
                "a" if self.is_back_link(n) => String::new(),
                "a" => {
                    let text = self.inline_children(n, depth);
                    match e.attr("href") {
                        Some(href) if !text.trim().is_empty() => format!("[{}]({})", text.trim(), link_target(href)),
                        _ => text,
                    }
                }
                "math" => {
                    let latex = dom
                        .descendants(n)
                        .find(|&a| dom.is(a, "annotation") && dom.attr(a, "encoding").is_some_and(|e| e.contains("tex")))
                        .map(|a| dom.text_content(a).trim().to_string());
                    let tex = latex.filter(|t| !t.is_empty()).unwrap_or_else(|| super::tex::mathml_to_tex(dom, n));
                    match tex {
                        t if t.is_empty() => String::new(),
                        t if e.attr("display") == Some("block") => format!("$${t}$$"),
                        t => format!("${t}$"),
                    }
                }
                _ => self.inline_children(n, depth),
            },
        }
    }

    /// `[^label]` if `n` is a link to a footnote, or a `sup` holding only one.
    fn footnote_ref(&self, n: NodeId) -> Option<String> {
        let dom = self.dom;
        let link = if dom.is(n, "a") {
            n
        } else {
            let kids: Vec<NodeId> = dom.children(n).into_iter().filter(|&c| dom.text(c).is_none_or(|t| !t.trim().is_empty())).collect();
            match kids.as_slice() {
                [only] if dom.is(*only, "a") => *only,
                _ => return None,
            }
        };
        let target = dom.attr(link, "href")?.strip_prefix('#')?;
        let label = self.footnotes.get(target)?;
        Some(format!("[^{label}]"))
    }

    /// A link inside a footnote that points back into the text.
    fn is_back_link(&self, a: NodeId) -> bool {
        let dom = self.dom;
        dom.attr(a, "href").is_some_and(|h| h.starts_with('#') && !self.footnotes.contains_key(&h[1..]))
            && dom.ancestors(a).any(|p| dom.is(p, "li") && dom.attr(p, "id").is_some_and(|id| self.footnotes.contains_key(id)))
    }

    fn is_footnote_list(&self, list: NodeId) -> bool {
        let items = self.dom.element_children(list);
        !items.is_empty() && items.iter().all(|&li| self.dom.attr(li, "id").is_some_and(|id| self.footnotes.contains_key(id)))
    }

    fn image(&self, n: NodeId) -> String {
        let Some(src) = self.dom.attr(n, "src") else { return String::new() };
        let src = self.local.get(src).map_or(src, String::as_str);
        let alt = escape(&normalize_space(self.dom.attr(n, "alt").unwrap_or("")));
        match self.dom.attr(n, "title").map(normalize_space).filter(|t| !t.is_empty()) {
            Some(t) => format!("![{alt}]({} \"{}\")", link_target(src), t.replace('\\', "\\\\").replace('"', "\\\"")),
            None => format!("![{alt}]({})", link_target(src)),
        }
    }

    fn code_block(&self, pre: NodeId) -> String {
        let dom = self.dom;
        let code = dom.element_children(pre).into_iter().find(|&c| dom.is(c, "code"));
        let lang = [Some(pre), code]
            .into_iter()
            .flatten()
            .find_map(|n| dom.attr(n, "class").and_then(code_language))
            .unwrap_or_default();
        let text = crate::dom::plain_code(dom, pre);
        let text = text.trim_end_matches('\n');
        let longest = longest_run(text, '`');
        let fence = "`".repeat((longest + 1).max(3));
        format!("{fence}{lang}\n{text}\n{fence}")
    }

    fn table(&self, table: NodeId, depth: usize) -> Option<String> {
        let dom = self.dom;
        // The table's own rows: a table inside a cell is that cell's content, not more rows (read
        // as both, tables nested in cells doubled the output at each level).
        let rows: Vec<NodeId> = dom
            .element_children(table)
            .into_iter()
            .flat_map(|c| if dom.tag(c).is_some_and(|t| matches!(t, "thead" | "tbody" | "tfoot")) { dom.element_children(c) } else { vec![c] })
            .filter(|&r| dom.is(r, "tr"))
            .collect();
        let mut grid: Vec<Vec<String>> = rows
            .iter()
            .map(|&r| {
                dom.element_children(r)
                    .into_iter()
                    .filter(|&c| dom.is(c, "td") || dom.is(c, "th"))
                    .map(|c| self.inline_children(c, depth).replace('\n', " ").replace('|', "\\|").trim().to_string())
                    .collect()
            })
            .collect();
        grid.retain(|r| !r.is_empty());
        let width = grid.iter().map(Vec::len).max()?;
        for r in &mut grid {
            r.resize(width, String::new());
        }
        let line = |r: &[String]| format!("| {} |", r.join(" | "));
        let mut out = vec![line(&grid[0]), format!("|{}|", vec![" --- "; width].join("|"))];
        out.extend(grid[1..].iter().map(|r| line(r)));
        let caption = dom.element_children(table).into_iter().find(|&c| dom.is(c, "caption"));
        let mut text = out.join("\n");
        if let Some(c) = caption {
            let cap = self.inline_children(c, depth);
            if !cap.trim().is_empty() {
                text = format!("*{}*\n\n{text}", cap.trim());
            }
        }
        Some(text)
    }
}

fn starts_with_list_marker(s: &str) -> bool {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    s.starts_with("- ") || (digits > 0 && s[digits..].starts_with(". "))
}

fn wrap(inner: &str, mark: &str) -> String {
    let t = inner.trim();
    if t.is_empty() {
        return inner.to_string();
    }
    // Keep the spaces outside the markers: `** a**` is not emphasis in CommonMark.
    let lead = if inner.starts_with(' ') { " " } else { "" };
    let trail = if inner.ends_with(' ') { " " } else { "" };
    format!("{lead}{mark}{t}{mark}{trail}")
}

fn code_span(text: &str) -> String {
    let text = text.replace('\n', " ");
    if text.is_empty() {
        return String::new();
    }
    let ticks = "`".repeat(longest_run(&text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

fn longest_run(s: &str, ch: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for c in s.chars() {
        if c == ch {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// A link destination, in angle brackets when it holds spaces or parentheses. A backslash is
/// escaped (it would escape what follows it), and a line break, which no destination may hold, is
/// percent-encoded.
fn link_target(href: &str) -> String {
    let href = href.replace('\\', "\\\\").replace('\n', "%0A").replace('\r', "%0D");
    if href.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", href.replace('<', "%3C").replace('>', "%3E"))
    } else {
        href
    }
}

/// Heading text whose last `#` would end the heading's closing sequence (`# C#` is "C").
fn heading_text(text: &str) -> String {
    match text.strip_suffix('#') {
        Some(rest) if !rest.ends_with('\\') => format!("{rest}\\#"),
        _ => text.to_string(),
    }
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' || c == '\t' || c == '\r' || (c == '\n' && !out.ends_with('\\')) {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Backslash-escapes the characters that would otherwise start Markdown syntax inline: emphasis,
/// code, links, raw HTML, strike-through, math, and a `&` that would read as an entity (`&lt;`).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '$') || (c == '&' && starts_entity(&s[i + 1..])) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether text after a `&` would make a character reference of it: a name or number, then `;`.
fn starts_entity(rest: &str) -> bool {
    let name = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'#').count();
    name > 0 && rest.as_bytes().get(name) == Some(&b';')
}

/// Escapes what would make the start of a paragraph a heading, list or quote.
fn escape_line_start(s: &str) -> String {
    let trimmed = s.trim_start();
    if trimmed.starts_with('#') || trimmed.starts_with('+') || trimmed.starts_with("- ") || trimmed.starts_with('=') {
        return format!("\\{trimmed}");
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(trimmed[digits..].chars().next(), Some('.') | Some(')')) {
        return format!("{}\\{}", &trimmed[..digits], &trimmed[digits..]);
    }
    trimmed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_common_blocks() {
        let md = html_to_markdown(
            "<h2>Head</h2><p>Some <em>em</em> and <strong>bold</strong> with <a href=\"https://x.org/a\">a link</a>.</p>\
             <ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul><blockquote><p>quoted</p></blockquote>\
             <pre class=\"language-rust\"><code>fn main() {}\n</code></pre><p><img src=\"https://x.org/i.png\" alt=\"pic\"></p>",
        );
        assert_eq!(
            md,
            "## Head\n\nSome *em* and **bold** with [a link](https://x.org/a).\n\n- one\n- two\n  1. inner\n\n> quoted\n\n```rust\nfn main() {}\n```\n\n![pic](https://x.org/i.png)\n"
        );
    }

    #[test]
    fn sibling_images_are_blocks() {
        let md = html_to_markdown("<div><img src=\"https://x.org/a.png\" alt=\"a\"><img src=\"https://x.org/b.png\" alt=\"b\"></div>");
        assert_eq!(md, "![a](https://x.org/a.png)\n\n![b](https://x.org/b.png)\n");
    }

    #[test]
    fn a_table_in_a_cell_is_that_cells_content_not_more_rows() {
        let md = html_to_markdown("<table><tr><th>outer</th></tr><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>");
        assert_eq!(md.matches("inner").count(), 1, "{md}");
        // Nested twenty deep, the output stays small (each level used to double it).
        let deep = "<table><tr><th>x<table><tr><td>".repeat(20) + &"</td></tr></table></th></tr></table>".repeat(20);
        let md = html_to_markdown(&deep);
        assert!(md.len() < 10_000, "{} bytes", md.len());
    }

    #[test]
    fn renders_tables_and_escapes() {
        let md = html_to_markdown("<table><tr><th>a</th><th>b</th></tr><tr><td>1|2</td><td>*x*</td></tr></table><p>1. not a list</p>");
        assert_eq!(md, "| a | b |\n| --- | --- |\n| 1\\|2 | \\*x\\* |\n\n1\\. not a list\n");
    }

    #[test]
    fn yaml_strings_are_escaped() {
        assert_eq!(double_quoted("He said \"hi\"\\\n"), "\"He said \\\"hi\\\"\\\\\\n\"");
    }
}

#[cfg(test)]
mod quoting {
    #[test]
    fn double_quoted_strings_read_back_as_json() {
        for s in ["https://a.example/x?q=\"1\"&b=\\", "tab\tand\nline\u{7}", "é €"] {
            assert_eq!(serde_json::from_str::<String>(&super::double_quoted(s)).expect("JSON"), s);
        }
    }
}
