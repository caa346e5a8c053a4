//! Stage 1, metadata: title, byline, dates, site name, excerpt, language and direction, read from JSON-LD,
//! then `<meta>` tags (Dublin Core, Open Graph, Twitter, Parse.ly), then the document itself.

use std::collections::HashMap;

use serde_json::Value;

use super::patterns::{self as pat, TITLE_SEPARATORS};
use crate::dom::{line_text, Dom, NodeId};
use crate::text::normalize_space;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub modified_time: Option<String>,
    pub lead_image: Option<String>,
    /// The lead image's size as the page declares it (`og:image:width`/`height`, or JSON-LD's).
    pub lead_image_size: Option<(u32, u32)>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    /// `<link rel="canonical">` or `og:url`, as written (resolved later).
    pub canonical: Option<String>,
    /// The article's tags: `article:tag` metas, else JSON-LD `keywords` (see [`tag_list`]).
    pub tags: Vec<String>,
    /// A byline found in the page itself (`rel="author"`, `itemprop="author"`, a `.byline`), used
    /// when neither the metadata nor the article has one.
    pub page_byline: Option<String>,
    /// The dek under the title's heading, found in the prepared page (see `subtitle::find`).
    pub subtitle: Option<String>,
    /// Every `@type` of the page's JSON-LD objects (`NewsArticle`, `DiscussionForumPosting`...).
    pub ld_types: Vec<String>,
    /// The type of each of the page's microdata items (`itemtype`'s first URL, its last part:
    /// `Product`, `Answer`...), in document order.
    pub microdata_types: Vec<String>,
    /// The description of the product the page's JSON-LD describes (`Product`, `ProductGroup`):
    /// on some shops' pages, the only copy of it the page holds before its scripts run.
    pub product_description: Option<String>,
    /// The element beside the headline that says the date the header shows, and what it says
    /// (see `date_line_by_headline`): the article leaves it out.
    pub date_line: Option<(NodeId, String)>,
}

impl Metadata {
    /// Whether the page is a shop's page for a product: its structured data (JSON-LD or
    /// microdata) has a product on offer (`Product` and `Offer`), and no article (a review of
    /// products, a buying guide).
    pub fn sells_a_product(&self) -> bool {
        let has = |list: &[&str]| self.ld_types.iter().chain(&self.microdata_types).any(|t| list.contains(&t.as_str()));
        has(pat::PRODUCT_TYPES) && has(pat::OFFER_TYPES) && !has(pat::ARTICLE_TYPES)
    }
}

