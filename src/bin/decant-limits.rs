//! Decant on pathological pages, against the budgets in README ("Limits"): long articles, huge
//! numbers of small elements, deep and repeated nesting, a Markdown nesting bomb, a very wide table
//! and a page of links. Each case runs in its own process so that its peak memory (VmHWM, Linux)
//! is its own; it runs the readerable check, extracts the page and writes every saved format
//! (Markdown, text, HTML, EPUB), whose largest size it reports. Prints a table; exits 1 if a budget is exceeded.
//!
//!     cargo run --release --bin decant-limits
//!     cargo run --release --bin decant-limits -- --page nests-20mb > page.html
//!
//! The second form writes one case's page, and `--list` names the cases, for the same cases in
//! WebAssembly (`scripts/limits-wasm.mjs`, which `make limits` runs next).

use std::io::Write;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// Seconds one case may take in a release build.
const MAX_SECONDS: f64 = 10.0;
/// Peak memory, as a multiple of the input size (plus the process's own baseline), and at most
/// [`MAX_MEMORY_BYTES`] whatever the input.
const MAX_MEMORY_PER_INPUT_BYTE: u64 = 64;
const BASELINE_BYTES: u64 = 16 << 20;
const MAX_MEMORY_BYTES: u64 = 1 << 30;
/// The largest saved file, as a multiple of the input size.
const MAX_OUTPUT_PER_INPUT_BYTE: u64 = 4;

const CASES: &[(&str, &str)] = &[
    ("article-20mb", "a 20 MB article with navigation and related-link boxes"),
    ("elements-500k", "500,000 small elements"),
    ("elements-60mb", "60 MB of small elements (12 million)"),
    ("nested-100k", "100,000 nested <div>s around a paragraph"),
    ("nests-20mb", "20 MB of 600-deep <div> nests, one after another"),
    ("quotes-190", "a 2 MB article inside 190 nested blockquotes"),
    ("table-10k", "a table of 10,000 columns"),
    ("links-100k", "100,000 links"),
    ("attributes-20mb", "20 MB of tags with 1,024 attributes each"),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, case] = args.as_slice() {
        match flag.as_str() {
            "--case" => return run_case(case),
            "--page" => return write_page(case),
            _ => {}
        }
    }
    if args.get(1).is_some_and(|a| a == "--list") && args.len() == 2 {
        for (name, _) in CASES {
            println!("{name}");
        }
        return ExitCode::SUCCESS;
    }
    if args.len() > 1 {
        eprintln!("usage: decant-limits [--list | --case NAME | --page NAME]");
        return ExitCode::FAILURE;
    }
    let me = std::env::current_exe().expect("own path");
    println!("{:<16} {:>9} {:>8} {:>8} {:>7} {:>9}  result", "case", "input", "seconds", "peak MB", "x input", "saved MB");
    let mut ok = true;
    for (name, what) in CASES {
        let out = Command::new(&me).args(["--case", name]).output().expect("run a case");
        let line = String::from_utf8_lossy(&out.stdout);
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [input, seconds, peak, saved, result @ ..] = fields.as_slice() else {
            println!("{name:<16} failed: {}", String::from_utf8_lossy(&out.stderr).trim());
            ok = false;
            continue;
        };
        let input: u64 = input.parse().unwrap_or(0);
        let seconds: f64 = seconds.parse().unwrap_or(f64::INFINITY);
        let peak: u64 = peak.parse().unwrap_or(0);
        let saved: u64 = saved.parse().unwrap_or(u64::MAX);
        let multiple = peak as f64 / input.max(1) as f64;
        let over_time = seconds > MAX_SECONDS;
        let over_memory = peak > (input * MAX_MEMORY_PER_INPUT_BYTE + BASELINE_BYTES).min(MAX_MEMORY_BYTES);
        let over_output = saved > input * MAX_OUTPUT_PER_INPUT_BYTE;
        ok &= !over_time && !over_memory && !over_output && out.status.success();
        println!(
            "{name:<16} {:>7.1}MB {seconds:>8.2} {:>8.1} {multiple:>7.1} {:>9.1}  {}{}{}{}  ({what})",
            input as f64 / 1e6,
            peak as f64 / 1e6,
            saved as f64 / 1e6,
            result.join(" "),
            if over_time { "  OVER TIME BUDGET" } else { "" },
            if over_memory { "  OVER MEMORY BUDGET" } else { "" },
            if over_output { "  OVER OUTPUT BUDGET" } else { "" },
        );
    }
    println!(
        "budgets: {MAX_SECONDS} s per case; peak memory <= {MAX_MEMORY_PER_INPUT_BYTE} x input + {} MB, and <= {} MB; each saved file <= {MAX_OUTPUT_PER_INPUT_BYTE} x input",
        BASELINE_BYTES >> 20,
        MAX_MEMORY_BYTES >> 20
    );
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Generates one page, extracts it, writes every saved format, and prints `input-bytes seconds
/// peak-bytes largest-saved-bytes outcome`.
fn run_case(name: &str) -> ExitCode {
    let Some(html) = page(name) else {
        eprintln!("unknown case {name:?}");
        return ExitCode::FAILURE;
    };
    let start = Instant::now();
    decant::is_probably_readerable(&html);
    let result = decant::extract(&html, "https://limits.example/page", &decant::Options::default());
    let (saved, outcome) = match &result {
        Ok(a) => {
            let export = decant::Export::default();
            let sizes = [
                decant::markdown(a, &export).len(),
                decant::plain_text(a).len(),
                decant::html_document(a, &export).len(),
                decant::epub(a, &export).len(),
            ];
            (sizes.into_iter().max().unwrap_or(0), format!("article of {} words", a.word_count))
        }
        Err(e) => (0, format!("refused: {}", e.kind())),
    };
    let seconds = start.elapsed().as_secs_f64();
    println!("{} {seconds:.3} {} {saved} {outcome}", html.len(), peak_memory_bytes());
    ExitCode::SUCCESS
}

