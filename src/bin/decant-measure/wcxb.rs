//! The WCXB layout (../shared/corpus/wcxb-dev): `truth.jsonl`, one page a line with its `id`,
//! `url`, `type`, the human-reviewed `text` and the `with`/`without` snippets, and the pages as
//! `html/ID.html.gz`. Scored with the benchmark's own metric: precision, recall and F1 of the
//! multiset of words (Python's `re.findall(r"\w+", text.lower())`) of the extracted plain text
//! against `text`, an empty extraction of a page with content scoring 0, the mean over pages;
//! and per page the share of `with` snippets found and of `without` snippets found
//! (case-insensitive substrings).

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use serde_json::Value;

/// One page's result.
pub struct Score {
    pub id: String,
    pub kind: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Shares of the page's `with` and `without` snippets found in the text (`None`: it has none).
    pub with: Option<f64>,
    pub without: Option<f64>,
    /// Whether the title the reader shows is the page's title in the ground truth (`None`: the
    /// truth has none).
    pub title: Option<bool>,
    /// ... the byline, the truth's `author` (`None`: the truth names no author) ...
    pub byline: Option<bool>,
    /// ... and the day of the date the reader shows, the truth's `published`.
    pub date: Option<bool>,
    pub micros: u128,
    pub note: String,
    /// What Decant read the page as (`article`, `thread`, `page`), empty when it found nothing.
    pub read_as: String,
    /// The engine's confidence in its text (0 when it found nothing).
    pub confidence: f64,
}

/// Words as the benchmark counts them: runs of letters, digits and `_`, lower-cased.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in text.to_lowercase().split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()) {
        *counts.entry(w.to_string()).or_insert(0) += 1;
    }
    counts
}

/// Precision, recall and F1 of the words of `got` against those of `want`.
pub fn prf(got: &str, want: &str) -> (f64, f64, f64) {
    prf_of_counts(&words(got), &words(want))
}

/// Precision, recall and F1 of one multiset of words (`g`) against another (`w`): all three 1
/// when both are empty, F1 0 when they share no word.
pub fn prf_of_counts(g: &HashMap<String, usize>, w: &HashMap<String, usize>) -> (f64, f64, f64) {
    let (gn, wn): (usize, usize) = (g.values().sum(), w.values().sum());
    if wn == 0 {
        return if gn == 0 { (1.0, 1.0, 1.0) } else { (0.0, 1.0, 0.0) };
    }
    let common: usize = g.iter().map(|(t, n)| (*n).min(*w.get(t).unwrap_or(&0))).sum();
    if common == 0 {
        return (0.0, 0.0, 0.0);
    }
    let (p, r) = (common as f64 / gn as f64, common as f64 / wn as f64);
    (p, r, 2.0 * p * r / (p + r))
}

/// The share of `snippets` that `text` holds, case-insensitively; `None` if there are none.
fn found(text_lower: &str, snippets: Option<&Value>) -> Option<f64> {
    let list: Vec<String> = snippets?.as_array()?.iter().filter_map(|s| s.as_str()).map(|s| s.to_lowercase()).collect();
    if list.is_empty() {
        return None;
    }
    Some(list.iter().filter(|s| text_lower.contains(s.as_str())).count() as f64 / list.len() as f64)
}

