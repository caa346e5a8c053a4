//! Threads: a forum topic, a question with its answers, a discussion under a link. Read as every
//! post in order, each with its author and date, instead of the one post scoring would pick.
//!
//! A thread is found by its shape, which every forum engine shares: elements of one kind (the
//! same tag and first class word) side by side, each naming an author and holding text of its
//! own. Replies nested in their parent (Reddit, Hacker News, Lemmy) are posts of the same kind
//! further down. Each post's text is its `itemprop="text"` element when it has one, else the
//! element that holds nearly all of its text (which leaves out the author's box, the signature
//! and the buttons).
//!
//! Structured data saying the page is a thread (`DiscussionForumPosting`, `QAPage`) lowers the
//! bar; structured data saying it is an article raises it to never: there, posts are comments.

use super::nodes::{is_heading_linking_away, is_modal_dialog, next_node};
use super::patterns as pat;
use crate::article::{POST_BY_CLASS, POST_CLASS};
use crate::dom::{Dom, NodeId};
use crate::text::{normalize_space, words_len};

/// A post: its text's element, and who wrote it when.
pub struct Post {
    pub body: NodeId,
    pub author: Option<String>,
    /// The date as the page shows it, and as ISO 8601 when it could be read.
    pub date: Option<(String, Option<String>)>,
}

/// What the page's structured data says it is.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Declared {
    /// A `DiscussionForumPosting` or a `QAPage`, or answers in microdata.
    pub thread: bool,
    /// An article, news story or blog post, a product, a recipe... (whose posts, if any, are
    /// comments or reviews).
    pub article: bool,
}

/// The length of the text outside links of every node below a root, from one bottom-up pass. The elements in `barriers` count for themselves but not for their
/// ancestors (a reply's text is its own, not its parent's).
struct Lengths {
    unlinked: Vec<usize>,
}

impl Lengths {
    fn of(dom: &Dom, root: NodeId, barriers: &[NodeId]) -> Lengths {
        let mut unlinked = vec![0usize; dom.capacity()];
        let mut barrier = vec![false; dom.capacity()];
        for &b in barriers {
            barrier[b.index()] = true;
        }
        let order: Vec<NodeId> = std::iter::once(root).chain(dom.descendants(root)).collect();
        for &n in order.iter().rev() {
            if let Some(t) = dom.text(n) {
                let chars = words_len(t);
                unlinked[n.index()] = chars;
                continue;
            }
            let u = dom.child_nodes(n).filter(|c| !barrier[c.index()]).map(|c| unlinked[c.index()]).sum();
            unlinked[n.index()] = if dom.is(n, "a") { 0 } else { u };
        }
        Lengths { unlinked }
    }

    fn prose(&self, n: NodeId) -> usize {
        self.unlinked[n.index()]
    }
}

/// The kinds of element a post can be told by, least sure first: its tag with its id's letters
/// before the first digit when the id numbers it (`div#edit37597539`, `li#comment-12`: forums
/// that give their posts ids but no class), its tag with the first word of its class without
/// digits (`article.message`, `div.topic-body`), and its tag with a microdata type of posts (a
/// `DiscussionForumPosting` and its `Comment`s are one kind). An element without a class is of
/// the kind of its tag alone if it is an `<article>`, `<li>` or table row.
fn kinds_of(dom: &Dom, n: NodeId) -> [Option<(&str, &str)>; 3] {
    let Some(tag) = dom.tag(n) else { return [None, None, None] };
    let by_id = dom.attr(n, "id").and_then(|id| {
        let prefix = &id[..id.find(|c: char| c.is_ascii_digit())?];
        (!prefix.is_empty()).then_some((tag, prefix))
    });
    let class = dom.attr(n, "class").and_then(|c| c.split_whitespace().find(|w| !w.contains(|c: char| c.is_ascii_digit())));
    let by_class = match class {
        Some(w) => Some((tag, w)),
        None if matches!(tag, "article" | "li" | "tr") => Some((tag, "")),
        None => None,
    };
    let is_post_type = dom.attr(n, "itemtype").and_then(|t| t.split_whitespace().next()?.rsplit('/').next()).is_some_and(|t| pat::POST_TYPES.contains(&t));
    [by_id, by_class, is_post_type.then_some((tag, "itemtype=post"))]
}

