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

/// The fewest words a sentence announcing a list of links has ("Many patches were sent for
/// review:"), and the fewest its items have on average (clean.rs `announced_list`).
pub const ANNOUNCING_WORDS: usize = 5;
pub const ANNOUNCED_ITEM_WORDS: usize = 4;

/// Class/id fragments that rescue a block matched by [`UNLIKELY`] (e.g. `main-header-content`);
/// `hero` (not Readability's): a hero banner is the page's opening, its title and lede; `richtext`
/// and `rich-text` (not Readability's): a site builder's rich-text element (Webflow's
/// `w-richtext`) is the text its author wrote, whatever else its class says
/// (`rich-text-newsletter-cms`: a newsletter's issue, published as a page).
pub const MAYBE_CANDIDATE: &[&str] =
    &["and", "article", "body", "column", "content", "main", "mathjax", "shadow", "hero", "richtext", "rich-text"];

/// Class/id fragments that raise a block's score by [`CLASS_WEIGHT`].
pub const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
    "text", "blog", "story",
];

/// Class/id fragments that lower a block's score by [`CLASS_WEIGHT`]. Readability's, without
/// `media`: a block so classed holds a picture and its caption (`media-block`, `figure-media`),
/// which the reader keeps; on wcxb-dev dropping it gained 0.0010 (13 pages better, 5 worse).
pub const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
    "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags",
];
/// Whole words that are negative on their own (`hid`, but not `hidpi`).
pub const NEGATIVE_TOKENS: &[&str] = &["hid"];
/// Starts of class names (or ids) that are negative there only: `widget`, `widget_recent_entries`
/// (a sidebar's widgets), but not `elementor-widget-container` or `celwidget`, the wrappers page
/// builders put around every block of a page, its text among them.
pub const NEGATIVE_STARTS: &[&str] = &["widget"];

/// An affiliate disclosure's words (it has "affiliate link", or "commission" with a purchase) ...
pub const DISCLOSURE_WORDS: &[&str] = &["affiliate", "commission"];
pub const DISCLOSURE_PURCHASE: &[&str] = &["purchase", "buy"];
/// ... and not saying that there are none ("This post does not contain any affiliate links", "No
/// affiliate links. No paid promotion."): the author's own word, not the site's notice.
pub const DISCLOSURE_DENIALS: &[&str] = &["no affiliate", "not contain any affiliate", "not contain affiliate", "not include any affiliate", "without affiliate"];
/// ... with a phrase that ties it to the page: its links, the post, the site, the reader's cost.
pub const DISCLOSURE_PHRASES: &[&str] = &[
    "this post", "this article", "this page", "this site", "this website", "this blog", "our links", "my links",
    "these links", "links on this", "links in this", "disclosure", "disclaimer", "at no extra cost", "at no additional cost",
    "qualifying purchases",
];
/// The blocks a disclosure is written in, and its longest (a paragraph or two; longer, it is
/// part of the text).
pub const DISCLOSURE_BLOCKS: &[&str] = &["p", "div", "aside", "section", "small", "em", "li", "span"];
pub const DISCLOSURE_MAX_CHARS: usize = 600;

/// A site's copyright notice ("© 2025 Example Inc. All rights reserved."): a block whose text
/// opens with the sign (after "Copyright", if that comes first) and dates or reserves the rights:
/// a year, or one of these words. A credit without either ("© Getty Images") is a picture's, and
/// stays; so does a notice longer than [`COPYRIGHT_MAX_CHARS`] (a license the text is about).
pub const COPYRIGHT_WORDS: &[&str] = &["rights reserved", "trademark"];
pub const COPYRIGHT_MAX_CHARS: usize = 400;

/// Class names that hide an element on every screen (Bootstrap's `d-none`, Bulma's `is-hidden`),
/// unless another class shows it again. Not `hide` nor `hidden`: pages put them on what their
/// scripts show at once (a carousel's slides, a list of templates), and on wcxb-dev each cost more
/// pages than it mended (`hide` 3 worse, `hidden` 4, among them losses of 0.2 to 0.8).
pub const HIDDEN_CLASSES: &[&str] = &["d-none", "is-hidden"];

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
/// A block of this much text or more that repeats one above it is a copy, and goes: a section
/// printed twice for two screen sizes. Shorter repeats are often different things that say the
/// same (two API fields described alike, two product cards); from 80 characters up, wcxb-dev
/// gained 0.0027 with 41 pages worse, from 300, 0.0018 with 10 worse (0.0017 and 9 with
/// paragraphs beside their twin kept, which the Readability corpus's pages need: 0.96 without).
pub const REPEATED_BLOCK_MIN_CHARS: usize = 300;
/// ... except one that holds this share of the article's text: it wraps the article.
pub const CHROME_WRAPPER_SHARE: f64 = 0.5;

/// The whole text of an advertisement's label, lower case, dashes, bars and colons as spaces
/// ("Advertisement - Continue Reading Below", "SKIP ADVERTISEMENT", "Sponsored" over a paid
/// product card). An element saying only this is the label, never the text.
pub const AD_WORDS: &[&str] = &[
    "ad", "ads", "advertising", "advertisement", "sponsored", "sponsored content", "skip advertisement", "advertisement continue reading below",
    "advertisement page continues below", "advertisement story continues below", "article continues below", "story continues below",
    "story continues below advertisement", "content continues below", "continue reading below", "pub", "publicité", "anzeige", "werb", "werbung",
    "publicidad", "广告", "реклама", "anuncio",
];

