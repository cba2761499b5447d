//! Deterministic generator of synthetic Dutch Woo documents with gold annotations.
//!
//! Used by throughput benchmarks (lots of realistic text), property tests (text whose personal
//! data is known exactly) and `examples/gen_corpus.rs` (a held-out evaluation corpus in the
//! layout of `../shared/eval/dev-text`). It depends on std only, so that test crates
//! (`mod support;`) and bench crates (`#[path = "../tests/support/corpus.rs"] mod corpus;`) can
//! both include it without linking the crate under test: the gold must never be derived from the
//! code it is meant to judge.
//!
//! Everything is driven by one seeded [`Rng`]: the same seed gives byte-identical documents and
//! gold on every platform (no hash-map iteration, no floating point in decisions).
//!
//! Typical use:
//!
//! ```ignore
//! let world = World::new(7, 500); // organisation, staff directory, officials, citizens, …
//! let mut rng = Rng::new(7).fork();
//! let docs = corpus(&world, &mut rng, 300); // or generate(&world, &mut rng, DocKind::Chat)
//! write_corpus(dir, &world, &docs)?; // docs/*.txt, gold.jsonl, staff.csv, public.txt, keep.txt
//! let (world, docs) = corpus_of_size(42, 10_000, 10 << 20); // benchmarks: ~10 MB
//! ```
//!
//! Every document is assembled piece by piece by a builder that records, as it appends, which
//! pieces are personal data (`redact`) and which must stay readable (`keep`), so gold offsets are
//! correct by construction rather than found again by searching.

// Each test and bench crate uses a different subset of this module.
#![allow(dead_code)]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;
use std::{fs, io};

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

