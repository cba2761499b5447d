//! The command line's own messages in English or Dutch: `--lang nl`, or a Dutch `LC_ALL`,
//! `LC_MESSAGES` or `LANG` (Woo teams are Dutch civil servants). The reasons the library
//! gives for a document (why it failed or was skipped) stay as the library wrote them.

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Nl,
}

/// The messages, one entry per language.
#[derive(Debug, Clone, Copy)]
pub enum Msg {
    Documents,
    Redacted,
    Unchanged,
    Failed,
    Skipped,
    TakenOver,
    Removals,
    ImagesNotInspected,
    ImagesWithoutText,
    Pages,
    NoFiles,
}

impl Lang {
    /// `--lang` if given, else the locale from the environment.
    pub fn choose(flag: Option<&str>) -> Lang {
        let dutch = |v: &str| v.to_ascii_lowercase().starts_with("nl");
        if let Some(flag) = flag {
            return if dutch(flag) { Lang::Nl } else { Lang::En };
        }
        // The first locale variable that is set decides, as in POSIX.
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if dutch(&l) => Lang::Nl,
            _ => Lang::En,
        }
    }

    /// Why a file was skipped: the library skips only files of other kinds, so the reason
    /// follows from the name.
    pub fn skipped_reason(self, document: &str, library: &str) -> String {
        if self == Lang::En {
            return library.to_string();
        }
        let name = document.rsplit('/').next().unwrap_or(document);
        match name.rsplit_once('.').filter(|(stem, _)| !stem.is_empty()) {
            Some((_, ext)) => format!(
                "een `.{}`-bestand: geen soort document dat dit programma lakt",
                ext.to_ascii_lowercase()
            ),
            None => "geen bestandsextensie: geen soort document dat dit programma lakt".into(),
        }
    }

    /// An output folder that holds files this batch does not write.
    pub fn out_not_empty(self, path: &std::path::Path, count: usize, first: &str) -> String {
        let path = path.display();
        match self {
            Lang::En => format!(
                "the output directory {path} holds {count} file(s) this batch does not write \
                 (first: {first}); use --overwrite to clear it, --resume to continue the run \
                 that wrote it, or choose an empty directory"
            ),
            Lang::Nl => format!(
                "de uitvoermap {path} bevat {count} bestand(en) die deze batch niet schrijft \
                 (eerste: {first}); gebruik --overwrite om de map leeg te maken, --resume om de \
                 run die haar schreef voort te zetten, of kies een lege map"
            ),
        }
    }

    /// An output folder that `--overwrite` will not clear.
    pub fn not_an_output_directory(self, path: &std::path::Path) -> String {
        let path = path.display();
        match self {
            Lang::En => format!(
                "the output directory {path} is not empty and holds no earlier run (no \
                 summary.json, audit.jsonl or .woo-redact/): --overwrite does not clear it; \
                 choose an empty directory"
            ),
            Lang::Nl => format!(
                "de uitvoermap {path} is niet leeg en bevat geen eerdere run (geen \
                 summary.json, audit.jsonl of .woo-redact/): --overwrite maakt haar niet leeg; \
                 kies een lege map"
            ),
        }
    }

    /// The text of a message.
    pub fn text(self, msg: Msg) -> &'static str {
        let (en, nl) = match msg {
            Msg::Documents => ("documents", "documenten"),
            Msg::Redacted => ("redacted", "gelakt"),
            Msg::Unchanged => ("unchanged", "ongewijzigd"),
            Msg::Failed => ("failed", "mislukt"),
            Msg::Skipped => ("skipped", "overgeslagen"),
            Msg::TakenOver => (
                "taken over from the interrupted run",
                "overgenomen van de onderbroken run",
            ),
            Msg::Removals => ("removals", "weglakkingen"),
            Msg::ImagesNotInspected => (
                "images not inspected (needs OCR: install tesseract-ocr-nld)",
                "afbeeldingen niet bekeken (OCR nodig: installeer tesseract-ocr-nld)",
            ),
            Msg::ImagesWithoutText => (
                "images without text (photos, logos, signatures) left as they were",
                "afbeeldingen zonder tekst (foto's, logo's, handtekeningen) ongemoeid gelaten",
            ),
            Msg::Pages => ("page(s)", "pagina('s)"),
            Msg::NoFiles => (
                "no files found in the inputs: nothing to do (give files or folders, or - to \
                 read their paths from standard input)",
                "geen bestanden gevonden in de invoer: niets te doen (geef bestanden of mappen, \
                 of - om de paden van standaardinvoer te lezen)",
            ),
        };
        match self {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_decides_before_the_locale() {
        assert_eq!(Lang::choose(Some("nl")), Lang::Nl);
        assert_eq!(Lang::choose(Some("en")), Lang::En);
        assert_eq!(Lang::En.text(Msg::Failed), "failed");
        assert_eq!(Lang::Nl.text(Msg::Failed), "mislukt");
        assert_eq!(
            Lang::Nl.skipped_reason("sub/Begroting.XLSX", "…"),
            "een `.xlsx`-bestand: geen soort document dat dit programma lakt"
        );
        assert!(
            Lang::Nl
                .skipped_reason(".hidden", "…")
                .starts_with("geen bestandsextensie")
        );
        assert_eq!(Lang::En.skipped_reason("a.xlsx", "as given"), "as given");
    }
}
