// Skills as a service, end to end in the real window, on the demo workspace the app makes on
// first start: a bad CASE package refused with every problem at its JSON path and nothing
// written; a real one imported through the native open dialog, browsed and exported through
// the save dialog; a role requirement on one of its competencies; a module from the demo's
// vendor that builds it, seats bought for the running pilot with the total shown first; the
// module assigned to a whole team; one person's completion recorded and a manager's rating at
// the required level; and that person's role readiness and their team's heatmap cell read
// before and after. Every tab is photographed, also at the window's minimum size.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, capture, cli, answerOpenDialog, answerSaveDialog, setValue } from "./app.mjs";
import { sleep } from "./webdriver.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
const FIXTURE = join(process.cwd(), "crates/core/tests/fixtures/case/northfield-workplace-communication.case.json");
const OPEN_TITLE = "Import a CASE package";
const ROLE = "Support Specialist";
const TEAM = "Customer Support";
const VENDOR = "Northstar Coaching Labs";
const MODULE = "Case notes a colleague can act on";
const CODE = "WC.W.1";
let app;
let s;
/** What the test makes and reads as it goes. */
const made = { competency: null, module: null, person: null, manager: null, pilot: null, readiness: {}, cell: {} };

/** Clicks an element; a toast over it (at the foot of the window) is dismissed first. */
async function click(id) {
  const element = await s.waitFor(byTestId(id));
  try {
    await element.click();
  } catch {
    await dismissToast();
    await element.click();
  }
}

async function text(css) {
  return (await s.waitFor(css)).text();
}

async function attribute(css, name) {
  return (await s.find(css)).command("GET", `/attribute/${name}`);
}

/** Chooses the option of a select whose text starts with `prefix`; returns its value. Svelte
 * reads the chosen option on "change", so this is what a person's pick does. */
async function chooseOption(css, prefix) {
  const value = await s.execute(
    `const select = document.querySelector(arguments[0]);
     const option = Array.from(select.options).find((o) => o.textContent.trim().startsWith(arguments[1]));
     if (!option) return null;
     select.selectedIndex = option.index;
     select.dispatchEvent(new Event("input", { bubbles: true }));
     select.dispatchEvent(new Event("change", { bubbles: true }));
     return option.value;`,
    [css, prefix],
  );
  assert.ok(value !== null, `${css} offers an option starting "${prefix}"`);
  return value;
}

/** The first toast's text once it says what `pattern` matches. */
async function toastMatching(pattern) {
  return s.until(`a toast matching ${pattern}`, async () => {
    const toast = await s.find(byTestId("toast"));
    const said = await toast.text();
    return pattern.test(said) ? said : null;
  }, 20000);
}

async function dismissToast() {
  for (const button of await s.findAll(`${byTestId("toast")} button`)) await button.click().catch(() => {});
  await s.until("the toast is gone", async () => (await s.findAll(byTestId("toast"))).length === 0).catch(() => {});
}

/** Role readiness as the People tab shows it. */
async function readiness() {
  const css = byTestId("profile-readiness");
  await s.waitFor(css);
  return {
    met: Number(await attribute(css, "data-met")),
    required: Number(await attribute(css, "data-required")),
    share: await attribute(css, "data-readiness"),
    text: await text(css),
  };
}

/** The heatmap cell of the team and the imported competency, as the Readiness tab shows it. */
async function heatCell() {
  const css = `[data-testid="heat-cell"][data-team="${TEAM}"][data-competency="${made.competency}"]`;
  await s.waitFor(css, 20000);
  return {
    met: Number(await attribute(css, "data-met")),
    required: Number(await attribute(css, "data-required")),
    share: await attribute(css, "data-share"),
    text: (await text(css)).replace(/\s+/g, " "),
  };
}

async function openTab(tab) {
  await click(`skills-tab-${tab}`);
  await s.until(`the ${tab} tab shows`, async () => (await attribute('[data-screen="skills"]', "data-tab")) === tab);
}

before(async () => {
  app = await launch({ port: 4494 });
  s = app.session;
  await s.waitFor(byTestId("pilot-row"), 30000);
});

after(async () => {
  await app?.close();
});