/// SplitMix64: tiny, fast, and good enough for test data; written out here so the corpus does
/// not change when a dependency's generator changes.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`). The modulo bias is negligible for the small `n` used here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with probability `pct` percent.
    pub fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }

    /// A random element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// A random string of a non-empty list (`pick` would infer `T = str` where a `&str` is
    /// expected).
    pub fn pick_str<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }

    /// `n` random decimal digits.
    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// An independent generator, so that one part of a run (the world) does not shift the
    /// stream of another (the documents) when it changes.
    pub fn fork(&mut self) -> Rng {
        Rng::new(self.next_u64())
    }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_ABBR: [&str; 12] = [
    "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A calendar date, stored as days since 1970-01-01 so that arithmetic is trivial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(i64);

impl Date {
    /// The date `y-m-d` (proleptic Gregorian; H. Hinnant's days-from-civil).
    pub fn ymd(y: i64, m: u32, d: u32) -> Date {
        let (m, d) = (i64::from(m), i64::from(d));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    /// Year, month (1-12) and day.
    pub fn parts(self) -> (i64, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    /// 0 = Monday.
    pub fn weekday(self) -> usize {
        (self.0 + 3).rem_euclid(7) as usize
    }

    /// A uniformly random date in the years `y0..=y1`.
    pub fn random(r: &mut Rng, y0: i64, y1: i64) -> Date {
        let a = Date::ymd(y0, 1, 1).0;
        let b = Date::ymd(y1 + 1, 1, 1).0;
        Date(a + r.below((b - a) as usize) as i64)
    }

    /// `n` days later (negative: earlier).
    pub fn plus(self, n: i64) -> Date {
        Date(self.0 + n)
    }

    /// `4 juni 2024`.
    pub fn long(self) -> String {
        let (y, m, d) = self.parts();
        format!("{d} {} {y}", MONTHS[m as usize - 1])
    }

    /// `dinsdag 4 juni 2024`.
    pub fn long_weekday(self) -> String {
        format!("{} {}", WEEKDAYS[self.weekday()], self.long())
    }

    /// `Tuesday, June 4, 2024` (Outlook in English).
    pub fn english(self) -> String {
        let (y, m, d) = self.parts();
        format!(
            "{}, {} {d}, {y}",
            WEEKDAYS_EN[self.weekday()],
            MONTHS_EN[m as usize - 1]
        )
    }

    /// `04-06-2024`.
    pub fn dmy(self, sep: char) -> String {
        let (y, m, d) = self.parts();
        format!("{d:02}{sep}{m:02}{sep}{y}")
    }

    /// One of the usual Dutch notations, chosen by `style`.
    pub fn fmt(self, style: usize) -> String {
        let (y, m, d) = self.parts();
        match style % 8 {
            0 | 1 => self.long(),
            2 => self.dmy('-'),
            3 => format!("{d}-{m}-{y}"),
            4 => self.long_weekday(),
            5 => format!("{d} {} {y}", MONTHS_ABBR[m as usize - 1]),
            6 => format!("{y}-{m:02}-{d:02}"),
            _ => self.dmy('/'),
        }
    }

    /// A notation for a date of birth (more numeric forms, as people write them in letters).
    pub fn fmt_birth(self, style: usize) -> String {
        let (y, m, d) = self.parts();
        match style % 7 {
            0 => self.dmy('-'),
            1 => self.long(),
            2 => self.dmy('/'),
            3 => format!("{d}-{m}-{y}"),
            4 => format!("{y}-{m:02}-{d:02}"),
            5 => self.dmy('.'),
            _ => format!("{d} {} {y}", MONTHS_ABBR[m as usize - 1]),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Phone numbers, BSN, IBAN
// ---------------------------------------------------------------------------------------------

/// A Dutch phone number: area code without the trunk `0` (`6` for mobiles, `70`, `597`) and
/// the subscriber number (together always nine digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub area: String,
    pub sub: String,
}

/// How many notations [`Phone::fmt`] knows (per kind of number; styles wrap around).
pub const PHONE_STYLES: usize = 11;

impl Phone {
    /// A mobile number `06 xxxxxxxx`.
    pub fn mobile(r: &mut Rng) -> Phone {
        Phone {
            area: "6".into(),
            sub: format!("{}{}", r.range(1, 9), r.digits(7)),
        }
    }

    /// A fixed line in `area` (two or three digits).
    pub fn landline(r: &mut Rng, area: &str) -> Phone {
        let n = 9 - area.len();
        Phone {
            area: area.into(),
            sub: format!("{}{}", r.range(2, 9), r.digits(n - 1)),
        }
    }

    /// One of the notations Dutch writers use, chosen by `style`.
    pub fn fmt(&self, style: usize) -> String {
        let (a, s) = (&self.area, &self.sub);
        let g = |parts: &[usize]| -> String {
            // The subscriber number split into groups of the given sizes.
            let mut out = Vec::new();
            let mut i = 0;
            for &n in parts {
                out.push(&s[i..i + n]);
                i += n;
            }
            out.join(" ")
        };
        match (a.len(), style % PHONE_STYLES) {
            (1, 0) => format!("06-{s}"),
            (1, 1) => format!("06 {s}"),
            (1, 2) => format!("06 {}", g(&[2, 2, 2, 2])),
            (1, 3) => format!("06 {}", g(&[4, 4])),
            (1, 4) => format!("+31 6 {s}"),
            (1, 5) => format!("+31 6 {}", g(&[4, 4])),
            (1, 6) => format!("+31 (0)6 {s}"),
            (1, 7) => format!("0031 6 {s}"),
            (1, 8) => format!("+316{s}"),
            (1, 9) => format!("+31 6 {}", g(&[2, 2, 2, 2])),
            (1, _) => format!("06{s}"),
            (2, 0 | 9) => format!("0{a}-{s}"),
            (2, 1) => format!("0{a} {}", g(&[3, 4])),
            (2, 2) => format!("(0{a}) {}", g(&[3, 4])),
            (2, 3) => format!("+31 {a} {}", g(&[3, 2, 2])),
            (2, 4) => format!("0{a} - {}", g(&[3, 2, 2])),
            (2, 5) => format!("+31 (0){a} {}", g(&[3, 4])),
            (2, 6) => format!("0031 {a} {s}"),
            (2, 7) => format!("0{a} {s}"),
            (2, 8) => format!("+31{a}{s}"),
            (2, _) => format!("0{a} {}", g(&[3, 2, 2])),
            (_, 0 | 4 | 8) => format!("0{a}-{s}"),
            (_, 1 | 5 | 9) => format!("(0{a}) {}", g(&[2, 2, 2])),
            (_, 2 | 6) => format!("+31 {a} {}", g(&[3, 3])),
            _ => format!("0{a} {}", g(&[3, 3])),
        }
    }
}

/// A nine-digit BSN that passes the elfproef (weights 9..2 and -1).
pub fn random_bsn(r: &mut Rng) -> String {
    loop {
        // A leading zero now and then, so that the 8-digit notation gets exercised.
        let first = if r.chance(10) { 0 } else { r.range(1, 9) };
        let mut d: Vec<u32> = vec![first];
        d.extend((0..7).map(|_| r.range(0, 9)));
        let sum: u32 = d.iter().zip((2..=9).rev()).map(|(x, w)| x * w).sum();
        let last = sum % 11;
        if last < 10 && sum > 0 {
            d.push(last);
            return d.iter().map(|x| char::from(b'0' + *x as u8)).collect();
        }
    }
}

/// `n` mod 97 of an IBAN-style string (letters count as 10..35), computed digit by digit.
fn mod97(s: &str) -> u32 {
    s.chars().fold(0u32, |acc, c| {
        let v = c.to_digit(36).expect("alphanumeric");
        if v < 10 {
            (acc * 10 + v) % 97
        } else {
            (acc * 100 + v) % 97
        }
    })
}

/// A valid IBAN (mod-97) in compact form for `country`: NL, BE, DE, FR, ES, PL, TR or GB.
pub fn random_iban(r: &mut Rng, country: &str) -> String {
    const BANKS: [&str; 9] = [
        "ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ", "RBRB",
    ];
    let bban = match country {
        "NL" => format!("{}{}", r.pick(&BANKS), r.digits(10)),
        "BE" => r.digits(12),
        "DE" => r.digits(18),
        "FR" => r.digits(23),
        "ES" => r.digits(20),
        "PL" => r.digits(24),
        "TR" => format!("{}0{}", r.digits(5), r.digits(16)),
        _ => format!("{}{}", r.pick(&["NWBK", "BARC", "LOYD"]), r.digits(14)),
    };
    let check = 98 - mod97(&format!("{bban}{country}00"));
    format!("{country}{check:02}{bban}")
}

/// The IBAN in groups of four, as printed on bank cards.
pub fn group_iban(iban: &str) -> String {
    let b: Vec<char> = iban.chars().collect();
    b.chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// Name pools (invented for this generator; not taken from any corpus or gazetteer)
// ---------------------------------------------------------------------------------------------

const FIRST_F: &[&str] = &[
    "Anna",
    "Sanne",
    "Femke",
    "Willemijn",
    "Marloes",
    "Annelies",
    "Floor",
    "Eline",
    "Roos",
    "Lotte",
    "Hanneke",
    "Ingrid",
    "Marieke",
    "Tjitske",
    "Wietske",
    "Merel",
    "Ilse",
    "Truus",
    "Anneke",
    "Esther",
    "Nienke",
    "Lieke",
    "Fenna",
    "Christine",
    "Theodora",
    "Christel",
    "Philippa",
    "Fatima",
    "Khadija",
    "Samira",
    "Nadia",
    "Imane",
    "Ilham",
    "Loubna",
    "Najat",
    "Ayşe",
    "Zeynep",
    "Elif",
    "Hatice",
    "Özlem",
    "Büşra",
    "Tuğba",
    "Gerda",
    "Shanti",
    "Sharda",
    "Priya",
    "Dewi",
    "Wulan",
    "Sri",
    "Putri",
    "Indah",
    "Katarzyna",
    "Agnieszka",
    "Małgorzata",
    "Senait",
    "Selam",
    "Feven",
    "Helen",
    "Xiaoling",
    "Mei Ling",
    "Jing",
    "Rania",
    "Lina",
    "Oksana",
    "Ana",
    "Siobhan",
    "Ama",
    "Nkechi",
    "Joëlle",
    "Noëlle",
    "Aukje",
    "Geertje",
    "Jannigje",
    "Marit",
    "Renske",
    "Yvonne",
    "Petra",
    "Saskia",
    "Mirjam",
    "Chantal",
    "Kim",
    "Demi",
    "Sophie",
    "Julia",
    "Emma",
    "Zoë",
    "Aaliyah",
    "Maryam",
    "Hiba",
];

const FIRST_M: &[&str] = &[
    "Jan",
    "Pieter",
    "Bram",
    "Joost",
    "Maarten",
    "Geert",
    "Hendrik",
    "Sjoerd",
    "Wouter",
    "Ruben",
    "Thijs",
    "Gijs",
    "Joris",
    "Kees",
    "Henk",
    "Gerrit",
    "Daan",
    "Sem",
    "Jochem",
    "Martijn",
    "Hidde",
    "Jelle",
    "Rutger",
    "Reinier",
    "Philip",
    "Thomas",
    "Theo",
    "Christiaan",
    "IJsbrand",
    "Mohammed",
    "Youssef",
    "Karim",
    "Hamza",
    "Soufiane",
    "Bilal",
    "Zakaria",
    "Rachid",
    "Mehmet",
    "Emre",
    "Burak",
    "Serkan",
    "Gökhan",
    "Cem",
    "Rudy",
    "Ricardo",
    "Anand",
    "Ravi",
    "Kishan",
    "Marciano",
    "Quincy",
    "Budi",
    "Agus",
    "Hendra",
    "Tomasz",
    "Piotr",
    "Krzysztof",
    "Łukasz",
    "Yonas",
    "Tesfay",
    "Awet",
    "Berhane",
    "Wei",
    "Hao",
    "Zhen",
    "Ahmad",
    "Omar",
    "Dmitri",
    "João",
    "Kwame",
    "Chidi",
    "Sjaak",
    "Teun",
    "Ids",
    "Freek",
    "Arjen",
    "Ferdinand",
    "Niels",
    "Bas",
    "Koen",
    "Mustafa",
    "Ibrahim",
    "Ali",
    "Jesse",
    "Luuk",
    "Stijn",
];

/// Syllables for invented first names (`Jarvin`, `Maelis`): names no gazetteer contains, so the
/// corpus tests context rules rather than lists.
const FIRST_A: &[&str] = &[
    "Ja", "Mae", "Ti", "Ro", "Se", "Ka", "Bri", "Lo", "Fe", "Ori", "Va", "Zu", "Ny", "Qui", "E",
    "Dri", "Ha", "I", "Wy", "U", "Ma", "Je", "Ko", "Sa",
];
const FIRST_B: &[&str] = &[
    "rvin", "lis", "ndra", "mke", "sje", "lan", "rith", "nou", "vie", "dric", "bel", "sko", "lia",
    "ven", "mar", "tje", "ssa", "rwin", "nder", "waud", "lke", "ndu", "mira", "tse",
];

/// Surnames with their tussenvoegsel (empty when none), from many backgrounds.
const SURNAMES: &[(&str, &str)] = &[
    ("", "Jansen"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("", "Mulder"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("", "Dijkstra"),
    ("", "Kok"),
    ("", "Huisman"),
    ("", "Kuipers"),
    ("", "Veenstra"),
    ("", "Hoekstra"),
    ("", "Postma"),
    ("", "Schouten"),
    ("", "Wijnands"),
    ("", "Verhoeven"),
    ("", "Timmermans"),
    ("", "Prins"),
    ("", "Blom"),
    ("", "Koster"),
    ("", "Verbeek"),
    ("", "Sanders"),
    ("", "Kramer"),
    ("", "Vermeulen"),
    ("", "Hermans"),
    ("", "Willems"),
    ("", "Groenewegen"),
    ("", "Scholten"),
    ("", "Hofstede"),
    ("", "Zwart"),
    ("", "Haverkamp"),
    ("", "Oosterhuis"),
    ("", "Bruinsma"),
    ("", "Wolters"),
    ("", "Koopmans"),
    ("", "Terpstra"),
    ("", "Brinkman"),
    ("", "Lammers"),
    ("", "Nijhuis"),
    ("", "Boersma"),
    ("", "Molenaar"),
    ("van", "Dijk"),
    ("de", "Vries"),
    ("van der", "Meulen"),
    ("van den", "Berg"),
    ("de", "Jong"),
    ("van", "Leeuwen"),
    ("ter", "Horst"),
    ("ten", "Brink"),
    ("'t", "Hart"),
    ("in 't", "Veld"),
    ("van 't", "Hof"),
    ("van der", "Linden"),
    ("de", "Graaf"),
    ("van", "Beek"),
    ("van den", "Heuvel"),
    ("ter", "Haar"),
    ("ten", "Cate"),
    ("van der", "Wal"),
    ("de", "Boer"),
    ("den", "Hartog"),
    ("van", "Vliet"),
    ("van de", "Ven"),
    ("van 't", "Zand"),
    ("de", "Wit"),
    ("van", "Rossum"),
    ("ter", "Steege"),
    ("van der", "Heijden"),
    ("de", "Haan"),
    ("van", "Wijk"),
    ("", "El Idrissi"),
    ("", "El Amrani"),
    ("", "Bouzid"),
    ("", "Ait Taleb"),
    ("", "Benali"),
    ("", "Ouali"),
    ("", "El Khatib"),
    ("", "Boukhari"),
    ("", "Azzouzi"),
    ("", "Chaara"),
    ("", "Ziani"),
    ("", "El Yousfi"),
    ("", "Ben Haddou"),
    ("", "Yılmaz"),
    ("", "Doğan"),
    ("", "Çelik"),
    ("", "Kaya"),
    ("", "Demir"),
    ("", "Şahin"),
    ("", "Aydın"),
    ("", "Öztürk"),
    ("", "Arslan"),
    ("", "Koç"),
    ("", "Kılıç"),
    ("", "Güneş"),
    ("", "Yıldız"),
    ("", "Tjon A Fong"),
    ("", "Ramdin"),
    ("", "Sewdien"),
    ("", "Kartosen"),
    ("", "Tjin-A-Tsoi"),
    ("", "Ramautar"),
    ("", "Bhagwandin"),
    ("", "Jagroep"),
    ("", "Pinas"),
    ("", "Sabajo"),
    ("", "Lie A Ling"),
    ("", "Martina"),
    ("", "Koeiman"),
    ("", "Soerjadi"),
    ("", "Pattiasina"),
    ("", "Latumahina"),
    ("", "Tahapary"),
    ("", "Wibowo"),
    ("", "Siregar"),
    ("", "Hadiwijaya"),
    ("", "Kowalski"),
    ("", "Nowak"),
    ("", "Wiśniewska"),
    ("", "Zieliński"),
    ("", "Wójcik"),
    ("", "Kamińska"),
    ("", "Tesfamariam"),
    ("", "Gebremedhin"),
    ("", "Haile"),
    ("", "Tekle"),
    ("", "Ghebremichael"),
    ("", "Woldegiorgis"),
    ("", "Chen"),
    ("", "Zhang"),
    ("", "Wang"),
    ("", "Liu"),
    ("", "Huang"),
    ("", "Lin"),
    ("", "Zhou"),
    ("", "Nguyen"),
    ("", "Tran"),
    ("", "Al-Hassan"),
    ("", "Haddad"),
    ("", "Okafor"),
    ("", "Mensah"),
    ("", "Petrović"),
    ("", "Ivanova"),
    ("", "O'Brien"),
    ("", "Da Silva"),
    ("", "Rodrigues"),
    ("", "Fernandes"),
];

/// Parts of invented Dutch-looking surnames (`Brakkenveld`, `Oudewaert`).
const SUR_NL_A: &[&str] = &[
    "Brak", "Oude", "Wel", "Hoog", "Kwa", "Ster", "Lind", "Moer", "Gal", "Dries", "Vel", "Ruy",
    "Holt", "Zwie", "Kar", "Wijn", "Leur", "Fon", "Bra", "Snij", "Mos", "Gra", "Lam", "Ket",
];
const SUR_NL_B: &[&str] = &[
    "kenveld", "waert", "ink", "huizen", "dorp", "stra", "ema", "inga", "mans", "ing", "ers",
    "hof", "beek", "kamp", "sma", "broek", "land", "ens", "loo", "erd", "stee", "kes", "horst",
    "werf",
];
/// Parts of invented surnames that look like no particular language (`Tarezi`, `Komandu`).
const SUR_X_A: &[&str] = &[
    "Ta", "Ko", "Ri", "Mu", "Ze", "Na", "Ob", "Ulu", "Ay", "Kef", "Sor", "Dja", "Vu", "Ish",
];
const SUR_X_B: &[&str] = &[
    "rezi", "mandu", "ssou", "kovic", "yanti", "wardi", "oglu", "ashvili", "enko", "ello", "gbe",
    "ruma", "tsoa", "lahi",
];
const TUSSEN: &[&str] = &[
    "van", "de", "van der", "van den", "ter", "ten", "van de", "in 't", "van 't", "'t", "den",
];
const TITLES: &[&str] = &[
    "mr.",
    "drs.",
    "dr.",
    "ir.",
    "ing.",
    "prof. dr.",
    "mr. drs.",
    "dr. ir.",
];

const STAFF_FUNCS: &[&str] = &[
    "beleidsmedewerker",
    "senior beleidsmedewerker",
    "beleidsadviseur",
    "coördinerend beleidsadviseur",
    "jurist",
    "senior jurist",
    "wetgevingsjurist",
    "afdelingshoofd",
    "plaatsvervangend afdelingshoofd",
    "programmamanager",
    "projectleider",
    "Woo-coördinator",
    "informatieadviseur",
    "managementassistent",
    "secretaris",
    "teamleider",
    "communicatieadviseur",
    "plaatsvervangend directeur",
    "strategisch adviseur",
    "financieel adviseur",
    "trainee",
];

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

/// The organisation publishing the documents: its own addresses, mailboxes and switchboard are
/// in `keep.txt`.
#[derive(Debug, Clone)]
pub struct Organisation {
    pub name: String,
    /// `het`, `de` or empty: how prose refers to it.
    pub article: String,
    pub short: String,
    pub domain: String,
    pub website: String,
    /// (article, name, abbreviation).
    pub departments: Vec<(String, String, String)>,
    /// Street and number of the visiting address.
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// `Postbus 20901` and its postcode.
    pub postbus: String,
    pub postbus_code: String,
    pub mailboxes: Vec<String>,
    pub switchboard: Vec<String>,
    /// Two-digit (or three-digit) area code of the staff's direct lines.
    pub area: String,
    /// (long, short) office-holder titles of this organisation.
    pub offices: Vec<(String, String)>,
    /// 0: `jan.vandermeulen`, 1: `j.vandermeulen`, 2: `janvandermeulen`.
    pub email_style: usize,
}

/// An organisation other than the publisher: employer of the external civil servants.
#[derive(Debug, Clone)]
pub struct Partner {
    pub article: &'static str,
    pub name: &'static str,
    pub short: &'static str,
    pub domain: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub mailbox: &'static str,
    pub functions: &'static [&'static str],
    pub email_style: usize,
}

const PARTNERS: &[Partner] = &[
    Partner {
        article: "het",
        name: "Openbaar Ministerie",
        short: "OM",
        domain: "om.nl",
        street: "Prins Clauslaan 4",
        postcode: "2595 AJ",
        city: "Den Haag",
        mailbox: "persvoorlichting@om.nl",
        functions: &[
            "officier van justitie",
            "beleidsadviseur",
            "parketsecretaris",
            "advocaat-generaal",
        ],
        email_style: 1,
    },
    Partner {
        article: "",
        name: "Reclassering Nederland",
        short: "RN",
        domain: "reclassering.nl",
        street: "Vivaldiplantsoen 100",
        postcode: "3533 JE",
        city: "Utrecht",
        mailbox: "info@reclassering.nl",
        functions: &[
            "reclasseringswerker",
            "beleidsadviseur",
            "unitmanager",
            "adviseur",
        ],
        email_style: 0,
    },
    Partner {
        article: "de",
        name: "Politie",
        short: "Politie",
        domain: "politie.nl",
        street: "Nieuwe Uitleg 1",
        postcode: "2514 BP",
        city: "Den Haag",
        mailbox: "woo@politie.nl",
        functions: &["teamchef", "rechercheur", "wijkagent", "beleidsadviseur"],
        email_style: 0,
    },
    Partner {
        article: "de",
        name: "Raad voor de Kinderbescherming",
        short: "RvdK",
        domain: "rvdk.nl",
        street: "Graadt van Roggenweg 500",
        postcode: "3531 AH",
        city: "Utrecht",
        mailbox: "secretariaat@rvdk.nl",
        functions: &["raadsonderzoeker", "teamleider", "jurist"],
        email_style: 2,
    },
    Partner {
        article: "de",
        name: "Dienst Justitiële Inrichtingen",
        short: "DJI",
        domain: "dji.nl",
        street: "Turfmarkt 149",
        postcode: "2511 DP",
        city: "Den Haag",
        mailbox: "info@dji.nl",
        functions: &["casemanager", "vestigingsdirecteur", "beleidsmedewerker"],
        email_style: 1,
    },
    Partner {
        article: "de",
        name: "Gemeente Utrecht",
        short: "Utrecht",
        domain: "utrecht.nl",
        street: "Stadsplateau 1",
        postcode: "3521 AZ",
        city: "Utrecht",
        mailbox: "informatieverzoek@utrecht.nl",
        functions: &["adviseur openbare orde", "beleidsadviseur", "jurist"],
        email_style: 0,
    },
    Partner {
        article: "het",
        name: "Nederlands Forensisch Instituut",
        short: "NFI",
        domain: "nfi.nl",
        street: "Laan van Ypenburg 6",
        postcode: "2497 GB",
        city: "Den Haag",
        mailbox: "info@nfi.nl",
        functions: &["forensisch onderzoeker", "teamleider"],
        email_style: 1,
    },
    Partner {
        article: "de",
        name: "Immigratie- en Naturalisatiedienst",
        short: "IND",
        domain: "ind.nl",
        street: "Rijnstraat 50",
        postcode: "2515 XP",
        city: "Den Haag",
        mailbox: "woo@ind.nl",
        functions: &["beslismedewerker", "senior medewerker", "jurist"],
        email_style: 0,
    },
    Partner {
        article: "de",
        name: "Inspectie Justitie en Veiligheid",
        short: "Inspectie JenV",
        domain: "inspectie-jenv.nl",
        street: "Hoftoren, Rijnstraat 4",
        postcode: "2515 XP",
        city: "Den Haag",
        mailbox: "info@inspectie-jenv.nl",
        functions: &["inspecteur", "senior inspecteur"],
        email_style: 2,
    },
    Partner {
        article: "de",
        name: "GGD Hollands Midden",
        short: "GGD",
        domain: "ggdhm.nl",
        street: "Rooseveltstraat 4a",
        postcode: "2321 BM",
        city: "Leiden",
        mailbox: "info@ggdhm.nl",
        functions: &["arts infectieziektebestrijding", "adviseur", "teamleider"],
        email_style: 0,
    },
];

/// Public bodies mentioned in prose: they are organisations, never people.
const BODIES: &[(&str, &str)] = &[
    ("de", "Raad van State"),
    ("de", "Afdeling bestuursrechtspraak van de Raad van State"),
    ("het", "Openbaar Ministerie"),
    ("", "Reclassering Nederland"),
    ("de", "Autoriteit Persoonsgegevens"),
    ("de", "Algemene Rekenkamer"),
    ("de", "Nationale ombudsman"),
    ("de", "Hoge Raad"),
    ("de", "Tweede Kamer"),
    ("de", "Eerste Kamer"),
    ("de", "Europese Commissie"),
    ("het", "Centraal Bureau voor de Statistiek"),
    ("het", "Wetenschappelijk Onderzoek- en Datacentrum"),
    ("de", "Vereniging van Nederlandse Gemeenten"),
    ("het", "Interprovinciaal Overleg"),
    ("de", "Raad voor de rechtspraak"),
    ("het", "College voor de Rechten van de Mens"),
    ("de", "Koninklijke Marechaussee"),
    ("het", "Adviescollege ICT-toetsing"),
    ("de", "Staatscommissie rechtsstaat"),
];

const LAWS: &[&str] = &[
    "Wet open overheid",
    "Wetboek van Strafvordering",
    "Wetboek van Strafrecht",
    "Algemene wet bestuursrecht",
    "Algemene verordening gegevensbescherming",
    "Wet politiegegevens",
    "Wet justitiële en strafvorderlijke gegevens",
    "Penitentiaire beginselenwet",
    "Vreemdelingenwet 2000",
    "Omgevingswet",
    "Participatiewet",
    "Wet langdurige zorg",
    "Archiefwet 1995",
    "Gemeentewet",
    "Wet bescherming klokkenluiders",
];

/// Invented report titles: named documents whose capitalised words are not names.
const REPORTS: &[&str] = &[
    "Werken aan vertrouwen",
    "Grip op gegevens",
    "Een kwestie van uitvoering",
    "Lessen uit de pilot Zuid-Holland",
    "Open en eerlijk",
    "Samen sterker in de keten",
    "Van Aanvraag tot Zaak",
];

fn own_org_pool() -> Vec<Organisation> {
    let s = |x: &str| x.to_string();
    let dep = |a: &str, n: &str, k: &str| (s(a), s(n), s(k));
    vec![
        Organisation {
            name: s("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
            article: s("het"),
            short: s("BZK"),
            domain: s("minbzk.nl"),
            website: s("www.rijksoverheid.nl/bzk"),
            departments: vec![
                dep(
                    "het",
                    "Directoraat-Generaal Openbaar Bestuur en Democratische Rechtsstaat",
                    "DGOBDR",
                ),
                dep("de", "Directie Informatiesamenleving en Overheid", "DIO"),
                dep("de", "Directie Constitutionele Zaken en Wetgeving", "CZW"),
                dep("de", "Directie Communicatie", "DC"),
            ],
            street: s("Turfmarkt 147"),
            postcode: s("2511 DP"),
            city: s("Den Haag"),
            postbus: s("Postbus 20011"),
            postbus_code: s("2500 EA"),
            mailboxes: vec![
                s("woo-verzoeken@minbzk.nl"),
                s("postbus.dio@minbzk.nl"),
                s("pers@minbzk.nl"),
            ],
            switchboard: vec![s("070 426 6426"), s("1400")],
            area: s("70"),
            offices: vec![
                (
                    s("minister van Binnenlandse Zaken en Koninkrijksrelaties"),
                    s("minister"),
                ),
                (
                    s("staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties"),
                    s("staatssecretaris"),
                ),
            ],
            email_style: 0,
        },
        Organisation {
            name: s("Gemeente Oosterwaarde"),
            article: s("de"),
            short: s("Oosterwaarde"),
            domain: s("oosterwaarde.nl"),
            website: s("www.oosterwaarde.nl"),
            departments: vec![
                dep("het", "Cluster Veiligheid en Handhaving", "VH"),
                dep("de", "Afdeling Juridische Zaken", "JZ"),
                dep("het", "Team Informatiebeheer", "IB"),
                dep("het", "Bestuursbureau", "BB"),
            ],
            street: s("Raadhuisplein 1"),
            postcode: s("7421 AB"),
            city: s("Oosterwaarde"),
            postbus: s("Postbus 20000"),
            postbus_code: s("7400 HA"),
            mailboxes: vec![
                s("info@oosterwaarde.nl"),
                s("woo@oosterwaarde.nl"),
                s("juridischezaken@oosterwaarde.nl"),
            ],
            switchboard: vec![s("14 0571"), s("0571 75 75 75")],
            area: s("571"),
            offices: vec![
                (s("burgemeester van Oosterwaarde"), s("burgemeester")),
                (s("wethouder van Oosterwaarde"), s("wethouder")),
            ],
            email_style: 1,
        },
        Organisation {
            name: s("Ministerie van Justitie en Veiligheid"),
            article: s("het"),
            short: s("JenV"),
            domain: s("minjenv.nl"),
            website: s("www.rijksoverheid.nl/jenv"),
            departments: vec![
                dep(
                    "het",
                    "Directoraat-Generaal Straffen en Beschermen",
                    "DGSenB",
                ),
                dep("de", "Directie Wetgeving en Juridische Zaken", "DWJZ"),
                dep("de", "Directie Sanctietoepassing en Jeugd", "DSJ"),
                dep("de", "Directie Communicatie", "DCOM"),
            ],
            street: s("Turfmarkt 147"),
            postcode: s("2511 DP"),
            city: s("Den Haag"),
            postbus: s("Postbus 20301"),
            postbus_code: s("2500 EH"),
            mailboxes: vec![
                s("woo@minjenv.nl"),
                s("postbus.dsj@minjenv.nl"),
                s("persvoorlichting@minjenv.nl"),
            ],
            switchboard: vec![s("070 370 79 11")],
            area: s("70"),
            offices: vec![
                (s("minister van Justitie en Veiligheid"), s("minister")),
                (
                    s("staatssecretaris van Justitie en Veiligheid"),
                    s("staatssecretaris"),
                ),
            ],
            email_style: 0,
        },
        Organisation {
            name: s("Ministerie van Infrastructuur en Waterstaat"),
            article: s("het"),
            short: s("IenW"),
            domain: s("minienw.nl"),
            website: s("www.rijksoverheid.nl/ienw"),
            departments: vec![
                dep("het", "Directoraat-Generaal Mobiliteit", "DGMo"),
                dep("de", "Directie Wetgeving en Juridische Zaken", "WJZ"),
                dep("het", "Directoraat-Generaal Water en Bodem", "DGWB"),
                dep("de", "Directie Communicatie", "DCo"),
                dep("de", "Bestuursstaf", "BS"),
            ],
            street: s("Rijnstraat 8"),
            postcode: s("2515 XP"),
            city: s("Den Haag"),
            postbus: s("Postbus 20901"),
            postbus_code: s("2500 EX"),
            mailboxes: vec![
                s("woo-verzoeken@minienw.nl"),
                s("postbus.wjz@minienw.nl"),
                s("pers@minienw.nl"),
            ],
            switchboard: vec![s("070 456 0000"), s("0800-8051")],
            area: s("70"),
            offices: vec![
                (
                    s("minister van Infrastructuur en Waterstaat"),
                    s("minister"),
                ),
                (
                    s("staatssecretaris van Infrastructuur en Waterstaat"),
                    s("staatssecretaris"),
                ),
            ],
            email_style: 2,
        },
    ]
}

/// Office holders of other bodies, who appear in any organisation's documents.
const OTHER_OFFICES: &[(&str, &str)] = &[
    ("minister voor Rechtsbescherming", "minister"),
    ("minister van Financiën", "minister"),
    (
        "Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen",
        "Nationaal Rapporteur",
    ),
    ("burgemeester van Rotterdam", "burgemeester"),
    ("wethouder van Utrecht", "wethouder"),
    ("Kinderombudsman", "Kinderombudsman"),
];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/// Where a person works (which decides their e-mail domain, signature and gold `who`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affiliation {
    /// In the staff directory; index into [`Organisation::departments`].
    Staff(usize),
    /// Worked for the organisation but is no longer in the directory (gold `who`: external).
    Former(usize),
    /// Civil servant of a partner organisation; index into the partners.
    Partner(usize),
    /// A citizen.
    Private,
    /// An office holder; index into [`World::public`].
    Public(usize),
}

/// A person with every variant of their name that documents use.
#[derive(Debug, Clone)]
pub struct Person {
    pub first: String,
    /// Dotted initials, e.g. `J.P.` or `Chr.`.
    pub initials: String,
    /// Lower-case tussenvoegsel, empty when none.
    pub tussen: String,
    /// Surname without the tussenvoegsel (may be double-barrelled: `Bakker-de Wit`).
    pub surname: String,
    pub female: bool,
    /// Academic or professional title (`mr.`, `drs.`), empty when none.
    pub title: String,
    pub function: String,
    pub affiliation: Affiliation,
    pub email: String,
    pub phone: Phone,
}

impl Person {
    /// `Jan van der Meulen`.
    pub fn full(&self) -> String {
        format!("{} {}", self.first, self.last())
    }

    /// `van der Meulen` (tussenvoegsel lower case, as after a first name).
    pub fn last(&self) -> String {
        if self.tussen.is_empty() {
            self.surname.clone()
        } else {
            format!("{} {}", self.tussen, self.surname)
        }
    }

    /// `Van der Meulen`: the surname standing alone capitalises its tussenvoegsel (but `'t`
    /// stays as it is).
    pub fn last_cap(&self) -> String {
        let mut c = self.tussen.chars();
        match c.next() {
            None => self.surname.clone(),
            Some('\'') => self.last(),
            Some(f) => format!("{}{} {}", f.to_uppercase(), c.as_str(), self.surname),
        }
    }

    /// `J.P. van der Meulen`.
    pub fn initials_name(&self) -> String {
        format!("{} {}", self.initials, self.last())
    }

    /// `JP van der Meulen` (initials without dots, as in informal mail).
    pub fn initials_nodots_name(&self) -> String {
        format!("{} {}", self.initials.replace('.', ""), self.last())
    }

    /// `Meulen, J.P. van der (Jan)`: the Outlook display form.
    pub fn outlook(&self) -> String {
        let t = if self.tussen.is_empty() {
            String::new()
        } else {
            format!(" {}", self.tussen)
        };
        format!("{}, {}{t} ({})", self.surname, self.initials, self.first)
    }

    /// `JvdM`: the paraaf written on memos.
    pub fn paraaf(&self) -> String {
        let mut s: String = self.first.chars().take(1).collect();
        for w in self.tussen.split(' ').filter(|w| !w.is_empty()) {
            s.extend(w.chars().find(|c| c.is_alphabetic()));
        }
        s.extend(self.surname.chars().take(1));
        s
    }

    /// `de heer` / `mevrouw`.
    pub fn honorific(&self) -> &'static str {
        if self.female { "mevrouw" } else { "de heer" }
    }
}

/// Fold a name to the ASCII used in e-mail addresses.
pub fn ascii_fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
            'ç' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ę' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ş' | 'ś' => 's',
            'ğ' => 'g',
            'ł' => 'l',
            'ż' | 'ź' => 'z',
            c if c.is_ascii_alphanumeric() || c == '-' => c,
            _ => continue, // spaces, apostrophes, combining marks
        };
        out.push(m);
    }
    out
}

/// The local part of a work address in one of the usual conventions.
fn email_local(first: &str, initials: &str, tussen: &str, surname: &str, style: usize) -> String {
    let last = ascii_fold(&format!("{tussen}{surname}"));
    match style % 3 {
        0 => format!("{}.{last}", ascii_fold(first)),
        1 => format!(
            "{}.{last}",
            ascii_fold(&initials.chars().take(1).collect::<String>())
        ),
        _ => format!("{}{last}", ascii_fold(first)),
    }
}

/// A citizen: a person with everything a letter to the government may contain.
#[derive(Debug, Clone)]
pub struct Citizen {
    pub person: Person,
    pub street: String,
    /// House number with any addition (`12a`, `7-2`, `45 A`).
    pub number: String,
    pub postcode: String,
    pub city: String,
    pub birthdate: Date,
    /// Nine digits, elfproef-valid.
    pub bsn: String,
    /// Compact IBAN, mod-97-valid.
    pub iban: String,
}

/// An office holder: public by function, listed in `public.txt`.
#[derive(Debug, Clone)]
pub struct Official {
    pub person: Person,
    /// `minister van Justitie en Veiligheid`.
    pub office: String,
    /// `minister`.
    pub short: String,
}

/// Everyone who can appear in the documents of one corpus.
#[derive(Debug, Clone)]
pub struct World {
    pub org: Organisation,
    pub partners: Vec<Partner>,
    /// The staff directory (`staff.csv`).
    pub staff: Vec<Person>,
    /// Former colleagues: own domain, but in no list.
    pub former: Vec<Person>,
    /// Office holders (`public.txt`).
    pub public: Vec<Official>,
    /// Civil servants of partner organisations (in no list).
    pub external: Vec<Person>,
    pub citizens: Vec<Citizen>,
}

const STREETS_A: &[&str] = &[
    "Linde",
    "Berken",
    "Kastanje",
    "Meidoorn",
    "Zilverschoon",
    "Reiger",
    "Klaproos",
    "Paasberg",
    "Molenwerf",
    "Oranje",
    "Zonnedauw",
    "Wilgen",
    "Korenbloem",
    "Vlier",
    "Brem",
    "Hazelaar",
    "Dorps",
    "Kerk",
    "Sluis",
    "Tessel",
];
const STREETS_B: &[&str] = &[
    "straat", "laan", "weg", "dreef", "hof", "gracht", "kade", "plein", "singel", "pad",
];
/// Streets named after people: an address detector must cover them whole, and a name
/// detector that fires inside them does no harm.
const STREETS_NAMED: &[&str] = &[
    "Johan de Wittlaan",
    "Prins Hendrikkade",
    "Anne Frankstraat",
    "Burgemeester Van Walsumweg",
    "Willem Drees-straat",
    "Dr. Ariënslaan",
];
const CITIES: &[(&str, &str)] = &[
    ("Utrecht", "30"),
    ("Almere", "36"),
    ("Tilburg", "13"),
    ("Zoetermeer", "79"),
    ("Emmen", "591"),
    ("Dordrecht", "78"),
    ("Leeuwarden", "58"),
    ("Venlo", "77"),
    ("Hoorn", "229"),
    ("Schiedam", "10"),
    ("'s-Hertogenbosch", "73"),
    ("Den Helder", "223"),
    ("Nieuwegein", "30"),
    ("Lelystad", "320"),
    ("Kerkrade", "45"),
    ("Vlaardingen", "10"),
    ("Hengelo", "74"),
    ("Assen", "592"),
    ("Roermond", "475"),
    ("Purmerend", "299"),
];
const PRIVATE_DOMAINS: &[&str] = &[
    "gmail.com",
    "hotmail.com",
    "ziggo.nl",
    "kpnmail.nl",
    "outlook.com",
    "live.nl",
    "planet.nl",
    "xs4all.nl",
    "icloud.com",
    "home.nl",
];

/// The raw parts of a name before it becomes a [`Person`].
struct NameParts {
    first: String,
    initials: String,
    tussen: String,
    surname: String,
    female: bool,
}

fn invented_first(r: &mut Rng) -> String {
    format!("{}{}", r.pick(FIRST_A), r.pick(FIRST_B))
}

fn invented_surname(r: &mut Rng) -> (String, String) {
    if r.chance(60) {
        let s = format!("{}{}", r.pick(SUR_NL_A), r.pick(SUR_NL_B));
        let t = if r.chance(25) { *r.pick(TUSSEN) } else { "" };
        (t.to_string(), s)
    } else {
        (
            String::new(),
            format!("{}{}", r.pick(SUR_X_A), r.pick(SUR_X_B)),
        )
    }
}

/// The dotted initial(s) of a first name: `Ph.`, `Th.`, `Chr.` and `IJ.` stay together, as
/// Dutch registries write them.
fn initial_of(first: &str) -> String {
    first
        .split(' ')
        .map(|w| {
            for di in ["Chr", "Ph", "Th", "IJ"] {
                if w.starts_with(di) {
                    return format!("{di}.");
                }
            }
            format!("{}.", w.chars().next().unwrap_or('X'))
        })
        .collect()
}

fn random_name(r: &mut Rng) -> NameParts {
    let female = r.chance(50);
    // About 30% invented first names and 30% invented surnames.
    let first = if r.chance(30) {
        invented_first(r)
    } else if female {
        r.pick(FIRST_F).to_string()
    } else {
        r.pick(FIRST_M).to_string()
    };
    let (tussen, mut surname) = if r.chance(30) {
        invented_surname(r)
    } else {
        let (t, s) = r.pick(SURNAMES);
        (t.to_string(), s.to_string())
    };
    if r.chance(7) {
        // Double-barrelled (married) name: `Bakker-de Wit`, the second part's tussenvoegsel
        // lower case.
        let (t2, s2) = r.pick(SURNAMES);
        surname = if t2.is_empty() {
            format!("{surname}-{s2}")
        } else {
            format!("{surname}-{t2} {s2}")
        };
    }
    let mut initials = initial_of(&first);
    for _ in 0..[0, 0, 0, 1, 1, 2][r.below(6)] {
        initials.push(*r.pick(&[
            'A', 'B', 'C', 'D', 'E', 'G', 'H', 'J', 'M', 'P', 'R', 'S', 'W',
        ]));
        initials.push('.');
    }
    NameParts {
        first,
        initials,
        tussen,
        surname,
        female,
    }
}

/// Builds persons while keeping full names unique and public officials' surnames reserved (so a
/// bare `minister X` can never also be a civil servant's surname).
struct People {
    used: HashSet<String>,
    emails: HashSet<String>,
    reserved: HashSet<String>,
}

impl People {
    fn name(&mut self, r: &mut Rng) -> NameParts {
        loop {
            let n = random_name(r);
            let key = ascii_fold(&format!("{} {} {}", n.first, n.tussen, n.surname));
            let sur = ascii_fold(&n.surname);
            if !self.reserved.contains(&sur) && self.used.insert(key) {
                return n;
            }
        }
    }

    /// A unique address: a digit is appended on a clash, as mail administrators do.
    fn email(&mut self, local: String, domain: &str) -> String {
        let mut e = format!("{local}@{domain}");
        let mut n = 2;
        while !self.emails.insert(e.clone()) {
            e = format!("{local}{n}@{domain}");
            n += 1;
        }
        e
    }

    fn person(
        &mut self,
        r: &mut Rng,
        affiliation: Affiliation,
        function: &str,
        domain: &str,
        email_style: usize,
        phone: Phone,
    ) -> Person {
        let n = self.name(r);
        let local = email_local(&n.first, &n.initials, &n.tussen, &n.surname, email_style);
        let email = self.email(local, domain);
        let title = if r.chance(25) {
            r.pick(TITLES).to_string()
        } else {
            String::new()
        };
        Person {
            first: n.first,
            initials: n.initials,
            tussen: n.tussen,
            surname: n.surname,
            female: n.female,
            title,
            function: function.to_string(),
            affiliation,
            email,
            phone,
        }
    }
}

impl World {
    /// The world for `seed` with a staff directory of `staff` people.
    pub fn new(seed: u64, staff: usize) -> World {
        let mut r = Rng::new(seed);
        let pool = own_org_pool();
        let org = pool[seed as usize % pool.len()].clone();
        let mut people = People {
            used: HashSet::new(),
            emails: HashSet::new(),
            reserved: HashSet::new(),
        };

        // Office holders first, so their surnames can be reserved.
        let mut offices: Vec<(String, String)> = org.offices.clone();
        offices.extend(
            OTHER_OFFICES
                .iter()
                .map(|(l, s)| (l.to_string(), s.to_string())),
        );
        let mut public = Vec::new();
        for (i, (office, short)) in offices.into_iter().enumerate() {
            let phone = Phone::mobile(&mut r);
            let mut p = people.person(
                &mut r,
                Affiliation::Public(i),
                &office,
                "rijksoverheid.nl",
                0,
                phone,
            );
            p.title.clear();
            people.reserved.insert(ascii_fold(&p.surname));
            public.push(Official {
                person: p,
                office,
                short,
            });
        }

        let staff: Vec<Person> = (0..staff)
            .map(|_| {
                let dept = r.below(org.departments.len());
                let phone = if r.chance(55) {
                    Phone::mobile(&mut r)
                } else {
                    Phone::landline(&mut r, &org.area)
                };
                let f = *r.pick(STAFF_FUNCS);
                people.person(
                    &mut r,
                    Affiliation::Staff(dept),
                    f,
                    &org.domain,
                    org.email_style,
                    phone,
                )
            })
            .collect();
        let former: Vec<Person> = (0..40)
            .map(|_| {
                let dept = r.below(org.departments.len());
                let f = *r.pick(STAFF_FUNCS);
                let phone = Phone::mobile(&mut r);
                people.person(
                    &mut r,
                    Affiliation::Former(dept),
                    f,
                    &org.domain,
                    org.email_style,
                    phone,
                )
            })
            .collect();
        let external: Vec<Person> = (0..300)
            .map(|_| {
                let pi = r.below(PARTNERS.len());
                let p = &PARTNERS[pi];
                let f = *r.pick(p.functions);
                let phone = if r.chance(70) {
                    Phone::mobile(&mut r)
                } else {
                    Phone::landline(&mut r, "88")
                };
                people.person(
                    &mut r,
                    Affiliation::Partner(pi),
                    f,
                    p.domain,
                    p.email_style,
                    phone,
                )
            })
            .collect();
        let reserved_codes: Vec<&str> = [org.postcode.as_str(), org.postbus_code.as_str()]
            .into_iter()
            .chain(PARTNERS.iter().map(|p| p.postcode))
            .collect();
        let citizens: Vec<Citizen> = (0..600)
            .map(|_| {
                let (city, area) = *r.pick(CITIES);
                let phone = if r.chance(80) {
                    Phone::mobile(&mut r)
                } else {
                    Phone::landline(&mut r, area)
                };
                let mut p = people.person(&mut r, Affiliation::Private, "", "", 0, phone);
                p.title.clear();
                p.email = private_email(&mut r, &p, &mut people);
                let street = if r.chance(10) {
                    r.pick(STREETS_NAMED).to_string()
                } else {
                    format!("{}{}", r.pick(STREETS_A), r.pick(STREETS_B))
                };
                let n = r.range(1, 240);
                let number = match r.below(8) {
                    0 => format!("{n}a"),
                    1 => format!("{n}-{}", r.range(1, 3)),
                    2 => format!("{n} A"),
                    3 => format!("{n} bis"),
                    _ => n.to_string(),
                };
                let postcode = loop {
                    const L: &[u8] = b"ABCEGHJKLMNPRTVWXZ";
                    let c = format!(
                        "{} {}{}",
                        r.range(1011, 9999),
                        char::from(*r.pick(L)),
                        char::from(*r.pick(L))
                    );
                    if !reserved_codes.contains(&c.as_str()) {
                        break c;
                    }
                };
                let country = if r.chance(85) {
                    "NL"
                } else {
                    *r.pick(&["BE", "DE", "FR", "ES", "PL", "TR", "GB"])
                };
                Citizen {
                    person: p,
                    street,
                    number,
                    postcode,
                    city: city.to_string(),
                    birthdate: Date::random(&mut r, 1940, 2006),
                    bsn: random_bsn(&mut r),
                    iban: random_iban(&mut r, country),
                }
            })
            .collect();
        World {
            org,
            partners: PARTNERS.to_vec(),
            staff,
            former,
            public,
            external,
            citizens,
        }
    }
}

fn private_email(r: &mut Rng, p: &Person, people: &mut People) -> String {
    let first = ascii_fold(&p.first);
    let last = ascii_fold(&p.last());
    let sur = ascii_fold(&p.surname);
    let local = match r.below(6) {
        0 => format!("{first}.{last}"),
        1 => format!("{first}{last}{}", r.range(50, 99)),
        2 => format!("{}.{last}", &first[..1]),
        3 => format!("{first}_{sur}"),
        4 => format!("fam{sur}"),
        _ => format!("{first}{}", r.range(1, 999)),
    };
    let d = *r.pick(PRIVATE_DOMAINS);
    people.email(local, d)
}

// ---------------------------------------------------------------------------------------------
// Documents and gold
// ---------------------------------------------------------------------------------------------

/// What kind of personal data a gold redaction item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Name,
    Email,
    Phone,
    Bsn,
    Iban,
    Address,
    Birthdate,
}

impl Category {
    /// The lower-case name used by the audit log and the gold file.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Email => "email",
            Category::Phone => "phone",
            Category::Bsn => "bsn",
            Category::Iban => "iban",
            Category::Address => "address",
            Category::Birthdate => "birthdate",
        }
    }
}

