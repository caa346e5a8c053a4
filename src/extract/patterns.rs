//! Every word list and constant the heuristics use, in one place.
//!
//! The lists follow the published Readability heuristics. They are matched without a regex engine
//! (which would add about 100 KB to the WASM): a "substring" list matches anywhere in the lower-cased
//! `class` and `id`, a "token" list matches a whole word of them (split on anything that is not a
//! letter or digit).

/// Class/id fragments of blocks that are almost never the article (menus, comments, banners...).
pub const UNLIKELY: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies",
    "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
    "agegate", "pagination", "pager", "popup", "yom-remote",
    // Not in Readability: consent dialogs and newsletter sign-ups are never the story, and
    // extracting one instead of the article is a common reader-mode failure.
    "cookie", "consent", "newsletter",
];

/// Class/id fragments that rescue a block matched by [`UNLIKELY`] (e.g. `main-header-content`).
pub const MAYBE_CANDIDATE: &[&str] =
    &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];

/// Class/id fragments that raise a block's score by [`CLASS_WEIGHT`].
pub const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
    "text", "blog", "story",
];

/// Class/id fragments that lower a block's score by [`CLASS_WEIGHT`].
pub const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
    "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags", "widget",
];
/// Whole words that are negative on their own (`hid`, but not `hidpi`).
pub const NEGATIVE_TOKENS: &[&str] = &["hid"];

/// Class/id fragments of a byline block.
pub const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Whole class/id words of share-button blocks.
pub const SHARE_TOKENS: &[&str] = &["share", "sharedaddy"];

/// ARIA roles of blocks that are navigation or chrome, never content.
pub const UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Elements whose presence makes a `<div>` a block container rather than a paragraph.
pub const DIV_TO_P_ELEMENTS: &[&str] =
    &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];

/// Elements scored as paragraphs.
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Siblings of the top candidate with these names are kept as they are; others become `<div>`.
pub const ALTER_TO_DIV_EXCEPTIONS: &[&str] = &["div", "article", "section", "p", "ol", "ul"];

/// Inline ("phrasing") elements, per the HTML standard's content model.
pub const PHRASING_ELEMENTS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub",
    "sup", "textarea", "time", "var", "wbr",
];
/// Phrasing only when all their children are: `<a>`, `<del>`, `<ins>`.
pub const PHRASING_IF_CHILDREN_ARE: &[&str] = &["a", "del", "ins"];

/// Elements removed outright during preparation: they hold no readable text, or only chrome.
pub const ALWAYS_REMOVE: &[&str] = &[
    "script", "style", "noscript", "template", "link", "meta", "base", "title", "object", "embed",
    "applet", "frame", "frameset", "input", "button", "select", "textarea", "option",
    "datalist", "canvas", "dialog", "nav",
];

/// Class names of line-number gutters that code highlighters put beside or inside code blocks.
pub const LINE_NUMBER_CLASSES: &[&str] = &[
    "linenos", "lineno", "line-number", "line-numbers", "line-numbers-rows", "linenumber",
    "gutter", "hljs-ln-numbers", "ln-num", "lnt", "rouge-gutter",
];

/// Class/id words of footnote and endnote lists, which are kept even though they are mostly links.
pub const FOOTNOTE_TOKENS: &[&str] = &["footnotes", "footnote", "endnotes", "endnote", "fn-list"];

/// Page furniture removed after the article is chosen (kept during scoring so that their text
/// still counts against the link density of their ancestors).
pub const CHROME_ELEMENTS: &[&str] = &["footer", "aside", "form", "fieldset"];

/// Text of blocks that are only an advertisement label.
pub const AD_WORDS: &[&str] =
    &["ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio"];

/// Text of placeholders left by lazy loaders.
pub const LOADING_WORDS: &[&str] = &["loading", "正在加载", "загрузка", "chargement", "cargando"];

/// Characters that separate a page title from its site name ("Story | Site").
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

/// Score added or removed for each positive or negative class/id match.
pub const CLASS_WEIGHT: f64 = 25.0;
/// How many of the best candidates are compared when looking for a better common ancestor.
pub const TOP_CANDIDATES: usize = 5;
/// Candidates within this fraction of the best are "close"; three close ones sharing an ancestor
/// make the ancestor the article (it is likely a wrapper of several scored sections).
pub const CLOSE_CANDIDATE_RATIO: f64 = 0.75;
pub const MIN_CLOSE_CANDIDATES: usize = 3;
/// Fewer characters of article text than this, and the next, more permissive pass is tried.
pub const CHAR_THRESHOLD: usize = 500;
/// Paragraphs shorter than this are not scored: captions, labels and buttons.
pub const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors of a paragraph receive a share of its score.
pub const SCORE_ANCESTOR_DEPTH: usize = 5;
/// What a link's text counts for in link density when it points within the page (`href="#…"`):
/// footnote references and tables of contents are part of the text, not navigation away from it.
pub const HASH_LINK_WEIGHT: f64 = 0.3;

/// Lower-cased `class` and `id` of an element, joined by a space: what the lists are matched on.
pub fn class_and_id(class: Option<&str>, id: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(c) = class {
        s.push_str(c);
    }
    if let Some(i) = id {
        s.push(' ');
        s.push_str(i);
    }
    if s.is_ascii() {
        // In place: no second string for the (usual) ASCII case.
        s.make_ascii_lowercase();
        s
    } else {
        s.to_lowercase()
    }
}

/// Whether any of `list` occurs in `haystack` (already lower-cased).
pub fn contains_any(haystack: &str, list: &[&str]) -> bool {
    if haystack.is_empty() {
        return false;
    }
    // A word can occur only if each of its byte pairs does: most words are ruled out by that,
    // without setting up a substring search.
    let present = byte_pairs(haystack.as_bytes());
    list.iter().any(|w| byte_pairs(w.as_bytes()) & !present == 0 && haystack.contains(w))
}

/// The adjacent byte pairs of `s`, hashed into 128 bits.
fn byte_pairs(s: &[u8]) -> u128 {
    s.windows(2).fold(0, |set, w| set | 1u128 << ((u32::from(w[0]) * 31 + u32::from(w[1])) & 127))
}

/// Whether any whole word of `haystack` (already lower-cased) is in `list`.
pub fn has_token(haystack: &str, list: &[&str]) -> bool {
    haystack.split(|c: char| !c.is_alphanumeric()).any(|t| list.contains(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_need_whole_words() {
        assert!(has_token("post-share_bar", SHARE_TOKENS));
        assert!(!has_token("shared-content", SHARE_TOKENS));
        assert!(contains_any("main-sidebar", UNLIKELY));
    }
}