/// A child's kind told one way (the index into [`kinds_of`]'s answer) and that kind.
type Keyed<'a> = (usize, (&'a str, &'a str));

/// Whether `n`'s class, id or itemprop names an author, or it links to a member's profile.
fn names_author(dom: &Dom, n: NodeId) -> bool {
    if dom.attr(n, "itemprop").is_some_and(|p| p.contains("author") || p.contains("creator")) || dom.attr(n, "rel") == Some("author") {
        return true;
    }
    let m = pat::class_and_id(dom.attr(n, "class"), dom.attr(n, "id"));
    if pat::contains_any(&m, pat::POST_AUTHOR) {
        return true;
    }
    // A link classed `user` alone (Nairaland's) names one too.
    dom.is(n, "a") && (dom.attr(n, "href").is_some_and(|h| pat::PROFILE_PATHS.iter().any(|p| h.contains(p))) || dom.attr(n, "class").is_some_and(|c| c.split_whitespace().any(|w| w == "user")))
}

/// The elements under `post` in document order, not entering `skip` (other posts, the text).
fn own_elements<'a>(dom: &'a Dom, post: NodeId, skip: &'a [NodeId]) -> impl Iterator<Item = NodeId> + 'a {
    let mut cur = dom.first_child(post);
    std::iter::from_fn(move || {
        while let Some(n) = cur {
            let skipped = skip.contains(&n);
            cur = next_node(dom, n, post, skipped);
            if !skipped && dom.element(n).is_some() {
                return Some(n);
            }
        }
        None
    })
}

/// Whether the post names its author (in its own markup, not its replies').
fn has_author(dom: &Dom, post: NodeId, nested: &[NodeId]) -> bool {
    names_author(dom, post) || own_elements(dom, post, nested).any(|n| names_author(dom, n))
}

/// A teaser of another page, not a post: a heading that links away (not one naming the
/// author, which links to the author's profile, nor the post's own title linking to the post:
/// phpBB's "Re: …" over each reply, whose link ends in `#p550452`, the post's id).
fn is_teaser(dom: &Dom, post: NodeId, nested: &[NodeId]) -> bool {
    let to_the_post = |a: NodeId| {
        let fragment = dom.attr(a, "href").and_then(|h| h.split_once('#')).map(|(_, f)| f).filter(|f| !f.is_empty());
        fragment.is_some_and(|f| std::iter::once(post).chain(dom.descendants(post)).any(|d| dom.attr(d, "id") == Some(f)))
    };
    own_elements(dom, post, nested).any(|h| !names_author(dom, h) && is_heading_linking_away(dom, h, |a| names_author(dom, a) || to_the_post(a)))
}