/// The whole text of a list's controls (lower case, dashes, bars and colons as spaces).
pub const CONTROL_LABELS: &[&str] = &[
    "sort by", "sort", "filter", "filters", "filter by", "sort and filter", "sort & filter", "filter and sort", "filter & sort",
    "results per page", "items per page", "per page", "view as", "grid view", "list view", "clear all", "clear filters",
    // A card's or a teaser's button, said by a link.
    "read more", "see more", "show more", "load more", "continue reading", "book now", "shop now", "see details", "view details",
    "more info", "discover more", "learn more", "see all", "view all",
    // The site's controls left in the text: a menu's, a search box's, an account's, a share bar's.
    "menu", "search", "sign in", "sign up", "log in", "share", "back to top", "show caption", "hide caption", "jump to review",
    "share this article", "share this post", "share this story", "share this page", "share on facebook", "share on x",
    "share on twitter", "share on linkedin", "share via email", "open in app", "download the app",
    // A shop's buttons on a product or its card.
    "compare", "add to compare", "add to wishlist", "add to cart", "add to basket", "add to bag", "continue shopping", "quick view",
];

/// The whole text of a product card's badge (lower case): on wcxb-dev's pages, "Top rated" stood
/// alone in Decant's text on 14 pages and in the ground truth on none, "New arrival" 8 and 0.
pub const BADGE_LABELS: &[&str] = &[
    "top rated", "best seller", "bestseller", "new arrival", "new arrivals", "in stock", "coming soon", "award winner", "low stock",
    "limited edition", "no longer available",
];

/// Text of placeholders left by lazy loaders.
pub const LOADING_WORDS: &[&str] = &["loading", "正在加载", "загрузка", "chargement", "cargando"];

/// Characters that separate a page title from its site name ("Story | Site").
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
/// The separators that join a title and a name ("Story | Site", "Story – Site", "Story • Site"),
/// not those that nest sections ("Site » News"); and the most words such a name has when the page
/// does not declare it (`og:site_name`).
pub const JOINING_SEPARATORS: &[char] = &['|', '-', '–', '—', '·', '•'];
pub const SITE_NAME_MAX_WORDS: usize = 3;

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

/// Prefixes of class names that say how a block looks, not what it is: CSS frameworks' utility
/// classes (Tailwind's `overflow-hidden`, `scroll-mt-4`). Matched as words, `hidden` or `scroll`
/// in them would mark the article itself as chrome.
pub const UTILITY_CLASS_PREFIXES: &[&str] = &["overflow-", "scroll-"];
/// Endings of class names that say a part of the block is hidden, not the block: Drupal marks
/// every field whose label is not shown `field--label-hidden`; or that a panel of an accordion is
/// collapsed (Kadence's `kt-accordion-panel-hidden`), which the reader shows expanded.
pub const UTILITY_CLASS_SUFFIXES: &[&str] = &["label-hidden", "label--hidden", "panel-hidden"];
/// Parts of class names that say how a block is laid out, not what it is: Kadence's accordion
/// marks itself `kt-pane-header-alignment-left` (its panes' headers aligned left).
pub const UTILITY_CLASS_PARTS: &[&str] = &["-alignment-"];

/// Whether a class name is a utility class: one of [`UTILITY_CLASS_PREFIXES`],
/// [`UTILITY_CLASS_SUFFIXES`] or [`UTILITY_CLASS_PARTS`], or a variant
/// (`md:hidden`, `hover:underline`: a `:` never appears in a class that names a thing).
pub fn is_utility_class(name: &str) -> bool {
    name.contains(':')
        || UTILITY_CLASS_PREFIXES.iter().any(|p| name.starts_with(p))
        || UTILITY_CLASS_SUFFIXES.iter().any(|s| name.ends_with(s))
        || UTILITY_CLASS_PARTS.iter().any(|p| name.contains(p))
}

/// `class` without its utility classes (borrowed when it has none).
pub fn descriptive_classes(class: &str) -> std::borrow::Cow<'_, str> {
    if !class.split_ascii_whitespace().any(is_utility_class) {
        return std::borrow::Cow::Borrowed(class);
    }
    std::borrow::Cow::Owned(class.split_ascii_whitespace().filter(|c| !is_utility_class(c)).collect::<Vec<_>>().join(" "))
}