/// Whose name a gold name item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Who {
    /// In the staff directory.
    Staff,
    /// A civil servant in no list (other organisation, or former colleague).
    External,
    /// A citizen.
    Private,
}

impl Who {
    pub fn as_str(self) -> &'static str {
        match self {
            Who::Staff => "staff",
            Who::External => "external",
            Who::Private => "private",
        }
    }
}

/// What kind of text a gold keep item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeepKind {
    Date,
    /// Case numbers, kenmerken, parliamentary papers, ECLI numbers.
    Reference,
    Amount,
    /// Names of laws and reports.
    Law,
    Org,
    OrgAddress,
    Switchboard,
    FunctionalMailbox,
    PublicOfficial,
}

impl KeepKind {
    pub fn as_str(self) -> &'static str {
        match self {
            KeepKind::Date => "date",
            KeepKind::Reference => "reference",
            KeepKind::Amount => "amount",
            KeepKind::Law => "law",
            KeepKind::Org => "org",
            KeepKind::OrgAddress => "org_address",
            KeepKind::Switchboard => "switchboard",
            KeepKind::FunctionalMailbox => "functional_mailbox",
            KeepKind::PublicOfficial => "public_official",
        }
    }
}

/// A piece of personal data that must be removed: byte offsets into [`Doc::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub text: String,
    /// For names only.
    pub who: Option<Who>,
}

