//! Text as strings, below the tree: white space, commas, word counts, reading time and title
//! similarity.

/// Average silent reading speed of adults for non-fiction, in words per minute (Brysbaert 2019,
/// a meta-analysis of 190 studies: 238 wpm).
const WORDS_PER_MINUTE: f64 = 238.0;
/// Chinese and Japanese readers take in about 500 characters a minute; a CJK character is
/// counted as one "word" for the total, then read at this rate.
const CJK_CHARS_PER_MINUTE: f64 = 500.0;

/// Whether `c` is a Chinese, Japanese or Korean character (counted one per word).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF       // Hiragana, Katakana
        | 0x3400..=0x4DBF     // CJK Extension A
        | 0x4E00..=0x9FFF     // CJK Unified Ideographs
        | 0xAC00..=0xD7AF     // Hangul syllables
        | 0xF900..=0xFAFF     // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F)  // Extensions B–F and supplement
}

/// Words in `text`; each CJK character counts as one.
pub fn word_count(text: &str) -> usize {
    let (latin_words, cjk_chars) = tally(text);
    latin_words + cjk_chars
}

/// Words that are not CJK (tokens with a letter or digit outside CJK) and CJK characters.
fn tally(text: &str) -> (usize, usize) {
    let (mut latin_words, mut cjk_chars) = (0, 0);
    for token in text.split_whitespace() {
        cjk_chars += token.chars().filter(|&c| is_cjk(c)).count();
        latin_words += usize::from(token.chars().any(|c| !is_cjk(c) && c.is_alphanumeric()));
    }
    (latin_words, cjk_chars)
}

/// `word_count` and the minutes to read `text` (at least one for any text with a word), from one
/// pass over it.
pub fn words_and_minutes(text: &str) -> (usize, u32) {
    let (latin_words, cjk_chars) = tally(text);
    (latin_words + cjk_chars, minutes(latin_words, cjk_chars))
}

fn minutes(latin_words: usize, cjk_chars: usize) -> u32 {
    if latin_words + cjk_chars == 0 {
        return 0;
    }
    let minutes = latin_words as f64 / WORDS_PER_MINUTE + cjk_chars as f64 / CJK_CHARS_PER_MINUTE;
    (minutes.round() as u32).max(1)
}

/// The words of `s`, lower-cased: its runs of letters and digits.
pub fn tokens(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// How much of `b` is made of words from `a`, by characters: 1.0 when every word of `b` occurs in
/// `a`. Used to spot a heading that repeats the title.
pub fn similarity(a: &str, b: &str) -> f64 {
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let len = |v: &[&String]| v.iter().map(|t| t.chars().count()).sum::<usize>() + v.len().saturating_sub(1);
    let all: Vec<&String> = tb.iter().collect();
    1.0 - len(&unique) as f64 / len(&all) as f64
}

/// Folds runs of white space to one space and trims the ends.
/// The characters that reorder text around them (the bidirectional embeddings, overrides, isolates
/// and marks): in a file name, U+202E turns `article.exe.txt` into what reads as `article.txt.exe`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` made safe to print on a terminal: control characters other than line breaks and tabs (a
/// page's escape sequences would recolour, retitle or clear the terminal) and bidi controls
/// removed.
pub fn for_terminal(s: &str) -> String {
    s.chars().filter(|&c| matches!(c, '\n' | '\t') || !(c.is_control() || is_bidi_control(c))).collect()
}

pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}


/// Commas in the scripts we score: Latin, Arabic, small/vertical forms and full-width.
pub const COMMAS: &[char] =
    &[',', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}', '\u{FF0C}'];

/// The length of `text`'s words with a space after each: a quick measure of how much it says,
/// without building its normalized form.
pub fn words_len(text: &str) -> usize {
    text.split_whitespace().map(|w| w.chars().count() + 1).sum()
}

/// How many of [`COMMAS`] `text` holds.
pub fn count_commas(text: &str) -> usize {
    if text.is_ascii() {
        // The one ASCII comma, counted by the byte (the compiler vectorizes this).
        text.bytes().filter(|&b| b == b',').count()
    } else {
        text.chars().filter(|c| COMMAS.contains(c)).count()
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cjk_characters_as_words() {
        assert_eq!(word_count("Hello world"), 2);
        assert_eq!(word_count("日本語の文章"), 6);
        assert_eq!(word_count("Rust 言語"), 3);
    }

    #[test]
    fn reading_time_rounds_and_floors_at_one() {
        let reading_minutes = |text: &str| words_and_minutes(text).1;
        assert_eq!(reading_minutes(""), 0);
        assert_eq!(reading_minutes("one two"), 1);
        assert_eq!(reading_minutes(&"word ".repeat(238 * 3)), 3);
        assert_eq!(reading_minutes(&"字".repeat(1000)), 2);
    }

    #[test]
    fn similarity_of_title_and_heading() {
        assert!(similarity("The Big Story - Site", "The Big Story") > 0.99);
        assert!(similarity("The Big Story", "Something else entirely") < 0.1);
    }

    #[test]
    fn commas_of_every_script_are_counted() {
        assert_eq!(count_commas("one, two, three"), 2);
        assert_eq!(count_commas("un, deux，trois، four﹐"), 4);
        assert_eq!(count_commas("no commas"), 0);
    }
}
