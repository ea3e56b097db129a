// A tiny hash router: "#/pilots/3" -> { name: "pilot", id: 3 }. One store, one listener.
import { writable, type Readable } from "svelte/store";

export type Route =
  | { name: "pilots" }
  | { name: "new-pilot" }
  | { name: "pilot"; id: number }
  | { name: "people" }
  | { name: "governance" }
  | { name: "packs" }
  | { name: "settings" }
  | { name: "not-found"; path: string };

/** The sidebar section a route belongs to. */
export type Section = "pilots" | "people" | "governance" | "packs" | "settings";

export const DEFAULT_PATH = "/pilots";

/** Parses a location hash ("#/pilots/3", "/pilots/3" or ""). An empty hash is the default route. */
export function parseHash(hash: string): Route {
  let path = hash.replace(/^#/, "").split("?")[0] ?? "";
  path = path.replace(/\/+$/, "");
  if (path === "" || path === "/") path = DEFAULT_PATH;
  const parts = path.replace(/^\//, "").split("/");
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { name: "not-found", path };
  switch (first) {
    case "pilots":
      if (second === undefined) return { name: "pilots" };
      if (second === "new") return { name: "new-pilot" };
      if (/^[1-9]\d*$/.test(second)) return { name: "pilot", id: Number(second) };
      return { name: "not-found", path };
    case "people":
    case "governance":
    case "packs":
    case "settings":
      return second === undefined ? { name: first } : { name: "not-found", path };
    default:
      return { name: "not-found", path };
  }
}

/** The sidebar section to highlight for a route. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case "pilots":
    case "new-pilot":
    case "pilot":
      return "pilots";
    case "not-found":
      return null;
    default:
      return route.name;
  }
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