/// Reads the metadata of the whole (unprepared) document.
pub fn read(dom: &Dom) -> Metadata {
    let root = dom.root();
    let doc_title = dom
        .descendants(root)
        .find(|&n| dom.is(n, "title") && !dom.has_ancestor(n, "svg", 0))
        .map(|n| normalize_space(&dom.text_content(n)))
        .unwrap_or_default();
    let found = Sources::find(dom);
    let ld_values: Vec<Value> = ld_values(dom, &found.scripts).collect();
    let ld = json_ld(&ld_values, &article_title(dom, &found.h1s, &doc_title));
    let mut meta = meta_tags(dom, &found.metas);
    // Several `<meta name="author">` tags name several authors: join them.
    let authors: Vec<String> = found
        .metas
        .iter()
        .copied()
        .filter(|&m| dom.attr(m, "name").is_some_and(|n| n.trim().eq_ignore_ascii_case("author")))
        .filter_map(|m| dom.attr(m, "content").map(|c| c.trim().to_string()))
        .filter(|c| !c.is_empty() && !c.starts_with("http"))
        .fold(Vec::new(), |mut v, a| {
            if !v.contains(&a) {
                v.push(a);
            }
            v
        });
    if authors.len() > 1 {
        meta.insert("author".to_string(), authors.join(", "));
    }
    let pick = |keys: &[&str]| keys.iter().find_map(|k| meta.get(*k).filter(|v| !v.is_empty()).cloned());
    // Each `article:tag` names one tag, so the map of metas (one value a name) cannot hold them.
    let meta_tags = found
        .metas
        .iter()
        .filter(|&&m| dom.attr(m, "property").or_else(|| dom.attr(m, "name")).is_some_and(|p| pat::META_TAG.contains(&p.trim().to_ascii_lowercase().as_str())))
        .filter_map(|&m| dom.attr(m, "content"))
        .map(unescape);
    let tags = tag_list(meta_tags);

    let title = ld.title.clone().or_else(|| {
        pick(pat::META_TITLE)
    });
    let title = title.or_else(|| (!doc_title.is_empty()).then(|| article_title(dom, &found.h1s, &doc_title)));
    let site_name = ld.site_name.clone().or_else(|| pick(pat::META_SITE_NAME)).map(|t| unescape(&t));
    let title = title.map(|t| without_site_name(dom, &found.h1s, &unescape(&t), site_name.as_deref()));
    // The page's headline: its first `<h1>` that has any text.
    let h1 = found.h1s.iter().copied().find(|&h| !dom.text_content(h).trim().is_empty());
    let title = title.map(|t| h1.and_then(|h| headline(dom, h, site_name.as_deref())).filter(|h| is_headline_of(h, &t, found.h1s.len())).unwrap_or(t));

    let html = dom.element_children(root).into_iter().find(|&n| dom.is(n, "html"));
    let date_line = h1.and_then(|h| date_line_by_headline(dom, h));
    let attr_of_html = |name: &str| html.and_then(|h| dom.attr(h, name)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    let mut meta = Metadata {
        title,
        byline: ld.byline.clone().or_else(|| pick(pat::META_BYLINE).filter(|a| !a.starts_with("http"))).map(|t| unescape(&t)),
        excerpt: ld.excerpt.clone().or_else(|| {
            pick(pat::META_EXCERPT)
        }).map(|t| unescape(&t)),
        site_name,
        published_time: ld
            .published_time
            .clone()
            .or_else(|| pick(pat::META_PUBLISHED))
            .or_else(|| microdata_date(dom, &found.itemprops, "datePublished"))
            .or_else(|| first_time_in_article(dom))
            .and_then(|d| crate::dates::parse(&d))
            .or_else(|| date_line.as_ref().filter(|l| !l.updated).map(|l| l.date.clone())),
        modified_time: ld
            .modified_time
            .clone()
            .or_else(|| pick(pat::META_MODIFIED))
            .or_else(|| microdata_date(dom, &found.itemprops, "dateModified"))
            .and_then(|d| crate::dates::parse(&d))
            .or_else(|| date_line.as_ref().filter(|l| l.updated).map(|l| l.date.clone())),
        canonical: found
            .links
            .iter()
            .copied()
            .find(|&l| dom.attr(l, "rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))))
            .and_then(|l| dom.attr(l, "href"))
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .or_else(|| pick(pat::META_URL)),
        page_byline: page_byline(dom),
        tags: if tags.is_empty() { ld.tags.clone() } else { tags },
        lead_image: ld.lead_image.clone().or_else(|| pick(pat::META_IMAGE)),
        lead_image_size: if ld.lead_image.is_some() {
            ld.lead_image_size
        } else {
            let n = |k: &str| pick(&[k]).and_then(|v| v.trim().parse::<u32>().ok());
            n("og:image:width").zip(n("og:image:height"))
        },
        lang: attr_of_html("lang").or_else(|| pick(pat::META_LANG).map(|l| l.replace('_', "-"))),
        dir: attr_of_html("dir").map(|d| d.to_ascii_lowercase()).filter(|d| matches!(d.as_str(), "ltr" | "rtl" | "auto")),
        subtitle: None,
        ld_types: ld_types(&ld_values),
        microdata_types: found.itemtypes,
        product_description: ld_values
            .iter()
            .find_map(|v| find_typed(v, pat::PRODUCT_TYPES))
            .and_then(|p| p.get("description")?.as_str())
            .map(|d| d.trim().to_string())
            .filter(|d| d.contains(' ')),
        date_line: None,
    };
    // The line that says the date the header shows, which the article leaves for the header.
    let day = |d: &Option<String>| d.as_deref().map(|d| d.chars().take(10).collect::<String>());
    meta.date_line = date_line.filter(|l| [&meta.published_time, &meta.modified_time].iter().any(|d| day(d).as_deref() == Some(&l.date[..l.date.len().min(10)]))).map(|l| (l.node, l.text));
    meta
}

/// A date from microdata: `itemprop="NAME"` with `content` or `datetime`.
fn microdata_date(dom: &Dom, itemprops: &[NodeId], name: &str) -> Option<String> {
    itemprops
        .iter()
        .copied()
        .filter(|&n| dom.attr(n, "itemprop").is_some_and(|p| p.split_whitespace().any(|p| p == name)))
        .find_map(|n| dom.attr(n, "content").or_else(|| dom.attr(n, "datetime")).map(str::to_string))
}

/// The elements metadata is read from, found in one walk of the document, in document order.
struct Sources {
    metas: Vec<NodeId>,
    links: Vec<NodeId>,
    scripts: Vec<NodeId>,
    /// Elements with an `itemprop` (microdata).
    itemprops: Vec<NodeId>,
    /// The types of the page's microdata items (`itemtype`'s first URL, its last part).
    itemtypes: Vec<String>,
    /// The `<h1>` elements, whose text says which part of a joined title is the article's.
    h1s: Vec<NodeId>,
}

impl Sources {
    fn find(dom: &Dom) -> Sources {
        let mut found = Sources { metas: Vec::new(), links: Vec::new(), scripts: Vec::new(), itemprops: Vec::new(), itemtypes: Vec::new(), h1s: Vec::new() };
        for n in dom.descendants(dom.root()) {
            let Some(el) = dom.element(n) else { continue };
            match &*el.name {
                "meta" => found.metas.push(n),
                "link" => found.links.push(n),
                "script" => found.scripts.push(n),
                "h1" => found.h1s.push(n),
                _ => {}
            }
            if el.attr("itemprop").is_some() {
                found.itemprops.push(n);
            }
            if let Some(t) = el.attr("itemtype").and_then(|t| t.split_whitespace().next()?.rsplit('/').next()) {
                found.itemtypes.push(t.to_string());
            }
        }
        found
    }
}

/// The `datetime` of the first `<time>` inside an `<article>` (the article's own date line; later
/// ones are more likely comments or related stories).
fn first_time_in_article(dom: &Dom) -> Option<String> {
    dom.descendants(dom.root())
        .find(|&n| dom.is(n, "time") && dom.attr(n, "datetime").is_some() && dom.has_ancestor(n, "article", 0))
        .and_then(|n| dom.attr(n, "datetime"))
        .map(str::to_string)
}

/// A line that dates the page by its headline (see [`date_line_by_headline`]).
#[derive(Clone)]
struct DateLine {
    node: NodeId,
    /// What the line says (see [`line_text`]).
    text: String,
    /// Its date, ISO 8601.
    date: String,
    /// Whether its label says the page was updated then ("Last updated:", "Modified"), not published.
    updated: bool,
}

/// The date a page shows by its headline without marking it up ("Last updated: Dec 12, 2025"
/// in a `<div>` beside the `<h1>` `h`): the first element in the headline's box (its parent, or the
/// parent's parent and so on while the box holds at most [`pat::HEADLINE_BOX_CHARS`] of text)
/// whose whole text is a date, with a label of a few words at most before it.
fn date_line_by_headline(dom: &Dom, h: NodeId) -> Option<DateLine> {
    for b in dom.ancestors(h).take(4) {
        if dom.inner_text_len(b) > pat::HEADLINE_BOX_CHARS {
            break;
        }
        let date = dom.descendants(b).filter(|&n| n != h && !dom.is_attached_below(n, h) && dom.element(n).is_some()).find_map(|n| {
            if dom.inner_text_len(n) > pat::DATE_LINE_MAX_CHARS || dom.element_children(n).len() > 2 {
                return None;
            }
            let text = line_text(dom, n, true);
            // The date, after a label ("Published", "Last updated on:") of three words at most.
            let words: Vec<&str> = text.split_whitespace().collect();
            let start = (0..words.len().min(4)).find(|&i| crate::dates::opens_with_date(&words[i..].join(" ")))?;
            let updated = words[..start].iter().any(|w| pat::UPDATED_LABELS.iter().any(|l| w.to_lowercase().starts_with(l)));
            crate::dates::parse(&words[start..].join(" ")).map(|date| DateLine { node: n, text: text.clone(), date, updated })
        });
        if date.is_some() {
            return date;
        }
    }
    None
}

/// The first visible-byline element of the page, outside comment sections.
fn page_byline(dom: &Dom) -> Option<String> {
    for n in dom.descendants(dom.root()) {
        let Some(el) = dom.element(n) else { continue };
        let m = pat::class_and_id(el.attr("class"), el.attr("id"));
        let marked = el.attr("rel") == Some("author")
            || el.attr("itemprop").is_some_and(|p| p.contains("author"))
            || pat::contains_any(&m, pat::BYLINE);
        if !marked || dom.is(n, "meta") || dom.is(n, "link") || dom.is(n, "body") || dom.is(n, "html") {
            continue;
        }
        let in_comments = {
            let mut p = dom.parent(n);
            let mut found = false;
            while let Some(a) = p {
                if pat::class_and_id(dom.attr(a, "class"), dom.attr(a, "id")).contains("comment") {
                    found = true;
                    break;
                }
                p = dom.parent(a);
            }
            found
        };
        if in_comments {
            continue;
        }
        let name = dom.descendants(n).find(|&c| dom.attr(c, "itemprop").is_some_and(|p| p.contains("name"))).unwrap_or(n);
        let text = line_text(dom, name, true);
        let len = text.chars().count();
        if len > 0 && len < pat::BYLINE_MAX_CHARS {
            return Some(text);
        }
    }
    None
}

/// A byline without what sites wrap around the names: a leading label ("By", "Written by:",
/// "Posted by", "View all posts by"), and what follows the names: a date, a time, a separator, an
/// address, the words "Published", "Updated", "Reviewed by", a job ("Keith Barry Senior Autos
/// Reporter", "Jane Doe — 4 May 2024, 10:02"). `None` when nothing name-like is left (a lone
/// weekday or month, "Last updated:", a label alone: "Written by", "About the Author").
pub fn clean_byline(raw: &str) -> Option<String> {
    let text = normalize_space(raw);
    let mut rest = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '"' && c != '\'');
    // Labels, each followed by a space or a colon: "Written By: Jane", "By Jane".
    'labels: loop {
        for label in pat::BYLINE_PREFIXES {
            let Some(head) = rest.get(..label.len()).filter(|h| h.eq_ignore_ascii_case(label)) else { continue };
            let after = &rest[head.len()..];
            if after.starts_with([' ', ':']) {
                rest = after.trim_start_matches([' ', ':']);
                continue 'labels;
            }
        }
        break;
    }
    let words: Vec<&str> = rest.split(' ').collect();
    let plain = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let capitalized = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    let mut end = words.len();
    for i in 1..words.len() {
        let w = plain(words[i]);
        let next_has_digit = words.get(i + 1).is_some_and(|n| n.chars().any(|c| c.is_ascii_digit()));
        let is_month = crate::dates::MONTHS.iter().any(|m| w.starts_with(m)) && w.len() <= 9;
        // A job after two words of name or more, capitalized up to its last word ("Tech Reporter",
        // "Former Deputy Tech Editor").
        let job = i >= 2 && (i..words.len().min(i + 4)).any(|j| pat::BYLINE_JOBS.contains(&plain(words[j]).as_str()) && words[i..=j].iter().all(|w| capitalized(w)));
        if pat::WEEKDAYS.contains(&w.as_str())
            || words[i].starts_with(|c: char| c.is_ascii_digit())
            || (is_month && next_has_digit)
            || matches!(words[i], "-" | "–" | "—" | "|" | "•" | "·" | "/")
            || pat::BYLINE_ENDS.contains(&w.as_str())
            || words[i].contains('@')
            || job
        {
            end = i;
            break;
        }
    }
    let mut words = &words[..end];
    // "Jane Doe on" (a date followed), "Jane Doe|".
    if words.len() > 1 && words[words.len() - 1] == "on" {
        words = &words[..words.len() - 1];
    }
    let out = words.join(" ").replace(" ,", ",").replace(" .", ".");
    let out = out.trim_end_matches(|c: char| c == ',' || c == '-' || c == '|' || c == '—' || c == '–' || c == '·' || c == '•' || c.is_whitespace());
    let lower = plain(out);
    // "Sat", "Dec.", "August": what was left of a date.
    let only_a_date_word = pat::WEEKDAYS.contains(&lower.as_str()) || pat::DATE_WORDS.contains(&lower.as_str()) || crate::dates::MONTHS.contains(&lower.as_str());
    let only_a_label = pat::BYLINE_PREFIXES.iter().chain(pat::BYLINE_LABELS).any(|l| l.eq_ignore_ascii_case(&lower)) || pat::BYLINE_ENDS.contains(&lower.as_str());
    if out.is_empty() || only_a_date_word || only_a_label || out.ends_with(':') || out.starts_with('[') || !out.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(out.to_string())
}

/// `<meta>` values keyed by lower-cased `name` or each of the space-separated `property` values.
fn meta_tags(dom: &Dom, metas: &[NodeId]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for &m in metas {
        let Some(content) = dom.attr(m, "content").map(|c| c.trim().to_string()) else { continue };
        // As in Readability, a later tag overrides an earlier one, and `name` counts only on a tag
        // without `property`.
        if let Some(props) = dom.attr(m, "property") {
            for p in props.split_whitespace() {
                out.insert(p.to_lowercase(), content.clone());
            }
        } else if let Some(name) = dom.attr(m, "name").or_else(|| dom.attr(m, "itemprop")) {
            let key: String = name.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect::<String>().replace('.', ":");
            out.insert(key, content.clone());
        } else if let Some(equiv) = dom.attr(m, "http-equiv") {
            out.insert(equiv.to_lowercase(), content.clone());
        }
    }
    out
}

/// The page's JSON-LD, each script that parses as one value.
fn ld_values<'a>(dom: &'a Dom, scripts: &'a [NodeId]) -> impl Iterator<Item = Value> + 'a {
    scripts.iter().filter(|&&s| dom.attr(s, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))).filter_map(|&script| {
        let raw = dom.text_content(script);
        let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        serde_json::from_str::<Value>(raw).ok()
    })
}

