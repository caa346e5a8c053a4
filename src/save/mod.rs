//! The formats an article is saved in, one module each: [`markdown`] with front matter, the same
//! with its images in a [`textbundle`], plain [`text`], a self-contained [`html`] file and an
//! [`epub`] book. All are built from the sanitized
//! article only, here in Rust, so that the CLI and the extension write the same bytes for the same
//! article; [`shared`] holds what they have in common.

mod epub;
mod html;
mod markdown;
mod shared;
mod tex;
mod text;
mod textbundle;
mod zip;

pub use epub::write as epub;
pub use html::write as html_document;
#[cfg(any(test, feature = "test_api"))]
pub use markdown::html_to_markdown;
pub use markdown::write as markdown;
pub use shared::{file_stem, image_urls, Export, Image};
pub use text::write as plain_text;
pub use textbundle::write as textpack;