/// The posts of the page, if it is a thread: the largest group of elements of one kind that
/// name their authors and hold text, with replies of the same kind nested in them, in document
/// order.
pub fn find(dom: &Dom, body: NodeId, declared: Declared) -> Option<Vec<Post>> {
    if declared.article && !declared.thread {
        return None;
    }
    // The page's text leaves out its modal dialogs: a consent form's pages of purposes would
    // outweigh a short thread.
    let lengths = Lengths::of(dom, body, &[]);
    let mut page = lengths.prose(body);
    let mut cur = Some(body);
    while let Some(n) = cur {
        let modal = is_modal_dialog(dom, n);
        if modal {
            page = page.saturating_sub(lengths.prose(n));
        }
        cur = next_node(dom, n, body, modal);
    }
    if page == 0 {
        return None;
    }
    // Groups of siblings of one kind, heaviest first: each parent's children sorted by kind
    // (both ways of telling it), and each run of two or more a group.
    let mut groups: Vec<(usize, usize, Vec<NodeId>)> = Vec::new();
    let mut keyed: Vec<(Keyed, NodeId)> = Vec::new();
    for parent in std::iter::once(body).chain(dom.descendants(body)) {
        keyed.clear();
        for c in dom.child_nodes(parent).filter(|&c| dom.element(c).is_some()) {
            for (way, k) in kinds_of(dom, c).into_iter().enumerate() {
                if let Some(k) = k {
                    keyed.push(((way, k), c));
                }
            }
        }
        if keyed.len() < 2 {
            continue;
        }
        keyed.sort_unstable();
        for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() >= 2) {
            let members: Vec<NodeId> = run.iter().map(|&(_, c)| c).collect();
            let weight = members.iter().map(|&m| lengths.prose(m)).sum();
            groups.push((weight, run[0].0 .0, members));
        }
    }
    groups.sort_by_key(|g| (std::cmp::Reverse(g.0), std::cmp::Reverse(g.1), g.2[0]));
    let (min_posts, min_share) = if declared.thread { (2, pat::THREAD_SHARE_DECLARED) } else { (3, pat::THREAD_SHARE) };
    for (weight, way, members) in groups.into_iter().take(pat::THREAD_GROUPS_TRIED) {
        if (weight as f64) < page as f64 * min_share {
            break;
        }
        // Posts share the text: one member holding nearly all of it is a box of posts beside a
        // box of something else (the posts are further down). On a page that declares itself a
        // thread, three members or more are posts, one of them long (a log pasted in a reply).
        let posts_declared = declared.thread && members.len() >= 3;
        if !posts_declared && members.iter().any(|&m| lengths.prose(m) as f64 > weight as f64 * pat::THREAD_MAX_POST_SHARE) {
            continue;
        }
        let kind = kinds_of(dom, members[0])[way];
        // Replies of the same kind inside the posts are posts too, and so are those in a box
        // beside their parent post (a theme that nests each post's replies in a wrapper after it):
        // every element of the kind under the posts' parent, in document order.
        let parent = dom.parent(members[0]).unwrap_or(body);
        let posts: Vec<NodeId> = dom.descendants(parent).filter(|&d| dom.element(d).is_some() && kinds_of(dom, d)[way] == kind).collect();
        let own = Lengths::of(dom, body, &posts);
        let replies = replies_of(dom, body, &posts);
        let is_post = |i: usize| {
            let p = posts[i];
            own.prose(p) >= pat::POST_MIN_CHARS && has_author(dom, p, &replies[i]) && !is_teaser(dom, p, &replies[i])
        };
        let real = (0..posts.len()).filter(|&i| is_post(i)).count();
        if real < min_posts || real * 2 < posts.len() {
            continue;
        }
        let (before, opening) = before_the_posts(dom, members[0], body, &lengths);
        // Undeclared, posts under a text longer than any of them are its comments.
        let longest = posts.iter().map(|&p| own.prose(p)).max().unwrap_or(0);
        if !declared.thread && before >= longest * pat::ARTICLE_OVER_COMMENTS {
            return None;
        }
        let mut found: Vec<Post> = Vec::new();
        if declared.thread {
            found.extend(opening.and_then(|o| post(dom, o, text_of(dom, o, &[], &lengths).0, &[], &lengths)));
        }
        let texts = texts_of(dom, &posts, &replies, &own);
        found.extend((0..posts.len()).filter_map(|i| post(dom, posts[i], texts[i], &replies[i], &own)));
        return Some(found);
    }
    None
}

/// The text before the first post (outside links), and the opening post when it is not of the
/// replies' kind (a question above its answers, a topic's first post in a box of its own): the
/// nearest element before the first post, a few levels up at most, that names an author and
/// holds text, preferring one typed as a post in its microdata.
fn before_the_posts(dom: &Dom, first: NodeId, body: NodeId, lengths: &Lengths) -> (usize, Option<NodeId>) {
    let (mut before, mut nearest, mut typed) = (0, None, None);
    let mut level = 0;
    let mut branch = first;
    while branch != body {
        let mut sib = dom.prev_sibling(branch);
        while let Some(s) = sib {
            before += lengths.prose(s);
            if level < pat::OPENING_POST_LEVELS && dom.element(s).is_some() && lengths.prose(s) >= pat::POST_MIN_CHARS && has_author(dom, s, &[]) && !is_teaser(dom, s, &[]) {
                nearest = nearest.or(Some(s));
                // One typed as a post (a `DiscussionForumPosting`, a `Question`) is surely it
                // (not a comment on it: the post holds most of the text).
                if typed.is_none() {
                    typed = std::iter::once(s).chain(dom.descendants(s)).find(|&d| kinds_of(dom, d)[2].is_some() && lengths.prose(d) * 2 >= lengths.prose(s));
                }
            }
            sib = dom.prev_sibling(s);
        }
        let Some(up) = dom.parent(branch) else { break };
        branch = up;
        level += 1;
    }
    (before, typed.or(nearest))
}

