//! Metadata: title, byline, dates, site name, excerpt, language and direction, read from JSON-LD,
//! then `<meta>` tags (Dublin Core, Open Graph, Twitter, Parse.ly), then the document itself.

use std::collections::HashMap;

use serde_json::Value;

use crate::dom::{normalize_space, Dom, NodeId};
use crate::patterns::TITLE_SEPARATORS;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub modified_time: Option<String>,
    pub lead_image: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
}

/// schema.org types whose JSON-LD describes an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
    "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
    "APIReference",
];

/// Reads the metadata of the whole (unprepared) document.
pub fn read(dom: &Dom) -> Metadata {
    let root = dom.root();
    let doc_title = dom
        .descendants(root)
        .find(|&n| dom.is(n, "title") && !dom.has_ancestor(n, "svg", 0))
        .map(|n| normalize_space(&dom.text_content(n)))
        .unwrap_or_default();
    let ld = json_ld(dom, &article_title(dom, &doc_title));
    let meta = meta_tags(dom);
    let pick = |keys: &[&str]| keys.iter().find_map(|k| meta.get(*k).filter(|v| !v.is_empty()).cloned());

    let title = ld.title.clone().or_else(|| {
        pick(&["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"])
    });
    let title = title.or_else(|| (!doc_title.is_empty()).then(|| article_title(dom, &doc_title)));

    let html = dom.element_children(root).into_iter().find(|&n| dom.is(n, "html"));
    let attr_of_html = |name: &str| html.and_then(|h| dom.attr(h, name)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    Metadata {
        title: title.map(|t| unescape(&t)),
        byline: ld.byline.clone().or_else(|| pick(&["dc:creator", "dcterm:creator", "author", "parsely-author", "article:author"]).filter(|a| !a.starts_with("http"))).map(|t| unescape(&t)),
        excerpt: ld.excerpt.clone().or_else(|| {
            pick(&["dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"])
        }).map(|t| unescape(&t)),
        site_name: ld.site_name.clone().or_else(|| pick(&["og:site_name"])).map(|t| unescape(&t)),
        published_time: ld.published_time.clone().or_else(|| pick(&["article:published_time", "parsely-pub-date", "dc:date", "dcterm:date", "date"])),
        modified_time: ld.modified_time.clone().or_else(|| pick(&["article:modified_time", "og:updated_time"])),
        lead_image: ld.lead_image.clone().or_else(|| pick(&["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"])),
        lang: attr_of_html("lang").or_else(|| pick(&["og:locale", "content-language"]).map(|l| l.replace('_', "-"))),
        dir: attr_of_html("dir").map(|d| d.to_ascii_lowercase()).filter(|d| matches!(d.as_str(), "ltr" | "rtl" | "auto")),
    }
}

/// `<meta>` values keyed by lower-cased `name` or each of the space-separated `property` values.
fn meta_tags(dom: &Dom) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for m in dom.elements_named(dom.root(), "meta") {
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

fn json_ld(dom: &Dom, doc_title: &str) -> Metadata {
    for script in dom.elements_named(dom.root(), "script") {
        if !dom.attr(script, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let raw = dom.text_content(script);
        let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<Value>(raw) else { continue };
        if let Some(article) = find_article(&value) {
            return from_ld(article, doc_title);
        }
    }
    Metadata::default()
}

/// The first JSON-LD object (at the top, in an array or in `@graph`) whose type is an article.
fn find_article(v: &Value) -> Option<&Value> {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                let is_article = match map.get("@type") {
                    Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                    _ => false,
                };
                if is_article {
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
            Some(if h_sim > 0.75 && n_sim <= 0.75 { h } else { n })
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
        lang: s("inLanguage"),
        dir: None,
    }
}

/// The article's title from the document `<title>`, without the site name around it
/// ("Story | Site", "Site: Story"), following Readability's rules.
pub fn article_title(dom: &Dom, doc_title: &str) -> String {
    let orig = doc_title.trim();
    let words = |s: &str| s.split_whitespace().count();
    let is_sep = |c: char| TITLE_SEPARATORS.contains(&c);
    // Separators with a space on each side ("a - b", not "e-mail").
    let spaced = |pred: &dyn Fn(char) -> bool| {
        orig.char_indices().any(|(i, c)| pred(c) && orig[..i].ends_with(' ') && orig[i + c.len_utf8()..].starts_with(' '))
    };
    let mut hierarchical = false;
    let mut cur = orig.to_string();
    if spaced(&is_sep) {
        // "/", "\\", ">" and "»" nest sections ("Site » News » Story"); "|" and dashes only join.
        hierarchical = spaced(&|c| matches!(c, '\\' | '/' | '>' | '»'));
        // Everything before the last separator that a space follows.
        let last = orig
            .char_indices()
            .filter(|&(i, c)| is_sep(c) && orig[i + c.len_utf8()..].starts_with(' '))
            .map(|(i, _)| i)
            .last()
            .unwrap_or(orig.len());
        cur = orig[..last].to_string();
        if words(&cur) < 3 {
            // Too short: take what follows the first separator instead ("Site | A Longer Story").
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
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        let h1s = dom.elements_named(dom.root(), "h1");
        if h1s.len() == 1 {
            cur = dom.text_content(h1s[0]);
        }
    }
    let cur = normalize_space(&cur);
    let cur_words = words(&cur);
    let stripped_words = words(&orig.chars().filter(|&c| !is_sep(c)).collect::<String>());
    if cur_words <= 4 && (!hierarchical || cur_words + 1 != stripped_words) {
        return orig.to_string();
    }
    cur
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
        let Some(end) = rest[..rest.len().min(12)].find(';') else {
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
            e if e.starts_with("#x") || e.starts_with("#X") => u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse::<u32>().ok().and_then(char::from_u32),
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
    use super::*;

    #[test]
    fn title_loses_site_name() {
        let dom = Dom::parse_document("<title>A Long Story About Rust Compilers | The Daily Site</title>");
        assert_eq!(read(&dom).title.as_deref(), Some("A Long Story About Rust Compilers"));
    }

    #[test]
    fn entities_decode() {
        assert_eq!(unescape("Tom &amp; Jerry &#39;s &#x41; &bogus; &"), "Tom & Jerry 's A &bogus; &");
    }
}
