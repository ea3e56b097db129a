import { get } from "svelte/store";
import { describe, expect, it } from "vitest";
import type { Person } from "../api";
import { quickLogOptions } from "../test/coaching";
import { isQuickLogShortcut, openQuickLogFromShortcut, quickLogOffer, quickLogOpen, quickLogPrefill } from "./coaching";
import { formatMinutes, formatWhen } from "./events";
import { describeProgress, describeSummary, doubleMapped, unmappedRequired } from "./imports";
import { buildOrgTree, visibleForSearch } from "./orgTree";
import { blankMoment, defaultPilot, localNow, matches } from "./quickLog";

const person = (id: string, name: string, managerId: string | null, role = "Agent"): Person => ({
  id, name, managerId, role, team: "Ops", email: `${id.toLowerCase()}@x.example`, hireDate: null, leavingDate: null,
});

describe("org tree", () => {
  const people = [
    person("C", "Cy Boss", null, "COO"),
    person("M2", "Bea Lead", "C", "Manager"),
    person("M1", "Al Lead", "C", "Manager"),
    person("A", "Zed Agent", "M1"),
    person("B", "Ann Agent", "M1"),
    person("X", "Orphan", "GONE"),
  ];

  it("nests people under their managers, sorted by name, with everyone below counted", () => {
    const roots = buildOrgTree(people);
    expect(roots.map((r) => r.person.id)).toEqual(["C", "X"]);
    const boss = roots[0]!;
    expect(boss.children.map((c) => c.person.name)).toEqual(["Al Lead", "Bea Lead"]);
    expect(boss.children[0]!.children.map((c) => c.person.name)).toEqual(["Ann Agent", "Zed Agent"]);
    expect(boss.size).toBe(4);
    expect(boss.children[0]!.size).toBe(2);
  });

  it("shows search matches with their managers", () => {
    const roots = buildOrgTree(people);
    expect(visibleForSearch(roots, "")).toBeNull();
    expect([...(visibleForSearch(roots, "zed") ?? [])].sort()).toEqual(["A", "C", "M1"]);
  });
});

describe("quick log", () => {
  it("defaults to the manager's pilot, else the only running one", () => {
    expect(defaultPilot(quickLogOptions, "E1060")?.id).toBe(1);
    expect(defaultPilot(quickLogOptions, null)?.id).toBe(1);
    const two = { ...quickLogOptions, pilots: [...quickLogOptions.pilots, { ...quickLogOptions.pilots[0]!, id: 2, managers: [] }] };
    expect(defaultPilot(two, "E1040")).toBeNull();
    expect(defaultPilot(two, "E1060")?.id).toBe(1);
  });

  it("starts a moment as micro-coaching for ten minutes, now", () => {
    const moment = blankMoment({ ...quickLogOptions, defaultManager: "E1060" }, new Date(2026, 10, 23, 9, 5));
    expect(moment).toMatchObject({ managerId: "E1060", kind: "micro_coaching", minutes: "10", pilotId: 1, occurredAt: "2026-11-23 09:05" });
    expect(localNow(new Date(2026, 0, 2, 3, 4))).toBe("2026-01-02 03:04");
  });

  it("matches every word, ignoring case and accents", () => {
    expect(matches("zoe", "Zoë Kim")).toBe(true);
    expect(matches("kim zo", "Zoë Kim")).toBe(true);
    expect(matches("kim ann", "Zoë Kim")).toBe(false);
  });

  it("knows its shortcut", () => {
    const key = { key: "l", ctrlKey: true, metaKey: false, altKey: false, shiftKey: false };
    expect(isQuickLogShortcut(key)).toBe(true);
    expect(isQuickLogShortcut({ ...key, key: "L" })).toBe(true);
    expect(isQuickLogShortcut({ ...key, ctrlKey: false })).toBe(false);
    expect(isQuickLogShortcut({ ...key, shiftKey: true })).toBe(false);
  });
});

describe("words for events and imports", () => {
  it("formats times and durations", () => {
    expect(formatWhen("2026-11-02T09:30:00")).toBe("2 Nov 2026, 09:30");
    expect(formatMinutes(10)).toBe("10 min");
    expect(formatMinutes(60)).toBe("1 h");
    expect(formatMinutes(95)).toBe("1 h 35 min");
  });

  it("says how far a running import has read, never 100% before it ends", () => {
    expect(describeProgress({ rowsRead: 240000, rowsChecked: 240000, rowsWritten: 239990, rowsExpected: 1000000 })).toBe(
      "Read 240,000 of about 1,000,000 rows (24%) · checked 240,000 · written 239,990",
    );
    expect(describeProgress({ rowsRead: 1009082, rowsChecked: 1009082, rowsWritten: 0, rowsExpected: 1009082 })).toBe(
      "Read 1,009,082 of about 1,009,082 rows (99%) · checked 1,009,082 · written 0",
    );
    expect(describeProgress({ rowsRead: 20000, rowsChecked: 20000, rowsWritten: 20000, rowsExpected: 50000 }, true)).toBe(
      "Read 20,000 of about 50,000 rows (40%) · checked 20,000",
    );
    expect(describeProgress({ rowsRead: 0, rowsChecked: 0, rowsWritten: 0, rowsExpected: 0 })).toBe(
      "Read 0 of about 0 rows (0%) · checked 0 · written 0",
    );
  });

  it("describes an import and checks a mapping", () => {
    expect(
      describeSummary({ kind: "events", fileName: "e.csv", rows: 1200, inserted: 1000, updated: 0, unchanged: 200, dryRun: false, importId: 1, notes: [] }),
    ).toBe("1,200 coaching events: 1,000 new, 0 changed, 200 unchanged");
    const fields = [
      { key: "a", label: "A", required: true, hint: "", column: null },
      { key: "b", label: "B", required: false, hint: "", column: 1 },
      { key: "c", label: "C", required: false, hint: "", column: 1 },
    ];
    expect(unmappedRequired(fields)).toEqual(["A"]);
    expect(doubleMapped(fields, ["x", "Team"])).toEqual(["Team"]);
  });
});

describe("the quick-log shortcut", () => {
  it("opens a blank quick log, or one prefilled from what the screen offers, and leaves an open one alone", () => {
    openQuickLogFromShortcut();
    expect(get(quickLogOpen)).toBe(true);
    expect(get(quickLogPrefill)).toBeNull();
    quickLogOpen.set(false);

    quickLogOffer.set({ coacheeId: "E1062", minutes: "14" });
    openQuickLogFromShortcut();
    expect(get(quickLogPrefill)).toEqual({ coacheeId: "E1062", minutes: "14" });

    // Already open: the dialog keeps what it shows.
    quickLogPrefill.set(null);
    openQuickLogFromShortcut();
    expect(get(quickLogPrefill)).toBeNull();
    quickLogOpen.set(false);
    quickLogOffer.set(null);
  });
});
