//! Where the reader's memory goes at each step of its start: `cargo run --release --example
//! memory -- CACHE_DIR PATH...` prints the resident size after loading the corpus, building the
//! palette's index and computing the cross-article analyses (Linux, /proc/self/status). The
//! corpus is loaded as the reader loads it (its name candidates dropped once spent).
use dossier::index::{IndexedCorpus, Indexer};
use dossier::ingest::LoadOptions;
use dossier::state::cross::CrossSource;
use std::path::PathBuf;

/// The allocator the `dossier` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// VmRSS and VmHWM of this process in MB.
fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    format!("RSS {} MB, peak {} MB", field("VmRSS:"), field("VmHWM:"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let cache = args.next().map(PathBuf::from);
    let paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    println!("start: {}", resident());
    let mut indexer = Indexer::start(paths, LoadOptions::default(), cache);
    let mut indexed = IndexedCorpus::default();
    indexed.corpus.drop_spent_name_candidates();
    while let Some(event) = indexer.recv() {
        indexed.absorb(event);
    }
    let corpus = indexed.corpus;
    println!("{} articles loaded: {}", corpus.len(), resident());
    account(&corpus);
    let mut builder = dossier::search::IndexBuilder::new();
    dossier::corpus::candidates::gather(&corpus, true, |batch| builder.extend(batch));
    let index = builder.finish();
    println!("palette index built: {}", resident());
    let reset = || {
        let _ = std::fs::write("/proc/self/clear_refs", "5");
    };
    reset();
    let entities = dossier::corpus::entity_index::EntityIndex::from_analyses(corpus.analyses());
    println!("entity index: {}", resident());
    reset();
    let groups = dossier::corpus::compare::groups(&corpus);
    println!("claim groups ({}): {}", groups.len(), resident());
    reset();
    let events = dossier::corpus::timeline::events(&corpus);
    println!("timeline ({} events): {}", events.len(), resident());
    reset();
    let sources = dossier::corpus::sources::collect(&corpus);
    println!("sources ({}): {}", sources.len(), resident());
    drop((entities, groups, events, sources));
    reset();
    let cross = CrossSource::compute(&corpus);
    println!("cross-article analyses together: {}", resident());
    drop(index);
    println!("palette index dropped: {}", resident());
    drop(cross);
    println!("cross dropped: {}", resident());
}

/// Heap bytes of a string.
fn str_bytes(s: &str) -> usize {
    s.len()
}

/// Prints the bytes the corpus' articles and analyses hold, part by part (lengths, not
/// capacities: a lower bound of what the allocator holds).
fn account(corpus: &dossier::state::Corpus) {
    use std::mem::size_of;
    let mut parts: Vec<(&str, usize)> = Vec::new();
    let mut add = |name, bytes| match parts.iter_mut().find(|(n, _)| *n == name) {
        Some((_, b)) => *b += bytes,
        None => parts.push((name, bytes)),
    };
    let (mut mentions, mut claims) = (0, 0);
    for e in corpus.iter() {
        let a = &e.article;
        add("article text", a.text.len());
        add(
            "article blocks and styles",
            (a.body.len() + a.references.len()) * size_of::<dossier::model::Block>()
                + a.styles.len() * size_of::<dossier::model::StyledSpan>()
                + a.styles
                    .iter()
                    .filter_map(|s| s.url.as_deref())
                    .map(str_bytes)
                    .sum::<usize>(),
        );
        add(
            "article metadata",
            size_of::<dossier::model::Article>() + a.title.len() + a.source.len() + a.id.0.len(),
        );
        let an = &e.analysis;
        mentions += an.mentions.len();
        claims += an.claims.len();
        add(
            "mentions",
            an.mentions
                .iter()
                .map(|m| size_of::<dossier::model::Mention>() + m.text.len() + m.canonical.len())
                .sum(),
        );
        add(
            "name candidates",
            an.name_candidates
                .iter()
                .map(|c| size_of::<dossier::model::NameCandidate>() + c.text.len())
                .sum(),
        );
        for c in &an.claims {
            add(
                "claims: text",
                size_of::<dossier::model::Claim>() + c.text.len(),
            );
            add(
                "claims: attribution",
                c.attribution.as_ref().map_or(0, |t| {
                    size_of::<dossier::model::Attribution>()
                        + t.text.len()
                        + t.canonical.as_deref().map_or(0, str_bytes)
                        + t.resolved_from.as_deref().map_or(0, str_bytes)
                }),
            );
            add(
                "claims: entities",
                c.entities.iter().map(|x| 24 + x.len()).sum(),
            );
            add(
                "claims: quantities and dates",
                c.quantities
                    .iter()
                    .map(|q| size_of::<dossier::model::Quantity>() + q.text.len())
                    .sum::<usize>()
                    + c.dates
                        .iter()
                        .map(|d| size_of::<dossier::model::DateRef>() + d.text.len())
                        .sum::<usize>(),
            );
        }
    }
    println!("  {mentions} mentions, {claims} claims");
    for (name, bytes) in parts {
        println!("  {name}: {:.1} MB", bytes as f64 / 1048576.0);
    }
}
