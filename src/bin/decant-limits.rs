//! Decant on pathological pages, against the budgets in README ("Limits"): a 20 MB article, a page
//! of 500,000 elements, and 100,000 nested elements. Each case runs in its own process so that its
//! peak memory (VmHWM, Linux) is its own. Prints a table; exits 1 if a budget is exceeded.
//!
//!     cargo run --release --bin decant-limits

use std::process::{Command, ExitCode};
use std::time::Instant;

/// Seconds one case may take in a release build.
const MAX_SECONDS: f64 = 10.0;
/// Peak memory, as a multiple of the input size (plus the process's own baseline).
const MAX_MEMORY_PER_INPUT_BYTE: u64 = 64;
const BASELINE_BYTES: u64 = 16 << 20;

const CASES: &[(&str, &str)] = &[
    ("article-20mb", "a 20 MB article with navigation and related-link boxes"),
    ("elements-500k", "500,000 small elements"),
    ("nested-100k", "100,000 nested <div>s around a paragraph"),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, case] = args.as_slice() {
        if flag == "--case" {
            return run_case(case);
        }
    }
    let me = std::env::current_exe().expect("own path");
    println!("{:<14} {:>10} {:>9} {:>11} {:>8}  result", "case", "input", "seconds", "peak MB", "x input");
    let mut ok = true;
    for (name, what) in CASES {
        let out = Command::new(&me).args(["--case", name]).output().expect("run a case");
        let line = String::from_utf8_lossy(&out.stdout);
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [input, seconds, peak, result @ ..] = fields.as_slice() else {
            println!("{name:<14} failed: {}", String::from_utf8_lossy(&out.stderr).trim());
            ok = false;
            continue;
        };
        let input: u64 = input.parse().unwrap_or(0);
        let seconds: f64 = seconds.parse().unwrap_or(f64::INFINITY);
        let peak: u64 = peak.parse().unwrap_or(0);
        let multiple = peak as f64 / input.max(1) as f64;
        let over_time = seconds > MAX_SECONDS;
        let over_memory = peak > input * MAX_MEMORY_PER_INPUT_BYTE + BASELINE_BYTES;
        ok &= !over_time && !over_memory && out.status.success();
        println!(
            "{name:<14} {:>8.1}MB {seconds:>9.2} {:>11.1} {multiple:>8.1}  {}{}{}  ({what})",
            input as f64 / 1e6,
            peak as f64 / 1e6,
            result.join(" "),
            if over_time { "  OVER TIME BUDGET" } else { "" },
            if over_memory { "  OVER MEMORY BUDGET" } else { "" },
        );
    }
    println!("budgets: {MAX_SECONDS} s per case; peak memory <= {MAX_MEMORY_PER_INPUT_BYTE} x input + {} MB", BASELINE_BYTES >> 20);
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Generates one page, extracts it, and prints `input-bytes seconds peak-bytes outcome`.
fn run_case(name: &str) -> ExitCode {
    let Some(html) = page(name) else {
        eprintln!("unknown case {name:?}");
        return ExitCode::FAILURE;
    };
    let start = Instant::now();
    let result = decant::extract(&html, "https://limits.example/page", &decant::Options::default());
    let seconds = start.elapsed().as_secs_f64();
    let outcome = match &result {
        Ok(a) => format!("article of {} words", a.word_count),
        Err(e) => format!("refused: {e}"),
    };
    println!("{} {seconds:.3} {} {outcome}", html.len(), peak_memory_bytes());
    ExitCode::SUCCESS
}

fn page(name: &str) -> Option<String> {
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    const WORDS: &[&str] = &[
        "the", "river", "gauge", "station", "reading", "height", "water", "flood", "season", "record", "level", "bank",
        "bridge", "town", "weir", "estuary", "tide", "winter", "rain", "survey",
    ];
    let mut html = String::from("<!DOCTYPE html><html><head><title>Limits | Test</title></head><body>");
    match name {
        "article-20mb" => {
            html.push_str("<nav>");
            for i in 0..200 {
                html.push_str(&format!("<a href=\"/section/{i}\">Section {i}</a> "));
            }
            html.push_str("</nav><article><h1>A very long article</h1>");
            while html.len() < 20_000_000 {
                html.push_str("<p>");
                for _ in 0..60 {
                    html.push_str(WORDS[(next() % WORDS.len() as u64) as usize]);
                    html.push(' ');
                }
                html.push_str("and so, on.</p>\n");
                if next() % 20 == 0 {
                    html.push_str("<div class=\"related\"><ul>");
                    for _ in 0..5 {
                        html.push_str("<li><a href=\"/story\">A related story</a></li>");
                    }
                    html.push_str("</ul></div>\n");
                }
            }
            html.push_str("</article>");
        }
        "elements-500k" => {
            html.push_str("<article>");
            for _ in 0..100_000 {
                html.push_str("<div><span>a</span><b>b</b><i>c</i><em>d</em></div>");
            }
            html.push_str("</article>");
        }
        "nested-100k" => {
            html.push_str(&"<div>".repeat(100_000));
            html.push_str("<p>");
            for _ in 0..200 {
                html.push_str("deep, ");
            }
            html.push_str("</p>");
            html.push_str(&"</div>".repeat(100_000));
        }
        _ => return None,
    }
    html.push_str("</body></html>");
    Some(html)
}

/// The process's peak resident memory, from /proc (0 where that does not exist).
fn peak_memory_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}
