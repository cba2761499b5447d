//! Chinese and Vietnamese names (`WANG Jianguo`, `Sun Mingyu`, `Mei-Ling Chen`, `Nguyen Thi
//! Lan`): the first names are in no list of first names, but they are made of the syllables of
//! pinyin, or are short Vietnamese syllables, and stand next to a common family name.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{Form, Grammar, NameParse, shape};
use crate::fold::fold;
use crate::names::lexicon::{FastHash, class, is_dutch_word};

/// Common Chinese family names in pinyin, folded.
const CHINESE_SURNAMES: &[&str] = &[
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han",
    "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang",
    "yu", "du", "ye", "cheng", "wei", "su", "ding", "ren", "lu", "yao", "shen", "zhong", "cui",
    "tan", "fan", "liao", "shi", "jin", "jia", "xia", "fu", "fang", "zou", "xiong", "bai", "meng",
    "qin", "qiu", "hou", "yin", "xue", "yan", "duan", "lei", "long", "tao", "mao", "hao", "gu",
    "gong", "shao", "wan", "qian", "dai", "kong", "xiang", "qiao", "lai", "zhan", "ou", "chan",
    "wong", "cheung", "leung", "ho", "lau", "tse", "yeung", "ng", "chow", "lam",
];

/// Common Vietnamese family names, folded; not the ones that are words in Dutch, English or
/// French (`Le`, `Do`, `Ho`, `Vo`).
const VIETNAMESE_SURNAMES: &[&str] = &[
    "nguyen", "tran", "pham", "hoang", "huynh", "phan", "dang", "bui", "ngo", "duong", "trinh",
    "dinh",
];

/// The initials of pinyin syllables, longest first.
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

/// The finals of pinyin syllables (`v` for `ü`).
const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ueng", "iao", "ian", "ing", "uai", "uan", "ang", "eng", "ong", "ai",
    "ei", "ao", "ou", "an", "en", "in", "un", "vn", "er", "ia", "ie", "iu", "ua", "uo", "ui", "ue",
    "ve", "a", "o", "e", "i", "u", "v",
];

/// Every pinyin syllable: an initial and a final; a final alone only when it does not start
/// with `i`, `u` or `ü` (those are written with `y` or `w`).
static SYLLABLES: LazyLock<HashSet<String, FastHash>> = LazyLock::new(|| {
    INITIALS
        .iter()
        .flat_map(|i| FINALS.iter().map(move |f| (*i, *f)))
        .filter(|(i, f)| !(i.is_empty() && f.starts_with(['i', 'u', 'v'])))
        .map(|(i, f)| format!("{i}{f}"))
        .collect()
});

/// The family names of both lists, for one lookup per word.
static FAMILY_NAMES: LazyLock<HashSet<&'static str, FastHash>> = LazyLock::new(|| {
    CHINESE_SURNAMES
        .iter()
        .chain(VIETNAMESE_SURNAMES)
        .copied()
        .collect()
});

/// How many pinyin syllables `s` (folded) is made of, if it is made of them: the fewest.
fn syllables(s: &str) -> Option<usize> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // Fewest syllables ending at each byte; a syllable is at most six letters (`zhuang`).
    let mut fewest = vec![usize::MAX; s.len() + 1];
    fewest[0] = 0;
    for end in 1..=s.len() {
        for start in end.saturating_sub(6)..end {
            if fewest[start] != usize::MAX && SYLLABLES.contains(&s[start..end]) {
                fewest[end] = fewest[end].min(fewest[start] + 1);
            }
        }
    }
    (fewest[s.len()] != usize::MAX).then_some(fewest[s.len()])
}

