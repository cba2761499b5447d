//! Words that name recognition knows: the grammar's closed word classes (tussenvoegsels,
//! titles, forms of address, greetings, closings) and the built-in gazetteer (first names,
//! surnames, places, organisation words, function titles, office-holder titles and
//! capitalised words that are never names), compiled into the crate from `data/`.
//!
//! Everything is stored folded (lower case, no accents), see [`crate::fold`].

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::fold::fold;

/// Surname particles as they follow a first name or initials (`Jan van der Meulen`), longest
/// first. Particles that are also common words (`in`, `op`, `aan`) only count in the
/// combinations real surnames use.
pub const TUSSEN_PHRASES: &[&[&str]] = &[
    &["van", "de", "la"],
    &["van", "der"],
    &["van", "den"],
    &["van", "de"],
    &["van", "het"],
    &["van", "'t"],
    &["van", "ter"],
    &["van", "ten"],
    &["in", "'t"],
    &["in", "de"],
    &["in", "den"],
    &["in", "het"],
    &["op", "de"],
    &["op", "den"],
    &["op", "'t"],
    &["op", "ten"],
    &["op", "het"],
    &["uit", "de"],
    &["uit", "den"],
    &["uit", "het"],
    &["aan", "de"],
    &["aan", "den"],
    &["aan", "'t"],
    &["bij", "de"],
    &["onder", "de"],
    &["voor", "de"],
    &["voor", "den"],
    &["de", "la"],
    &["de", "le"],
    &["de", "los"],
    &["von", "und", "zu"],
    &["von", "der"],
    &["von", "dem"],
    &["van"],
    &["de"],
    &["der"],
    &["den"],
    &["het"],
    &["'t"],
    &["'s"],
    &["ter"],
    &["ten"],
    &["te"],
    &["la"],
    &["le"],
    &["du"],
    &["da"],
    &["di"],
    &["del"],
    &["della"],
    &["lo"],
    &["dos"],
    &["das"],
    &["do"],
    &["von"],
    &["zu"],
    &["vom"],
    &["el"],
    &["al"],
    &["ben"],
    &["bin"],
    &["ibn"],
    &["abu"],
    &["ould"],
    &["ait"],
];

/// First names that are also words of running Dutch text (`Roos`, `Storm`, `Anders`,
/// `Kader`), folded. The word list knows many more first names as words (`Bram`, `Kees`,
/// `Wouter`: from idioms and derived nouns), which in a text are names.
pub const FIRST_NAMES_AS_WORDS: &[&str] = &[
    "adel", "amber", "anders", "aster", "bas", "ben", "beren", "berk", "bob", "boet", "broer",
    "candy", "comfort", "constant", "dik", "els", "ester", "fee", "fleur", "frank", "gang",
    "henna", "horst", "iris", "jade", "job", "kader", "kam", "lama", "lei", "lente", "lies",
    "lieve", "linde", "lotus", "maas", "mare", "mark", "max", "mees", "mega", "merel", "min",
    "mine", "peer", "pier", "rand", "rein", "rijk", "roman", "roos", "saga", "storm", "sultan",
    "tiara", "ton", "toon", "vesper", "wil", "wolf", "hang", "dan", "kee", "alle", "mies", "ad",
    "ale", "arend", "berber", "diep", "dries", "elke", "ellen", "ernst", "ferry", "flip", "gul",
    "helen", "ion", "jack", "jet", "jihad", "kelvin", "leen", "lex", "liga", "lijntje", "lila",
    "luis", "lux", "mats", "maxime", "meng", "mindert", "mirre", "mirte", "mitra", "nadir", "nam",
    "pascal", "ping", "pip", "pui", "ren", "riek", "riet", "rietje", "rob", "rui", "rune", "sari",
    "serge", "siena", "taco", "tao", "tuba", "uwe", "wei", "wen", "wende", "wiet", "wijntje",
    "yang", "yen", "yuan", "zwaantje",
];

/// Adjectives that open eastern family names of two words (`Oude Luttikhuis`, `Klein
/// Brinke`, `Groot Wassink`), folded: never a first name.
pub const SURNAME_ADJECTIVES: &[&str] =
    &["oude", "olde", "klein", "kleine", "groot", "grote", "lutke"];

