// The web view stays closed: the window is granted exactly what the UI calls, and the
// content security policy lets in no remote origin, no eval and no inline script.
import { describe, expect, it } from "vitest";
import buildScript from "../../../src-tauri/build.rs?raw";
import capabilityText from "../../../src-tauri/capabilities/main.json?raw";
import configText from "../../../tauri.conf.json?raw";
import apiSource from "./index.ts?raw";

const capability = JSON.parse(capabilityText) as { permissions: (string | object)[] };
const config = JSON.parse(configText) as { app: { security: { csp: Record<string, string> | string } } };

/** Every UI source file but the api layer and the tests, as text. */
const uiSources = import.meta.glob(["../**/*.ts", "../**/*.svelte", "!../api/**", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Every command the api layer invokes: `call<T>("name", ...)`. */
function invokedCommands(source: string): string[] {
  return [...source.matchAll(/call<[^(]*>\(\s*"([a-z_]+)"/gs)].map((match) => match[1] ?? "");
}

/** The plugin and core permissions the api layer's imports need, by what it calls. */
function pluginPermissions(source: string): string[] {
  const needed: string[] = [];
  const uses = (pattern: RegExp) => pattern.test(source);
  if (uses(/\blisten[<(]/)) needed.push("core:event:allow-listen", "core:event:allow-unlisten");
  if (uses(/\bdocumentDir\(/)) needed.push("core:path:allow-resolve-directory");
  if (uses(/\bjoin\(/)) needed.push("core:path:allow-join");
  if (uses(/\bawait open\(/)) needed.push("dialog:allow-open");
  if (uses(/\bawait save\(/)) needed.push("dialog:allow-save");
  return needed;
}

describe("the window's capabilities", () => {
  it("reach the backend only through the api layer", () => {
    expect(Object.keys(uiSources).length).toBeGreaterThan(50);
    const elsewhere = Object.entries(uiSources)
      .filter(([, text]) => text.includes("@tauri-apps/"))
      .map(([path]) => path);
    expect(elsewhere).toEqual([]);
  });

  it("grant exactly the commands and plugin calls the UI makes, and nothing else", () => {
    const commands = invokedCommands(apiSource);
    expect(commands.length).toBeGreaterThan(100);
    const needed = new Set([...commands.map((name) => `allow-${name.replaceAll("_", "-")}`), ...pluginPermissions(apiSource)]);
    const granted = capability.permissions.map((permission) => (typeof permission === "string" ? permission : JSON.stringify(permission)));
    expect(granted.filter((permission) => !needed.has(permission))).toEqual([]);
    expect([...needed].filter((permission) => !granted.includes(permission))).toEqual([]);
    expect(granted.filter((permission) => permission.endsWith(":default"))).toEqual([]);
  });

  it("declare in build.rs exactly the commands the UI calls", () => {
    const declared = [...buildScript.matchAll(/^\s*"([a-z_]+)",$/gm)].map((match) => match[1] ?? "").sort();
    expect(declared).toEqual([...new Set(invokedCommands(apiSource))].sort());
  });
});

describe("the content security policy", () => {
  const csp = config.app.security.csp;
  const directives = typeof csp === "string"
    ? Object.fromEntries(
        csp
          .split(";")
          .map((part) => part.trim().split(/\s+/))
          .filter((words) => words[0])
          .map(([name, ...rest]) => [name ?? "", rest.join(" ")]),
      )
    : csp;
  // Tauri's own IPC, served by the app itself; nothing from a network.
  const LOCAL = new Set(["'self'", "'none'", "ipc:", "http://ipc.localhost", "data:", "asset:", "http://asset.localhost"]);

  it("is set, with a default and a script source", () => {
    expect(directives["default-src"]).toBeTruthy();
    expect(directives["script-src"]).toBeTruthy();
  });

  it("allows no remote origin anywhere", () => {
    const remote = Object.entries(directives).flatMap(([name, sources]) =>
      sources.split(/\s+/).filter((source) => source && source !== "'unsafe-inline'" && !LOCAL.has(source)).map((source) => `${name} ${source}`),
    );
    expect(remote).toEqual([]);
  });

  it("allows no eval anywhere and no inline script", () => {
    const all = Object.values(directives).join(" ");
    expect(all).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    expect(directives["script-src"]).not.toMatch(/unsafe-inline|\*/);
    expect(directives["default-src"]).not.toMatch(/unsafe-inline/);
  });
});
