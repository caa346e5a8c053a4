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
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{create_element, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, ns, LocalName, QualName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

pub use crate::dom::MAX_DEPTH;

/// How far down the estimated stack an end tag looks for its start tag. A stray end tag (one
/// with no open element of its name nearby) is passed on for the tree builder to deal with.
const END_TAG_REACH: usize = 64;

/// How many attributes one tag may have. html5ever checks each new attribute against the ones
/// before it, so a tag with n attributes costs n² steps; past this many the rest are cut.
pub const MAX_ATTRIBUTES: usize = 1024;

/// Parses a whole document, as a browser would, with nesting bounded by [`MAX_DEPTH`].
pub fn parse_document(html: &str) -> Html {
    let html = &*limit_attributes(html);
    let builder = TreeBuilder::new(HtmlTreeSink::new(Html::new_document()), TreeBuilderOpts::default());
    run(builder, TokenizerOpts::default(), html)
}

/// Parses a fragment as the contents of a `<body>`, with nesting bounded by [`MAX_DEPTH`].
pub fn parse_fragment(html: &str) -> Html {
    let html = &*limit_attributes(html);
    let sink = HtmlTreeSink::new(Html::new_fragment());
    let context = create_element(&sink, QualName::new(None, ns!(html), LocalName::from("body")), Vec::new());
    let builder = TreeBuilder::new_for_fragment(sink, context, None, TreeBuilderOpts::default());
    let opts = TokenizerOpts { initial_state: Some(builder.tokenizer_state_for_context_elem(false)), ..TokenizerOpts::default() };
    run(builder, opts, html)
}

fn run(builder: TreeBuilder<<HtmlTreeSink as TreeSink>::Handle, HtmlTreeSink>, opts: TokenizerOpts, html: &str) -> Html {
    let tokenizer = Tokenizer::new(DepthGuard { inner: builder, open: RefCell::new(Vec::new()) }, opts);
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // `feed` stops at each script end tag (for a browser to run it); nothing runs here.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.inner.sink.finish()
}

/// The input with every tag cut to [`MAX_ATTRIBUTES`] attributes (borrowed when none has more).
/// A linear scan that knows just enough of the tokenizer: a tag starts with `<` and a letter,
/// attributes are separated by whitespace, and quoted values (after `=`) may hold `>`.
fn limit_attributes(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    // `find` on a char uses memchr: the scan jumps from one `<` to the next.
    // (An unclosed quote at the very end leaves `i` past the end: `get` then ends the scan.)
    while let Some(offset) = html.get(i..).and_then(|rest| rest.find('<')) {
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
                    let quote = char::from(b[i]);
                    i = html[i + 1..].find(quote).map_or(b.len(), |o| i + 1 + o);
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
    matches!(
        *name,
        local_name!("script") | local_name!("style") | local_name!("textarea") | local_name!("title") | local_name!("xmp")
            | local_name!("iframe") | local_name!("noembed") | local_name!("noframes") | local_name!("noscript")
            | local_name!("plaintext")
    )
}

struct Open {
    name: LocalName,
    dropped: bool,
}

struct DepthGuard<Sink> {
    inner: Sink,
    /// The containers believed open, innermost last, with whether their start tag was dropped.
    open: RefCell<Vec<Open>>,
}

impl<Sink: TokenSink> DepthGuard<Sink> {
    /// Whether the tree builder should see this tag.
    fn admit(&self, tag: &Tag) -> bool {
        let mut open = self.open.borrow_mut();
        let name = &tag.name;
        match tag.kind {
            TagKind::StartTag => {
                if tag.self_closing || is_uncounted(name) {
                    return true;
                }
                let dropped = open.len() >= MAX_DEPTH && !is_raw_text(name);
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
}

impl<Sink: TokenSink> TokenSink for DepthGuard<Sink> {
    type Handle = Sink::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Self::Handle> {
        if let Token::TagToken(tag) = &token {
            if !self.admit(tag) {
                return TokenSinkResult::Continue;
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(html: &Html) -> usize {
        html.tree.nodes().map(|n| n.ancestors().count()).max().unwrap_or(0)
    }

    #[test]
    fn parses_like_html5ever_when_shallow() {
        let page = "<!DOCTYPE html><title>T</title><p>One<p>Two <b>bold <i>both</b> italic</i><ul><li>a<li>b</ul><table><tr><td>c</table><script>if (a < b) x()</script>";
        assert_eq!(parse_document(page).html(), Html::parse_document(page).html());
        let fragment = "<p>One<div>Two<span>three</div><textarea><b>raw</b></textarea>";
        assert_eq!(parse_fragment(fragment).html(), Html::parse_fragment(fragment).html());
    }

    #[test]
    fn deep_nesting_is_flattened_and_its_text_kept() {
        let n = 100_000;
        let page = format!("<body>{}<p>deep text</p>{}<p>after</p>", "<div>".repeat(n), "</div>".repeat(n));
        let html = parse_document(&page);
        assert!(depth(&html) <= MAX_DEPTH + 8, "depth {}", depth(&html));
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "deep textafter");
    }

    #[test]
    fn tags_keep_at_most_max_attributes() {
        let attrs: String = (0..MAX_ATTRIBUTES + 500).map(|i| format!(" data-a{i}=\"v>{i}\"")).collect();
        let page = format!("<p id=first{attrs}>kept text</p><p title='a > b' class=x>second</p>");
        let html = parse_document(&page);
        let first = html.select(&scraper::Selector::parse("p").unwrap()).next().unwrap();
        assert_eq!(first.value().attrs().count(), MAX_ATTRIBUTES);
        assert_eq!(first.value().attr("id"), Some("first"));
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "kept textsecond");
        // An unclosed quote at the end of the input.
        assert!(matches!(limit_attributes("<p a=\"x"), Cow::Borrowed(_)));
        assert!(matches!(limit_attributes("<p a='"), Cow::Borrowed(_)));
        // Nothing to cut: the input is used as it is.
        assert!(matches!(limit_attributes("<p a=1 b='>' c>x</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_script_past_the_limit_stays_raw_text() {
        let page = format!("{}<script>document.write('<div>no</div>')</script><p>end</p>", "<section>".repeat(MAX_DEPTH + 10));
        let html = parse_document(&page);
        let divs = html.select(&scraper::Selector::parse("div").unwrap()).count();
        assert_eq!(divs, 0);
        let script: String = html.select(&scraper::Selector::parse("script").unwrap()).flat_map(|s| s.text()).collect();
        assert_eq!(script, "document.write('<div>no</div>')");
    }
}
