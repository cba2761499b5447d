//! The audit records and summary facts of a redacted PDF.

use super::*;
use crate::policy::Category;

impl Analysis {
    /// The audit records (in document order) and the summary facts.
    pub(super) fn records(
        &self,
        document: &str,
        key: &DigestKey,
        plan: &Plan,
        pixels: &[blanking::PagePixels],
    ) -> (Vec<AuditRecord>, PdfReport) {
        let mut report = PdfReport {
            pages: self.pages.len() as u32,
            ..PdfReport::default()
        };
        for (i, (ins, px)) in self.inspected.iter().zip(pixels).enumerate() {
            let page = i as u32 + 1;
            let blanked: Vec<usize> = px.regions.iter().map(Vec::len).collect();
            let removed: Vec<bool> = px.removed.iter().map(Option::is_some).collect();
            let Some(r) = scanned::report(page, ins, &blanked, &removed) else {
                continue;
            };
            let left = |reading| {
                ins.images
                    .iter()
                    .zip(&px.removed)
                    .any(|(p, removed)| p.reading == reading && removed.is_none())
            };
            if left(scanned::Reading::NotInspected) {
                report.images_not_inspected.push(page);
            }
            if left(scanned::Reading::NoText) {
                report.images_without_text.push(page);
            }
            report.image_pages.push(r);
        }
        // (page, position, removal, box, whether it is a signature beside the removal)
        let mut located: Vec<(u32, usize, &Removal, Rect, bool)> = self
            .removals
            .iter()
            .zip(&plan.locations)
            .filter_map(|(r, l)| l.map(|(page, rect)| (page, r.start, r, rect, false)))
            .collect();
        for (p, px) in pixels.iter().enumerate() {
            for (i, k) in px.removed.iter().enumerate() {
                let Some(&removal) = k.and_then(|k| plan.mark_removals[p].get(k)) else {
                    continue;
                };
                let r = &self.removals[removal];
                let rect = self.inspected[p].images[i].rect;
                located.push((p as u32 + 1, r.start, r, rect, true));
            }
        }
        // Page order; within a page, page text before annotation texts.
        located.sort_by_key(|(page, start, _, _, signature)| (*page, *start, *signature));
        let records = located
            .into_iter()
            .enumerate()
            .map(|(i, (page, _, r, rect, signature))| {
                *report.removals_per_page.entry(page).or_default() += 1;
                let location = Location::Pdf {
                    page,
                    bbox: rect.to_audit(),
                };
                let removed = &self.text.as_bytes()[r.start..r.end];
                if signature {
                    let signature = Removal {
                        category: Category::Signature,
                        detector: "signature.image",
                        evidence: "picture without text beside a removed name".into(),
                        ..r.clone()
                    };
                    AuditRecord::new(document, i + 1, &signature, location, removed, key)
                } else {
                    AuditRecord::new(document, i + 1, r, location, removed, key)
                }
            })
            .collect();
        (records, report)
    }
}
