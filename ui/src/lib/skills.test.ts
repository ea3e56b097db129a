import { describe, expect, it } from "vitest";
import type { FrameworkImport, HeatmapCell, Person } from "../api";
import {
  assignmentStatusLabel,
  assignmentStatusTone,
  byFramework,
  competencyFigures,
  currentPeople,
  daysText,
  durationText,
  frameworkFileName,
  heatBand,
  heatCellText,
  importSummary,
  levelText,
  middleHalfText,
  parseCount,
  parseProgress,
  problemPlace,
  purchasePreview,
  roleNames,
  seatsText,
  seatUtilisation,
  targetLevels,
  teamNames,
} from "./skills";
import { skillsReport, supportModules } from "../test/skills";

describe("purchasePreview", () => {
  it("charges per seat per month as price × seats × months", () => {
    expect(purchasePreview("per_seat_month", 1_800, "12", "3", "USD")).toEqual({
      total: 64_800,
      basis: "12 seats × 3 months × USD 18",
    });
    expect(purchasePreview("per_seat_month", 4_050, "1", "1", "EUR")).toEqual({
      total: 4_050,
      basis: "1 seat × 1 month × EUR 40.50",
    });
  });

  it("charges per learner once, whatever the months", () => {
    expect(purchasePreview("per_module", 9_500, "8", "12", "USD")).toEqual({ total: 76_000, basis: "8 learners × USD 95" });
    expect(purchasePreview("per_module", 9_500, "8", "", "USD")?.total).toBe(76_000);
  });

  it("charges a site licence per month, without seats", () => {
    expect(purchasePreview("site_licence", 250_000, "", "6", "USD")).toEqual({
      total: 1_500_000,
      basis: "site licence, 6 months × USD 2,500",
    });
  });

  it("waits for whole numbers before showing a total", () => {
    expect(purchasePreview("per_seat_month", 1_800, "", "3", "USD")).toBeNull();
    expect(purchasePreview("per_seat_month", 1_800, "2.5", "3", "USD")).toBeNull();
    expect(purchasePreview("per_seat_month", 1_800, "0", "3", "USD")).toBeNull();
    expect(purchasePreview("site_licence", 1_800, "10", "x", "USD")).toBeNull();
  });
});

describe("parsing what is typed", () => {
  it("reads counts from 1 up", () => {
    expect(parseCount(" 12 ")).toBe(12);
    expect(parseCount("0")).toBeNull();
    expect(parseCount("-3")).toBeNull();
    expect(parseCount("1e3")).toBeNull();
  });

  it("reads progress from 0 to 100, with or without %", () => {
    expect(parseProgress("0")).toBe(0);
    expect(parseProgress("40%")).toBe(40);
    expect(parseProgress("101")).toBeNull();
    expect(parseProgress("half")).toBeNull();
  });
});

describe("heatBand", () => {
  it("puts a share in one of five bands, and nothing shown in none", () => {
    expect(heatBand(null)).toBe("none");
    expect(heatBand(0)).toBe("low");
    expect(heatBand(0.2499)).toBe("low");
    expect(heatBand(0.25)).toBe("some");
    expect(heatBand(0.5)).toBe("half");
    expect(heatBand(0.75)).toBe("most");
    expect(heatBand(0.999)).toBe("most");
    expect(heatBand(1)).toBe("all");
  });

  it("writes the share and the counts in the cell, so colour is never the only sign", () => {
    const cell = (share: number | null, met: number, requiredOf: number, hidden = false): HeatmapCell => ({ competencyId: 1, share, met, requiredOf, hidden });
    expect(heatCellText(cell(1 / 13, 1, 13), 5)).toEqual({ main: "7.7%", detail: "1 of 13" });
    expect(heatCellText(cell(0, 0, 13), 5)).toEqual({ main: "0%", detail: "0 of 13" });
    expect(heatCellText(cell(null, 0, 0), 5)).toEqual({ main: "—", detail: "not required" });
    expect(heatCellText(cell(null, 0, 0, true), 5)).toEqual({ main: "Hidden", detail: "fewer than 5" });
  });
});

