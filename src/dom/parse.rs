//! HTML parsing with bounded nesting.
//!
//! html5ever follows the HTML standard, whose tree construction checks "is there a `p` in button
//! scope?" for every block start tag by walking the stack of open elements. With no scope boundary
//! on the stack (a page of nested `div`s) each walk covers the whole stack, so a page nested
//! 100,000 deep costs about 10^10 steps: a minute natively, more in WebAssembly. Browsers avoid
//! this by capping the depth (Chromium at 512). Here a token filter between the tokenizer and the
//! tree builder does the same: it keeps an estimate of the open containers and, past
//! [`MAX_DEPTH`], drops further container start tags and their end tags. Their contents
//! (text, images, paragraphs) still arrive, so nothing readable is lost; only structure that
//! deep is flattened.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{create_element, ElemName, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName, TokenizerResult};

use super::{work, Dom, Element, NodeData, NodeId, MAX_DEPTH, RAW_TEXT_ELEMENTS};

/// How far down the estimated stack an end tag looks for its start tag. A stray end tag (one
/// with no open element of its name nearby) is passed on for the tree builder to deal with.
const END_TAG_REACH: usize = 64;

/// How many attributes one tag may have. html5ever checks each new attribute against the ones
/// before it, so a tag with n attributes costs n² steps; past this many the rest are cut. 512 is
/// nearly three times the most seen on one tag in 1,497 real pages (185); a page of tags with 512
/// attributes each takes half as long per megabyte as one with 1,024.
const MAX_ATTRIBUTES: usize = 512;

/// Parses a whole document, as a browser would, with nesting bounded by [`MAX_DEPTH`].
pub(super) fn document(html: &str) -> Dom {
    let html = &*limit_attributes(html);
    let builder = TreeBuilder::new(ArenaSink::new(html.len()), TreeBuilderOpts::default());
    run(builder, TokenizerOpts::default(), html)
}

/// Parses a fragment as the contents of a `<body>`, with nesting bounded by [`MAX_DEPTH`]. The
/// nodes end up inside an `<html>` element: the one caller, `Dom::parse_fragment`, lifts them out,
/// so there is one fragment tree outside this file.
pub(super) fn fragment(html: &str) -> Dom {
    let html = &*limit_attributes(html);
    let sink = ArenaSink::new(html.len());
    let context = create_element(&sink, QualName::new(None, ns!(html), local_name!("body")), Vec::new());
    let builder = TreeBuilder::new_for_fragment(sink, context, None, TreeBuilderOpts::default());
    let opts = TokenizerOpts { initial_state: Some(builder.tokenizer_state_for_context_elem(false)), ..TokenizerOpts::default() };
    run(builder, opts, html)
}