/// For each post, the posts directly inside it (its replies, whose own replies are inside them),
/// from one walk down from `root` that carries each node's nearest post above it.
fn replies_of(dom: &Dom, root: NodeId, posts: &[NodeId]) -> Vec<Vec<NodeId>> {
    let mut index: Vec<Option<usize>> = vec![None; dom.capacity()];
    for (i, &p) in posts.iter().enumerate() {
        index[p.index()] = Some(i);
    }
    let mut above: Vec<Option<usize>> = vec![None; dom.capacity()];
    let mut replies = vec![Vec::new(); posts.len()];
    for n in dom.descendants(root) {
        let Some(parent) = dom.parent(n) else { continue };
        let nearest = index[parent.index()].or(above[parent.index()]);
        above[n.index()] = nearest;
        if let (Some(i), Some(_)) = (nearest, index[n.index()]) {
            replies[i].push(n);
        }
    }
    replies
}

/// Where a post's text is: its `itemprop="text"` element, else the innermost element named as a
/// post's text that holds most of it, else the element holding nearly all of it, as deep as
/// there is one. Says whether the text was found by a mark or a name.
fn text_of(dom: &Dom, p: NodeId, nested: &[NodeId], own: &Lengths) -> (NodeId, bool) {
    let marked = own_elements(dom, p, nested).find(|&n| dom.attr(n, "itemprop").is_some_and(|v| matches!(v.trim(), "text" | "articleBody" | "commentText")));
    let named = || {
        let total = own.prose(p);
        let named: Vec<NodeId> = own_elements(dom, p, nested)
            .filter(|&n| own.prose(n) * 2 > total && pat::contains_any(&pat::class_and_id(dom.attr(n, "class"), dom.attr(n, "id")), pat::POST_TEXT))
            // Not the text of a post it quotes (a reply that is mostly a quote).
            .filter(|&n| !dom.ancestors(n).take_while(|&a| a != p).any(|a| dom.is(a, "blockquote")))
            .collect();
        named.last().copied()
    };
    if let Some(found) = marked {
        return (found, true);
    }
    // Down while one child holds nearly all of the text, the author's box beside it not counted
    // (from the element named as the text, when one is: phpBB's `postbody` holds the box).
    let found = named();
    let mut cur = found.unwrap_or(p);
    loop {
        let (about_author, others): (Vec<NodeId>, Vec<NodeId>) = dom.element_children(cur).into_iter().partition(|&c| names_author(dom, c));
        let total = own.prose(cur).saturating_sub(about_author.iter().map(|&c| own.prose(c)).sum());
        let next = others
            .into_iter()
            .filter(|&c| !nested.contains(&c) && dom.tag(c).is_some_and(|t| pat::POST_WRAPPERS.contains(&t)))
            .find(|&c| own.prose(c) as f64 >= total as f64 * pat::POST_BODY_SHARE);
        match next {
            Some(c) => cur = c,
            None => return (cur, found.is_some()),
        }
    }
}

/// The kind of element a post's text is (by class, else by id), to find the text of posts whose
/// own text is too short to be told from their author's box.
fn text_kind(dom: &Dom, n: NodeId) -> Option<(&str, &str)> {
    let [by_id, by_class, _] = kinds_of(dom, n);
    by_class.filter(|k| !k.1.is_empty()).or(by_id)
}

