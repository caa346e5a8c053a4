//! Markdown with its images: a TextPack, the zipped form of a TextBundle (a folder holding
//! `info.json`, the text as `text.markdown` and the images under `assets/`), which Bear, iA Writer,
//! Ulysses and others open as one document, and which any unzip tool turns into a folder of
//! Markdown that links its images beside it.

use std::collections::HashMap;

use super::markdown::{double_quoted, write_with_local_images};
use super::shared::{content_image_urls, file_stem, image_extension, Export};
use super::zip::Zip;
use crate::article::Article;

/// The TextPack of `article`: the Markdown of [`super::markdown`], each image `export` holds
/// saved under `assets/` and linked there; images it does not hold keep their web address.
pub fn write(article: &Article, export: &Export) -> Vec<u8> {
    let folder = format!("{}.textbundle", file_stem(&article.title));
    let mut local = HashMap::new();
    let mut assets = Vec::new();
    // The images the text shows (Markdown has no lead image above the text).
    for url in content_image_urls(&article.content) {
        if let Some(img) = export.images.get(&url) {
            let path = format!("assets/image-{}.{}", assets.len() + 1, image_extension(&img.mime));
            local.insert(url, path.clone());
            assets.push((path, &img.bytes));
        }
    }
    let mut info = String::from("{\n  \"version\": 2,\n  \"type\": \"net.daringfireball.markdown\",\n  \"transient\": true");
    if !article.url.is_empty() {
        info.push_str(",\n  \"sourceURL\": ");
        info.push_str(&double_quoted(&article.url));
    }
    info.push_str("\n}\n");
    let mut zip = Zip::default();
    zip.add(&format!("{folder}/info.json"), info.as_bytes());
    zip.add(&format!("{folder}/text.markdown"), write_with_local_images(article, export, &local).as_bytes());
    for (path, bytes) in assets {
        zip.add(&format!("{folder}/{path}"), bytes);
    }
    zip.finish()
}

