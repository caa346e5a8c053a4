//! URLs as browsers read them, for what a reader needs: parse an absolute URL, resolve a reference
//! against a base, tell the scheme and the host, and write the URL back out. For the special
//! schemes (http, https, ws, wss, ftp, file) it follows the WHATWG URL Standard's parser where a
//! reading could differ from a browser's: a backslash is a slash, any number of slashes may follow
//! the scheme, the authority ends at the first `/`, `\`, `?` or `#`, credentials end at its last
//! `@`, the host is percent-decoded and lower-cased, numeric IPv4 forms (`0x7f.1`) are normalized,
//! a host with a forbidden code point is no URL, default ports go. Whatever is judged (a video
//! host, say) is judged on that reading, and what is written out is that reading serialized, so a
//! saved file never links somewhere other than where the check looked. Not done: IDNA (a host
//! with non-ASCII letters is kept as written, lower-cased), whose tables cost more WASM than the
//! rest of the engine's text handling; such a host never equals an ASCII name on a list.

/// An absolute URL split into its parts, as a browser would split it.
#[derive(Clone, Debug, PartialEq)]
pub struct Url {
    scheme: String,
    /// `//[userinfo@]host[:port]`, empty for URLs without one.
    authority: String,
    path: String,
    query: Option<String>,
}

/// The schemes the URL Standard calls special, with their default ports.
fn special(scheme: &str) -> Option<Option<u16>> {
    match scheme {
        "http" | "ws" => Some(Some(80)),
        "https" | "wss" => Some(Some(443)),
        "ftp" => Some(Some(21)),
        "file" => Some(None),
        _ => None,
    }
}

impl Url {
    /// Parses an absolute URL; `None` if it has no scheme, or (special schemes) no valid host or port.
    pub fn parse(s: &str) -> Option<Url> {
        let s = clean_reference(s);
        let scheme = scheme_of(&s)?;
        let rest = &s[scheme.len() + 1..];
        let rest = rest.split('#').next().unwrap_or("");
        let Some(default_port) = special(&scheme) else {
            let (rest, query) = split_query(rest);
            let (authority, path) = match rest.strip_prefix("//") {
                Some(after) => {
                    let end = after.find('/').unwrap_or(after.len());
                    (format!("//{}", &after[..end]), after[end..].to_string())
                }
                None => (String::new(), rest.to_string()),
            };
            let path = if path.is_empty() && !authority.is_empty() { "/".to_string() } else { path };
            return Some(Url { scheme, authority, path, query });
        };
        // The query keeps its backslashes; before it, a backslash is a slash.
        let (before, query) = split_query(rest);
        let before = before.replace('\\', "/");
        let after_slashes = before.trim_start_matches('/');
        if scheme == "file" {
            let end = after_slashes.find('/').unwrap_or(after_slashes.len());
            let host = after_slashes[..end].to_ascii_lowercase();
            let path = remove_dot_segments(&format!("/{}", after_slashes[end..].trim_start_matches('/')));
            return Some(Url { scheme, authority: format!("//{host}"), path, query });
        }
        let end = after_slashes.find('/').unwrap_or(after_slashes.len());
        let authority = special_authority(&after_slashes[..end], default_port)?;
        let path = remove_dot_segments(if end < after_slashes.len() { &after_slashes[end..] } else { "/" });
        Some(Url { scheme, authority, path, query })
    }

    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// Host name without port or credentials, lower-cased.
    pub fn host(&self) -> String {
        let a = self.authority.trim_start_matches('/');
        let a = a.rsplit('@').next().unwrap_or(a);
        let host = if a.starts_with('[') { a.split(']').next().map(|h| format!("{h}]")).unwrap_or_default() } else { a.split(':').next().unwrap_or("").to_string() };
        host.to_lowercase()
    }