describe("labels", () => {
  it("names each assignment status with a tone", () => {
    expect(assignmentStatusLabel("not_started")).toBe("Not started");
    expect(assignmentStatusLabel("in_progress")).toBe("In progress");
    expect(assignmentStatusLabel("completed")).toBe("Completed");
    expect(assignmentStatusLabel("overdue")).toBe("Overdue");
    expect(assignmentStatusTone("overdue")).toBe("danger");
    expect(assignmentStatusTone("completed")).toBe("success");
  });

  it("writes levels, durations and seats as people read them", () => {
    expect(levelText(3, "Proficient")).toBe("3 · Proficient");
    expect(levelText(2, "")).toBe("Level 2");
    expect(durationText(0.75)).toBe("45 min");
    expect(durationText(1.5)).toBe("1.5 h");
    expect(seatsText({ pricing: "per_seat_month", seatsBought: 12, seatsUsed: 4 })).toBe("4 of 12 seats used");
    expect(seatsText({ pricing: "per_module", seatsBought: 1, seatsUsed: 1 })).toBe("1 of 1 learner used");
    expect(seatsText({ pricing: "site_licence", seatsBought: null, seatsUsed: 9 })).toBe("Site licence · 9 people assigned");
    expect(seatsText({ pricing: "per_seat_month", seatsBought: 0, seatsUsed: 0 })).toBe("None bought");
    expect(seatUtilisation({ seatsBought: 8, seatsUsed: 10 })).toBe(1.25);
    expect(seatUtilisation({ seatsBought: null, seatsUsed: 10 })).toBeNull();
  });

  it("says where a problem in a package is", () => {
    expect(problemPlace({ field: "$.CFItems[2].identifier", line: 41, column: 27, message: "x" })).toBe("line 41, column 27");
    expect(problemPlace({ line: 3, message: "x" })).toBe("line 3");
    expect(problemPlace({ message: "x" })).toBe("");
  });

  it("names an exported framework's file", () => {
    expect(frameworkFileName("Workplace Communication Skills")).toBe("workplace-communication-skills.case.json");
    expect(frameworkFileName("Compétences — 2025")).toBe("competences-2025.case.json");
    expect(frameworkFileName("!!!")).toBe("framework.case.json");
  });

  it("says what an import did", () => {
    const framework = { id: 2, identifier: "x", title: "Workplace Communication Skills", version: "2.3", builtin: false, competencies: 9, levels: 4, updatedAt: "" };
    const first: FrameworkImport = { framework, updated: false, added: 9, changed: 0, retired: 0, removed: 0 };
    expect(importSummary(first)).toBe('Imported "Workplace Communication Skills" (version 2.3): 9 items, a scale of 4 levels.');
    expect(importSummary({ ...first, updated: true, added: 1, changed: 2, removed: 0, retired: 1 })).toBe(
      'Updated "Workplace Communication Skills" to version 2.3: 1 added, 2 changed, 0 removed, 1 kept aside because modules or ratings still use them.',
    );
  });
});

describe("people and competencies", () => {
  const person = (id: string, team: string, role: string, leavingDate: string | null = null): Person => ({
    id, name: id, email: "", team, role, managerId: null, hireDate: null, leavingDate,
  });
  const people = [
    person("a", "Customer Support", "Support Specialist"),
    person("b", "Sales East", "Account Executive"),
    person("c", "Customer Support", "Escalations Specialist", "2020-01-31"),
    person("d", "Customer Support", "Support Specialist"),
  ];

  it("keeps people who have not left, and lists teams and roles once", () => {
    expect(currentPeople(people, "2026-11-29").map((p) => p.id)).toEqual(["a", "b", "d"]);
    expect(teamNames(people)).toEqual(["Customer Support", "Sales East"]);
    expect(roleNames(people)).toEqual(["Account Executive", "Escalations Specialist", "Support Specialist"]);
  });

  it("groups competency choices by framework in the order given", () => {
    const groups = byFramework([
      { id: 1, label: "SO.1", framework: "Pilotdesk", levels: [] },
      { id: 9, label: "WC.W.1", framework: "Northfield", levels: [] },
      { id: 2, label: "SO.2", framework: "Pilotdesk", levels: [] },
    ]);
    expect(groups.map((g) => [g.framework, g.choices.map((c) => c.id)])).toEqual([
      ["Pilotdesk", [1, 2]],
      ["Northfield", [9]],
    ]);
  });
});

describe("the pilot's skills figures", () => {
  it("knows a competency's target level only when every module that builds it agrees", () => {
    expect([...targetLevels(supportModules)]).toEqual([
      [7, { level: 3, label: "Proficient" }],
      [8, { level: 3, label: "Proficient" }],
    ]);
    const other = { ...supportModules[1]!, id: 12, targets: [{ ...supportModules[1]!.targets[0]!, targetLevel: 2, levelLabel: "Practising" }] };
    expect(targetLevels([...supportModules, other]).has(8)).toBe(false);
  });

  it("writes days and the middle half of them", () => {
    expect(daysText(1)).toBe("1 day");
    expect(daysText(36)).toBe("36 days");
    expect(daysText(12.5)).toBe("12.5 days");
    expect(middleHalfText(25, 53)).toBe("25–53 days");
    expect(middleHalfText(30, null)).toBe("from 30 days");
    expect(middleHalfText(null, null)).toBeNull();
    expect(middleHalfText(20, 20)).toBe("20 days");
  });

  it("puts completion and speed side by side, and marks what the privacy floor holds back", () => {
    const rows = competencyFigures(skillsReport());
    expect(rows.map((r) => [r.competencyId, r.hidden, r.speedHidden, r.completionHidden])).toEqual([
      [7, false, false, false],
      [8, false, false, false],
      [9, true, true, true],
    ]);
    const onlySpeed = competencyFigures({ completion: [], speed: [skillsReport().speed[0]!] });
    expect(onlySpeed[0]!.completion).toBeNull();
    expect(onlySpeed[0]!.hidden).toBe(false);
  });
});