/// Academic and professional titles (`mr.`, `drs.`, …), folded, without the dot.
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "drs", "dr", "ir", "ing", "prof", "bc", "ds", "mgr", "kand", "lic",
    "dhr", "mw", "mevr", "mevrouw", "meneer", "mijnheer", "heer", "sir", "madam", "madame",
    "monsieur", "frau", "herr", "zuster", "broeder", "pastoor", "dominee", "rabbijn", "imam",
    "pater", "fam", "familie", "dokter", "juf", "meester", "dra", "sgt", "abog", "lic", "sra",
    "sr", "srta", "pastor", "kapelaan", "diaken", "rabbi", "pandit", "abba",
];

/// Words that open a greeting line, folded.
pub const GREETINGS: &[&str] = &[
    "hoi",
    "hallo",
    "hai",
    "hey",
    "hee",
    "hi",
    "hello",
    "beste",
    "dag",
    "geachte",
    "lieve",
    "goedemorgen",
    "goedemiddag",
    "goedenavond",
    "morgen",
    "dear",
    "ha",
    "moi",
    "hej",
    "hoihoi",
    "beste collega",
];

/// Closing lines before a signature, folded, without trailing punctuation.
pub const CLOSINGS: &[&str] = &[
    "met vriendelijke groet",
    "met vriendelijke groeten",
    "met vriendelijke groet en dank",
    "vriendelijke groet",
    "vriendelijke groeten",
    "vriendelijke groetjes",
    "met hartelijke groet",
    "met hartelijke groeten",
    "hartelijke groet",
    "hartelijke groeten",
    "met collegiale groet",
    "collegiale groet",
    "met groet",
    "met groeten",
    "groet",
    "groeten",
    "groetjes",
    "gr",
    "grt",
    "mvg",
    "m.v.g",
    "hgr",
    "dank en groet",
    "groet en dank",
    "met dank en groet",
    "met dank",
    "dank",
    "bedankt",
    "alvast bedankt",
    "alvast dank",
    "hoogachtend",
    "met de meeste hoogachting",
    "kind regards",
    "best regards",
    "warm regards",
    "regards",
    "best",
    "cheers",
    "thanks",
    "many thanks",
    "sincerely",
    "yours sincerely",
    "fijne dag",
    "fijn weekend",
    "tot ziens",
    "tot later",
];

/// Members of an elected body before a name (`het lid Kamminga`, `raadslid Bos`): public by
/// that office, never a civil servant's context.
pub const MEMBER_WORDS: &[&str] = &[
    "lid",
    "leden",
    "raadslid",
    "statenlid",
    "kamerlid",
    "commissielid",
];

/// Words a function title may be written as that also introduce a surname (`collega Jansen`).
pub const ROLE_WORDS: &[&str] = &[
    "collega",
    "collega's",
    "oud-collega",
    "cliënt",
    "client",
    "klant",
    "burger",
    "verzoeker",
    "verzoekster",
    "klager",
    "klaagster",
    "melder",
    "betrokkene",
    "aanvrager",
    "aanvraagster",
    "verdachte",
    "slachtoffer",
    "getuige",
    "patiënt",
    "patient",
    "bewoner",
    "huurder",
    "eigenaar",
    "broer",
    "zus",
    "zoon",
    "dochter",
    "moeder",
    "vader",
    "echtgenoot",
    "echtgenote",
    "partner",
    "buurman",
    "buurvrouw",
    "neef",
    "nicht",
    "oom",
    "tante",
    "opa",
    "oma",
    "kleinzoon",
    "kleindochter",
    "kleinkind",
    "zusje",
    "broertje",
    "zoontje",
    "dochtertje",
    "zwager",
    "schoonzus",
    "schoonzuster",
    "schoonbroer",
    "schoonzoon",
    "schoondochter",
    "schoonvader",
    "schoonmoeder",
    "stiefvader",
    "stiefmoeder",
    "stiefzoon",
    "stiefdochter",
    "grootvader",
    "grootmoeder",
    "weduwe",
    "weduwnaar",
    "vrouw",
    "man",
    // The people a case is about at work, at school and on the road (`een werknemer (A.D.,
    // uitzendkracht)`, `de promovendus (L.)`, `uitzendkracht Popescu`).
    "werknemer",
    "werkneemster",
    "uitzendkracht",
    "promovendus",
    "promovenda",
    "leerling",
    "passagier",
    "bezoeker",
    "deelnemer",
    "omwonende",
    "vreemdeling",
    "asielzoeker",
    "minderjarige",
    "pleegkind",
    "pleegouder",
    // The citizens a procedure names by their part in it (`Inspreker Timmermans`,
    // `bezwaarmaker Yılmaz`).
    "inspreker",
    "insprekers",
    "inspreekster",
    "bezwaarmaker",
    "bezwaarmakers",
    "indiener",
    "indieners",
    "indienster",
    "appellant",
    "appellante",
    "eiser",
    "eiseres",
];

