//! Large requests: the platform takes at most 50,000 documents per dossier. More are divided
//! into dossiers `<MATTER>-01`, `-02`, … in input order, keeping every e-mail thread and every
//! duplicate with the document it duplicates in one dossier (so `Gerelateerd ID` always
//! points inside the dossier).

use std::collections::{BTreeMap, HashMap};

use super::error::PublishError;

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The dossiers (document indices, sorted). `threads[i]` is document i's thread,
/// `duplicate_of[i]` the document it duplicates; `max` the most documents per dossier.
pub fn dossiers(
    threads: &[Option<u32>],
    duplicate_of: &[Option<usize>],
    max: usize,
) -> Result<Vec<Vec<usize>>, PublishError> {
    let n = threads.len();
    if n <= max {
        return Ok(vec![(0..n).collect()]);
    }
    let mut parent: Vec<usize> = (0..n).collect();
    let mut thread_first: HashMap<u32, usize> = HashMap::new();
    for i in 0..n {
        let join = |j: usize, parent: &mut Vec<usize>| {
            let (a, b) = (find(parent, i), find(parent, j));
            parent[a.max(b)] = a.min(b);
        };
        if let Some(t) = threads[i] {
            let first = *thread_first.entry(t).or_insert(i);
            join(first, &mut parent);
        }
        if let Some(j) = duplicate_of[i] {
            join(j, &mut parent);
        }
    }
    // Units in the order of their first document.
    let mut units: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        units.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for unit in units.into_values() {
        if unit.len() > max {
            return Err(PublishError::Split(format!(
                "an e-mail thread with its duplicates has {} documents, more than {max} per \
                 dossier",
                unit.len()
            )));
        }
        let current = out.last_mut().expect("at least one dossier");
        if current.len() + unit.len() > max {
            out.push(unit);
        } else {
            current.extend(unit);
        }
    }
    for d in &mut out {
        d.sort_unstable();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_and_duplicates_stay_together() {
        // 0..6; thread 1 = {1, 4}; 5 duplicates 2.
        let threads = [None, Some(1), None, None, Some(1), None];
        let dups = [None, None, None, None, None, Some(2)];
        assert_eq!(
            dossiers(&threads, &dups, 6).unwrap(),
            vec![vec![0, 1, 2, 3, 4, 5]]
        );
        let d = dossiers(&threads, &dups, 3).unwrap();
        assert_eq!(d, vec![vec![0, 1, 4], vec![2, 3, 5]]);
        assert!(dossiers(&threads, &dups, 1).is_err());
    }
}