/// The posts' texts: each found on its own, then a post whose text was found by neither mark nor
/// name (a few words over pictures, shorter than its author's box) takes the element of the kind
/// that most of the texts found by mark or name are (two at least), when it has one.
fn texts_of(dom: &Dom, posts: &[NodeId], replies: &[Vec<NodeId>], own: &Lengths) -> Vec<NodeId> {
    let found: Vec<(NodeId, bool)> = posts.iter().zip(replies).map(|(&p, r)| text_of(dom, p, r, own)).collect();
    let kinds: Vec<(&str, &str)> = found.iter().filter(|f| f.1).filter_map(|f| text_kind(dom, f.0)).collect();
    let sure = found.iter().filter(|f| f.1).count();
    // The only kind that can be more than half: Boyer and Moore's majority vote, then counted.
    let mut candidate = None;
    let mut lead = 0usize;
    for &k in &kinds {
        if lead == 0 {
            candidate = Some(k);
        }
        lead = if candidate == Some(k) { lead + 1 } else { lead - 1 };
    }
    let usual = candidate.filter(|c| {
        let count = kinds.iter().filter(|k| *k == c).count();
        count >= 2 && count * 2 > sure
    });
    found
        .iter()
        .zip(posts.iter().zip(replies))
        .map(|(&(text, sure), (&p, r))| match usual {
            Some(kind) if !sure => own_elements(dom, p, r).find(|&n| text_kind(dom, n) == Some(kind)).unwrap_or(text),
            _ => text,
        })
        .collect()
}

/// One post's author and date, with its text's element `body`; `None` when it has no text (a
/// deleted post).
fn post(dom: &Dom, p: NodeId, body: NodeId, nested: &[NodeId], own: &Lengths) -> Option<Post> {
    if own.prose(body) == 0 && !dom.descendants(body).any(|d| dom.is(d, "img")) {
        return None;
    }
    let mut outside = nested.to_vec();
    outside.push(body);
    // The author: microdata's, else a link to a profile, else what a class names (its innermost
    // such element: the name, not the box with the name and the number of posts).
    let marked: Vec<NodeId> = own_elements(dom, p, &outside).filter(|&n| names_author(dom, n)).collect();
    let shown_name = |n: NodeId| {
        let text = normalize_space(&dom.attr(n, "content").map(str::to_string).unwrap_or_else(|| dom.inner_text(n)));
        // An avatar's initial is not a name.
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        (letters > 1 && text.chars().count() <= pat::POST_AUTHOR_MAX_CHARS).then_some(text)
    };
    // In a box about the author, the name is its `itemprop="name"` or its link to the profile.
    // Else, in a box of lines (the name, "Member", "Registered: 2024-01-27"), its first line.
    let name_of = |n: NodeId| {
        let mut inner = dom.descendants(n).filter(|&d| dom.attr(d, "itemprop") == Some("name") || (dom.is(d, "a") && names_author(dom, d)));
        let mut lines = dom.descendants(n).filter(|&d| dom.text(d).is_some_and(|t| !t.trim().is_empty()));
        let first_line = lines.next().filter(|_| lines.next().is_some()).and_then(|t| dom.parent(t));
        inner.find_map(shown_name).or_else(|| first_line.and_then(shown_name)).or_else(|| shown_name(n))
    };
    let by_itemprop = marked.iter().copied().filter(|&n| dom.attr(n, "itemprop").is_some_and(|v| v.contains("author") || v.contains("creator")));
    // A link to a profile in the box about the author before one elsewhere (a thread's header
    // naming its last poster: "last post by nwberm").
    let in_author_box = |n: NodeId| dom.ancestors(n).take_while(|&a| a != p).any(|a| marked.contains(&a));
    let by_link = marked.iter().copied().filter(|&n| dom.is(n, "a") && in_author_box(n)).chain(marked.iter().copied().filter(|&n| dom.is(n, "a") && !in_author_box(n)));
    let innermost = marked.iter().copied().filter(|&n| !marked.iter().any(|&m| m != n && dom.is_attached_below(m, n)));
    let author = by_itemprop.chain(by_link).chain(innermost).find_map(name_of);
    // A date the post shows, before one only its microdata's `<meta>` holds.
    let machine_date = |n: NodeId| {
        let machine = if dom.is(n, "time") {
            dom.attr(n, "datetime")
        } else if dom.attr(n, "itemprop").is_some_and(|v| matches!(v, "datePublished" | "dateCreated")) {
            dom.attr(n, "content").or_else(|| dom.attr(n, "datetime"))
        } else {
            return None;
        };
        let iso = machine.and_then(crate::dates::parse);
        let shown = normalize_space(&dom.inner_text(n));
        let shown = if shown.is_empty() || shown.chars().count() > pat::POST_DATE_MAX_CHARS { iso.as_deref()?.get(..10)?.to_string() } else { shown };
        Some((shown, iso))
    };
    let date = own_elements(dom, p, &outside).filter(|&n| !dom.is(n, "meta")).find_map(machine_date);
    // Else a line of the post's own that is a date and nothing else ("Feb 14, 2026 | 9:05 pm"),
    // opening with it (not a label's: "Joined: Mar 3, 2010" is the author's).
    let date = date.or_else(|| {
        own_elements(dom, p, &outside).flat_map(|n| dom.child_nodes(n)).find_map(|t| {
            let shown = normalize_space(dom.text(t)?);
            if shown.chars().count() > pat::POST_DATE_MAX_CHARS || !crate::dates::opens_with_date(&shown) {
                return None;
            }
            let iso = crate::dates::parse(&shown)?;
            Some((shown, Some(iso)))
        })
    });
    let date = date.or_else(|| own_elements(dom, p, &outside).filter(|&n| dom.is(n, "meta")).find_map(machine_date));
    Some(Post { body, author, date })
}