    /// Resolves `reference` against this URL, as a browser resolves a link on a page at this URL,
    /// and serializes the result. Returns `None` for references that cannot be made absolute.
    pub fn join(&self, reference: &str) -> Option<String> {
        let r = clean_reference(reference);
        let (r, fragment) = match r.split_once('#') {
            Some((a, f)) => (a.to_string(), Some(f)),
            None => (r, None),
        };
        let frag = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        let is_special = special(&self.scheme).is_some();
        let mut r = r.as_str();
        if let Some(scheme) = scheme_of(r) {
            let rest = &r[scheme.len() + 1..];
            // "http:g" on an http page is relative (special schemes only).
            let relative = is_special && scheme == self.scheme && !rest.starts_with(['/', '\\']);
            if !relative {
                if special(&scheme).is_some() {
                    return Url::parse(r).map(|u| format!("{}{frag}", u.as_string()));
                }
                return Some(format!("{scheme}:{rest}{frag}"));
            }
            r = rest;
        }
        let (rpath, rquery) = split_query(r);
        let rpath = if is_special { rpath.replace('\\', "/") } else { rpath.to_string() };
        if rpath.starts_with("//") {
            let q = rquery.map(|q| format!("?{q}")).unwrap_or_default();
            let absolute = format!("{}:{rpath}{q}", self.scheme);
            return Url::parse(&absolute).map(|u| format!("{}{frag}", u.as_string()));
        }
        let (path, query) = if rpath.is_empty() {
            (self.path.clone(), rquery.or_else(|| self.query.clone()))
        } else if rpath.starts_with('/') {
            (remove_dot_segments(&rpath), rquery)
        } else {
            let dir = match self.path.rfind('/') {
                Some(i) => &self.path[..=i],
                None if !self.authority.is_empty() => "/",
                None => "",
            };
            (remove_dot_segments(&format!("{dir}{rpath}")), rquery)
        };
        let q = query.map(|q| format!("?{q}")).unwrap_or_default();
        Some(format!("{}:{}{}{}{}", self.scheme, self.authority, path, q, frag))
    }

    /// This URL without fragment, as a string.
    pub fn as_string(&self) -> String {
        let q = self.query.as_ref().map(|q| format!("?{q}")).unwrap_or_default();
        format!("{}:{}{}{}", self.scheme, self.authority, self.path, q)
    }
}

fn split_query(s: &str) -> (&str, Option<String>) {
    match s.split_once('?') {
        Some((a, q)) => (a, Some(q.to_string())),
        None => (s, None),
    }
}

/// The authority of a special URL (`raw`: what lies between the slashes after the scheme and the
/// path), serialized as `//[userinfo@]host[:port]`; `None` where a browser finds no valid host or port.
fn special_authority(raw: &str, default_port: Option<u16>) -> Option<String> {
    let (userinfo, hostport) = match raw.rfind('@') {
        Some(at) => (Some(&raw[..at]), &raw[at + 1..]),
        None => (None, raw),
    };
    let (host, port) = if hostport.starts_with('[') {
        let close = hostport.find(']')?;
        let after = &hostport[close + 1..];
        let port = if after.is_empty() { None } else { Some(after.strip_prefix(':')?) };
        (hostport[..=close].to_ascii_lowercase(), port)
    } else {
        match hostport.split_once(':') {
            Some((h, p)) => (host_of(h)?, Some(p)),
            None => (host_of(hostport)?, None),
        }
    };
    let port = match port.filter(|p| !p.is_empty()) {
        None => None,
        Some(p) => {
            if !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n = u16::try_from(p.parse::<u32>().ok()?).ok()?;
            (Some(n) != default_port).then_some(n)
        }
    };
    let mut out = String::from("//");
    if let Some(u) = userinfo.filter(|u| !u.is_empty()) {
        // An `@` inside the credentials is encoded, as browsers write it (the last one ends them).
        out.push_str(&u.replace('@', "%40"));
        out.push('@');
    }
    out.push_str(&host);
    if let Some(p) = port {
        out.push_str(&format!(":{p}"));
    }
    Some(out)
}

/// A special URL's host as a browser reads it: percent-decoded, lower-cased, an IPv4 address in
/// its dotted decimal form; `None` if empty, holding a forbidden code point, or a bad number.
fn host_of(raw: &str) -> Option<String> {
    let decoded = percent_decode(raw);
    let host = decoded.to_ascii_lowercase();
    let forbidden = |c: char| c <= ' ' || c == '\u{7f}' || "#%/:<>?@[\\]^|".contains(c);
    if host.is_empty() || host.chars().any(forbidden) {
        return None;
    }
    match ends_in_a_number(&host) {
        true => ipv4(&host),
        false => Some(host),
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The URL Standard's "ends in a number": the last label (a trailing dot aside) is digits, or 0x
/// and hex digits.
fn ends_in_a_number(host: &str) -> bool {
    let last = labels(host).last().copied().unwrap_or("");
    !last.is_empty() && (last.bytes().all(|b| b.is_ascii_digit()) || hex_digits(last).is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())))
}

