//! The tree: a small arena DOM that the pipeline stages edit, the lowest layer but for string
//! helpers.
//!
//! The HTML parser (html5ever, driven by the private `parse` module) builds this arena directly,
//! so that the stages can move, rename and unwrap nodes cheaply and so that the parser's types
//! never leak out; [`Dom::parse_document`] and [`Dom::parse_fragment`] are the only ways in. Nodes
//! are linked by index (parent, first/last child, siblings), which makes every walk iterative: a
//! page nested 100,000 deep cannot overflow the stack. The ways out are the serializers, one
//! module each: HTML (`html`), XHTML for EPUB (`xhtml`) and plain text (`text`).

mod html;
mod parse;
mod text;
mod work;
mod xhtml;

use std::cell::Cell;

pub use html::{escape_attr, escape_text};
pub use text::{line_text, plain_code, plain_text};
pub(crate) use work::{within as within_budget, Budget};
pub use xhtml::{xml_attr, xml_text};

use crate::text::normalize_space;

/// Index of a node in its [`Dom`]. Only meaningful for the `Dom` that made it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct NodeId(std::num::NonZeroU32);

impl NodeId {
    /// The position of the node in the arena, for side tables indexed by node.
    pub fn index(self) -> usize {
        // Stored one higher, so that `Option<NodeId>` (five in every node) takes four bytes.
        self.0.get() as usize - 1
    }
}

#[derive(Clone, Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    /// Text as the parser hands it over (short text is stored inline, without an allocation).
    Text(Text),
}

/// A text node's text.
pub type Text = html5ever::tendril::StrTendril;

/// An element or attribute name: an interned string (html5ever's atoms), so that the thousands
/// of `div`s and `class`es on a page cost no allocation each.
pub type Name = html5ever::LocalName;

#[derive(Clone, Debug)]
pub struct Element {
    /// Lower-case local name (`div`, `p`, `svg`, `math`).
    pub name: Name,
    /// Lower-case local names and values.
    pub attrs: Vec<(Name, String)>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| **k == *name).map(|(_, v)| v.as_str())
    }
}

#[derive(Clone, Debug)]
struct Node {
    parent: Option<NodeId>,
    first_child: Option<NodeId>,
    last_child: Option<NodeId>,
    prev: Option<NodeId>,
    next: Option<NodeId>,
    data: NodeData,
    /// A text node's measure, once asked for: scoring and cleaning measure the same text many
    /// times (each block, then each of its ancestors). Cleared when the text changes.
    run: Cell<Option<TextRun>>,
    /// Likewise, a text node's commas (scoring counts them).
    commas: Cell<Option<u32>>,
}

#[derive(Clone, Debug)]
pub struct Dom {
    nodes: Vec<Node>,
}

/// How deep the tree may nest, as in Chromium's HTML parser (its `kMaximumHTMLParserDOMTreeDepth`
/// is 512). The parser's token filter drops container tags past about this depth, and
/// `Dom::flatten_deep` then attaches whatever is still deeper to its ancestor at this depth: every
/// walk that looks at ancestors or subtrees stays linear in the page size, whatever the nesting.
pub const MAX_DEPTH: usize = 512;

/// Elements whose contents the parser reads as text, not markup, up to their end tag (all the rest
/// of the page for `plaintext`).
pub(crate) const RAW_TEXT_ELEMENTS: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Elements that never have children (serialized without an end tag).
pub const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

impl Dom {
    /// Parses a whole document. Parsing never fails: html5ever repairs what it must.
    pub fn parse_document(html: &str) -> Dom {
        parse::document(html)
    }

    /// Parses a fragment (as if inside `<body>`); its nodes become children of the root.
    pub fn parse_fragment(html: &str) -> Dom {
        let mut dom = parse::fragment(html);
        // The parser puts a fragment inside an `<html>` element; lift its children to the root.
        let root = dom.root();
        if let Some(wrapper) = dom.first_child(root) {
            if dom.tag(wrapper) == Some("html") {
                dom.unwrap(wrapper);
            }
        }
        dom
    }

