// Words for the home: the line under the greeting that says what needs the user today.
import type { Home, InboxEntry, ItemKind } from "../api";
import { plural } from "./format";

/** The items that are stage gates of a pilot; a criteria change is not one. */
const GATE_KINDS: readonly ItemKind[] = ["approval", "day45_review", "day90_outcome"];

function memberPart(inbox: InboxEntry[]): string[] {
  const owed = inbox.filter((e) => e.owesVote).length;
  const overdue = inbox.filter((e) => e.overdue);
  const parts: string[] = [];
  if (owed > 0) parts.push(`${plural(owed, "vote")} ${owed === 1 ? "needs" : "need"} you`);
  if (overdue.length > 0) {
    // "Gate" only when it is true of every overdue item, so a late criteria change is not misnamed.
    const noun = overdue.every((e) => GATE_KINDS.includes(e.kind)) ? "gate" : "item";
    parts.push(`${plural(overdue.length, noun)} overdue`);
  }
  return parts.length > 0 ? parts : ["No vote waits for you"];
}

/** "1 verdict in · 2 votes need you · 1 gate overdue": what each part the user plays asks of
 * them, their own first. The lead's count stands only alone: it asks nothing by itself. */
export function homeSubtitle(home: Home): string {
  const parts = home.roles.flatMap((role) => {
    switch (role) {
      case "member":
        return memberPart(home.inbox);
      case "sponsor": {
        const verdicts = home.sponsored.filter((s) => s.verdict !== null).length;
        return [verdicts > 0 ? `${plural(verdicts, "verdict")} in` : `${plural(home.sponsored.length, "pilot")} you sponsor`];
      }
      case "lead":
        return home.roles.length === 1 ? [`${plural(home.overview.pilots.length, "pilot")} · each runs a 90-day window`] : [];
    }
  });
  return parts.join(" · ");
}

/** The greeting: by first name once someone is chosen. */
export function homeTitle(firstName: string | undefined): string {
  return firstName ? `Good to see you, ${firstName}` : "Home";
}
