//! Whether the image a page declares for sharing (`og:image`, JSON-LD's `image`) is the article's
//! picture. Half the pages declare one; on many it is the site's logo, a touch icon or a default
//! share card, which shown above the article (and as a book's cover) is noise blown up to the
//! width of the text. Judged by what the page says of it: its file name's words, the size in its
//! file name, and the size the page declares.

use super::patterns as pat;

/// Whether the image at `url`, declared `size` (width, height) if the page says, is a picture
/// worth showing above the article.
pub fn is_a_picture(url: &str, size: Option<(u32, u32)>) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url).to_ascii_lowercase();
    let path = path.split_once("://").map_or(path.as_str(), |(_, rest)| rest);
    let (host, path) = path.split_once('/').unwrap_or((path, ""));
    if pat::LEAD_IMAGE_HOSTS.iter().any(|h| host == *h || host.ends_with(&format!(".{h}"))) {
        return false;
    }
    if path.ends_with(".ico") || path.ends_with(".svg") {
        return false;
    }
    // The file name's words (directories say little: Drupal keeps every image under sites/default/).
    let name = path.rsplit('/').next().unwrap_or(path);
    let words = name.split(|c: char| !c.is_ascii_alphanumeric());
    if words.clone().any(|w| pat::LEAD_IMAGE_NOT_A_PICTURE.contains(&w)) {
        return false;
    }
    // A size written in the file name (`-180x180.png`), else the one the page declares. Small
    // pairs are aspect ratios (`-3x2`, `_16x9`), not sizes, unless square (`icon-32x32`).
    let mut named = words.filter_map(|w| {
        let (a, b) = w.split_once('x')?;
        let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        ((a >= 48 && b >= 48) || (a == b && a >= 16)).then_some((a, b))
    });
    match named.next_back().or(size) {
        Some((w, h)) => fits(w, h),
        None => true,
    }
}

/// Large enough for a picture, and not a strip.
fn fits(width: u32, height: u32) -> bool {
    if width == 0 || height == 0 {
        return true; // no size said
    }
    let ratio = f64::from(width) / f64::from(height);
    width >= pat::LEAD_IMAGE_MIN_WIDTH && height >= pat::LEAD_IMAGE_MIN_HEIGHT && (1.0 / pat::LEAD_IMAGE_MAX_RATIO..=pat::LEAD_IMAGE_MAX_RATIO).contains(&ratio)
}

#[cfg(test)]
mod tests {
    use super::is_a_picture;

    #[test]
    fn pictures_are_kept() {
        for url in [
            "https://cdn.example/2026/05/nightingale-in-the-park.jpg",
            "https://img.example/photos/harbour-1200x630.jpg?w=1200",
            "https://cdn.example/uploads/shareholders-meeting.jpg",
            "https://cdn.example/2025/08/chocolate-cake-3x2-1-scaled.jpg",
            "https://i.example/n/abc/h_16213329_16x9.jpg?w=1200",
            "https://cdn.example/images/iconic-bridge.jpg",
            "https://news.example/sites/default/files/2026-05/harbour.jpg",
        ] {
            assert!(is_a_picture(url, None), "{url}");
        }
        assert!(is_a_picture("https://cdn.example/a/b.jpg", Some((1200, 630))));
    }

    #[test]
    fn icons_logos_share_cards_and_strips_are_not() {
        for url in [
            "https://news.example/apple-touch-icon.png",
            "https://news.example/favicon-32.png",
            "https://news.example/static/img/logo.png",
            "https://news.example/assets/site-logo-white.png",
            "https://news.example/images/default-share.jpg",
            "https://news.example/og/placeholder.png",
            "https://news.example/icons/icon-180x180.png",
            "https://news.example/img/apple-touch-icon-precomposed.png",
            "https://news.example/img/thumb-150x150.jpg",
            "https://secure.gravatar.com/avatar/abc?s=96",
            "https://news.example/favicon.ico",
        ] {
            assert!(!is_a_picture(url, None), "{url}");
        }
        assert!(!is_a_picture("https://cdn.example/a/b.jpg", Some((180, 180))), "a touch icon's size");
        assert!(!is_a_picture("https://cdn.example/a/b.jpg", Some((1200, 100))), "a strip");
    }
}
