//! Dates: the forms pages write them in, read into ISO 8601, and the calendar arithmetic that
//! metadata, saved files and the CLI share (proleptic Gregorian, UTC, no time-zone database).

/// Whether `s` is exactly `YYYY-MM-DD` in digits (the calendar is checked elsewhere).
pub fn is_ymd(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The first three letters of each month's English name, which is how dates spell them
/// ("Jan", "January", "jan.").
pub const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Whether `text` opens with a date's first word: a number, a month or a day of the week (not a
/// label: "Joined: Mar 3, 2010").
pub fn opens_with_date(text: &str) -> bool {
    let Some(first) = text.split(|c: char| c.is_whitespace() || c == ',' || c == '.').next() else { return false };
    let lower = first.to_lowercase();
    let named = |names: &[&str]| names.iter().any(|n| lower.starts_with(n)) && lower.chars().all(char::is_alphabetic);
    first.starts_with(|c: char| c.is_ascii_digit()) || named(&MONTHS) || named(&WEEKDAYS)
}

/// The first three letters of each day of the week's English name.
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A date in ISO 8601 (`2024-05-01`, `2024-05-01T10:00:00+02:00`), from the forms pages use:
/// ISO 8601 itself (with a space for the `T`, or a `+0200` offset), RFC 2822
/// (`Wed, 01 May 2024 10:00:00 GMT`), "May 1, 2024", "1 May 2024" and Unix timestamps.
/// `None` when the text is not a date.
pub fn parse(raw: &str) -> Option<String> {
    let s = raw.trim();
    let valid = |y: i64, m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=9999).contains(&y);
    // Unix time, in seconds or milliseconds.
    if !s.is_empty() && s.len() <= 13 && s.chars().all(|c| c.is_ascii_digit()) && s.len() >= 9 {
        let n: i64 = s.parse().ok()?;
        let secs = if s.len() == 13 { n / 1000 } else { n };
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let t = secs.rem_euclid(86_400);
        return Some(format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", t / 3600, t / 60 % 60, t % 60));
    }
    if s.get(..10).is_some_and(is_ymd) {
        let (y, m, d) = (s[..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?);
        if !valid(y, m, d) {
            return None;
        }
        let rest = s[10..].trim_start_matches(['T', 't', ' ']);
        if rest.is_empty() {
            return Some(s[..10].to_string());
        }
        let time_len = rest.find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.')).unwrap_or(rest.len());
        let (time, zone) = rest.split_at(time_len);
        let parts: Vec<&str> = time.split(':').collect();
        if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
            return Some(s[..10].to_string());
        }
        let zone = zone.trim();
        let zone = match zone {
            "" => String::new(),
            "Z" | "z" | "UTC" | "GMT" => "Z".to_string(),
            z if (z.starts_with('+') || z.starts_with('-')) && z.len() == 5 && z[1..].chars().all(|c| c.is_ascii_digit()) => {
                format!("{}:{}", &z[..3], &z[3..])
            }
            z if (z.starts_with('+') || z.starts_with('-')) && z.len() == 6 && &z[3..4] == ":" => z.to_string(),
            _ => String::new(),
        };
        return Some(format!("{}T{}{}", &s[..10], time, zone));
    }
    // Word forms: find a day, a month name and a four-digit year, in any order.
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace() || c == ',' || c == '.').filter(|w| !w.is_empty()).collect();
    let mut month = None;
    let mut year = None;
    let mut day = None;
    let mut time = None;
    let mut zone = String::new();
    for w in &words {
        if let Some(i) = MONTHS.iter().position(|m| w.starts_with(m)) {
            if month.is_none() && w.chars().all(char::is_alphabetic) {
                month = Some(i as u32 + 1);
                continue;
            }
        }
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        if digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()) && year.is_none() {
            year = digits.parse::<i64>().ok();
        } else if (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) && day.is_none() {
            day = digits.parse::<u32>().ok();
        } else if w.contains(':') && time.is_none() && w.split(':').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
            let p: Vec<u32> = w.split(':').filter_map(|p| p.parse().ok()).collect();
            time = Some((p[0], p.get(1).copied().unwrap_or(0), p.get(2).copied().unwrap_or(0)));
        } else if matches!(*w, "gmt" | "utc" | "z") {
            zone = "Z".to_string();
        } else if (w.starts_with('+') || w.starts_with('-')) && w.len() == 5 && w[1..].chars().all(|c| c.is_ascii_digit()) {
            zone = format!("{}:{}", &w[..3], &w[3..]);
        }
    }
    let (y, m, d) = (year?, month?, day?);
    if !valid(y, m, d) {
        return None;
    }
    match time {
        Some((h, mi, sec)) if h < 24 && mi < 60 && sec < 61 && !lower.contains("am") && !lower.contains("pm") => {
            Some(format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{zone}"))
        }
        _ => Some(format!("{y:04}-{m:02}-{d:02}")),
    }
}