/// A piece of text that must stay readable: byte offsets into [`Doc::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keep {
    pub start: usize,
    pub end: usize,
    pub kind: KeepKind,
    pub text: String,
}

/// The document kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    Nota,
    EmailThread,
    Verslag,
    Burgerbrief,
    Chat,
    BeleidsnotaPublic,
}

impl DocKind {
    pub const ALL: [DocKind; 6] = [
        DocKind::Nota,
        DocKind::EmailThread,
        DocKind::Verslag,
        DocKind::Burgerbrief,
        DocKind::Chat,
        DocKind::BeleidsnotaPublic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Nota => "nota",
            DocKind::EmailThread => "email_thread",
            DocKind::Verslag => "verslag",
            DocKind::Burgerbrief => "burgerbrief",
            DocKind::Chat => "chat",
            DocKind::BeleidsnotaPublic => "beleidsnota_public",
        }
    }

    /// A kind drawn with the mix of a typical Woo request (many mails, few public memos).
    pub fn random(r: &mut Rng) -> DocKind {
        match r.below(20) {
            0..=3 => DocKind::Nota,
            4..=8 => DocKind::EmailThread,
            9..=11 => DocKind::Verslag,
            12..=14 => DocKind::Burgerbrief,
            15..=17 => DocKind::Chat,
            _ => DocKind::BeleidsnotaPublic,
        }
    }
}

/// A generated document with its gold annotations (sorted by start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub name: String,
    pub kind: DocKind,
    pub text: String,
    pub redact: Vec<Item>,
    pub keep: Vec<Keep>,
}

/// One mention target: a person, and whether their name is redacted (`who`) or kept (office
/// holder, `who == None`).
#[derive(Clone, Copy)]
struct M<'w> {
    p: &'w Person,
    who: Option<Who>,
    official: Option<&'w Official>,
}

/// How a name is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    /// `Jan van der Meulen`
    Full,
    /// `J.P. van der Meulen`
    Initials,
    /// `JP van der Meulen`
    NoDots,
    /// `J.P. (Jan) van der Meulen`
    InitialsFirst,
    /// `de heer Van der Meulen`
    Hon,
    /// `De heer Van der Meulen` (sentence start)
    HonCap,
    /// `heer Van der Meulen` (after `Geachte`)
    Dear,
    /// `dhr. Van der Meulen`, `mw. …`, `mevr. …`
    Abbr,
    /// `Dhr. Van der Meulen` (sentence start)
    AbbrCap,
    /// `mevrouw A. de Vries`, `de heer mr. J. van Dijk`
    HonFull,
    /// `mr. J.P. van der Meulen` (title when the person has one)
    Title,
    /// `Van der Meulen`
    Surname,
    /// `Jan`
    First,
    /// `Meulen, J.P. van der (Jan)`
    Outlook,
    /// `Meulen, J.P. van der (Jan) - WJZ`
    OutlookDept,
    /// `van der Meulen, J.P.` or `Meulen, J.P. van der`
    Reversed,
    /// `JvdM`
    Paraaf,
}

impl Form {
    fn parse(s: &str) -> Form {
        match s {
            "full" => Form::Full,
            "ini" => Form::Initials,
            "nodot" => Form::NoDots,
            "inifirst" => Form::InitialsFirst,
            "hon" => Form::Hon,
            "Hon" => Form::HonCap,
            "dear" => Form::Dear,
            "abbr" => Form::Abbr,
            "Abbr" => Form::AbbrCap,
            "honfull" => Form::HonFull,
            "title" => Form::Title,
            "sur" => Form::Surname,
            "first" => Form::First,
            "outlook" => Form::Outlook,
            "rev" => Form::Reversed,
            "paraaf" => Form::Paraaf,
            _ => panic!("unknown name form {s}"),
        }
    }
}

/// Appends text and records gold items at the offsets where their text lands.
struct B<'w> {
    w: &'w World,
    /// The document's date: other dates in it lie around it, so the text stays plausible.
    now: Date,
    /// Templates used so far, so a document does not repeat itself.
    used: Vec<&'static str>,
    /// People already named in a form that identifies them: only those may later be called by
    /// their first name in running text (in a greeting or signature the context suffices).
    introduced: Vec<*const Person>,
    text: String,
    redact: Vec<Item>,
    keep: Vec<Keep>,
}