/// Lower-cased `class` (without utility classes) and `id` of an element, joined by a space: what
/// the lists are matched on.
pub fn class_and_id(class: Option<&str>, id: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(c) = class {
        s.push_str(&descriptive_classes(c));
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

/// The length of the first of `list` (lower case) that `text` opens with, in any case.
#[inline(never)]
pub fn opening(text: &str, list: &[&str]) -> Option<usize> {
    // Most texts are ruled out by their first letter, without a lower-case copy.
    let first = text.as_bytes().first()?.to_ascii_lowercase();
    if !list.iter().any(|w| w.as_bytes().first() == Some(&first)) {
        return None;
    }
    let mut end = text.len().min(32);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    list.iter().find(|w| head.starts_with(**w)).map(|w| w.len())
}

/// The adjacent byte pairs of `s`, hashed into 128 bits.
fn byte_pairs(s: &[u8]) -> u128 {
    s.windows(2).fold(0, |set, w| set | 1u128 << ((u32::from(w[0]) * 31 + u32::from(w[1])) & 127))
}

/// Whether any whole word of `haystack` (already lower-cased) is in `list`.
pub fn has_token(haystack: &str, list: &[&str]) -> bool {
    haystack.split(|c: char| !c.is_alphanumeric()).any(|t| list.contains(&t))
}

/// Whether any whitespace-separated name of `haystack` starts with one of `list`.
pub fn has_name_starting(haystack: &str, list: &[&str]) -> bool {
    haystack.split_ascii_whitespace().any(|n| list.iter().any(|p| n.starts_with(p)))
}

// The readerable check.

/// Paragraphs shorter than this do not count towards a page being readable (Readability's
/// `minContentLength`) ...
pub const READERABLE_MIN_CHARS: usize = 140;
/// ... and the sum of `sqrt(length − 140)` over the rest must pass this (its `minScore`).
pub const READERABLE_MIN_SCORE: f64 = 20.0;

// Stage 1, metadata.

/// A hidden element holding more than this share of the page's text, on a page that shows less
/// than [`HIDDEN_PAGE_MAX_SHOWN`] characters besides (not one paragraph), is the page itself,
/// hidden until a script shows it, not a menu or a dialog.
pub const HIDDEN_PAGE_SHARE: f64 = 0.5;
pub const HIDDEN_PAGE_MAX_SHOWN: usize = 140;
/// A hidden element right inside the main region (`<main>`, `role=main`) holding this share of
/// its text or more is the region, hidden until a script shows it.
pub const HIDDEN_REGION_SHARE: f64 = 0.8;

// The page view (see `page`).

/// Roles of the page's chrome around its main region.
pub const PAGE_CHROME_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"];
/// Whole class and id words of the page's chrome: menus, consent and sign-up boxes, breadcrumbs,
/// pagination, share bars.
pub const PAGE_CHROME_TOKENS: &[&str] = &["menu", "navbar", "breadcrumb", "breadcrumbs", "pagination", "pager", "cookie", "cookies", "consent", "gdpr", "newsletter", "signup", "subscribe", "popup", "modal", "share", "social", "sidebar", "footer", "skip", "respond", "related"];

/// An article shorter than this (characters), in a main region holding this many times its text,
/// gives way to the region (see `region_instead` in mod.rs). On wcxb-dev, 2,000 and 3 gained
/// 0.0165 (56 pages better, 12 worse); 500 and 3 0.0054, 1,000 and 3 0.0129, 3,000 and 2 0.0205
/// but 22 pages worse; 2,000 and 5 0.0119. With the figure below for unmarked pages, 0.0156.
pub const REGION_SHORT_ARTICLE_CHARS: usize = 2000;
pub const REGION_TIMES_ARTICLE: usize = 3;
/// ... or this many times, when the page marks no main region and the body is mostly links.
pub const REGION_TIMES_ARTICLE_UNMARKED: usize = 5;
/// An article found to be a list of links gives way to the page's main region (the page view)
/// when that holds this many times its text: cleaning by link density took the list's items for
/// boxes of links. On wcxb-dev, any longer region: +0.00024 (8 pages better, 13 worse, the region's
/// menus and filters kept on shops' category pages, up to 1.6 times the article); twice: below.
pub const LIST_REGION_TIMES_ARTICLE: usize = 2;

/// Whole class and id words of the consent boxes a pass may take for the article (see `in_chrome`
/// in page.rs); `footer`, `modal` and `newsletter` here cost articles on wcxb-dev.
pub const CHROME_BOX_TOKENS: &[&str] = &["cookie", "cookies", "consent", "gdpr"];

/// schema.org types of a page that lists other pages.
pub const LIST_PAGE_TYPES: &[&str] = &["CollectionPage", "SearchResultsPage"];
/// An article of at least this many links, more than this share of its text in them, is a list
/// of links (the share at which Readability's cleaning drops a block).
pub const LIST_MIN_LINKS: usize = 10;
pub const LIST_LINK_DENSITY: f64 = 0.5;

// Confidence (see `confidence` in mod.rs): how sure each way of finding the text makes the
// engine, before the text is looked at. The strictest pass; each pass that relaxes one more
// heuristic is less sure by the second figure; a thread declared in structured data, one found by
// its shape; a page view, which is not an article at all.
pub const CERTAINTY_STRICT: f64 = 0.9;
pub const CERTAINTY_PER_RELAXATION: f64 = 0.15;
pub const CERTAINTY_THREAD_DECLARED: f64 = 0.9;
pub const CERTAINTY_THREAD: f64 = 0.75;
pub const CERTAINTY_PAGE_VIEW: f64 = 0.2;
/// A page's main region read instead of a short article found in it: most of it is the text, less
/// surely only the text.
pub const CERTAINTY_REGION: f64 = 0.6;

// Threads (see `thread`).

/// schema.org types of a product, and of its being on sale: a page with both (and no article)
/// is a shop's page for the product (see `Metadata::sells_a_product`).
pub const PRODUCT_TYPES: &[&str] = &["Product", "ProductGroup"];
pub const OFFER_TYPES: &[&str] = &["Offer", "AggregateOffer"];
/// Whole class or id words of customers' reviews on a shop's page for a product, the singular
/// too (`review-card`, `individual-review`): there the product is the text, what its buyers
/// say of it is not.
pub const SHOP_REVIEW_TOKENS: &[&str] = &["review", "reviews"];

/// schema.org types that say a page is a thread of posts.
pub const THREAD_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];
/// schema.org types that say a page is one thing with, at most, comments or reviews under it
/// (besides [`ARTICLE_TYPES`]).
pub const NOT_THREAD_TYPES: &[&str] = &["Product", "Recipe", "Book", "Movie", "Event", "Course", "JobPosting"];
/// schema.org types of a thread's posts: all one kind of element, the opening post as its replies.
pub const POST_TYPES: &[&str] = &["DiscussionForumPosting", "Comment", "Answer", "Question", "SocialMediaPosting"];
/// Class and id words of the element naming a post's author (as substrings: `message-userDetails`,
/// `postauthor`, `username`, `hnuser`; FluxBB's and PunBB's `postleft`, the column beside the text).
pub const POST_AUTHOR: &[&str] = &["author", "username", "user-name", "user_name", "userdetails", "user-details", "user-info", "userinfo", "poster", "postprofile", "postleft", "hnuser", "member-name", "membername", "nickname"];
/// Paths of links to a member's profile, which name a post's author.
pub const PROFILE_PATHS: &[&str] = &["/u/", "/user/", "/users/", "/members/", "/member/", "/profile/", "/memberlist.php", "/user?id=", "action=profile"];
/// A post holds at least this much text of its own outside links: "Thanks, that worked." is a
/// post; a row of a table of topics ("12 replies") is not.
pub const POST_MIN_CHARS: usize = 20;
/// A thread's posts hold at least this share of the page's text outside links (a page that
/// declares itself a thread: at least this other share), so that a page's comments do not
/// stand for the page.
pub const THREAD_SHARE: f64 = 0.5;
pub const THREAD_SHARE_DECLARED: f64 = 0.3;
/// On a page that does not declare itself a thread, posts under a text at least this many times
/// longer than the longest of them are the comments under an article, not a thread.
pub const ARTICLE_OVER_COMMENTS: usize = 2;
/// The opening post, when it is not of its replies' kind, is looked for this many levels up from
/// the first reply.
pub const OPENING_POST_LEVELS: usize = 4;
/// No post of a thread holds more than this share of the group's text.
pub const THREAD_MAX_POST_SHARE: f64 = 0.8;
/// The heaviest groups of siblings that are looked at as threads.
pub const THREAD_GROUPS_TRIED: usize = 5;
/// Class and id words (substrings) of the element holding a post's text, in the forum engines'
/// markup (`message-body`, `post_content`, `cooked`, `bbWrapper`, `usertext-body`, `commtext`,
/// FluxBB's `postmsg`).
pub const POST_TEXT: &[&str] = &["body", "content", "message", "cooked", "prose", "bbwrapper", "usertext", "commtext", "posttext", "post-text", "comment-text", "postmsg"];
/// Else, a post's text is the element holding this share of its text, as deep as there is one.
pub const POST_BODY_SHARE: f64 = 0.8;
/// Elements a post's text is looked for in (not paragraphs: those are the text). A form too: a
/// post that its author may edit in place is one (Reddit's).
pub const POST_WRAPPERS: &[&str] = &["div", "section", "article", "main", "td", "tr", "tbody", "table", "li", "span", "font", "center", "form"];
/// A post's author and date as shown are at most this long (longer is a profile box).
pub const POST_AUTHOR_MAX_CHARS: usize = 60;
pub const POST_DATE_MAX_CHARS: usize = 40;

/// schema.org types whose JSON-LD describes an article.
pub const ARTICLE_TYPES: &[&str] = &[
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
    "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
    "APIReference",
];

/// `<meta>` names and properties, in order of preference, for each field: Dublin Core first (the
/// most deliberate), then Open Graph, Weibo, plain HTML, Twitter and Parse.ly, as Readability
/// orders them.
pub const META_TITLE: &[&str] = &["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"];
pub const META_BYLINE: &[&str] = &["dc:creator", "dcterm:creator", "author", "parsely-author", "article:author"];
pub const META_EXCERPT: &[&str] = &["dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"];
pub const META_SITE_NAME: &[&str] = &["og:site_name"];
pub const META_PUBLISHED: &[&str] = &["article:published_time", "parsely-pub-date", "dc:date", "dcterm:date", "date", "datepublished"];
pub const META_MODIFIED: &[&str] = &["article:modified_time", "og:updated_time", "datemodified"];
pub const META_URL: &[&str] = &["og:url"];
pub const META_IMAGE: &[&str] = &["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"];
pub const META_LANG: &[&str] = &["og:locale", "content-language"];

/// What sites put before the names in a byline, lower-cased, longest first so that "posted by"
/// is cut whole (English, German, French, Spanish and Portuguese).
/// (Each is matched with a space or a colon after it, and several may follow one another: "Written
/// By: Jane".)
pub const BYLINE_PREFIXES: &[&str] = &[
    "view all posts by", "read more about", "this post was written by", "posted by", "published by", "written by", "authored by",
    "words by", "story by", "text by", "recipe by", "guide by", "authors", "author", "by", "von", "par", "por", "via",
];
/// The box around a page's headline, where its date line is looked for, holds at most this
/// much text (the headline, a dek, a byline and a date; more is the article itself) ...
pub const HEADLINE_BOX_CHARS: usize = 600;
/// ... and the date line at most this (a label and a date: "Last updated on: December 17, 2025").
pub const DATE_LINE_MAX_CHARS: usize = 48;
/// Starts of the words of a date line's label that make its date the day the page was updated
/// ("Last updated on:", "Modified", "Edited"), not published.
pub const UPDATED_LABELS: &[&str] = &["updated", "modified", "edited", "revised", "reviewed"];

/// Words of a date that a byline may be left with once the rest of the date is cut: the months'
/// names, and the days' and months' short forms not already among `dates::MONTHS`.
pub const DATE_WORDS: &[&str] = &[
    "january", "february", "march", "april", "june", "july", "august", "september", "sept", "october", "november", "december",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];
/// What a byline says alone when it names nobody: a label whose name a script fills in.
pub const BYLINE_LABELS: &[&str] = &["the author", "about the author", "written"];
/// Words after which a byline no longer names its authors ("Reyan Perumal Published on …",
/// "Eric Hergenreder Updated", "Jane Doe Reviewed by …", slashdot's "BeauHD from the … dept.").
pub const BYLINE_ENDS: &[&str] = &["published", "updated", "reviewed", "posted", "submitted", "last", "from", "modified"];
/// Jobs that follow a name in a byline ("Rachel MacDonald Writer", "Keith Barry Senior Autos
/// Reporter"): the byline ends where the job's words start.
pub const BYLINE_JOBS: &[&str] = &["writer", "reporter", "editor", "contributor", "founder", "co-founder", "cofounder", "consultant", "correspondent", "columnist"];
/// A byline ends where a weekday starts ("Jane Doe Monday, 4 May"): the date that follows is
/// not part of the name.
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// `<meta>` properties that each name one of the article's tags (Open Graph's article tags).
pub const META_TAG: &[&str] = &["article:tag"];
/// At most this many tags are kept, each at most [`TAG_MAX_CHARS`] long: more, or longer, is a
/// keyword list for search engines, not the topics a reader is shown.
pub const MAX_TAGS: usize = 12;
pub const TAG_MAX_CHARS: usize = 40;

/// A byline is a name or two: longer text marked as one is a paragraph about the author.
pub const BYLINE_MAX_CHARS: usize = 100;
/// Two titles this similar (by shared words, see `text::similarity`) are the same title: a
/// heading that repeats the page title is dropped, and a JSON-LD `headline` that matches the
/// page title is preferred over a `name` that does not.
pub const SAME_TITLE_SIMILARITY: f64 = 0.75;
/// A block just above the title's heading with at most this much text and no sentence in it is
/// the section's label (a kicker: "Maritime", "Analysis").
pub const KICKER_MAX_CHARS: usize = 30;

/// Class, id or itemprop words of a dek (standfirst, subtitle) under the title, matched inside
/// words: long enough not to occur by chance (`ArticleSubtitle`, `c-standfirst`).
pub const DEK_NAMES: &[&str] = &["standfirst", "subtitle", "subheadline", "sub-headline", "subhead", "strapline", "alternativeheadline"];
/// ... and matched as whole words, being short or common inside others (`lead` in `leaderboard`,
/// `dek` in `dekstop`): `Hero_dek`, `lead-text`, `post-excerpt`, `header__description`.
pub const DEK_TOKENS: &[&str] = &["dek", "deck", "lede", "lead", "summary", "excerpt", "description", "intro"];
/// A dek is a sentence or two: shorter is a label or kicker, longer is the article's own text.
pub const DEK_MIN_CHARS: usize = 30;
pub const DEK_MAX_CHARS: usize = 400;
/// How many elements after the title heading a dek may be: it sits under the title, before the
/// byline, the date and the lead image at most.
pub const DEK_SEARCH_ELEMENTS: usize = 15;

// Stage 2, preparation.

/// Class fragments of the panels of tabs and accordions (Bootstrap's `tab-pane` and `collapse`,
/// most themes' `accordion`), an FAQ's answers (`faq__answer`), and a shop's "Read more"
/// (Amazon's `a-expander-content`), whose hidden content is content: the reader shows it
/// expanded. `expandable` as well: +0.0004, but eBay's expandable copies took a page's
/// description elsewhere (one page 0.64 → 0.28).
pub const DISCLOSURE_PANELS: &[&str] = &["tab-pane", "tabpanel", "tab-panel", "accordion", "collapse", "faq", "expander"];
/// How far above a hidden element a disclosure panel still makes it content (the panel's body
/// wrapper, its text block).
pub const DISCLOSURE_PANEL_DEPTH: usize = 4;

/// A body with less text than this outside its `<noscript>`s is an app shell, whose content is
/// its no-script fallback ...
pub const NOSCRIPT_SHELL_MAX_CHARS: usize = 500;
/// ... in the `<noscript>`s of at least this many bytes (smaller ones are a tracking pixel or
/// "please turn on JavaScript").
pub const NOSCRIPT_FALLBACK_MIN_BYTES: usize = 1000;

/// Presentational wrappers from HTML's past: nothing in them is structure the reader keeps, so
/// their content takes their place.
pub const PRESENTATIONAL_ELEMENTS: &[&str] = &["font", "center", "big", "blink", "marquee", "tt"];
/// Fixed-position boxes with less text than this are overlays (cookie and sign-up banners, sticky
/// bars); longer ones may be an app shell that holds the article.
pub const FIXED_OVERLAY_MAX_CHARS: usize = 1000;
/// Attributes that name a code block's language outright (Prism, highlight.js, many CMSs).
pub const CODE_LANGUAGE_ATTRS: &[&str] = &["data-lang", "data-language"];

// Stage 3, scoring.

/// Readability's starting scores by tag: containers of prose up, lists, forms and headings down.
pub fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}
/// A `<div>` holding one `<p>` and less link text than this share is that paragraph; a sibling
/// paragraph of more than [`SIBLING_PROSE_CHARS`] is kept below it too.
pub const PROSE_MAX_LINK_DENSITY: f64 = 0.25;
/// Class words of a flex or grid container, whose items the page's style lays apart.
pub const FLEX_CLASSES: &[&str] = &["flex", "inline-flex", "d-flex", "d-inline-flex", "grid", "d-grid"];
/// A short article with at least this share of its text in links to other pages is a menu, not
/// an article.
pub const ALL_LINKS_DENSITY: f64 = 0.9;
/// Siblings of the best candidate join it if they score this share of its score (or
/// [`SIBLING_MIN_SCORE`], whichever is more); a sibling with the same class gets this share as a
/// bonus.
pub const SIBLING_SCORE_SHARE: f64 = 0.2;
pub const SIBLING_MIN_SCORE: f64 = 10.0;
/// A sibling paragraph longer than this with little link text is prose; a shorter one must have
/// no links and read as a sentence.
pub const SIBLING_PROSE_CHARS: usize = 80;
/// A candidate with less than this share of its `<main>` region's text gives way to the region
/// (when the region is not mostly links): the page's author marked it as the content.
pub const MAIN_REGION_SHARE: f64 = 0.5;
pub const MAIN_REGION_MAX_LINK_DENSITY: f64 = 0.3;
/// Class/id fragments of blocks beside an article that read as prose but are about it, not of
/// it: the author's biography, the publisher's disclaimer.
pub const NOT_SIBLING_CONTENT: &[&str] = &["bio", "disclaimer", "about-the"];

