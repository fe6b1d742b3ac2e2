//! RFC 3339 timestamps for the interchange formats: unix seconds to `2024-10-03T08:15:00Z` and
//! back, including the offsets and fractions other tools write. Pure.

/// `YYYY-MM-DDTHH:MM:SSZ` (UTC) of a unix time.
pub fn iso_datetime(unix: i64) -> String {
    let secs = unix.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        super::iso_date(unix),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Unix seconds of an RFC 3339 timestamp (`2019-09-19T10:44:24.123456+00:00`, `…Z`) or a bare
/// date (`2024-10-03`, read as midnight UTC); fractions of a second are dropped.
pub fn parse_datetime(text: &str) -> Option<i64> {
    let text = text.trim();
    let date = text.get(..10)?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(days * 86_400);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let clock = rest.get(..8)?;
    let mut hms = clock.split(':');
    let h: i64 = hms.next()?.parse().ok()?;
    let m: i64 = hms.next()?.parse().ok()?;
    let s: i64 = hms.next()?.parse().ok()?;
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let mut zone = &rest[8..];
    if let Some(frac) = zone.strip_prefix('.') {
        zone = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match zone {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match zone.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let body = &zone[1..];
            let (oh, om) = match body.split_once(':') {
                Some(pair) => pair,
                None => (body.get(..2)?, body.get(2..)?),
            };
            sign * (oh.parse::<i64>().ok()? * 3600 + om.parse::<i64>().ok()? * 60)
        }
    };
    Some(days * 86_400 + h * 3600 + m * 60 + s - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date, after Howard Hinnant's
/// `days_from_civil`.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes_round_trip_and_offsets_apply() {
        for t in [0, 951_782_400, 1_700_000_000, 1_700_000_000 + 86_399] {
            assert_eq!(parse_datetime(&iso_datetime(t)), Some(t));
        }
        assert_eq!(iso_datetime(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(
            parse_datetime("2023-11-14T23:13:20.123456+01:00"),
            Some(1_700_000_000)
        );
        assert_eq!(parse_datetime("2023-11-14"), Some(1_699_920_000));
        assert_eq!(parse_datetime("yesterday"), None);
        assert_eq!(parse_datetime("2023-13-01"), None);
    }
}
