//! `decant-measure DIR [--save FILE] [--compare FILE] [--worst N]`: how closely Decant's
//! extraction agrees with the expected text of a corpus, in one of two layouts.
//!
//! - Human ground truth, WCXB's layout (`DIR/truth.jsonl` and `DIR/html/*.html.gz`, as
//!   ../shared/corpus/wcxb-dev): the benchmark's figures overall and per page type, the time per
//!   page and the worst pages (see `wcxb.rs`). `--save FILE` keeps the per-page scores and
//!   `--compare FILE` lists the pages that got better or worse since a saved run; `--dump DIR`
//!   writes the text extracted from each page.
//! - A reference extractor's output, one folder per page with `source.html`, `expected.html` and
//!   `expected-metadata.json` (title, byline, excerpt, siteName, readerable), the layout of
//!   ../shared/corpus/readability: per page the token F1 of Decant's text against the expected
//!   text, which metadata fields agree, and the extraction time; then a summary. Pages are parsed
//!   with the base URL the corpus used, `http://fakehost/test/page.html`.

mod wcxb;

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use decant::test_api::Dom;

const BASE_URL: &str = "http://fakehost/test/page.html";
/// Each page is extracted this many times; the fastest run is reported.
const RUNS: usize = 3;

/// Lower-cased alphanumeric words, the unit of the F1 score.
fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for t in text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
        *counts.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// F1 of the bag-of-words overlap: 1.0 when both texts have the same words the same number of times.
fn f1(got: &str, want: &str) -> f64 {
    wcxb::prf_of_counts(&tokens(got), &tokens(want)).2
}

fn without_by(s: &str) -> String {
    let lower = s.to_lowercase();
    for p in ["by ", "par ", "posted by "] {
        if lower.starts_with(p) {
            return s[p.len()..].to_string();
        }
    }
    s.to_string()
}

fn norm(s: Option<&str>) -> String {
    decant::test_api::normalize_space(s.unwrap_or(""))
}

struct Row {
    name: String,
    f1: f64,
    title: bool,
    byline: bool,
    /// Equal once a leading "By" (which Decant removes on purpose) is ignored.
    byline_loose: bool,
    excerpt: bool,
    site: bool,
    readerable: bool,
    micros: u128,
    bytes: usize,
    note: String,
}

fn measure(dir: &Path) -> Option<Row> {
    let name = dir.file_name()?.to_string_lossy().into_owned();
    let source = String::from_utf8_lossy(&std::fs::read(dir.join("source.html")).ok()?).into_owned();
    let expected_html = std::fs::read_to_string(dir.join("expected.html")).unwrap_or_default();
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected-metadata.json")).unwrap_or_default()).unwrap_or_default();
    let want = |k: &str| meta.get(k).and_then(|v| v.as_str());

    let expected_dom = Dom::parse_fragment(&expected_html);
    let expected_text = decant::test_api::plain_text(&expected_dom, expected_dom.root());

    // The fastest of a few runs: the least disturbed by whatever else the machine is doing.
    let mut micros = u128::MAX;
    let mut result = Err(decant::Error::EmptyInput);
    for _ in 0..RUNS {
        let start = Instant::now();
        result = decant::extract(&source, BASE_URL, &decant::Options::default());
        micros = micros.min(start.elapsed().as_micros());
    }
    let readerable = decant::is_probably_readerable(&source);

    let (article, note) = match result {
        Ok(a) => (a, String::new()),
        Err(e) => (decant::Article::default(), format!("error: {e}")),
    };
    Some(Row {
        f1: f1(&shown_text(&article), &expected_text),
        title: norm(Some(&article.title)) == norm(want("title")),
        byline: norm(article.byline.as_deref()) == norm(want("byline")),
        byline_loose: without_by(&norm(article.byline.as_deref())) == without_by(&norm(want("byline"))),
        excerpt: norm(article.excerpt.as_deref()) == norm(want("excerpt")),
        site: norm(article.site_name.as_deref()) == norm(want("siteName")),
        readerable: meta.get("readerable").and_then(|v| v.as_bool()) == Some(readerable),
        micros,
        bytes: source.len(),
        name,
        note,
    })
}

const USAGE: &str = "usage: decant-measure DIR [--save FILE] [--compare FILE] [--worst N] [--dump DIR]\n  DIR: ../shared/corpus/wcxb-dev (human ground truth) or ../shared/corpus/readability/pages";

