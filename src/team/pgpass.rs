//! The password file libpq reads (`~/.pgpass`): `host:port:db:user:password` lines, `*` as a
//! wildcard, `\:` and `\\` as escapes. The caller reads the file and passes its text in.

/// The password of the first line matching host, port, database and user. Pure.
pub fn parse_pgpass(text: &str, host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    let wanted = [host, port.as_str(), db, user];
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_fields(line);
        if fields.len() != 5 {
            continue;
        }
        let matches = fields[..4].iter().zip(wanted).all(|(field, value)| {
            field == "*" || field == value || (field == "localhost" && value.starts_with('/'))
        });
        if matches {
            return Some(fields[4].clone());
        }
    }
    None
}

/// Splits one line at unescaped colons, removing the escapes.
fn split_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(last) = fields.last_mut()
                {
                    last.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_matching_line_wins_with_wildcards_and_escapes() {
        let text = "# comment\nother:5432:*:ann:no\ndb.local:*:news:ann:p\\:w\\\\d\n*:*:*:*:any\n";
        assert_eq!(
            parse_pgpass(text, "db.local", 5433, "news", "ann").as_deref(),
            Some("p:w\\d")
        );
        assert_eq!(parse_pgpass(text, "x", 1, "y", "z").as_deref(), Some("any"));
    }

    #[test]
    fn a_password_may_contain_colons() {
        assert_eq!(
            parse_pgpass("h:1:d:u:a:b", "h", 1, "d", "u").as_deref(),
            Some("a:b")
        );
    }

    #[test]
    fn no_match_gives_none() {
        assert_eq!(parse_pgpass("h:1:d:u:pw\n", "h", 2, "d", "u"), None);
    }
}