fn run(builder: TreeBuilder<NodeId, ArenaSink>, opts: TokenizerOpts, html: &str) -> Dom {
    let guard = DepthGuard { inner: builder, open: RefCell::new(Vec::new()), text: RefCell::new(None), line: Cell::new(0) };
    let tokenizer = Tokenizer::new(guard, opts);
    let input = BufferQueue::default();
    // Fed a megabyte at a time, so that a page that spends the work budget (see `work`) is not
    // parsed to its end: the tree stops where the budget ran out.
    let mut rest = html;
    while !rest.is_empty() && work::within() {
        let mut cut = rest.len().min(1 << 20);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        input.push_back(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        // `feed` stops at each script end tag (for a browser to run it); nothing runs here.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    }
    tokenizer.end();
    let mut dom = tokenizer.sink.inner.sink.finish();
    dom.flatten_deep();
    dom
}

/// html5ever's tree builder writing straight into Decant's arena. Elements keep their lower-case
/// local name and attributes (sorted by qualified name, as scraper kept them); the tree builder's
/// questions about names and namespaces are answered from `slots`. Comments, doctypes and
/// processing instructions carry nothing a reader shows: they all get one handle that is never
/// attached, though text on either side of a comment stays two text nodes, as in a browser's DOM.
/// Template contents are the template's own children.
struct ArenaSink {
    dom: RefCell<Dom>,
    /// What the tree builder needs to know of each node, by node index.
    slots: RefCell<Vec<Slot>>,
    /// The handle of every comment, doctype and processing instruction.
    ignored: NodeId,
}

#[derive(Default)]
struct Slot {
    /// An element's qualified name.
    name: Option<QualName>,
    /// A text node that a comment followed: later text starts a new node.
    sealed: bool,
    /// A MathML `annotation-xml` element that is an HTML integration point.
    integration_point: bool,
}

impl ArenaSink {
    /// A sink for `bytes` of HTML: room is made for a node per 128 bytes (about the corpus's
    /// average, scripts included), so that the arena seldom grows by copying itself.
    fn new(bytes: usize) -> ArenaSink {
        let mut dom = Dom::new_document(bytes / 128);
        let mut slots = Vec::with_capacity(bytes / 128);
        slots.resize_with(2, Slot::default);
        let ignored = dom.push(NodeData::Document);
        ArenaSink {
            dom: RefCell::new(dom),
            slots: RefCell::new(slots),
            ignored,
        }
    }

    /// The text node `node` if later text may be added to it.
    fn open_text(&self, dom: &Dom, node: Option<NodeId>) -> Option<NodeId> {
        node.filter(|&n| dom.text(n).is_some() && !self.slots.borrow()[n.index()].sealed)
    }

    /// Where a comment goes: after the text node `before`, if it is one.
    fn seal(&self, dom: &Dom, before: Option<NodeId>) {
        if let Some(t) = self.open_text(dom, before) {
            self.slots.borrow_mut()[t.index()].sealed = true;
        }
    }

    /// Adds `text` to the text node `neighbour` names if it may take more, or else as a new text
    /// node that `place` puts in the tree (adjacent text is one node, as in a browser's DOM).
    fn add_text(&self, text: StrTendril, neighbour: impl FnOnce(&Dom) -> Option<NodeId>, place: impl FnOnce(&mut Dom, NodeId)) {
        let mut dom = self.dom.borrow_mut();
        if let Some(t) = self.open_text(&dom, neighbour(&dom)) {
            dom.text_mut(t).expect("a text node").push_tendril(&text);
            return;
        }
        drop(dom);
        let id = self.new_text(text);
        place(&mut self.dom.borrow_mut(), id);
    }

    fn new_text(&self, text: StrTendril) -> NodeId {
        let id = self.dom.borrow_mut().push(NodeData::Text(text));
        self.slots.borrow_mut().push(Slot::default());
        id
    }
}

/// `name` in lower case (HTML names are already; SVG's and MathML's may not be: `clipPath`).
fn lower(name: &LocalName) -> LocalName {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        LocalName::from(name.to_ascii_lowercase())
    } else {
        name.clone()
    }
}

/// An element's name, borrowed from the sink.
#[derive(Debug)]
struct ElementName<'a>(Ref<'a, QualName>);