fn gunzip(path: &Path) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Extracts and scores every page of the corpus at `dir`; with `dump`, writes each page's text
/// there as `ID.txt` (to read beside the truth).
pub fn measure(dir: &Path, dump: Option<&Path>) -> Result<Vec<Score>, String> {
    let truth = std::fs::read_to_string(dir.join("truth.jsonl")).map_err(|e| format!("cannot read {}: {e}", dir.join("truth.jsonl").display()))?;
    let mut scores = Vec::new();
    for (n, line) in truth.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let page: Value = serde_json::from_str(line).map_err(|e| format!("truth.jsonl line {}: {e}", n + 1))?;
        let field = |k: &str| page.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let id = field("id");
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let html = gunzip(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let start = Instant::now();
        let result = decant::extract(&html, &field("url"), &decant::Options::default());
        let micros = start.elapsed().as_micros();
        let (text, title, byline, date, note, read_as, confidence) = match result {
            Ok(a) => {
                let kind = serde_json::to_value(a.kind).ok().and_then(|k| k.as_str().map(str::to_string)).unwrap_or_default();
                (crate::shown_text(&a), a.title.clone(), a.byline.clone().unwrap_or_default(), a.published_time.clone().unwrap_or_default(), String::new(), kind, a.confidence)
            }
            Err(e) => (String::new(), String::new(), String::new(), String::new(), format!("error: {e}"), String::new(), 0.0),
        };
        if let Some(out) = dump {
            let write = |name: String, content: &str| std::fs::write(out.join(name), content).map_err(|e| format!("cannot write to {}: {e}", out.display()));
            write(format!("{id}.txt"), &text)?;
            write(format!("{id}.title"), &title)?;
            write(format!("{id}.meta"), &format!("{byline}\n{date}\n"))?;
        }
        let (want_title, want_author, want_date) = (field("title"), field("author"), field("published"));
        let day = |d: &str| d.trim().chars().take(10).collect::<String>();
        let (precision, recall, f1) = prf(&text, &field("text"));
        let lower = text.to_lowercase();
        scores.push(Score {
            kind: field("type"),
            precision,
            recall,
            f1,
            with: found(&lower, page.get("with")),
            without: found(&lower, page.get("without")),
            title: (!want_title.trim().is_empty()).then(|| same_title(&title, &want_title)),
            byline: (!want_author.trim().is_empty()).then(|| same_title(&byline, &want_author)),
            date: (!want_date.trim().is_empty()).then(|| day(&date) == day(&want_date)),
            micros,
            note,
            read_as,
            confidence,
            id,
        });
    }
    Ok(scores)
}

/// Whether two titles (or two bylines) say the same: white space, case and the curly forms of
/// quotes aside.
fn same_title(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        let s: String = s
            .chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                c => c,
            })
            .collect();
        s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
    };
    fold(a) == fold(b)
}

fn mean<'a>(values: impl Iterator<Item = &'a f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The figures, overall and per page type, and the worst pages.
pub fn report(scores: &[Score], worst: usize) {
    let mut kinds: BTreeMap<&str, Vec<&Score>> = BTreeMap::new();
    for s in scores {
        kinds.entry("all").or_default().push(s);
        kinds.entry(&s.kind).or_default().push(s);
    }
    println!("{:<14} {:>6} {:>7} {:>7} {:>7} {:>6} {:>8} {:>6} {:>6} {:>6}", "type", "pages", "F1", "P", "R", "with", "without", "title", "byline", "date");
    let row = |name: &str, list: &[&Score]| {
        let f = |get: &dyn Fn(&Score) -> Option<f64>| {
            let v: Vec<f64> = list.iter().filter_map(|s| get(s)).collect();
            mean(v.iter()).map_or("-".to_string(), |m| format!("{m:.3}"))
        };
        println!(
            "{:<14} {:>6} {:>7} {:>7} {:>7} {:>6} {:>8} {:>6} {:>6} {:>6}",
            name,
            list.len(),
            f(&|s| Some(s.f1)),
            f(&|s| Some(s.precision)),
            f(&|s| Some(s.recall)),
            f(&|s| s.with),
            f(&|s| s.without),
            f(&|s| s.title.map(|t| if t { 1.0 } else { 0.0 })),
            f(&|s| s.byline.map(|t| if t { 1.0 } else { 0.0 })),
            f(&|s| s.date.map(|t| if t { 1.0 } else { 0.0 }))
        );
    };
    row("all", &kinds["all"]);
    for (name, list) in kinds.iter().filter(|(k, _)| **k != "all") {
        row(name, list);
    }
    let mut times: Vec<u128> = scores.iter().map(|s| s.micros).collect();
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize] as f64 / 1000.0;
    println!("time per page: median {:.1} ms, 95th percentile {:.1} ms, max {:.1} ms", at(0.5), at(0.95), at(1.0));
    let errors = scores.iter().filter(|s| !s.note.is_empty()).count();
    println!("pages with no article: {errors}");
    // What each type of page was read as: an article, a thread, a page that is neither.
    println!("read as (article / thread / page / nothing):");
    for (name, list) in kinds.iter().filter(|(k, _)| **k != "all") {
        let n = |k: &str| list.iter().filter(|s| s.read_as == k).count();
        println!("  {:<14} {:>4} {:>4} {:>4} {:>4}", name, n("article"), n("thread"), n("page"), n(""));
    }
    // Whether the confidence means something: the mean F1 of the pages in each band of it.
    println!("F1 by the engine's confidence (pages, mean F1):");
    for (lo, hi) in [(0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.01)] {
        let band: Vec<f64> = scores.iter().filter(|s| s.note.is_empty() && s.confidence >= lo && s.confidence < hi).map(|s| s.f1).collect();
        let f1 = mean(band.iter()).map_or("-".to_string(), |m| format!("{m:.3}"));
        println!("  {lo:.2}-{:.2} {:>5} {f1:>7}", hi.min(1.0), band.len());
    }
    if worst > 0 {
        let mut by_f1: Vec<&Score> = scores.iter().collect();
        by_f1.sort_by(|a, b| a.f1.total_cmp(&b.f1));
        println!("\nworst {worst} pages (id, type, F1, P, R, note):");
        for s in by_f1.iter().take(worst) {
            println!("  {} {:<13} {:.3} {:.3} {:.3} {}", s.id, s.kind, s.f1, s.precision, s.recall, s.note);
        }
    }
}

