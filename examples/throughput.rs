//! Extraction throughput over the 10kGNAD test articles, by CPU time of this process
//! (robust on a shared machine): `cargo run --release --example throughput [ROUNDS]`.
use std::time::Instant;

/// The allocator the `dossier` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// User plus system CPU seconds of this process, from /proc/self/stat (Linux).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let Ok(csv) = std::fs::read_to_string("../shared/data/10kgnad/test.csv") else {
        eprintln!("10kGNAD test.csv absent");
        return;
    };
    let texts: Vec<String> = csv
        .lines()
        .filter_map(|l| l.split_once(';'))
        .map(|(_, r)| r.trim_matches('\'').replace("''", "'"))
        .collect();
    let arts: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| dossier::ingest::parse_raw(&format!("gnad/{i}"), t))
        .collect();
    let tokens: usize = arts
        .iter()
        .map(|a| dossier::extract::tokenize(&a.text, 0).len())
        .sum();
    let _ = dossier::extract::analyze(&arts[0]);
    let (c0, w0) = (cpu_seconds().unwrap_or(0.0), Instant::now());
    for _ in 0..rounds {
        for a in &arts {
            std::hint::black_box(dossier::extract::analyze(a));
        }
    }
    let cpu = cpu_seconds().unwrap_or(0.0) - c0;
    let wall = w0.elapsed().as_secs_f64();
    let n = (tokens * rounds) as f64;
    println!("{} articles, {tokens} tokens, {rounds} rounds", arts.len());
    println!(
        "per CPU second: {:.0} tokens/s; wall clock: {:.0} tokens/s",
        n / cpu.max(1e-9),
        n / wall
    );
}
