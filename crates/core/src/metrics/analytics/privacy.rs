//! The privacy floor (DESIGN.md, "Privacy"): no figure about a group smaller than the
//! minimum group size, in the UI, the command line, exports or PDFs. Hiding the small cells
//! alone is not enough when a total is shown, because the total minus the shown cells gives
//! the hidden one back; complementary suppression hides more cells until that difference can
//! reveal neither a single hidden cell nor a group under the floor.
//!
//! A cell with nobody behind it is never hidden: it describes no one, and hiding it would only
//! force a real group to be hidden in its place.

/// Whether a figure about `size` people may be shown on its own, e.g. a table's total.
/// Why: the floor protects the people in small groups; an empty group holds no one.
pub fn shown(size: u32, floor: u32) -> bool {
    size == 0 || size >= floor
}

/// Which cells of one breakdown must be hidden. `sizes`: the number of people behind each cell.
/// Primary: every non-empty cell under `floor`. Complementary: when any cell is hidden, keep
/// hiding the smallest visible cells until at least two are hidden and the hidden cells
/// together hold at least `floor` people, so a shown total minus the shown cells reveals
/// neither a hidden cell nor a group under the floor. When every non-empty cell is hidden and
/// they still hold fewer than `floor` people, the total itself is under the floor: check it
/// with [`shown`].
pub fn hidden_cells(sizes: &[u32], floor: u32) -> Vec<bool> {
    let mut hidden: Vec<bool> = sizes.iter().map(|&size| !shown(size, floor)).collect();
    if !hidden.contains(&true) {
        return hidden;
    }
    loop {
        let hidden_count = hidden.iter().filter(|&&h| h).count();
        let hidden_people: u64 = sizes
            .iter()
            .zip(&hidden)
            .filter(|(_, &h)| h)
            .map(|(&size, _)| u64::from(size))
            .sum();
        if hidden_count >= 2 && hidden_people >= u64::from(floor) {
            return hidden;
        }
        // The smallest cell loses the least information; ties go to the first, so the same
        // table always hides the same cells.
        let next = sizes
            .iter()
            .enumerate()
            .filter(|&(index, &size)| !hidden[index] && size > 0)
            .min_by_key(|&(index, &size)| (size, index));
        match next {
            Some((index, _)) => hidden[index] = true,
            None => return hidden,
        }
    }
}

/// Which group subtotals of a grouped table must be hidden: the same rule applied to the
/// subtotals, since the grand total minus the shown subtotals gives the hidden ones back.
pub fn hidden_subtotals(groups: &[Vec<u32>], floor: u32) -> Vec<bool> {
    let subtotals: Vec<u32> = groups.iter().map(|cells| subtotal(cells)).collect();
    hidden_cells(&subtotals, floor)
}

/// For a table whose rows are grouped (e.g. teams within arms) with subtotals and a grand
/// total: within each group, so no subtotal reveals a hidden cell, and across groups, so the
/// grand total reveals no hidden subtotal. A group whose subtotal is hidden has all its
/// non-empty cells hidden too, since shown cells would add up to the subtotal. Use
/// [`hidden_subtotals`] for the subtotals and [`shown`] for the grand total.
pub fn hidden_cells_grouped(groups: &[Vec<u32>], floor: u32) -> Vec<Vec<bool>> {
    groups
        .iter()
        .zip(hidden_subtotals(groups, floor))
        .map(|(cells, subtotal_hidden)| {
            if subtotal_hidden {
                cells.iter().map(|&size| size > 0).collect()
            } else {
                hidden_cells(cells, floor)
            }
        })
        .collect()
}

fn subtotal(cells: &[u32]) -> u32 {
    cells
        .iter()
        .fold(0u32, |total, &size| total.saturating_add(size))
}

#[cfg(test)]
mod tests {
    use super::{hidden_cells, hidden_cells_grouped, hidden_subtotals, shown};

    const FLOOR: u32 = 5;

    fn total(sizes: &[u32]) -> u32 {
        sizes.iter().sum()
    }

    /// What someone can work out from the shown total and the shown cells: the hidden cells'
    /// sum. It must never be a group under the floor.
    fn revealed_by_difference(sizes: &[u32], hidden: &[bool]) -> u32 {
        let shown_cells: u32 = sizes
            .iter()
            .zip(hidden)
            .filter(|(_, &h)| !h)
            .map(|(s, _)| s)
            .sum();
        total(sizes) - shown_cells
    }

    #[test]
    fn nothing_is_hidden_when_every_group_reaches_the_floor() {
        assert_eq!(hidden_cells(&[5, 12, 40], FLOOR), vec![false; 3]);
        assert_eq!(hidden_cells(&[], FLOOR), Vec::<bool>::new());
    }