/// Word classes, as bit flags: what a folded word can be. One lookup gives them all.
pub mod class {
    /// A given name in the gazetteer.
    pub const FIRST_NAME: u16 = 1;
    /// A surname key in the gazetteer.
    pub const SURNAME: u16 = 1 << 1;
    /// A place or country.
    pub const PLACE: u16 = 1 << 2;
    /// A word that signals an organisation.
    pub const ORG: u16 = 1 << 3;
    /// A one-word function title (`jurist`).
    pub const FUNCTION: u16 = 1 << 4;
    /// A capitalised word that is never a name.
    pub const NOT_NAME: u16 = 1 << 5;
    /// A surname particle (`van`, `de`, `'t`).
    pub const PARTICLE: u16 = 1 << 6;
    /// A title or form of address.
    pub const TITLE: u16 = 1 << 7;
    /// A role word that introduces a surname (`collega`).
    pub const ROLE: u16 = 1 << 8;
    /// The first word of a phrase that introduces a person (`afgestemd met`).
    pub const INTRODUCER: u16 = 1 << 9;
    /// A one-word office-holder title (`wethouder`, `minister`).
    pub const OFFICE: u16 = 1 << 10;
    /// A common Dutch word (OpenTaal's list, lower-case entries): `Roos`, `Bakker` and `Dam`
    /// are words as well as names, `Meijerink` is not.
    pub const WORD: u16 = 1 << 11;
    /// The classes of a word that names something else than a person: a place, an
    /// organisation, a function, office, title or role, or a word that is never a name.
    pub const NOT_A_PERSON: u16 = PLACE | ORG | FUNCTION | NOT_NAME | TITLE | ROLE | OFFICE;
}

/// Common Dutch words, folded (see `examples/build_word_list.rs`; OpenTaal, BSD licence).
static DUTCH_WORDS: LazyLock<fst::Set<&'static [u8]>> = LazyLock::new(|| {
    fst::Set::new(include_bytes!("data/dutch_words.fst").as_slice())
        .expect("the compiled word list is a valid set")
});

/// Whether a folded word is a common Dutch word.
pub fn is_dutch_word(folded: &str) -> bool {
    LOOKED_UP.with_borrow_mut(|seen| {
        if let Some(&known) = seen.get(folded) {
            return known;
        }
        let known = DUTCH_WORDS.contains(folded);
        if seen.len() >= LOOKED_UP_MAX {
            seen.clear();
        }
        seen.insert(folded.into(), known);
        known
    })
}

thread_local! {
    /// The words this thread looked up in the word list, with the answer: the capitalised
    /// words looked up (names, places, a sentence's first word) recur in and across the
    /// documents of a batch, and a lookup in the automaton costs some thousand instructions.
    static LOOKED_UP: RefCell<HashMap<Box<str>, bool, FastHash>> = RefCell::default();
}

/// At most this many remembered words per thread (a few hundred KiB).
const LOOKED_UP_MAX: usize = 1 << 13;

/// Whether a folded word names a function: a listed function or role, or a compound that
/// ends in one of the common heads (`hydroloog`, `verkeerskundige`, `crisiscoördinator`).
pub fn is_function_word(folded: &str) -> bool {
    const HEADS: &[&str] = &[
        "loog",
        "kundige",
        "adviseur",
        "medewerker",
        "manager",
        "coördinator",
        "coordinator",
        "specialist",
        "directeur",
        "leider",
        "voorzitter",
        "secretaris",
        "inspecteur",
        "woordvoerder",
        "jurist",
        "ambtenaar",
        "functionaris",
        "consulent",
        "analist",
        "planner",
        "ingenieur",
        "officier",
        "regisseur",
        "behandelaar",
    ];
    GAZETTEER.is(folded, class::FUNCTION | class::ROLE)
        || HEADS
            .iter()
            .any(|h| folded.len() >= h.len() + 3 && folded.ends_with(h))
}

