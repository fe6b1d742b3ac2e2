//! The command as users see it in `--help`, completions and the man page: an EXAMPLES section
//! for each subcommand, and each subcommand showing only the global options it reads.

use super::args::Cli;
use clap::CommandFactory;

/// Examples per subcommand (`""` is the reader itself).
const EXAMPLES: &[(&str, &str)] = &[
    (
        "",
        "  dossier                      read the bundled articles\n  \
         dossier ~/articles           read every .txt and .md under a directory\n  \
         dossier --theme light a.md   read one file with the light theme",
    ),
    (
        "render",
        "  dossier render --size 100x30 --keys \"j j <Tab>\"\n  \
         dossier render --ansi ~/articles > screen.txt",
    ),
    (
        "extract",
        "  dossier extract article.md\n  \
         dossier extract --format jsonl ~/articles > analyses.jsonl",
    ),
    (
        "compare",
        "  dossier compare ~/articles\n  dossier compare --format json a.md b.md",
    ),
    (
        "timeline",
        "  dossier timeline ~/articles\n  dossier timeline --entity \"NATO\" --format json",
    ),
    (
        "find",
        "  dossier find \"nordkorea\"\n  dossier find --kind entity --limit 5 putin ~/articles",
    ),
    ("index", "  dossier index ~/articles"),
    (
        "export",
        "  dossier export --format md > notes.md\n  \
         dossier export --format md --output ~/vault/literature/   (one note per article)\n  \
         dossier export --format w3c --output notes.jsonld ~/articles\n  \
         dossier export --format csl-json > refs.json && pandoc -C --bibliography refs.json notes.md\n  \
         dossier export --format bibtex > refs.bib\n  \
         dossier export --format org > notes.org",
    ),
    (
        "import",
        "  dossier import notes.jsonld ~/articles\n  \
         curl -s 'https://api.hypothes.is/api/search?user=acct:me@hypothes.is' > h.json && dossier import h.json\n  \
         dossier import --dry-run notes.jsonld",
    ),
    (
        "open",
        "  dossier open article.md#1520\n  \
         dossier open \"Russland und Nordkorea#neue Allianz\"\n  \
         dossier open 'dossier://open/seeds/kas-nordkorea.md#1520'",
    ),
    (
        "completions",
        "  dossier completions bash > ~/.local/share/bash-completion/completions/dossier\n  \
         dossier completions zsh > ~/.zfunc/_dossier\n  \
         dossier completions fish > ~/.config/fish/completions/dossier.fish",
    ),
    (
        "man",
        "  dossier man > ~/.local/share/man/man1/dossier.1\n  \
         dossier man --dir ~/.local/share/man/man1   (one page per subcommand too)",
    ),
    (
        "config",
        "  dossier config > ~/.config/dossier/config.toml\n  dossier config --paths",
    ),
];

/// Global options the reader reads (`render` and `open` run it).
const READER: &[&str] = &[
    "keymap",
    "config_dir",
    "data_dir",
    "mouse",
    "max_bytes",
    "cache_dir",
    "no_cache",
    "theme",
];

/// Global options each subcommand reads; a subcommand not listed shows them all.
const USES: &[(&str, &[&str])] = &[
    ("render", READER),
    ("extract", &["max_bytes"]),
    ("compare", &["max_bytes"]),
    ("timeline", &["max_bytes"]),
    (
        "find",
        &[
            "keymap",
            "config_dir",
            "data_dir",
            "max_bytes",
            "cache_dir",
            "no_cache",
        ],
    ),
    ("index", &["max_bytes", "cache_dir", "no_cache"]),
    ("export", &["data_dir", "max_bytes"]),
    ("import", &["data_dir", "max_bytes"]),
    ("open", READER),
    ("completions", &[]),
    ("man", &[]),
    (
        "config",
        &["config_dir", "data_dir", "cache_dir", "theme", "keymap"],
    ),
];

/// Global options that every subcommand shows.
const ALWAYS: &[&str] = &["log_level", "help", "version"];

/// The full command with examples, and with global options hidden where they do nothing.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    for (name, text) in EXAMPLES {
        let section = format!("EXAMPLES:\n{text}");
        if name.is_empty() {
            cmd = cmd.after_help(section);
            continue;
        }
        if cmd.find_subcommand(name).is_none() {
            continue;
        }
        let uses = USES.iter().find(|(n, _)| n == name).map(|(_, u)| *u);
        cmd = cmd.mut_subcommand(*name, |mut sub| {
            sub = sub.after_help(section);
            if let Some(uses) = uses {
                // A hidden copy on the subcommand stops clap from propagating the shown one.
                for g in &globals {
                    let id = g.get_id().as_str();
                    if !uses.contains(&id) && !ALWAYS.contains(&id) {
                        sub = sub.arg(g.clone().hide(true));
                    }
                }
            }
            sub
        });
    }
    cmd
}
