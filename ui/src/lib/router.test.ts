import { get } from "svelte/store";
import { beforeEach, describe, expect, it } from "vitest";
import {
  agendasPath,
  DEFAULT_PATH,
  governancePath,
  href,
  isPilotSection,
  navigate,
  parseHash,
  PILOT_SECTIONS,
  pilotPath,
  personPath,
  reviewPath,
  route,
  sectionOf,
  skillsPath,
  portfolioPath,
} from "./router";

describe("parseHash", () => {
  it("defaults to the home", () => {
    expect(parseHash("")).toEqual({ name: "home" });
    expect(parseHash("#")).toEqual({ name: "home" });
    expect(parseHash("#/")).toEqual({ name: "home" });
    expect(parseHash(href(DEFAULT_PATH))).toEqual({ name: "home" });
  });

  it("parses every route", () => {
    expect(parseHash("#/home")).toEqual({ name: "home" });
    expect(parseHash("#/home/")).toEqual({ name: "home" });
    expect(parseHash("#/pilots")).toEqual({ name: "pilots" });
    expect(parseHash("#/pilots/new")).toEqual({ name: "new-pilot" });
    expect(parseHash("#/pilots/42")).toEqual({ name: "pilot", id: 42, section: "overview" });
    expect(parseHash("#/people")).toEqual({ name: "people" });
    expect(parseHash("#/coaching")).toEqual({ name: "coaching", tab: "events" });
    expect(parseHash("#/coaching/events")).toEqual({ name: "coaching", tab: "events" });
    expect(parseHash("#/coaching/credits")).toEqual({ name: "coaching", tab: "credits" });
    expect(parseHash("#/coaching/agendas")).toEqual({ name: "coaching", tab: "agendas" });
    expect(parseHash("#/coaching/agendas/12")).toEqual({ name: "coaching", tab: "agendas", agendaId: 12 });
    expect(parseHash("#/coaching/calibration")).toEqual({ name: "coaching", tab: "calibration" });
    expect(parseHash("#/coaching/agendas/0")).toEqual({ name: "not-found", path: "/coaching/agendas/0" });
    expect(parseHash("#/coaching/agendas/12/x")).toEqual({ name: "not-found", path: "/coaching/agendas/12/x" });
    expect(parseHash("#/coaching/credits/3")).toEqual({ name: "not-found", path: "/coaching/credits/3" });
    expect(agendasPath()).toBe("/coaching/agendas");
    expect(agendasPath(12)).toBe("/coaching/agendas/12");
    expect(parseHash("#/kpi-data")).toEqual({ name: "kpi-data" });
    expect(parseHash("#/import")).toEqual({ name: "import", kind: null });
    expect(parseHash("#/import/people")).toEqual({ name: "import", kind: "people" });
    expect(parseHash("#/import/xapi/")).toEqual({ name: "import", kind: "xapi" });
    expect(parseHash("#/import/module_progress")).toEqual({ name: "import", kind: "module_progress" });
    expect(parseHash("#/governance")).toEqual({ name: "governance", tab: "queue" });
    expect(parseHash("#/packs")).toEqual({ name: "packs" });
    expect(parseHash("#/settings/")).toEqual({ name: "settings" });
  });

  it("refuses paths that are not pages", () => {
    expect(parseHash("#/pilots/0")).toEqual({ name: "not-found", path: "/pilots/0" });
    expect(parseHash("#/pilots/abc")).toEqual({ name: "not-found", path: "/pilots/abc" });
    expect(parseHash("#/pilots/3/edit")).toEqual({ name: "not-found", path: "/pilots/3/edit" });
    expect(parseHash("#/pilots/3/kpis/1")).toEqual({ name: "not-found", path: "/pilots/3/kpis/1" });
    expect(parseHash("#/pilots/new/kpis")).toEqual({ name: "not-found", path: "/pilots/new/kpis" });
    expect(parseHash("#/pilots/0/kpis")).toEqual({ name: "not-found", path: "/pilots/0/kpis" });
    expect(parseHash("#/people/E1/x")).toEqual({ name: "not-found", path: "/people/E1/x" });
    expect(parseHash("#/nowhere")).toEqual({ name: "not-found", path: "/nowhere" });
    expect(parseHash("#/coaching/log")).toEqual({ name: "not-found", path: "/coaching/log" });
    expect(parseHash("#/import/payroll")).toEqual({ name: "not-found", path: "/import/payroll" });
    expect(parseHash("#/import/people/x")).toEqual({ name: "not-found", path: "/import/people/x" });
    expect(parseHash("#/kpi-data/3")).toEqual({ name: "not-found", path: "/kpi-data/3" });
    expect(parseHash("#/home/3")).toEqual({ name: "not-found", path: "/home/3" });
  });

  it("opens a person's page by their id, encoded as typed", () => {
    expect(parseHash("#/people/E1042")).toEqual({ name: "person", id: "E1042" });
    expect(parseHash(href(personPath("E 10/42")))).toEqual({ name: "person", id: "E 10/42" });
    expect(parseHash("#/people/%E0%A4%A")).toEqual({ name: "not-found", path: "/people/%E0%A4%A" });
    expect(parseHash("#/people/E1042/more")).toEqual({ name: "not-found", path: "/people/E1042/more" });
    expect(sectionOf({ name: "person", id: "E1042" })).toBe("people");
  });

  it("parses the governance tabs and reviews", () => {
    expect(parseHash("#/governance/log")).toEqual({ name: "governance", tab: "log" });
    expect(parseHash("#/governance/budget")).toEqual({ name: "governance", tab: "budget" });
    expect(parseHash("#/governance/group")).toEqual({ name: "governance", tab: "group" });
    expect(parseHash("#/governance/vendors")).toEqual({ name: "governance", tab: "vendors" });
    expect(parseHash("#/governance/risks/")).toEqual({ name: "governance", tab: "risks" });
    expect(parseHash("#/governance/pilots/3")).toEqual({ name: "review", pilotId: 3, itemId: null });
    expect(parseHash("#/governance/pilots/3/items/12")).toEqual({ name: "review", pilotId: 3, itemId: 12 });
  });

  it("refuses governance paths that are not pages", () => {
    for (const path of [
      "/governance/queue",
      "/governance/nowhere",
      "/governance/log/2",
      "/governance/pilots",
      "/governance/pilots/0",
      "/governance/pilots/3/votes",
      "/governance/pilots/3/items",
      "/governance/pilots/3/items/0",
      "/governance/pilots/3/items/4/x",
    ]) {
      expect(parseHash(`#${path}`)).toEqual({ name: "not-found", path });
    }
  });

  it("builds governance paths that parse back", () => {
    expect(governancePath()).toBe("/governance");
    expect(parseHash(href(governancePath("log")))).toEqual({ name: "governance", tab: "log" });
    expect(parseHash(href(reviewPath(5)))).toEqual({ name: "review", pilotId: 5, itemId: null });
    expect(parseHash(href(reviewPath(5, 9)))).toEqual({ name: "review", pilotId: 5, itemId: 9 });
  });

  it("maps routes to sidebar sections", () => {
    expect(sectionOf({ name: "home" })).toBe("home");
    expect(sectionOf({ name: "pilots" })).toBe("pilots");
    expect(sectionOf({ name: "review", pilotId: 1, itemId: null })).toBe("governance");
    expect(sectionOf({ name: "governance", tab: "risks" })).toBe("governance");
    expect(sectionOf({ name: "pilot", id: 1, section: "budget" })).toBe("pilots");
    expect(sectionOf({ name: "new-pilot" })).toBe("pilots");
    expect(sectionOf({ name: "packs" })).toBe("packs");
    expect(sectionOf({ name: "not-found", path: "/x" })).toBeNull();
    expect(sectionOf({ name: "coaching", tab: "credits" })).toBe("coaching");
    expect(sectionOf({ name: "import", kind: "people" })).toBe("people");
    expect(sectionOf({ name: "import", kind: "xapi" })).toBe("coaching");
    expect(sectionOf({ name: "import", kind: "observations" })).toBe("kpi-data");
    expect(sectionOf({ name: "import", kind: "module_progress" })).toBe("skills");
    expect(sectionOf({ name: "import", kind: null })).toBeNull();
  });

  it("keeps the sidebar on Skills while module progress is imported", () => {
    const route = parseHash("#/import/module_progress");
    expect(route).toEqual({ name: "import", kind: "module_progress" });
    expect(sectionOf(route)).toBe("skills");
    expect(sectionOf(parseHash("#/skills/assignments"))).toBe("skills");
    expect(parseHash("#/import/module-progress")).toEqual({ name: "not-found", path: "/import/module-progress" });
  });

  it("parses a pilot's sections, the overview by default", () => {
    expect(parseHash("#/pilots/3/overview")).toEqual({ name: "pilot", id: 3, section: "overview" });
    for (const section of PILOT_SECTIONS) {
      expect(parseHash(`#${pilotPath(3, section)}`)).toEqual({ name: "pilot", id: 3, section });
    }
    expect(parseHash("#/pilots/12/checklist/")).toEqual({ name: "pilot", id: 12, section: "checklist" });
    expect(isPilotSection("kpis")).toBe(true);
    expect(isPilotSection("KPIs")).toBe(false);
  });

  it("builds a pilot section's path, with no suffix for the overview", () => {
    expect(pilotPath(3)).toBe("/pilots/3");
    expect(pilotPath(3, "overview")).toBe("/pilots/3");
    expect(pilotPath(3, "cohort")).toBe("/pilots/3/cohort");
  });

  it("builds hrefs", () => {
    expect(href("/pilots/3")).toBe("#/pilots/3");
    expect(href("people")).toBe("#/people");
  });
});