impl<'w> B<'w> {
    fn new(w: &'w World, now: Date) -> B<'w> {
        B {
            w,
            now,
            used: Vec::new(),
            introduced: Vec::new(),
            text: String::new(),
            redact: Vec::new(),
            keep: Vec::new(),
        }
    }

    /// A template from `pool` not yet used in this document (when one is found quickly).
    fn fresh(&mut self, r: &mut Rng, pool: &'static [&'static str]) -> &'static str {
        for _ in 0..8 {
            let s = *r.pick(pool);
            if !self.used.contains(&s) {
                self.used.push(s);
                return s;
            }
        }
        r.pick_str(pool)
    }

    /// A date in the year or so before the document, or a few months after it.
    fn near(&self, r: &mut Rng) -> Date {
        self.now.plus(i64::from(r.range(0, 390)) - 300)
    }

    /// A year around the document's.
    fn year(&self, r: &mut Rng) -> i64 {
        self.now.parts().0 + i64::from(r.range(0, 4)) - 3
    }

    fn t(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn nl(&mut self) {
        self.text.push('\n');
    }

    fn red(&mut self, category: Category, who: Option<Who>, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.redact.push(Item {
            start,
            end: self.text.len(),
            category,
            text: s.to_string(),
            who,
        });
    }

    fn keep(&mut self, kind: KeepKind, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.keep.push(Keep {
            start,
            end: self.text.len(),
            kind,
            text: s.to_string(),
        });
    }

    /// Appends `other`, every line prefixed with `prefix` (e-mail quoting). Items never span a
    /// line break, so each shifts by the prefixes inserted up to and including its own line.
    fn quoted(&mut self, other: B<'w>, prefix: &str) {
        let base = self.text.len();
        let mut starts = Vec::new(); // byte offsets in `other` where a line starts
        for (i, line) in other.text.split_inclusive('\n').scan(0usize, |pos, l| {
            let s = *pos;
            *pos += l.len();
            Some((s, l))
        }) {
            starts.push(i);
            self.text.push_str(prefix);
            self.text.push_str(line);
        }
        let shift = |o: usize| -> usize {
            let lines = starts.partition_point(|&s| s <= o);
            base + o + prefix.len() * lines
        };
        for it in other.redact {
            let (s, e) = (shift(it.start), shift(it.start) + (it.end - it.start));
            self.redact.push(Item {
                start: s,
                end: e,
                ..it
            });
        }
        for k in other.keep {
            let (s, e) = (shift(k.start), shift(k.start) + (k.end - k.start));
            self.keep.push(Keep {
                start: s,
                end: e,
                ..k
            });
        }
    }

    fn person_name(&mut self, m: M<'w>, s: &str) {
        match m.who {
            Some(w) => self.red(Category::Name, Some(w), s),
            None => self.keep(KeepKind::PublicOfficial, s),
        }
    }

    /// Writes a name in the given form (a form of address or title in front stays plain text;
    /// the gold item is the name itself).
    fn name(&mut self, r: &mut Rng, m: M<'w>, form: Form) {
        let p = m.p;
        if !matches!(form, Form::First | Form::Paraaf) {
            self.introduced.push(p);
        }
        // Some writers keep the tussenvoegsel lower case after `de heer`; both must be found.
        let sur = if r.chance(12) { p.last() } else { p.last_cap() };
        match form {
            Form::Full => self.person_name(m, &p.full()),
            Form::Initials => self.person_name(m, &p.initials_name()),
            Form::NoDots => self.person_name(m, &p.initials_nodots_name()),
            Form::InitialsFirst => {
                let s = format!("{} ({}) {}", p.initials, p.first, p.last());
                self.person_name(m, &s)
            }
            Form::Hon | Form::HonCap | Form::Dear => {
                let h = p.honorific();
                self.t(&match form {
                    Form::HonCap => cap(h),
                    Form::Dear => h.trim_start_matches("de ").to_string(),
                    _ => h.to_string(),
                });
                self.t(" ");
                self.person_name(m, &sur);
            }
            Form::Abbr | Form::AbbrCap => {
                let a = if p.female {
                    *r.pick(&["mw.", "mevr."])
                } else {
                    "dhr."
                };
                self.t(&if form == Form::AbbrCap {
                    cap(a)
                } else {
                    a.to_string()
                });
                self.t(" ");
                self.person_name(m, &sur);
            }
            Form::HonFull => {
                self.t(p.honorific());
                self.t(" ");
                if !p.title.is_empty() {
                    self.t(&p.title);
                    self.t(" ");
                }
                let s = if r.chance(50) {
                    p.initials_name()
                } else {
                    p.full()
                };
                self.person_name(m, &s);
            }
            Form::Title => {
                if !p.title.is_empty() {
                    self.t(&p.title);
                    self.t(" ");
                }
                self.person_name(m, &p.initials_name());
            }
            Form::Surname => self.person_name(m, &p.last_cap()),
            Form::First => self.person_name(m, &p.first),
            Form::Outlook => self.person_name(m, &p.outlook()),
            Form::OutlookDept => {
                self.person_name(m, &p.outlook());
                let suffix = match p.affiliation {
                    Affiliation::Staff(d) | Affiliation::Former(d) => {
                        format!("{}/{}", self.w.org.short, self.w.org.departments[d].2)
                    }
                    Affiliation::Partner(i) => self.w.partners[i].short.to_string(),
                    _ => String::new(),
                };
                if !suffix.is_empty() {
                    self.t(" - ");
                    self.t(&suffix);
                }
            }
            Form::Reversed => {
                let s = match r.below(3) {
                    0 => format!("{}, {}", p.last(), p.initials),
                    1 if !p.tussen.is_empty() => {
                        format!("{}, {} {}", p.surname, p.initials, p.tussen)
                    }
                    _ if !p.tussen.is_empty() => {
                        format!("{}, {} {}", p.surname, p.first, p.tussen)
                    }
                    _ => format!("{}, {}", p.surname, p.initials),
                };
                self.person_name(m, &s);
            }
            Form::Paraaf => self.person_name(m, &p.paraaf()),
        }
    }

    /// A name in one of `forms`, chosen at random.
    fn name_pick(&mut self, r: &mut Rng, m: M<'w>, forms: &[Form]) {
        let f = *r.pick(forms);
        self.name(r, m, f);
    }

    /// A prose mention in a random one of the running-text forms.
    fn any_name(&mut self, r: &mut Rng, m: M<'w>) {
        let forms = if m.who.is_none() {
            &[Form::Full, Form::Initials][..]
        } else {
            &[
                Form::Full,
                Form::Full,
                Form::Initials,
                Form::Hon,
                Form::Abbr,
                Form::Title,
                Form::HonFull,
            ][..]
        };
        let f = *r.pick(forms);
        self.name(r, m, f);
    }

    fn phone(&mut self, r: &mut Rng, p: &Phone) {
        let s = p.fmt(r.below(PHONE_STYLES));
        self.red(Category::Phone, None, &s);
    }

    fn email(&mut self, p: &Person) {
        self.red(Category::Email, None, &p.email);
    }

    fn date(&mut self, r: &mut Rng, d: Date) {
        let s = d.fmt(r.below(8));
        self.keep(KeepKind::Date, &s);
    }

    /// `het Openbaar Ministerie`: the article is text, the name a keep item.
    fn org_ref(&mut self, article: &str, name: &str, capital: bool) {
        if !article.is_empty() {
            self.t(&if capital {
                cap(article)
            } else {
                article.to_string()
            });
            self.t(" ");
        }
        self.keep(KeepKind::Org, name);
    }

    /// The organisation a person belongs to, as `van <org>` would continue; `None`: without
    /// the article (`(Openbaar Ministerie)`), else with it, capitalised or not.
    fn affiliation_ref(&mut self, p: &Person, article: Option<bool>) {
        let w = self.w;
        let (a, n) = match p.affiliation {
            Affiliation::Staff(d) | Affiliation::Former(d) => (
                w.org.departments[d].0.as_str(),
                w.org.departments[d].1.as_str(),
            ),
            Affiliation::Partner(i) => (w.partners[i].article, w.partners[i].name),
            _ => (w.org.article.as_str(), w.org.name.as_str()),
        };
        match article {
            Some(capital) => self.org_ref(a, n, capital),
            None => self.keep(KeepKind::Org, n),
        }
    }

    fn reference(&mut self, r: &mut Rng) {
        let s = random_reference(r);
        self.keep(KeepKind::Reference, &s);
    }

    /// Expands a template. Placeholders:
    /// `{date}` `{dwd}` (with weekday) `{amount}` `{ref}` `{kst}` `{kstshort}` `{aanh}` `{ecli}`
    /// `{parket}` `{law}` `{report}` `{org}`/`{Org}` `{own}`/`{Own}` `{dept}` `{mbox}` `{switch}`
    /// (keep items), `{year}` `{month}` `{weekday}` `{n}` (plain), `{org=…}` `{law=…}`
    /// (literal keep items), and for the n-th mention `{n:form}`, `{n:func}`, `{n:org}`,
    /// `{n:Org}`, `{n:email}`, `{n:phone}`, `{n:office}`, `{n:Office}`, `{n:short}`, `{n:Short}`,
    /// `{n:any}`.
    fn expand(&mut self, r: &mut Rng, tpl: &str, ms: &[M<'w>]) {
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            self.t(&rest[..i]);
            let j = i + rest[i..].find('}').expect("unclosed placeholder");
            self.slot(r, &rest[i + 1..j], ms);
            rest = &rest[j + 1..];
        }
        self.t(rest);
    }

    fn slot(&mut self, r: &mut Rng, key: &str, ms: &[M<'w>]) {
        let w = self.w;
        if let Some((k, lit)) = key.split_once('=') {
            let kind = match k {
                "org" => KeepKind::Org,
                "law" => KeepKind::Law,
                _ => panic!("unknown literal placeholder {k}"),
            };
            self.keep(kind, lit);
            return;
        }
        if let Some((n, what)) = key.split_once(':') {
            let m = ms[n.parse::<usize>().expect("mention index")];
            match what {
                "func" => self.t(&m.p.function),
                "org" => self.affiliation_ref(m.p, Some(false)),
                "Org" => self.affiliation_ref(m.p, Some(true)),
                "orgname" => self.affiliation_ref(m.p, None),
                "email" => self.email(m.p),
                "phone" => self.phone(r, &m.p.phone),
                "office" => self.t(&m.official.expect("office holder").office),
                "Office" => self.t(&cap(&m.official.expect("office holder").office)),
                "short" => self.t(&m.official.expect("office holder").short),
                "Short" => self.t(&cap(&m.official.expect("office holder").short)),
                "any" => self.any_name(r, m),
                "first" if !self.introduced.contains(&(m.p as *const Person)) => {
                    self.name(r, m, Form::Full)
                }
                f => self.name(r, m, Form::parse(f)),
            }
            return;
        }
        match key {
            "date" => {
                let d = self.near(r);
                self.date(r, d);
            }
            "dwd" => {
                let d = self.near(r).long_weekday();
                self.keep(KeepKind::Date, &d);
            }
            "amount" => {
                let s = random_amount(r);
                self.keep(KeepKind::Amount, &s);
            }
            "ref" => self.reference(r),
            "kst" => {
                let s = kamerstuk(r);
                self.keep(KeepKind::Reference, &s);
            }
            "kstshort" => {
                let s = format!(
                    "{} {}, nr. {}",
                    r.range(21, 36),
                    r.digits(3),
                    r.range(1, 399)
                );
                self.keep(KeepKind::Reference, &s);
            }
            "aanh" => {
                let y = r.range(2019, 2024);
                let s = format!(
                    "Aanhangsel Handelingen II {y}/{:02}, nr. {}",
                    (y + 1) % 100,
                    r.range(100, 3200)
                );
                self.keep(KeepKind::Reference, &s);
            }
            "ecli" => {
                let s = ecli(r);
                self.keep(KeepKind::Reference, &s);
            }
            "parket" => {
                let s = format!("{:02}/{}-{}", r.range(1, 99), r.digits(6), r.range(19, 24));
                self.keep(KeepKind::Reference, &s);
            }
            "law" => {
                let l = *r.pick(LAWS);
                self.keep(KeepKind::Law, l);
            }
            "report" => {
                self.t("'");
                let l = *r.pick(REPORTS);
                self.keep(KeepKind::Law, l);
                self.t("'");
            }
            "org" | "Org" => {
                let (a, n) = *r.pick(BODIES);
                self.org_ref(a, n, key == "Org");
            }
            "own" | "Own" => self.org_ref(&w.org.article, &w.org.name, key == "Own"),
            "dept" => {
                let (a, n, _) = r.pick(&w.org.departments);
                self.org_ref(a, n, false);
            }
            "mbox" => {
                let mb = r.pick(&w.org.mailboxes);
                self.keep(KeepKind::FunctionalMailbox, mb);
            }
            "switch" => {
                let s = r.pick(&w.org.switchboard);
                self.keep(KeepKind::Switchboard, s);
            }
            "year" => {
                let y = self.year(r);
                self.t(&y.to_string());
            }
            "month" => {
                let m = *r.pick(&MONTHS);
                self.t(m);
            }
            "weekday" => {
                let d = *r.pick(&WEEKDAYS[..5]);
                self.t(d);
            }
            "n" => {
                let n = r.range(2, 480);
                self.t(&n.to_string());
            }
            _ => panic!("unknown placeholder {key}"),
        }
    }

    /// `lo..=hi` sentences of neutral policy prose.
    fn prose(&mut self, r: &mut Rng, lo: u32, hi: u32) {
        for i in 0..r.range(lo, hi) {
            if i > 0 {
                self.t(" ");
            }
            let s = self.fresh(r, PROSE);
            self.expand(r, s, &[]);
        }
    }

    fn finish(mut self, kind: DocKind) -> Doc {
        self.redact.sort_by_key(|i| (i.start, i.end));
        self.keep.sort_by_key(|k| (k.start, k.end));
        Doc {
            name: format!("{}.txt", kind.as_str()),
            kind,
            text: self.text,
            redact: self.redact,
            keep: self.keep,
        }
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn doc_date(r: &mut Rng) -> Date {
    Date::random(r, 2022, 2025)
}

fn random_amount(r: &mut Rng) -> String {
    let th = |n: u32| -> String {
        // Dutch thousands separators.
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        out
    };
    match r.below(6) {
        0 => format!("€ {}", th(r.range(10, 9_999) * 1000)),
        1 => format!("€{},-", th(r.range(100, 99_999))),
        2 => format!("EUR {}", th(r.range(1, 999) * 1000)),
        3 => format!("€ {},{:02}", th(r.range(10, 99_999)), r.range(0, 99)),
        4 => format!("€ {},{} miljoen", r.range(1, 40), r.range(1, 9)),
        _ => format!("€ {} miljoen", r.range(2, 250)),
    }
}

/// A case number or kenmerk. Never nine bare digits (a BSN look-alike would be ambiguous).
fn random_reference(r: &mut Rng) -> String {
    match r.below(7) {
        0 | 1 => format!("{}-{}", r.range(2022, 2025), r.digits(7)),
        2 | 3 => format!("{}{}", r.range(1, 9), r.digits(6)),
        4 => format!("WOO-{}-{:04}", r.range(2022, 2025), r.range(1, 2999)),
        5 => format!("Z{}-{}", r.range(2022, 2025), r.digits(6)),
        _ => {
            // Court case number `200.312.456/01`: nine digits in dotted groups that must not
            // pass the elfproef, so that it is unambiguously not a BSN.
            loop {
                let d = format!("{}{}", r.range(1, 2), r.digits(8));
                if !elfproef(&d) {
                    break format!("{}.{}.{}/{:02}", &d[..3], &d[3..6], &d[6..], r.range(1, 3));
                }
            }
        }
    }
}

fn elfproef(d: &str) -> bool {
    let v: Vec<u32> = d.chars().filter_map(|c| c.to_digit(10)).collect();
    v.len() == 9 && {
        let s: i64 = v[..8]
            .iter()
            .zip((2..=9).rev())
            .map(|(x, w)| i64::from(*x) * w)
            .sum::<i64>()
            - i64::from(v[8]);
        s % 11 == 0
    }
}

fn kamerstuk(r: &mut Rng) -> String {
    let y = r.range(2018, 2024);
    let dossier = format!("{} {}", r.range(21, 36), r.digits(3));
    match r.below(3) {
        0 => format!(
            "Kamerstukken II {y}/{:02}, {dossier}, nr. {}",
            (y + 1) % 100,
            r.range(1, 399)
        ),
        1 => format!("Kamerstuk {dossier}, nr. {}", r.range(1, 399)),
        _ => format!(
            "Handelingen II {y}/{:02}, nr. {}, item {}",
            (y + 1) % 100,
            r.range(1, 110),
            r.range(1, 30)
        ),
    }
}

fn ecli(r: &mut Rng) -> String {
    let court = *r.pick(&["RVS", "HR", "RBDHA", "RBMNE", "GHAMS", "CRVB", "RBROT"]);
    format!(
        "ECLI:NL:{court}:{}:{}",
        r.range(2015, 2024),
        r.range(100, 9999)
    )
}

// ---------------------------------------------------------------------------------------------
// Text pools (written for this generator)
// ---------------------------------------------------------------------------------------------

const PROSE: &[&str] = &[
    "Het conceptbesluit is op {date} besproken met {org}.",
    "Voor de uitvoering is in {year} een bedrag van {amount} beschikbaar gesteld.",
    "De Kamer is hierover eerder geïnformeerd ({kst}).",
    "In de uitspraak {ecli} is overwogen dat de belangenafweging per document moet plaatsvinden.",
    "Op grond van de {law} moet een verzoek binnen vier weken worden afgehandeld.",
    "Artikel 5.1, tweede lid, onder e, van de {law=Wet open overheid} ziet op de eerbiediging van de persoonlijke levenssfeer.",
    "De verwerking van strafvorderlijke gegevens is geregeld in de {law=Wet justitiële en strafvorderlijke gegevens}.",
    "{Org} voert in {year} een evaluatie uit.",
    "De kosten worden geraamd op {amount} per jaar, structureel vanaf {year}.",
    "Het advies van {org} is op {date} ontvangen en wordt meegenomen in de verdere uitwerking.",
    "Het verzoek is geregistreerd onder kenmerk {ref}.",
    "Zoals toegezegd in het commissiedebat van {date} wordt de Kamer voor het zomerreces geïnformeerd.",
    "De motie (Kamerstuk {kstshort}) verzoekt de regering de regeldruk voor gemeenten te verminderen.",
    "Uit de monitor blijkt dat het aantal meldingen in {year} met {n} is gestegen ten opzichte van het jaar daarvoor.",
    "De ketenpartners hebben aangegeven behoefte te hebben aan duidelijke werkafspraken over de gegevensuitwisseling.",
    "De financiële dekking wordt gevonden binnen de bestaande begroting.",
    "Over de uitkomsten is op {date} overleg gevoerd met {org} en {org}.",
    "Het risico bestaat dat de implementatie niet vóór {date} kan worden afgerond.",
    "Er is op dit moment geen aanleiding om het beleid op dit punt aan te passen.",
    "De regeling treedt naar verwachting in werking op {date}.",
    "In de bijlage treft u het overzicht van de inventarislijst aan.",
    "De termijn voor het besluit is op grond van artikel 4.4 van de {law=Wet open overheid} verdaagd tot {date}.",
    "{Org} heeft in het rapport {report} aanbevelingen gedaan over de bereikbaarheid van de overheid.",
    "Tegen het besluit kan binnen zes weken bezwaar worden gemaakt op grond van de {law=Algemene wet bestuursrecht}.",
    "In {month} {year} volgt een tweede voortgangsrapportage.",
    "Het {org=Openbaar Ministerie} heeft in {year} in totaal 1.240 zaken ingeschreven.",
    "De subsidie bedraagt maximaal {amount} per aanvraag.",
    "Het onderzoek wordt uitgevoerd met inachtneming van het {law=Wetboek van Strafvordering}.",
    "De impactanalyse laat zien dat de uitvoeringslasten beperkt zijn.",
    "Voorgesteld wordt de pilot met een jaar te verlengen tot {date}.",
    "Deze lijn is in overeenstemming met de rechtspraak van de {org=Hoge Raad} ({ecli}).",
    "Een afschrift van deze nota is gestuurd aan {org}.",
    "Het gesprek met de betrokken gemeenten vond plaats op {dwd}.",
    "Maandag is er overleg met de directeuren van de ketenpartners.",
    "Per saldo is sprake van een onderuitputting van {amount}.",
    "De planning is dat het wetsvoorstel in het derde kwartaal van {year} naar de Tweede Kamer gaat.",
    "Ik verwijs naar de beantwoording van de schriftelijke vragen ({aanh}).",
    "Zie ook het eerdere besluit op het Woo-verzoek met zaaknummer {ref}.",
    "{Org} is om advies gevraagd over de gegevensbeschermingseffectbeoordeling.",
    "Tijdens het werkbezoek aan Rotterdam op {date} is gesproken over de aanpak van ondermijning.",
    "Het aantal openstaande verzoeken bedroeg op peildatum {date} in totaal {n}.",
    "In de zaak met parketnummer {parket} is inmiddels een beslissing genomen.",
    "De evaluatie van de {law} is in {year} naar de Kamer gestuurd ({kst}).",
    "Woensdag 12.00 uur is de uiterste aanleverdatum voor de stukken.",
    "Volgens de planning ligt er voor de Kerst een conceptversie.",
    "De middelen ({amount}) zijn overgeheveld naar het Gemeentefonds.",
    "Zie voor de achtergrond de brief van {date} met kenmerk {ref}.",
    "Het College heeft in {month} ingestemd met het voorstel.",
    "Gelet op artikel 8 EVRM is terughoudendheid geboden bij het delen van deze gegevens.",
    "De gemaakte afspraken worden vastgelegd in een convenant met {org}.",
];

const PERSON_SENTENCES: &[&str] = &[
    "Dit punt is afgestemd met {0:any} ({0:func}).",
    "{0:Hon} heeft aangegeven dat de planning haalbaar is.",
    "Na overleg met {0:any} van {0:org} is de tekst op onderdelen aangepast.",
    "Het concept is op {date} voorgelegd aan {0:title}.",
    "Voor vragen kunt u contact opnemen met {0:full} ({0:email}, {0:phone}).",
    "{0:full} ({0:orgname}) heeft een eerste juridische toets uitgevoerd.",
    "Volgens {0:abbr} is nader onderzoek noodzakelijk.",
    "De inventarislijst is opgesteld door {0:ini}.",
    "Bij de uitwerking is gebruikgemaakt van de notitie van {0:hon} van {date}.",
    "{0:Org} (contactpersoon {0:full}, {0:email}) kan zich vinden in de voorgestelde aanpak.",
    "De eerdere versie is besproken met {0:honfull} en {1:any}.",
    "{1:Hon} en {0:hon} werken het voorstel verder uit.",
];

const PUBLIC_SENTENCES: &[&str] = &[
    "De {0:office}, {0:full}, heeft hierover op {date} met de Kamer gesproken.",
    "Zoals {0:short} {0:sur} in het commissiedebat van {date} heeft toegezegd, wordt de Kamer voor de zomer geïnformeerd.",
    "{0:Short} {0:sur} heeft op {date} een werkbezoek gebracht aan {org}.",
    "In de brief van {date} heeft de {0:office}, {0:ini}, aangekondigd dat een evaluatie volgt.",
    "De {0:office} ({0:full}) heeft ingestemd met de voorgestelde aanpak.",
    "Het overleg met {0:short} {0:full} is verplaatst naar {date}.",
];

const SUBJECTS: &[&str] = &[
    "Woo-besluit over de inzet van camera's bij grensovergangen",
    "Beleidsreactie op het rapport van de Inspectie",
    "Voortgang programma Informatiehuishouding",
    "Wetsvoorstel versterking gegevensdeling in de keten",
    "Aanpak van wachtlijsten bij de jeugdbescherming",
    "Kamervragen over de beveiliging van overheidsgebouwen",
    "Subsidieregeling lokale weerbaarheid",
    "Verlenging pilot slimme verkeerslichten",
    "Beantwoording verzoek schadevergoeding",
    "Evaluatie convenant zorg en veiligheid",
    "Ondermijning in het havengebied",
    "Beslissing op bezwaar inzake openbaarmaking",
];

const EMAIL_LINES: &[&str] = &[
    "Zie bijgaand de aangepaste versie van de nota.",
    "Kun je hier voor {weekday} even naar kijken?",
    "Ik heb de opmerkingen van {org} verwerkt in de tekst.",
    "Graag hoor ik of jullie akkoord zijn met de voorgestelde lijn.",
    "Dank voor je snelle reactie!",
    "Het verzoek ({ref}) moet uiterlijk {date} zijn afgehandeld.",
    "In de bijlage vind je het verslag van het overleg van {date}.",
    "De beslistermijn verloopt op {date}, dus we moeten wel opschieten.",
    "Wat mij betreft kan dit zo door naar de lijn.",
    "Ik ben {weekday} afwezig, daarna pak ik het op.",
    "Voor de volledigheid: de eerdere versie staat in het DMS onder {ref}.",
    "Kunnen we hierover {weekday} om 14.00 uur even bellen?",
    "Het stuk gaat vandaag nog naar {mbox} voor registratie.",
];

const EMAIL_PERSON_LINES: &[&str] = &[
    "Volgens mij moeten we dit nog even afstemmen met {0:full}.",
    "Ik heb net gebeld met {0:hon}, die laat weten dat het stuk uiterlijk {date} klaar is.",
    "{0:full} van {0:org} vraagt of we de inventarislijst kunnen delen.",
    "Zie hieronder de reactie van {0:abbr}.",
    "Ik heb {0:ini} gevraagd om mee te lezen.",
    "Dank aan {0:nodot} voor de snelle check.",
    "Bel anders even met {0:first}, die is hier het beste van op de hoogte ({0:phone}).",
    "Kun je het stuk ook naar {0:full} ({0:email}) sturen?",
    "Ik stel voor dat {0:hon} dit onderdeel voor zijn of haar rekening neemt.",
];

const CLOSINGS: &[&str] = &[
    "Met vriendelijke groet,",
    "Groet,",
    "Mvg,",
    "Hartelijke groet,",
    "Groeten,",
    "Vriendelijke groet,",
    "Met collegiale groet,",
    "Kind regards,",
];

const DISCLAIMER: &str = "Dit bericht kan informatie bevatten die niet voor u is bestemd. Indien u niet de geadresseerde bent of dit bericht abusievelijk aan u is toegezonden, wordt u verzocht dat aan de afzender te melden en het bericht te verwijderen.";

// ---------------------------------------------------------------------------------------------
// Document kinds
// ---------------------------------------------------------------------------------------------

/// Generates one document of `kind`. The name is `<kind>.txt`; [`corpus`] numbers them.
pub fn generate(world: &World, rng: &mut Rng, kind: DocKind) -> Doc {
    let mut b = B::new(world, doc_date(rng));
    match kind {
        DocKind::Nota => nota(&mut b, rng),
        DocKind::EmailThread => email_thread(&mut b, rng),
        DocKind::Verslag => verslag(&mut b, rng),
        DocKind::Burgerbrief => burgerbrief(&mut b, rng),
        DocKind::Chat => chat(&mut b, rng),
        DocKind::BeleidsnotaPublic => beleidsnota_public(&mut b, rng),
    }
    b.finish(kind)
}

fn staff_m<'w>(w: &'w World, r: &mut Rng) -> M<'w> {
    M {
        p: r.pick(&w.staff),
        who: Some(Who::Staff),
        official: None,
    }
}

/// A civil servant in no list: mostly of a partner, sometimes a former colleague.
fn external_m<'w>(w: &'w World, r: &mut Rng) -> M<'w> {
    let p = if r.chance(15) {
        r.pick(&w.former)
    } else {
        r.pick(&w.external)
    };
    M {
        p,
        who: Some(Who::External),
        official: None,
    }
}

