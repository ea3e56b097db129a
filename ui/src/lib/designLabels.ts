// Words for the designer's values: comparison designs, arms, budget choices, lifecycle notes.
import type { CohortMember, ComparisonDesign, ItemStatus, PilotDesign, PilotStatus } from "../api";
import type { PilotSection } from "./router";

export const DESIGNS: { value: ComparisonDesign; label: string; explanation: string }[] = [
  {
    value: "randomised_waitlist",
    label: "Randomised waitlist",
    explanation:
      "Managers are drawn at random into the pilot or a waitlist that starts after day 90; the strongest evidence.",
  },
  {
    value: "matched_teams",
    label: "Matched teams",
    explanation: "Each pilot team is matched with a similar team that is not coached.",
  },
  {
    value: "staggered_waves",
    label: "Staggered waves",
    explanation: "Wave 2 starts at day 45 and is the comparison until then.",
  },
  {
    value: "hand_picked",
    label: "Hand-picked teams",
    explanation: "Named pilot teams against named comparison teams, e.g. one region against the rest.",
  },
  {
    value: "none",
    label: "No comparison group",
    explanation: "Pre/post against the trend: weaker evidence, flagged everywhere.",
  },
];

export function designLabel(design: ComparisonDesign): string {
  return DESIGNS.find((d) => d.value === design)?.label ?? design;
}

/** A draw splits the managers given; the other designs take the pilot managers. */
export function isRandomDesign(design: string): boolean {
  return design === "randomised_waitlist" || design === "staggered_waves";
}

/** "Pilot", "Waitlist", "Comparison", "Wave 1", "Wave 2". */
export function armLabel(member: CohortMember, design: ComparisonDesign): string {
  if (design === "staggered_waves") return `Wave ${member.wave ?? (member.arm === "pilot" ? 1 : 2)}`;
  if (member.arm === "pilot") return "Pilot";
  return design === "randomised_waitlist" ? "Waitlist" : "Comparison";
}

export const CATEGORIES = [
  { value: "tooling", label: "Tooling" },
  { value: "analytics", label: "Analytics" },
  { value: "vendor", label: "Vendor" },
] as const;

export const PRICINGS = [
  { value: "fixed", label: "Fixed" },
  { value: "per_seat", label: "Per seat" },
  { value: "per_module", label: "Per module" },
] as const;

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  met: "Met",
  not_met: "Not met",
  waived: "Waived",
  not_yet_applicable: "Not yet applicable",
};

/** Which checklist items each design section answers, for the step navigation. */
export const SECTION_ITEMS: Partial<Record<PilotSection, string[]>> = {
  basics: ["objective", "window", "ai_agenda", "sponsor"],
  playbooks: ["workflows", "playbooks", "modular_learning"],
  cohort: ["cohort", "comparison"],
  kpis: ["kpis"],
  budget: ["budget"],
};

/** The section where an item is worked on. */
export function sectionOfItem(key: string): PilotSection | null {
  for (const [section, keys] of Object.entries(SECTION_ITEMS)) {
    if (keys.includes(key)) return section as PilotSection;
  }
  return null;
}

/** Why a design cannot be edited now, or null when it can. */
export function lockedNote(design: PilotDesign): string | null {
  if (design.editable) return null;
  const status: PilotStatus = design.pilot.status;
  if (status === "submitted") return "This design is with the steering group; withdraw it to Draft to change it.";
  if (design.criteriaLocked) return "This design was locked at approval.";
  if (status === "changes_requested") return "Changes were requested; move the pilot back to Draft to change its design.";
  return "The design can change only in Draft or Ready.";
}