    /// An empty tree: the document node alone, with room for about `capacity` nodes.
    pub(crate) fn new_document(capacity: usize) -> Dom {
        let mut dom = Dom { nodes: Vec::with_capacity(capacity) };
        dom.push(NodeData::Document);
        dom
    }

    /// Adds `text` to the end of the text node `id`.
    pub(crate) fn append_text(&mut self, id: NodeId, text: &str) {
        if let Some(t) = self.text_mut(id) {
            t.push_slice(text);
        }
    }

    /// The text of a text node, to add to (the parser joins adjacent text).
    pub(crate) fn text_mut(&mut self, id: NodeId) -> Option<&mut Text> {
        let node = &mut self.nodes[id.index()];
        node.run.set(None);
        node.commas.set(None);
        match &mut node.data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// Flattens anything nested deeper than [`MAX_DEPTH`]: every descendant of an element at
    /// depth `MAX_DEPTH - 2` becomes its child, in document order, as Blink's parser attaches
    /// elements past its limit to the deepest allowed ancestor; only raw text stays in its element.
    pub(crate) fn flatten_deep(&mut self) {
        let floor = MAX_DEPTH - 2;
        let mut floors = Vec::new();
        // An iterative walk that tracks depth and does not go below the floor.
        let (mut cur, mut depth) = (self.first_child(self.root()), 1usize);
        while let Some(n) = cur {
            let child = if depth < floor { self.first_child(n) } else { None };
            if depth == floor && self.child_nodes(n).any(|c| self.first_child(c).is_some()) {
                floors.push(n);
            }
            if let Some(c) = child {
                cur = Some(c);
                depth += 1;
                continue;
            }
            let mut at = n;
            cur = loop {
                if let Some(next) = self.next_sibling(at) {
                    break Some(next);
                }
                match self.parent(at) {
                    Some(p) if depth > 1 => {
                        at = p;
                        depth -= 1;
                    }
                    _ => break None,
                }
            };
        }
        for f in floors {
            // Raw text (a script's code, a style sheet, a title) stays inside its element.
            let below: Vec<NodeId> = self
                .descendants(f)
                .filter(|&d| !(self.text(d).is_some() && self.parent(d).and_then(|p| self.tag(p)).is_some_and(|t| RAW_TEXT_ELEMENTS.contains(&t))))
                .collect();
            for &d in &below {
                self.detach(d);
            }
            for d in below {
                self.append(f, d);
            }
        }
    }

    /// The children of `id`, without collecting them (for walks that do not change the tree).
    pub fn child_nodes(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.first_child(id), move |&c| self.next_sibling(c))
    }

    pub(crate) fn push(&mut self, data: NodeData) -> NodeId {
        work::spend(work::PER_NODE);
        let id = NodeId(std::num::NonZeroU32::MIN.saturating_add(self.nodes.len() as u32));
        self.nodes.push(Node { parent: None, first_child: None, last_child: None, prev: None, next: None, data, run: Cell::new(None), commas: Cell::new(None) });
        id
    }

    pub fn root(&self) -> NodeId {
        NodeId(std::num::NonZeroU32::MIN)
    }

    /// Number of nodes ever created (detached ones included): the size for side tables.
    pub fn capacity(&self) -> usize {
        self.nodes.len()
    }

    pub fn data(&self, id: NodeId) -> &NodeData {
        &self.nodes[id.index()].data
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id.index()].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn element_mut(&mut self, id: NodeId) -> Option<&mut Element> {
        match &mut self.nodes[id.index()].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.index()].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn tag(&self, id: NodeId) -> Option<&str> {
        self.element(id).map(|e| &*e.name)
    }

    pub fn is(&self, id: NodeId, name: &str) -> bool {
        self.tag(id) == Some(name)
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if let Some(e) = self.element_mut(id) {
            match e.attrs.iter_mut().find(|(k, _)| **k == *name) {
                Some((_, v)) => *v = value.to_string(),
                None => e.attrs.push((Name::from(name), value.to_string())),
            }
        }
    }