test("the built-in framework is listed first, and a bad CASE package is refused with every problem at its JSON path", async () => {
  const broken = JSON.parse(readFileSync(FIXTURE, "utf8"));
  broken.CFItems[2].identifier = "not-a-uuid";
  delete broken.CFItems[4].fullStatement;
  const path = join(app.workdir, "northfield-broken.case.json");
  writeFileSync(path, JSON.stringify(broken, null, 2));
  const before = cli(app.db, ["framework", "list", "--json"]);

  await click("nav-skills");
  const first = await s.waitFor(byTestId("framework-row"), 20000);
  assert.equal(await first.command("GET", "/attribute/data-builtin"), "true");
  assert.match(await first.text(), /Built in/);
  assert.equal((await s.findAll(byTestId("framework-row"))).length, 1);
  await s.waitFor(byTestId("level-panel"));
  await capture(s, "70-skills-frameworks");

  await click("framework-import");
  await answerOpenDialog(path, OPEN_TITLE);
  await s.waitFor(byTestId("framework-problems"), 20000);
  const problems = await s.findAll(byTestId("framework-problem"));
  assert.ok(problems.length >= 2, `every problem is listed (${problems.length})`);
  const fields = await Promise.all(problems.map((p) => p.command("GET", "/attribute/data-field")));
  assert.ok(fields.includes("$.CFItems[2].identifier"), `a problem names $.CFItems[2].identifier: ${fields.join(", ")}`);
  const identifier = problems[fields.indexOf("$.CFItems[2].identifier")];
  assert.match(await identifier.text(), /not-a-uuid/);
  assert.match(await identifier.text(), /line \d+, column \d+/);
  assert.ok(fields.some((f) => f.startsWith("$.CFItems[4]")), `a problem names the item without a statement: ${fields.join(", ")}`);
  assert.match(await text(byTestId("framework-problems-summary")), /northfield-broken\.case\.json/);
  await capture(s, "71-skills-framework-refused");
  assert.equal(cli(app.db, ["framework", "list", "--json"]), before, "nothing was written");
  assert.equal((await s.findAll(byTestId("framework-row"))).length, 1);
});

test("a CASE package is imported through the open dialog, browsed, and exported through the save dialog", async () => {
  await click("framework-import");
  await answerOpenDialog(FIXTURE, OPEN_TITLE);
  const said = await toastMatching(/Imported "Workplace Communication Skills"/);
  assert.match(said, /version 2\.3/);
  assert.equal((await s.findAll(byTestId("framework-problems"))).length, 0, "the earlier problems are gone");
  await s.until("two frameworks are listed", async () => (await s.findAll(byTestId("framework-row"))).length === 2);
  const rows = await s.findAll(byTestId("framework-row"));
  assert.equal(await rows[0].command("GET", "/attribute/data-builtin"), "true", "the built-in one stays first");
  assert.equal(await text(byTestId("framework-title")), "Workplace Communication Skills");

  const node = await s.waitFor(`[data-testid^="competency-"][data-code="${CODE}"]`);
  made.competency = Number((await node.command("GET", "/attribute/data-testid")).replace("competency-", ""));
  assert.ok(Number(await node.command("GET", "/attribute/data-depth")) > 0, "the standard is indented under its strand");
  await node.click();
  await s.until("its four levels show", async () => (await s.findAll(`${byTestId("level-panel")} ${byTestId("level-row")}`)).length === 4);
  const panel = await text(byTestId("level-panel"));
  assert.match(panel, /Writes a case note a colleague can act on/);
  assert.match(panel, /Meets/);
  await dismissToast();
  await capture(s, "72-skills-framework-imported");

  const out = join(app.workdir, "exported-northfield.json");
  await click("framework-export");
  await answerSaveDialog(out, "Export framework");
  await toastMatching(/Exported "Workplace Communication Skills"/);
  await s.until("the export is written", async () => existsSync(out), 20000);
  const exported = JSON.parse(readFileSync(out, "utf8"));
  assert.equal(exported.CFDocument.title, "Workplace Communication Skills");
  assert.equal(exported.CFItems.length, JSON.parse(readFileSync(FIXTURE, "utf8")).CFItems.length);
});