/// Whether a folded word is a street's name by its ending (`doormanpad`, `frankplein`): after
/// a first name, the street named after the person (`Karel Doormanpad`), not the person.
pub fn is_street_name(folded: &str) -> bool {
    const STREET_ENDINGS: &[&str] = &[
        "straat",
        "laan",
        "plein",
        "pad",
        "gracht",
        "kade",
        "dreef",
        "singel",
        "steeg",
        "plantsoen",
    ];
    STREET_ENDINGS
        .iter()
        .any(|e| folded.len() >= e.len() + 3 && folded.ends_with(e))
}

/// Whether a folded word is a compound of common words (`registratienummer`,
/// `portefeuillehouder`, `raadsvergadering`), which the word list, holding no long words,
/// does not know whole: two words of three letters or more, with a linking `s` or `e`
/// between them allowed.
pub fn is_compound_word(folded: &str) -> bool {
    let chars = folded.chars().count();
    if chars < 7 {
        return false;
    }
    let words = word_prefixes(folded);
    // A head with a linking `s`, `e` or `en` (`gemeentesecretaris`, `stadsdeel`).
    let head_word = |b: usize| {
        words[b]
            || ["s", "e", "en"].iter().any(|link| {
                folded[..b].ends_with(link) && b - link.len() >= 3 && words[b - link.len()]
            })
    };
    // The head is checked first: one walk found all of them, a tail costs a lookup or more.
    folded.char_indices().skip(3).take(chars - 6).any(|(b, _)| {
        let tail = &folded[b..];
        head_word(b) && (DUTCH_WORDS.contains(tail) || is_compound_tail(tail))
    })
}

/// Which prefixes of `folded` are common Dutch words: entry `n` for its first `n` bytes. One
/// walk down the word list's automaton instead of a lookup per prefix.
fn word_prefixes(folded: &str) -> Vec<bool> {
    let fst = DUTCH_WORDS.as_fst();
    let mut words = vec![false; folded.len() + 1];
    let mut node = fst.root();
    words[0] = node.is_final();
    for (n, &b) in folded.as_bytes().iter().enumerate() {
        let Some(i) = node.find_input(b) else { break };
        node = fst.node(node.transition_addr(i));
        words[n + 1] = node.is_final();
    }
    words
}

/// A long tail is itself a compound (`…beleidsmedewerker`): one more split, no deeper.
fn is_compound_tail(tail: &str) -> bool {
    let chars = tail.chars().count();
    if chars < 7 {
        return false;
    }
    let words = word_prefixes(tail);
    tail.char_indices().skip(3).take(chars - 6).any(|(b, _)| {
        (words[b] || (tail[..b].ends_with('s') && words[b - 1])) && DUTCH_WORDS.contains(&tail[b..])
    })
}

/// The built-in gazetteer and the grammar's word lists, loaded once.
pub struct Gazetteer {
    /// Folded word → its classes.
    words: HashMap<String, u16, FastHash>,
    /// The grammar's own words (particles, titles, role words, introducers) → their classes:
    /// all that matters about a word written in lower case.
    grammar_words: HashMap<String, u16, FastHash>,
    /// Function titles, single and multi-word, folded.
    pub function_titles: HashSet<String, FastHash>,
    /// Office-holder titles (multi-word allowed), folded, longest first.
    pub office_titles: Vec<String>,
    longest_grammar_word: usize,
}

impl Gazetteer {
    /// The classes of a folded word (0 when it is in no list).
    pub fn classes(&self, folded: &str) -> u16 {
        self.words.get(folded).copied().unwrap_or(0)
    }

    /// The grammar classes of a word written in lower case (most words of a text).
    pub fn lower_case_classes(&self, folded: &str) -> u16 {
        if folded.len() > self.longest_grammar_word {
            return 0;
        }
        self.grammar_words.get(folded).copied().unwrap_or(0)
    }

    /// Whether a folded word has any of `classes`.
    pub fn is(&self, folded: &str, classes: u16) -> bool {
        self.classes(folded) & classes != 0
    }
}

