//! JavaScript bindings. A thin adapter: every function here converts arguments, calls the core
//! and converts the result; no extraction logic lives here.

use wasm_bindgen::prelude::*;

use crate::{Article, Options};

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// An engine error as a JS `Error` whose `name` says which (`NoArticle`, `TooLarge`...).
fn engine_error(error: crate::Error) -> JsValue {
    let e = js_sys::Error::new(&error.to_string());
    e.set_name(error.kind());
    e.into()
}

fn to_js(article: &Article) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    serde::Serialize::serialize(article, &serializer).map_err(js_error)
}

/// `extract(html, url)`: the article as a plain object with camelCase fields. Throws an `Error`
/// whose message says why there is no article and whose `name` is the error's kind.
#[wasm_bindgen]
pub fn extract(html: &str, url: &str) -> Result<JsValue, JsValue> {
    let article = crate::extract(html, url, &Options::default()).map_err(engine_error)?;
    to_js(&article)
}

/// `extractWithMarkdown(html, url)`: the article object with a `markdown` field added, so the
/// reader can save without a second pass over the article.
#[wasm_bindgen(js_name = extractWithMarkdown)]
pub fn extract_with_markdown(html: &str, url: &str) -> Result<JsValue, JsValue> {
    let article = crate::extract(html, url, &Options::default()).map_err(engine_error)?;
    let value = to_js(&article)?;
    let markdown = crate::to_markdown(&article);
    js_sys::Reflect::set(&value, &JsValue::from_str("markdown"), &JsValue::from_str(&markdown))?;
    Ok(value)
}

/// `htmlToMarkdown(html)`: Markdown of a fragment of (sanitized) HTML.
#[wasm_bindgen(js_name = htmlToMarkdown)]
pub fn html_to_markdown(html: &str) -> String {
    crate::markdown::html_to_markdown(html)
}

/// `isProbablyReaderable(html)`: whether the page looks like an article.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: &str) -> bool {
    crate::is_probably_readerable(html)
}
