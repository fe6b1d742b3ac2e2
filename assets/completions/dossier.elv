
use builtin;
use str;

set edit:completion:arg-completer[dossier] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'dossier'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'dossier'= {
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sync 'Sync bookmarks, notes and reading positions with the team server once and print counts'
            cand publish 'Put articles and their analyses on the team server (skips those already there), with progress on stderr'
            cand team 'Query the team server: search, entities, sources, status, migrate'
            cand render 'Run the reader headless and print the final screen as plain text'
            cand extract 'Print the entities and claims of each file as JSON'
            cand compare 'Print groups of claims from different articles about the same thing, side by side. Exits with status 1 and a message on stderr when no two articles share a figure or an event'
            cand timeline 'Print the dated events of all articles in date order'
            cand find 'Rank palette candidates for a query and print them as TSV: kind, score, label, location'
            cand index 'Index articles into the extraction cache, with progress on stderr'
            cand export 'Export bookmarks and notes, grouped by article, with citations'
            cand import 'Import W3C Web Annotations or Hypothesis API JSON as bookmarks; unmatched ones are kept as orphans'
            cand open 'Open the reader at a spot: ARTICLE[#OFFSET|#QUOTE], ARTICLE being a path, id or title'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per command into a directory'
            cand config 'Print the effective configuration with comments, or where files live'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;sync'= {
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;publish'= {
            cand --connections 'Connections used at once'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;team'= {
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand search 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV'
            cand entities 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV'
            cand sources 'Outlets by number of articles, with their date range, as TSV'
            cand status 'Server, user, TLS, schema version and counts'
            cand migrate 'Bring the server''s schema up to date (needs a user who may create tables)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;team;search'= {
            cand --limit 'Most results printed'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;team;entities'= {
            cand --kind 'Only this kind (person, organization, place, date, quantity, misc)'
            cand --name 'Only names similar to this one (case and accents ignored)'
            cand --limit 'Most rows printed'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;team;sources'= {
            cand --limit 'Most rows printed'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;team;status'= {
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;team;migrate'= {
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;team;help'= {
            cand search 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV'
            cand entities 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV'
            cand sources 'Outlets by number of articles, with their date range, as TSV'
            cand status 'Server, user, TLS, schema version and counts'
            cand migrate 'Bring the server''s schema up to date (needs a user who may create tables)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;team;help;search'= {
        }
        &'dossier;team;help;entities'= {
        }
        &'dossier;team;help;sources'= {
        }
        &'dossier;team;help;status'= {
        }
        &'dossier;team;help;migrate'= {
        }
        &'dossier;team;help;help'= {
        }
        &'dossier;render'= {
            cand --size 'Screen size as COLSxROWS'
            cand --keys 'Keys to press first, in keymap syntax, space-separated: "j j <Tab> G"'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --ansi 'Print colours and text attributes as ANSI escape sequences'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;extract'= {
            cand --format '`json`: one pretty-printed object per file; `jsonl`: one compact object per line'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --raw 'Treat all of each file as body text (no metadata, no boilerplate removal)'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dossier;compare'= {
            cand --format 'Markdown, JSON, or SVG (the comparison charts, one below the other, for a report)'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dossier;timeline'= {
            cand --format 'JSON or Markdown'
            cand --entity 'Only events involving this entity (canonical name)'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dossier;find'= {
            cand --limit 'Most results printed'
            cand --kind 'Only this kind: article, heading, entity, claim or bookmark'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --list 'Print every candidate label, one a line, instead of ranking'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;index'= {
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;export'= {
            cand --format 'Output format'
            cand --output 'Write to this file instead of standard output (md: a directory gets a file per article)'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'dossier;import'= {
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --dry-run 'Show what would be imported without storing anything'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;open'= {
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;completions'= {
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;man'= {
            cand --dir 'Write dossier.1 and dossier-COMMAND.1 files here instead of printing dossier.1'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --max-bytes 'Largest article file read, in bytes'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;config'= {
            cand --max-bytes 'Largest article file read, in bytes'
            cand --team 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass'
            cand --keymap 'Keymap file applied over the default keymap, action by action'
            cand --config-dir 'Configuration directory (default: the platform''s config dir for dossier)'
            cand --data-dir 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)'
            cand --cache-dir 'Directory of the extraction cache and the log (default: the platform''s cache dir)'
            cand --theme 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)'
            cand --log-level 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"'
            cand --paths 'Print the paths of the configuration, data, cache and log instead'
            cand --mouse 'Start with mouse support on (wheel scrolls, click focuses and selects)'
            cand --no-cache 'Extract every article again instead of reading the cache'
            cand --published 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'dossier;help'= {
            cand sync 'Sync bookmarks, notes and reading positions with the team server once and print counts'
            cand publish 'Put articles and their analyses on the team server (skips those already there), with progress on stderr'
            cand team 'Query the team server: search, entities, sources, status, migrate'
            cand render 'Run the reader headless and print the final screen as plain text'
            cand extract 'Print the entities and claims of each file as JSON'
            cand compare 'Print groups of claims from different articles about the same thing, side by side. Exits with status 1 and a message on stderr when no two articles share a figure or an event'
            cand timeline 'Print the dated events of all articles in date order'
            cand find 'Rank palette candidates for a query and print them as TSV: kind, score, label, location'
            cand index 'Index articles into the extraction cache, with progress on stderr'
            cand export 'Export bookmarks and notes, grouped by article, with citations'
            cand import 'Import W3C Web Annotations or Hypothesis API JSON as bookmarks; unmatched ones are kept as orphans'
            cand open 'Open the reader at a spot: ARTICLE[#OFFSET|#QUOTE], ARTICLE being a path, id or title'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per command into a directory'
            cand config 'Print the effective configuration with comments, or where files live'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;help;sync'= {
        }
        &'dossier;help;publish'= {
        }
        &'dossier;help;team'= {
            cand search 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV'
            cand entities 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV'
            cand sources 'Outlets by number of articles, with their date range, as TSV'
            cand status 'Server, user, TLS, schema version and counts'
            cand migrate 'Bring the server''s schema up to date (needs a user who may create tables)'
        }
        &'dossier;help;team;search'= {
        }
        &'dossier;help;team;entities'= {
        }
        &'dossier;help;team;sources'= {
        }
        &'dossier;help;team;status'= {
        }
        &'dossier;help;team;migrate'= {
        }
        &'dossier;help;render'= {
        }
        &'dossier;help;extract'= {
        }
        &'dossier;help;compare'= {
        }
        &'dossier;help;timeline'= {
        }
        &'dossier;help;find'= {
        }
        &'dossier;help;index'= {
        }
        &'dossier;help;export'= {
        }
        &'dossier;help;import'= {
        }
        &'dossier;help;open'= {
        }
        &'dossier;help;completions'= {
        }
        &'dossier;help;man'= {
        }
        &'dossier;help;config'= {
        }
        &'dossier;help;help'= {
        }
    ]
    $completions[$command]
}
