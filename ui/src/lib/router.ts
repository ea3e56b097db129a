// A tiny hash router: "#/pilots/3/kpis" -> { name: "pilot", id: 3, section: "kpis" }.
// One store, one listener.
import { writable, type Readable } from "svelte/store";

/** The sections of a pilot's page, in the order of its step navigation. The dashboard shows
 * only for pilots that are running or later (`hasDashboard` in lib/dashboard.ts). */
export const PILOT_SECTIONS = ["overview", "dashboard", "basics", "playbooks", "cohort", "kpis", "budget", "checklist"] as const;
export type PilotSection = (typeof PILOT_SECTIONS)[number];

/** What the step navigation calls each section. */
export const SECTION_LABELS: Record<PilotSection, string> = {
  overview: "Overview",
  dashboard: "Dashboard",
  basics: "Basics",
  playbooks: "Playbooks",
  cohort: "Cohort",
  kpis: "KPIs",
  budget: "Budget",
  checklist: "Checklist",
};

export function isPilotSection(value: string): value is PilotSection {
  return (PILOT_SECTIONS as readonly string[]).includes(value);
}

/** The tabs of the Governance screen, in the order shown. */
export const GOVERNANCE_TABS = ["queue", "log", "budget", "group", "vendors", "risks"] as const;
export type GovernanceTab = (typeof GOVERNANCE_TABS)[number];

export const GOVERNANCE_TAB_LABELS: Record<GovernanceTab, string> = {
  queue: "Queue",
  log: "Decision log",
  budget: "Budget ledger",
  group: "Steering group",
  vendors: "Vendors",
  risks: "Risk register",
};

function isGovernanceTab(value: string): value is GovernanceTab {
  return (GOVERNANCE_TABS as readonly string[]).includes(value);
}

/** The tabs of the Skills screen, in the order shown. */
export const SKILLS_TABS = ["frameworks", "catalog", "assignments", "people", "portfolios", "readiness"] as const;
export type SkillsTab = (typeof SKILLS_TABS)[number];

export const SKILLS_TAB_LABELS: Record<SkillsTab, string> = {
  frameworks: "Frameworks",
  catalog: "Catalog",
  assignments: "Assignments",
  people: "People",
  portfolios: "Portfolios",
  readiness: "Readiness",
};

function isSkillsTab(value: string): value is SkillsTab {
  return (SKILLS_TABS as readonly string[]).includes(value);
}

/** What the import wizard can read; the route may name it (#/import/people). */
export const IMPORT_KINDS = ["people", "events", "observations", "module_progress", "xapi"] as const;
export type ImportRouteKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportRouteKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** The tabs of the coaching area. */
export type CoachingTab = "events" | "credits" | "agendas" | "calibration";

/** The tabs of the Network screen, in the order shown: the map, then the coaches (issue 11). */
export const NETWORK_TABS = ["map", "coaches"] as const;
export type NetworkTab = (typeof NETWORK_TABS)[number];

export const NETWORK_TAB_LABELS: Record<NetworkTab, string> = {
  map: "Map",
  coaches: "Coaches",
};

function isNetworkTab(value: string): value is NetworkTab {
  return (NETWORK_TABS as readonly string[]).includes(value);
}

/** The path of a Network tab: "/network" for the map. */
export function networkPath(tab: NetworkTab = "map"): string {
  return tab === "map" ? "/network" : `/network/${tab}`;
}

export type Route =
  /** What needs the current user today, their own part first (issue 16). */
  | { name: "home" }
  | { name: "pilots" }
  | { name: "new-pilot" }
  | { name: "pilot"; id: number; section: PilotSection }
  | { name: "people" }
  /** One person in context: their pilots, coaching, time credits and skills. */
  | { name: "person"; id: string }
  /** `agendaId` only on the Agendas tab, when one agenda is open (#/coaching/agendas/12). */
  | { name: "coaching"; tab: CoachingTab; agendaId?: number }
  | { name: "kpi-data" }
  | { name: "import"; kind: ImportRouteKind | null }
  | { name: "governance"; tab: GovernanceTab }
  /** `personId` only on the People and Portfolios tabs: whose profile or portfolio is open. */
  | { name: "skills"; tab: SkillsTab; personId: string | null }
  | { name: "review"; pilotId: number; itemId: number | null }
  /** A review bundle opened from a file, on a member's own machine. */
  | { name: "bundle" }
  | { name: "network"; tab: NetworkTab }
  | { name: "packs" }
  | { name: "settings" }
  | { name: "not-found"; path: string };

