//! Gold annotations of the seeds (tests/gold/*.json) and their scores; shared by the gold test
//! and the eval example.

/// Prints the seeds' gold scores.
pub fn print_scores() {
    println!("seed gold: not yet annotated");
}