fn json_ld(values: &[Value], doc_title: &str) -> Metadata {
    values.iter().find_map(|v| find_article(v).map(|a| from_ld(a, doc_title))).unwrap_or_default()
}

/// Every `@type` named in the page's JSON-LD, at any depth.
fn ld_types(values: &[Value]) -> Vec<String> {
    let mut types = Vec::new();
    for value in values {
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items),
                Value::Object(map) => {
                    match map.get("@type") {
                        Some(Value::String(t)) => types.push(t.clone()),
                        Some(Value::Array(ts)) => types.extend(ts.iter().filter_map(Value::as_str).map(str::to_string)),
                        _ => {}
                    }
                    stack.extend(map.values().filter(|v| v.is_array() || v.is_object()));
                }
                _ => {}
            }
        }
    }
    types
}

/// The first JSON-LD object (at the top, in an array or in `@graph`) whose type is an article.
fn find_article(v: &Value) -> Option<&Value> {
    find_typed(v, pat::ARTICLE_TYPES)
}

/// The first JSON-LD object (at the top, in an array or in `@graph`) whose type is one of `types`.
fn find_typed<'a>(v: &'a Value, types: &[&str]) -> Option<&'a Value> {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                let wanted = match map.get("@type") {
                    Some(Value::String(t)) => types.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
                    _ => false,
                };
                if wanted {
                    return Some(v);
                }
                if let Some(g) = map.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    None
}

