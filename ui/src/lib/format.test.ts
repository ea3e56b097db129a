import { describe, expect, it } from "vitest";
import {
  addDays,
  formatDate,
  formatDateRange,
  formatDay,
  formatMeasure,
  formatNumber,
  formatPeriod,
  formatDateTime,
  formatMoney,
  paperLabel,
  setDateStyle,
  parseIsoDate,
  phaseProgress,
  phaseText,
  plainAmount,
  plural,
  sentence,
  shortHash,
  slugify,
  statusLabel,
  statusTone,
  STATUS_ORDER,
  timesAWeek,
} from "./format";

describe("dates", () => {
  it("follow the locale's order the backend reports, the same way everywhere", () => {
    setDateStyle("month_day_year");
    try {
      expect(formatDate("2026-12-14")).toBe("Dec 14, 2026");
      expect(formatPeriod("2026-07-01", "2026-12-31")).toBe("Jul 1 – Dec 31, 2026");
      expect(formatDateRange("2026-12-14", "2027-03-14")).toBe("Dec 14, 2026 – Mar 14, 2027");
    } finally {
      setDateStyle("day_month_year");
    }
    expect(formatDate("2026-12-14")).toBe("14 Dec 2026");
    expect(formatPeriod("2026-07-01", "2026-12-31")).toBe("1 Jul – 31 Dec 2026");
  });

  it("formats ISO dates as day, short month, year", () => {
    expect(formatDate("2026-12-14")).toBe("14 Dec 2026");
    expect(formatDate("2027-03-04")).toBe("4 Mar 2027");
    expect(formatDate("2027-01-01")).toBe("1 Jan 2027");
  });

  it("returns text that is not a date unchanged", () => {
    expect(formatDate("")).toBe("");
    expect(formatDate("soon")).toBe("soon");
    expect(formatDate("2027-02-30")).toBe("2027-02-30");
  });

  it("parses only real calendar dates", () => {
    expect(parseIsoDate("2028-02-29")).not.toBeNull();
    expect(parseIsoDate("2027-02-29")).toBeNull();
    expect(parseIsoDate("2027-13-01")).toBeNull();
    expect(parseIsoDate("14/12/2026")).toBeNull();
  });

  it("formats a window with an en dash", () => {
    expect(formatDateRange("2026-12-14", "2027-03-14")).toBe("14 Dec 2026 – 14 Mar 2027");
  });

  it("adds days across months, years and leap days, like the backend's start + 90", () => {
    expect(addDays("2026-12-14", 90)).toBe("2027-03-14");
    expect(addDays("2028-01-01", 90)).toBe("2028-03-31");
    expect(addDays("2027-01-11", 90)).toBe("2027-04-11");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("", 90)).toBeNull();
  });

  it("formats timestamps in local time", () => {
    const local = new Date(2026, 11, 14, 9, 5);
    expect(formatDateTime(local.toISOString())).toBe("14 Dec 2026, 09:05");
    expect(formatDateTime("not a time")).toBe("not a time");
  });
});

describe("money", () => {
  it("shows the currency code first with thousands separators", () => {
    expect(formatMoney(1_800_000, "USD")).toBe("USD 18,000");
    expect(formatMoney(123_456_789, "EUR")).toBe("EUR 1,234,567.89");
    expect(formatMoney(0, "GBP")).toBe("GBP 0");
  });

  it("shows cents only when they are not zero", () => {
    expect(formatMoney(50, "EUR")).toBe("EUR 0.50");
    expect(formatMoney(2_500_005, "USD")).toBe("USD 25,000.05");
    expect(formatMoney(100_000, "USD")).toBe("USD 1,000");
  });

  it("keeps the sign with the amount", () => {
    expect(formatMoney(-100_000, "USD")).toBe("USD -1,000");
  });
});

