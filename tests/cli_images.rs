//! `decant --images fetch`: the CLI downloads the article's images into the saved files, within
//! the extension's limits and with the extension's notes, from a server on 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::Command;
use std::sync::{Arc, Mutex};

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15,
    0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0xf8, 0xcf, 0x50, 0x0f, 0, 0x03, 0x86, 0x01, 0x80, 0x5a, 0x34,
    0x7d, 0x6b, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Serves `/images/*.png` (a PNG), `/huge.png` (21 MB without a length, as a stream that ends
/// when the connection closes) and 404 for the rest; records each request's head.
fn serve() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let origin = format!("http://{}", listener.local_addr().expect("address"));
    let heard = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&heard);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                let mut head = String::new();
                let mut reader = BufReader::new(stream.try_clone().expect("stream"));
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    head.push_str(&line);
                }
                let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
                log.lock().expect("log").push(head);
                if path.starts_with("/images/") {
                    let _ = write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", PNG.len());
                    let _ = stream.write_all(PNG);
                } else if path == "/huge.png" {
                    let _ = write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n");
                    let chunk = vec![7u8; 1 << 20];
                    for _ in 0..21 {
                        if stream.write_all(&chunk).is_err() {
                            break;
                        }
                    }
                } else {
                    let _ = write!(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                }
            });
        }
    });
    (origin, heard)
}

fn page(origin: &str) -> String {
    let text = "<p>The lighthouse keeper's log runs to forty volumes, each written in the same square hand, with the weather, the ships that passed and the oil burned every night.</p>".repeat(3);
    format!("<!DOCTYPE html><html lang=en><head><title>The Keeper's Log</title></head><body><article><h1>The Keeper's Log</h1>{text}<figure><img src=\"{origin}/images/log.png\" alt=\"A page of the log\"></figure>{text}<figure><img src=\"{origin}/missing.png\" alt=\"The lamp\"></figure><figure><img src=\"{origin}/huge.png\" alt=\"The tower\"></figure>{text}</article></body></html>")
}

fn run(dir: &std::path::Path, page: &str, args: &[&str]) -> (String, String) {
    let input = dir.join("page.html");
    std::fs::write(&input, page).expect("write page");
    let out = Command::new(env!("CARGO_BIN_EXE_decant")).arg(&input).args(["--url", "https://keeper.example/log"]).args(args).output().expect("run decant");
    assert!(out.status.success(), "decant failed: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn images_are_downloaded_only_when_asked_within_the_limits() {
    let (origin, heard) = serve();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-images");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let saved = dir.join("saved.html");
    let saved_arg = saved.to_str().expect("path");

    // Not asked: nothing is fetched, and the file says where each image was.
    run(&dir, &page(&origin), &["--format", "html", "-o", saved_arg]);
    assert!(heard.lock().expect("log").is_empty(), "decant fetched without --images fetch");
    let html = std::fs::read_to_string(&saved).expect("saved");
    assert_eq!(html.matches("it was not downloaded (decant --images fetch downloads images)").count(), 3, "{html}");

    // Asked: the image is inside, the missing and the huge one noted as the extension notes them.
    run(&dir, &page(&origin), &["--format", "html", "--images", "fetch", "-o", saved_arg]);
    let html = std::fs::read_to_string(&saved).expect("saved");
    assert!(html.contains("<img alt=\"A page of the log\" src=\"data:image/png;base64,"), "{html}");
    assert!(html.contains(&format!("[Image not saved (The lamp): {origin}/missing.png: it could not be loaded (the server answered 404)]")), "{html}");
    assert!(html.contains(&format!("[Image not saved (The tower): {origin}/huge.png: it is larger than 20 MB]")), "{html}");
    let heads = heard.lock().expect("log").clone();
    assert_eq!(heads.len(), 3, "{heads:#?}");
    for head in &heads {
        let lower = head.to_ascii_lowercase();
        assert!(!lower.contains("\ncookie:") && !lower.contains("\nreferer:"), "{head}");
    }

    // The same bytes as the library writes with the same images and notes (as the extension does).
    let article = decant::extract(&page(&origin), "https://keeper.example/log", &decant::Options::default()).expect("article");
    let mut export = decant::Export::default();
    export.add_image(&format!("{origin}/images/log.png"), "image/png", PNG.to_vec());
    export.missing.insert(format!("{origin}/missing.png"), "it could not be loaded (the server answered 404)".into());
    export.missing.insert(format!("{origin}/huge.png"), "it is larger than 20 MB".into());
    assert_eq!(html, decant::html_document(&article, &export));

    // An unknown value is refused in a sentence.
    let out = Command::new(env!("CARGO_BIN_EXE_decant")).args(["--images", "all"]).output().expect("run decant");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("use fetch (download the images) or none"));
}
