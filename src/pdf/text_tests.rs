//! The page text model on glyphs built in code: each test draws a layout the way awkward
//! producers do and checks the text the detectors read, and that every byte still maps back
//! to the glyph that drew it.

use super::*;
use crate::pdf::geom::Rect;
use crate::pdf::interpret::GlyphLoc;

/// The em of every glyph drawn here.
const SIZE: f64 = 10.0;

/// A letter's advance, and a space's.
fn advance(ch: char) -> f64 {
    if ch == ' ' { 3.0 } else { 6.0 }
}

/// A page drawn glyph by glyph, in a frame turned to `dir` (rotated text).
struct Page {
    texts: String,
    glyphs: Vec<Glyph>,
    ops: u32,
    dir: Point,
}

impl Default for Page {
    fn default() -> Page {
        Page::turned(Point::new(1.0, 0.0))
    }
}

impl Page {
    fn turned(dir: Point) -> Page {
        Page {
            texts: String::new(),
            glyphs: Vec::new(),
            ops: 0,
            dir,
        }
    }

    /// Starts a new text-showing operation.
    fn op(&mut self) {
        self.ops += 1;
    }

    /// One glyph at `(x, y)` of the frame, in the current operation.
    fn glyph(&mut self, ch: char, x: f64, y: f64) {
        let start = self.texts.len() as u32;
        self.texts.push(ch);
        let u = self.dir;
        let origin = Point::new(x * u.x - y * u.y, x * u.y + y * u.x);
        self.glyphs.push(Glyph {
            loc: GlyphLoc {
                ctx: 0,
                op: self.ops,
                elem: 0,
                start: 0,
                len: 1,
            },
            text: start..self.texts.len() as u32,
            bbox: Rect {
                x0: origin.x - SIZE,
                y0: origin.y - SIZE,
                x1: origin.x + SIZE,
                y1: origin.y + SIZE,
            },
            origin,
            dir: u,
            size: SIZE,
            advance: advance(ch),
            adjust: 0.0,
        });
    }

    /// One operation showing `s` from `(x, y)` with `extra` after every glyph (`Tc`);
    /// returns where it ends.
    fn show_spaced(&mut self, s: &str, mut x: f64, y: f64, extra: f64) -> f64 {
        self.op();
        for ch in s.chars() {
            self.glyph(ch, x, y);
            x += advance(ch) + extra;
        }
        x
    }

    fn show(&mut self, s: &str, x: f64, y: f64) -> f64 {
        self.show_spaced(s, x, y, 0.0)
    }

    /// The letters of `s` set from `(x, y)`, each drawn by its own operation in `order`
    /// (positions in `s`); spaces are not drawn.
    fn scattered(&mut self, s: &str, x: f64, y: f64, order: &[usize]) {
        let chars: Vec<char> = s.chars().collect();
        let mut at = vec![x; chars.len()];
        for k in 1..chars.len() {
            at[k] = at[k - 1] + advance(chars[k - 1]);
        }
        for &k in order {
            if chars[k] != ' ' {
                self.op();
                self.glyph(chars[k], at[k], y);
            }
        }
    }

    fn build(&self) -> PageText {
        let page = build(&self.glyphs, &self.texts);
        self.check_map(&page);
        page
    }

    fn text(&self) -> String {
        self.build().text
    }

    /// The glyph that drew the first byte of `needle` in the page text.
    fn glyph_at(&self, page: &PageText, needle: &str) -> u32 {
        let at = page.text.find(needle).expect("the text holds the needle");
        page.byte_glyph[at]
    }

    /// Every byte maps to the glyph that drew it (inserted bytes are white space), every
    /// visible glyph not duplicating another is read exactly once, and duplicates share the
    /// line of the glyph they copy.
    fn check_map(&self, page: &PageText) {
        assert_eq!(page.byte_glyph.len(), page.text.len());
        assert_eq!(page.line.len(), self.glyphs.len());
        assert_eq!(page.duplicate_of.len(), self.glyphs.len());
        let text_of = |g: usize| {
            let r = &self.glyphs[g].text;
            &self.texts[r.start as usize..r.end as usize]
        };
        let mut read = vec![0; self.glyphs.len()];
        let mut i = 0;
        while i < page.text.len() {
            let g = page.byte_glyph[i];
            let mut j = i + 1;
            while j < page.text.len() && page.byte_glyph[j] == g {
                j += 1;
            }
            let bytes = &page.text[i..j];
            if g == NO_GLYPH {
                assert!(bytes.chars().all(char::is_whitespace), "{bytes:?}");
            } else {
                let mut want = PageText::default();
                push(&mut want, text_of(g as usize), g);
                assert_eq!(bytes, want.text);
                read[g as usize] += 1;
            }
            i = j;
        }
        for (g, &n) in read.iter().enumerate() {
            let dup = page.duplicate_of[g];
            if dup != NO_GLYPH {
                assert_eq!(n, 0);
                assert_eq!(page.line[g], page.line[dup as usize]);
            } else if !text_of(g).trim().is_empty() {
                assert_eq!(n, 1, "glyph {g} read {n} times");
            }
        }
    }
}