// Stage 4, cleaning.

/// Share bars and similar blocks are removed only when shorter than this: a long block that
/// happens to carry a "share" class is more likely the article's wrapper.
pub const SHARE_MAX_CHARS: usize = 500;

/// Attributes lazy loaders keep the real image URL in (and its `srcset`, below).
pub const LAZY_SRC_ATTRS: &[&str] = &["data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-lazy"];

pub const LAZY_SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset"];

/// Text longer than this is not an advertisement's or a loader's label (the longest is 13
/// characters; trailing dots are allowed for).
pub const AD_LABEL_MAX_CHARS: usize = 40;
/// Class/id fragments of a tag or category list inside the article (WordPress's `tags-links`
/// and `cat-links`, `entry-tags`, `post-tags`, `tag-list`, `tagcloud`): topics, which the article
/// carries as its tags, not text.
pub const TAG_LISTS: &[&str] = &["tags", "tag-list", "taglist", "tagcloud", "tag-cloud", "cat-links", "post-categories"];
/// A tag list holds little but its links: a label of at most this many characters ("Tags:",
/// "Filed under:"), or else at least this share of link text.
pub const TAG_LIST_LABEL_MAX_CHARS: usize = 20;
pub const TAG_LIST_MIN_LINK_DENSITY: f64 = 0.6;