test("the Support Specialist role comes to require the imported competency, and the heatmap gets its column", async () => {
  await openTab("readiness");
  await s.waitFor(byTestId("heatmap"), 20000);
  assert.equal(
    (await s.findAll(`[data-testid="heat-column"][data-competency="${made.competency}"]`)).length,
    0,
    "no role requires it yet",
  );
  await chooseOption(byTestId("requirement-role"), ROLE);
  await chooseOption(byTestId("requirement-competency"), CODE);
  await chooseOption(byTestId("requirement-level"), "3");
  await click("requirement-add");
  await toastMatching(new RegExp(`The ${ROLE} role requires ${CODE.replaceAll(".", "\\.")}.* at 3 · Meets`));
  await s.waitFor(`[data-testid="role-requirement"][data-role="${ROLE}"][data-competency="${made.competency}"]`);
  const column = await s.waitFor(`[data-testid="heat-column"][data-competency="${made.competency}"]`, 20000);
  assert.match(await column.command("GET", "/attribute/title"), /^WC\.W\.1 \w+/, "the column's tooltip names the competency");
  made.cell.before = await heatCell();
  assert.ok(made.cell.before.required >= 5, `the team's ${ROLE}s are counted: ${JSON.stringify(made.cell.before)}`);
  assert.equal(made.cell.before.met, 0, "no one has been rated on it yet");
  assert.match(made.cell.before.text, /0%/);
  assert.match(made.cell.before.text, new RegExp(`0 of ${made.cell.before.required}`));
  // Teams below the privacy floor say so rather than show a figure.
  const suppressed = await s.findAll(byTestId("heat-suppressed"));
  for (const row of suppressed) assert.match(await row.text(), /Fewer than \d+ people — hidden/);
  await dismissToast();
  await capture(s, "73-skills-readiness-before");
});

test("a module from the demo's vendor that builds it joins the catalog, and seats are bought with the total shown first", async () => {
  await openTab("catalog");
  await s.waitFor(byTestId("module-add"));
  await click("module-add");
  await s.waitFor(byTestId("module-form"));
  await (await s.find(byTestId("module-title"))).type(MODULE);
  await chooseOption(byTestId("module-vendor"), VENDOR);
  await (await s.find(byTestId("module-duration"))).type("1.5");
  await chooseOption(byTestId("module-delivery"), "Live online");
  await chooseOption(byTestId("module-pricing"), "Per seat per month");
  await (await s.find(byTestId("module-price"))).type("40");
  await chooseOption(byTestId("module-target-competency-0"), CODE);
  await chooseOption(byTestId("module-target-level-0"), "3");
  await capture(s, "74-skills-module-form");
  await click("module-save");
  await toastMatching(new RegExp(`Added "${MODULE}" from ${VENDOR}`));
  const row = await s.waitFor(`[data-testid="module-row"][data-title="${MODULE}"]`);
  made.module = Number(await row.command("GET", "/attribute/data-id"));
  const described = (await row.property("textContent")).replace(/\s+/g, " ");
  assert.match(described, /USD 40/);
  assert.match(described, /per seat per month/);
  assert.match(described, /WC\.W\.1 Writes/);
  assert.match(described, /→ to level 3 Meets/);
  assert.match(described, /None bought/);

  await click(`module-buy-${made.module}`);
  await s.waitFor(byTestId("purchase-form"));
  await (await s.find(byTestId("purchase-seats"))).type("13");
  await setValue(s, byTestId("purchase-months"), "3");
  await s.until("the total is worked out", async () => /USD 1,560/.test(await text(byTestId("purchase-total"))));
  assert.match(await text(byTestId("purchase-total")), /13 seats × 3 months × USD 40/);
  made.pilot = Number(await chooseOption(byTestId("purchase-pilot"), "Support escalation pilot"));
  await capture(s, "75-skills-purchase-form");
  await click("purchase-save");
  await toastMatching(new RegExp(`Bought "${MODULE}": 13 seats × 3 months × USD 40 = USD 1,560`));
  await s.until("the seats show in the catalog", async () =>
    /0 of 13 seats used/.test(await text(`[data-testid="module-row"][data-title="${MODULE}"] [data-testid="module-seats"]`)),
  );
  await s.waitFor(byTestId("purchase-list"));
  await dismissToast();
  await capture(s, "76-skills-catalog");
});