describe("status", () => {
  it("labels every status for people", () => {
    expect(statusLabel("draft")).toBe("Draft");
    expect(statusLabel("changes_requested")).toBe("Changes requested");
    expect(statusLabel("day45_review")).toBe("Day-45 review");
    expect(statusLabel("day90_outcome")).toBe("Day-90 outcome");
    for (const status of STATUS_ORDER) expect(statusLabel(status)).toMatch(/^[A-Z]/);
  });

  it("gives each status a tone", () => {
    expect(statusTone("approved")).toBe("success");
    expect(statusTone("rejected")).toBe("danger");
    expect(statusTone("changes_requested")).toBe("warning");
    expect(STATUS_ORDER).toHaveLength(12);
  });
});

describe("phase", () => {
  it("says where today falls in the window", () => {
    expect(phaseText({ phase: "not_started", days: 21 })).toBe("Starts in 21 days");
    expect(phaseText({ phase: "not_started", days: 1 })).toBe("Starts in 1 day");
    expect(phaseText({ phase: "in_window", day: 12 })).toBe("Day 12 of 90");
    expect(phaseText({ phase: "ended", days: 3 })).toBe("Ended 3 days ago");
  });

  it("measures progress through the window", () => {
    expect(phaseProgress({ phase: "not_started", days: 5 })).toBe(0);
    expect(phaseProgress({ phase: "in_window", day: 45 })).toBe(0.5);
    expect(phaseProgress({ phase: "ended", days: 2 })).toBe(1);
  });
});

describe("small helpers", () => {
  it("shortens a hash to its first 16 digits", () => {
    const hash = "3f2a9c0d4b5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
    expect(shortHash(hash)).toBe("3f2a9c0d4b5e6f70");
  });

  it("slugifies names into safe file names", () => {
    expect(slugify("Sales Onboarding (Q1)")).toBe("sales-onboarding-q1");
    expect(slugify("  Café / Crème — pilot  ")).toBe("cafe-creme-pilot");
    expect(slugify("!!!")).toBe("pilot");
    expect(slugify("a".repeat(100))).toHaveLength(60);
  });

  it("pluralises counts", () => {
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(80, "person", "people")).toBe("80 people");
    expect(plural(2, "page")).toBe("2 pages");
    expect(plural(1200, "pack")).toBe("1,200 packs");
  });

  it("names paper sizes", () => {
    expect(paperLabel("a4")).toBe("A4");
    expect(paperLabel("letter")).toBe("US Letter");
  });
});

describe("sentence", () => {
  it("capitalises a leading lowercase letter only", () => {
    expect(sentence("give the pilot a name")).toBe("Give the pilot a name");
    expect(sentence('"lots" is not an amount')).toBe('"lots" is not an amount');
    expect(sentence("")).toBe("");
  });
});

describe("designer formatting", () => {
  it("formats the day of a timestamp", () => {
    expect(formatDay("2026-11-23T12:00:00Z")).toBe("23 Nov 2026");
    expect(formatDay("not a time")).toBe("not a time");
  });

  it("formats a period compactly within a year", () => {
    expect(formatPeriod("2026-07-01", "2026-12-31")).toBe("1 Jul – 31 Dec 2026");
    expect(formatPeriod("2025-12-01", "2026-02-28")).toBe("1 Dec 2025 – 28 Feb 2026");
  });

  it("writes minor units back as a plain amount", () => {
    expect(plainAmount(1_800_000)).toBe("18000");
    expect(plainAmount(12_050)).toBe("120.50");
    expect(plainAmount(50)).toBe("0.50");
    expect(plainAmount(0)).toBe("0");
  });

  it("formats measures and frequencies", () => {
    expect(formatMeasure(31, "%")).toBe("31 %");
    expect(formatMeasure(7.5, "days")).toBe("7.5 days");
    expect(formatNumber(1234.567)).toBe("1,234.57");
    expect(timesAWeek(1)).toBe("Once a week");
    expect(timesAWeek(2)).toBe("Twice a week");
    expect(timesAWeek(3)).toBe("3 times a week");
    expect(timesAWeek(7)).toBe("Every day");
  });
});