fn from_ld(a: &Value, doc_title: &str) -> Metadata {
    let s = |k: &str| a.get(k).and_then(Value::as_str).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let name = s("name");
    let headline = s("headline");
    // Both present: prefer the one that resembles the page title (some sites put the site name in
    // `name`).
    let title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            let n_sim = crate::text::similarity(&n, doc_title);
            let h_sim = crate::text::similarity(&h, doc_title);
            Some(if h_sim > pat::SAME_TITLE_SIMILARITY && n_sim <= pat::SAME_TITLE_SIMILARITY { h } else { n })
        }
        (n, h) => n.or(h),
    };
    let names = |v: &Value| -> Option<String> {
        let one = |x: &Value| x.as_str().map(str::to_string).or_else(|| x.get("name").and_then(Value::as_str).map(str::to_string));
        let list: Vec<String> = match v {
            Value::Array(items) => items.iter().filter_map(one).collect(),
            other => one(other).into_iter().collect(),
        };
        let list: Vec<String> = list.into_iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect();
        (!list.is_empty()).then(|| list.join(", "))
    };
    let image = a.get("image").and_then(|i| match i {
        Value::String(u) => Some(u.clone()),
        Value::Array(items) => items.first().and_then(|x| x.as_str().map(str::to_string).or_else(|| x.get("url").and_then(Value::as_str).map(str::to_string))),
        obj => obj.get("url").and_then(Value::as_str).map(str::to_string),
    });
    Metadata {
        title,
        byline: a.get("author").and_then(names),
        excerpt: s("description"),
        site_name: a.get("publisher").and_then(|p| p.get("name")).and_then(Value::as_str).map(str::to_string),
        published_time: s("datePublished"),
        modified_time: s("dateModified"),
        lead_image: image,
        lead_image_size: a.get("image").and_then(|i| {
            let i = if let Value::Array(items) = i { items.first()? } else { i };
            let n = |k: &str| i.get(k).and_then(|v| v.as_u64().or_else(|| v.as_str()?.trim().parse().ok())).and_then(|v| u32::try_from(v).ok());
            n("width").zip(n("height"))
        }),
        lang: s("inLanguage"),
        dir: None,
        canonical: s("url"),
        page_byline: None,
        subtitle: None,
        ld_types: Vec::new(),
        microdata_types: Vec::new(),
        product_description: None,
        date_line: None,
        tags: match a.get("keywords") {
            Some(Value::String(k)) => tag_list(k.split(',').map(str::to_string)),
            Some(Value::Array(items)) => tag_list(items.iter().filter_map(Value::as_str).map(str::to_string)),
            _ => Vec::new(),
        },
    }
}