/// Whole class/id words of prompts inside an article: newsletter and subscription sign-ups,
/// paywall notices, calls to action and links styled as buttons ("Sign up", "Book a demo").
/// They ask something of the reader; they are not the story.
pub const PROMPT_TOKENS: &[&str] = &["newsletter", "subscribe", "subscription", "signup", "paywall", "cta", "btn", "button"];
/// Whole class or id words of the reviews customers leave under a product (not a critic's review,
/// which is classed in the singular).
pub const REVIEWS_TOKENS: &[&str] = &["reviews"];
/// Whole class or id words of boxes recommending other products or pages ("Customers also
/// bought", "Recently viewed", "Recommended for you").
pub const RECOMMENDATION_TOKENS: &[&str] = &["recommendations", "recommended", "recommendation", "upsell", "upsells", "crosssell", "crosssells", "also", "recently"];
/// Whole texts of headings over a box of the site's other pages ("Related articles", "You may
/// also like"), lower-cased, without a final colon; the box goes with its heading. Not "See also"
/// or "Further reading": in documentation and encyclopedias those are the text's own references;
/// not "Related" or "Trending" alone, nor "More on": a paper's related work, a chart of the
/// week's trends, a manual's "More on fields" are the text.
pub const MORE_OF_THE_SITE_HEADINGS: &[&str] = &[
    "related articles", "related posts", "related stories", "related content", "related topics",
    "related reading", "related news", "related links", "related products", "related videos", "related guides",
    "you may also like", "you might also like", "you may like", "you might like", "you may be interested in",
    "you might be interested in", "you might also be interested in", "you may also be interested in",
    "read next", "up next", "more like this", "more stories", "more articles", "more news", "more to read",
    "latest news", "latest articles", "latest posts", "latest stories", "recent posts", "recent articles",
    "recent news", "popular posts", "popular articles", "most popular", "most read", "trending now",
    "trending news", "recommended for you", "recommended articles", "recommended reading", "more in this category",
    "don't miss", "don’t miss", "also read", "read also", "what others are reading", "trending this week", "next article",
    "previous article",
    // A shop's other products.
    "frequently bought together", "similar items", "similar products", "recently viewed", "recently viewed items",
    "recently viewed products", "related searches", "more to consider", "you may also need", "customers also viewed",
    "customers also bought", "compare with similar items",
    // German, French, Spanish, Portuguese, Italian, Dutch.
    "das könnte sie auch interessieren", "mehr zum thema", "weitere artikel", "ähnliche artikel",
    "à lire aussi", "a lire aussi", "sur le même sujet", "articles similaires", "vous aimerez aussi",
    "te puede interesar", "noticias relacionadas", "artículos relacionados", "también te puede interesar",
    "leia também", "veja também", "notícias relacionadas", "artigos relacionados",
    "leggi anche", "articoli correlati", "potrebbe interessarti", "lees ook", "gerelateerde artikelen",
];
/// ... and the starts of such headings ("More from The Times", "More in Science").
pub const MORE_OF_THE_SITE_STARTS: &[&str] = &[
    "more from ", "more in ", "more by ", "other articles", "other posts", "other stories", "other related ", "you may be interested in ",
    // "Related articles on move.org", "Related articles that may interest you", "More articles you
    // might enjoy", "Customers also bought or read" (not "Related videos: …", one named item).
    "related articles ", "related posts ", "related stories ", "more articles ", "customers also ", "what to read next",
    "you might be interested in ", "people who viewed this", "people who bought this",
    "customers who viewed this", "customers who bought this", "similar sponsored items", "sponsored products related to",
];