#[test]
fn lines_words_and_the_byte_map() {
    let mut p = Page::default();
    p.show("Van:", 0.0, 700.0);
    // A word gap without a space glyph.
    p.show("Jan", 30.0, 700.0);
    p.show("Aan:", 0.0, 680.0);
    let page = p.build();
    assert_eq!(page.text, "Van: Jan\nAan:");
    assert_eq!(page.byte_glyph[5], 4);
    assert_eq!(page.byte_glyph[4], NO_GLYPH);
    assert_eq!(page.line[6], 0);
    assert_eq!(page.line[7], 1);
}

#[test]
fn a_value_drawn_after_the_labels_rejoins_its_line() {
    let mut p = Page::default();
    p.show("Van:", 0.0, 700.0);
    p.show("Aan:", 0.0, 687.0);
    p.show("Jan", 30.0, 700.0);
    p.show("Piet", 30.0, 687.0);
    assert_eq!(p.text(), "Van: Jan\nAan: Piet");
}

#[test]
fn glyphs_drawn_backwards_or_shuffled_read_in_order() {
    let name = "Pieter Lindeboom";
    let n = name.len();
    let backwards: Vec<usize> = (0..n).rev().collect();
    // A fixed shuffle: every 7th position, wrapping.
    let shuffled: Vec<usize> = (0..n).map(|k| k * 7 % n).collect();
    for order in [backwards, shuffled] {
        let mut p = Page::default();
        p.show("Aanwezig:", 0.0, 700.0);
        p.scattered(name, 60.0, 700.0, &order);
        assert_eq!(p.text(), "Aanwezig: Pieter Lindeboom");
    }
}

#[test]
fn the_second_half_of_a_line_drawn_first() {
    let mut p = Page::default();
    let end = p.show("Het MT neemt kennis van de memo van Bart ", 0.0, 700.0);
    let mut q = Page::default();
    q.show("Schouten over het datalek.", end, 700.0);
    q.show("Het MT neemt kennis van de memo van Bart ", 0.0, 700.0);
    assert_eq!(
        q.text(),
        "Het MT neemt kennis van de memo van Bart Schouten over het datalek."
    );
}

#[test]
fn a_name_drawn_surname_first() {
    let mut p = Page::default();
    let x = p.show("Aanwezig: ", 0.0, 700.0);
    // `Oosterhuis` placed after `Thijs ` but drawn first, by Td from the line start.
    p.show("Oosterhuis", x + 6.0 * 5.0 + 3.0, 700.0);
    p.show("Thijs ", x, 700.0);
    assert_eq!(p.text(), "Aanwezig: Thijs Oosterhuis");
}

#[test]
fn overprinted_text_is_a_duplicate() {
    let mut p = Page::default();
    p.show("Jan", 0.0, 700.0);
    // Fake bold, drawn again shifted a little.
    p.show("Jan", 0.5, 700.0);
    let page = p.build();
    assert_eq!(page.text, "Jan");
    assert_eq!(page.duplicate_of[3..], [0, 1, 2]);
}

#[test]
fn ligature_characters_become_letters_of_one_glyph() {
    let mut p = Page::default();
    p.show("\u{FB01}n", 0.0, 700.0);
    let page = p.build();
    assert_eq!(page.text, "fin");
    assert_eq!(page.byte_glyph, vec![0, 0, 1]);
}

#[test]
fn multi_byte_text_maps_every_byte() {
    let mut p = Page::default();
    p.show("é", 0.0, 700.0);
    assert_eq!(p.build().byte_glyph, vec![0, 0]);
}

