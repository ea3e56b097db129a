import { describe, expect, it } from "vitest";
import type { Portfolio } from "../api";
import {
  anchorText,
  dragRegion,
  formatSize,
  hashPrefix,
  defaultReviewCompetencies,
  isFeedbackShortcut,
  kappaText,
  lineAnnotated,
  lineRange,
  portfolioFileName,
  regionFromPercents,
  rememberAuthorRole,
  rememberedAuthorRole,
  sampleKind,
  sampleTypeLabel,
  textLines,
} from "./portfolio";

describe("work samples in words", () => {
  it("names the kind and type from the media type read from the bytes", () => {
    expect(sampleKind("image/png")).toBe("image");
    expect(sampleKind("application/pdf")).toBe("pdf");
    expect(sampleKind("text/plain")).toBe("text");
    expect(sampleKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe("office");
    expect(sampleTypeLabel("application/vnd.oasis.opendocument.spreadsheet")).toBe("Spreadsheet");
    expect(sampleTypeLabel("image/jpeg")).toBe("JPEG image");
  });

  it("gives sizes a person reads at a glance", () => {
    expect(formatSize(1)).toBe("1 byte");
    expect(formatSize(812)).toBe("812 bytes");
    expect(formatSize(14_540)).toBe("14 KB");
    expect(formatSize(2048)).toBe("2.0 KB");
    expect(formatSize(20 * 1024 * 1024)).toBe("20 MB");
    expect(formatSize(3.1 * 1024 * 1024)).toBe("3.1 MB");
  });

  it("shows the start of the hash and a file name for the PDF", () => {
    expect(hashPrefix("e47c96741673de4fe242b5fb6cc0")).toBe("e47c96741673");
    expect(portfolioFileName("Andrés Kaplan", "2026-11-29")).toBe("portfolio-andres-kaplan-2026-11-29.pdf");
    expect(portfolioFileName("???", "2026-11-29")).toBe("portfolio-person-2026-11-29.pdf");
  });
});

describe("places on a sample", () => {
  it("numbers text lines without an empty last line", () => {
    expect(textLines("a\r\nb\n")).toEqual(["a", "b"]);
    expect(textLines("")).toEqual([""]);
    expect(textLines("a\n\nb")).toEqual(["a", "", "b"]);
  });

  it("orders a line range whichever line was clicked first", () => {
    expect(lineRange(7, 3)).toEqual({ from: 3, to: 7 });
    expect(lineAnnotated({ kind: "lines", from: 3, to: 7 }, 5)).toBe(true);
    expect(lineAnnotated({ kind: "lines", from: 3, to: 7 }, 8)).toBe(false);
    expect(lineAnnotated({ kind: "region", page: 1, x: 0, y: 0, width: 1, height: 1 }, 1)).toBe(false);
  });

  it("turns a drag in any direction into a region on the page, ignoring a click", () => {
    expect(dragRegion({ x: 0.6, y: 0.5 }, { x: 0.1, y: 0.2 })).toEqual({ x: 0.1, y: 0.2, width: 0.5, height: 0.3 });
    expect(dragRegion({ x: -0.2, y: 0.9 }, { x: 0.3, y: 1.4 })).toEqual({ x: 0, y: 0.9, width: 0.3, height: 0.1 });
    expect(dragRegion({ x: 0.5, y: 0.5 }, { x: 0.502, y: 0.6 })).toBeNull();
  });

  it("reads a region typed in percent, refusing one off the page", () => {
    expect(regionFromPercents("10", "20", "45", "50%")).toEqual({ x: 0.1, y: 0.2, width: 0.45, height: 0.5 });
    expect(regionFromPercents("60", "0", "50", "10")).toBeNull();
    expect(regionFromPercents("", "0", "50", "10")).toBeNull();
    expect(regionFromPercents("0", "0", "0", "10")).toBeNull();
  });

  it("says where an annotation sits", () => {
    expect(anchorText({ kind: "lines", from: 2, to: 4 })).toBe("lines 2-4");
    expect(anchorText({ kind: "lines", from: 2, to: 2 })).toBe("line 2");
    expect(anchorText({ kind: "region", page: 2, x: 0.1, y: 0.4, width: 0.25, height: 0.2 })).toBe("page 2, 25% × 20% at 10%/40%");
  });
});

describe("reviews", () => {
  const sample = (competencyId: number | null, annotated: number[]) => ({
    competencyId,
    annotations: annotated.map((id) => ({ competencyId: id })),
  });
  const portfolio = (samples: ReturnType<typeof sample>[], feedback: number[] = []) =>
    ({ role: "Support Specialist", samples, feedback: feedback.map((id) => ({ competencyId: id })) }) as unknown as Portfolio;

  it("starts with the role's requirements, then the samples' competencies, each once", () => {
    const requirements = [
      { role: "Support Specialist", competencyId: 4 },
      { role: "Account Executive", competencyId: 9 },
      { role: "Support Specialist", competencyId: 2 },
    ];
    const known = [2, 4, 7, 8, 9].map((id) => ({ id }));
    expect(defaultReviewCompetencies(portfolio([sample(7, [2, 8]), sample(null, [99])]), requirements, known)).toEqual([4, 2, 7, 8]);
  });

  it("falls back to the feedback's competencies when nothing else names one", () => {
    expect(defaultReviewCompetencies(portfolio([], [3, 3, 5]), [], [{ id: 3 }, { id: 5 }])).toEqual([3, 5]);
    expect(defaultReviewCompetencies(portfolio([]), [], [])).toEqual([]);
  });

  it("reads weighted kappa in the usual bands, and says why there is none", () => {
    expect(kappaText({ kappa: 0.72, pairs: 4 })).toEqual({ figure: "0.72", reading: "Substantial agreement" });
    expect(kappaText({ kappa: 0, pairs: 4 }).reading).toBe("No better than chance agreement");
    expect(kappaText({ kappa: -0.1, pairs: 4 }).reading).toBe("Less than chance agreement");
    expect(kappaText({ kappa: null, pairs: 1 }).reading).toMatch(/Too few/);
    expect(kappaText({ kappa: null, pairs: 5 }).reading).toMatch(/same level/);
  });
});

describe("the feedback dialog's keyboard", () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent;

  it("opens with Ctrl+Shift+F, not Ctrl+F or Ctrl+L", () => {
    expect(isFeedbackShortcut(key("F", { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isFeedbackShortcut(key("f", { metaKey: true, shiftKey: true }))).toBe(true);
    expect(isFeedbackShortcut(key("f", { ctrlKey: true }))).toBe(false);
    expect(isFeedbackShortcut(key("F", { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(isFeedbackShortcut(key("l", { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it("remembers who the giver is, and defaults to manager", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(rememberedAuthorRole(storage)).toBe("manager");
    rememberAuthorRole("coach", storage);
    expect(rememberedAuthorRole(storage)).toBe("coach");
    store.set("pilotdesk.feedback.authorRole", "boss");
    expect(rememberedAuthorRole(storage)).toBe("manager");
  });
});