test("the module is assigned to the whole team and a completion is recorded for one person", async () => {
  const people = JSON.parse(cli(app.db, ["people", "list", "--json"]));
  const team = people.filter((p) => p.team === TEAM && !p.leavingDate);
  const person = team.find((p) => p.role === ROLE && p.managerId);
  assert.ok(person, `the demo has a ${ROLE} in ${TEAM}`);
  made.person = person;
  made.manager = person.managerId;

  await openTab("assignments");
  await s.waitFor(byTestId("board-manager"), 20000);
  await click("assign-open");
  await s.waitFor(byTestId("assign-form"));
  await chooseOption(byTestId("assign-module"), MODULE);
  await click("assign-to-team");
  await chooseOption(byTestId("assign-team"), TEAM);
  await capture(s, "77-skills-assign-form");
  await click("assign-save");
  const said = await toastMatching(new RegExp(`Assigned "${MODULE}" to the ${TEAM} team \\((\\d+) people\\)`));
  assert.equal(Number(/\((\d+) people\)/.exec(said)[1]), team.length, "everyone in the team who has not left");

  await setValue(s, byTestId("board-manager"), made.manager);
  const card = `[data-testid="board-person"][data-id="${person.id}"]`;
  const rowCss = `${card} [data-testid="assignment-row"][data-module="${made.module}"]`;
  const row = await s.waitFor(rowCss, 20000);
  assert.equal(await row.command("GET", "/attribute/data-status"), "not_started");
  const assignment = await row.command("GET", "/attribute/data-id");
  await click(`progress-open-${assignment}`);
  await s.waitFor(byTestId(`progress-form-${assignment}`));
  await click("progress-complete");
  await s.waitFor(byTestId("progress-completed-on"));
  await chooseOption(`${byTestId(`progress-form-${assignment}`)} ${byTestId("progress-passed")}`, "Passed");
  await (await s.find(byTestId("progress-score"))).type("86");
  await capture(s, "78-skills-record-progress");
  await click("progress-save");
  await toastMatching(new RegExp(`${person.name} completed "${MODULE}"`));
  await s.until("the assignment shows as completed", async () =>
    (await attribute(rowCss, "data-status")) === "completed" && (await attribute(rowCss, "data-progress")) === "100",
  );
  assert.match(await text(rowCss), /Passed · score 86/);
  await dismissToast();
  await capture(s, "79-skills-assignments");
});

