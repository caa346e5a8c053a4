//! `decant [FILE|-] [--url URL] [--format markdown|textpack|html|text|epub|json] [--images fetch] [--output FILE] [--explain]`:
//! the article of a saved page, on standard output or in a file; or what was left out of it, and why.

use std::io::IsTerminal as _;
use std::io::{Read, Write};
use std::process::ExitCode;

mod images;

const USAGE: &str = "usage: decant [FILE|-] [--url URL] [--format markdown|textpack|html|text|epub|json] [--images fetch] [--output FILE] [--explain]

Reads a web page (a file, or standard input when FILE is - or missing), extracts its article and
writes it to standard output, or to --output FILE. --url is the page's address, used to make links
absolute. html is one self-contained file; epub is a book and textpack Markdown with its images (a
zipped TextBundle), each written to a file (named after the title unless --output says otherwise).

--images fetch downloads the article's images into the saved HTML, EPUB and textpack (each at most
20 MB and 20 s, 100 MB in all, without cookies), as the extension's Save does; without it nothing is
downloaded and those files say where each image was.

--explain lists, instead of the article, each block of the page that the article does not have:
the stage and rule that left it out, the element and the start of its text (as JSON with
--format json). With --output, the article is written to that file as well.";

#[derive(Clone, Copy)]
enum Format {
    Markdown,
    Html,
    Text,
    Epub,
    Textpack,
    Json,
}

struct Args {
    input: Option<String>,
    url: String,
    format: Format,
    output: Option<String>,
    explain: bool,
    fetch_images: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args { input: None, url: String::new(), format: Format::Markdown, output: None, explain: false, fetch_images: false };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--url" => parsed.url = args.next().ok_or("--url needs a value, such as --url https://example.com/story")?,
            "--format" => {
                let value = args.next().ok_or("--format needs a value: markdown, textpack, html, text, epub or json")?;
                parsed.format = match value.as_str() {
                    "markdown" | "md" => Format::Markdown,
                    "html" => Format::Html,
                    "text" | "txt" => Format::Text,
                    "epub" => Format::Epub,
                    "textpack" => Format::Textpack,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format {other:?}: use markdown, textpack, html, text, epub or json")),
                };
            }
            "--explain" => parsed.explain = true,
            "--images" => {
                parsed.fetch_images = match args.next().as_deref() {
                    Some("fetch") => true,
                    Some("none") => false,
                    Some(other) => return Err(format!("unknown value {other:?} for --images: use fetch (download the images) or none")),
                    None => return Err("--images needs a value: fetch (download the images) or none".to_string()),
                }
            }
            "--output" | "-o" => parsed.output = Some(args.next().ok_or("--output needs a file name")?),
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            _ if parsed.input.is_some() => return Err(format!("only one input file may be given (got a second: {arg:?})")),
            _ => parsed.input = Some(arg),
        }
    }
    Ok(Some(parsed))
}

fn read_input(input: Option<&str>) -> Result<String, String> {
    let bytes = match input {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
            buf
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
    };
    // Pages are not always valid UTF-8; replace what is not rather than refuse the page.
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            // As browsers do with malformed UTF-8: each bad sequence becomes U+FFFD.
            let bad = e.utf8_error().valid_up_to();
            eprintln!("decant: warning: the input is not valid UTF-8 (first bad byte at offset {bad}); bad bytes are shown as U+FFFD");
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

fn run() -> Result<(), String> {
    let Some(args) = parse_args(std::env::args().skip(1))? else {
        println!("{USAGE}");
        return Ok(());
    };
    let html = read_input(args.input.as_deref())?;
    let options = decant::Options::default();
    let (article, removals) = if args.explain {
        decant::explain(&html, &args.url, &options)
    } else {
        decant::extract(&html, &args.url, &options).map(|a| (a, Vec::new()))
    }
    .map_err(|e| e.to_string())?;
    if args.explain && args.output.is_none() {
        return write_stdout(&explanation(&removals, args.format)?);
    }
    let mut export = decant::Export { saved: Some(today()), ..Default::default() };
    let urls = decant::image_urls(&article);
    if args.fetch_images && matches!(args.format, Format::Html | Format::Epub | Format::Textpack) {
        images::fetch(&urls, &mut export);
    } else {
        for url in urls {
            export.missing.insert(url, "it was not downloaded (decant --images fetch downloads images)".to_string());
        }
    }
    let out: Vec<u8> = match args.format {
        Format::Markdown => decant::markdown(&article, &export).into_bytes(),
        Format::Html => decant::html_document(&article, &export).into_bytes(),
        Format::Text => decant::plain_text(&article).into_bytes(),
        Format::Epub => decant::epub(&article, &export),
        Format::Textpack => decant::textpack(&article, &export),
        Format::Json => (serde_json::to_string_pretty(&article).map_err(|e| e.to_string())? + "\n").into_bytes(),
    };
    // A book or an archive is binary: it goes to a file, never to a terminal.
    let output = match (&args.output, args.format) {
        (Some(path), _) => Some(path.clone()),
        (None, Format::Epub) => Some(format!("{}.epub", decant::file_stem(&article.title))),
        (None, Format::Textpack) => Some(format!("{}.textpack", decant::file_stem(&article.title))),
        (None, _) => None,
    };
    if let Some(path) = output {
        std::fs::write(&path, &out).map_err(|e| format!("cannot write {path}: {e}"))?;
        eprintln!("decant: wrote {path}");
        if args.explain {
            return write_stdout(&explanation(&removals, args.format)?);
        }
        return Ok(());
    }
    write_stdout(&out)
}

fn write_stdout(out: &[u8]) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    // On a terminal, the page's text loses what the terminal would act on (escape sequences, bidi
    // controls); into a pipe or file it goes byte for byte.
    let shown;
    let out = if stdout.is_terminal() {
        shown = decant::for_terminal(&String::from_utf8_lossy(out));
        shown.as_bytes()
    } else {
        out
    };
    match stdout.write_all(out).and_then(|()| stdout.flush()) {
        // A closed pipe (`decant page.html | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("cannot write output: {e}")),
    }
}

/// The removals, one per line (stage, rule, element, characters, start of text), or as JSON.
fn explanation(removals: &[decant::Removal], format: Format) -> Result<Vec<u8>, String> {
    if matches!(format, Format::Json) {
        return Ok((serde_json::to_string_pretty(removals).map_err(|e| e.to_string())? + "\n").into_bytes());
    }
    let mut out = format!("{} blocks left out of the article:\n", removals.len());
    for r in removals {
        // Utility-class pages give long selectors: the columns stay aligned.
        let element = match r.element.char_indices().nth(36) {
            Some((at, _)) => format!("{}…", &r.element[..at]),
            None => r.element.clone(),
        };
        out.push_str(&format!("{:<8} {:<42} {:<37} {:>6} chars  {}\n", r.stage, r.rule, element, r.chars, r.text));
    }
    Ok(out.into_bytes())
}

/// Today's date (UTC), ISO 8601.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    decant::utc_date(secs as i64)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("decant: {message}");
            if message.starts_with("unknown") || message.contains("needs a value") || message.starts_with("only one") {
                eprintln!("{USAGE}");
            }
            ExitCode::FAILURE
        }
    }
}
