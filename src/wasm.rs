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

fn to_js(value: &impl serde::Serialize) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(js_error)
}

/// `extract(html, url)`: the article as a plain object with camelCase fields. Throws an `Error`
/// whose message says why there is no article and whose `name` is the error's kind.
#[wasm_bindgen]
pub fn extract(html: &str, url: &str) -> Result<JsValue, JsValue> {
    let article = crate::extract(html, url, &Options::default()).map_err(engine_error)?;
    to_js(&article)
}

/// `explain(html, url)`: `{ article, removals }`, the article as `extract` gives it and each block
/// of the page it does not have (`{ stage, rule, element, chars, text }`, in the order the engine
/// left them out), for a view of what was removed. Throws as `extract` does.
#[wasm_bindgen]
pub fn explain(html: &str, url: &str) -> Result<JsValue, JsValue> {
    let (article, removals) = crate::explain(html, url, &Options::default()).map_err(engine_error)?;
    #[derive(serde::Serialize)]
    struct Explained<'a> {
        article: &'a Article,
        removals: &'a [crate::Removal],
    }
    to_js(&Explained { article: &article, removals: &removals })
}

/// `isProbablyReaderable(html)`: whether the page looks like an article.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: &str) -> bool {
    crate::is_probably_readerable(html)
}

/// An extracted article, kept in the engine for saving in each format. The reader fetches the
/// images (`imageUrls`, then `addImage` or `addMissing` for each) before `html()` or `epub()`.
#[wasm_bindgen]
pub struct Saved {
    article: Article,
    export: crate::Export,
}

#[wasm_bindgen]
impl Saved {
    /// `Saved.fromArticle(article)`: the handle for an article `extract` returned (that object),
    /// without the page or a second extraction. Its `text` may be left out (the reader is sent
    /// the article without it; no saved format reads it). Throws if `article` is not an article.
    #[wasm_bindgen(js_name = fromArticle)]
    pub fn from_article(article: JsValue) -> Result<Saved, JsValue> {
        let article: Article = serde_wasm_bindgen::from_value(article).map_err(|e| js_error(format!("not an article: {e}")))?;
        Ok(Saved { article, export: crate::Export::default() })
    }

    /// The images a saved HTML or EPUB file would hold, lead image first.
    #[wasm_bindgen(js_name = imageUrls)]
    pub fn image_urls(&self) -> js_sys::Array {
        crate::image_urls(&self.article).into_iter().map(|u| JsValue::from_str(&u)).collect()
    }

    /// An image fetched for `url`, with its `Content-Type`.
    #[wasm_bindgen(js_name = addImage)]
    pub fn add_image(&mut self, url: &str, mime: &str, bytes: Vec<u8>) {
        self.export.add_image(url, mime, bytes);
    }

    /// An image that could not be had, and why (the saved file says so where it was).
    #[wasm_bindgen(js_name = addMissing)]
    pub fn add_missing(&mut self, url: &str, reason: &str) {
        self.export.missing.insert(url.to_string(), reason.to_string());
    }

    /// The date of saving (ISO 8601), written into front matter and EPUB metadata.
    #[wasm_bindgen(js_name = setSaved)]
    pub fn set_saved(&mut self, iso: &str) {
        self.export.saved = Some(iso.to_string());
    }

    pub fn markdown(&self) -> String {
        crate::markdown(&self.article, &self.export)
    }

    pub fn text(&self) -> String {
        crate::plain_text(&self.article)
    }

    /// One self-contained HTML file.
    pub fn html(&self) -> String {
        crate::html_document(&self.article, &self.export)
    }

    /// The sanitized article body alone (for copying as rich text).
    pub fn content(&self) -> String {
        self.article.content.clone()
    }

    /// An EPUB 3 book.
    pub fn epub(&self) -> Vec<u8> {
        crate::epub(&self.article, &self.export)
    }

    /// Markdown with its images: a TextPack (a zipped TextBundle).
    pub fn textpack(&self) -> Vec<u8> {
        crate::textpack(&self.article, &self.export)
    }

    /// A file name for the article, safe on every system, with `extension`.
    #[wasm_bindgen(js_name = fileName)]
    pub fn file_name(&self, extension: &str) -> String {
        format!("{}.{extension}", crate::file_stem(&self.article.title))
    }
}
