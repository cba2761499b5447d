//! A batch of many small generated Woo documents written to disk, with its lists: what the
//! batch benchmark and the throughput guard run on. Needs the including crate to declare
//! `mod corpus` (tests/support/corpus.rs).
// Each benchmark uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use crate::corpus;
use woo_redact::{Lists, Policy, Redactor, StaffDirectory, lists::parse_lines};

/// The documents on disk (`dir/docs`), their texts and a redactor built from their lists.
pub struct SmallBatch {
    pub dir: tempfile::TempDir,
    pub texts: Vec<String>,
    pub redactor: Redactor,
    /// The lists `redactor` was built from.
    pub lists: Lists,
}

impl SmallBatch {
    /// Documents of about a kilobyte each (the generator's mix of memos, e-mails, notes and
    /// letters) up to `bytes` in all, with a staff list of `staff` people.
    pub fn new(seed: u64, staff: usize, bytes: usize) -> SmallBatch {
        let (world, docs) = corpus::corpus_of_size(seed, staff, bytes);
        let dir = tempfile::tempdir().expect("a temporary directory");
        corpus::write_corpus(dir.path(), &world, &docs).expect("the corpus is written");
        let lists = Lists {
            staff: StaffDirectory::from_csv(corpus::staff_csv(&world).as_bytes())
                .expect("generated CSV parses"),
            public: parse_lines(&corpus::public_txt(&world)),
            keep: parse_lines(&corpus::keep_txt(&world)),
        };
        let redactor = Redactor::new(Policy::default(), &lists).expect("generated lists compile");
        SmallBatch {
            texts: docs.into_iter().map(|d| d.text).collect(),
            dir,
            redactor,
            lists,
        }
    }

    /// The input folder.
    pub fn docs(&self) -> PathBuf {
        self.dir.path().join("docs")
    }

    /// A fresh output folder path (not created), removed first if it exists.
    pub fn out(&self, name: &str) -> PathBuf {
        let out = self.dir.path().join(name);
        let _ = std::fs::remove_dir_all(&out);
        out
    }

    /// Input bytes in all.
    pub fn bytes(&self) -> usize {
        self.texts.iter().map(String::len).sum()
    }
}

/// `lists` grown to what a large organisation's team keeps: `officials` more public
/// officials (common first names, invented surnames) and `kept` more keep-list entries
/// (organisations, their addresses, mailboxes and switchboards). Deterministic.
pub fn team_sized(lists: &Lists, officials: usize, kept: usize) -> Lists {
    const GIVEN: [&str; 12] = [
        "Jan", "Peter", "Maria", "Anna", "Sanne", "Mohamed", "Kees", "Fatima", "Willem", "Eva",
        "Thomas", "Linda",
    ];
    const PLACES: [&str; 6] = ["Utrecht", "Zwolle", "Den Haag", "Assen", "Breda", "Venlo"];
    let mut more = lists.clone();
    more.public
        .extend((0..officials).map(|i| format!("{} van Ambtenveld{i}", GIVEN[i % GIVEN.len()])));
    more.keep.extend((0..kept).map(|i| {
        let place = PLACES[i % PLACES.len()];
        match i % 4 {
            0 => format!("Stichting Samenwerking {place} {i}"),
            1 => format!("Kerkstraat {}, {} AB {place}", i % 300 + 1, 1000 + i % 8999),
            2 => format!("info@organisatie{i}.nl"),
            _ => format!("030 {:03} {:04}", i % 1000, i % 10_000),
        }
    }));
    more
}

/// Copies every document of `from` to `to` the way a batch writes its outputs (read, write a
/// temporary file, rename), without detection: the file-system part of the batch path.
pub fn copy_like_a_batch(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = to.join(".tmp");
    std::fs::create_dir_all(&tmp)?;
    let mut names: Vec<PathBuf> = std::fs::read_dir(from)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    names.sort();
    for path in names {
        let bytes = std::fs::read(&path)?;
        let mut t = tempfile::NamedTempFile::new_in(&tmp)?;
        t.write_all(&bytes)?;
        let name = path.file_name().expect("a file name");
        t.persist(to.join(name)).map_err(|e| e.error)?;
    }
    Ok(())
}