/// Any civil servant: mostly staff.
fn servant_m<'w>(w: &'w World, r: &mut Rng) -> M<'w> {
    if r.chance(65) {
        staff_m(w, r)
    } else {
        external_m(w, r)
    }
}

fn public_m<'w>(w: &'w World, r: &mut Rng) -> M<'w> {
    let o = r.pick(&w.public);
    M {
        p: &o.person,
        who: None,
        official: Some(o),
    }
}

/// `n` distinct mentions drawn by `f` (distinct people, so per-person gold stays unambiguous).
fn cast<'w>(
    w: &'w World,
    r: &mut Rng,
    (lo, hi): (u32, u32),
    f: fn(&'w World, &mut Rng) -> M<'w>,
    taken: &mut Vec<M<'w>>,
) -> Vec<M<'w>> {
    let n = r.range(lo, hi) as usize;
    let mut out = Vec::new();
    let mut tries = 0;
    while out.len() < n && tries < 10_000 {
        tries += 1;
        let m = f(w, r);
        // Within a document no two people share a first name or surname, so `Hoi Jan` and
        // `de heer Bakker` each point at one person; tiny worlds relax this.
        let clash = |t: &M<'_>| {
            std::ptr::eq(t.p, m.p)
                || (tries < 500 && (t.p.first == m.p.first || t.p.surname == m.p.surname))
        };
        if !taken.iter().any(clash) {
            taken.push(m);
            out.push(m);
        }
    }
    out
}

/// One prose paragraph: sentences, now and then about one of `people` or an office holder.
fn paragraph<'w>(b: &mut B<'w>, r: &mut Rng, people: &[M<'w>], officials: &[M<'w>]) {
    let n = r.range(2, 4) as usize;
    for i in 0..n {
        if i > 0 {
            b.t(" ");
        }
        let roll = r.below(10);
        if roll < 3 && people.len() >= 2 {
            let a = r.below(people.len());
            let c = (a + 1 + r.below(people.len() - 1)) % people.len();
            let s = b.fresh(r, PERSON_SENTENCES);
            b.expand(r, s, &[people[a], people[c]]);
        } else if roll < 3 && !people.is_empty() {
            // Sentences with one person only (the last two need two).
            let s = *r.pick(&PERSON_SENTENCES[..PERSON_SENTENCES.len() - 2]);
            let m = *r.pick(people);
            b.expand(r, s, &[m]);
        } else if roll == 3 && !officials.is_empty() {
            let s = b.fresh(r, PUBLIC_SENTENCES);
            let m = *r.pick(officials);
            b.expand(r, s, &[m]);
        } else {
            b.prose(r, 1, 1);
        }
    }
    b.nl();
}

/// The organisation's letterhead: name, department, visiting and postal address, website.
fn letterhead(b: &mut B<'_>, r: &mut Rng, dept: usize, compact: bool) {
    let o = &b.w.org;
    b.keep(KeepKind::Org, &o.name);
    b.nl();
    b.keep(KeepKind::Org, &o.departments[dept].1);
    b.nl();
    if compact {
        b.keep(KeepKind::OrgAddress, &o.street);
        b.t(" | ");
        b.keep(KeepKind::OrgAddress, &o.postcode);
        b.t(" ");
        b.t(&o.city);
        b.t(" | ");
        b.keep(KeepKind::OrgAddress, &o.postbus);
        b.t(" | ");
        b.keep(
            KeepKind::OrgAddress,
            &format!("{}  {}", o.postbus_code, o.city),
        );
        b.nl();
    } else {
        for l in [
            o.street.clone(),
            format!("{}  {}", o.postcode, o.city),
            o.postbus.clone(),
            format!("{}  {}", o.postbus_code, o.city),
        ] {
            b.keep(KeepKind::OrgAddress, &l);
            b.nl();
        }
    }
    if r.chance(60) {
        b.keep(KeepKind::Org, &o.website);
        b.nl();
    }
}

fn dept_of(p: &Person) -> usize {
    match p.affiliation {
        Affiliation::Staff(d) | Affiliation::Former(d) => d,
        _ => 0,
    }
}

fn nota(b: &mut B<'_>, r: &mut Rng) {
    let w = b.w;
    let mut taken = Vec::new();
    let author = cast(w, r, (1, 1), staff_m, &mut taken)[0];
    let boss = cast(w, r, (1, 1), staff_m, &mut taken)[0];
    let mut people = cast(w, r, (1, 2), staff_m, &mut taken);
    people.extend(cast(w, r, (1, 2), external_m, &mut taken));
    people.push(author);
    let officials = cast(w, r, (0, 2), public_m, &mut taken);
    let to = r.pick(&w.org.offices).0.clone();
    let subject = *r.pick(SUBJECTS);
    let date = b.now;
    let layout = r.below(3);
    match layout {
        0 => {
            b.t(&format!("Nota aan de {to}\n\n"));
            letterhead(b, r, dept_of(author.p), false);
            b.t("\nContactpersoon\n");
            b.name_pick(r, author, &[Form::Full, Form::Full, Form::Title]);
            b.t("\n");
            b.t(&author.p.function);
            b.t("\nT ");
            b.phone(r, &author.p.phone);
            if r.chance(50) {
                b.t("\nM ");
                let m = Phone::mobile(r);
                b.phone(r, &m);
            }
            b.nl();
            b.email(author.p);
            b.t("\n\nOnze referentie\n");
            b.reference(r);
            b.t("\n\nDatum\n");
            b.date(r, date);
            b.t("\n\nBetreft\n");
            b.t(subject);
            b.t("\n\n");
        }
        1 => {
            b.t("NOTA\n\n");
            b.t("Aan            : ");
            b.t(&cap(&to));
            b.t("\nVan            : ");
            b.t(&format!(
                "directeur {}",
                w.org.departments[dept_of(boss.p)].2
            ));
            b.t("\nDatum          : ");
            b.date(r, date);
            b.t("\nKenmerk        : ");
            b.reference(r);
            b.t("\nBehandeld door : ");
            b.name_pick(
                r,
                author,
                &[Form::Full, Form::Initials, Form::Title, Form::Reversed],
            );
            b.t(", tel. ");
            b.phone(r, &author.p.phone);
            b.t(", ");
            b.email(author.p);
            b.t("\nOnderwerp      : ");
            b.t(subject);
            b.t("\n\n");
        }
        _ => {
            b.t("Beslisnota\n\n");
            letterhead(b, r, dept_of(author.p), true);
            b.t("\nAan: de ");
            b.t(&to);
            b.t("\nOnderwerp: ");
            b.t(subject);
            b.t("\nKenmerk: ");
            b.reference(r);
            b.t("\n\nParaaf- en routingtabel\n");
            b.t("Functie              | Naam                          | Paraaf   | Datum\n");
            for (role, m) in [("Opsteller", author), ("Afdelingshoofd", boss)] {
                b.t(&format!("{role:<21}| "));
                let start = b.text.len();
                b.name(r, m, Form::Title);
                let used = b.text[start..].chars().count();
                b.t(&" ".repeat(30usize.saturating_sub(used)));
                b.t("| ");
                b.name(r, m, Form::Paraaf);
                b.t("     | ");
                let d = date.plus(-(r.range(1, 6) as i64));
                b.keep(KeepKind::Date, &d.dmy('-'));
                b.nl();
            }
            b.t("Directeur            | akkoord                       |          | ");
            b.keep(KeepKind::Date, &date.dmy('-'));
            b.t("\n\n");
        }
    }

    let headings: &[&str] = match r.below(3) {
        0 => &[
            "Aanleiding",
            "Geadviseerd besluit",
            "Kernpunten",
            "Toelichting",
        ],
        1 => &[
            "Doel",
            "Beslispunten",
            "Krachtenveld",
            "Financiële gevolgen",
            "Communicatie",
        ],
        _ => &[
            "Aanleiding",
            "Advies",
            "Juridische aspecten",
            "Uitvoering",
            "Informatie die niet openbaar kan worden",
        ],
    };
    for (i, h) in headings.iter().enumerate() {
        b.t(&format!("{}. {h}\n", i + 1));
        for _ in 0..r.range(1, 2) {
            paragraph(b, r, &people, &officials);
        }
        b.nl();
    }
    if *headings.last().expect("headings") == "Informatie die niet openbaar kan worden" {
        b.t("De persoonsgegevens van medewerkers zijn niet openbaar ter bescherming van de persoonlijke levenssfeer.\n\n");
    }
    match layout {
        0 => {
            b.t("Opgesteld door: ");
            b.name_pick(r, author, &[Form::Initials, Form::Full, Form::Title]);
            b.t(", ");
            b.t(&author.p.function);
            b.t("\nParaaf: ");
            b.name(r, boss, Form::Paraaf);
            b.t(" (afdelingshoofd), d.d. ");
            b.date(r, date);
            b.nl();
        }
        1 => {
            b.t("Gezien: ");
            b.name(r, boss, Form::Paraaf);
            b.t("\nBijlagen: 2\n");
        }
        _ => {
            b.t("Akkoord ");
            b.t(&w.org.offices[0].1);
            b.t(": ☐ ja  ☐ nee\n");
        }
    }
}

/// How a person appears in a mail header field.
fn header_person<'w>(b: &mut B<'w>, r: &mut Rng, m: M<'w>) {
    match r.below(6) {
        0 | 1 => {
            b.name(r, m, Form::Full);
            b.t(" <");
            b.email(m.p);
            b.t(">");
        }
        2 => b.name(r, m, Form::OutlookDept),
        3 => b.name(r, m, Form::Outlook),
        4 => {
            b.t("'");
            b.name(r, m, Form::Full);
            b.t("' <");
            b.email(m.p);
            b.t(">");
        }
        _ => b.email(m.p),
    }
}

fn mailbox_recipient(b: &mut B<'_>, r: &mut Rng) {
    let mb = r.pick(&b.w.org.mailboxes).clone();
    let label = format!(
        "Postbus {}",
        mb.split('@').next().unwrap_or("").replace('.', " ")
    );
    b.keep(KeepKind::FunctionalMailbox, &label);
    b.t(" <");
    b.keep(KeepKind::FunctionalMailbox, &mb);
    b.t(">");
}

/// A signature block after the closing line.
fn signature<'w>(b: &mut B<'w>, r: &mut Rng, m: M<'w>) {
    let w = b.w;
    let p = m.p;
    match r.below(5) {
        0 => {
            // Short: first name only.
            b.name(r, m, Form::First);
            b.nl();
        }
        1 => {
            b.name(r, m, Form::Full);
            b.nl();
            b.phone(r, &p.phone);
            b.nl();
        }
        _ => {
            if r.chance(30) {
                b.name(r, m, Form::First);
                b.t("\n\n");
            }
            let f = *r.pick(&[Form::Full, Form::Full, Form::InitialsFirst, Form::Title]);
            b.name(r, m, f);
            b.nl();
            b.t(&cap(&p.function));
            b.nl();
            match p.affiliation {
                Affiliation::Staff(d) | Affiliation::Former(d) => {
                    b.keep(KeepKind::Org, &w.org.name);
                    b.nl();
                    b.keep(KeepKind::Org, &w.org.departments[d].1);
                    b.nl();
                    if r.chance(50) {
                        b.keep(KeepKind::OrgAddress, &w.org.street);
                        b.t(" | ");
                        b.keep(KeepKind::OrgAddress, &w.org.postcode);
                        b.t(" | ");
                        b.t(&w.org.city);
                        b.nl();
                    } else {
                        b.keep(KeepKind::OrgAddress, &w.org.postbus);
                        b.t(", ");
                        b.keep(
                            KeepKind::OrgAddress,
                            &format!("{} {}", w.org.postbus_code, w.org.city),
                        );
                        b.nl();
                    }
                }
                Affiliation::Partner(i) => {
                    let pa = &w.partners[i];
                    b.keep(KeepKind::Org, pa.name);
                    b.nl();
                    b.keep(KeepKind::OrgAddress, pa.street);
                    b.nl();
                    b.keep(
                        KeepKind::OrgAddress,
                        &format!("{} {}", pa.postcode, pa.city),
                    );
                    b.nl();
                }
                _ => {}
            }
            if r.chance(40) {
                b.t("Aanwezig: ma, di, do\n");
            }
            let (tl, ml) = *r.pick(&[
                ("T ", "M "),
                ("T: ", "M: "),
                ("Tel. ", "Mob. "),
                ("Telefoon ", "Mobiel "),
            ]);
            if p.phone.area == "6" {
                b.t(ml);
                b.phone(r, &p.phone);
            } else {
                b.t(tl);
                b.phone(r, &p.phone);
                if r.chance(40) {
                    b.t(" | ");
                    b.t(ml);
                    let mob = Phone::mobile(r);
                    b.phone(r, &mob);
                }
            }
            b.nl();
            if r.chance(30) {
                b.t("Algemeen: ");
                b.expand(r, "{switch}", &[]);
                b.nl();
            }
            b.email(p);
            b.nl();
            if matches!(p.affiliation, Affiliation::Staff(_)) && r.chance(40) {
                b.keep(KeepKind::Org, &w.org.website);
                b.nl();
            }
        }
    }
}

/// One message body: greeting, text, closing, signature.
fn message_body<'w>(b: &mut B<'w>, r: &mut Rng, from: M<'w>, to: &[M<'w>], others: &[M<'w>]) {
    let w = b.w;
    let lead = to[0];
    match r.below(8) {
        0 => b.t("Beste collega's,"),
        1 => b.t("Hoi allen,"),
        2 if to.len() > 1 => {
            b.t("Beste ");
            b.name(r, lead, Form::First);
            b.t(" en ");
            b.name(r, to[1], Form::First);
            b.t(",");
        }
        3 => {
            b.t("Geachte ");
            b.name(r, lead, Form::Dear);
            b.t(",");
        }
        _ => {
            b.t(r.pick_str(&["Hoi ", "Beste ", "Dag ", "Hallo ", "Goedemorgen "]));
            b.name(r, lead, Form::First);
            b.t(",");
        }
    }
    b.t("\n\n");
    // People talked about: not the writer, nor the one addressed.
    let others: Vec<M<'w>> = others
        .iter()
        .copied()
        .filter(|m| !std::ptr::eq(m.p, from.p) && !std::ptr::eq(m.p, lead.p))
        .collect();
    for _ in 0..r.range(1, 3) {
        if r.chance(35) && !others.is_empty() {
            let s = b.fresh(r, EMAIL_PERSON_LINES);
            let m = *r.pick(&others);
            b.expand(r, s, &[m]);
        } else if r.chance(50) {
            let s = b.fresh(r, EMAIL_LINES);
            b.expand(r, s, &[]);
        } else {
            b.prose(r, 1, 2);
        }
        b.nl();
    }
    if r.chance(25) {
        b.t("Bel me gerust op ");
        b.phone(r, &from.p.phone);
        b.t(" als er vragen zijn.\n");
    }
    if r.chance(15) {
        b.t("Reacties graag via ");
        let mb = r.pick(&w.org.mailboxes).clone();
        b.keep(KeepKind::FunctionalMailbox, &mb);
        b.t(".\n");
    }
    b.nl();
    b.t(r.pick_str(CLOSINGS));
    b.t(if r.chance(60) { "\n\n" } else { "\n" });
    signature(b, r, from);
    if r.chance(20) {
        b.nl();
        b.t(DISCLAIMER);
        b.nl();
    }
}

