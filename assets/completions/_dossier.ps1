
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'dossier' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'dossier'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'dossier' {
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Sync bookmarks, notes and reading positions with the team server once and print counts')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Put articles and their analyses on the team server (skips those already there), with progress on stderr')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'Query the team server: search, entities, sources, status, migrate')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Run the reader headless and print the final screen as plain text')
            [CompletionResult]::new('extract', 'extract', [CompletionResultType]::ParameterValue, 'Print the entities and claims of each file as JSON')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Print groups of claims from different articles about the same thing, side by side. Exits with status 1 and a message on stderr when no two articles share a figure or an event')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Print the dated events of all articles in date order')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Rank palette candidates for a query and print them as TSV: kind, score, label, location')
            [CompletionResult]::new('index', 'index', [CompletionResultType]::ParameterValue, 'Index articles into the extraction cache, with progress on stderr')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export bookmarks and notes, grouped by article, with citations')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import W3C Web Annotations or Hypothesis API JSON as bookmarks; unmatched ones are kept as orphans')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open the reader at a spot: ARTICLE[#OFFSET|#QUOTE], ARTICLE being a path, id or title')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command into a directory')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the effective configuration with comments, or where files live')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dossier;sync' {
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;publish' {
            [CompletionResult]::new('--connections', '--connections', [CompletionResultType]::ParameterName, 'Connections used at once')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;team' {
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV')
            [CompletionResult]::new('entities', 'entities', [CompletionResultType]::ParameterValue, 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Outlets by number of articles, with their date range, as TSV')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Server, user, TLS, schema version and counts')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring the server''s schema up to date (needs a user who may create tables)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dossier;team;search' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most results printed')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;team;entities' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only this kind (person, organization, place, date, quantity, misc)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only names similar to this one (case and accents ignored)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most rows printed')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;team;sources' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most rows printed')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;team;status' {
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;team;migrate' {
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;team;help' {
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV')
            [CompletionResult]::new('entities', 'entities', [CompletionResultType]::ParameterValue, 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Outlets by number of articles, with their date range, as TSV')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Server, user, TLS, schema version and counts')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring the server''s schema up to date (needs a user who may create tables)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dossier;team;help;search' {
            break
        }
        'dossier;team;help;entities' {
            break
        }
        'dossier;team;help;sources' {
            break
        }
        'dossier;team;help;status' {
            break
        }
        'dossier;team;help;migrate' {
            break
        }
        'dossier;team;help;help' {
            break
        }
        'dossier;render' {
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Screen size as COLSxROWS')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'Keys to press first, in keymap syntax, space-separated: "j j <Tab> G"')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--ansi', '--ansi', [CompletionResultType]::ParameterName, 'Print colours and text attributes as ANSI escape sequences')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;extract' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '`json`: one pretty-printed object per file; `jsonl`: one compact object per line')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Treat all of each file as body text (no metadata, no boilerplate removal)')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dossier;compare' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Markdown, JSON, or SVG (the comparison charts, one below the other, for a report)')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dossier;timeline' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'JSON or Markdown')
            [CompletionResult]::new('--entity', '--entity', [CompletionResultType]::ParameterName, 'Only events involving this entity (canonical name)')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dossier;find' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most results printed')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only this kind: article, heading, entity, claim or bookmark')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print every candidate label, one a line, instead of ranking')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;index' {
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file instead of standard output (md: a directory gets a file per article)')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'dossier;import' {
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be imported without storing anything')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;open' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;completions' {
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write dossier.1 and dossier-COMMAND.1 files here instead of printing dossier.1')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;config' {
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Largest article file read, in bytes')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in config.toml). The password comes from PGPASSWORD or ~/.pgpass')
            [CompletionResult]::new('--keymap', '--keymap', [CompletionResultType]::ParameterName, 'Keymap file applied over the default keymap, action by action')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Configuration directory (default: the platform''s config dir for dossier)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for bookmarks and notes (default: the platform''s data dir for dossier)')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Directory of the extraction cache and the log (default: the platform''s cache dir)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config)')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to write to the log file: error, warn, info, debug, trace or a filter such as "dossier=debug"')
            [CompletionResult]::new('--paths', '--paths', [CompletionResultType]::ParameterName, 'Print the paths of the configuration, data, cache and log instead')
            [CompletionResult]::new('--mouse', '--mouse', [CompletionResultType]::ParameterName, 'Start with mouse support on (wheel scrolls, click focuses and selects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Extract every article again instead of reading the cache')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Read the corpus published on the team server instead of local files: the list pages through the server, search and views run as SQL (needs --team or [team] url; no PATH)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'dossier;help' {
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Sync bookmarks, notes and reading positions with the team server once and print counts')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Put articles and their analyses on the team server (skips those already there), with progress on stderr')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'Query the team server: search, entities, sources, status, migrate')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Run the reader headless and print the final screen as plain text')
            [CompletionResult]::new('extract', 'extract', [CompletionResultType]::ParameterValue, 'Print the entities and claims of each file as JSON')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Print groups of claims from different articles about the same thing, side by side. Exits with status 1 and a message on stderr when no two articles share a figure or an event')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Print the dated events of all articles in date order')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Rank palette candidates for a query and print them as TSV: kind, score, label, location')
            [CompletionResult]::new('index', 'index', [CompletionResultType]::ParameterValue, 'Index articles into the extraction cache, with progress on stderr')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export bookmarks and notes, grouped by article, with citations')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import W3C Web Annotations or Hypothesis API JSON as bookmarks; unmatched ones are kept as orphans')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open the reader at a spot: ARTICLE[#OFFSET|#QUOTE], ARTICLE being a path, id or title')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command into a directory')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the effective configuration with comments, or where files live')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dossier;help;sync' {
            break
        }
        'dossier;help;publish' {
            break
        }
        'dossier;help;team' {
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full text (German and English) and fuzzy title search over the published corpus: score, title, source, excerpt as TSV')
            [CompletionResult]::new('entities', 'entities', [CompletionResultType]::ParameterValue, 'Entities by the number of articles naming them: kind, name, articles, mentions as TSV')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'Outlets by number of articles, with their date range, as TSV')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Server, user, TLS, schema version and counts')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring the server''s schema up to date (needs a user who may create tables)')
            break
        }
        'dossier;help;team;search' {
            break
        }
        'dossier;help;team;entities' {
            break
        }
        'dossier;help;team;sources' {
            break
        }
        'dossier;help;team;status' {
            break
        }
        'dossier;help;team;migrate' {
            break
        }
        'dossier;help;render' {
            break
        }
        'dossier;help;extract' {
            break
        }
        'dossier;help;compare' {
            break
        }
        'dossier;help;timeline' {
            break
        }
        'dossier;help;find' {
            break
        }
        'dossier;help;index' {
            break
        }
        'dossier;help;export' {
            break
        }
        'dossier;help;import' {
            break
        }
        'dossier;help;open' {
            break
        }
        'dossier;help;completions' {
            break
        }
        'dossier;help;man' {
            break
        }
        'dossier;help;config' {
            break
        }
        'dossier;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
