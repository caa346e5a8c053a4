//! The work budget: how many steps one extraction may take before it gives up.
//!
//! Every walk of the tree ([`super::Descendants`]) and every element the parser opens counts its
//! steps here. Linear pages take a few steps per node; a hostile shape (thousands of nests each
//! hundreds deep, millions of elements) makes every stage walk the same nodes over and over, and
//! would take minutes and gigabytes. Once an extraction has spent its budget, walks end at once, so
//! each stage finishes quickly with results nobody uses, and the extraction returns
//! [`crate::Error::TooComplex`] at its next check.
//!
//! The meter is per thread (the engine is single-threaded, in WebAssembly and natively), so that
//! the several trees one extraction parses share it without each carrying a handle.

use std::cell::Cell;

/// The steps a new node costs, as a multiple of one step of a walk: parsing a node (tokenizing,
/// tree building, allocating) takes about as long as visiting a node 128 times (measured natively,
/// on 60 MB of small elements and on deep nests).
pub(crate) const PER_NODE: u64 = 128;

thread_local! {
    static SPENT: Cell<u64> = const { Cell::new(0) };
    static BUDGET: Cell<u64> = const { Cell::new(u64::MAX) };
}

/// A budget in force until dropped; then the one before it (none, outside an extraction) is back.
pub(crate) struct Budget {
    outer: (u64, u64),
}

impl Budget {
    /// Starts counting `steps` from zero.
    pub(crate) fn start(steps: u64) -> Budget {
        let outer = (SPENT.with(|s| s.replace(0)), BUDGET.with(|b| b.replace(steps)));
        Budget { outer }
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        SPENT.with(|s| s.set(self.outer.0));
        BUDGET.with(|b| b.set(self.outer.1));
    }
}

/// Counts `steps`; false once the budget in force is spent (never, without one).
#[inline]
pub(crate) fn spend(steps: u64) -> bool {
    let spent = SPENT.with(|s| {
        let now = s.get().saturating_add(steps);
        s.set(now);
        now
    });
    spent <= BUDGET.with(Cell::get)
}

/// Whether the budget in force still has steps left.
pub(crate) fn within() -> bool {
    SPENT.with(Cell::get) <= BUDGET.with(Cell::get)
}
