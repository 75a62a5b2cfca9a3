//! Which outlet a report comes from, as its own text says: a closing credit ("— Reuters",
//! "(AP)", "Reporting by …; Editing by …", "© 2024 The Associated Press"), the agency of its
//! dateline, a web address on a line of its own, a byline that names an outlet.
//!
//! Names are shown as the report gives them, except agencies and hosts listed in
//! `assets/boilerplate.toml` (`AP` is shown as "Associated Press", `nytimes.com` as "The New
//! York Times"); an unlisted host is shown as its registrable part ("invezz.com").

use super::chrome::{chrome, words};

/// The display name of an agency as a dateline or credit writes it ("AP", "Reuters"), if it
/// is a listed one.
#[must_use]
pub fn agency(name: &str) -> Option<String> {
    let key = name.trim().to_lowercase();
    chrome().outlets.agencies.get(&key).cloned()
}

/// Whether `name` reads as an outlet's name rather than a person's: a listed agency, or a
/// name holding an outlet word ("Times", "News", "Press").
#[must_use]
pub fn is_outlet_name(name: &str) -> bool {
    if agency(name).is_some() {
        return true;
    }
    let o = &chrome().outlets;
    let lower = name.to_lowercase();
    let found = words(&lower).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        o.words.iter().any(|x| x == w)
    });
    found
}

/// A listed agency's display name, else `name` itself when it reads as an outlet's.
fn outlet_name(name: &str) -> Option<String> {
    let name = name.trim().trim_end_matches(['.', ',', ';']).trim();
    if name.is_empty() || words(name).count() > 6 {
        return None;
    }
    if let Some(a) = agency(name) {
        return Some(a);
    }
    let capitalised = words(name).all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(w, "of" | "the" | "and" | "for" | "de" | "la")
    });
    (capitalised && is_outlet_name(name)).then(|| name.to_owned())
}

/// The outlet a closing credit names: "— Reuters", "-- AP", "(AFP)", "Source: BBC News",
/// "© 2024 The Associated Press. All rights reserved.", "New York Times", and Reuters' house
/// credit "Reporting by …; Editing by …".
#[must_use]
pub fn credit(para: &str) -> Option<String> {
    let t = para.trim();
    if t.contains('\n') || t.chars().count() > 300 {
        return None;
    }
    // Reuters closes its reports with who reported and who edited.
    let inner = t.trim_start_matches('(').trim_end_matches(')');
    let lower = inner.to_lowercase();
    let reporting = [
        "reporting by",
        "writing by",
        "additional reporting by",
        "compiled by",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    if reporting && lower.contains("editing by") {
        return agency("reuters");
    }
    if let Some(inside) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        return agency(inside);
    }
    let dashed = t.trim_start_matches(['-', '—', '–']);
    if dashed.len() < t.len() && dashed.starts_with(' ') {
        return outlet_name(dashed);
    }
    if let Some(rest) = ["source:", "via "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))
    {
        return outlet_name(rest);
    }
    copyright_holder(t).and_then(outlet_name)
}

/// The outlet a report's last line names on its own ("New York Times"): a short name that
/// reads as an outlet's, without closing punctuation.
#[must_use]
pub fn bare_credit(para: &str) -> Option<String> {
    let t = para.trim();
    if t.contains('\n') || t.ends_with(['.', '!', '?', ':', '”', '"']) {
        return None;
    }
    outlet_name(t)
}

/// "Copyright 2024 The Associated Press. All rights reserved." gives "The Associated Press".
fn copyright_holder(t: &str) -> Option<&str> {
    let lower = t.to_lowercase();
    let mut at = ["copyright", "©", "(c)"]
        .iter()
        .find_map(|p| lower.starts_with(p).then_some(p.len()))?;
    // Marks and years after the word: "Copyright © 2011-2024".
    loop {
        let rest = &t[at..];
        let skipped = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_digit() || matches!(c, '©' | '-' | '–' | ',')
        });
        let skipped = skipped
            .strip_prefix("(c)")
            .or_else(|| skipped.strip_prefix("(C)"))
            .unwrap_or(skipped);
        if skipped.len() == rest.len() {
            break;
        }
        at = t.len() - skipped.len();
    }
    let holder = &t[at..];
    let end = holder
        .find(". ")
        .or_else(|| holder.to_lowercase().find("all rights"))
        .unwrap_or(holder.len());
    let name = holder[..end].trim().trim_end_matches('.');
    (!name.is_empty()).then_some(name)
}

/// Whether `para` is a web address on a line of its own, with at most a short label before
/// it ("Watch: `https://…`", "Source: `https://www.reuters.com/world/…`").
#[must_use]
pub fn is_url_line(para: &str) -> bool {
    url_parts(para).is_some()
}

