//! Calendar dates: ISO parsing and printing, the dates written in documents (`8 oktober
//! 2024`, `14-10-2024`, `Monday, October 7, 2024`), and the Amsterdam offset for the DiWoo
//! `atTime` date-time. No clock is read: every date comes from the run or the configuration.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

/// A day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date, if it exists (years 1900 to 2199).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1900..2200).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 (negative before).
    fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a Unix time stamp (UTC).
    pub fn from_unix_seconds(seconds: i64) -> Option<Date> {
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// 0 = Sunday … 6 = Saturday.
    fn weekday(self) -> u32 {
        (self.days_since_epoch() + 4).rem_euclid(7) as u32
    }

    /// The last Sunday of `month` in `year`.
    fn last_sunday(year: i32, month: u32) -> Date {
        let last = Date {
            year,
            month,
            day: days_in_month(year, month),
        };
        Date {
            day: last.day - last.weekday(),
            ..last
        }
    }

    /// Midnight at the start of this day in Amsterdam, as an `xs:dateTime`:
    /// `2024-06-12T00:00:00+02:00` in summer time, `+01:00` otherwise. Summer time runs from
    /// the last Sunday of March to the last Sunday of October (at midnight on the day it
    /// ends, summer time still holds; on the day it starts, not yet).
    pub fn amsterdam_midnight(self) -> String {
        let start = Date::last_sunday(self.year, 3);
        let end = Date::last_sunday(self.year, 10);
        let offset = if self > start && self <= end {
            "+02:00"
        } else {
            "+01:00"
        };
        format!("{self}T00:00:00{offset}")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month names and abbreviations, Dutch and English, lower case.
const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("maart", 3),
    ("march", 3),
    ("mrt", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("augustus", 8),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn month(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == name).map(|&(_, n)| n)
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))\b")
        .expect("valid regex")
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s+([a-z]{3,9}\.?)\s+(\d{4})\b").expect("valid regex")
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})\b").expect("valid regex")
});

/// The first date written in `s`: ISO, day-month-year with `-`, `/` or `.` (the Dutch and
/// the platform's reading), or with a Dutch or English month name.
pub fn find_date(s: &str) -> Option<Date> {
    let mut found: Vec<(usize, Date)> = Vec::new();
    for c in NUMERIC.captures_iter(s) {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = if c.get(1).is_some() {
            Date::new(n(1)? as i32, n(2)?, n(3)?)
        } else {
            Date::new(n(6)? as i32, n(5)?, n(4)?)
        };
        if let Some(d) = date {
            found.push((c.get(0)?.start(), d));
            break;
        }
    }
    for c in DAY_MONTH.captures_iter(s) {
        let (Some(m), Ok(day), Ok(year)) = (month(&c[2]), c[1].parse(), c[3].parse()) else {
            continue;
        };
        if let Some(d) = Date::new(year, m, day) {
            found.push((c.get(0)?.start(), d));
            break;
        }
    }
    for c in MONTH_DAY.captures_iter(s) {
        let (Some(m), Ok(day), Ok(year)) = (month(&c[1]), c[2].parse(), c[3].parse()) else {
            continue;
        };
        if let Some(d) = Date::new(year, m, day) {
            found.push((c.get(0)?.start(), d));
            break;
        }
    }
    found.into_iter().min().map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = Date::parse_iso("2024-02-29").unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert!(Date::parse_iso("2023-02-29").is_none());
        assert!(Date::parse_iso("2024-2-9").is_none());
        assert!(Date::parse_iso("2024-13-01").is_none());
    }

    #[test]
    fn finds_dates_written_in_documents() {
        let d = |s: &str| find_date(s).map(|d| d.to_string());
        assert_eq!(
            d("dinsdag 8 oktober 2024 14:02").as_deref(),
            Some("2024-10-08")
        );
        assert_eq!(
            d("Monday 7 October 2024 16:40").as_deref(),
            Some("2024-10-07")
        );
        assert_eq!(
            d("Monday, October 7, 2024 4:40 PM").as_deref(),
            Some("2024-10-07")
        );
        assert_eq!(d("[14-10-2024 09:12] x").as_deref(), Some("2024-10-14"));
        assert_eq!(d("14/10/2024, 10:02 - x").as_deref(), Some("2024-10-14"));
        assert_eq!(d("3 mrt. 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(d("2021-03-01").as_deref(), Some("2021-03-01"));
        assert_eq!(d("kenmerk 2024-771203"), None);
        assert_eq!(d("31-02-2024"), None);
    }

    #[test]
    fn midnight_in_amsterdam_follows_summer_time() {
        let d = |s: &str| Date::parse_iso(s).unwrap().amsterdam_midnight();
        assert_eq!(d("2024-06-12"), "2024-06-12T00:00:00+02:00");
        assert_eq!(d("2024-01-12"), "2024-01-12T00:00:00+01:00");
        // 2024: summer time from Sunday 31 March to Sunday 27 October.
        assert_eq!(d("2024-03-31"), "2024-03-31T00:00:00+01:00");
        assert_eq!(d("2024-04-01"), "2024-04-01T00:00:00+02:00");
        assert_eq!(d("2024-10-27"), "2024-10-27T00:00:00+02:00");
        assert_eq!(d("2024-10-28"), "2024-10-28T00:00:00+01:00");
    }

    #[test]
    fn unix_time_stamps_become_dates() {
        assert_eq!(
            Date::from_unix_seconds(0).unwrap().to_string(),
            "1970-01-01"
        );
        assert_eq!(
            Date::from_unix_seconds(1_718_150_400).unwrap().to_string(),
            "2024-06-12"
        );
    }
}