/// Whole class or id words of the signature a forum prints under each of a member's posts.
pub const SIGNATURE_TOKENS: &[&str] = &["signature", "signaturecontainer", "postsignature"];
/// Siblings styled alike, this many or more, are a list's items, not one box.
pub const REPEATED_ITEMS_MIN: usize = 3;
/// The fewest characters of a card in a row of them (a title and a line; a button says less).
pub const CARD_MIN_CHARS: usize = 50;
/// The most characters of a teaser of another page: a title and its first lines.
pub const TEASER_MAX_CHARS: usize = 500;
/// The fewest words of a product's description worth adding to the text from its structured data.
pub const DESCRIPTION_MIN_WORDS: usize = 12;
/// Class words of a teaser's date (besides a `<time>` element).
pub const TEASER_DATE_TOKENS: &[&str] = &["date", "time", "published", "posted", "pubdate", "datetime"];
/// Class or id words of a box about the author, inside the article's container: "bio" alone, or
/// "author" with one of [`AUTHOR_BOX_WITH`] (`author-bio`, `about-author`, `author-box`). The
/// reader's header has the byline; the box's text is not the story. Removed under
/// [`AUTHOR_BOX_MAX_CHARS`] (a long "about the author" page is one).
pub const AUTHOR_BOX_TOKENS: &[&str] = &["bio", "bios", "biography", "authorbio", "authorbox"];
pub const AUTHOR_BOX_WITH: &[&str] = &["box", "info", "card", "about", "profile", "details", "block"];
pub const AUTHOR_BOX_MAX_CHARS: usize = 800;
/// Headings of a box about the article's people ("About the author", "About the reviewer"): the
/// box such a heading opens goes as an author box does (the heading alone, in the article's flow,
/// stays with what follows it: an essay's closing note on its writer).
pub const AUTHOR_BOX_HEADINGS: &[&str] = &[
    "about the author", "about the authors", "about the reviewer", "about the reviewers", "about the writer",
    "about the contributor", "about the contributors", "about the editor", "meet the author",
];
/// Labels that say who wrote or checked the page, alone over the name in the next element or
/// followed by the name: each opens a box about the author, as [`AUTHOR_BOX_HEADINGS`] do.
pub const CREDIT_LABELS: &[&str] = &["written by", "edited by", "reviewed by", "medically reviewed by", "fact checked by", "fact-checked by", "posted by"];
/// The longest credit line ([`CREDIT_LABELS`], perhaps with a name) taken for one.
pub const CREDIT_LINE_MAX_CHARS: usize = 48;
/// Headings of the readers' comments below a story ("Discussion about this post", "Leave a
/// reply", "12 comments"): the box such a heading opens goes, as a comment section's class makes
/// it go. Not "Comments" alone: a manual's section on comments in code is called that.
pub const COMMENT_HEADINGS: &[&str] = &[
    "discussion about this post", "leave a comment", "leave a reply", "join the discussion", "join the conversation",
    "reader comments", "readers' comments", "post a comment", "add a comment", "comments are closed",
];
/// ... and the words after a count ("12 comments", "1 response").
pub const COUNTED_COMMENTS: &[&str] = &["comment", "comments", "response", "responses", "reply", "replies"];
/// Prompts are removed only when shorter than this, like share bars: a long block with such a
/// class is more likely the article (a `subscription` guide, a page of buttons' documentation).
pub const PROMPT_MAX_CHARS: usize = 500;
/// A table of contents has this many links or more...
pub const TOC_MIN_LINKS: usize = 3;
/// ... this share of them to places in the page (`#…`)...
pub const TOC_LINKS_HERE_SHARE: f64 = 0.8;
/// ... and this share of its text in links.
pub const TOC_LINK_TEXT_SHARE: f64 = 0.7;
/// Labels of a table of contents, lower case, without a final colon.
pub const TOC_LABELS: &[&str] = &[
    "table of contents", "contents", "in this article", "in this post", "in this guide", "on this page", "jump to", "skip to", "quick links",
    "what's inside", "article contents", "inhaltsverzeichnis", "inhalt", "sommaire", "table des matières", "índice", "contenido", "indice", "contenuti",
];
/// Class or id words of a table of contents (besides the word `toc`).
pub const TOC_NAMES: &[&str] = &["table-of-contents", "tableofcontents", "table_of_contents"];
/// A block classed `header` with a heading and this much prose is a section's header.
pub const SECTION_HEADER_MIN_CHARS: usize = 100;
/// ... and without a heading, this much prose (two sentences or so). On wcxb-dev, 200: +0.0002,
/// 10 pages better, 3 worse (a site header's menu of services, each with a sentence); 300 and 500
/// gained less.
pub const HEADER_PROSE_MIN_CHARS: usize = 200;
/// A block hidden from screen readers only (`aria-hidden`) with this much prose is shown.
pub const ARIA_HIDDEN_PROSE_CHARS: usize = 150;
/// A sign-up box (an email field with its heading and invitation) holds less text than this.
pub const SIGNUP_BOX_MAX_CHARS: usize = 300;
/// ... and no more nodes than this beside the field at each level up.
pub const SIGNUP_BOX_MAX_NODES: usize = 400;
/// At most this many sign-up boxes are looked for on a page (each is a walk up the tree).
pub const SIGNUP_BOXES_MAX: usize = 20;