/// A fast hash for short keys (the FxHash mixing step), since every word token is looked up.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, little-endian; the last chunk padded with zeros.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (i, &b)| w | u64::from(b) << (8 * i));
            self.mix(word);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        // What `write(&[byte])` gives, as `str`'s hash ends with one.
        self.mix(u64::from(byte));
    }
}

impl FastHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Builds [`FastHasher`]s.
pub type FastHash = std::hash::BuildHasherDefault<FastHasher>;

fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The places of the gazetteer written in more than one word (`Bergen op Zoom`).
pub(crate) fn multi_word_places() -> impl Iterator<Item = &'static str> {
    entries(include_str!("data/places.txt")).filter(|p| p.contains(' '))
}

/// The gazetteer compiled into the crate.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut words: HashMap<String, u16, FastHash> = HashMap::default();
    let mut add = |word: String, c: u16| *words.entry(word).or_default() |= c;
    for name in entries(include_str!("data/first_names.txt")) {
        add(fold(name), class::FIRST_NAME);
    }
    for surname in entries(include_str!("data/surnames.txt")) {
        let key = surname_key_of(surname);
        if !key.is_empty() {
            add(key, class::SURNAME);
        }
    }
    for (data, c) in [
        (include_str!("data/places.txt"), class::PLACE),
        (include_str!("data/org_words.txt"), class::ORG),
        (include_str!("data/not_names.txt"), class::NOT_NAME),
    ] {
        for w in entries(data) {
            add(fold(w), c);
        }
    }
    let function_titles: HashSet<String, FastHash> =
        entries(include_str!("data/function_titles.txt"))
            .map(fold)
            .collect();
    for t in function_titles.iter().filter(|t| !t.contains(' ')) {
        add(t.clone(), class::FUNCTION);
    }
    for phrase in TUSSEN_PHRASES {
        for w in *phrase {
            add(w.to_string(), class::PARTICLE);
        }
    }
    for (list, c) in [(TITLES, class::TITLE), (ROLE_WORDS, class::ROLE)] {
        for w in list {
            add(fold(w), c);
        }
    }
    for phrase in super::context::INTRODUCERS {
        add(phrase[0].to_string(), class::INTRODUCER);
    }
    let grammar =
        class::PARTICLE | class::TITLE | class::ROLE | class::INTRODUCER | class::FUNCTION;
    let grammar_words: HashMap<String, u16, FastHash> = words
        .iter()
        .filter(|(_, c)| *c & grammar != 0)
        .map(|(w, c)| (w.clone(), c & grammar))
        .collect();
    let longest_grammar_word = grammar_words.keys().map(String::len).max().unwrap_or(0);
    for t in entries(include_str!("data/office_holder_titles.txt"))
        .map(fold)
        .filter(|t| !t.contains(' '))
    {
        *words.entry(t).or_default() |= class::OFFICE;
    }
    let mut office_titles: Vec<String> = entries(include_str!("data/office_holder_titles.txt"))
        .map(fold)
        .collect();
    // Longest first, so `minister voor Rechtsbescherming` wins over `minister`.
    office_titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    Gazetteer {
        words,
        grammar_words,
        function_titles,
        office_titles,
        longest_grammar_word,
    }
});