fn email_thread(b: &mut B<'_>, r: &mut Rng) {
    let w = b.w;
    let mut taken = Vec::new();
    let parts: Vec<M<'_>> = cast(w, r, (2, 4), servant_m, &mut taken);
    let others = {
        let mut o = cast(w, r, (1, 2), servant_m, &mut taken);
        o.extend(parts.iter().copied());
        o
    };
    let subject = *r.pick(SUBJECTS);
    let english = r.chance(30);
    let n_msg = r.range(2, 5) as usize;
    // Minutes since the start of the document's day; the thread is printed newest first, as
    // Outlook prints it, so time runs backwards.
    let mut at = i64::from(r.range(8 * 60, 18 * 60));
    // Some threads quote older messages in the Apple/Gmail style, `>` before every line.
    let quote_style = r.chance(25);
    for k in 0..n_msg {
        let when = b.now.plus(at.div_euclid(24 * 60));
        let (hour, min) = (at.rem_euclid(24 * 60) / 60, at.rem_euclid(60));
        at -= i64::from(r.range(5, 1800));
        let from = parts[k % parts.len()];
        let to: Vec<M<'_>> = parts
            .iter()
            .copied()
            .filter(|m| !std::ptr::eq(m.p, from.p))
            .collect();
        if k > 0 {
            b.nl();
        }
        if quote_style && k > 0 {
            if english {
                b.t("On ");
                b.keep(KeepKind::Date, &when.english());
                b.t(&format!(" at {hour}:{min:02}, "));
            } else {
                b.t("Op ");
                b.keep(KeepKind::Date, &when.fmt(5));
                b.t(&format!(" om {hour}:{min:02} heeft "));
            }
            b.name(r, from, Form::Full);
            b.t(" <");
            b.email(from.p);
            b.t(if english {
                "> wrote:\n"
            } else {
                "> het volgende geschreven:\n"
            });
            let mut body = B::new(w, b.now);
            message_body(&mut body, r, from, &to, &others);
            b.quoted(body, "> ");
            continue;
        }
        if k > 0 {
            b.t(if r.chance(50) {
                "-----Oorspronkelijk bericht-----\n"
            } else {
                "________________________________\n"
            });
        }
        let (lv, ls, la, lc, lo) = if english {
            ("From: ", "Sent: ", "To: ", "Cc: ", "Subject: ")
        } else {
            ("Van: ", "Verzonden: ", "Aan: ", "CC: ", "Onderwerp: ")
        };
        b.t(lv);
        header_person(b, r, from);
        b.nl();
        b.t(ls);
        if english {
            b.keep(KeepKind::Date, &when.english());
            let (h12, ap) = if hour >= 12 {
                (hour - 12, "PM")
            } else {
                (hour, "AM")
            };
            b.t(&format!(
                " {}:{min:02} {ap}\n",
                if h12 == 0 { 12 } else { h12 }
            ));
        } else {
            b.keep(KeepKind::Date, &when.long_weekday());
            b.t(&format!(" {hour}:{min:02}\n"));
        }
        b.t(la);
        for (i, m) in to.iter().enumerate() {
            if i > 0 {
                b.t("; ");
            }
            header_person(b, r, *m);
        }
        b.nl();
        if r.chance(45) {
            b.t(lc);
            let ccs: Vec<M<'_>> = others
                .iter()
                .copied()
                .filter(|m| {
                    !std::ptr::eq(m.p, from.p) && !to.iter().any(|t| std::ptr::eq(t.p, m.p))
                })
                .collect();
            if ccs.is_empty() || r.chance(50) {
                mailbox_recipient(b, r);
            } else {
                let cc = *r.pick(&ccs);
                header_person(b, r, cc);
            }
            b.nl();
        }
        b.t(lo);
        if k + 1 < n_msg {
            b.t(if english {
                "RE: "
            } else {
                r.pick_str(&["RE: ", "Antw: ", "FW: "])
            });
        }
        b.t(subject);
        if r.chance(30) {
            b.t(" (");
            b.reference(r);
            b.t(")");
        }
        b.nl();
        if r.chance(20) {
            b.t(if english {
                "Attachments: "
            } else {
                "Bijlagen: "
            });
            b.t("Conceptbesluit.docx; Inventarislijst.xlsx\n");
        }
        b.nl();
        message_body(b, r, from, &to, &others);
    }
}

fn attendee<'w>(b: &mut B<'w>, r: &mut Rng, m: M<'w>) {
    if let Some(o) = m.official {
        b.t(&o.short);
        b.t(" ");
        b.name(r, m, Form::Full);
        return;
    }
    let p = m.p;
    match r.below(4) {
        0 => {
            b.t(if p.female {
                r.pick_str(&["mw. ", "mevr. "])
            } else {
                "dhr. "
            });
            if !p.title.is_empty() {
                b.t(&p.title);
                b.t(" ");
            }
            b.name(r, m, Form::Initials);
        }
        1 => b.name(r, m, Form::Title),
        2 => b.name(r, m, Form::Full),
        _ => {
            b.name(r, m, Form::Full);
            b.t(" (");
            b.name(r, m, Form::Paraaf);
            b.t(")");
        }
    }
    b.t(" (");
    match p.affiliation {
        Affiliation::Staff(d) => {
            let s = b.w.org.departments[d].2.clone();
            b.t(&s);
        }
        Affiliation::Partner(i) => {
            let n = b.w.partners[i].name;
            b.keep(KeepKind::Org, n);
        }
        _ => b.t(&p.function),
    }
    b.t(")");
}

fn verslag(b: &mut B<'_>, r: &mut Rng) {
    let w = b.w;
    let mut taken = Vec::new();
    let mut present = cast(w, r, (2, 4), staff_m, &mut taken);
    present.extend(cast(w, r, (1, 3), external_m, &mut taken));
    let absent = cast(w, r, (0, 2), servant_m, &mut taken);
    let scribe = cast(w, r, (1, 1), staff_m, &mut taken)[0];
    let officials = cast(w, r, (0, 1), public_m, &mut taken);
    let date = b.now;
    let title = *r.pick(&[
        "Verslag ketenoverleg",
        "Notulen stuurgroep",
        "Verslag bilateraal overleg",
        "Verslag werkgroep Woo",
        "Besluitenlijst MT",
    ]);
    b.t(title);
    b.t(" ");
    b.t(r.pick_str(SUBJECTS));
    b.t("\n\nDatum: ");
    b.date(r, date);
    let h = r.range(9, 15);
    b.t(&format!(", {h}.00–{}.30 uur\n", h + r.range(0, 2)));
    b.t("Locatie: ");
    if r.chance(50) {
        b.keep(KeepKind::OrgAddress, &w.org.street);
        b.t(&format!(
            ", kamer {}.{:02}\n",
            r.range(1, 12),
            r.range(1, 40)
        ));
    } else {
        b.t("Microsoft Teams\n");
    }
    let mut all_present: Vec<M<'_>> = officials.clone();
    all_present.extend(present.iter().copied());
    let list_style = r.below(2);
    b.t("Aanwezig:");
    for (i, m) in all_present.iter().enumerate() {
        if list_style == 0 {
            b.t(if i == 0 { " " } else { ", " });
        } else {
            b.t("\n- ");
        }
        attendee(b, r, *m);
        if i == 0 && officials.is_empty() && r.chance(50) {
            b.t(" (voorzitter)");
        }
    }
    b.nl();
    if !absent.is_empty() {
        b.t("Afwezig: ");
        for (i, m) in absent.iter().enumerate() {
            if i > 0 {
                b.t(", ");
            }
            attendee(b, r, *m);
        }
        b.nl();
    }
    b.t(r.pick_str(&["Notulist: ", "Verslag: ", "Notulen: "]));
    let f = *r.pick(&[Form::Full, Form::Initials, Form::Paraaf]);
    b.name(r, scribe, f);
    b.t("\nKenmerk: ");
    b.reference(r);
    b.t("\n\n");

    let agenda = [
        "Opening en mededelingen",
        "Verslag vorige vergadering",
        "Stand van zaken",
        "Rondvraag",
    ];
    const VERSLAG_LINES: &[&str] = &[
        "{0:Hon} licht de stand van zaken toe.",
        "{0:Hon} ({0:orgname}) merkt op dat de termijnen krap zijn.",
        "Op voorstel van {0:hon} wordt besloten de notitie aan te passen.",
        "{0:Hon} zegt toe de cijfers over {year} na te leveren.",
        "De voorzitter dankt {0:hon} voor de toelichting.",
        "{0:Abbr} vraagt of {org} al heeft gereageerd.",
        "{0:Abbr} meldt dat de gesprekken met {org} op {date} worden hervat.",
        "{0:sur} geeft aan dat het stuk nog niet rijp is voor besluitvorming.",
    ];
    let mut actions: Vec<Vec<M<'_>>> = Vec::new();
    for (i, item) in agenda.iter().enumerate() {
        b.t(&format!("{}. {item}\n", i + 1));
        for _ in 0..r.range(1, 3) {
            if r.chance(60) {
                let m = *r.pick(&present);
                let s = b.fresh(r, VERSLAG_LINES);
                b.expand(r, s, &[m]);
            } else if r.chance(20) && !officials.is_empty() {
                let s = *r.pick(PUBLIC_SENTENCES);
                b.expand(r, s, &[officials[0]]);
            } else {
                b.prose(r, 1, 1);
            }
            b.t(" ");
        }
        b.nl();
        if r.chance(60) {
            let a = *r.pick(&present);
            b.t("Actie: ");
            match r.below(5) {
                0 | 1 => b.name(r, a, Form::Surname),
                2 => b.name(r, a, Form::Paraaf),
                3 => b.name(r, a, Form::Initials),
                _ => {
                    let c = *r.pick(&present);
                    b.name(r, a, Form::Surname);
                    if !std::ptr::eq(a.p, c.p) {
                        b.t(" en ");
                        b.name(r, c, Form::Surname);
                    }
                }
            }
            if r.chance(50) {
                b.t(", vóór ");
                let d = date.plus(r.range(7, 40) as i64);
                b.date(r, d);
            }
            b.nl();
            actions.push(vec![a]);
        }
        b.nl();
    }
    if r.chance(60) {
        b.t("Actiepuntenlijst\n");
        b.t("Nr. | Actie                         | Wie              | Gereed\n");
        for (i, a) in actions.iter().enumerate() {
            b.t(&format!(
                "{:<4}| {:<30}| ",
                i + 1,
                r.pick(&[
                    "Conceptbrief aanpassen",
                    "Cijfers aanleveren",
                    "Afstemmen met de keten",
                    "Planning actualiseren",
                    "Inventarislijst aanvullen",
                ])
            ));
            let m = a[0];
            let f = *r.pick(&[Form::Surname, Form::Paraaf, Form::Initials]);
            b.name(r, m, f);
            if let Affiliation::Partner(pi) = m.p.affiliation {
                b.t(" (");
                b.t(w.partners[pi].short);
                b.t(")");
            }
            b.t(" | ");
            let d = date.plus(r.range(7, 40) as i64);
            b.keep(KeepKind::Date, &d.dmy('-'));
            b.nl();
        }
    }
}

fn citizen_m(c: &Citizen) -> M<'_> {
    M {
        p: &c.person,
        who: Some(Who::Private),
        official: None,
    }
}

fn bsn_text(r: &mut Rng, bsn: &str) -> String {
    match r.below(5) {
        0 => format!("{}.{}.{}", &bsn[..4], &bsn[4..6], &bsn[6..]),
        1 => format!("{} {} {}", &bsn[..3], &bsn[3..6], &bsn[6..]),
        2 if bsn.starts_with('0') => bsn[1..].to_string(),
        _ => bsn.to_string(),
    }
}

fn iban_text(r: &mut Rng, iban: &str) -> String {
    if r.chance(50) {
        group_iban(iban)
    } else {
        iban.to_string()
    }
}

/// The civil servant's reply to a citizen's letter.
fn reply<'w>(b: &mut B<'w>, r: &mut Rng, c: &'w Citizen, servant: M<'w>) {
    let w = b.w;
    let cm = citizen_m(c);
    b.t("\n\n---\n\n");
    let compact = r.chance(50);
    letterhead(b, r, dept_of(servant.p), compact);
    b.t("\n");
    b.name_pick(r, cm, &[Form::HonFull, Form::Initials]);
    b.nl();
    b.red(
        Category::Address,
        None,
        &format!("{} {}", c.street, c.number),
    );
    b.nl();
    b.red(Category::Address, None, &c.postcode);
    b.t("  ");
    b.t(&c.city);
    b.t("\n\nDatum: ");
    let d = b.now.plus(i64::from(r.range(5, 40)));
    b.date(r, d);
    b.t("\nOns kenmerk: ");
    b.reference(r);
    b.t("\nBehandeld door: ");
    b.name_pick(r, servant, &[Form::Full, Form::Initials]);
    b.t("\nTelefoon: ");
    if r.chance(50) {
        b.phone(r, &servant.p.phone);
    } else {
        b.expand(r, "{switch}", &[]);
    }
    b.t("\n\nGeachte ");
    b.name(r, cm, Form::Dear);
    b.t(",\n\nDank voor uw brief. ");
    b.prose(r, 2, 4);
    b.t(" Met vragen kunt u terecht bij ");
    b.expand(r, "{mbox}", &[]);
    b.t(".\n\n");
    if r.chance(40) {
        b.t(&format!("De {},\nnamens deze,\n\n", w.org.offices[0].0));
    } else {
        b.t("Met vriendelijke groet,\n\n");
    }
    b.name_pick(r, servant, &[Form::Full, Form::Initials, Form::Title]);
    b.nl();
    b.t(&cap(&servant.p.function));
    b.nl();
}

fn burgerbrief(b: &mut B<'_>, r: &mut Rng) {
    let w = b.w;
    let c = r.pick(&w.citizens);
    let cm = citizen_m(c);
    let p = &c.person;
    let mut taken = vec![cm];
    let servant = cast(w, r, (1, 1), staff_m, &mut taken)[0];
    let date = b.now;
    let birth = c.birthdate.fmt_birth(r.below(7));
    let bsn = bsn_text(r, &c.bsn);
    let iban = iban_text(r, &c.iban);
    match r.below(3) {
        0 => {
            // A letter on paper.
            b.name_pick(r, cm, &[Form::Full, Form::Full, Form::Initials]);
            b.nl();
            b.red(
                Category::Address,
                None,
                &format!("{} {}", c.street, c.number),
            );
            b.nl();
            b.red(Category::Address, None, &c.postcode);
            b.t(if r.chance(50) { "  " } else { " " });
            b.t(&c.city);
            b.t("\n\n");
            b.keep(KeepKind::Org, &w.org.name);
            b.t("\nt.a.v. ");
            let (_, dn, _) = r.pick(&w.org.departments);
            b.keep(KeepKind::Org, dn);
            b.nl();
            b.keep(KeepKind::OrgAddress, &w.org.postbus);
            b.nl();
            b.keep(
                KeepKind::OrgAddress,
                &format!("{}  {}", w.org.postbus_code, w.org.city),
            );
            b.t("\n\n");
            b.t(&c.city);
            b.t(", ");
            b.date(r, date);
            b.t("\n\nBetreft: ");
            b.t(r.pick_str(SUBJECTS));
            b.t("\n\nGeachte heer, mevrouw,\n\n");
            b.t("Mijn naam is ");
            b.name(r, cm, Form::Full);
            b.t(match r.below(3) {
                0 => ", geboren op ",
                1 => " (geb. ",
                _ => " en mijn geboortedatum is ",
            });
            let close = if b.text.ends_with("(geb. ") { ")" } else { "" };
            b.red(Category::Birthdate, None, &birth);
            b.t(close);
            b.t(". Mijn burgerservicenummer is ");
            b.red(Category::Bsn, None, &bsn);
            b.t(".\n\n");
            b.prose(r, 1, 2);
            if r.chance(40) {
                // A family member: another private person in the same letter.
                let kid = cast(
                    w,
                    r,
                    (1, 1),
                    |w, r| citizen_m(r.pick(&w.citizens)),
                    &mut taken,
                )[0];
                b.t(&format!(
                    " Het gaat ook om mijn {} ",
                    r.pick(&["zoon", "dochter", "partner", "broer"])
                ));
                b.name_pick(r, kid, &[Form::First, Form::Full]);
                b.t(", geboren ");
                let kb = Date::random(r, 1990, 2015).fmt_birth(r.below(7));
                b.red(Category::Birthdate, None, &kb);
                b.t(".");
            }
            b.t("\n\nHet bedrag kan worden overgemaakt op rekeningnummer ");
            b.red(Category::Iban, None, &iban);
            b.t(" t.n.v. ");
            b.name_pick(r, cm, &[Form::Initials, Form::Full, Form::Reversed]);
            // A reversed name may already end in the initials' full stop.
            b.t(if b.text.ends_with('.') {
                "\nU kunt"
            } else {
                ".\nU kunt"
            });
            b.t(" mij bereiken op ");
            b.phone(r, &p.phone);
            b.t(" of via ");
            b.email(p);
            b.t(".\n\nHoogachtend,\n\n");
            b.name(r, cm, Form::Full);
            b.nl();
        }
        1 => {
            // A web form export: every field on its own line, the name split over fields.
            b.t("Contactformulier ");
            b.keep(KeepKind::Org, &w.org.website);
            b.t("\nIngediend op: ");
            b.date(r, date);
            b.t(&format!(" {}:{:02}\n", r.range(0, 23), r.range(0, 59)));
            b.t("Zaaknummer: ");
            b.reference(r);
            b.t("\n\nAanhef: ");
            b.t(if p.female { "Mevrouw" } else { "De heer" });
            b.t("\nVoorletters: ");
            b.red(Category::Name, Some(Who::Private), &p.initials);
            b.t("\nVoornaam: ");
            b.name(r, cm, Form::First);
            b.t("\nTussenvoegsel: ");
            if !p.tussen.is_empty() {
                b.red(Category::Name, Some(Who::Private), &p.tussen);
            }
            b.t("\nAchternaam: ");
            b.red(Category::Name, Some(Who::Private), &p.surname);
            b.t("\nStraat en huisnummer: ");
            b.red(
                Category::Address,
                None,
                &format!("{} {}", c.street, c.number),
            );
            b.t("\nPostcode: ");
            b.red(Category::Address, None, &c.postcode);
            b.t("\nWoonplaats: ");
            b.t(&c.city);
            b.t("\nGeboortedatum: ");
            b.red(Category::Birthdate, None, &birth);
            b.t("\nBSN: ");
            b.red(Category::Bsn, None, &bsn);
            b.t("\nIBAN: ");
            b.red(Category::Iban, None, &iban);
            b.t("\nTelefoonnummer: ");
            b.phone(r, &p.phone);
            b.t("\nE-mailadres: ");
            b.email(p);
            b.t("\nOnderwerp: ");
            b.t(r.pick_str(SUBJECTS));
            b.t("\nToelichting:\n");
            b.t("Graag wil ik bezwaar maken tegen het besluit van ");
            let d = date.plus(-(r.range(10, 60) as i64));
            b.date(r, d);
            b.t(". ");
            b.prose(r, 2, 2);
            b.nl();
        }
        _ => {
            // An e-mail from a private address.
            b.t("Van: ");
            b.name(r, cm, Form::Full);
            b.t(" <");
            b.email(p);
            b.t(">\nVerzonden: ");
            b.keep(KeepKind::Date, &date.long_weekday());
            b.t(&format!(" {}:{:02}\nAan: ", r.range(7, 23), r.range(0, 59)));
            let mb = r.pick(&w.org.mailboxes).clone();
            b.keep(KeepKind::FunctionalMailbox, &mb);
            b.t("\nOnderwerp: vraag over mijn dossier\n\n");
            b.t(r.pick_str(&["Geachte heer/mevrouw,", "Beste medewerker,", "Goedendag,"]));
            b.t("\n\nIk ben ");
            b.name(r, cm, Form::Full);
            b.t(", woonachtig aan de ");
            b.red(
                Category::Address,
                None,
                &format!("{} {}", c.street, c.number),
            );
            b.t(" in ");
            b.t(&c.city);
            b.t(" (");
            b.red(Category::Address, None, &c.postcode);
            b.t("). Geboortedatum: ");
            b.red(Category::Birthdate, None, &birth);
            b.t(", BSN ");
            b.red(Category::Bsn, None, &bsn);
            b.t(".\n\n");
            b.prose(r, 1, 3);
            b.t("\n\nMijn rekeningnummer is ");
            b.red(Category::Iban, None, &iban);
            b.t(" (t.n.v. ");
            b.name_pick(r, cm, &[Form::Initials, Form::Reversed]);
            b.t(").\n\nMet vriendelijke groet,\n");
            b.name(r, cm, Form::First);
            b.t("\n\nTel. ");
            b.phone(r, &p.phone);
            b.nl();
        }
    }
    if r.chance(70) {
        reply(b, r, c, servant);
    }
}

