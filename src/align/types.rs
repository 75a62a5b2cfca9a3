//! The results of alignment (links, claims, stories) and how they are assembled; the queries
//! every consumer (export, UI) asks of them are in `queries`.

mod queries;

use queries::overlap_lists;

use serde::{Deserialize, Serialize};

use crate::model::{Document, StatementKind};

/// One statement of one document: `doc` indexes the document list given to the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StatementRef {
    /// Index of the document.
    pub doc: usize,
    /// Index of the statement within it.
    pub statement: usize,
}

/// How two linked statements relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same claim with no conflicting detail.
    Shared,
    /// The same claim with at least one conflicting detail.
    Divergent,
}

/// The kind of a conflicting detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DifferenceKind {
    /// Numbers and quantities: "a day away" vs "48 hours".
    Number,
    /// Dates, weekdays and times of day.
    Date,
    /// People, places, organisations.
    Name,
    /// The same quotation in different words (quote drift).
    Quote,
    /// The key nouns of the claim: "video call" vs "phone call".
    Wording,
    /// A person's title or role: "Former U.S. President" vs "U.S. President".
    Role,
    /// One statement denies what the other asserts: "arrested" vs "did not arrest".
    Negation,
    /// The two statements state opposite things of one subject: "rose" vs "fell".
    Opposite,
}

impl DifferenceKind {
    /// The lowercase name used in exports and on screen.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Date => "date",
            Self::Name => "name",
            Self::Quote => "quote",
            Self::Wording => "wording",
            Self::Role => "role",
            Self::Negation => "negation",
            Self::Opposite => "opposite",
        }
    }
}

/// One conflicting detail of a link: the words in each statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// What kind of detail conflicts.
    pub kind: DifferenceKind,
    /// The words in statement `a` of the link.
    pub a: String,
    /// The words in statement `b` of the link.
    pub b: String,
}

/// Two statements of different documents that state the same claim. `a.doc < b.doc`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The statement in the lower-numbered document.
    pub a: StatementRef,
    /// The statement in the higher-numbered document.
    pub b: StatementRef,
    /// Confidence that they state the same claim, in [0, 1].
    pub score: f32,
    /// Shared or divergent.
    pub relation: Relation,
    /// The conflicting details (empty when shared).
    pub differences: Vec<Difference>,
}

impl Link {
    /// The end of the link that is not `r` (or `None` if `r` is not an end of it).
    #[must_use]
    pub fn other(&self, r: StatementRef) -> Option<StatementRef> {
        if self.a == r {
            Some(self.b)
        } else if self.b == r {
            Some(self.a)
        } else {
            None
        }
    }
}

/// A claim: linked statements across reports, each linked with most of the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Its statements, sorted by document then statement.
    pub members: Vec<StatementRef>,
    /// The number of distinct reports that state it.
    pub support: usize,
    /// Its most central member (linked with most of the others): the wording shown for it.
    pub central: StatementRef,
}

/// A story: the reports of one event (module `stories`). Links, and so claims, never join
/// reports of two stories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Its position in [`Alignment::stories`].
    pub id: usize,
    /// The title of its most central report (the most similar to the others).
    pub title: String,
    /// Its reports (indices of the documents), in load order.
    pub reports: Vec<usize>,
}

/// What the alignment says of one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Linked, and every link is shared.
    Shared,
    /// Linked, and at least one link is divergent.
    Divergent,
    /// A body statement in no link: only its report says it.
    Unique,
    /// A heading or boilerplate: not a claim.
    NotClaim,
}

/// How a report's statements split into shared, divergent and unique.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportStats {
    /// Statements whose links are all shared.
    pub shared: usize,
    /// Statements with a divergent link.
    pub divergent: usize,
    /// Body statements with no link.
    pub unique: usize,
    /// Headings and boilerplate.
    pub not_claims: usize,
}

/// Per-statement index entries, built once so every query is cheap.
#[derive(Debug, Clone, Default)]
struct StatementInfo {
    links: Vec<usize>,
    group: Option<usize>,
    status: Option<Status>,
}

/// The whole result of aligning a set of documents.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// All links, sorted by `(a, b)`.
    pub links: Vec<Link>,
    /// All claim groups, by falling support, then by first member.
    pub groups: Vec<Group>,
    /// The stories, by first report; every report is in one (empty until
    /// [`Alignment::with_stories`]).
    pub stories: Vec<Story>,
    /// Statements that repeat an earlier statement of their own report word for word, with
    /// the statement they repeat (see [`Alignment::with_repeats`]): aligned once, as the
    /// first.
    pub repeats: Vec<(StatementRef, StatementRef)>,
    info: Vec<Vec<StatementInfo>>,
    overlap: Vec<Vec<(usize, f32)>>,
}

impl Alignment {
    /// Build the alignment and its indices from links, with the default claim parameters (see
    /// [`Alignment::with_claims`]).
    #[must_use]
    pub fn new(docs: &[Document], links: Vec<Link>) -> Self {
        Self::with_claims(docs, links, &super::params::defaults().claims)
    }