/// Call names (roepnamen) with the initials of the baptismal names they stand for, folded:
/// the initials a register or a signature gives are those of the official names, so `J.M.
/// Winter` may be the Hans Winter of a list (Johannes), and `A. Hermkens` Ton (Antonius).
/// Only initials other than the call name's own first letter are listed.
const CALL_NAMES: &[(&str, &str)] = &[
    ("hans", "j"),
    ("joop", "j"),
    ("sjaak", "j"),
    ("koos", "j"),
    ("kobus", "j"),
    ("sjef", "j"),
    ("co", "j"),
    ("kees", "c"),
    ("ton", "a"),
    ("toon", "a"),
    ("teun", "a"),
    ("twan", "a"),
    ("tonny", "a"),
    ("tonnie", "a"),
    ("guus", "a"),
    ("bert", "alheg"),
    ("bertus", "alhg"),
    ("rien", "m"),
    ("rinus", "m"),
    ("bas", "s"),
    ("truus", "g"),
    ("trudy", "g"),
    ("riet", "m"),
    ("ria", "m"),
    ("rian", "m"),
    ("annie", "j"),
    ("ans", "j"),
    ("hanneke", "j"),
    ("hannie", "j"),
    ("jet", "h"),
    ("jetty", "h"),
    ("liesbeth", "e"),
    ("lies", "e"),
    ("bep", "e"),
    ("betty", "e"),
    ("bets", "e"),
    ("nel", "pc"),
    ("nelleke", "pc"),
    ("nelly", "pc"),
    ("lenie", "hm"),
    ("leny", "hm"),
    ("dirk", "t"),
    ("dick", "t"),
    ("fred", "aw"),
    ("klaas", "n"),
    ("lex", "a"),
    ("sander", "a"),
    ("xander", "a"),
    ("sandra", "a"),
    ("bram", "a"),
    ("thijs", "m"),
    ("tijs", "m"),
    ("ties", "m"),
    ("bob", "r"),
    ("dolf", "ar"),
    ("nol", "a"),
    ("noud", "a"),
    ("pim", "w"),
    ("sjors", "g"),
    ("toos", "c"),
    ("tiny", "cm"),
    ("tineke", "cm"),
    ("kitty", "c"),
    ("mina", "w"),
    ("wiel", "g"),
    ("sjra", "g"),
];

/// Whether initial `initial` (folded) may be that of the official first name of someone
/// called `given` (folded): its own first letter, or a baptismal name's ([`CALL_NAMES`]).
pub fn initial_of_given(given: &str, initial: char) -> bool {
    given.starts_with(initial)
        || CALL_NAMES
            .iter()
            .any(|&(call, initials)| call == given && initials.contains(initial))
}

/// Political parties, folded, as a council member's name is followed by theirs: `(CDA)`.
const PARTIES: &[&str] = &[
    "cda",
    "vvd",
    "pvda",
    "d66",
    "groenlinks",
    "gl",
    "groenlinks-pvda",
    "gl-pvda",
    "gl/pvda",
    "sp",
    "cu",
    "christenunie",
    "sgp",
    "cu-sgp",
    "pvv",
    "bbb",
    "ja21",
    "fvd",
    "denk",
    "pvdd",
    "volt",
    "nsc",
    "50plus",
    "bij1",
    "bvnl",
    "partij voor de dieren",
    "forum voor democratie",
    // Parties in the provinces' states (`FNP` in Fryslân, `Lokaal Limburg`).
    "fnp",
    "fryske nasjonale partij",
    "lokaal limburg",
    "lokaal brabant",
    "code oranje",
    // Water boards: the lists elected to the general assembly, and the reserved seats
    // (geborgde zetels) whose holders sit there by appointment.
    "water natuurlijk",
    "awp",
    "algemene waterschapspartij",
    "ongebouwd",
    "natuurterreinen",
    "bedrijven",
];

/// Words that open the names of local parties (`Gemeentebelangen Westervecht`).
const LOCAL_PARTY_WORDS: &[&str] = &[
    "gemeentebelangen",
    "lokaal",
    "leefbaar",
    "dorpsbelangen",
    "stadsbelangen",
    "progressief",
    "onafhankelijk",
    "lijst",
    "gemeentebelang",
    "burgerbelangen",
    "stadspartij",
];

/// Whether the text in brackets after a name is a political party (`CDA`, `GroenLinks-PvdA`,
/// `Gemeentebelangen Westervecht`), or names one after a seat (`voorzitter, studentfractie
/// DAS`).
pub fn is_party(text: &str) -> bool {
    // A party's name is short, with a role after it at most: a line of prose is none.
    if text.len() > MAX_PARTY_CELL {
        return false;
    }
    // `(BBB, burgerlid)`: the party first.
    let mut parts = text.split(',');
    is_party_name(parts.next().unwrap_or("")) || parts.any(|part| group_named(part).is_some())
}

/// The longest text [`is_party`] reads: the longest party names and a role after one
/// (`(Staatkundig Gereformeerde Partij, burgerlid)`) stay well under it.
const MAX_PARTY_CELL: usize = 64;