const CHAT_LINES: &[&str] = &[
    "Goedemorgen! Ben je vandaag op kantoor?",
    "Stuk staat in de map, kun je even kijken?",
    "Ik zit nog in een overleg, bel je zo terug",
    "Heb je de reactie van {org} al gezien?",
    "Kamerbrief moet uiterlijk {date} de deur uit",
    "Top, dank!",
    "👍",
    "Zaaknummer is {ref} trouwens",
    "Zie Kamerstuk {kstshort} voor de achtergrond",
    "Ok, ik pak het op 🙂",
    "Morgen 10.00 overleg met {org}, schuif je aan?",
    "<Media weggelaten>",
    "Dit bericht is verwijderd",
    "Budget is {amount}, dat is krap",
    "Nog nieuws over de {law=Wet open overheid}-termijn?",
    "Staat in de {law} toch? 🤔",
    "Ik mail het wel even naar {mbox}",
];
const CHAT_PERSON_LINES: &[&str] = &[
    "Ik heb {0:hon} net gesproken, die is akkoord",
    "Kun jij {0:first} even vragen of de nota al getekend is?",
    "Het nummer van {0:full} is {0:phone}",
    "Mail even naar {0:email}, die weet ervan",
    "Wie zit er namens {0:org} bij het overleg van {date}? {0:full}?",
    "{0:full} gaat daarover, zit bij {0:org}",
    "{0:Abbr} belde net over het dossier",
    "{0:nodot} zit er morgen ook bij",
];

fn chat(b: &mut B<'_>, r: &mut Rng) {
    let w = b.w;
    let mut taken = Vec::new();
    let parts = cast(w, r, (2, 4), servant_m, &mut taken);
    let others = cast(w, r, (1, 2), servant_m, &mut taken);
    let style = r.below(3);
    // How each participant's name appears as sender: fixed per chat, as a phone's address book
    // fixes it.
    let labels: Vec<u8> = parts.iter().map(|_| r.below(5) as u8).collect();
    let mut day = b.now;
    let mut minute = r.range(7 * 60, 17 * 60);
    match style {
        0 => {
            b.t("WhatsApp-chat ");
            b.t(r.pick_str(&["'Woo-verzoek team'", "'Crisisteam'", "met collega"]));
            b.t("\n\n");
        }
        1 => b.t("Berichten en oproepen worden end-to-end versleuteld.\n"),
        _ => {
            b.t("Teams-chat: ");
            b.t(r.pick_str(SUBJECTS));
            b.t("\n\n");
            b.keep(KeepKind::Date, &day.long_weekday());
            b.t("\n\n");
        }
    }
    if style != 2 && r.chance(50) {
        // A system line with two names.
        b.keep(KeepKind::Date, &day.dmy(if style == 0 { '-' } else { '/' }));
        b.t(" - ");
        b.name(r, parts[0], Form::Full);
        b.t(" heeft ");
        b.name(r, parts[1], Form::Full);
        b.t(" toegevoegd\n");
    }
    let n = r.range(8, 22);
    for _ in 0..n {
        let i = r.below(parts.len());
        let m = parts[i];
        minute += r.range(1, 90);
        if minute >= 22 * 60 {
            minute = r.range(7 * 60, 10 * 60);
            day = day.plus(1);
            if style == 2 {
                b.nl();
                b.keep(KeepKind::Date, &day.long_weekday());
                b.t("\n\n");
            }
        }
        let (hh, mm) = (minute / 60, minute % 60);
        match style {
            0 => {
                b.t("[");
                b.keep(KeepKind::Date, &day.dmy('-'));
                b.t(&format!(" {hh:02}:{mm:02}:{:02}] ", r.range(0, 59)));
                chat_sender(b, r, m, labels[i]);
                b.t(": ");
            }
            1 => {
                b.keep(KeepKind::Date, &day.dmy('/'));
                b.t(&format!(", {hh:02}:{mm:02} - "));
                chat_sender(b, r, m, labels[i]);
                b.t(": ");
            }
            _ => {
                if labels[i].is_multiple_of(2) {
                    b.name(r, m, Form::Outlook);
                    b.t(&format!("  {hh}:{mm:02}\n"));
                } else {
                    b.t(&format!("[{hh}:{mm:02}] "));
                    b.name(r, m, Form::Full);
                    b.nl();
                }
            }
        }
        if r.chance(25) {
            let o = *r.pick(&others);
            let s = *r.pick(CHAT_PERSON_LINES);
            b.expand(r, s, &[o]);
        } else {
            let s = *r.pick(CHAT_LINES);
            b.expand(r, s, &[]);
        }
        b.nl();
        if style == 2 {
            b.nl();
        }
    }
}

/// The sender of a chat line: full name, first name, first name and org, or the phone number of
/// a contact that was never saved.
fn chat_sender<'w>(b: &mut B<'w>, r: &mut Rng, m: M<'w>, label: u8) {
    match label {
        0 | 1 => b.name(r, m, Form::Full),
        2 => b.name(r, m, Form::First),
        3 => {
            b.name(r, m, Form::First);
            let org = match m.p.affiliation {
                Affiliation::Partner(i) => b.w.partners[i].short.to_string(),
                _ => b.w.org.short.clone(),
            };
            b.t(&format!(" ({org})"));
        }
        _ => {
            // Same notation throughout the chat, as the export prints it.
            let s = m.p.phone.fmt(9);
            b.red(Category::Phone, None, &s);
        }
    }
}

/// A public policy memo or Kamerbrief: no personal data, only office holders by function.
fn beleidsnota_public(b: &mut B<'_>, r: &mut Rng) {
    let w = b.w;
    let mut taken = Vec::new();
    let officials = cast(w, r, (1, 2), public_m, &mut taken);
    let signer = w
        .public
        .iter()
        .position(|o| o.office == w.org.offices[0].0)
        .map(|i| M {
            p: &w.public[i].person,
            who: None,
            official: Some(&w.public[i]),
        })
        .expect("the organisation's first office holder");
    let date = b.now;
    let subject = *r.pick(SUBJECTS);
    let kamerbrief = r.chance(50);
    if kamerbrief {
        b.t("> Retouradres ");
        b.keep(KeepKind::OrgAddress, &w.org.postbus);
        b.t(" ");
        b.keep(
            KeepKind::OrgAddress,
            &format!("{} {}", w.org.postbus_code, w.org.city),
        );
        b.t("\n\nAan de Voorzitter van de ");
        b.keep(KeepKind::Org, "Tweede Kamer der Staten-Generaal");
        b.nl();
        b.keep(KeepKind::OrgAddress, "Postbus 20018");
        b.nl();
        b.keep(KeepKind::OrgAddress, "2500 EA  DEN HAAG");
        b.t("\n\n");
        letterhead(b, r, 0, true);
        b.t("\nDatum ");
        b.date(r, date);
        b.t("\nBetreft ");
        b.t(subject);
        b.t("\nOns kenmerk ");
        b.reference(r);
        b.t("\n\nGeachte voorzitter,\n\n");
    } else {
        b.keep(KeepKind::Org, &w.org.name);
        b.t("\n\nBeleidsnota: ");
        b.t(subject);
        b.t("\nVersie 1.");
        b.t(&r.range(0, 4).to_string());
        b.t(", ");
        b.date(r, date);
        b.t("\n\nSamenvatting\n");
        b.prose(r, 3, 3);
        b.t("\n\n");
    }
    let heads = [
        "Achtergrond",
        "Huidige situatie",
        "Juridisch kader",
        "Uitvoering en financiën",
        "Vervolg",
    ];
    let n_heads = r.range(3, 5) as usize;
    for (i, h) in heads.iter().take(n_heads).enumerate() {
        if kamerbrief {
            b.t(h);
            b.nl();
        } else {
            b.t(&format!("{}. {h}\n", i + 1));
        }
        for _ in 0..r.range(1, 2) {
            paragraph(b, r, &[], &officials);
        }
        b.nl();
    }
    if r.chance(50) {
        b.t("Vraag en antwoord\n");
        b.t("Vraag: Geldt de nieuwe regel ook voor lopende verzoeken?\nAntwoord: ");
        b.prose(r, 2, 2);
        b.t("\nVraag: Waar kunnen gemeenten terecht met vragen?\nAntwoord: Bij ");
        b.expand(r, "{mbox}", &[]);
        b.t(" of via ");
        b.expand(r, "{switch}", &[]);
        b.t(".\n\n");
    }
    if kamerbrief {
        b.t("De ");
        b.t(&signer.official.expect("office").office);
        b.t(",\n\n");
        b.name(r, signer, Form::Initials);
        b.t("\n\n");
    }
    b.t("Voetnoten\n");
    for i in 1..=r.range(2, 4) {
        b.t(&format!("{i} "));
        let s = *r.pick(&[
            "{kst}.",
            "{ecli}.",
            "{aanh}.",
            "Zie het rapport {report} ({year}).",
        ]);
        b.expand(r, s, &[]);
        b.nl();
    }
}

// ---------------------------------------------------------------------------------------------
// Corpora
// ---------------------------------------------------------------------------------------------

/// `n` documents with a realistic mix of kinds, named `00000_<kind>.txt`, ….
pub fn corpus(world: &World, rng: &mut Rng, n: usize) -> Vec<Doc> {
    (0..n)
        .map(|i| {
            let kind = DocKind::random(rng);
            let mut d = generate(world, rng, kind);
            d.name = format!("{i:05}_{}.txt", kind.as_str());
            d
        })
        .collect()
}

/// For benchmarks: a world with `staff` people and documents totalling at least `bytes` bytes.
pub fn corpus_of_size(seed: u64, staff: usize, bytes: usize) -> (World, Vec<Doc>) {
    let world = World::new(seed, staff);
    let mut rng = Rng::new(seed).fork();
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let kind = DocKind::random(&mut rng);
        let mut d = generate(&world, &mut rng, kind);
        d.name = format!("{:05}_{}.txt", docs.len(), kind.as_str());
        total += d.text.len();
        docs.push(d);
    }
    (world, docs)
}

/// Quote a CSV field when it needs it.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `staff.csv`: header `name,email,phone`. A few rows lack a phone, as real directories do.
pub fn staff_csv(world: &World) -> String {
    let mut out = String::from("name,email,phone\n");
    for (i, p) in world.staff.iter().enumerate() {
        // Each person's number in one fixed notation; documents use others.
        let phone = if i % 23 == 5 {
            String::new()
        } else {
            p.phone.fmt(i % PHONE_STYLES)
        };
        let _ = writeln!(
            out,
            "{},{},{}",
            csv_field(&p.full()),
            csv_field(&p.email),
            csv_field(&phone)
        );
    }
    out
}

/// `public.txt`: one office holder's name per line.
pub fn public_txt(world: &World) -> String {
    world
        .public
        .iter()
        .map(|o| format!("{}\n", o.person.full()))
        .collect()
}

/// `keep.txt`: the organisation's and partners' addresses, postcodes, functional mailboxes and
/// switchboard numbers, plus the Tweede Kamer's postal address used in Kamerbrieven.
pub fn keep_txt(world: &World) -> String {
    let o = &world.org;
    let mut lines = vec![
        o.street.clone(),
        format!("{} {}", o.postcode, o.city),
        o.postcode.clone(),
        o.postbus.clone(),
        format!("{} {}", o.postbus_code, o.city),
        o.postbus_code.clone(),
    ];
    lines.extend(o.mailboxes.iter().cloned());
    lines.extend(o.switchboard.iter().cloned());
    for p in &world.partners {
        lines.push(p.street.to_string());
        lines.push(format!("{} {}", p.postcode, p.city));
        lines.push(p.mailbox.to_string());
    }
    lines.push("Postbus 20018".into());
    lines.push("2500 EA Den Haag".into());
    let mut seen = HashSet::new();
    lines
        .into_iter()
        .filter(|l| seen.insert(l.clone()))
        .map(|l| l + "\n")
        .collect()
}

/// A JSON string literal (UTF-8 kept as is, like Python's `ensure_ascii=False`).
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One line of `gold.jsonl` (without the newline), in the format of
/// `../shared/eval/dev-text/gold.jsonl`: Python character offsets, not byte offsets.
pub fn gold_jsonl_line(doc: &Doc) -> String {
    let chars = |b: usize| doc.text[..b].chars().count();
    let redact: Vec<String> = doc
        .redact
        .iter()
        .map(|it| {
            let who = it
                .who
                .map(|w| format!(", \"who\": {}", json_str(w.as_str())))
                .unwrap_or_default();
            format!(
                "{{\"start\": {}, \"end\": {}, \"category\": {}, \"text\": {}{who}}}",
                chars(it.start),
                chars(it.end),
                json_str(it.category.as_str()),
                json_str(&it.text)
            )
        })
        .collect();
    let keep: Vec<String> = doc
        .keep
        .iter()
        .map(|k| {
            format!(
                "{{\"start\": {}, \"end\": {}, \"kind\": {}, \"text\": {}}}",
                chars(k.start),
                chars(k.end),
                json_str(k.kind.as_str()),
                json_str(&k.text)
            )
        })
        .collect();
    format!(
        "{{\"doc\": {}, \"redact\": [{}], \"keep\": [{}]}}",
        json_str(&doc.name),
        redact.join(", "),
        keep.join(", ")
    )
}

/// Writes a corpus in the layout of `../shared/eval/dev-text`: `docs/*.txt`, `gold.jsonl`,
/// `staff.csv`, `public.txt`, `keep.txt`.
pub fn write_corpus(dir: &Path, world: &World, docs: &[Doc]) -> io::Result<()> {
    fs::create_dir_all(dir.join("docs"))?;
    let mut gold = String::new();
    for d in docs {
        fs::write(dir.join("docs").join(&d.name), &d.text)?;
        gold.push_str(&gold_jsonl_line(d));
        gold.push('\n');
    }
    fs::write(dir.join("gold.jsonl"), gold)?;
    fs::write(dir.join("staff.csv"), staff_csv(world))?;
    fs::write(dir.join("public.txt"), public_txt(world))?;
    fs::write(dir.join("keep.txt"), keep_txt(world))?;
    Ok(())
}