/// A contact table drawn row by row, line by line across the cells, as generators do:
/// the e-mail addresses and phone numbers wrap inside their cells.
fn contact_table(p: &mut Page) {
    let rows = [
        [
            "J.W. van der Meer",
            "j.w.vandermeer@",
            "minbzk.nl",
            "06-4839",
            "2071",
        ],
        [
            "P. Lindeboom",
            "p.lindeboom@",
            "minbzk.nl",
            "06-5173",
            "0498",
        ],
    ];
    p.show("Naam", 0.0, 700.0);
    p.show("E-mail", 150.0, 700.0);
    p.show("Telefoon", 300.0, 700.0);
    let mut y = 670.0;
    for [name, mail, domain, phone, rest] in rows {
        p.show(name, 0.0, y);
        p.show(mail, 150.0, y);
        p.show(phone, 300.0, y);
        p.show(domain, 150.0, y - 12.0);
        p.show(rest, 300.0, y - 12.0);
        y -= 40.0;
    }
}

const CONTACT_TABLE: &str = "Naam E-mail Telefoon\n\n\
    J.W. van der Meer j.w.vandermeer@\nminbzk.nl\n06-4839\n2071\n\n\
    P. Lindeboom p.lindeboom@\nminbzk.nl\n06-5173\n0498";

#[test]
fn a_cell_wrapped_in_a_table_row_reads_whole() {
    let mut p = Page::default();
    contact_table(&mut p);
    let page = p.build();
    assert_eq!(page.text, CONTACT_TABLE);
    // Each line of a cell is a line of the page: a removal gets a box per line.
    let (a, b) = (p.glyph_at(&page, "06-4839"), p.glyph_at(&page, "2071"));
    assert_ne!(page.line[a as usize], page.line[b as usize]);
}

#[test]
fn a_landscape_table_on_a_portrait_page_reads_as_upright() {
    // Rotated 90° anticlockwise: the text runs up the page.
    let mut p = Page::turned(Point::new(0.0, 1.0));
    contact_table(&mut p);
    assert_eq!(p.text(), CONTACT_TABLE);
}

#[test]
fn margin_text_in_another_direction_follows_the_page() {
    let mut p = Page::default();
    let mut margin = Page::turned(Point::new(0.0, 1.0));
    margin.show("Geëxporteerd door Karin Bos", 100.0, -20.0);
    p.texts = margin.texts;
    p.glyphs = margin.glyphs;
    p.ops = margin.ops;
    p.show("Geachte heer Van der Meer,", 50.0, 700.0);
    p.show("Dank voor uw brief.", 50.0, 687.0);
    assert_eq!(
        p.text(),
        "Geachte heer Van der Meer,\nDank voor uw brief.\n\nGeëxporteerd door Karin Bos"
    );
}

const LEFT: [&str; 4] = [
    "De vergadering begint om tien",
    "uur met een korte ronde langs",
    "alle aanwezigen. Daarna licht",
    "Rik het voorstel kort toe aan",
];
const RIGHT: [&str; 4] = [
    "de commissie. Esther vraagt of",
    "kentekens ook weg moeten. Dat",
    "is afgesproken voor alle stukken",
    "in het dossier van de aanvraag.",
];

#[test]
fn two_columns_drawn_line_by_line_read_column_after_column() {
    let mut p = Page::default();
    for (k, (l, r)) in LEFT.iter().zip(RIGHT).enumerate() {
        let y = 700.0 - 13.0 * k as f64;
        p.show(l, 0.0, y);
        p.show(r, 200.0, y);
    }
    assert_eq!(p.text(), [LEFT.join("\n"), RIGHT.join("\n")].join("\n"));
}

#[test]
fn a_sidebar_beside_running_text_reads_after_it() {
    let mut p = Page::default();
    let side = ["Contactpersoon", "Sanne Kuipers", "T 06-41827365"];
    for (k, l) in LEFT.iter().enumerate() {
        let y = 700.0 - 13.0 * k as f64;
        p.show(l, 0.0, y);
        if let Some(s) = side.get(k) {
            p.show(s, 220.0, y - 5.0);
        }
    }
    assert_eq!(p.text(), [LEFT.join("\n"), side.join("\n")].join("\n"));
}

#[test]
fn blocks_apart_are_parted_by_a_blank_line() {
    let mut p = Page::default();
    p.show("Ministerie van Binnenlandse Zaken", 0.0, 780.0);
    p.show("De heer H. van der Laan", 0.0, 700.0);
    p.show("Kerkstraat 12a", 0.0, 687.0);
    assert_eq!(
        p.text(),
        "Ministerie van Binnenlandse Zaken\n\nDe heer H. van der Laan\nKerkstraat 12a"
    );
}