/// Whether `text` opens with a party's name, its capitalised words up to the end of the
/// clause (`CDA, die zeiden`, `Lokaal Lingehoven en`): a national party, a combination or
/// branch of one, or a local party opening with its telling word (`Leefbaar`, `Lokaal`). Not
/// the shapes of other local parties' names, which organisations share (`Samen Veilig
/// Midden-Nederland`).
pub fn opens_with_a_party(text: &str) -> bool {
    // The words that open a party's name, folded: most texts are turned away by one lookup.
    static OPENING_WORDS: LazyLock<HashSet<&'static str, FastHash>> = LazyLock::new(|| {
        PARTIES
            .iter()
            .filter_map(|p| p.split([' ', '-', '/']).next())
            .chain(LOCAL_PARTY_WORDS.iter().copied())
            .collect()
    });
    let clause = &text[..text
        .find([',', '.', ';', ':', '(', ')', '\n'])
        .unwrap_or(text.len())];
    let mut capitalised = clause
        .split(' ')
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let Some(first) = capitalised.next().map(fold) else {
        return false;
    };
    if !OPENING_WORDS.contains(first.split(['-', '/']).next().unwrap_or("")) {
        return false;
    }
    let words: Vec<String> = std::iter::once(first)
        .chain(capitalised.map(fold))
        .collect();
    let first = &words[0];
    PARTIES.contains(&words.join(" ").as_str())
        || first
            .split(['-', '/'])
            .next()
            .is_some_and(|p| PARTIES.contains(&p))
        || (words.len() > 1 && LOCAL_PARTY_WORDS.contains(&first.as_str()))
}

/// The name after a word for a group in an elected body (`studentfractie DAS`,
/// `Personeelsfractie PUON`, `fractie Lokaal Belang`): one to three capitalised words.
pub fn group_named(text: &str) -> Option<&str> {
    let (group, name) = text.trim().split_once(' ')?;
    let name = name.trim();
    let words = name.split_whitespace().count();
    // The cheap tests first: most texts asked are a line of prose.
    ((1..=3).contains(&words)
        && name
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && fold(group).ends_with("fractie"))
    .then_some(name)
}

fn is_party_name(text: &str) -> bool {
    // Asked of nearly every short line: a set, not the list, answers whether a word is a party.
    static PARTY_SET: LazyLock<HashSet<&'static str, FastHash>> =
        LazyLock::new(|| PARTIES.iter().copied().collect());
    if group_named(text).is_some() {
        return true;
    }
    // `(fractie GroenLinks)`, `de BBB-fractie`: the party named.
    let folded = fold(text.trim());
    let f = folded.strip_prefix("fractie ").unwrap_or(&folded);
    let f = f
        .strip_suffix("-fractie")
        .or_else(|| f.strip_suffix(" fractie"))
        .unwrap_or(f);
    if PARTY_SET.contains(f)
        || f.split_whitespace()
            .next()
            .is_some_and(|w| LOCAL_PARTY_WORDS.contains(&w))
    {
        return true;
    }
    // Other parties' names are a few capitalised words (`Swalmdal Vooruit`, `PvdA-GroenLinks`,
    // `GroenLinks Ochtenbroek`), not a phrase (`Denk eraan`, `samen met haar`).
    let written = text.split_whitespace();
    if !(1..=4).contains(&written.clone().count())
        || !written
            .clone()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    {
        return false;
    }
    let words = f.split_whitespace();
    let several = words.clone().nth(1).is_some();
    // A combination of national parties, or a national party's local branch; or a local
    // party's name.
    f.split([' ', '-', '/'])
        .find(|p| !p.is_empty())
        .is_some_and(|p| PARTY_SET.contains(p))
        || (several && words.clone().next().is_some_and(|w| LOCAL_PARTY_OPENINGS.contains(&w)))
        || words.clone().next_back().is_some_and(|w| {
            // `Helmond Sterk` is a party, `Yvonne Sterk` a person.
            let after_a_first_name = || {
                words.clone().next().is_some_and(|first| {
                    GAZETTEER.is(first, class::FIRST_NAME) && !GAZETTEER.is(first, class::PLACE)
                })
            };
            // An ending alone is a word (`Nu:`, `Anders`), no party.
            several && LOCAL_PARTY_ENDINGS.contains(&w) && !after_a_first_name()
                || (w.ends_with("partij") && several)
        })
        // `Internationale Studentenlijst ISL`, `Lijst Jansen`.
        || (several && words.clone().any(|w| w.ends_with("lijst")))
}

