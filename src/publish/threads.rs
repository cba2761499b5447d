//! E-mail threads: documents that hold the same message (the same normalised subject and
//! body, see [`super::mail`]) belong to one thread. A thread is a connected component of
//! documents and messages; its `Email Thread ID` is 1 + the rank of its first document among
//! the first documents of all threads (input order), so the numbering is deterministic.
//! Every e-mail gets a thread, also one that quotes nothing and is quoted nowhere.

use std::collections::{BTreeMap, HashMap};

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// What threading reads of a document: whether it is an e-mail, and its message hashes
/// ([`super::mail::Mail`]'s `is_mail` and `messages`).
pub type Messages<'a> = (bool, &'a [[u8; 32]]);

/// The thread ID (≥ 1) of every document, `None` for documents that hold no message.
pub fn assign(mails: &[Messages<'_>]) -> Vec<Option<u32>> {
    let mut parent: Vec<usize> = (0..mails.len()).collect();
    let mut first_with: HashMap<[u8; 32], usize> = HashMap::new();
    for (i, (_, messages)) in mails.iter().enumerate() {
        for h in *messages {
            match first_with.get(h) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    first_with.insert(*h, i);
                }
            }
        }
    }
    // Roots are the smallest index of their component (unions keep the smaller root).
    let mut numbers: BTreeMap<usize, u32> = BTreeMap::new();
    let mut out = Vec::with_capacity(mails.len());
    for (i, &(is_mail, messages)) in mails.iter().enumerate() {
        if !is_mail && messages.is_empty() {
            out.push(None);
            continue;
        }
        let root = find(&mut parent, i);
        let next = numbers.len() as u32 + 1;
        out.push(Some(*numbers.entry(root).or_insert(next)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(is_mail: bool, messages: &[u8]) -> (bool, Vec<[u8; 32]>) {
        (is_mail, messages.iter().map(|&b| [b; 32]).collect())
    }

    #[test]
    fn documents_sharing_a_message_share_a_thread() {
        let docs = [
            mail(false, &[]),    // a memo
            mail(true, &[1]),    // original
            mail(true, &[9]),    // another mail
            mail(true, &[2, 1]), // reply quoting the original
            mail(true, &[3, 2]), // reply to the reply
            mail(false, &[9]),   // a memo quoting the other mail
        ];
        let refs: Vec<Messages<'_>> = docs.iter().map(|(m, h)| (*m, h.as_slice())).collect();
        assert_eq!(
            assign(&refs),
            vec![None, Some(1), Some(2), Some(1), Some(1), Some(2)]
        );
    }
}