/// What an image URL ends in, to find the real image in attributes lazy loaders name freely.
pub const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];
/// A `data:` URI shorter than this in `src` is a placeholder (a 1×1 GIF), not the image.
pub const PLACEHOLDER_DATA_URI_MAX_CHARS: usize = 200;
/// Elements cleaned conditionally, in this order (tables first, so that a list inside a layout
/// table is judged on its own).
pub const CONDITIONALLY_CLEANED: &[&str] = &["table", "ul", "ol", "div", "section"];
/// Elements that give a paragraph content without text (an empty `<p>` without them is dropped).
pub const MEDIA_ELEMENTS: &[&str] = &["img", "picture", "iframe", "video", "math"];
/// A table with at least this many rows, more columns than the next, or more cells than the one
/// after holds data, not layout.
pub const DATA_TABLE_MIN_ROWS: usize = 10;
pub const LAYOUT_TABLE_MAX_COLUMNS: usize = 4;
pub const LAYOUT_TABLE_MAX_CELLS: usize = 10;
/// The thresholds of conditional cleaning, Readability's `_cleanConditionally`. A block is kept
/// outright with this many commas (it is prose); it is a list when list items hold more than this
/// share of its text; lists are allowed this many items more than paragraphs.
pub const PROSE_MIN_COMMAS: usize = 10;
pub const LIST_TEXT_SHARE: f64 = 0.9;
pub const LIST_ITEM_ALLOWANCE: f64 = 100.0;
/// Removed: more than one image and fewer paragraphs than half the images (outside figures) ...
pub const MIN_PARAGRAPHS_PER_IMAGE: f64 = 0.5;
/// ... less text than this, unless headings hold [`HEADING_TEXT_SHARE`] of it ...
pub const SHORT_BLOCK_CHARS: usize = 25;
pub const HEADING_TEXT_SHARE: f64 = 0.9;
/// ... more link text than this share without a positive class (a link list), or than the next
/// share with one ...
pub const MAX_LINK_DENSITY: f64 = 0.2;
/// ... or, for a block of [`LONG_BLOCK_CHARS`] or more, than this share: prose that cites its
/// sources in links is not a list of links. On wcxb-dev, 200 and 0.4 gained 0.0015 (52 pages
/// better, 21 worse), 200 and 0.33 0.0012, 300 and 0.4 0.0003; the Readability corpus 0.9871 → 0.9885.
pub const LONG_BLOCK_CHARS: usize = 200;
pub const MAX_LINK_DENSITY_LONG: f64 = 0.4;
pub const MAX_LINK_DENSITY_POSITIVE: f64 = 0.5;
/// ... or an embed with less text than this around it (a widget).
pub const EMBED_MIN_CHARS: usize = 75;