/** The sidebar section a route belongs to. */
export type Section = "home" | "pilots" | "people" | "coaching" | "skills" | "network" | "kpi-data" | "governance" | "packs" | "settings";

export const DEFAULT_PATH = "/home";

/** Parses a location hash ("#/pilots/3", "/pilots/3/kpis" or ""). An empty hash is the default route. */
export function parseHash(hash: string): Route {
  let path = hash.replace(/^#/, "").split("?")[0] ?? "";
  path = path.replace(/\/+$/, "");
  if (path === "" || path === "/") path = DEFAULT_PATH;
  const parts = path.replace(/^\//, "").split("/");
  if (parts[0] === "governance") return parseGovernance(parts.slice(1), path);
  if (parts[0] === "skills") return parseSkills(parts.slice(1), path);
  if (parts[0] === "coaching") return parseCoaching(parts.slice(1), path);
  if (parts[0] === "network") return parseNetwork(parts.slice(1), path);
  const [first, second, third, ...rest] = parts;
  if (rest.length > 0) return { name: "not-found", path };
  if (first === "people" && second !== undefined && third === undefined) {
    const id = decodeSegment(second);
    return id ? { name: "person", id } : { name: "not-found", path };
  }
  if (third !== undefined && !(first === "pilots" && second !== undefined && /^[1-9]\d*$/.test(second))) {
    return { name: "not-found", path };
  }
  switch (first) {
    case "pilots":
      if (second === undefined) return { name: "pilots" };
      if (second === "new") return { name: "new-pilot" };
      if (/^[1-9]\d*$/.test(second)) {
        const section = third ?? "overview";
        return isPilotSection(section) ? { name: "pilot", id: Number(second), section } : { name: "not-found", path };
      }
      return { name: "not-found", path };
    case "import":
      if (second === undefined) return { name: "import", kind: null };
      return isImportKind(second) ? { name: "import", kind: second } : { name: "not-found", path };
    case "home":
    case "people":
    case "kpi-data":
    case "packs":
    case "settings":
      return second === undefined ? { name: first } : { name: "not-found", path };
    default:
      return { name: "not-found", path };
  }
}

const ID = /^[1-9]\d*$/;

/** A path segment as typed in an id ("E%201042" -> "E 1042"), or null when it is not valid. */
function decodeSegment(segment: string): string | null {
  try {
    const id = decodeURIComponent(segment).trim();
    return id === "" ? null : id;
  } catch {
    return null;
  }
}

/** The path of a person's page. */
export function personPath(id: string): string {
  return `/people/${encodeURIComponent(id)}`;
}

/** "/coaching", "/coaching/credits", "/coaching/agendas", "/coaching/agendas/12" or "/coaching/calibration". */
function parseCoaching(parts: string[], path: string): Route {
  const [tab, id, ...rest] = parts;
  if (rest.length > 0) return { name: "not-found", path };
  if (tab === "agendas" && id !== undefined) {
    return ID.test(id) ? { name: "coaching", tab: "agendas", agendaId: Number(id) } : { name: "not-found", path };
  }
  if (id !== undefined) return { name: "not-found", path };
  if (tab === undefined || tab === "events") return { name: "coaching", tab: "events" };
  if (tab === "credits" || tab === "agendas" || tab === "calibration") return { name: "coaching", tab };
  return { name: "not-found", path };
}

/** "/network" (the map) or "/network/coaches". */
function parseNetwork(parts: string[], path: string): Route {
  const [tab, ...rest] = parts;
  if (rest.length > 0) return { name: "not-found", path };
  if (tab === undefined) return { name: "network", tab: "map" };
  return isNetworkTab(tab) ? { name: "network", tab } : { name: "not-found", path };
}

/** The path of the Agendas tab, optionally with one agenda open. */
export function agendasPath(agendaId: number | null = null): string {
  return agendaId === null ? "/coaching/agendas" : `/coaching/agendas/${agendaId}`;
}

/** "/governance", "/governance/log", "/governance/pilots/3" or "/governance/pilots/3/items/7". */
function parseGovernance(parts: string[], path: string): Route {
  const [first, second, third, fourth, ...rest] = parts;
  if (first === undefined) return { name: "governance", tab: "queue" };
  if (first === "bundle" && second === undefined) return { name: "bundle" };
  if (second === undefined) {
    return isGovernanceTab(first) && first !== "queue" ? { name: "governance", tab: first } : { name: "not-found", path };
  }
  if (first !== "pilots" || !ID.test(second) || rest.length > 0) return { name: "not-found", path };
  if (third === undefined) return { name: "review", pilotId: Number(second), itemId: null };
  if (third === "items" && fourth !== undefined && ID.test(fourth)) {
    return { name: "review", pilotId: Number(second), itemId: Number(fourth) };
  }
  return { name: "not-found", path };
}

/** "/skills" (the frameworks), "/skills/catalog", "/skills/people/E1042" for one person's profile,
 * or "/skills/portfolios/E1042" for their portfolio. */
function parseSkills(parts: string[], path: string): Route {
  const [tab, person, ...rest] = parts;
  if (tab === undefined) return { name: "skills", tab: "frameworks", personId: null };
  if (!isSkillsTab(tab) || rest.length > 0) return { name: "not-found", path };
  if (person === undefined) return { name: "skills", tab, personId: null };
  if (!PERSON_TABS.includes(tab) || person === "") return { name: "not-found", path };
  try {
    return { name: "skills", tab, personId: decodeURIComponent(person) };
  } catch {
    return { name: "not-found", path };
  }
}

/** The Skills tabs that open one person. */
const PERSON_TABS: readonly SkillsTab[] = ["people", "portfolios"];

/** The path of a Skills tab; for People and Portfolios, optionally with a person open. */
export function skillsPath(tab: SkillsTab = "frameworks", personId: string | null = null): string {
  if (PERSON_TABS.includes(tab) && personId) return `/skills/${tab}/${encodeURIComponent(personId)}`;
  return `/skills/${tab}`;
}

/** The path of a person's portfolio. */
export function portfolioPath(personId: string | null = null): string {
  return skillsPath("portfolios", personId);
}

/** The path of a governance tab: "/governance" for the queue. */
export function governancePath(tab: GovernanceTab = "queue"): string {
  return tab === "queue" ? "/governance" : `/governance/${tab}`;
}

/** Where an opened review bundle is read and answered. */
export const BUNDLE_PATH = "/governance/bundle";

/** The path of a pilot's review, optionally focused on one item. */
export function reviewPath(pilotId: number, itemId: number | null = null): string {
  return itemId === null ? `/governance/pilots/${pilotId}` : `/governance/pilots/${pilotId}/items/${itemId}`;
}

/** The sidebar section to highlight for a route. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case "pilots":
    case "new-pilot":
    case "pilot":
      return "pilots";
    case "governance":
    case "review":
    case "bundle":
      return "governance";
    case "import":
      switch (route.kind) {
        case "people":
          return "people";
        case "events":
        case "xapi":
          return "coaching";
        case "observations":
          return "kpi-data";
        case "module_progress":
          return "skills";
        default:
          return null;
      }
    case "person":
      return "people";
    case "not-found":
      return null;
    default:
      return route.name;
  }
}

/** The path of a pilot's section: "/pilots/3" for the overview, "/pilots/3/kpis" otherwise. */
export function pilotPath(id: number, section: PilotSection = "overview"): string {
  return section === "overview" ? `/pilots/${id}` : `/pilots/${id}/${section}`;
}

/** The href of a path: "/pilots/3" -> "#/pilots/3". */
export function href(path: string): string {
  return `#${path.startsWith("/") ? path : `/${path}`}`;
}

function currentHash(): string {
  return typeof window === "undefined" ? "" : window.location.hash;
}

const current = writable<Route>(parseHash(currentHash()));
let listening = false;

function listen(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("hashchange", () => current.set(parseHash(currentHash())));
}

/** The current route; follows the address hash (links, back and forward). */
export const route: Readable<Route> = {
  subscribe(run, invalidate) {
    listen();
    current.set(parseHash(currentHash()));
    return current.subscribe(run, invalidate);
  },
};

/** Goes to a path such as "/pilots/3". With `replace`, the current history entry is replaced. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = href(path);
  if (typeof window !== "undefined" && window.location.hash !== target) {
    if (options.replace) {
      window.history.replaceState(window.history.state, "", target);
    } else {
      window.location.hash = target;
    }
  }
  current.set(parseHash(target));
}
