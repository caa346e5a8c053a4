//! `--images fetch`: the article's images downloaded into the export, within the limits the
//! extension's Save keeps (extension/reader/images.js) and with the same notes for those that
//! cannot be had, so that the CLI and the extension write the same file for the same article and
//! images: each image at most 20 MB and 20 s, 100 MB in all, four at a time, no cookies, no
//! Referer.
#![cfg_attr(not(feature = "fetch"), allow(dead_code, unused_imports))]

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

const IMAGE_LIMIT: u64 = 20 * 1024 * 1024;
const IMAGES_LIMIT: u64 = 100 * 1024 * 1024;
const IMAGE_TIMEOUT: Duration = Duration::from_secs(20);
const AT_ONCE: usize = 4;

const TOO_LARGE: &str = "it is larger than 20 MB";
const TOO_MUCH: &str = "the article's images pass 100 MB";
const TOO_SLOW: &str = "it took too long to load";

enum Fetched {
    Image { mime: String, bytes: Vec<u8> },
    Missing(String),
}

/// Fetches each of `urls` into `export` (the image, or why it is missing).
#[cfg(feature = "fetch")]
pub fn fetch(urls: &[String], export: &mut decant::Export) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(IMAGE_TIMEOUT))
        .http_status_as_error(false)
        .user_agent("Decant (reader mode; saving an article's images)")
        .build()
        .into();
    let next = Mutex::new(urls.iter());
    let results = Mutex::new(Vec::new());
    let total = AtomicU64::new(0);
    let full = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..AT_ONCE {
            scope.spawn(|| loop {
                let Some(url) = next.lock().expect("queue").next() else { break };
                let fetched = if full.load(Ordering::SeqCst) { Fetched::Missing(TOO_MUCH.into()) } else { one(&agent, url, &total, &full) };
                results.lock().expect("results").push((url.clone(), fetched));
            });
        }
    });
    for (url, fetched) in results.into_inner().expect("results") {
        match fetched {
            Fetched::Image { mime, bytes } => export.add_image(&url, &mime, bytes),
            Fetched::Missing(why) => {
                export.missing.insert(url, why);
            }
        }
    }
}

#[cfg(feature = "fetch")]
fn one(agent: &ureq::Agent, url: &str, total: &AtomicU64, full: &AtomicBool) -> Fetched {
    let mut response = match agent.get(url).call() {
        Ok(r) => r,
        Err(ureq::Error::Timeout(_)) => return Fetched::Missing(TOO_SLOW.into()),
        Err(e) => return Fetched::Missing(format!("it could not be loaded ({e})")),
    };
    if !response.status().is_success() {
        return Fetched::Missing(format!("it could not be loaded (the server answered {})", response.status().as_u16()));
    }
    let mime = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let bytes = match response.body_mut().with_config().limit(IMAGE_LIMIT).read_to_vec() {
        Ok(b) => b,
        Err(ureq::Error::BodyExceedsLimit(_)) => return Fetched::Missing(TOO_LARGE.into()),
        Err(ureq::Error::Timeout(_)) => return Fetched::Missing(TOO_SLOW.into()),
        Err(e) => return Fetched::Missing(format!("it could not be loaded ({e})")),
    };
    // The total counts whole images: past it, this one and all after it are left out.
    let len = bytes.len() as u64;
    if full.load(Ordering::SeqCst) || total.fetch_add(len, Ordering::SeqCst) + len > IMAGES_LIMIT {
        full.store(true, Ordering::SeqCst);
        return Fetched::Missing(TOO_MUCH.into());
    }
    Fetched::Image { mime, bytes }
}

/// Without the `fetch` feature there is no HTTP client: every image is noted as not fetched.
#[cfg(not(feature = "fetch"))]
pub fn fetch(urls: &[String], export: &mut decant::Export) {
    for url in urls {
        export.missing.insert(url.clone(), "this build of decant cannot download images".to_string());
    }
}
