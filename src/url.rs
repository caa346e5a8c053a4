//! Just enough URL handling for a reader: resolve a reference against an absolute base (RFC 3986
//! section 5.2) and tell which scheme a URL has. The `url` crate would do this too, but its IDNA
//! tables cost more WASM than the rest of the engine's text handling.

/// An absolute `http(s)` (or other hierarchical) URL split into its parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Url {
    scheme: String,
    /// `//host[:port]`, empty for URLs without one.
    authority: String,
    path: String,
    query: Option<String>,
}

impl Url {
    /// Parses an absolute URL; `None` if it has no scheme.
    pub fn parse(s: &str) -> Option<Url> {
        let s = s.trim();
        let scheme = scheme_of(s)?;
        let rest = &s[scheme.len() + 1..];
        let rest = rest.split('#').next().unwrap_or("");
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r, Some(q.to_string())),
            None => (rest, None),
        };
        let (authority, path) = if let Some(after) = rest.strip_prefix("//") {
            let end = after.find('/').unwrap_or(after.len());
            (format!("//{}", &after[..end]), after[end..].to_string())
        } else {
            (String::new(), rest.to_string())
        };
        let path = if path.is_empty() && !authority.is_empty() { "/".to_string() } else { path };
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

    /// Resolves `reference` against this URL. Returns `None` for references that cannot be made
    /// absolute (an empty scheme, say).
    pub fn join(&self, reference: &str) -> Option<String> {
        let r = clean_reference(reference);
        let r = r.as_str();
        if let Some(scheme) = scheme_of(r) {
            let rest = &r[scheme.len() + 1..];
            return Some(format!("{scheme}:{rest}"));
        }
        let (r, fragment) = match r.split_once('#') {
            Some((a, f)) => (a, Some(f)),
            None => (r, None),
        };
        let frag = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        if let Some(rest) = r.strip_prefix("//") {
            return Some(format!("{}://{}{}", self.scheme, rest, frag));
        }
        let (rpath, rquery) = match r.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (r, None),
        };
        let (path, query) = if rpath.is_empty() {
            (self.path.clone(), rquery.map(str::to_string).or_else(|| self.query.clone()))
        } else if rpath.starts_with('/') {
            (remove_dot_segments(rpath), rquery.map(str::to_string))
        } else {
            let dir = match self.path.rfind('/') {
                Some(i) => &self.path[..=i],
                None if !self.authority.is_empty() => "/",
                None => "",
            };
            (remove_dot_segments(&format!("{dir}{rpath}")), rquery.map(str::to_string))
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
            ("//g", "http://g"),
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

    #[test]
    fn hosts_and_schemes() {
        assert_eq!(Url::parse("https://User@Example.COM:8080/x").unwrap().host(), "example.com");
        assert_eq!(scheme_of("JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme_of("/a:b"), None);
        assert!(Url::parse("no scheme").is_none());
    }
}
