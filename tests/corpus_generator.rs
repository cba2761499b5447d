//! The synthetic corpus generator (`tests/support/corpus.rs`): deterministic, and its gold
//! annotations are exact. The checks here use their own BSN and IBAN arithmetic rather than the
//! generator's, so a bug in one is not hidden by the same bug in the other.

use crate::support;

use std::collections::HashSet;

use support::corpus::{self, Category, Doc, DocKind, KeepKind, Rng, Who, World};

/// A few hundred documents of every kind from one seed.
fn sample(seed: u64, n: usize) -> (World, Vec<Doc>) {
    let world = World::new(seed, 300);
    let mut rng = Rng::new(seed).fork();
    let docs = corpus::corpus(&world, &mut rng, n);
    (world, docs)
}

fn elfproef(digits: &str) -> bool {
    let d: Vec<i64> = digits.bytes().map(|b| i64::from(b - b'0')).collect();
    if d.len() != 9 {
        return false;
    }
    let sum: i64 = (0..8).map(|i| d[i] * (9 - i as i64)).sum::<i64>() - d[8];
    sum % 11 == 0 && sum != 0
}

fn iban_ok(iban: &str) -> bool {
    let lengths = [
        ("NL", 18),
        ("BE", 16),
        ("DE", 22),
        ("FR", 27),
        ("ES", 24),
        ("PL", 28),
        ("TR", 26),
        ("GB", 22),
    ];
    let Some(&(_, len)) = lengths.iter().find(|(c, _)| iban.starts_with(c)) else {
        return false;
    };
    if iban.len() != len {
        return false;
    }
    let moved = format!("{}{}", &iban[4..], &iban[..4]);
    let mut rem: u64 = 0;
    for c in moved.chars() {
        let v = c.to_digit(36).expect("alphanumeric") as u64;
        rem = if v < 10 {
            (rem * 10 + v) % 97
        } else {
            (rem * 100 + v) % 97
        };
    }
    rem == 1
}

#[test]
fn same_seed_gives_identical_corpus() {
    let (w1, a) = sample(11, 120);
    let (w2, b) = sample(11, 120);
    assert_eq!(a, b);
    assert_eq!(corpus::staff_csv(&w1), corpus::staff_csv(&w2));
    assert_eq!(corpus::public_txt(&w1), corpus::public_txt(&w2));
    assert_eq!(corpus::keep_txt(&w1), corpus::keep_txt(&w2));
    let (_, c) = sample(12, 120);
    assert_ne!(a, c, "another seed gives other documents");
}

#[test]
fn every_kind_is_generated() {
    let (_, docs) = sample(3, 300);
    for k in DocKind::ALL {
        assert!(
            docs.iter().filter(|d| d.kind == k).count() >= 10,
            "{k:?} underrepresented"
        );
    }
}

#[test]
fn gold_offsets_slice_their_text() {
    for seed in 0..6 {
        let (_, docs) = sample(seed, 80);
        for d in &docs {
            for it in &d.redact {
                assert!(it.start < it.end, "{}: empty item", d.name);
                assert_eq!(&d.text[it.start..it.end], it.text, "{}", d.name);
                // Items never cross lines (quoting relies on it) nor carry outer white space.
                assert!(!it.text.contains('\n'), "{}: {:?}", d.name, it.text);
                assert_eq!(it.text.trim(), it.text, "{}", d.name);
                assert_eq!(it.who.is_some(), it.category == Category::Name);
            }
            for k in &d.keep {
                assert!(k.start < k.end, "{}: empty keep", d.name);
                assert_eq!(&d.text[k.start..k.end], k.text, "{}", d.name);
                assert!(!k.text.contains('\n'), "{}: {:?}", d.name, k.text);
            }
            assert!(d.redact.windows(2).all(|w| w[0].start <= w[1].start));
            assert!(d.keep.windows(2).all(|w| w[0].start <= w[1].start));
        }
    }
}

#[test]
fn keep_and_redact_items_do_not_overlap() {
    let (_, docs) = sample(5, 400);
    for d in &docs {
        let mut spans: Vec<(usize, usize, bool)> = d
            .redact
            .iter()
            .map(|i| (i.start, i.end, true))
            .chain(d.keep.iter().map(|k| (k.start, k.end, false)))
            .collect();
        spans.sort();
        for w in spans.windows(2) {
            assert!(
                w[0].1 <= w[1].0,
                "{}: {:?} overlaps {:?}",
                d.name,
                &d.text[w[0].0..w[0].1],
                &d.text[w[1].0..w[1].1]
            );
        }
    }
}