describe("route store", () => {
  beforeEach(() => {
    window.location.hash = "";
  });

  it("follows navigate() at once and updates the address", () => {
    const seen: string[] = [];
    const stop = route.subscribe((r) => seen.push(r.name));
    navigate("/pilots/7");
    expect(get(route)).toEqual({ name: "pilot", id: 7, section: "overview" });
    expect(window.location.hash).toBe("#/pilots/7");
    navigate("/pilots/7/budget");
    expect(get(route)).toEqual({ name: "pilot", id: 7, section: "budget" });
    expect(window.location.hash).toBe("#/pilots/7/budget");
    navigate("/settings", { replace: true });
    expect(window.location.hash).toBe("#/settings");
    expect(seen.at(-1)).toBe("settings");
    stop();
  });

  it("follows the hash when it changes outside the app (links, back, forward)", async () => {
    const stop = route.subscribe(() => undefined);
    window.location.hash = "#/packs";
    await new Promise<void>((resolve) => window.addEventListener("hashchange", () => resolve(), { once: true }));
    expect(get(route)).toEqual({ name: "packs" });
    stop();
  });
});

describe("the skills routes", () => {
  it("parses the tabs and a person's profile", () => {
    expect(parseHash("#/skills")).toEqual({ name: "skills", tab: "frameworks", personId: null });
    expect(parseHash("#/skills/catalog")).toEqual({ name: "skills", tab: "catalog", personId: null });
    expect(parseHash("#/skills/readiness/")).toEqual({ name: "skills", tab: "readiness", personId: null });
    expect(parseHash("#/skills/people/E1042")).toEqual({ name: "skills", tab: "people", personId: "E1042" });
    expect(parseHash("#/skills/people/N%202")).toEqual({ name: "skills", tab: "people", personId: "N 2" });
  });

  it("parses the portfolios tab and one person's portfolio", () => {
    expect(parseHash("#/skills/portfolios")).toEqual({ name: "skills", tab: "portfolios", personId: null });
    expect(parseHash("#/skills/portfolios/E1042")).toEqual({ name: "skills", tab: "portfolios", personId: "E1042" });
    expect(portfolioPath("N 2")).toBe("/skills/portfolios/N%202");
    expect(portfolioPath()).toBe("/skills/portfolios");
    expect(parseHash("#/skills/portfolios/E1/samples")).toEqual({ name: "not-found", path: "/skills/portfolios/E1/samples" });
  });

  it("refuses what is not a skills page", () => {
    expect(parseHash("#/skills/modules")).toEqual({ name: "not-found", path: "/skills/modules" });
    expect(parseHash("#/skills/catalog/3")).toEqual({ name: "not-found", path: "/skills/catalog/3" });
    expect(parseHash("#/skills/people/E1/x")).toEqual({ name: "not-found", path: "/skills/people/E1/x" });
    expect(parseHash("#/skills/people/%E0%A4%A")).toEqual({ name: "not-found", path: "/skills/people/%E0%A4%A" });
  });

  it("builds the paths back, and highlights Skills in the sidebar", () => {
    expect(skillsPath("assignments")).toBe("/skills/assignments");
    expect(skillsPath("people", "N 2")).toBe("/skills/people/N%202");
    expect(skillsPath("catalog", "E1")).toBe("/skills/catalog");
    for (const path of [skillsPath("frameworks"), skillsPath("people", "E1042"), "/skills"]) {
      expect(parseHash(path)).toMatchObject({ name: "skills" });
      expect(sectionOf(parseHash(path))).toBe("skills");
    }
  });
});