    #[test]
    fn a_group_of_four_is_hidden_with_its_complement() {
        let sizes = [12, 4, 6, 30];
        let hidden = hidden_cells(&sizes, FLOOR);
        // 4 is under the floor; 6 is the smallest other cell.
        assert_eq!(hidden, vec![false, true, true, false]);
        assert!(shown(total(&sizes), FLOOR));
        assert!(revealed_by_difference(&sizes, &hidden) >= FLOOR);
    }

    #[test]
    fn two_small_groups_that_reach_the_floor_together_still_force_a_third() {
        // 2 + 2 = 4 < 5: the total minus the shown cells would reveal a group of 4.
        let sizes = [2, 9, 2, 7];
        let hidden = hidden_cells(&sizes, FLOOR);
        assert_eq!(hidden, vec![true, false, true, true]);
        assert!(revealed_by_difference(&sizes, &hidden) >= FLOOR);
    }

    #[test]
    fn two_small_groups_over_the_floor_together_need_nothing_more() {
        let sizes = [3, 20, 3];
        assert_eq!(hidden_cells(&sizes, FLOOR), vec![true, false, true]);
    }

    #[test]
    fn a_single_small_cell_is_hidden_and_so_is_its_total() {
        let hidden = hidden_cells(&[4], FLOOR);
        assert_eq!(hidden, vec![true]);
        assert!(!shown(4, FLOOR));
    }

    #[test]
    fn a_table_under_the_floor_in_total_is_hidden_entirely() {
        let sizes = [1, 2, 1];
        assert_eq!(hidden_cells(&sizes, FLOOR), vec![true, true, true]);
        assert!(!shown(total(&sizes), FLOOR));
    }

    #[test]
    fn empty_cells_are_neither_hidden_nor_used_as_complements() {
        let sizes = [0, 4, 10, 8];
        // The empty cell would add no uncertainty; the smallest real group (8) is hidden.
        assert_eq!(hidden_cells(&sizes, FLOOR), vec![false, true, false, true]);
        assert!(shown(0, FLOOR));
    }

    #[test]
    fn ties_are_broken_the_same_way_every_time() {
        assert_eq!(
            hidden_cells(&[6, 3, 6], FLOOR),
            vec![true, true, false],
            "the first of two equal cells is hidden"
        );
    }

    #[test]
    fn grouped_subtotals_hide_small_groups_and_their_complements() {
        // Two arms: the pilot's teams [6, 7] (13) and the comparison's [2, 2] (4).
        let groups = vec![vec![6, 7], vec![2, 2], vec![9, 11]];
        let subtotals = hidden_subtotals(&groups, FLOOR);
        // The comparison (4) is under the floor; the smallest other subtotal (13) hides too.
        assert_eq!(subtotals, vec![true, true, false]);
        assert_eq!(
            hidden_cells_grouped(&groups, FLOOR),
            vec![vec![true, true], vec![true, true], vec![false, false]]
        );
    }

    #[test]
    fn grouped_cells_are_suppressed_within_a_shown_group() {
        // The first group's subtotal (14) is shown, so its small cell needs a complement
        // within the group, or the subtotal minus the shown cell would reveal it.
        let groups = vec![vec![3, 5, 6], vec![20, 30]];
        assert_eq!(hidden_subtotals(&groups, FLOOR), vec![false, false]);
        let hidden = hidden_cells_grouped(&groups, FLOOR);
        assert_eq!(hidden, vec![vec![true, true, false], vec![false, false]]);
        assert!(revealed_by_difference(&groups[0], &hidden[0]) >= FLOOR);
    }

    #[test]
    fn grouped_tables_never_reveal_a_small_group_through_any_total() {
        let groups = vec![vec![1, 8, 9], vec![4], vec![6, 2, 2, 7], vec![15, 0]];
        let cells = hidden_cells_grouped(&groups, FLOOR);
        let subtotals = hidden_subtotals(&groups, FLOOR);
        for ((sizes, hidden), subtotal_hidden) in groups.iter().zip(&cells).zip(&subtotals) {
            for (&size, &h) in sizes.iter().zip(hidden) {
                assert!(h || shown(size, FLOOR), "a cell of {size} is shown");
            }
            if !subtotal_hidden {
                let gap = revealed_by_difference(sizes, hidden);
                assert!(gap == 0 || gap >= FLOOR, "a subtotal reveals {gap} people");
            }
        }
        let subtotal_sizes: Vec<u32> = groups.iter().map(|g| g.iter().sum()).collect();
        let gap = revealed_by_difference(&subtotal_sizes, &subtotals);
        assert!(
            gap == 0 || gap >= FLOOR,
            "the grand total reveals {gap} people"
        );
    }
}
