// Words for the steering group's data, shared by the governance screens.
import type { DecisionKind, ItemKind, MemberFunction, Practice, VoteChoice } from "../api";

// The function a member speaks for on the group, not a description of the person: a VP Sales
// can hold the front line's seat, so "Frontline leader" beside their job title would mislead.
const FUNCTIONS: Record<MemberFunction, string> = {
  hr: "HR",
  analytics: "Analytics",
  finance: "Finance",
  frontline: "Front line",
  other: "Other",
};

export const FUNCTION_ORDER = Object.keys(FUNCTIONS) as MemberFunction[];

export function functionLabel(fn: MemberFunction): string {
  return FUNCTIONS[fn] ?? fn;
}

const SPOKEN_FOR: Record<MemberFunction, string> = {
  hr: "HR",
  analytics: "analytics",
  finance: "finance",
  frontline: "the front line",
  other: "another function",
};

/** "speaks for the front line", to follow a job title: "VP Sales · speaks for the front line". */
export function speaksFor(fn: MemberFunction): string {
  return `speaks for ${SPOKEN_FOR[fn] ?? fn}`;
}

const CHOICES: Record<VoteChoice, string> = {
  approve: "Approve",
  reject: "Reject",
  request_changes: "Request changes",
  continue: "Continue",
  stop: "Stop",
  scale: "Scale",
  iterate: "Iterate",
};

export function choiceLabel(choice: VoteChoice): string {
  return CHOICES[choice] ?? choice;
}

/** The tone of a vote choice: agreeing, asking for more, or against. */
export function choiceTone(choice: VoteChoice): "success" | "warning" | "danger" {
  switch (choice) {
    case "approve":
    case "continue":
    case "scale":
      return "success";
    case "request_changes":
    case "iterate":
      return "warning";
    default:
      return "danger";
  }
}

/** The choices of an item, in the order offered; the backend holds the same list. */
export function itemOptions(kind: ItemKind): VoteChoice[] {
  switch (kind) {
    case "approval":
      return ["approve", "request_changes", "reject"];
    case "day45_review":
      return ["continue", "stop"];
    case "day90_outcome":
      return ["scale", "iterate", "stop"];
    case "criteria_change":
      return ["approve", "reject"];
  }
}

/** Choices that need a reason, so the pilot's designers know what to change. */
export function needsComment(choice: VoteChoice): boolean {
  return choice === "reject" || choice === "request_changes" || choice === "stop";
}

const KINDS: Record<DecisionKind, string> = {
  approval: "Approval",
  day45_review: "Day-45 review",
  day90_outcome: "Day-90 outcome",
  criteria_change: "Criteria change",
  tranche_release: "Tranche release",
};

export function kindLabel(kind: DecisionKind | ItemKind): string {
  return KINDS[kind] ?? kind;
}

/** "Due in 5 days", "Due today", "3 days overdue". */
export function dueText(daysLeft: number): string {
  if (daysLeft === 0) return "Due today";
  if (daysLeft > 0) return `Due in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`;
  const late = -daysLeft;
  return `${late} day${late === 1 ? "" : "s"} overdue`;
}

const PRACTICES: Record<Practice, string> = {
  micro_coaching: "Micro-coaching playbooks",
  ai_assisted: "AI-assisted coaching",
  skills_as_a_service: "Skills-as-a-service",
  coaching_analytics: "Coaching analytics",
  coaching_networks: "Coaching networks",
  async_competency: "Asynchronous competency models",
  general: "General",
};

export const PRACTICE_ORDER = Object.keys(PRACTICES) as Practice[];

export function practiceLabel(practice: Practice): string {
  return PRACTICES[practice] ?? practice;
}