/// The date (UTC) of a Unix time, ISO 8601.
pub fn of_unix_seconds(unix_seconds: i64) -> String {
    let (y, m, d) = civil_from_days(unix_seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}


/// An ISO 8601 date or date-time as the `YYYY-MM-DDThh:mm:ssZ` EPUB wants (UTC; an offset is
/// applied). `None` if it is not one.
pub fn utc_timestamp(iso: &str) -> Option<String> {
    let date = iso.get(..10).filter(|d| is_ymd(d))?;
    let rest = iso.get(10..).unwrap_or("");
    let Some(time) = rest.strip_prefix('T') else { return Some(format!("{date}T00:00:00Z")) };
    let hms = time.get(..8).filter(|t| t.len() == 8 && t.as_bytes()[2] == b':' && t.as_bytes()[5] == b':')?;
    let zone = time[8..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset_minutes: i64 = match zone {
        "" | "Z" | "z" => 0,
        z if z.len() == 6 && (z.starts_with('+') || z.starts_with('-')) => {
            let h: i64 = z[1..3].parse().ok()?;
            let m: i64 = z[4..6].parse().ok()?;
            if z.starts_with('-') { -(h * 60 + m) } else { h * 60 + m }
        }
        _ => return None,
    };
    let (y, mo, d) = (date[..4].parse::<i64>().ok()?, date[5..7].parse::<u32>().ok()?, date[8..10].parse::<u32>().ok()?);
    let (h, mi, s) = (hms[..2].parse::<i64>().ok()?, hms[3..5].parse::<i64>().ok()?, hms[6..8].parse::<i64>().ok()?);
    let minutes = days_from_civil(y, mo, d) * 1440 + h * 60 + mi - offset_minutes;
    let (y, mo, d) = civil_from_days(minutes.div_euclid(1440));
    let m = minutes.rem_euclid(1440);
    Some(format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{s:02}Z", m / 60, m % 60))
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso_8601() {
        for (raw, want) in [
            ("2018-04-05T06:00", Some("2018-04-05T06:00")),
            ("2015-04-16 20:02:00 +0000", Some("2015-04-16T20:02:00+00:00")),
            ("2021-11-01T10:52:50+0100", Some("2021-11-01T10:52:50+01:00")),
            ("2026-03-14", Some("2026-03-14")),
            ("Thu, 16 Apr 2015 20:02:00 GMT", Some("2015-04-16T20:02:00Z")),
            ("April 28, 2019", Some("2019-04-28")),
            ("28 April 2019 at 6:01 pm", Some("2019-04-28")),
            ("1700000000", Some("2023-11-14T22:13:20Z")),
            ("2019-13-01", None),
            ("yesterday", None),
        ] {
            assert_eq!(parse(raw).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn timestamps_become_utc() {
        assert_eq!(utc_timestamp("2026-05-07T05:30:00+02:00").as_deref(), Some("2026-05-07T03:30:00Z"));
        assert_eq!(utc_timestamp("2026-01-01T00:30:00.123+01:00").as_deref(), Some("2025-12-31T23:30:00Z"));
        assert_eq!(utc_timestamp("2026-05-07").as_deref(), Some("2026-05-07T00:00:00Z"));
        assert_eq!(utc_timestamp("May 7"), None);
    }

    #[test]
    fn unix_times_become_dates() {
        assert_eq!(of_unix_seconds(0), "1970-01-01");
        assert_eq!(of_unix_seconds(1_780_000_000), "2026-05-28");
        assert_eq!(of_unix_seconds(-1), "1969-12-31");
    }
}