    pub fn rename(&mut self, id: NodeId, name: &str) {
        if let Some(e) = self.element_mut(id) {
            e.name = Name::from(name);
        }
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent
    }

    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].first_child
    }

    pub fn last_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].last_child
    }

    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].next
    }

    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].prev
    }

    /// The children of `id`, collected so that the caller may edit the tree while looping.
    pub fn children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.first_child(id);
        while let Some(n) = c {
            out.push(n);
            c = self.next_sibling(n);
        }
        out
    }

    /// The element children of `id`.
    pub fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        let mut v = self.children(id);
        v.retain(|&c| self.element(c).is_some());
        v
    }


    /// All nodes below `id` in document order, `id` itself excluded.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { dom: self, top: id, next: self.first_child(id) }
    }

    /// The element descendants of `id` named `name`, in document order.
    pub fn elements_named(&self, id: NodeId, name: &str) -> Vec<NodeId> {
        // Interned once, the name is compared as one word per element.
        let name = Name::from(name);
        self.descendants(id).filter(|&n| matches!(&self.nodes[n.index()].data, NodeData::Element(e) if e.name == name)).collect()
    }

    /// The ancestors of `id`, nearest first.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), |&n| self.parent(n))
    }

    /// Whether `id` lies inside an element named `name` (at most `max_depth` levels up; 0 = any).
    pub fn has_ancestor(&self, id: NodeId, name: &str, max_depth: usize) -> bool {
        let mut depth = 0;
        let mut p = self.parent(id);
        while let Some(n) = p {
            depth += 1;
            if max_depth > 0 && depth > max_depth {
                return false;
            }
            if self.is(n, name) {
                return true;
            }
            p = self.parent(n);
        }
        false
    }

    /// Whether `id` is still attached below the document root.
    pub fn is_attached(&self, id: NodeId) -> bool {
        self.is_attached_below(id, self.root())
    }

    /// Whether `id` lies below `top` (or is `top`).
    pub fn is_attached_below(&self, id: NodeId, top: NodeId) -> bool {
        let mut p = Some(id);
        while let Some(n) = p {
            if n == top {
                return true;
            }
            p = self.parent(n);
        }
        false
    }

    pub fn create_element(&mut self, name: &str) -> NodeId {
        self.push(NodeData::Element(Element { name: Name::from(name), attrs: Vec::new() }))
    }

    /// Copies the children of `from` in `other` (and their subtrees) into this tree, before
    /// `before`, in order. Iterative, like every walk here.
    pub fn import_children(&mut self, other: &Dom, from: NodeId, before: NodeId) {
        let mut stack: Vec<(NodeId, Option<NodeId>)> = other.children(from).into_iter().rev().map(|c| (c, None)).collect();
        while let Some((n, parent)) = stack.pop() {
            let copy = match other.data(n) {
                NodeData::Element(e) => {
                    let copy = self.create_element(&e.name);
                    if let Some(el) = self.element_mut(copy) {
                        el.attrs.clone_from(&e.attrs);
                    }
                    copy
                }
                NodeData::Text(t) => self.create_text(t),
                NodeData::Document => continue,
            };
            match parent {
                Some(p) => self.append(p, copy),
                None => self.insert_before(before, copy),
            }
            stack.extend(other.children(n).into_iter().rev().map(|c| (c, Some(copy))));
        }
    }

    pub fn create_text(&mut self, text: &str) -> NodeId {
        self.push(NodeData::Text(Text::from_slice(text)))
    }

    /// Removes `id` (and its subtree) from its parent. The nodes stay in the arena, unreachable.
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id.index()];
            (n.parent, n.prev, n.next)
        };
        if let Some(p) = prev {
            self.nodes[p.index()].next = next;
        } else if let Some(par) = parent {
            self.nodes[par.index()].first_child = next;
        }
        if let Some(nx) = next {
            self.nodes[nx.index()].prev = prev;
        } else if let Some(par) = parent {
            self.nodes[par.index()].last_child = prev;
        }
        let n = &mut self.nodes[id.index()];
        n.parent = None;
        n.prev = None;
        n.next = None;
    }

    /// Appends `child` as the last child of `parent`, moving it from wherever it was.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent.index()].last_child;
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent);
            c.prev = last;
        }
        match last {
            Some(l) => self.nodes[l.index()].next = Some(child),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
        self.nodes[parent.index()].last_child = Some(child);
    }

    /// Inserts `new` just before `sibling`, moving it from wherever it was.
    pub fn insert_before(&mut self, sibling: NodeId, new: NodeId) {
        if new == sibling {
            return;
        }
        self.detach(new);
        let Some(parent) = self.parent(sibling) else { return };
        let prev = self.prev_sibling(sibling);
        {
            let n = &mut self.nodes[new.index()];
            n.parent = Some(parent);
            n.prev = prev;
            n.next = Some(sibling);
        }
        self.nodes[sibling.index()].prev = Some(new);
        match prev {
            Some(p) => self.nodes[p.index()].next = Some(new),
            None => self.nodes[parent.index()].first_child = Some(new),
        }
    }

    /// Replaces `id` by its children.
    pub fn unwrap(&mut self, id: NodeId) {
        for c in self.children(id) {
            self.insert_before(id, c);
        }
        self.detach(id);
    }

    /// Puts `new` where `old` was; `old` is detached.
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        self.insert_before(old, new);
        self.detach(old);
    }

    /// Whether `id`'s subtree holds any text but white space (without building its text).
    pub fn has_text(&self, id: NodeId) -> bool {
        std::iter::once(id).chain(self.descendants(id)).any(|n| self.text(n).is_some_and(|t| !t.trim().is_empty()))
    }

    /// The concatenated text of `id`'s subtree, as the DOM's `textContent`.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut s = String::new();
        if let Some(t) = self.text(id) {
            s.push_str(t);
        }
        for n in self.descendants(id) {
            if let Some(t) = self.text(n) {
                s.push_str(t);
            }
        }
        s
    }

    /// The number of characters of `inner_text(id)`, counted without building it (scoring asks
    /// for it for most elements, several times).
    pub fn inner_text_len(&self, id: NodeId) -> usize {
        let texts = std::iter::once(id).chain(self.descendants(id)).filter_map(|n| self.text_run(n));
        texts.fold(TextRun::default(), TextRun::then).chars
    }

    /// The commas in the text under `id` (as `text::count_commas` counts them).
    pub fn commas(&self, id: NodeId) -> usize {
        std::iter::once(id).chain(self.descendants(id)).map(|n| self.text_commas(n)).sum()
    }

    /// The commas in text node `id` (0 for other nodes), counted once.
    pub fn text_commas(&self, id: NodeId) -> usize {
        let node = &self.nodes[id.index()];
        let NodeData::Text(t) = &node.data else { return 0 };
        node.commas.get().unwrap_or_else(|| {
            let count = u32::try_from(crate::text::count_commas(t)).unwrap_or(u32::MAX);
            node.commas.set(Some(count));
            count
        }) as usize
    }

    /// The measure of text node `id` (`None` for other nodes), computed once.
    pub fn text_run(&self, id: NodeId) -> Option<TextRun> {
        let node = &self.nodes[id.index()];
        let NodeData::Text(t) = &node.data else { return None };
        Some(node.run.get().unwrap_or_else(|| {
            let run = TextRun::of(t);
            node.run.set(Some(run));
            run
        }))
    }

    /// Text with runs of white space folded to one space and the ends trimmed.
    pub fn inner_text(&self, id: NodeId) -> String {
        normalize_space(&self.text_content(id))
    }

}