test("a manager's rating at the required level raises the person's readiness and the team's heatmap cell", async () => {
  const person = made.person;
  // From the board, the person's name opens their skills profile.
  await (await s.waitFor(`a[href="#/skills/people/${person.id}"]`)).click();
  await s.until("the profile opens", async () => (await text(byTestId("profile-name"))) === person.name);
  const requirement = `[data-testid="requirement-row"][data-competency="${made.competency}"]`;
  await s.waitFor(requirement);
  assert.equal(await attribute(requirement, "data-met"), "false");
  made.readiness.before = await readiness();
  assert.ok(made.readiness.before.required >= 2, `the role requires the imported competency and others: ${JSON.stringify(made.readiness.before)}`);
  assert.match(await text(`[data-testid="profile-assignment"][data-module="${made.module}"]`), /Completed/);

  await chooseOption(byTestId("rate-competency"), CODE);
  await chooseOption(byTestId("rate-level"), "3");
  assert.equal(await (await s.find(byTestId("rate-rater"))).property("value"), "manager");
  assert.match(await text(byTestId("rate-descriptor")), /3 · Meets/);
  await (await s.find(byTestId("rate-evidence"))).type("Three case notes from this week, each acted on without a call back");
  await capture(s, "80-skills-rate");
  await click("rate-save");
  await toastMatching(new RegExp(`Rated ${person.name} at 3 · Meets on ${CODE.replaceAll(".", "\\.")}`));
  await s.until("the requirement is met", async () => (await attribute(requirement, "data-met")) === "true");
  made.readiness.after = await readiness();
  assert.equal(made.readiness.after.required, made.readiness.before.required);
  assert.equal(made.readiness.after.met, made.readiness.before.met + 1, "one more required competency met");
  assert.ok(Number(made.readiness.after.share) > Number(made.readiness.before.share || 0));
  assert.notEqual(made.readiness.after.text, made.readiness.before.text, "the figure shown changed");
  await s.waitFor(`[data-testid="rating-row"][data-competency="${made.competency}"][data-level="3"]`);
  await dismissToast();
  await capture(s, "81-skills-profile");

  await openTab("readiness");
  made.cell.after = await heatCell();
  assert.equal(made.cell.after.required, made.cell.before.required);
  assert.equal(made.cell.after.met, made.cell.before.met + 1, "one more person meets it");
  assert.ok(Number(made.cell.after.share) > 0);
  assert.match(made.cell.after.text, new RegExp(`1 of ${made.cell.after.required}`));
  assert.notEqual(made.cell.after.text, made.cell.before.text);
  console.log(`# ${person.name}: readiness ${made.readiness.before.text} -> ${made.readiness.after.text}; ` +
    `${TEAM} on ${CODE}: ${made.cell.before.text} -> ${made.cell.after.text}`);
  await capture(s, "82-skills-readiness-after");

  // The pilot filter narrows the heatmap to the pilot's teams, and back.
  const all = (await s.findAll(byTestId("heat-row"))).length;
  await chooseOption(byTestId("heat-pilot"), "Support escalation pilot");
  await s.until("only the pilot's teams show", async () => {
    const teams = await Promise.all((await s.findAll(byTestId("heat-row"))).map((r) => r.command("GET", "/attribute/data-team")));
    return teams.length > 0 && teams.length < all && teams.includes(TEAM);
  });
  await capture(s, "82b-skills-readiness-pilot");
  await chooseOption(byTestId("heat-pilot"), "All teams");
  await s.until("every team shows again", async () => (await s.findAll(byTestId("heat-row"))).length === all);
});

test("the seats bought for the pilot show, read-only, in its budget", async () => {
  await s.execute(`window.location.hash = "#/pilots/${made.pilot}/budget"`);
  await s.waitFor(byTestId("purchase-line"), 20000);
  const lines = await Promise.all((await s.findAll(byTestId("purchase-line"))).map((l) => l.text()));
  assert.ok(lines.some((l) => l.includes(MODULE) && l.includes("USD 1,560")), `the purchase is a budget line: ${lines.join(" | ")}`);
  assert.equal((await s.findAll(`${byTestId("purchase-lines")} input`)).length, 0, "not editable");
  assert.ok((await attribute(byTestId("purchase-lines-link"), "href")).endsWith("#/skills/catalog"), "it links to Skills → Catalog");
  await s.execute(`document.querySelector('[data-testid="purchase-lines"]').scrollIntoView({ block: "center" })`);
  await capture(s, "83-pilot-budget-purchases");
});

test("every Skills tab fits the window's minimum size", async () => {
  const rect = await s.command("GET", "/window/rect");
  await s.command("POST", "/window/rect", { width: 980, height: 640 });
  await sleep(500);
  try {
    const shots = [
      ["frameworks", byTestId("competency-tree")],
      ["catalog", byTestId("module-table")],
      ["assignments", byTestId("assignment-board")],
      ["people", byTestId("skill-profile")],
      ["readiness", byTestId("heatmap")],
    ];
    for (const [tab, ready] of shots) {
      if (tab === "people") await s.execute(`window.location.hash = "#/skills/people/${made.person.id}"`);
      else await s.execute(`window.location.hash = "#/skills/${tab}"`);
      await s.waitFor(ready, 20000);
      // Nothing wider than the window: the page itself never scrolls sideways.
      const overflow = await s.execute(
        `const main = document.querySelector("main");
         return main.scrollWidth - main.clientWidth;`,
      );
      assert.ok(overflow <= 0, `the ${tab} tab fits the width (${overflow}px too wide)`);
      await capture(s, `84-skills-min-${tab}`);
    }
  } finally {
    await s.command("POST", "/window/rect", { width: rect.width, height: rect.height });
  }
});