impl ElemName for ElementName<'_> {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl TreeSink for ArenaSink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = ElementName<'a>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.dom.borrow().root()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> ElementName<'a> {
        // The tree builder asks only about elements it created.
        ElementName(Ref::map(self.slots.borrow(), |slots| slots[target.index()].name.as_ref().expect("the tree builder asked for the name of a non-element")))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let mut attrs = attrs;
        attrs.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        let element = Element {
            name: lower(&name.local),
            attrs: attrs.into_iter().map(|a| (lower(&a.name.local), String::from(&*a.value))).collect(),
        };
        let id = self.dom.borrow_mut().push(NodeData::Element(element));
        let integration_point = flags.mathml_annotation_xml_integration_point;
        self.slots.borrow_mut().push(Slot { name: Some(name), sealed: false, integration_point });
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.ignored
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.ignored
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(id) if id == self.ignored => {
                let dom = self.dom.borrow();
                self.seal(&dom, dom.last_child(*parent));
            }
            NodeOrText::AppendNode(id) => self.dom.borrow_mut().append(*parent, id),
            NodeOrText::AppendText(text) => self.add_text(text, |d| d.last_child(*parent), |d, id| d.append(*parent, id)),
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        if self.dom.borrow().parent(*element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendNode(id) if id == self.ignored => {
                let dom = self.dom.borrow();
                self.seal(&dom, dom.prev_sibling(*sibling));
            }
            NodeOrText::AppendNode(id) => {
                let mut dom = self.dom.borrow_mut();
                dom.detach(id);
                dom.insert_before(*sibling, id);
            }
            NodeOrText::AppendText(text) => {
                if self.dom.borrow().parent(*sibling).is_some() {
                    self.add_text(text, |d| d.prev_sibling(*sibling), |d, id| d.insert_before(*sibling, id));
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        let Some(element) = dom.element_mut(*target) else { return };
        for attr in attrs {
            let name = lower(&attr.name.local);
            if let Err(at) = element.attrs.binary_search_by(|(k, _)| (**k).cmp(&*name)) {
                element.attrs.insert(at, (name, String::from(&*attr.value)));
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        while let Some(child) = dom.first_child(*node) {
            dom.append(*new_parent, child);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.slots.borrow()[handle.index()].integration_point
    }
}

/// The input with every tag cut to [`MAX_ATTRIBUTES`] attributes (borrowed when none has more).
/// A linear scan that knows just enough of the tokenizer: a tag starts with `<` and a letter,
/// attributes are separated by whitespace, and quoted values (after `=`) may hold `>`.
fn limit_attributes(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    // memchr: the scan jumps from one `<` to the next.
    // (An unclosed quote at the very end leaves `i` past the end: `get` then ends the scan.)
    while let Some(offset) = b.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        i += offset;
        if i + 1 >= b.len() {
            break;
        }
        if !b[i + 1].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        // Inside a tag: count attributes until the `>` that ends it.
        let (mut count, mut cut_from) = (0usize, None);
        let mut in_space = false;
        i += 1;
        let name_start = i;
        while i < b.len() && b[i] != b'>' {
            let c = b[i];
            if c.is_ascii_whitespace() || c == b'/' {
                in_space = true;
            } else if c == b'=' {
                in_space = false;
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    i = memchr::memchr(b[i], &b[i + 1..]).map_or(b.len(), |o| i + 1 + o);
                } else {
                    continue;
                }
            } else if in_space {
                in_space = false;
                count += 1;
                if count > MAX_ATTRIBUTES && cut_from.is_none() {
                    cut_from = Some(i);
                }
            }
            i += 1;
        }
        if let Some(from) = cut_from {
            cuts.push((from, i.min(b.len())));
        }
        // The text of a script, a style sheet and the like holds no tags: skip to its end tag.
        // (First letters rule out most tags before their name is read.)
        let first = b[name_start].to_ascii_lowercase();
        if RAW_TEXT_ELEMENTS.iter().any(|t| t.as_bytes()[0] == first) {
            let name_end = b[name_start..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(b.len(), |o| name_start + o);
            let name = &b[name_start..name_end];
            if name.eq_ignore_ascii_case(b"plaintext") {
                break;
            }
            if RAW_TEXT_ELEMENTS.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name)) {
                i = end_tag(b, i.min(b.len()), name);
            }
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (from, to) in cuts {
        // Both ends are ASCII bytes (or the end), so on character boundaries.
        out.push_str(&html[at..from]);
        at = to;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// Where `</name` (in any case) starts at or after `from`, or the end of the input.
fn end_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(o) = memchr::memchr(b'<', &b[at..]) {
        at += o;
        let tag = &b[at + 1..];
        if tag.first() == Some(&b'/') && tag.get(1..=name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return at;
        }
        at += 1;
    }
    b.len()
}

/// Elements that never hold others for long: void elements, and those the parser closes by
/// itself when a sibling starts (`p`, `li`, table cells...). They are not counted, so that pages
/// which leave them unclosed are not mistaken for deep ones; they cannot nest deeply on their own.
fn is_uncounted(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area") | local_name!("base") | local_name!("br") | local_name!("col") | local_name!("embed")
            | local_name!("hr") | local_name!("img") | local_name!("input") | local_name!("link") | local_name!("meta")
            | local_name!("source") | local_name!("track") | local_name!("wbr") | local_name!("p") | local_name!("li")
            | local_name!("dt") | local_name!("dd") | local_name!("option") | local_name!("optgroup") | local_name!("tr")
            | local_name!("td") | local_name!("th") | local_name!("thead") | local_name!("tbody") | local_name!("tfoot")
            | local_name!("caption") | local_name!("colgroup") | local_name!("rb") | local_name!("rt") | local_name!("rp")
            | local_name!("html") | local_name!("head") | local_name!("body")
    )
}

/// Elements whose start tag switches the tokenizer to raw text: they always pass, or their
/// contents would be read as markup.
fn is_raw_text(name: &LocalName) -> bool {
    RAW_TEXT_ELEMENTS.contains(&&**name)
}

struct Open {
    name: LocalName,
    dropped: bool,
}

/// The token filter between the tokenizer and the tree builder. Besides bounding the depth, it
/// joins runs of character tokens (the tokenizer stops at every line break and character
/// reference) into one, so that the tree builder handles each run of text once; the tree it
/// builds does not depend on how text is split into tokens.
struct DepthGuard<Sink> {
    inner: Sink,
    /// The containers believed open, innermost last, with whether their start tag was dropped.
    open: RefCell<Vec<Open>>,
    /// Text not yet passed on, and the line it ends on.
    text: RefCell<Option<StrTendril>>,
    line: Cell<u64>,
}

impl<Sink: TokenSink> DepthGuard<Sink> {
    /// Whether the tree builder should see this tag.
    fn admit(&self, tag: &Tag) -> bool {
        // The tokenizer compared each attribute with those before it: about 16 comparisons take
        // as long as one step of a walk.
        let attrs = tag.attrs.len() as u64;
        work::spend(attrs * attrs / 16);
        let mut open = self.open.borrow_mut();
        let name = &tag.name;
        match tag.kind {
            TagKind::StartTag => {
                if tag.self_closing || is_uncounted(name) {
                    return true;
                }
                let dropped = open.len() >= MAX_DEPTH && !is_raw_text(name);
                // The tree builder looks down its stack of open elements (at most MAX_DEPTH:
                // the deeper ones it never sees) for each start tag.
                work::spend(open.len().min(MAX_DEPTH) as u64 + 1);
                open.push(Open { name: tag.name.clone(), dropped });
                !dropped
            }
            TagKind::EndTag => {
                let reach = open.len().saturating_sub(END_TAG_REACH);
                match open[reach..].iter().rposition(|o| o.name == tag.name) {
                    Some(i) => {
                        let dropped = open[reach + i].dropped;
                        open.truncate(reach + i);
                        !dropped
                    }
                    None => true,
                }
            }
        }
    }

    /// Passes on the text held back, if any.
    fn flush(&self) {
        if let Some(text) = self.text.borrow_mut().take() {
            // Text never asks the tokenizer to change state.
            let _ = self.inner.process_token(Token::CharacterTokens(text), self.line.get());
        }
    }
}

impl<Sink: TokenSink> TokenSink for DepthGuard<Sink> {
    type Handle = Sink::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Self::Handle> {
        match token {
            Token::CharacterTokens(more) => {
                let mut text = self.text.borrow_mut();
                match text.as_mut() {
                    Some(t) => t.push_tendril(&more),
                    None => *text = Some(more),
                }
                self.line.set(line_number);
                return TokenSinkResult::Continue;
            }
            // Nothing here reports parse errors; they change nothing.
            Token::ParseError(_) => return TokenSinkResult::Continue,
            _ => self.flush(),
        }
        if let Token::TagToken(tag) = &token {
            if !self.admit(tag) {
                return TokenSinkResult::Continue;
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.flush();
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        // Text can close `<head>` and open `<body>`: the answer needs it passed on first.
        self.flush();
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(dom: &Dom) -> usize {
        dom.descendants(dom.root()).map(|n| dom.ancestors(n).count()).max().unwrap_or(0)
    }

    /// The tree as nested text: `name[attr=value ...](children)` and quoted text.
    fn outline(dom: &Dom, id: NodeId) -> String {
        let kids: String = dom.children(id).into_iter().map(|c| outline(dom, c)).collect();
        match dom.data(id) {
            NodeData::Element(e) => {
                let attrs: Vec<String> = e.attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
                format!("{}[{}]({kids})", e.name, attrs.join(" "))
            }
            NodeData::Text(t) => format!("{:?}", &**t),
            NodeData::Document => kids,
        }
    }

    /// scraper's tree (html5ever's own driver) in the same notation: comments and doctypes left
    /// out, template contents as the template's children.
    fn scraper_outline(node: ego_tree::NodeRef<'_, scraper::Node>) -> String {
        let kids: String = node.children().map(scraper_outline).collect();
        match node.value() {
            scraper::Node::Element(e) => {
                let attrs: Vec<String> = e.attrs().map(|(k, v)| format!("{}={v}", k.to_ascii_lowercase())).collect();
                format!("{}[{}]({kids})", e.name().to_ascii_lowercase(), attrs.join(" "))
            }
            scraper::Node::Text(t) => format!("{:?}", &**t),
            scraper::Node::Document | scraper::Node::Fragment => kids,
            _ => String::new(),
        }
    }

    #[test]
    fn builds_the_tree_html5ever_builds() {
        let pages = [
            "<!DOCTYPE html><title>T</title><p>One<p>Two <b>bold <i>both</b> italic</i><ul><li>a<li>b</ul><table><tr><td>c</table><script>if (a < b) x()</script>",
            "<p>a<!-- note --><b c=1 a=2 B=3>x</b>y<!-- two -->z</p><table><tr><td>t<!-- c --></td></tr><!-- r -->s</table><table>stray<tr><td>cell</td></tr>text</table>",
            "<a href=1>one<p>two<a href=2>three</a></p></a><b><p>four</b>five</p>",
            "<body class=a><body id=b><p>x</p><template><td>in template</td></template>",
            "<svg viewBox='0 0 1 1'><foreignObject><p>html</p></foreignObject><clipPath/></svg><math><mi>x</mi></math>",
            "<html><head><meta charset=utf-8><style>p{}</style></head><body>t<frameset></frameset><select><option>o<option>p</select>",
            "<table><td>1<td>2<tr><th>3</table><form><input name=q></form><textarea><b>raw</b></textarea><pre>\nx</pre>",
            // Text split by line breaks and character references, where the tree builder treats
            // white space apart: tables, the head, <pre>'s first line feed, foreign content.
            "<table> \n a\n<tr> b\n&amp; c </tr>\n</table><pre>\n\nfirst &lt;\nsecond</pre><textarea>\nt</textarea>",
            "<head> \n x &copy;\ny<title>t</title><body><svg><![CDATA[a\nb]]><text>c\n&gt;d</text></svg>\0after",
        ];
        for page in pages {
            let ours = document(page);
            let theirs = scraper::Html::parse_document(page);
            assert_eq!(outline(&ours, ours.root()), scraper_outline(theirs.tree.root()), "{page}");
            let ours = Dom::parse_fragment(page);
            let theirs = scraper::Html::parse_fragment(page);
            let expected = scraper_outline(theirs.tree.root());
            let expected = expected.strip_prefix("html[](").and_then(|e| e.strip_suffix(')')).unwrap_or(&expected);
            assert_eq!(outline(&ours, ours.root()), expected, "fragment {page}");
        }
    }

    #[test]
    fn html_inside_mathml_annotations_stays_there() {
        // An HTML integration point (scraper's tree builder does not track them; browsers do).
        let dom = Dom::parse_fragment("<math><annotation-xml encoding='text/html'><div>d</div></annotation-xml></math>");
        let div = dom.elements_named(dom.root(), "div")[0];
        assert_eq!(dom.parent(div).and_then(|p| dom.tag(p)), Some("annotation-xml"));
    }

    #[test]
    fn deep_nesting_is_flattened_and_its_text_kept() {
        let n = 100_000;
        let page = format!("<body>{}<p>deep text</p>{}<p>after</p>", "<div>".repeat(n), "</div>".repeat(n));
        let dom = document(&page);
        assert!(depth(&dom) <= MAX_DEPTH, "depth {}", depth(&dom));
        assert_eq!(dom.text_content(dom.root()), "deep textafter");
    }

    #[test]
    fn tags_keep_at_most_max_attributes() {
        let attrs: String = (0..MAX_ATTRIBUTES + 500).map(|i| format!(" data-a{i}=\"v>{i}\"")).collect();
        let page = format!("<p id=first{attrs}>kept text</p><p title='a > b' class=x>second</p>");
        let dom = document(&page);
        let first = dom.elements_named(dom.root(), "p")[0];
        assert_eq!(dom.element(first).unwrap().attrs.len(), MAX_ATTRIBUTES);
        assert_eq!(dom.attr(first, "id"), Some("first"));
        assert_eq!(dom.text_content(dom.root()), "kept textsecond");
        // An unclosed quote at the end of the input.
        assert!(matches!(limit_attributes("<p a=\"x"), Cow::Borrowed(_)));
        assert!(matches!(limit_attributes("<p a='"), Cow::Borrowed(_)));
        // Nothing to cut: the input is used as it is.
        assert!(matches!(limit_attributes("<p a=1 b='>' c>x</p>"), Cow::Borrowed(_)));
        // Script text is not markup, however it looks: a script with "<a" and many words and no
        // `>` is not a tag with many attributes (it would have been cut).
        let script = format!("<script type=application/ld+json>{{\"x\": \"<a {}\"}}</SCRIPT ><p {attrs}>t</p>", "w ".repeat(3000));
        let Cow::Owned(limited) = limit_attributes(&script) else { panic!("the long tag after the script was not cut") };
        assert!(limited.starts_with(&script[..script.find("</SCRIPT").unwrap()]), "the script text was changed");
        assert!(matches!(limit_attributes("<plaintext><a b c d>"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_script_past_the_limit_stays_raw_text() {
        let page = format!("{}<script>document.write('<div>no</div>')</script><p>end</p>", "<section>".repeat(MAX_DEPTH + 10));
        let dom = document(&page);
        assert_eq!(dom.elements_named(dom.root(), "div").len(), 0);
        let script: String = dom.elements_named(dom.root(), "script").into_iter().map(|s| dom.text_content(s)).collect();
        assert_eq!(script, "document.write('<div>no</div>')");
    }
}
