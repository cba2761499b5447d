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
    OutNotEmptyHint,
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
            Msg::OutNotEmptyHint => (
                "use --overwrite to clear it, or --resume to continue the run that wrote it",
                "gebruik --overwrite om de map leeg te maken, of --resume om de run die haar \
                 schreef voort te zetten",
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
    }
}