    /// Build the alignment from links: claims by average linkage at `p.linkage`, each member
    /// linked with at least `p.most_of_claim` of its claim (module `claims`), keeping only the
    /// links inside a claim, so every linked statement belongs to the claim its links are in.
    #[must_use]
    pub fn with_claims(docs: &[Document], mut links: Vec<Link>, p: &super::params::Claims) -> Self {
        links.sort_by_key(|l| (l.a, l.b));
        links.dedup_by_key(|l| (l.a, l.b));
        let offsets: Vec<usize> = docs
            .iter()
            .scan(0, |acc, d| {
                let o = *acc;
                *acc += d.statements.len();
                Some(o)
            })
            .collect();
        let total: usize = docs.iter().map(|d| d.statements.len()).sum();
        let mut refs: Vec<StatementRef> = Vec::with_capacity(total);
        let mut doc_of: Vec<usize> = Vec::with_capacity(total);
        for (di, d) in docs.iter().enumerate() {
            for si in 0..d.statements.len() {
                refs.push(StatementRef {
                    doc: di,
                    statement: si,
                });
                doc_of.push(di);
            }
        }
        let valid =
            |r: StatementRef| r.doc < docs.len() && r.statement < docs[r.doc].statements.len();
        links.retain(|l| valid(l.a) && valid(l.b) && l.a.doc != l.b.doc);
        let id = |r: StatementRef| offsets[r.doc] + r.statement;
        let edges: Vec<(usize, usize, f32)> =
            links.iter().map(|l| (id(l.a), id(l.b), l.score)).collect();
        let clusters = super::claims::cluster(total, &doc_of, &edges, p.linkage, p.most_of_claim);
        let mut claim_of: Vec<Option<usize>> = vec![None; total];
        for (gi, c) in clusters.iter().enumerate() {
            for &m in &c.members {
                claim_of[m] = Some(gi);
            }
        }
        // A link across two claims (or out of one) would contradict the claims shown.
        links.retain(|l| claim_of[id(l.a)].is_some() && claim_of[id(l.a)] == claim_of[id(l.b)]);
        let groups: Vec<Group> = clusters
            .iter()
            .map(|c| {
                let members: Vec<StatementRef> = c.members.iter().map(|&m| refs[m]).collect();
                let mut ds: Vec<usize> = members.iter().map(|m| m.doc).collect();
                ds.dedup();
                Group {
                    support: ds.len(),
                    central: refs[c.central],
                    members,
                }
            })
            .collect();
        Self::assemble(docs, links, groups)
    }

    fn assemble(docs: &[Document], links: Vec<Link>, groups: Vec<Group>) -> Self {
        let mut info: Vec<Vec<StatementInfo>> = docs
            .iter()
            .map(|d| vec![StatementInfo::default(); d.statements.len()])
            .collect();
        for (i, l) in links.iter().enumerate() {
            info[l.a.doc][l.a.statement].links.push(i);
            info[l.b.doc][l.b.statement].links.push(i);
        }
        for (gi, g) in groups.iter().enumerate() {
            for m in &g.members {
                info[m.doc][m.statement].group = Some(gi);
            }
        }
        for (di, d) in docs.iter().enumerate() {
            for (si, s) in d.statements.iter().enumerate() {
                let entry = &mut info[di][si];
                // A heading is a claim only when it links (a headline stating the report's main
                // claim); unlinked headings and all boilerplate are not claims.
                let claim = match s.kind {
                    StatementKind::Body => true,
                    StatementKind::Heading => !entry.links.is_empty(),
                    StatementKind::Boilerplate => false,
                };
                entry.status = Some(if !claim {
                    Status::NotClaim
                } else if entry.links.is_empty() {
                    Status::Unique
                } else if entry
                    .links
                    .iter()
                    .any(|&l| links[l].relation == Relation::Divergent)
                {
                    Status::Divergent
                } else {
                    Status::Shared
                });
            }
        }
        let overlap = overlap_lists(docs, &links, &info);
        Self {
            links,
            groups,
            stories: Vec::new(),
            repeats: Vec::new(),
            info,
            overlap,
        }
    }

    /// Record the statements that repeat an earlier statement of their report (`(repeat,
    /// original)`, sorted): each takes the claim and status of the statement it repeats, so a
    /// report that repeats a sentence a thousand times is aligned as if it said it once and
    /// the links stay bounded.
    #[must_use]
    pub fn with_repeats(mut self, repeats: Vec<(StatementRef, StatementRef)>) -> Self {
        for &(r, of) in &repeats {
            let copied = self
                .info
                .get(of.doc)
                .and_then(|d| d.get(of.statement))
                .map(|i| (i.group, i.status));
            if let (Some((group, status)), Some(entry)) = (
                copied,
                self.info
                    .get_mut(r.doc)
                    .and_then(|d| d.get_mut(r.statement)),
            ) {
                entry.group = group;
                entry.status = status;
            }
        }
        self.repeats = repeats;
        self
    }

    /// The earlier statement of the same report that `r` repeats word for word, if any.
    #[must_use]
    pub fn repeat_of(&self, r: StatementRef) -> Option<StatementRef> {
        self.repeats
            .binary_search_by_key(&r, |x| x.0)
            .ok()
            .map(|i| self.repeats[i].1)
    }

    /// The alignment with its stories: `story` gives each report's story as
    /// [`super::stories::stories`] does, over the report similarities `related`.
    #[must_use]
    pub fn with_stories(
        mut self,
        docs: &[Document],
        related: &[Vec<(u32, f32)>],
        story: &[usize],
    ) -> Self {
        self.stories = super::stories::members(related, story)
            .into_iter()
            .enumerate()
            .map(|(id, (reports, centre))| Story {
                id,
                title: docs
                    .get(centre)
                    .map(|d| d.title.clone())
                    .unwrap_or_default(),
                reports,
            })
            .collect();
        self
    }
}
