//! Replays inputs through a target without the fuzzer: `replay TARGET FILE...`. Used to turn a
//! crash file into a regression test and to check a fix.

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(target) = args.next() else {
        eprintln!("usage: replay TARGET FILE...");
        return std::process::ExitCode::FAILURE;
    };
    for path in args {
        let data = match std::fs::read(&path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        };
        if !dossier_fuzz::run(&target, &data) {
            eprintln!("unknown target {target}");
            return std::process::ExitCode::FAILURE;
        }
        println!("{path}: ok");
    }
    std::process::ExitCode::SUCCESS
}
