// Accessibility in the real window (issue 16, point 10): every main screen of the demo
// workspace is checked with axe-core for WCAG 2.1 A and AA, in the light and the dark theme,
// and fails on any serious or critical violation, listed with the rule, its help and the
// elements at fault so a person can fix them. Every button has an accessible name, and the
// focus moved with Tab is visible. The full axe results are written to accessibility.json in
// the output folder.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, capture, OUT } from "./app.mjs";
import { sleep } from "./webdriver.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

/** The main screens, by their address ("#/governance" is the queue). The review screen is
 * found on the queue. */
const SCREENS = [
  "#/home",
  "#/pilots",
  "#/pilots/1/overview",
  "#/pilots/1/basics",
  "#/pilots/1/playbooks",
  "#/pilots/1/cohort",
  "#/pilots/1/kpis",
  "#/pilots/1/budget",
  "#/pilots/1/checklist",
  "#/pilots/2/dashboard",
  "#/people",
  "#/coaching/events",
  "#/coaching/credits",
  "#/skills/frameworks",
  "#/network",
  "#/kpi-data",
  "#/import",
  "#/governance",
  "#/governance/log",
  "#/governance/budget",
  "#/governance/group",
  "#/governance/vendors",
  "#/governance/risks",
  "#/packs",
  "#/settings",
  "review",
];

/** The two looks the window follows from the desktop's preference. GTK_THEME asks WebKitGTK
 * for the dark one (prefers-color-scheme: dark). */
const THEMES = [
  { name: "light", port: 4470, env: {} },
  { name: "dark", port: 4472, env: { GTK_THEME: "Adwaita:dark" } },
];

let app;
let s;
/** What each screen's check found, per theme, written to the output folder for people to read. */
const report = {};

async function open(theme) {
  app = await launch({ port: theme.port, setup: [["demo"]], env: theme.env });
  s = app.session;
  // axe can take a while on a long table; the default 30 s script timeout is tight.
  await s.command("POST", "/timeouts", { script: 180000 });
  await s.waitFor("[data-screen]", 30000);
  const dark = await s.execute(`return matchMedia("(prefers-color-scheme: dark)").matches;`);
  assert.equal(dark, theme.name === "dark", `the window is not in the ${theme.name} theme`);
}

async function close() {
  await app?.close();
  app = undefined;
}

after(() => {
  if (Object.keys(report).length === 0) return;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "accessibility.json"), JSON.stringify(report, null, 2));
});

/** The address of a review: the first one the governance queue links to. */
async function reviewHash() {
  await show("#/governance");
  const found = await s.execute(
    `const link = document.querySelector('[data-screen] a[href^="#/governance/pilots/"]');
     return link ? link.getAttribute("href") : null;`,
  );
  return found ?? "#/governance/pilots/1";
}

/**
 * Goes to a screen and waits until it has rendered: a screen is shown, nothing says it is
 * loading, and the page has stopped changing; then entrance animations are let finish.
 */
async function show(hash) {
  await s.execute(`window.location.hash = arguments[0];`, [hash]);
  await sleep(200);
  await s.until(`${hash} renders`, () => s.execute(`return !!document.querySelector("[data-screen]");`), 20000);
  let last = "";
  let steady = 0;
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline && steady < 3) {
    const state = await s.execute(
      `const main = document.querySelector("main") ?? document.body;
       const busy = [...document.querySelectorAll(".loading, [aria-busy='true']")].some((e) => e.getClientRects().length > 0);
       return (busy ? "busy:" : "") + main.innerHTML.length;`,
    );
    steady = state === last && !state.startsWith("busy:") ? steady + 1 : 0;
    last = state;
    await sleep(250);
  }
  await sleep(500);
  // Leave any focus from the previous screen behind, so nothing is checked mid-transition.
  await s.execute(`document.activeElement?.blur?.(); document.querySelector("main")?.scrollTo?.(0, 0);`);
}

/** Runs axe over the whole document (or the element `context` selects) and returns what it
 * found to violate WCAG 2.1 A and AA. */