/// Writes one line a page (`id type f1 precision recall`), for a later `compare`.
pub fn save(scores: &[Score], path: &Path) -> std::io::Result<()> {
    let lines: Vec<String> = scores.iter().map(|s| format!("{}\t{}\t{:.4}\t{:.4}\t{:.4}", s.id, s.kind, s.f1, s.precision, s.recall)).collect();
    std::fs::write(path, lines.join("\n") + "\n")
}

/// The F1 of each page in the run saved at `path` (by [`save`]), with the path.
pub fn read_saved(path: &Path) -> Result<(String, HashMap<String, f64>), String> {
    let saved = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let before = saved
        .lines()
        .filter_map(|l| {
            let mut parts = l.split('\t');
            Some((parts.next()?.to_string(), parts.nth(1)?.parse().ok()?))
        })
        .collect();
    Ok((path.display().to_string(), before))
}

/// The pages whose F1 moved by more than 0.01 against an earlier run (`path`, `before`), worst
/// first.
pub fn compare(scores: &[Score], path: &str, before: &HashMap<String, f64>) {
    let mut moved: Vec<(f64, &Score)> = scores.iter().filter_map(|s| Some((s.f1 - before.get(s.id.as_str())?, s))).filter(|(d, _)| d.abs() > 0.01).collect();
    moved.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (worse, better) = (moved.iter().filter(|(d, _)| *d < 0.0).count(), moved.iter().filter(|(d, _)| *d > 0.0).count());
    let was = mean(before.values()).unwrap_or(0.0);
    let now = mean(scores.iter().map(|s| &s.f1)).unwrap_or(0.0);
    println!("\nagainst {path}: mean F1 {was:.4} -> {now:.4}; {worse} pages worse, {better} better (by more than 0.01)");
    let worst = moved.iter().filter(|(d, _)| *d < 0.0).take(15);
    let best = moved.iter().rev().filter(|(d, _)| *d > 0.0).take(15);
    for (d, s) in worst.chain(best) {
        println!("  {} {:<13} {:+.3} -> {:.3}", s.id, s.kind, d, s.f1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_the_benchmark_counts_them() {
        assert_eq!(prf("The cat, the hat", "the cat the hat"), (1.0, 1.0, 1.0));
        let (p, r, f) = prf("a b", "a b c d");
        assert_eq!((p, r), (1.0, 0.5));
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(prf("", "some text"), (0.0, 0.0, 0.0));
        assert_eq!(prf("snake_case", "snake case").2, 0.0);
    }

    #[test]
    fn titles_are_the_same_whatever_their_spaces_case_and_quotes() {
        assert!(same_title("Don\u{2019}t  Panic", "don't panic"));
        assert!(same_title("\u{201c}Quoted\u{201d}", "\"quoted\""));
        assert!(!same_title("Don't Panic | Site", "Don't Panic"));
    }
}