impl Grammar<'_> {
    /// A Chinese or Vietnamese name of a family name and a first name, in either order, in
    /// capitals or not (`WANG Jianguo`, `LIU YUXIN`, `Sun Mingyu`, `Mei-Ling Chen`, `Tran Bao`).
    pub fn east_asian_name(&self, i: usize) -> Option<NameParse> {
        let family = |k: usize| {
            let f = self.folded(k);
            (self.is_cap(k) || self.has(k, shape::UPPER))
                && (2..=6).contains(&f.len())
                && FAMILY_NAMES.contains(f)
        };
        if family(i) && self.spaced(i) {
            let vietnamese = VIETNAMESE_SURNAMES.contains(&self.folded(i));
            // Family name first: one first name (two Vietnamese ones). After a family name
            // in capitals the first name may be a month's word (`WANG Mei`, `LIN Mei Ling`):
            // no date is written so.
            let month = || {
                self.has(i, shape::UPPER)
                    && self.is_cap(i + 1)
                    && !self.has(i + 1, shape::UPPER)
                    && self.word_in(i + 1, crate::fold::MONTHS)
            };
            let after_month = || {
                let more = self.spaced(i + 1).then(|| self.given_part_end(i + 2, true));
                more.flatten().unwrap_or(i + 2)
            };
            let mut end = self
                .given_part_end(i + 1, !vietnamese)
                .or_else(|| month().then(after_month))?;
            if vietnamese && self.spaced(end - 1) {
                end = self.given_part_end(end, false).unwrap_or(end);
            }
            return Some(self.parse(i, end, i + 1, end, i));
        }
        // First name first: a given name of two syllables or more before the family name.
        // The family name is looked for first: one lookup, where the syllables take more.
        let mut after = i + 1;
        while self.glued(after - 1) && self.is_punct(after, '-') && self.glued(after) {
            after += 2;
        }
        if !(self.spaced(after - 1) && family(after)) {
            return None;
        }
        let given_end = self.given_part_end(i, true)?;
        let two_syllables = (i..given_end)
            .filter_map(|k| self.word(k).map(|_| self.folded(k)))
            .filter_map(syllables)
            .sum::<usize>()
            >= 2;
        (two_syllables && self.spaced(given_end - 1) && family(given_end))
            .then(|| self.parse(i, given_end + 1, i, given_end, given_end))
    }

    /// The end of a first name starting at `k`: a word, or words joined by a hyphen
    /// (`Mei-Ling`), capitalised or in capitals, made of pinyin syllables (`pinyin`) or a
    /// short syllable of Vietnamese; no word of the language, place or organisation.
    fn given_part_end(&self, k: usize, pinyin: bool) -> Option<usize> {
        let shaped = |k: usize| {
            let f = self.folded(k);
            let syllable = if pinyin {
                syllables(f).is_some_and(|n| n <= 3)
            } else {
                (2..=5).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_lowercase())
            };
            syllable && (self.is_cap(k) || self.has(k, shape::UPPER))
        };
        if self.word(k).is_none() || !shaped(k) {
            return None;
        }
        let mut end = k + 1;
        while self.glued(end - 1) && self.is_punct(end, '-') && self.glued(end) && shaped(end + 1) {
            end += 2;
        }
        // Joined by hyphens the parts are a name whatever they mean alone (`Mei-Ling`).
        let f = self.folded(k);
        let word = self.has(
            k,
            class::NOT_NAME | class::PLACE | class::ORG | class::FUNCTION | class::TITLE,
        ) || (f.len() <= 4 && is_dutch_word(f) && !self.has(k, class::FIRST_NAME));
        (end > k + 1 || !word).then_some(end)
    }

    fn parse(
        &self,
        start: usize,
        end: usize,
        given: usize,
        given_end: usize,
        family: usize,
    ) -> NameParse {
        NameParse {
            start: self.toks[start].start,
            end: self.toks[end - 1].end,
            next: end,
            form: if family == start {
                Form::Reversed
            } else {
                Form::Full
            },
            given: Some(fold(self.text_of_tokens(given, given_end))),
            initials: None,
            surname: Some(self.folded(family).to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::syllables;

    #[test]
    fn pinyin_syllables() {
        assert_eq!(syllables("jianguo"), Some(2));
        assert_eq!(syllables("xiaoming"), Some(2));
        assert_eq!(syllables("yuxin"), Some(2));
        assert_eq!(syllables("wenjie"), Some(2));
        assert_eq!(syllables("mei"), Some(1));
        assert_eq!(syllables("bakker"), None);
        assert_eq!(syllables("pieters"), None);
        assert_eq!(syllables("visser"), None);
    }
}