/// Pre-order walk below a node; see [`Dom::descendants`].
pub struct Descendants<'a> {
    dom: &'a Dom,
    top: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        if !work::spend(1) {
            // Out of budget: the walk ends here (see `work`).
            self.next = None;
            return None;
        }
        self.next = if let Some(c) = self.dom.first_child(cur) {
            Some(c)
        } else {
            let mut n = cur;
            loop {
                if n == self.top {
                    break None;
                }
                if let Some(s) = self.dom.next_sibling(n) {
                    break Some(s);
                }
                match self.dom.parent(n) {
                    Some(p) if p != self.top => n = p,
                    _ => break None,
                }
            }
        };
        Some(cur)
    }
}

/// The normalized text length of a run of text, in a form that concatenates: the length of its
/// words with single spaces between them, and whether it starts or ends with white space.
#[derive(Clone, Copy, Default, Debug)]
pub struct TextRun {
    /// The characters of `inner_text` for this run.
    pub chars: usize,
    words: bool,
    space: bool,
    lead: bool,
    trail: bool,
}

impl TextRun {
    pub fn of(text: &str) -> TextRun {
        if text.is_ascii() {
            return TextRun::of_ascii(text.as_bytes());
        }
        let (mut run, mut space, mut any) = (TextRun::default(), false, false);
        for c in text.chars() {
            if c.is_whitespace() {
                space = true;
                run.space = true;
                if !any {
                    run.lead = true;
                }
            } else {
                run.chars += 1 + usize::from(space && any);
                space = false;
                any = true;
            }
        }
        run.words = any;
        run.trail = any && space;
        run
    }

