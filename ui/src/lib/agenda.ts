// Words and small computations for AI-assisted agendas: labels, outcomes, calibration lines,
// the text a copy takes, the calendar's default start and the quick log's prefill.
import type {
  AcceptanceFigures,
  Agenda,
  AgendaContext,
  AgendaItem,
  AgendaItemKind,
  AgendaSource,
  AgendaStatus,
  Calibration,
  QuickLogInput,
  RejectReason,
} from "../api";
import { slugify } from "./format";

const ITEM_LABELS: Record<AgendaItemKind, string> = {
  opening: "Opening question",
  prompt: "Conversation prompt",
  practice: "Short practice",
  commitment: "Commitment",
  next_step: "Next module or sample",
};

export function itemLabel(kind: AgendaItemKind): string {
  return ITEM_LABELS[kind];
}

const ITEM_NAMES: Record<AgendaItemKind, string> = {
  opening: "opening question",
  prompt: "prompt",
  practice: "practice",
  commitment: "commitment",
  next_step: "next step",
};

/** How a control names one item: "prompt 2" counts prompts only, so the name matches what a
 * person sees ("the second prompt"), not the item's position in the whole agenda. */
export function itemName(item: AgendaItem, items: AgendaItem[]): string {
  if (item.kind !== "prompt") return ITEM_NAMES[item.kind];
  const prompts = items.filter((i) => i.kind === "prompt");
  return prompts.length > 1 ? `prompt ${prompts.indexOf(item) + 1}` : "prompt";
}

export function isEdited(item: AgendaItem): boolean {
  return item.text !== item.suggested;
}

const CONTEXT_LABELS: Record<AgendaContext, string> = {
  onboarding: "Onboarding",
  skill_practice: "Skill practice",
  performance_conversation: "Performance conversation",
  conflict: "Conflict",
};

export function contextLabel(context: AgendaContext): string {
  return CONTEXT_LABELS[context];
}

const SOURCE_LABELS: Record<AgendaSource, string> = {
  offline: "Written offline",
  model: "Written by the local model",
  fallback: "Written offline (fell back)",
};

export function sourceLabel(source: AgendaSource): string {
  return SOURCE_LABELS[source];
}

const STATUS_LABELS: Record<AgendaStatus, string> = {
  open: "Open",
  accepted: "Accepted",
  edited: "Accepted, edited",
  rejected: "Rejected",
};

export function statusLabel(status: AgendaStatus): string {
  return STATUS_LABELS[status];
}

/** The short list a rejection chooses from, in the backend's order and words. */
export const REJECT_REASONS: { value: RejectReason; label: string }[] = [
  { value: "not_relevant", label: "Not relevant to this person" },
  { value: "wrong_facts", label: "Gets the facts wrong" },
  { value: "wrong_tone", label: "Wrong tone" },
  { value: "too_generic", label: "Too generic" },
  { value: "not_now", label: "Not the right moment" },
];

export function reasonLabel(reason: RejectReason): string {
  return REJECT_REASONS.find((r) => r.value === reason)?.label ?? reason;
}

/** A share from 0 to 1 as a percentage with the digits its size needs: 0.004 is "0.4%", never
 * "0%"; 0.996 is "99.6%", never "100%". */
export function formatShare(share: number): string {
  const pct = share * 100;
  if (pct <= 0) return "0%";
  if (pct >= 100) return "100%";
  const rounded = Math.round(pct);
  if (rounded === 0) return `${Number(pct.toPrecision(1))}%`;
  if (rounded === 100) return `${Math.floor(pct * 10) / 10}%`;
  return `${rounded}%`;
}

/** What became of an agenda, in words; null while it is open. */
export function outcomeText(agenda: Pick<Agenda, "status" | "changeShare" | "rejectReason">): string | null {
  switch (agenda.status) {
    case "open":
      return null;
    case "accepted":
      return "Accepted as suggested";
    case "edited":
      return `Accepted with ${formatShare(agenda.changeShare ?? 0)} changed`;
    case "rejected":
      return `Rejected: ${agenda.rejectReason ? reasonLabel(agenda.rejectReason) : "no reason given"}`;
  }
}

