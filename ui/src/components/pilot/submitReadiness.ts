// Why a pilot cannot go to the steering group yet, read from its readiness checklist: every
// Step 1 item must be met or waived, one by one.
import type { ChecklistItem, Readiness } from "../../api";

/** The Step 1 items neither met nor waived. */
export function openStep1Items(readiness: Readiness): ChecklistItem[] {
  const step1 = readiness.steps.find((s) => s.step === 1);
  return (step1?.items ?? []).filter((item) => item.status === "not_met");
}

/** "3 checklist items in Step 1 are still open"; null when the pilot may be submitted. */
export function submitBlocker(readiness: Readiness): string | null {
  if (readiness.step1Complete) return null;
  const open = openStep1Items(readiness).length;
  if (open === 0) return "Step 1 of the checklist is not complete yet";
  return open === 1 ? "1 checklist item in Step 1 is still open" : `${open} checklist items in Step 1 are still open`;
}