#[test]
fn bsns_pass_the_elfproef_and_ibans_mod_97() {
    let (world, docs) = sample(9, 400);
    let (mut bsns, mut ibans) = (0, 0);
    for d in &docs {
        for it in &d.redact {
            match it.category {
                Category::Bsn => {
                    let digits: String = it.text.chars().filter(char::is_ascii_digit).collect();
                    assert!(digits.len() == 9 || digits.len() == 8, "{}", it.text);
                    // Eight digits: the leading zero was dropped.
                    assert!(elfproef(&format!("{digits:0>9}")), "{}", it.text);
                    bsns += 1;
                }
                Category::Iban => {
                    assert!(iban_ok(&it.text.replace(' ', "")), "{}", it.text);
                    ibans += 1;
                }
                _ => {}
            }
        }
    }
    assert!(bsns > 20 && ibans > 20, "{bsns} BSNs, {ibans} IBANs");
    for c in &world.citizens {
        assert!(elfproef(&c.bsn), "{}", c.bsn);
        assert!(iban_ok(&c.iban), "{}", c.iban);
    }
    assert!(
        world.citizens.iter().any(|c| !c.iban.starts_with("NL")),
        "foreign IBANs too"
    );
}

#[test]
fn public_memos_contain_no_personal_data() {
    let (_, docs) = sample(4, 300);
    let memos: Vec<&Doc> = docs
        .iter()
        .filter(|d| d.kind == DocKind::BeleidsnotaPublic)
        .collect();
    assert!(!memos.is_empty());
    for d in memos {
        assert!(d.redact.is_empty(), "{}: {:?}", d.name, d.redact);
    }
}

/// Whether some name item of `who` is preceded (on its line) by `before` and satisfies `pred`.
fn has_name(docs: &[Doc], who: Option<Who>, before: &str, pred: impl Fn(&str) -> bool) -> bool {
    docs.iter().any(|d| {
        d.redact.iter().any(|it| {
            it.category == Category::Name
                && (who.is_none() || it.who == who)
                && d.text[..it.start].ends_with(before)
                && pred(&it.text)
        })
    })
}

#[test]
fn names_appear_in_every_form() {
    let (_, docs) = sample(8, 400);
    let any = |_: &str| true;
    let tussen = |s: &str| {
        [
            " van ",
            " de ",
            " van der ",
            " van den ",
            " ter ",
            " ten ",
            " 't ",
        ]
        .iter()
        .any(|t| format!(" {s} ").contains(t))
    };
    let checks: Vec<(&str, bool)> = vec![
        (
            "initials with tussenvoegsel",
            has_name(&docs, None, "", |s| s.contains(". ") && tussen(s)),
        ),
        (
            "de heer + capitalised tussenvoegsel",
            has_name(&docs, None, "de heer ", |s| {
                s.starts_with("Van ") || s.starts_with("De ")
            }),
        ),
        ("mevrouw + surname", has_name(&docs, None, "mevrouw ", any)),
        ("dhr.", has_name(&docs, None, "dhr. ", any)),
        (
            "mw. or mevr.",
            has_name(&docs, None, "mw. ", any) || has_name(&docs, None, "mevr. ", any),
        ),
        (
            "title",
            has_name(&docs, None, "mr. ", any) || has_name(&docs, None, "drs. ", any),
        ),
        (
            "outlook form",
            has_name(&docs, None, "", |s| s.contains(", ") && s.ends_with(')')),
        ),
        (
            "reversed",
            has_name(&docs, None, "", |s| s.contains(", ") && s.ends_with('.')),
        ),
        (
            "double-barrelled",
            has_name(&docs, None, "", |s| s.contains('-') && !s.contains(", ")),
        ),
        (
            "first name in greeting",
            has_name(&docs, None, "Hoi ", |s| !s.contains(' ')),
        ),
        (
            "signature first name",
            has_name(&docs, None, "Groet,\n", any) || has_name(&docs, None, "Groet,\n\n", any),
        ),
        (
            "Geachte",
            has_name(&docs, None, "Geachte heer ", any)
                || has_name(&docs, None, "Geachte mevrouw ", any),
        ),
        ("Actie:", has_name(&docs, None, "Actie: ", any)),
        (
            "Paraaf",
            has_name(&docs, Some(Who::Staff), "Paraaf: ", |s| {
                s.chars().all(char::is_alphabetic)
            }),
        ),
        (
            "Notulist",
            has_name(&docs, None, "Notulist: ", any) || has_name(&docs, None, "Verslag: ", any),
        ),
        (
            "t.n.v.",
            has_name(&docs, Some(Who::Private), "t.n.v. ", any),
        ),
        (
            "Mijn naam is",
            has_name(&docs, Some(Who::Private), "Mijn naam is ", any),
        ),
        (
            "mail header",
            has_name(&docs, None, "Van: ", any) && has_name(&docs, None, "From: ", any),
        ),
        (
            "chat",
            has_name(&docs, None, "] ", any) || has_name(&docs, None, " - ", any),
        ),
        (
            "non-Dutch letters",
            has_name(&docs, None, "", |s| {
                s.contains(['ğ', 'ı', 'ç', 'ş', 'ł', 'ö'])
            }),
        ),
        (
            "Contactpersoon",
            has_name(&docs, Some(Who::Staff), "Contactpersoon\n", any),
        ),
        ("external", has_name(&docs, Some(Who::External), "", any)),
    ];
    let missing: Vec<&str> = checks.iter().filter(|c| !c.1).map(|c| c.0).collect();
    assert!(missing.is_empty(), "forms never generated: {missing:?}");
}

