//! The outcome-based budget's ledger: what is committed in tranches, released by
//! decisions and spent. Integer cents throughout, so the columns always add up.

use crate::model::Money;

/// One tranche as the ledger sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrancheAmounts {
    pub amount: Money,
    pub released: bool,
    pub spent: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub committed: Money,
    pub released: Money,
    pub spent: Money,
    /// The budget not yet split into tranches (never negative).
    pub unallocated: Money,
    /// Released and not yet spent.
    pub available: Money,
}

pub fn totals(budget: Money, tranches: &[TrancheAmounts]) -> Totals {
    let committed: i64 = tranches.iter().map(|t| t.amount.cents()).sum();
    let released: i64 = tranches
        .iter()
        .filter(|t| t.released)
        .map(|t| t.amount.cents())
        .sum();
    let spent: i64 = tranches.iter().map(|t| t.spent.cents()).sum();
    Totals {
        committed: Money(committed),
        released: Money(released),
        spent: Money(spent),
        unallocated: Money((budget.cents() - committed).max(0)),
        available: Money(released - spent),
    }
}

/// What a tranche may still pay for: its amount once released, less what it has paid.
pub fn spendable(tranche: &TrancheAmounts) -> Money {
    if tranche.released {
        Money(tranche.amount.cents() - tranche.spent.cents())
    } else {
        Money(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tranche(amount: i64, released: bool, spent: i64) -> TrancheAmounts {
        TrancheAmounts {
            amount: Money(amount),
            released,
            spent: Money(spent),
        }
    }

    #[test]
    fn committed_released_and_spent_add_up() {
        let totals = totals(
            Money(2_000_000),
            &[
                tranche(1_200_000, true, 450_000),
                tranche(600_000, false, 0),
            ],
        );
        assert_eq!(totals.committed, Money(1_800_000));
        assert_eq!(totals.released, Money(1_200_000));
        assert_eq!(totals.spent, Money(450_000));
        assert_eq!(totals.unallocated, Money(200_000));
        assert_eq!(totals.available, Money(750_000));
    }

    #[test]
    fn an_unreleased_tranche_cannot_be_spent_from() {
        assert_eq!(spendable(&tranche(500, false, 0)), Money(0));
        assert_eq!(spendable(&tranche(500, true, 200)), Money(300));
    }

    #[test]
    fn no_tranches_leave_the_whole_budget_unallocated() {
        let totals = totals(Money(900), &[]);
        assert_eq!(totals.unallocated, Money(900));
        assert_eq!(totals.committed, Money(0));
    }
}