async function axe(context = null) {
  const loaded = await s.execute(`return typeof window.axe === "object";`);
  // The app's content security policy allows no eval and no inline script, so axe's source
  // is the body of the injected script itself; it sets window.axe.
  if (!loaded) await s.execute(`${AXE_SOURCE}\nreturn typeof window.axe;`);
  const result = await s.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.axe
       .run(arguments[1] ? document.querySelector(arguments[1]) : document, { runOnly: { type: "tag", values: arguments[0] }, resultTypes: ["violations"] })
       .then((r) => done({ violations: r.violations.map((v) => ({
         id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
         nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary })),
       })) }))
       .catch((e) => done({ error: String(e && e.stack || e) }));`,
    [TAGS, context],
  );
  if (result.error) throw new Error(`axe failed: ${result.error}`);
  return result.violations;
}

/** Buttons a screen reader would announce with no name. */
async function namelessButtons() {
  return s.execute(
    `const named = (el) => {
       if ((el.getAttribute("aria-label") ?? "").trim()) return true;
       const by = el.getAttribute("aria-labelledby");
       if (by && by.split(/\\s+/).some((id) => (document.getElementById(id)?.textContent ?? "").trim())) return true;
       if ((el.getAttribute("title") ?? "").trim()) return true;
       if (el.id && [...document.querySelectorAll("label")].some((l) => l.htmlFor === el.id && l.textContent.trim())) return true;
       return el.textContent.trim() !== "";
     };
     return [...document.querySelectorAll('button, [role="button"], input[type="button"], input[type="submit"]')]
       .filter((el) => el.getClientRects().length > 0)
       .filter((el) => el.tagName === "INPUT" ? !(el.value || "").trim() && !named(el) : !named(el))
       .map((el) => el.outerHTML.slice(0, 200));`,
  );
}

function describeViolations(screen, violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 4)
        .map((n) => `      ${n.target}\n        ${n.html.replace(/\s+/g, " ").slice(0, 220)}`)
        .join("\n");
      const more = v.nodes.length > 4 ? `\n      … and ${v.nodes.length - 4} more` : "";
      return `  ${screen}: [${v.impact}] ${v.id} (${v.nodes.length}): ${v.help}\n${nodes}${more}`;
    })
    .join("\n");
}

for (const theme of THEMES) {
  describe(`every main screen, ${theme.name}`, () => {
    before(() => open(theme));
    after(close);

    for (const screen of SCREENS) {
      test(`${screen === "review" ? "a review" : screen} has no serious or critical WCAG violation (${theme.name})`, async () => {
        const hash = screen === "review" ? await reviewHash() : screen;
        await show(hash);
        const rendered = await s.execute(`return document.querySelector("[data-screen]")?.getAttribute("data-screen");`);
        const violations = await axe();
        const blocking = violations.filter((v) => BLOCKING.has(v.impact));
        const nameless = await namelessButtons();
        (report[theme.name] ??= {})[hash] = { screen: rendered, violations, namelessButtons: nameless };
        await capture(s, `a11y-${theme.name}-${hash.replace(/^#\//, "").replace(/\//g, "-")}`);
        const problems = [];
        if (blocking.length) problems.push(describeViolations(hash, blocking));
        if (nameless.length) problems.push(`  ${hash}: buttons without an accessible name:\n${nameless.map((h) => `      ${h}`).join("\n")}`);
        assert.equal(problems.length, 0, `${hash} (screen "${rendered}", ${theme.name}):\n${problems.join("\n")}`);
      });
    }
  });
}

/** What shows that the focused element has the focus: an outline or a focus ring shadow. */
async function focusIndicator() {
  return s.execute(
    `const el = document.activeElement;
     if (!el || el === document.body) return { tag: "body", visible: false };
     const style = getComputedStyle(el);
     const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
     // A box-shadow counts when it is a ring (no offset, no blur, a spread), not a resting shadow.
     const shadow = /0px 0px 0px [1-9]/.test(style.boxShadow ?? "");
     return {
       tag: el.outerHTML.slice(0, 160),
       outline: style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor,
       shadow: style.boxShadow,
       visible: outline || shadow,
       focusVisible: el.matches(":focus-visible"),
     };`,
  );
}

describe("the keyboard", () => {
  before(() => open(THEMES[0]));
  after(close);

  for (const hash of ["#/pilots", "#/pilots/1/basics", "#/governance", "#/settings"]) {
    test(`${hash} can be used from the keyboard with the focus visible`, async () => {
      await show(hash);
      const seen = [];
      const hidden = [];
      // From the top of the window (the sidebar first), then from the top of the screen itself.
      for (const [start, presses] of [["body", 5], ["[data-screen]", 10]]) {
        await s.execute(
          `const start = document.querySelector(arguments[0]);
           start.setAttribute("tabindex", "-1");
           start.focus();`,
          [start],
        );
        for (let i = 0; i < presses; i++) {
          await s.keys("{Tab}");
          // Longer than the controls' 120 ms focus-ring transition.
          await sleep(250);
          const focus = await focusIndicator();
          seen.push(focus.tag);
          if (!focus.visible) hidden.push(`${focus.tag}\n        outline: ${focus.outline}; box-shadow: ${focus.shadow}`);
        }
      }
      await s.execute(`for (const el of document.querySelectorAll("body, [data-screen]")) el.removeAttribute("tabindex");`);
      const moved = new Set(seen.filter((t) => t !== "body")).size;
      assert.ok(moved >= 8, `Tab reached only ${moved} elements on ${hash}:\n${seen.join("\n")}`);
      assert.equal(hidden.length, 0, `on ${hash}, the focus was not visible on:\n      ${hidden.join("\n      ")}`);
    });
  }

  test("the quick log opens with Ctrl+L, keeps the focus inside, passes the check and closes with Escape", async () => {
    await show("#/pilots");
    const dialog = '[data-testid="quick-log"]';
    await s.keys("{Ctrl+l}");
    await s.waitFor(dialog);
    await sleep(600);
    const inside = () => s.execute(`return !!document.querySelector(arguments[0])?.contains(document.activeElement);`, [dialog]);
    assert.ok(await inside(), "the focus did not move into the dialog");
    const hidden = [];
    for (let i = 0; i < 12; i++) {
      await s.keys("{Tab}");
      await sleep(250);
      assert.ok(await inside(), `Tab ${i + 1} left the dialog`);
      const focus = await focusIndicator();
      if (!focus.visible) hidden.push(`${focus.tag}\n        outline: ${focus.outline}; box-shadow: ${focus.shadow}`);
    }
    assert.equal(hidden.length, 0, `in the quick log, the focus was not visible on:\n      ${hidden.join("\n      ")}`);
    const blocking = (await axe(dialog)).filter((v) => BLOCKING.has(v.impact));
    assert.equal(blocking.length, 0, `the quick log:\n${describeViolations("quick log", blocking)}`);
    // A first Escape may close an open suggestion list; the dialog closes by the next.
    for (let i = 0; i < 3 && (await s.findAll(dialog)).length > 0; i++) {
      await s.keys("{Escape}");
      await sleep(300);
    }
    assert.equal((await s.findAll(dialog)).length, 0, "Escape did not close the quick log");
  });
});