/// Words that open the names of local parties when written with capitals (`Samen Swalmdal`,
/// `Nieuw Oost`, `Sterk Lingewaard`).
const LOCAL_PARTY_OPENINGS: &[&str] = &[
    "samen",
    "nieuw",
    "sterk",
    "trots",
    "partij",
    "dorpspartij",
    "stadspartij",
    "echt",
];

/// Words that close the names of local parties (`Swalmdal Vooruit`, `Helmond Sterk`, `Oost
/// Verenigd`).
const LOCAL_PARTY_ENDINGS: &[&str] = &[
    "vooruit", "sterk", "lokaal", "belang", "belangen", "anders", "centraal", "verenigd", "actief",
    "samen", "nu",
];

/// Whether a folded word is a surname particle (alone or in a combination such as `in 't`).
pub fn is_particle(folded: &str) -> bool {
    PARTICLES.contains(folded)
        || matches!(
            folded,
            "v" | "v." | "vd" | "vd." | "vdr" | "v.d." | "v/d" | "v.d"
        )
}

/// Every word of [`TUSSEN_PHRASES`], for [`is_particle`].
static PARTICLES: LazyLock<HashSet<&'static str, FastHash>> = LazyLock::new(|| {
    TUSSEN_PHRASES
        .iter()
        .flat_map(|p| p.iter().copied())
        .collect()
});

/// The particle phrases starting with each particle, longest first.
pub static PARTICLE_PHRASES: LazyLock<
    HashMap<&'static str, Vec<&'static [&'static str]>, FastHash>,
> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<&'static [&'static str]>, FastHash> = HashMap::default();
    for phrase in TUSSEN_PHRASES {
        map.entry(phrase[0]).or_default().push(phrase);
    }
    for list in map.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    map
});

/// The key of a written surname: its words without particles, folded, space-separated.
/// `de Vries` → `vries`; `Goyaerts van Waderle` → `goyaerts waderle`; `El Idrissi` →
/// `idrissi`.
pub fn surname_key_of(surname: &str) -> String {
    let words: Vec<String> = surname
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    let kept: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !is_particle(w))
        .collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_hash_mixes_zero_padded_chunks_of_eight_bytes() {
        use std::hash::{BuildHasher, Hasher};
        let reference = |parts: &[&[u8]]| {
            let mut h = 0u64;
            for bytes in parts {
                for chunk in bytes.chunks(8) {
                    let mut word = [0u8; 8];
                    word[..chunk.len()].copy_from_slice(chunk);
                    h = (h.rotate_left(5) ^ u64::from_le_bytes(word))
                        .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
                }
            }
            h
        };
        for word in ["", "a", "jansen", "abcdefgh", "van der berg-ëlsinga", "ß"] {
            let mut h = FastHasher::default();
            h.write(word.as_bytes());
            assert_eq!(h.finish(), reference(&[word.as_bytes()]), "{word:?}");
            // A `str` key writes its bytes and then 0xff.
            assert_eq!(
                FastHash::default().hash_one(word),
                reference(&[word.as_bytes(), &[0xff]]),
                "{word:?}"
            );
        }
    }

    #[test]
    fn compounds_of_words_are_words() {
        for w in [
            "registratienummer",
            "portefeuillehouder",
            "raadsvergadering",
            "identiteitsbewijs",
        ] {
            assert!(is_compound_word(w), "{w}");
        }
        for w in ["kloosterman", "meijerink", "hiemstra", "wiegersma"] {
            assert!(!is_compound_word(w), "{w}");
        }
    }

    #[test]
    fn surname_keys_drop_particles_in_any_case() {
        assert_eq!(surname_key_of("de Vries"), "vries");
        assert_eq!(surname_key_of("Van der Meulen"), "meulen");
        assert_eq!(surname_key_of("Goyaerts van Waderle"), "goyaerts waderle");
        assert_eq!(surname_key_of("El Idrissi"), "idrissi");
        assert_eq!(surname_key_of("in 't Veld"), "veld");
        assert_eq!(surname_key_of("Jansen-van der Berg"), "jansen berg");
        assert_eq!(surname_key_of("Doğan"), "dogan");
    }
}