#[test]
fn letter_spacing_and_kerning_make_no_spaces_inside_words() {
    // `Tc 2`: every glyph, the spaces too, is followed by 0.2 em.
    let mut p = Page::default();
    p.show_spaced("Joost de Vries", 0.0, 700.0, 2.0);
    assert_eq!(p.text(), "Joost de Vries");

    // `[(Jo) -120 (ost de Vr) 80 (ies) -250 (belt)] TJ`: kerning inside words, and a word
    // space made with a number in an operation that draws its other spaces.
    let mut p = Page::default();
    p.op();
    let mut x = 0.0;
    for (part, kern) in [
        ("Jo", 1.2),
        ("ost de Vr", -0.8),
        ("ies", 2.5),
        ("belt", 0.0),
    ] {
        for ch in part.chars() {
            p.glyph(ch, x, 700.0);
            x += advance(ch);
        }
        x += kern;
    }
    assert_eq!(p.text(), "Joost de Vries belt");

    // Letter spacing (`Tc 3`) and a word space made with a number (`-600`).
    let mut p = Page::default();
    let x = p.show_spaced("Joost", 0.0, 700.0, 3.0);
    p.glyphs.iter_mut().for_each(|g| g.loc.op = 1);
    let x = x + 6.0;
    p.show_spaced("Vries", x, 700.0, 3.0);
    p.glyphs.iter_mut().for_each(|g| g.loc.op = 1);
    assert_eq!(p.text(), "Joost Vries");
}

#[test]
fn letter_spaced_capitals_read_as_a_word() {
    // No space glyphs: every gap is 0.4 em, the word gap 0.4 + 0.6 + 0.4 em.
    let mut p = Page::default();
    p.show("Achternaam", 0.0, 700.0);
    let x = p.show_spaced("BRUGGEMAN", 100.0, 700.0, 4.0);
    p.show_spaced("KOEN", x + 6.0, 700.0, 4.0);
    assert_eq!(p.text(), "Achternaam BRUGGEMAN KOEN");
}

#[test]
fn one_box_per_character_reads_as_words() {
    let mut p = Page::default();
    // Boxes 18 wide, a character centred in each and drawn on its own; an empty box between
    // the postcode's digits and letters.
    let boxes = |p: &mut Page, label: &str, y: f64, s: &str| {
        p.show(label, 0.0, y);
        for (k, ch) in s.chars().enumerate() {
            if ch != ' ' {
                p.op();
                p.glyph(ch, 150.0 + 18.0 * k as f64 + 6.0, y);
            }
        }
    };
    boxes(&mut p, "Burgerservicenummer", 700.0, "146881977");
    boxes(&mut p, "Postcode", 670.0, "1544 RM");
    boxes(&mut p, "Geboortedatum", 640.0, "22-11-1984");
    assert_eq!(
        p.text(),
        "Burgerservicenummer 146881977\n\nPostcode 1544 RM\n\nGeboortedatum 22-11-1984"
    );
}

#[test]
fn real_word_gaps_stay_spaces() {
    // Justified text (`Tw`): wide word gaps drawn as spaces; and words placed apart with no
    // space glyph at all.
    let mut p = Page::default();
    p.op();
    let mut x = 0.0;
    for ch in "Bart belt Mehmet".chars() {
        p.glyph(ch, x, 700.0);
        x += advance(ch) + if ch == ' ' { 9.0 } else { 0.0 };
    }
    p.show("Karin", 0.0, 687.0);
    p.show("Bos", 34.0, 687.0);
    assert_eq!(p.text(), "Bart belt Mehmet\nKarin Bos");
}

#[test]
fn no_glyphs_no_text() {
    let page = Page::default().build();
    assert!(page.text.is_empty());
}

#[test]
fn many_glyphs_on_one_page_stay_fast() {
    // 40 000 glyphs in 800 lines of two columns; a quadratic pass would take seconds.
    let mut p = Page::default();
    for k in 0..800 {
        let y = 10_000.0 - 13.0 * k as f64;
        p.show("de minister heeft besloten tot", 0.0, y);
        p.show("openbaarmaking van de stukken.", 200.0, y);
    }
    let started = std::time::Instant::now();
    let page = p.build();
    assert!(started.elapsed().as_secs_f64() < 5.0);
    assert_eq!(page.text.lines().count(), 1600);
}