/// A host's dot-separated labels, without the empty one a trailing dot leaves.
fn labels(host: &str) -> Vec<&str> {
    let mut labels: Vec<&str> = host.split('.').collect();
    if labels.last() == Some(&"") && labels.len() > 1 {
        labels.pop();
    }
    labels
}

/// What follows a `0x` (or `0X`) prefix, if there is one.
fn hex_digits(s: &str) -> Option<&str> {
    s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))
}

/// An IPv4 host in dotted decimal, from any of the forms browsers take (`0x7f.1`, `2130706433`,
/// `0177.0.0.1`); `None` where a browser fails it.
fn ipv4(host: &str) -> Option<String> {
    let parts = labels(host);
    if parts.len() > 4 {
        return None;
    }
    let mut numbers = Vec::with_capacity(4);
    for p in &parts {
        let (digits, radix) = if let Some(hex) = hex_digits(p) {
            (hex, 16)
        } else if p.len() >= 2 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if p.is_empty() {
            return None;
        }
        let n = if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? };
        numbers.push(n);
    }
    let last = numbers.pop()?;
    if numbers.iter().any(|&n| n > 255) || last >= 256u64.pow(4 - numbers.len() as u32) {
        return None;
    }
    let mut value = last;
    for (i, n) in numbers.iter().enumerate() {
        value += n * 256u64.pow(3 - i as u32);
    }
    Some(format!("{}.{}.{}.{}", value >> 24, (value >> 16) & 255, (value >> 8) & 255, value & 255))
}

/// A URL as a browser reads an attribute's value (URL standard, basic parser): leading and
/// trailing C0 controls and spaces stripped, tabs and newlines inside removed.
pub fn clean_reference(reference: &str) -> String {
    reference.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

/// The lower-cased scheme of `s` if it starts with one (`http:`, `mailto:`...).
pub fn scheme_of(s: &str) -> Option<String> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    Some(scheme.to_ascii_lowercase())
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') { format!("/{joined}") } else { joined }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_rfc3986_examples() {
        let base = Url::parse("http://a/b/c/d;p?q").unwrap();
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("https://x.org/y", "https://x.org/y"),
        ] {
            assert_eq!(base.join(r).as_deref(), Some(want), "resolving {r:?}");
        }
    }

    /// Each pair was checked against a browser's own parser (`new URL(input, base).href` in Node,
    /// which implements the URL Standard); tests/js/pkg.test.mjs checks the engine's output against
    /// that parser directly.
    #[test]
    fn reads_urls_as_browsers_do() {
        let base = Url::parse("https://news.example/a/b.html?q=1").unwrap();
        for (r, want) in [
            ("https://evil.example\\@www.youtube.com/", "https://evil.example/@www.youtube.com/"),
            ("https://evil.example\\.youtube.com/", "https://evil.example/.youtube.com/"),
            ("https://a@b@www.youtube.com/x", "https://a%40b@www.youtube.com/x"),
            ("HTTPS://WWW.YouTube.COM:443/embed/x", "https://www.youtube.com/embed/x"),
            ("https:///\\\\evil.example/x", "https://evil.example/x"),
            ("\\\\evil.example/x", "https://evil.example/x"),
            ("/\\evil.example/x", "https://evil.example/x"),
            ("https:evil.example/x", "https://news.example/a/evil.example/x"),
            ("http:evil.example/x", "http://evil.example/x"),
            ("https://0x7f.1/", "https://127.0.0.1/"),
            ("https://2130706433:8080/", "https://127.0.0.1:8080/"),
            ("https://ex%41mple.com/", "https://example.com/"),
            ("c\\d/../e?x\\y", "https://news.example/a/c/e?x\\y"),
            ("https://ex ample.com/", ""),
            ("https://example.com:99999/", ""),
            ("https://256.256.256.256/", ""),
        ] {
            assert_eq!(base.join(r).unwrap_or_default(), want, "resolving {r:?}");
        }
        assert_eq!(Url::parse("https://evil.example\\@www.youtube.com/").unwrap().host(), "evil.example");
        // Hosts whose labels begin with a letter of several bytes (the fuzzer's find).
        assert_eq!(Url::parse("https://é.example/").unwrap().host(), "é.example");
        assert!(Url::parse("https://1.é2/").is_some());
        assert!(Url::parse("https://é1.2/").is_none());
    }

    #[test]
    fn hosts_and_schemes() {
        assert_eq!(Url::parse("https://User@Example.COM:8080/x").unwrap().host(), "example.com");
        assert_eq!(scheme_of("JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme_of("/a:b"), None);
        assert!(Url::parse("no scheme").is_none());
    }
}