/// The outlet named by a web address on a line of its own, bare or labelled as the source
/// ("`https://invezz.com/news/…`", "Source: `https://www.reuters.com/world/…`"). A link to a
/// social network, video site or link shortener names no outlet.
#[must_use]
pub fn url_line(para: &str) -> Option<String> {
    let (label, host) = url_parts(para)?;
    let label = label.to_lowercase();
    let label = label.trim_end_matches(':').trim();
    let o = &chrome().outlets;
    let as_source = label.is_empty() || o.source_labels.iter().any(|l| l == label);
    let bare = host_bare(&host);
    let social = o
        .not_outlets
        .iter()
        .any(|h| bare == *h || bare.ends_with(&format!(".{h}")));
    if !as_source || social {
        return None;
    }
    host_name(&host)
}

/// The label before a lone web address and the address's host.
fn url_parts(para: &str) -> Option<(String, String)> {
    let t = para.trim();
    // Cheap rejections first: this runs on every paragraph.
    if t.contains('\n') || !(t.contains("http") || t.contains("www.")) {
        return None;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let (last, label) = tokens.split_last()?;
    if label.len() > 4 || label.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let url = last.trim_matches(|c: char| matches!(c, '<' | '>' | '(' | ')' | '"' | '.'));
    let lower = url.to_ascii_lowercase();
    let after_scheme = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .or_else(|| lower.starts_with("www.").then_some(lower.as_str()))?;
    let host = after_scheme
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("");
    host_name(host)?;
    Some((label.join(" "), host.to_owned()))
}

/// A host without the prefixes that name no site ("www.", "m.").
fn host_bare(host: &str) -> &str {
    ["www.", "m.", "amp.", "mobile."]
        .iter()
        .find_map(|p| host.strip_prefix(p))
        .unwrap_or(host)
}

/// The readable name of a web host: a listed one's name, else its registrable part.
#[must_use]
pub fn host_name(host: &str) -> Option<String> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let valid = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    if !valid {
        return None;
    }
    let bare = host_bare(&host);
    let hosts = &chrome().outlets.hosts;
    if let Some(name) = hosts.get(bare) {
        return Some(name.clone());
    }
    let registrable = registrable(bare);
    Some(
        hosts
            .get(registrable)
            .cloned()
            .unwrap_or_else(|| registrable.to_owned()),
    )
}

/// The part of a host a site registers: the last two labels, or three under a country's
/// second level ("bbc.co.uk", "smh.com.au").
fn registrable(host: &str) -> &str {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    if n <= 2 {
        return host;
    }
    let second = labels[n - 2];
    let country = labels[n - 1].len() == 2;
    let take = if country && matches!(second, "co" | "com" | "org" | "net" | "ac" | "gov" | "ne") {
        3
    } else {
        2
    };
    let skip: usize = labels[..n - take].iter().map(|l| l.len() + 1).sum();
    &host[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_credits_name_the_outlet() {
        let cases = [
            ("— Reuters", Some("Reuters")),
            ("-- AP", Some("Associated Press")),
            ("(AFP)", Some("AFP")),
            ("Source: BBC News", Some("BBC News")),
            (
                "(Reporting by Jane Doe in Moscow; Editing by John Roe)",
                Some("Reuters"),
            ),
            (
                "Copyright 2024 The Associated Press. All rights reserved.",
                Some("Associated Press"),
            ),
            ("© 2023 Sky News", Some("Sky News")),
            // A person's name or a plain sentence names no outlet.
            ("Jane Doe", None),
            ("— Jane Doe", None),
            ("Reporting by Jane Doe.", None),
            ("The talks ended.", None),
        ];
        for (text, want) in cases {
            assert_eq!(credit(text).as_deref(), want, "{text}");
        }
        assert_eq!(
            bare_credit("New York Times").as_deref(),
            Some("New York Times")
        );
        assert_eq!(bare_credit("Jane Doe"), None);
        assert_eq!(bare_credit("The Times reported it."), None);
    }

    #[test]
    fn web_addresses_name_their_host_readably() {
        let cases = [
            (
                "https://www.reuters.com/world/europe/putin-trump-2025-08-07/",
                Some("Reuters"),
            ),
            (
                "Source: https://invezz.com/news/2025/08/07/x",
                Some("invezz.com"),
            ),
            ("http://news.bbc.co.uk/2/hi/world/1.stm", Some("BBC")),
            ("https://edition.cnn.com/2025/08/07/politics", Some("CNN")),
            ("www.smh.com.au/world", Some("smh.com.au")),
            ("Read the rest of the story at the link below", None),
            ("Watch: https://www.youtube.com/watch?v=x", None),
            ("https://twitter.com/someone/status/1", None),
            ("See https://example.com for 3 more stories", None),
        ];
        for (text, want) in cases {
            assert_eq!(url_line(text).as_deref(), want, "{text}");
        }
        assert!(is_url_line("Watch: https://www.youtube.com/watch?v=x"));
        assert!(!is_url_line("See https://example.com for 3 more stories"));
    }
}