/// Writes one case's page to standard output.
fn write_page(name: &str) -> ExitCode {
    let Some(html) = page(name) else {
        eprintln!("unknown case {name:?}");
        return ExitCode::FAILURE;
    };
    match std::io::stdout().lock().write_all(html.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("could not write the page: {e}");
            ExitCode::FAILURE
        }
    }
}

fn page(name: &str) -> Option<String> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
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
                rng.words(&mut html, 60);
                html.push_str("and so, on.</p>\n");
                if rng.next().is_multiple_of(20) {
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
        "elements-60mb" => {
            html.push_str("<article>");
            while html.len() < 60_000_000 {
                html.push_str("<div><span>a</span><b>b</b><i>c</i><em>d</em></div>");
            }
            html.push_str("</article>");
        }
        "nests-20mb" => {
            while html.len() < 20_000_000 {
                html.push_str(&"<div>".repeat(600));
                html.push_str("<p>");
                rng.words(&mut html, 40);
                html.push_str("</p>");
                html.push_str(&"</div>".repeat(600));
            }
        }
        "quotes-190" => {
            html.push_str("<article><h1>Quoted</h1>");
            html.push_str(&"<blockquote>".repeat(190));
            while html.len() < 2_000_000 {
                html.push_str("<p>");
                rng.words(&mut html, 30);
                html.push_str("</p>\n");
            }
            html.push_str(&"</blockquote>".repeat(190));
            html.push_str("</article>");
        }
        "table-10k" => {
            html.push_str("<article><h1>Wide</h1><p>");
            rng.words(&mut html, 80);
            html.push_str("</p><table>");
            for row in 0..20 {
                html.push_str("<tr>");
                for col in 0..10_000 {
                    html.push_str(&format!("<td>{}</td>", row * col));
                }
                html.push_str("</tr>");
            }
            html.push_str("</table></article>");
        }
        "links-100k" => {
            html.push_str("<article>");
            for i in 0..100_000 {
                html.push_str(&format!("<p><a href=\"https://limits.example/p/{i}\">"));
                rng.words(&mut html, 4);
                html.push_str("</a> and more words after it.</p>");
            }
            html.push_str("</article>");
        }
        "attributes-20mb" => {
            let attrs: String = (0..1024).map(|i| format!(" a{i}")).collect();
            html.push_str("<article><p>");
            while html.len() < 20_000_000 {
                html.push_str(&format!("<span{attrs}>x</span>"));
            }
            html.push_str("</p></article>");
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

/// The words of the generated pages.
const WORDS: &[&str] = &[
    "the", "river", "gauge", "station", "reading", "height", "water", "flood", "season", "record", "level", "bank", "bridge",
    "town", "weir", "estuary", "tide", "winter", "rain", "survey",
];

/// A fixed xorshift sequence, so that every run builds the same pages.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// `n` words drawn from [`WORDS`], each followed by a space.
    fn words(&mut self, html: &mut String, n: usize) {
        for _ in 0..n {
            html.push_str(WORDS[(self.next() % WORDS.len() as u64) as usize]);
            html.push(' ');
        }
    }
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
