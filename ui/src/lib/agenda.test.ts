import { afterEach, describe, expect, it, vi } from "vitest";
import { calibration, figures, openAgenda } from "../test/agenda";
import {
  acceptanceText,
  agendaFileName,
  agendaText,
  calendarStart,
  copyText,
  editedCell,
  editedText,
  formatShare,
  itemName,
  momentFromAgenda,
  nextWorkingDay,
  outcomeText,
  ruleText,
} from "./agenda";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("agenda words", () => {
  it("keeps the digits a share needs: small shares are never 0%, nearly all is never 100%", () => {
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(0.004)).toBe("0.4%");
    expect(formatShare(0.134)).toBe("13%");
    expect(formatShare(0.996)).toBe("99.6%");
    expect(formatShare(0.9999)).toBe("99.9%");
    expect(formatShare(1)).toBe("100%");
  });

  it("names items the way a person sees them: prompts are counted among prompts", () => {
    const agenda = openAgenda();
    expect(agenda.items.map((i) => itemName(i, agenda.items))).toEqual([
      "opening question", "prompt 1", "prompt 2", "practice", "commitment", "next step",
    ]);
    const single = agenda.items.filter((i) => i.position !== 3);
    expect(itemName(single[1]!, single)).toBe("prompt");
  });

  it("says what became of an agenda", () => {
    expect(outcomeText(openAgenda())).toBeNull();
    expect(outcomeText(openAgenda({ status: "accepted" }))).toBe("Accepted as suggested");
    expect(outcomeText(openAgenda({ status: "edited", changeShare: 0.2149 }))).toBe("Accepted with 21% changed");
    expect(outcomeText(openAgenda({ status: "rejected", rejectReason: "wrong_tone" }))).toBe("Rejected: Wrong tone");
  });

  it("gives acceptance with the count it rests on, and nothing before a decision", () => {
    expect(acceptanceText(figures({ generated: 1, edited: 1, acceptanceRate: 1 }))).toBe("100% (1 of 1)");
    expect(acceptanceText(figures({ generated: 3, acceptedAsIs: 1, rejected: 1, open: 1, acceptanceRate: 0.5 }))).toBe("50% (1 of 2)");
    expect(acceptanceText(figures({ generated: 2, open: 2 }))).toBe("—");
    expect(editedText(figures({ edited: 2, meanChangeShare: 0.31 }))).toBe("2 edited (31% changed on average)");
    expect(editedText(figures())).toBe("0 edited");
    expect(editedCell(figures({ edited: 2, meanChangeShare: 0.31 }))).toBe("2 (31%)");
  });

  it("states the over-reliance rule in words from its numbers", () => {
    expect(ruleText(calibration)).toBe(
      "A manager shows as over-reliant once they have decided at least 10 agendas and accepted 90% or more of them without changing a word.",
    );
  });

  it("writes the agenda as plain text and names its files", () => {
    const text = agendaText(openAgenda());
    expect(text.split("\n").slice(0, 4)).toEqual([
      "Coaching agenda: Mei Walsh with Nadia Owusu",
      "Qualify every deal against the framework · Onboarding · 14 minutes",
      "",
      "1. Opening question: Nadia, what went better than you expected this week?",
    ]);
    expect(text).toContain("6. Next module or sample: Next: the \"Qualification basics\" module.");
    expect(agendaFileName(openAgenda({ coacheeName: "Zoë Kim" }), "ics")).toBe("agenda-zoe-kim-12.ics");
  });

  it("starts the calendar entry on the next working day and checks date and time", () => {
    expect(nextWorkingDay(new Date(2026, 10, 23, 15, 0))).toBe("2026-11-24"); // Monday -> Tuesday
    expect(nextWorkingDay(new Date(2026, 10, 27, 8, 0))).toBe("2026-11-30"); // Friday -> Monday
    expect(nextWorkingDay(new Date(2026, 10, 28, 8, 0))).toBe("2026-11-30"); // Saturday -> Monday
    expect(nextWorkingDay(new Date(2026, 11, 31, 8, 0))).toBe("2027-01-01");
    expect(calendarStart("2026-12-01", "9:30")).toBe("2026-12-01 09:30");
    expect(calendarStart("2026-12-01", "24:00")).toBeNull();
    expect(calendarStart("1 Dec", "09:30")).toBeNull();
  });

  it("prefills the quick log from the agenda: the pair, pilot, task, minutes and the commitment", () => {
    expect(momentFromAgenda(openAgenda())).toEqual({
      managerId: "E1060",
      coacheeId: "E1062",
      pilotId: 1,
      taskId: 2,
      kind: "ai_agenda",
      minutes: "14",
      notes: "From agenda 12: Qualify the next three deals before the forecast call.",
    });
  });

  it("copies through the clipboard, or through a hidden text box where it is refused", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal("navigator", { clipboard: { writeText } });
    expect(await copyText("hello")).toBe(true);
    expect(writeText).toHaveBeenCalledWith("hello");

    vi.stubGlobal("navigator", { clipboard: { writeText: vi.fn().mockRejectedValue(new Error("denied")) } });
    let copied = "";
    const exec = vi.fn(() => {
      copied = document.querySelector("textarea")?.value ?? "";
      return true;
    });
    Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
    expect(await copyText("fallback text")).toBe(true);
    expect(exec).toHaveBeenCalledWith("copy");
    expect(copied).toBe("fallback text");
    expect(document.querySelector("textarea")).toBeNull();
  });
});