/// What the page's structured data says it is: the `@type`s of its JSON-LD and its microdata
/// `itemtype`s (as `Metadata` has them).
pub fn declared(ld_types: &[String], microdata_types: &[String]) -> Declared {
    let mut types: Vec<&str> = ld_types.iter().map(String::as_str).collect();
    let from_ld = types.len();
    types.extend(microdata_types.iter().map(String::as_str));
    let article = types.iter().any(|t| (pat::ARTICLE_TYPES.contains(t) && !pat::THREAD_TYPES.contains(t) && *t != "SocialMediaPosting") || pat::NOT_THREAD_TYPES.contains(t));
    // Answers in the page's microdata, on a page that is not an article, are a question's
    // (XenForo's question threads type each reply `Answer` and nothing else); an FAQ in an
    // article, and JSON-LD's `acceptedAnswer`s, are not.
    let answers = !article && types[from_ld..].contains(&"Answer");
    Declared { thread: answers || types.iter().any(|t| pat::THREAD_TYPES.contains(t)), article }
}

/// Gathers the posts into an article container (detached, as a pass's is): each post an
/// `<article class="decant-post">` with a line naming its author and date, then its text.
/// Returns the container and the first post's author.
pub fn gather(dom: &mut Dom, posts: &[Post]) -> (NodeId, Option<String>) {
    let container = dom.create_element("div");
    for post in posts {
        let item = dom.create_element("article");
        dom.set_attr(item, "class", POST_CLASS);
        if post.author.is_some() || post.date.is_some() {
            let by = dom.create_element("p");
            dom.set_attr(by, "class", POST_BY_CLASS);
            if let Some(name) = &post.author {
                let b = dom.create_element("b");
                let t = dom.create_text(name);
                dom.append(b, t);
                dom.append(by, b);
            }
            if let Some((shown, iso)) = &post.date {
                if post.author.is_some() {
                    let sep = dom.create_text(" · ");
                    dom.append(by, sep);
                }
                let time = dom.create_element("time");
                if let Some(iso) = iso {
                    dom.set_attr(time, "datetime", iso);
                }
                let t = dom.create_text(shown);
                dom.append(time, t);
                dom.append(by, time);
            }
            dom.append(item, by);
        }
        if !dom.tag(post.body).is_some_and(|t| matches!(t, "div" | "section" | "article" | "blockquote")) {
            dom.rename(post.body, "div");
        }
        dom.append(item, post.body);
        dom.append(container, item);
    }
    (container, posts.iter().find_map(|p| p.author.clone()))
}

/// The text of the posts outside links, to tell a thread too short to be one.
pub fn text_len(dom: &Dom, posts: &[Post]) -> usize {
    posts.iter().map(|p| dom.inner_text_len(p.body)).sum()
}