fn fail(message: &str) -> ! {
    eprintln!("decant-measure: {message}");
    std::process::exit(2);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut save, mut compare, mut worst, mut dump) = (None, None, None, 25usize, None);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| fail(&format!("{arg} needs a value\n{USAGE}")));
        match arg.as_str() {
            "--save" => save = Some(value()),
            "--compare" => compare = Some(value()),
            "--dump" => dump = Some(value()),
            "--worst" => worst = value().parse().unwrap_or_else(|_| fail("--worst needs a number of pages")),
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ if arg.starts_with('-') => fail(&format!("unknown option {arg}\n{USAGE}")),
            _ if dir.is_none() => dir = Some(arg),
            _ => fail(&format!("one corpus at a time\n{USAGE}")),
        }
    }
    let Some(dir) = dir else { fail(USAGE) };
    if !Path::new(&dir).is_dir() {
        fail(&format!("no corpus at {dir} (the corpora live in ../shared/corpus/, beside the project)"));
    }
    if Path::new(&dir).join("truth.jsonl").exists() {
        if let Some(out) = &dump {
            std::fs::create_dir_all(out).unwrap_or_else(|e| fail(&format!("cannot make {out}: {e}")));
        }
        let scores = wcxb::measure(Path::new(&dir), dump.as_deref().map(Path::new)).unwrap_or_else(|e| fail(&e));
        // The previous run is read before this one is saved over it, and both before the report,
        // which may go to a pipe that closes early (`| head`).
        let previous = compare.map(|path| wcxb::read_saved(Path::new(&path)).unwrap_or_else(|e| fail(&e)));
        if let Some(path) = save {
            wcxb::save(&scores, Path::new(&path)).unwrap_or_else(|e| fail(&format!("cannot write {path}: {e}")));
            eprintln!("scores saved to {path}");
        }
        wcxb::report(&scores, worst);
        if let Some((path, before)) = previous {
            wcxb::compare(&scores, &path, &before);
        }
        return;
    }
    if save.is_some() || compare.is_some() || dump.is_some() {
        fail("--save, --compare and --dump are for the WCXB layout (DIR/truth.jsonl)");
    }
    let mut dirs: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.join("source.html").exists()).collect(),
        Err(e) => {
            eprintln!("decant-measure: cannot read {dir}: {e}");
            std::process::exit(1);
        }
    };
    dirs.sort();
    let rows: Vec<Row> = dirs.iter().filter_map(|d| measure(d)).collect();
    if rows.is_empty() {
        eprintln!("decant-measure: no pages (folders with source.html) in {dir}");
        std::process::exit(1);
    }
    let yes = |b: bool| if b { "=" } else { "≠" };
    println!("{:<48} {:>6} title byline excerpt site readerable {:>9}  note", "page", "F1", "µs");
    for r in &rows {
        println!(
            "{:<48} {:>6.3} {:^5} {:^6} {:^7} {:^4} {:^10} {:>9}  {}",
            r.name, r.f1, yes(r.title), yes(r.byline), yes(r.excerpt), yes(r.site), yes(r.readerable), r.micros, r.note
        );
    }
    let n = rows.len() as f64;
    let pct = |f: &dyn Fn(&Row) -> bool| 100.0 * rows.iter().filter(|r| f(r)).count() as f64 / n;
    let mut per_byte: Vec<f64> = rows.iter().map(|r| r.micros as f64 / r.bytes.max(1) as f64).collect();
    per_byte.sort_by(f64::total_cmp);
    let median = per_byte[per_byte.len() / 2];
    let worst = per_byte.last().copied().unwrap_or(0.0);
    let mut times: Vec<u128> = rows.iter().map(|r| r.micros).collect();
    times.sort();
    println!();
    println!("pages: {}", rows.len());
    println!("mean token F1: {:.4}", rows.iter().map(|r| r.f1).sum::<f64>() / n);
    println!("pages with F1 >= 0.90: {}", rows.iter().filter(|r| r.f1 >= 0.9).count());
    println!("title equal: {:.1}%   byline equal: {:.1}% ({:.1}% ignoring a leading \"By\")   excerpt equal: {:.1}%   site name equal: {:.1}%   readerable equal: {:.1}%",
        pct(&|r| r.title), pct(&|r| r.byline), pct(&|r| r.byline_loose), pct(&|r| r.excerpt), pct(&|r| r.site), pct(&|r| r.readerable));
    println!("time per page: median {} µs, max {} µs; slowest page per byte is {:.1}× the median", times[times.len() / 2], times[times.len() - 1], worst / median);
}

/// What the reader shows as the article's text: the dek under the title, then the text. (The
/// title is left out: most ground truth leaves it out.)
pub fn shown_text(article: &decant::Article) -> String {
    match &article.subtitle {
        Some(dek) => format!("{dek}\n\n{}", article.text),
        None => article.text.clone(),
    }
}
