// Words for the printed packs.
import type { PackKind } from "../api";

const KINDS: Record<PackKind, string> = {
  proposal: "Proposal pack",
  decision: "Decision record",
  monthly: "Monthly pack",
  day45_review: "Day-45 review pack",
  outcome: "Day-90 outcome pack",
  portfolio: "Portfolio pack",
};

/** "monthly" -> "Monthly pack"; a kind this version does not know is shown as it is. */
export function packKindLabel(kind: PackKind): string {
  return KINDS[kind] ?? kind;
}