/// Tags as the article carries them: each trimmed and folded to single spaces, none empty or
/// longer than [`pat::TAG_MAX_CHARS`], each once (ignoring case), at most [`pat::MAX_TAGS`].
pub fn tag_list(raw: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw.into_iter().map(|t| normalize_space(&t)) {
        if tags.len() == pat::MAX_TAGS {
            break;
        }
        let fits = !tag.is_empty() && tag.chars().count() <= pat::TAG_MAX_CHARS;
        if fits && !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag);
        }
    }
    tags
}

/// The article's title from the document `<title>`, without the site name around it
/// ("Story | Site", "Site: Story"), following Readability's rules; `h1s` are the page's `<h1>`s.
pub fn article_title(dom: &Dom, h1s: &[NodeId], doc_title: &str) -> String {
    let orig = doc_title.trim();
    // Counting CJK characters as words, so that "長い記事の題名 - サイト" is not "too short".
    let words = |s: &str| crate::text::word_count(s);
    let is_sep = |c: char| TITLE_SEPARATORS.contains(&c);
    let mut hierarchical = false;
    let mut cur = orig.to_string();
    let separated = spaced_separators(orig).next().is_some();
    if separated {
        // "/", "\\", ">" and "»" nest sections ("Site » News » Story"); "|" and dashes only join.
        hierarchical = spaced_separators(orig).any(|(i, _)| orig[i..].starts_with(['\\', '/', '>', '»']));
        // Everything before the last separator that a space follows.
        let last = orig
            .char_indices()
            .filter(|&(i, c)| is_sep(c) && orig[i + c.len_utf8()..].starts_with(' '))
            .map(|(i, _)| i)
            .next_back()
            .unwrap_or(orig.len());
        cur = orig[..last].to_string();
        if words(&cur) < 3 && !h1_says(dom, h1s, &cur) {
            // Too short, and not what the page's heading says ("Ash-glazed mug | Shop" over an
            // <h1> "Ash-glazed mug" keeps it): take what follows the first separator instead
            // ("Site | A Longer Story").
            if let Some((i, c)) = orig.char_indices().find(|&(_, c)| is_sep(c)) {
                cur = orig[i + c.len_utf8()..].to_string();
            }
        }
    } else if orig.contains(": ") {
        let headings: Vec<NodeId> = dom.descendants(dom.root()).filter(|&n| dom.is(n, "h1") || dom.is(n, "h2")).collect();
        let matches_heading = headings.iter().any(|&h| dom.text_content(h).trim() == orig);
        if !matches_heading {
            let last = orig.rfind(':').unwrap_or(0);
            cur = orig[last + 1..].to_string();
            if words(&cur) < 3 {
                let first = orig.find(':').unwrap_or(0);
                cur = orig[first + 1..].to_string();
            } else if words(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.to_string();
            }
        }
    } else if (orig.chars().count() > 150 || orig.chars().count() < 15) && h1s.len() == 1 {
        cur = dom.text_content(h1s[0]);
    }
    let cur = normalize_space(&cur);
    let cur_words = words(&cur);
    let stripped_words = words(&orig.chars().filter(|&c| !is_sep(c)).collect::<String>());
    if cur_words <= 4 && (!hierarchical || cur_words + 1 != stripped_words) {
        // A short part of a joined title is still the title when the page's own heading says
        // exactly that ("Why Lighthouses Went Dark | Coast Notes" over an <h1> that says
        // "Why Lighthouses Went Dark").
        if !separated || !h1_says(dom, h1s, &cur) || cur.is_empty() {
            return orig.to_string();
        }
    }
    cur
}

