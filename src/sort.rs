//! Stable sorting through one shared instantiation of the standard library's sort.
//!
//! `slice::sort_by_key` instantiates the whole stable sort (driftsort: runs, merges, small-sort
//! networks; about 5 KB of WASM) once per element type and key closure. The crate's own sorts go
//! through [`sort_by`] / [`sort_by_key`] instead: they stably sort the indices `0..n` with a
//! comparator behind `&dyn`, one instantiation for every call site, and then move the elements
//! into that order. A stable sort's result is determined by its comparator alone, so the order is
//! exactly the one `slice::sort_by` gives (the tests check it against the standard library).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`: the same order as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let perm = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    // `perm` is a permutation of 0..n, so every slot is taken exactly once
    v.extend(perm.into_iter().filter_map(|i| old[i].take()));
}

/// Sorts `v` stably by `key`: the same order as `v.sort_by_key(key)` (which, like this, computes
/// the key of both sides at every comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..n` stably sorted by `cmp` (the one instantiation of the standard sort).
#[inline(never)]
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    p.sort_by(|&a, &b| cmp(a, b));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency): many ties, so that stability shows.
    fn pairs(seed: u64, n: usize) -> Vec<(u8, usize)> {
        let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (0..n)
            .map(|i| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (((x >> 33) % 5) as u8, i)
            })
            .collect()
    }

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        for seed in 0..50 {
            for n in [0, 1, 2, 3, 7, 20, 33, 100, 257] {
                let v = pairs(seed, n);
                let mut ours = v.clone();
                let mut std = v.clone();
                sort_by_key(&mut ours, |p| p.0);
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "seed {seed}, n {n}");
                let mut ours = v.clone();
                let mut std = v;
                sort_by(&mut ours, |a, b| (a.0 % 2).cmp(&(b.0 % 2)).then(b.0.cmp(&a.0)));
                std.sort_by(|a, b| (a.0 % 2).cmp(&(b.0 % 2)).then(b.0.cmp(&a.0)));
                assert_eq!(ours, std, "seed {seed}, n {n} (odd last, then descending)");
            }
        }
    }

    #[test]
    fn ties_keep_their_order_and_nothing_is_lost() {
        let mut v = vec![(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]);
        let mut strings: Vec<String> = ["b", "a", "b", "c"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut strings, |a, b| a.cmp(b));
        assert_eq!(strings, ["a", "b", "b", "c"]);
    }
}
