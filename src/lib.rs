//! Decant: reader mode. Give it a page's HTML and URL; get back the article, clean, and save it
//! in the format you want.
//!
//! ```
//! let html = r#"<html><head><title>Why Moths Circle Porch Lights | Field Notes</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/about">About</a></nav>
//!   <article><h1>Why Moths Circle Porch Lights</h1>
//!     <p>Moths navigate by the moon, or so the story goes, and a porch light confuses them.
//!        Researchers who filmed them in infrared found something else entirely, and simpler.</p>
//!     <p>They tilt their backs toward the brightest part of the sky, which is usually up.
//!        Near a lamp, up is sideways, so they circle it until they tire, or until morning.</p>
//!   </article><footer>© Field Notes</footer></body></html>"#;
//! let article = decant::extract(html, "https://example.org/moths", &decant::Options::default()).unwrap();
//! assert_eq!(article.title, "Why Moths Circle Porch Lights");
//! assert!(article.text.starts_with("Moths navigate"));
//! assert!(!article.text.contains("About"));
//! assert!(decant::to_markdown(&article).contains("# Why Moths Circle Porch Lights"));
//! ```
//!
//! Inside, three layers, each using only those below it:
//! - the tree (`dom`): an arena of nodes, the HTML parser that builds it, and its serializers
//!   (HTML, XHTML, plain text), over string helpers (`text`, `url`, `dates`);
//! - the pipeline (`extract`): metadata, preparation, scoring, cleaning and assembly, with the
//!   sanitizer (`sanitize`, the trust boundary) as its last stage before assembly;
//! - the saved formats (`save`): Markdown, plain text, HTML and EPUB, built from the [`Article`]
//!   alone.
//!
//! This file is the public face: everything else is private. Decant's own tests, fuzz targets and
//! measure tool reach the internals through the `test_api` feature (module `decant::test_api`),
//! which is not a stable interface.

mod article;
mod dates;
mod dom;
mod extract;
mod sanitize;
mod save;
mod text;
mod url;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use article::{Article, Kind, FORMULA_CLASS, POST_BY_CLASS, POST_CLASS};
pub use dates::of_unix_seconds as utc_date;
pub use extract::{explain, extract, is_probably_readerable, Error, Options, Removal};
pub use save::{epub, file_stem, html_document, image_urls, markdown, plain_text, textpack, Export, Image};
pub use text::for_terminal;

/// Markdown of an article, as [`markdown`] writes it with nothing added (no date of saving, no
/// images fetched).
pub fn to_markdown(article: &Article) -> String {
    markdown(article, &Export::default())
}

/// Internals, for Decant's own tests, fuzz targets, benchmarks and measure tool (the `test_api`
/// feature). Not a stable interface: it changes whenever the pipeline does.
#[cfg(feature = "test_api")]
pub mod test_api {
    pub use crate::dom::{plain_code, plain_text, Dom, NodeId};
    pub use crate::sanitize::{find_unsafe, find_unsafe_saved, sanitized, sanitized_html};
    pub use crate::save::html_to_markdown;
    pub use crate::text::{is_cjk, normalize_space, word_count, words_and_minutes};
    pub use crate::url::Url;
}
