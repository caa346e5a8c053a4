//! `cargo run --release` (in bench/, or `make bench`): times Decant's `extract` and dom_smoothie's
//! `parse` on every page of the corpus (../shared/corpus/readability/pages by default), in the same
//! process, alternating, each page RUNS times; prints each page's median for both and the
//! summary: median and p95 per page, throughput in MB/s, and how many pages each was faster on.
//!
//!     cargo run --release -- [CORPUS_DIR] [--runs N] [--summary] [--only-decant]

use std::path::PathBuf;
use std::time::{Duration, Instant};

const URL: &str = "http://fakehost/test/page.html";

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/readability/pages"));
    let mut runs = 7usize;
    let mut verbose = true;
    let mut only_decant = false; // for profiling Decant alone
    let mut parse_only = false; // both parsers alone: how much of the time is parsing
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0).expect("--runs needs a positive number"),
            "--summary" => verbose = false,
            "--only-decant" => only_decant = true,
            "--parse-only" => parse_only = true,
            _ => corpus = PathBuf::from(a),
        }
    }
    let mut dirs: Vec<PathBuf> = match std::fs::read_dir(&corpus) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.join("source.html").exists()).collect(),
        Err(e) => {
            eprintln!("bench: cannot read the corpus at {}: {e}", corpus.display());
            std::process::exit(1);
        }
    };
    dirs.sort();
    let (mut decant_times, mut smoothie_times) = (Vec::new(), Vec::new());
    let (mut bytes, mut decant_total, mut smoothie_total) = (0usize, Duration::ZERO, Duration::ZERO);
    let (mut decant_wins, mut smoothie_failures) = (0, 0);
    if verbose {
        println!("{:<40} {:>9} {:>12} {:>14} {:>7}", "page", "bytes", "decant ms", "smoothie ms", "ratio");
    }
    for dir in &dirs {
        let html = std::fs::read_to_string(dir.join("source.html")).unwrap_or_default();
        let (mut d, mut s) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
        let mut smoothie_ok = true;
        for _ in 0..runs {
            let t = Instant::now();
            if parse_only {
                let _ = std::hint::black_box(decant::test_api::Dom::parse_document(&html));
            } else {
                let _ = std::hint::black_box(decant::extract(&html, URL, &decant::Options::default()));
            }
            d.push(t.elapsed());
            if parse_only {
                let t = Instant::now();
                let _ = std::hint::black_box(dom_query::Document::from(html.as_str()));
                s.push(t.elapsed());
                continue;
            }
            if only_decant {
                s.push(Duration::ZERO);
                continue;
            }
            let t = Instant::now();
            let result = dom_smoothie::Readability::new(html.as_str(), Some(URL), None).and_then(|mut r| r.parse());
            s.push(t.elapsed());
            smoothie_ok &= std::hint::black_box(result).is_ok();
        }
        let (dm, sm) = (median(&mut d), median(&mut s));
        bytes += html.len();
        decant_total += dm;
        smoothie_total += sm;
        decant_times.push(dm);
        smoothie_times.push(sm);
        decant_wins += usize::from(dm < sm);
        smoothie_failures += usize::from(!smoothie_ok);
        if verbose {
            let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            println!("{name:<40} {:>9} {:>12.3} {:>14.3} {:>7.2}{}", html.len(), ms(dm), ms(sm), ms(dm) / ms(sm), if smoothie_ok { "" } else { "  (dom_smoothie: error)" });
        }
    }
    decant_times.sort();
    smoothie_times.sort();
    let n = dirs.len();
    println!();
    println!("pages: {n}, {runs} runs each (median of the runs per page), {:.1} MB in all", bytes as f64 / 1e6);
    for (name, times, total) in [("decant", &decant_times, decant_total), ("dom_smoothie", &smoothie_times, smoothie_total)] {
        println!(
            "{name:<13} median {:>7.3} ms   p95 {:>7.3} ms   max {:>8.3} ms   {:>6.1} MB/s",
            ms(percentile(times, 0.5)),
            ms(percentile(times, 0.95)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
            bytes as f64 / 1e6 / total.as_secs_f64()
        );
    }
    println!("decant/dom_smoothie median ratio: {:.2}; decant faster on {decant_wins} of {n} pages", ms(percentile(&decant_times, 0.5)) / ms(percentile(&smoothie_times, 0.5)));
    if smoothie_failures > 0 {
        println!("dom_smoothie returned an error on {smoothie_failures} pages (their times still count)");
    }
}