#[test]
fn lists_match_the_documents() {
    let (world, docs) = sample(6, 300);
    let csv = corpus::staff_csv(&world);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("name,email,phone"));
    assert_eq!(lines.count(), world.staff.len());
    let emails: HashSet<&str> = world.staff.iter().map(|p| p.email.as_str()).collect();
    assert_eq!(
        emails.len(),
        world.staff.len(),
        "staff e-mail addresses are unique"
    );

    // A public official's surname is nobody else's, so `minister X` is never ambiguous.
    let public: HashSet<&str> = world
        .public
        .iter()
        .map(|o| o.person.surname.as_str())
        .collect();
    assert!(
        world
            .staff
            .iter()
            .chain(&world.external)
            .all(|p| !public.contains(p.surname.as_str()))
    );
    assert_eq!(
        corpus::public_txt(&world).lines().count(),
        world.public.len()
    );

    // Every organisation address, mailbox and switchboard number kept in the gold can be known
    // from keep.txt (case-insensitive, any run of white space matching any other).
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let keep: HashSet<String> = corpus::keep_txt(&world).lines().map(norm).collect();
    for d in &docs {
        for k in &d.keep {
            let listed = match k.kind {
                KeepKind::OrgAddress | KeepKind::Switchboard => true,
                KeepKind::FunctionalMailbox => k.text.contains('@'),
                _ => false,
            };
            if listed {
                assert!(keep.contains(&norm(&k.text)), "{}: {:?}", d.name, k.text);
            }
        }
    }
}

#[test]
fn gold_lines_use_character_offsets() {
    let (_, docs) = sample(2, 200);
    let mut non_ascii = 0;
    for d in &docs {
        let line = corpus::gold_jsonl_line(d);
        let v: serde_json::Value = serde_json::from_str(&line).expect("valid JSON");
        assert_eq!(v["doc"], d.name.as_str());
        let chars: Vec<char> = d.text.chars().collect();
        let byte_starts: Vec<usize> = d
            .redact
            .iter()
            .map(|i| i.start)
            .chain(d.keep.iter().map(|k| k.start))
            .collect();
        let items = v["redact"]
            .as_array()
            .expect("array")
            .iter()
            .map(|it| (it, "category"))
            .chain(
                v["keep"]
                    .as_array()
                    .expect("array")
                    .iter()
                    .map(|it| (it, "kind")),
            );
        for ((it, key), byte_start) in items.zip(byte_starts) {
            let (s, e) = (
                it["start"].as_u64().unwrap() as usize,
                it["end"].as_u64().unwrap() as usize,
            );
            let text: String = chars[s..e].iter().collect();
            assert_eq!(text, it["text"].as_str().unwrap());
            assert!(it[key].is_string());
            non_ascii += usize::from(s != byte_start);
        }
        for it in v["redact"].as_array().unwrap() {
            assert_eq!(it["category"] == "name", it.get("who").is_some());
        }
    }
    assert!(non_ascii > 0, "the sample exercises byte/char differences");
}

#[test]
fn corpus_of_size_reaches_the_target() {
    // The benchmark configuration: 10 MB of documents and a directory of 10,000 people.
    let target = 10 << 20;
    let (world, docs) = corpus::corpus_of_size(42, 10_000, target);
    assert_eq!(world.staff.len(), 10_000);
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    let largest = docs.iter().map(|d| d.text.len()).max().unwrap();
    assert!(total >= target && total < target + largest, "{total}");
    let names: HashSet<&str> = docs.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names.len(), docs.len(), "document names are unique");
}

#[test]
fn written_corpus_has_the_eval_layout() {
    let (world, docs) = sample(1, 20);
    let dir = tempfile::tempdir().expect("temp dir");
    corpus::write_corpus(dir.path(), &world, &docs).expect("write");
    for f in ["gold.jsonl", "staff.csv", "public.txt", "keep.txt"] {
        assert!(dir.path().join(f).is_file(), "{f}");
    }
    let gold = std::fs::read_to_string(dir.path().join("gold.jsonl")).unwrap();
    assert_eq!(gold.lines().count(), docs.len());
    for d in &docs {
        let text = std::fs::read_to_string(dir.path().join("docs").join(&d.name)).unwrap();
        assert_eq!(text, d.text);
    }
}
