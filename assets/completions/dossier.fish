# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_dossier_global_optspecs
    string join \n keymap= config-dir= data-dir= mouse max-bytes= cache-dir= no-cache theme= log-level= team= published h/help V/version
end

function __fish_dossier_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_dossier_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_dossier_using_subcommand
    set -l cmd (__fish_dossier_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c dossier -n "__fish_dossier_needs_command" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_needs_command" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_needs_command" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_needs_command" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_needs_command" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_needs_command" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_needs_command" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_needs_command" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_needs_command" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_needs_command" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_needs_command" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_needs_command" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_needs_command" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_needs_command" -a "sync" -d 'Sync bookmarks, notes and reading positions with the team server once and print counts'
complete -c dossier -n "__fish_dossier_needs_command" -a "publish" -d 'Put articles and their analyses on the team server (skips those already there), with progress on stderr'
complete -c dossier -n "__fish_dossier_needs_command" -a "team" -d 'Query the team server: search, entities, sources, status, migrate'
complete -c dossier -n "__fish_dossier_needs_command" -a "render" -d 'Run the reader headless and print the final screen as plain text'
complete -c dossier -n "__fish_dossier_needs_command" -a "extract" -d 'Print the entities and claims of each file as JSON'
complete -c dossier -n "__fish_dossier_needs_command" -a "compare" -d 'Print groups of claims from different articles about the same thing, side by side. Exits with status 1 and a message on stderr when no two articles share a figure or an event'
complete -c dossier -n "__fish_dossier_needs_command" -a "timeline" -d 'Print the dated events of all articles in date order'
complete -c dossier -n "__fish_dossier_needs_command" -a "find" -d 'Rank palette candidates for a query and print them as TSV: kind, score, label, location'
complete -c dossier -n "__fish_dossier_needs_command" -a "index" -d 'Index articles into the extraction cache, with progress on stderr'
complete -c dossier -n "__fish_dossier_needs_command" -a "export" -d 'Export bookmarks and notes, grouped by article, with citations'
complete -c dossier -n "__fish_dossier_needs_command" -a "import" -d 'Import W3C Web Annotations or Hypothesis API JSON as bookmarks; unmatched ones are kept as orphans'
complete -c dossier -n "__fish_dossier_needs_command" -a "open" -d 'Open the reader at a spot: ARTICLE[#OFFSET|#QUOTE], ARTICLE being a path, id or title'
complete -c dossier -n "__fish_dossier_needs_command" -a "completions" -d 'Print a shell completion script'
complete -c dossier -n "__fish_dossier_needs_command" -a "man" -d 'Print the man page (roff), or write one page per command into a directory'
complete -c dossier -n "__fish_dossier_needs_command" -a "config" -d 'Print the effective configuration with comments, or where files live'
complete -c dossier -n "__fish_dossier_needs_command" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand sync" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand sync" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l connections -d 'Connections used at once' -r
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand publish" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand publish" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -f -a "search" -d 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -f -a "entities" -d 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -f -a "sources" -d 'Outlets by number of articles, with their date range, as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -f -a "status" -d 'Server, user, TLS, schema version and counts'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -f -a "migrate" -d 'Bring the server\'s schema up to date (needs a user who may create tables)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and not __fish_seen_subcommand_from search entities sources status migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l limit -d 'Most results printed' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l kind -d 'Only this kind (person, organization, place, date, quantity, misc)' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l name -d 'Only names similar to this one (case and accents ignored)' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l limit -d 'Most rows printed' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from entities" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l limit -d 'Most rows printed' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from sources" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "search" -d 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "entities" -d 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "sources" -d 'Outlets by number of articles, with their date range, as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "status" -d 'Server, user, TLS, schema version and counts'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Bring the server\'s schema up to date (needs a user who may create tables)'
complete -c dossier -n "__fish_dossier_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dossier -n "__fish_dossier_using_subcommand render" -l size -d 'Screen size as COLSxROWS' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l keys -d 'Keys to press first, in keymap syntax, space-separated: "j j <Tab> G"' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l ansi -d 'Print colours and text attributes as ANSI escape sequences'
complete -c dossier -n "__fish_dossier_using_subcommand render" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand render" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand render" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand render" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l format -d '`json`: one pretty-printed object per file; `jsonl`: one compact object per line' -r -f -a "json\t'Pretty-printed, one object per file'
jsonl\t'One compact object per line'"
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l raw -d 'Treat all of each file as body text (no metadata, no boilerplate removal)'
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand extract" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand extract" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l format -d 'Markdown, JSON, or SVG (the comparison charts, one below the other, for a report)' -r -f -a "md\t'Markdown tables'
json\t'JSON'
svg\t'An SVG document with each group\'s chart'"
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand compare" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand compare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l format -d 'JSON or Markdown' -r -f -a "md\t'Markdown'
json\t'JSON'"
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l entity -d 'Only events involving this entity (canonical name)' -r
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dossier -n "__fish_dossier_using_subcommand find" -l limit -d 'Most results printed' -r
complete -c dossier -n "__fish_dossier_using_subcommand find" -l kind -d 'Only this kind: article, heading, entity, claim or bookmark' -r
complete -c dossier -n "__fish_dossier_using_subcommand find" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand find" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand find" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand find" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand find" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand find" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand find" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand find" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand find" -l list -d 'Print every candidate label, one a line, instead of ranking'
complete -c dossier -n "__fish_dossier_using_subcommand find" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand find" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand find" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand find" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand index" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand index" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand index" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand index" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand index" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand index" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand index" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand index" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand index" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand index" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand index" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand index" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand export" -l format -d 'Output format' -r -f -a "md\t'Markdown for Obsidian, Zotero and Pandoc: front matter, block quotes, [@citekey, ¶ n]'
json\t'dossier\'s own JSON'
w3c\t'W3C Web Annotation JSON-LD (reads back with `dossier import`)'
csl-json\t'CSL-JSON items of the cited articles (Zotero, Pandoc, citeproc)'
bibtex\t'BibTeX entries of the cited articles'
org\t'An Org-mode outline with properties'"
complete -c dossier -n "__fish_dossier_using_subcommand export" -l output -d 'Write to this file instead of standard output (md: a directory gets a file per article)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand export" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand export" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand export" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand export" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand export" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand export" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand export" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand export" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand export" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand export" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand export" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dossier -n "__fish_dossier_using_subcommand import" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand import" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand import" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand import" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand import" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand import" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand import" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand import" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand import" -l dry-run -d 'Show what would be imported without storing anything'
complete -c dossier -n "__fish_dossier_using_subcommand import" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand import" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand import" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand import" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand open" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand open" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand open" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand open" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand open" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand open" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand open" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand open" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand open" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand open" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand open" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand open" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand completions" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand completions" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand man" -l dir -d 'Write dossier.1 and dossier-COMMAND.1 files here instead of printing dossier.1' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand man" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand man" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand man" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand man" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand man" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand man" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand man" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand man" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand man" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand man" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand man" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand man" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand config" -l max-bytes -d 'Largest article file read, in bytes' -r
complete -c dossier -n "__fish_dossier_using_subcommand config" -l team -d 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass' -r
complete -c dossier -n "__fish_dossier_using_subcommand config" -l keymap -d 'Keymap file applied over the default keymap, action by action' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand config" -l config-dir -d 'Configuration directory (default: the platform\'s config dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand config" -l data-dir -d 'Data directory for bookmarks and notes (default: the platform\'s data dir for dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand config" -l cache-dir -d 'Directory of the extraction cache and the log (default: the platform\'s cache dir)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand config" -l theme -d 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)' -r
complete -c dossier -n "__fish_dossier_using_subcommand config" -l log-level -d 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"' -r
complete -c dossier -n "__fish_dossier_using_subcommand config" -l paths -d 'Print the paths of the configuration, data, cache and log instead'
complete -c dossier -n "__fish_dossier_using_subcommand config" -l mouse -d 'Start with mouse support on (wheel scrolls, click focuses and selects)'
complete -c dossier -n "__fish_dossier_using_subcommand config" -l no-cache -d 'Extract every article again instead of reading the cache'
complete -c dossier -n "__fish_dossier_using_subcommand config" -l published -d 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)'
complete -c dossier -n "__fish_dossier_using_subcommand config" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "sync" -d 'Sync bookmarks, notes and reading positions with the team server once and print counts'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "publish" -d 'Put articles and their analyses on the team server (skips those already there), with progress on stderr'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "team" -d 'Query the team server: search, entities, sources, status, migrate'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "render" -d 'Run the reader headless and print the final screen as plain text'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "extract" -d 'Print the entities and claims of each file as JSON'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "compare" -d 'Print groups of claims from different articles about the same thing, side by side. Exits with status 1 and a message on stderr when no two articles share a figure or an event'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "timeline" -d 'Print the dated events of all articles in date order'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "find" -d 'Rank palette candidates for a query and print them as TSV: kind, score, label, location'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "index" -d 'Index articles into the extraction cache, with progress on stderr'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "export" -d 'Export bookmarks and notes, grouped by article, with citations'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "import" -d 'Import W3C Web Annotations or Hypothesis API JSON as bookmarks; unmatched ones are kept as orphans'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "open" -d 'Open the reader at a spot: ARTICLE[#OFFSET|#QUOTE], ARTICLE being a path, id or title'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "completions" -d 'Print a shell completion script'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "man" -d 'Print the man page (roff), or write one page per command into a directory'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "config" -d 'Print the effective configuration with comments, or where files live'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from sync publish team render extract compare timeline find index export import open completions man config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dossier -n "__fish_dossier_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "search" -d 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "entities" -d 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "sources" -d 'Outlets by number of articles, with their date range, as TSV'
complete -c dossier -n "__fish_dossier_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "status" -d 'Server, user, TLS, schema version and counts'
complete -c dossier -n "__fish_dossier_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "migrate" -d 'Bring the server\'s schema up to date (needs a user who may create tables)'