    /// `of` for ASCII text (most of it), without branches in the loop: the characters that are
    /// not white space, plus one space between each two words.
    fn of_ascii(bytes: &[u8]) -> TextRun {
        let white = |b: u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
        let (mut solid, mut words, mut after_space) = (0usize, 0usize, true);
        for &b in bytes {
            let w = white(b);
            solid += usize::from(!w);
            words += usize::from(after_space && !w);
            after_space = w;
        }
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else { return TextRun::default() };
        TextRun {
            chars: solid + words.saturating_sub(1),
            words: words > 0,
            space: solid < bytes.len(),
            lead: white(first),
            trail: words > 0 && white(last),
        }
    }

    /// This run followed by `next`.
    pub fn then(self, next: TextRun) -> TextRun {
        match (self.words, next.words) {
            (false, _) => TextRun { lead: self.space || next.lead, space: self.space || next.space, ..next },
            (true, false) => TextRun { trail: self.trail || next.space, space: true, ..self },
            (true, true) => TextRun {
                chars: self.chars + next.chars + usize::from(self.trail || next.lead),
                words: true,
                space: true,
                lead: self.lead,
                trail: next.trail,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_serializes_round_trip() {
        let dom = Dom::parse_fragment("<p class=\"a\">Hi <b>there</b> &amp; you<br></p>");
        assert_eq!(dom.inner_html(dom.root()), "<p class=\"a\">Hi <b>there</b> &amp; you<br></p>");
    }

    #[test]
    fn edits_keep_links_consistent() {
        let mut dom = Dom::parse_fragment("<div><p>1</p><p>2</p><p>3</p></div>");
        let div = dom.first_child(dom.root()).unwrap();
        let kids = dom.children(div);
        dom.detach(kids[1]);
        dom.append(div, kids[1]);
        dom.insert_before(kids[0], kids[2]);
        assert_eq!(dom.inner_html(div), "<p>3</p><p>1</p><p>2</p>");
        dom.unwrap(kids[1]);
        assert_eq!(dom.inner_html(div), "<p>3</p><p>1</p>2");
    }

    #[test]
    fn inner_text_len_counts_what_inner_text_holds() {
        for html in ["", "  ", "<p> a  b </p>", "<p>one<b> two </b>three</p>\n<p>\u{a0}four\t</p>", "<div>é ü 字</div>", "x",
            "<p>\u{b}a\u{c}b\u{1c}c\u{85}d\u{2003}e\u{3000}\u{200b}f</p>", "<p>\u{a0}\r\n</p><p>\u{1f}</p>"] {
            let dom = Dom::parse_fragment(html);
            for n in std::iter::once(dom.root()).chain(dom.descendants(dom.root())) {
                assert_eq!(dom.inner_text_len(n), dom.inner_text(n).chars().count(), "{html:?}");
            }
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Built through the API: the walks, not the parser, are under test here.
        let mut dom = Dom::parse_fragment("");
        let mut parent = dom.root();
        for _ in 0..100_000 {
            let div = dom.create_element("div");
            dom.append(parent, div);
            parent = div;
        }
        let text = dom.create_text("deep");
        dom.append(parent, text);
        assert_eq!(dom.text_content(dom.root()), "deep");
        assert_eq!(dom.inner_html(dom.root()).len(), 100_000 * 11 + 4);
        let copy = dom.clone();
        drop(copy);
    }
}
