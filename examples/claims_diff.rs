//! Prints gold-vs-system claim disagreements on the seeds (development aid):
//! `cargo run --example claims_diff`.
#[path = "../tests/common/gold.rs"]
mod gold;

fn main() {
    gold::print_diffs();
}