export function decided(figures: AcceptanceFigures): number {
  return figures.acceptedAsIs + figures.edited + figures.rejected;
}

/** "1 of 1": accepted (as suggested or edited) out of decided, the rate's denominator. */
export function acceptedOf(figures: AcceptanceFigures): string {
  return `${figures.acceptedAsIs + figures.edited} of ${decided(figures)}`;
}

/** "100% (1 of 1)": the rate with the count it rests on; "—" before the first decision. */
export function acceptanceText(figures: AcceptanceFigures): string {
  if (figures.acceptanceRate == null || decided(figures) === 0) return "—";
  return `${formatShare(figures.acceptanceRate)} (${acceptedOf(figures)})`;
}

/** "2 edited (31% changed on average)", or "0 edited". */
export function editedText(figures: AcceptanceFigures): string {
  if (figures.edited === 0 || figures.meanChangeShare == null) return `${figures.edited} edited`;
  return `${figures.edited} edited (${formatShare(figures.meanChangeShare)} changed on average)`;
}

/** A table cell's shorter form: "2 (31%)", the mean share changed in brackets. */
export function editedCell(figures: AcceptanceFigures): string {
  if (figures.edited === 0 || figures.meanChangeShare == null) return String(figures.edited);
  return `${figures.edited} (${formatShare(figures.meanChangeShare)})`;
}

/** The over-reliance rule in a sentence, from the numbers the backend applies. */
export function ruleText(calibration: Pick<Calibration, "signalMinAgendas" | "signalUneditedShare">): string {
  return (
    `A manager shows as over-reliant once they have decided at least ${calibration.signalMinAgendas} agendas ` +
    `and accepted ${formatShare(calibration.signalUneditedShare)} or more of them without changing a word.`
  );
}

/** The agenda as plain text, for the clipboard: who, what, then each item in order. */
export function agendaText(agenda: Agenda): string {
  const lines = [
    `Coaching agenda: ${agenda.managerName} with ${agenda.coacheeName}`,
    [agenda.task, contextLabel(agenda.context), `${agenda.minutes} minutes`].filter(Boolean).join(" · "),
    "",
  ];
  for (const [index, item] of agenda.items.entries()) {
    lines.push(`${index + 1}. ${itemLabel(item.kind)}: ${item.text}`);
  }
  return lines.join("\n");
}

/** A file name for the agenda's card or calendar entry: "agenda-nadia-owusu-12.pdf". */
export function agendaFileName(agenda: Pick<Agenda, "id" | "coacheeName">, extension: string): string {
  return `agenda-${slugify(agenda.coacheeName)}-${agenda.id}.${extension}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The next Monday-to-Friday after `now`'s day, as "YYYY-MM-DD" in local time. */
export function nextWorkingDay(now: Date = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  do {
    day.setDate(day.getDate() + 1);
  } while (day.getDay() === 0 || day.getDay() === 6);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** "YYYY-MM-DD HH:MM", the start the calendar command takes; null when either part is not one. */
export function calendarStart(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${date.trim()} ${pad(Number(match[1]))}:${match[2]}`;
}

/** What the quick log starts from when a moment is logged from an agenda. */
export function momentFromAgenda(agenda: Agenda): Partial<QuickLogInput> {
  const commitment = agenda.items.find((i) => i.kind === "commitment")?.text.trim() ?? "";
  return {
    managerId: agenda.managerId,
    coacheeId: agenda.coacheeId,
    pilotId: agenda.pilotId,
    taskId: agenda.taskId,
    kind: "ai_agenda",
    minutes: String(agenda.minutes),
    notes: `From agenda ${agenda.id}: ${commitment}`.trim(),
  };
}

/** Copies text to the clipboard; where the clipboard API is refused, through a hidden
 * textarea and the older copy command. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the older way.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  area.style.pointerEvents = "none";
  document.body.appendChild(area);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.focus();
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  previous?.focus();
  return copied;
}