// The lead image (lead.rs).

/// Words in an image's file name that say it is not the article's picture: the site's logo and
/// icons, avatars, placeholders and default share cards. Whole words, lower-cased (`iconic` and
/// `shareholders` are pictures).
pub const LEAD_IMAGE_NOT_A_PICTURE: &[&str] =
    &["logo", "logos", "favicon", "icon", "icons", "touch", "sprite", "sprites", "placeholder", "default", "fallback", "avatar", "avatars", "blank", "spacer", "share", "sharing"];
/// Hosts whose images are avatars.
pub const LEAD_IMAGE_HOSTS: &[&str] = &["gravatar.com"];
/// A picture is at least this wide and tall (a touch icon is 180 px; share cards are 1200 × 630).
pub const LEAD_IMAGE_MIN_WIDTH: u32 = 300;
pub const LEAD_IMAGE_MIN_HEIGHT: u32 = 150;
/// ... and not a strip: width and height within this ratio of each other.
pub const LEAD_IMAGE_MAX_RATIO: f64 = 4.0;

// Headings' own links.

/// The words of a page's counters ("1,693 views", "12 comments", "3.4K shares"): a block that is
/// only a number and one of these counts readers, not part of the text.
pub const COUNTER_WORDS: &[&str] = &[
    "view", "views", "read", "reads", "share", "shares", "comment", "comments", "like", "likes", "reaction", "reactions",
    "clap", "claps", "vote", "votes",
];

/// Names of languages that code blocks' headers show above the code ("js", "Python", "Shell
/// session"), compared without case: such a header, alone before a `<pre>`, is the page's
/// decoration of the block (the saved Markdown names the language on the fence), not text.
pub const CODE_LANGUAGE_LABELS: &[&str] = &[
    "js", "javascript", "ts", "typescript", "jsx", "tsx", "mjs", "html", "css", "scss", "sass", "less", "json", "jsonc", "json5", "yaml", "yml",
    "toml", "xml", "svg", "bash", "sh", "shell", "zsh", "fish", "console", "terminal", "shell session", "powershell", "ps1", "cmd", "bat",
    "batch", "python", "py", "python3", "ruby", "rb", "php", "java", "kotlin", "kt", "swift", "go", "golang", "rust", "rs", "c", "cpp",
    "c++", "cs", "c#", "csharp", "objective-c", "objc", "sql", "graphql", "r", "scala", "perl", "lua", "dart", "elixir", "haskell",
    "clojure", "dockerfile", "docker", "makefile", "make", "ini", "diff", "text", "txt", "plaintext", "plain text", "markdown", "md",
    "http", "nginx", "vue", "svelte", "wat", "wasm", "groovy", "gradle", "matlab", "julia", "zig", "nim", "ocaml", "f#", "fsharp", "vb",
    "vb.net", "assembly", "asm", "latex", "tex", "csv", "properties", "env", "conf",
];

/// Most characters a code block's language label has.
pub const CODE_LABEL_MAX_CHARS: usize = 24;

/// The text of a heading's link to itself (a permalink) or to the page's top, when the link's
/// text is words rather than a symbol (`¶`, `#`, `§` and icons are recognised as having no letter
/// or digit at all). Compared lower-cased, after trimming.
pub const HEADING_SELF_LINK_WORDS: &[&str] =
    &["link", "permalink", "anchor", "direct link", "copy link", "link to this heading", "link to this section", "top", "back to top", "to top"];

/// The text of a wiki's "edit this section" control in a heading (MediaWiki writes
/// `[edit]` or `[edit | edit source]`), once brackets and bars are taken away.
pub const HEADING_EDIT_WORDS: &[&str] = &["edit", "edit source", "edit section", "modifier", "bearbeiten", "editar", "modifica"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_need_whole_words() {
        assert!(has_token("post-share_bar", SHARE_TOKENS));
        assert!(!has_token("shared-content", SHARE_TOKENS));
        assert!(contains_any("main-sidebar", UNLIKELY));
    }

    #[test]
    fn utility_classes_say_nothing() {
        assert_eq!(descriptive_classes("post-body"), "post-body");
        assert_eq!(descriptive_classes("overflow-hidden md:hidden post-body scroll-mt-4"), "post-body");
        assert!(!contains_any(&class_and_id(Some("prose overflow-hidden lg:hidden"), None), NEGATIVE));
        assert!(contains_any(&class_and_id(Some("sidebar-hidden"), None), NEGATIVE));
        // Drupal's field whose label is not shown is shown itself.
        assert_eq!(descriptive_classes("field field--name-body field--label-hidden"), "field field--name-body");
        assert!(!contains_any(&class_and_id(Some("field field--label-hidden field__items"), None), NEGATIVE));
        // An accordion's collapsed panel is shown expanded; how its panes' headers are aligned
        // says nothing of what it holds.
        assert_eq!(descriptive_classes("kt-accordion-panel kt-accordion-panel-hidden"), "kt-accordion-panel");
        let accordion = class_and_id(Some("kt-accordion-wrap kt-accordion-block kt-pane-header-alignment-left"), None);
        assert!(!contains_any(&accordion, UNLIKELY) && !contains_any(&accordion, NEGATIVE), "{accordion}");
        assert!(contains_any(&class_and_id(Some("site-header align-left"), None), UNLIKELY));
    }
}