/// The title without the site's name joined to it ("Kayaks | REI Co-op", "Sudo - ArchWiki", from
/// whichever source gave the title): the first part when the page's `<h1>` says it, or the part
/// that is not the site's name, of a title joined by a spaced separator ("a | b", not "e-mail").
fn without_site_name(dom: &Dom, h1s: &[NodeId], title: &str, site_name: Option<&str>) -> String {
    let spaced: Vec<(usize, usize)> = spaced_separators(title).collect();
    let site = |part: &str| site_name.is_some_and(|s| !s.trim().is_empty() && normalize_space(part).eq_ignore_ascii_case(&normalize_space(s)));
    // The last separator parts "Story | Site"; the first, "Site | Story".
    for (at, end) in [spaced.last(), spaced.first()].into_iter().flatten().copied() {
        let (a, b) = (title[..at].trim(), title[end..].trim());
        if a.is_empty() || b.is_empty() {
            continue;
        }
        if h1_says(dom, h1s, a) || site(b) {
            return a.to_string();
        }
        // (Not for an <h1> saying the second part: that is as often the site's logo, "The Rust
        // Programming Language" over a chapter whose own heading says something else.)
        if site(a) {
            return b.to_string();
        }
    }
    // An undeclared name after the last separator that joins ("Weekend Coding Agent | TheFocus.AI
    // Labs", "How meditation rewires brains | Opinion"): three words at most, no number (not "March
    // 2026", not "Part 1"), after three words or more.
    let last_join = title
        .char_indices()
        .filter(|&(i, c)| pat::JOINING_SEPARATORS.contains(&c) && title[..i].ends_with(' ') && title[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .next_back();
    if let Some((at, end)) = last_join {
        let words = |s: &str| s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        let (a, b) = (title[..at].trim(), title[end..].trim());
        if words(a) >= 3 && (1..=pat::SITE_NAME_MAX_WORDS).contains(&words(b)) && !b.chars().any(|c| c.is_ascii_digit()) {
            return a.to_string();
        }
    }
    title.to_string()
}

/// Where `title` has a separator ([`TITLE_SEPARATORS`]) with a space on each side ("a - b", not
/// "e-mail"): each one's start and end.
fn spaced_separators(title: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    title
        .char_indices()
        .filter(|&(i, c)| TITLE_SEPARATORS.contains(&c) && title[..i].ends_with(' ') && title[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| (i, i + c.len_utf8()))
}

/// The text of the page's headline, its `<h1>` `h` (see [`heading_text`]), unless
/// that is the site's name (the logo as a heading: its name, or a link to the site's home).
fn headline(dom: &Dom, h: NodeId, site_name: Option<&str>) -> Option<String> {
    // (Unescaped as the metadata is: a page may escape an entity twice, "SQL &amp;#x26; AI".)
    let text = unescape(&heading_text(dom, h));
    let home = |n: NodeId| dom.attr(n, "href").map(str::trim).is_some_and(|href| matches!(href, "/" | "./") || href.starts_with("http") && href.trim_end_matches('/').matches('/').count() <= 2);
    let logo = site_name.is_some_and(|s| normalize_space(s).eq_ignore_ascii_case(&text))
        || dom.ancestors(h).take(3).any(|a| dom.is(a, "a") && home(a))
        || dom.elements_named(h, "a").into_iter().any(|a| home(a) && normalize_space(&dom.text_content(a)) == text);
    (!logo && !text.is_empty()).then_some(text)
}

/// What heading `h` says to a reader (see [`line_text`]), without a permalink's symbol (`¶`, `#`,
/// `§`) at its end.
fn heading_text(dom: &Dom, h: NodeId) -> String {
    let text = line_text(dom, h, false);
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '¶' | '#' | '§')).to_string()
}

/// Whether `headline`, the page's `<h1>` (one of `h1s` of them), is the article's title that the
/// metadata's `title` says otherwise, and so the one to show:
/// - the title's start, of two words or more (the title adds a year, a pitch: "Average Cost of
///   College [2025]: Yearly Fees" over "Average Cost of College", "Air Fryer Recipes Archives"
///   over "Air Fryer Recipes"), or a phrase of it that punctuation bounds with one word before it
///   at most ("Amazon.com: Wireless Headphones"; not "The Long Book of Boats" out of "Chapter One
///   - The Long Book of Boats", which may be the site's name);
/// - or the page's only `<h1>`, of three words or more, half of them in the title: the story
///   headlined otherwise for search engines.
///
/// Never another part of the title ("What is Ownership? - The Rust Programming Language"): that
/// is the site's name, in a heading of the page's menu; nor a heading in capitals where the title
/// has small letters.
fn is_headline_of(headline: &str, title: &str, h1s: usize) -> bool {
    let words = |s: &str| -> Vec<String> { s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect() };
    let (h, t) = (words(headline), words(title));
    if h.is_empty() || h == t || !headline.bytes().any(|b| b.is_ascii_lowercase()) && title.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let runs_in_title = (0..(t.len() + 1).saturating_sub(h.len())).any(|k| t[k..k + h.len()] == h[..]);
    if runs_in_title {
        let (lower_h, lower_t) = (headline.to_lowercase(), normalize_space(title).to_lowercase());
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let words_before = |before: &str| before.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        let bounded = |before: &str, after: &str| edge(before.trim_end().chars().next_back()) && edge(after.trim_start().chars().next()) && words_before(before) <= 1;
        return h.len() >= 2 && (t.starts_with(&h) || lower_t.match_indices(lower_h.as_str()).any(|(i, m)| bounded(&lower_t[..i], &lower_t[i + m.len()..])));
    }
    let shared = h.iter().filter(|w| t.contains(w)).count();
    h1s == 1 && h.len() >= 3 && shared * 2 >= h.len()
}

/// Whether one of the `<h1>`s `h1s` says exactly `text` (spaces and case aside).
fn h1_says(dom: &Dom, h1s: &[NodeId], text: &str) -> bool {
    let text = normalize_space(text);
    h1s.iter().any(|&h| normalize_space(&dom.text_content(h)).eq_ignore_ascii_case(&text))
}

/// Decodes the few HTML entities that sites leave escaped inside metadata strings.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.bytes().take(12).position(|b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            // A malformed number is left as it is; a number that is not a character (zero,
            // a surrogate, past U+10FFFF) becomes U+FFFD, as browsers decode it.
            e if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(&e[2..], 16).ok().map(|n| char::from_u32(n).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'))
            }
            e if e.starts_with('#') => e[1..].parse::<u32>().ok().map(|n| char::from_u32(n).filter(|&c| c != '\0').unwrap_or('\u{FFFD}')),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn unescape_stops_at_character_boundaries() {
        assert_eq!(unescape("&aaaaaaaaaaé; &amp; x"), "&aaaaaaaaaaé; & x");
        assert_eq!(unescape("Tom &amp; Jerry&"), "Tom & Jerry&");
    }

    use super::*;

    /// The title read from a page of `head` and `body`.
    fn title_of(head: &str, body: &str) -> String {
        read(&Dom::parse_document(&format!("<html><head>{head}</head><body>{body}</body></html>"))).title.unwrap_or_default()
    }

    #[test]
    fn title_loses_site_name() {
        let dom = Dom::parse_document("<title>A Long Story About Rust Compilers | The Daily Site</title>");
        assert_eq!(read(&dom).title.as_deref(), Some("A Long Story About Rust Compilers"));
    }

    #[test]
    fn a_title_from_any_source_loses_the_site_name_the_page_or_its_heading_shows() {
        let title = title_of;
        // The site's name, from og:site_name, after or before the title in og:title.
        let site = "<meta property='og:site_name' content='REI Co-op'>";
        assert_eq!(title(&format!("{site}<meta property='og:title' content='Kayaks | REI Co-op'>"), ""), "Kayaks");
        assert_eq!(title(&format!("{site}<meta property='og:title' content='REI Co-op - Kayaks'>"), ""), "Kayaks");
        // The part the page's <h1> says, however short.
        assert_eq!(title("<title>Sudo - ArchWiki</title>", "<h1>Sudo</h1>"), "Sudo");
        assert_eq!(title("<title>Ash-glazed mug | Harbour Pottery</title>", "<h1>Ash-glazed mug</h1>"), "Ash-glazed mug");
        assert_eq!(title("<title>What is Ownership? - The Rust Programming Language</title>", "<h1>The Rust Programming Language</h1><h1>What is Ownership?</h1>"), "What is Ownership?");
        // An <h1> saying the second part is the site's logo as often as not: the title stays whole.
        assert_eq!(title("<meta property='og:title' content='Chapter One - The Long Book of Boats'>", "<h1>The Long Book of Boats</h1>"), "Chapter One - The Long Book of Boats");
        // Nothing to go: a hyphen inside a word, a name that is not the site's.
        assert_eq!(title(&format!("{site}<meta property='og:title' content='E-mail etiquette for paddlers'>"), ""), "E-mail etiquette for paddlers");
        assert_eq!(title(&format!("{site}<meta property='og:title' content='Kayaks - Sea and River'>"), ""), "Kayaks - Sea and River");
        // An undeclared name of three words at most after the last joining separator, after three
        // words or more: the site's, a section's. Not a number ("March 2026"), not after fewer words.
        assert_eq!(title("<meta property='og:title' content='Weekend Coding Agent | TheFocus.AI Labs'>", ""), "Weekend Coding Agent");
        assert_eq!(title("<meta property='og:title' content='A brief intro to git • Cory Dransfeldt'>", ""), "A brief intro to git");
        assert_eq!(title("<meta property='og:title' content='The Best Cheap Earbuds under $50 - March 2026'>", ""), "The Best Cheap Earbuds under $50 - March 2026");
        assert_eq!(title("<meta property='og:title' content='Minecraft 1.8 - The Bountiful Update'>", ""), "Minecraft 1.8 - The Bountiful Update");
        assert_eq!(title("<meta property='og:title' content='Visual Studio Code - The open source AI code editor'>", ""), "Visual Studio Code - The open source AI code editor");
    }

    #[test]
    fn the_pages_own_headline_is_the_title_when_the_metadata_says_it_with_more() {
        let title = title_of;
        // The title's start, the rest a year and a pitch; a phrase after a one-word name.
        assert_eq!(title("<title>Average Cost of Online College [2025]: Yearly Tuition + Fees</title>", "<h1>Average Cost of Online College</h1>"), "Average Cost of Online College");
        assert_eq!(title("<title>Air Fryer Recipes Archives</title>", "<h1>Air Fryer Recipes</h1>"), "Air Fryer Recipes");
        assert_eq!(title("<title>Amazon.com: Wireless Headphones, 50H Playtime</title>", "<h1>Wireless Headphones</h1>"), "Wireless Headphones");
        // The heading as a reader sees it: a permalink's symbol, its date line and an animation's
        // copy hidden from assistive technology left out, a line break a space.
        assert_eq!(title("<title>Advanced Usage — Requests 2.33 documentation</title>", "<h1>Advanced Usage<a class='headerlink' href='#advanced-usage'>¶</a></h1>"), "Advanced Usage");
        assert_eq!(title("<title>Preparing a transition in Debusine | Colin's notes</title>", "<h1><a href='/blog/debusine.html'><time datetime='2025-12-18'>Dec 18 2025</time> Preparing a transition in Debusine</a></h1>"), "Preparing a transition in Debusine");
        assert_eq!(title("<title>The system for product development</title>", "<h1><span aria-hidden='true'><span>The product</span><span>development</span></span><span class='sr-only'>The product development system for teams</span></h1>"), "The product development system for teams");
        assert_eq!(title("<title>News Product Management Certification | Course</title>", "<h1>News Product<br>Management Certification</h1>"), "News Product Management Certification");
        // An entity the page escaped twice reads as the title's does.
        assert_eq!(title("<title>Data Tools for 2026 | Python, SQL &amp; AI</title>", "<h1>Data Tools for 2026 | Python, SQL &amp;#x26; AI</h1>"), "Data Tools for 2026 | Python, SQL & AI");
        // The page's only heading, headlining the same story otherwise.
        assert_eq!(
            title("<title>The Most Popular Workout of 2024 & 5 Trends to Watch</title>", "<h1>The No. 1 most popular workout of 2024, and 5 fitness trends to expect</h1>"),
            "The No. 1 most popular workout of 2024, and 5 fitness trends to expect"
        );
        // ... not one of two headings, nor one that says something else.
        assert_eq!(title("<title>The Most Popular Workout of 2024</title>", "<h1>The No. 1 most popular workout of 2024</h1><h1>Newsletter</h1>"), "The Most Popular Workout of 2024");
        assert_eq!(title("<title>Best Cloud Computing Stocks of 2025</title>", "<h1>Investing in the sky: what to buy</h1>"), "Best Cloud Computing Stocks of 2025");
        // The site's logo as the heading, a heading in capitals, a later part of the title: the
        // title stays.
        assert_eq!(title("<title>Daily Planet Story About Rust Compilers</title>", "<h1><a href='/'>Daily Planet</a></h1>"), "Daily Planet Story About Rust Compilers");
        assert_eq!(title("<title>Best Drip Coffee Maker 2026: Buying Tips</title>", "<h1>BEST DRIP COFFEE MAKER 2026</h1>"), "Best Drip Coffee Maker 2026: Buying Tips");
        assert_eq!(title("<title>Serverless Functions, FaaS Serverless - AWS Lambda - AWS</title>", "<h1>AWS Lambda</h1>"), "Serverless Functions, FaaS Serverless");
    }

    #[test]
    fn a_date_line_beside_the_headline_dates_the_page() {
        let meta = |body: &str| read(&Dom::parse_document(&format!("<html><head><title>Keepers</title></head><body>{body}</body></html>")));
        let prose = "<p>The last keepers left the rock in the spring, and their logbooks went to the county archive with the lamp's brass fittings and the foghorn's manual, where anyone may read them on weekdays.</p>".repeat(5);
        // In the headline's box, before or after it, with a label or without; the article's own
        // paragraphs are not searched.
        let a = meta(&format!("<article><header><h1>Keepers</h1><p class='date'>February 9, 2016</p></header>{prose}</article>"));
        assert_eq!(a.published_time.as_deref(), Some("2016-02-09"));
        let a = meta(&format!("<div class='hero'><div><span>Published</span> <span>Dec. 19, 2025</span></div><h1>Keepers</h1></div>{prose}"));
        assert_eq!(a.published_time.as_deref(), Some("2025-12-19"));
        // "Last updated" dates the update, which the header shows as such.
        let a = meta(&format!("<div class='hero'><h1>Keepers</h1><div>Last updated on: 12 November 2025</div></div>{prose}"));
        assert_eq!((a.published_time.as_deref(), a.modified_time.as_deref()), (None, Some("2025-11-12")));
        // A date inside a sentence, or beyond the headline's box, dates nothing.
        let a = meta(&format!("<div class='hero'><h1>Keepers</h1><p>The keepers left on 3 May 2019 after ninety years.</p></div>{prose}"));
        assert_eq!(a.published_time, None);
        let a = meta(&format!("<main><h1>Keepers</h1>{prose}<p>March 3, 2020</p></main>"));
        assert_eq!(a.published_time, None);
    }

    #[test]
    fn bylines_lose_prefixes_and_dates() {
        let clean = |s: &str| clean_byline(s).unwrap_or_default();
        assert_eq!(clean("By Corey Kilgannon"), "Corey Kilgannon");
        assert_eq!(clean("Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC"), "Joe Wee");
        assert_eq!(clean("Dan Goodin - Apr 16, 2015 8:02 pm UTC"), "Dan Goodin");
        assert_eq!(clean("Nicolas Perriault —"), "Nicolas Perriault");
        assert_eq!(clean("April Ryan and June Carter"), "April Ryan and June Carter");
        assert_eq!(clean("Ines Moreau, Tomasz Wrobel"), "Ines Moreau, Tomasz Wrobel");
        assert_eq!(clean_byline("Sunday, Feb 1, 2015 11:57 AM UTC"), None);
        assert_eq!(clean_byline("Last Updated: January 7, 2025"), None);
    }

    #[test]
    fn bylines_lose_labels_jobs_and_what_follows_the_names() {
        let clean = |s: &str| clean_byline(s).unwrap_or_default();
        // Labels, with a colon, one after another, and what is left of a separator before them.
        assert_eq!(clean("Written By: Celeste Longacre"), "Celeste Longacre");
        assert_eq!(clean("Posted By: Kiersten"), "Kiersten");
        assert_eq!(clean("View all posts by Ray Ansari"), "Ray Ansari");
        assert_eq!(clean("Text by Hunter Dukes"), "Hunter Dukes");
        assert_eq!(clean("& Zackery Cuevas"), "Zackery Cuevas");
        // What follows the names: publishing words, an address, a job.
        assert_eq!(clean("Reyan Perumal Published on"), "Reyan Perumal");
        assert_eq!(clean("Benjamin Preston Updated by Jon Linkov"), "Benjamin Preston");
        assert_eq!(clean("Texas Mattress Makers Reviewed by Youval Meicler"), "Texas Mattress Makers");
        assert_eq!(clean("Newsdesk news@example.co.uk"), "Newsdesk");
        assert_eq!(clean("BeauHD from the skewed-job-market dept."), "BeauHD");
        assert_eq!(clean("FlowGuard EMEA on"), "FlowGuard EMEA");
        assert_eq!(clean("Rachel MacDonald Writer"), "Rachel MacDonald");
        assert_eq!(clean("Keith Barry Senior Autos Reporter"), "Keith Barry");
        assert_eq!(clean("Will Judd Former Deputy Tech Editor"), "Will Judd");
        // A name that only looks like one of those words stays whole.
        assert_eq!(clean("Audiophile On"), "Audiophile On");
        assert_eq!(clean("Marcus Mayer"), "Marcus Mayer");
        assert_eq!(clean("Staff"), "Staff");
        assert_eq!(clean("Shelby Loos, DVM"), "Shelby Loos, DVM");
        // Nothing left that names anyone: a label alone, a word of a date.
        for nobody in ["By", "Written By", "Author", "About the Author", "Updated", "Dec.", "Sat", "August", "[Submitted on"] {
            assert_eq!(clean_byline(nobody), None, "{nobody}");
        }
    }

    #[test]
    fn entities_decode() {
        assert_eq!(unescape("Tom &amp; Jerry &#39;s &#x41; &bogus; &"), "Tom & Jerry 's A &bogus; &");
        assert_eq!(unescape("&#xg; &#x1F62D; &#xFFFFFFFF; &#x0;"), "&#xg; 😭 \u{FFFD} \u{FFFD}");
    }
}
