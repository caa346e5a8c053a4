//! The article: what extraction returns and every saved format is made from.

use serde::{Deserialize, Serialize};

/// An extracted article. Field names are camelCase when serialized (as JavaScript sees them).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// What the page is: an article, a thread of posts, or a page that is neither.
    #[serde(default)]
    pub kind: Kind,
    /// How sure the engine is, from 0 to 1, that `content` is the page's whole main content and
    /// nothing else: high for an article found by the strictest rules, lower when it took looser
    /// ones, when much of the text is links or when it is short; at most 0.2 for a page that is
    /// not an article.
    #[serde(default)]
    pub confidence: f64,
    /// The article's title, without the site name.
    pub title: String,
    /// The dek or standfirst under the title (a sentence or two saying what the article is
    /// about), which is then not part of `content`.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Author(s), as the page names them; several are joined with ", ".
    pub byline: Option<String>,
    /// The topics the page files the article under (its tags or categories), from its metadata
    /// or from the tag list it shows, which is then not part of `content`. Empty when it has none.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Publication time in ISO 8601 (`2024-05-01` or `2024-05-01T10:00:00+02:00`).
    pub published_time: Option<String>,
    /// Last modification time in ISO 8601.
    pub modified_time: Option<String>,
    pub site_name: Option<String>,
    /// A one- or two-sentence summary: the page's description, else the subtitle, else the first
    /// paragraph.
    pub excerpt: Option<String>,
    /// Absolute URL of the article's main image.
    pub lead_image: Option<String>,
    /// The page's canonical address (`<link rel="canonical">`, else `og:url`), absolute.
    pub canonical_url: Option<String>,
    /// BCP 47 language tag, such as `en` or `ja-JP`.
    pub lang: Option<String>,
    /// Text direction, `ltr` or `rtl`.
    pub dir: Option<String>,
    /// The page URL the article was extracted from.
    pub url: String,
    /// Sanitized article HTML with absolute URLs.
    pub content: String,
    /// Plain text of the article, paragraphs separated by blank lines. Empty when read back from
    /// an object without it.
    #[serde(default)]
    pub text: String,
    /// Words, counting each Chinese, Japanese or Korean character as one.
    pub word_count: usize,
    /// Estimated minutes to read, at least 1.
    pub reading_time_minutes: u32,
}

/// What kind of page an [`Article`] was read from. Serialized in lower case (`"thread"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A story, a post, a page of documentation: one text.
    #[default]
    Article,
    /// A forum topic, a question with its answers, a discussion: posts, each an
    /// `<article class="decant-post">` in `content` that starts with a line naming its author
    /// and date (`<p class="decant-post-by">`).
    Thread,
    /// A page that is not an article (a front page, a shop's category, a search result): no
    /// article was found, and `content` is its main region, to show if the reader asks for it.
    Page,
}

/// The class of a thread's post in [`Article::content`], and of the line in it naming the post's
/// author and date: the reader and the saved files style them, and the sanitizer lets these
/// classes and [`FORMULA_CLASS`] through (no other).
pub const POST_CLASS: &str = "decant-post";
pub const POST_BY_CLASS: &str = "decant-post-by";
/// The class of an image that shows a formula (dark on transparent, as a rule): the reader inverts
/// it in dark themes.
pub const FORMULA_CLASS: &str = "decant-formula";
