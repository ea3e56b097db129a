// Module progress from a vendor's or an LMS's export, end to end in the real window, on the
// demo workspace the app makes on first start (the Support escalation pilot has "De-escalation
// language" and "Tier-1 diagnostics" assigned to the Customer Support team). From the
// Assignments board: its export of module progress through the save dialog, and its link to
// the import wizard with the new kind chosen; a bad CSV refused with each problem's line and
// column and nothing written; a good one, with an LMS's own column names, imported; the
// board showing the assignment completed; and the pilot's dashboard showing its Skills part
// with the figures the command line reads. Everything is photographed, also at the window's
// minimum size.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, capture, cli, answerOpenDialog, answerSaveDialog, setValue } from "./app.mjs";
import { sleep } from "./webdriver.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
const TEAM = "Customer Support";
const PILOT = "Support escalation pilot";
const OPEN_TITLE = "Import module progress";
let app;
let s;
/** What the test finds and reads as it goes. */
const made = { pilot: null, complete: null, progress: null, finished: null, before: null, after: null, modules: null };

/** YYYY-MM-DD, `days` from today, as the app reckons the day. */
function isoDay(days = 0) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function click(id) {
  const element = await s.waitFor(byTestId(id), 20000);
  try {
    await element.click();
  } catch {
    await dismissToast();
    await element.click();
  }
}

async function text(css) {
  return (await s.waitFor(css, 20000)).text();
}

async function attribute(css, name) {
  return (await s.find(css)).command("GET", `/attribute/${name}`);
}

async function dismissToast() {
  for (const button of await s.findAll(`${byTestId("toast")} button`)) await button.click().catch(() => {});
  await s.until("the toast is gone", async () => (await s.findAll(byTestId("toast"))).length === 0).catch(() => {});
}

/** The first toast's text once it says what `pattern` matches. */
async function toastMatching(pattern) {
  return s.until(`a toast matching ${pattern}`, async () => {
    const said = await (await s.find(byTestId("toast"))).text();
    return pattern.test(said) ? said : null;
  }, 20000);
}

/** A person's assignments as the command line reads them. */
function assignmentsOf(personId) {
  return JSON.parse(cli(app.db, ["skills", "--person", personId, "--json"])).assignments;
}

/** What an import may change, read by the command line: the imports and each person's progress. */
function progressSnapshot(people) {
  return [cli(app.db, ["imports", "--json"]), ...people.map((p) => JSON.stringify(assignmentsOf(p.id)))].join("\n");
}

function pilotReport() {
  return JSON.parse(cli(app.db, ["skills", String(made.pilot), "--json"]));
}

/** Scrolls an element to the top of the window, under the dashboard's sticky part navigation. */
async function scrollTo(css) {
  await s.execute(`document.querySelector(arguments[0]).scrollIntoView({ block: "start" })`, [css]);
  await sleep(300);
}

before(async () => {
  app = await launch({ port: 4504 });
  s = app.session;
  await s.waitFor(byTestId("pilot-row"), 30000);
  made.pilot = JSON.parse(cli(app.db, ["pilot", "list", "--json"])).find((p) => p.name === PILOT).id;
  made.modules = JSON.parse(cli(app.db, ["module", "list", "--json"]));
  // Someone in the team with an unfinished Tier-1 diagnostics, someone else with an unfinished
  // De-escalation language, and a finished assignment (whose progress cannot go down).
  const team = JSON.parse(cli(app.db, ["people", "list", "--json"])).filter((p) => p.team === TEAM && !p.leavingDate && p.managerId);
  for (const person of team) {
    for (const a of assignmentsOf(person.id)) {
      const entry = { ...person, assignment: a };
      if (a.completedOn === null && a.moduleTitle === "Tier-1 diagnostics" && !made.complete) made.complete = entry;
      else if (a.completedOn === null && a.moduleTitle === "De-escalation language" && !made.progress && made.complete?.id !== person.id) {
        made.progress = entry;
      } else if (a.completedOn !== null && !made.finished) made.finished = entry;
    }
  }
  assert.ok(made.complete && made.progress && made.finished, "the demo has unfinished and finished assignments in the team");
  assert.ok(made.progress.assignment.progress < 75, `${made.progress.name} is under 75%: ${made.progress.assignment.progress}`);
  made.before = pilotReport();
});

after(async () => {
  await app?.close();
});

test("the Assignments board exports module progress and links to its import", async () => {
  await click("nav-skills");
  await click("skills-tab-assignments");
  await s.waitFor(byTestId("assignment-board"), 20000);
  const link = await s.waitFor(byTestId("import-progress"));
  assert.ok((await link.command("GET", "/attribute/href")).endsWith("#/import/module_progress"));
  assert.match(await link.text(), /Import progress…/);
  await capture(s, "90-skills-assignments-links");

  const out = join(app.workdir, "module-progress.csv");
  await click("export-progress");
  await s.waitFor(byTestId("export-progress-xlsx"));
  await capture(s, "90b-skills-assignments-export-menu");
  await click("export-progress-csv");
  await answerSaveDialog(out, "Export");
  await toastMatching(/Exported \d+ rows to/);
  await s.until("the export is written", async () => existsSync(out), 20000);
  const lines = readFileSync(out, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  assert.match(lines[0], /^Employee ID,.*Module.*,Progress,Completed on,Passed,Score/);
  assert.ok(lines.some((l) => l.startsWith(made.complete.id) && l.includes("Tier-1 diagnostics")), "the assignments are in it");
  await dismissToast();
});

test("the link opens the wizard on module progress, under Skills in the sidebar", async () => {
  await click("import-progress");
  await s.until("the import screen opens", async () => (await s.execute("return window.location.hash")) === "#/import/module_progress");
  await s.waitFor(byTestId("import-wizard"));
  assert.equal(await attribute(byTestId("nav-skills"), "aria-current"), "page", "the sidebar stays on Skills");
  const kind = await s.waitFor(`${byTestId("import-kind-module_progress")} input`);
  assert.equal(await kind.property("checked"), true);
  assert.match(await text(byTestId("import-columns")), /Employee ID, Module, Progress, Completed on, Passed, Score/);
  assert.match(await text('[data-screen="import"] h1'), /Import module progress/);
  await capture(s, "91-import-module-progress-kind");
  // xAPI statements hold module progress too, and say how a statement names a module.
  assert.match(await text(byTestId("import-kind-xapi")), /modules completed, passed, failed or progressed/);
  await (await s.find(`${byTestId("import-kind-xapi")} input`)).click();
  assert.match(await text(byTestId("import-columns")), /https:\/\/pilotdesk\.app\/modules\/<module id>/);
  await s.execute(`document.querySelector('[data-testid="import-columns"]').scrollIntoView({ block: "center" })`);
  await capture(s, "91b-import-xapi-kind");
  await (await s.find(`${byTestId("import-kind-module_progress")} input`)).click();
  assert.match(await text(byTestId("import-columns")), /Employee ID, Module, Progress/);
});

test("a bad progress file is refused with each problem's line and column, and nothing is written", async () => {
  const { complete, progress, finished } = made;
  const path = join(app.workdir, "broken-progress.csv");
  writeFileSync(
    path,
    "Employee ID,Module,Progress,Completed on,Passed,Score\n" +
      `${complete.id},Tier-1 diagnostics,140,,,\n` +
      `${finished.id},${finished.assignment.moduleTitle},50,,,\n` +
      `${complete.id},Underwater basket weaving,100,${isoDay()},,\n` +
      `${progress.id},${progress.assignment.moduleTitle},100,${isoDay(1)},maybe,\n`,
  );
  const before = progressSnapshot([complete, progress, finished]);
  await click("import-choose-file");
  await answerOpenDialog(path, OPEN_TITLE);
  await s.waitFor(byTestId("preview-table"), 20000);
  assert.match(await text(byTestId("preview-count")), /^4 rows/);
  await click("import-next");
  assert.equal(await (await s.waitFor(byTestId("map-completedOn"))).property("value"), "3");
  await click("import-check");
  const summary = await s.waitFor(byTestId("import-problems-summary"), 20000);
  assert.equal(await summary.text(), "broken-progress.csv: 5 problems; nothing was imported.");
  const expected = [
    ["2", "3", /The progress 140 is not a percentage from 0 to 100/],
    ["3", "3", new RegExp(`The progress would go backwards: ${finished.name} on "${finished.assignment.moduleTitle}" is recorded at 100%`)],
    ["4", "2", /There is no module "Underwater basket weaving" in the catalog/],
    ["5", "4", new RegExp(`The completion date ${isoDay(1)} is in the future`)],
    ["5", "5", /"maybe" is not a pass or a fail/],
  ];
  const rows = await s.findAll(byTestId("problem-row"));
  assert.equal(rows.length, expected.length);
  for (const [row, [line, column, message]] of rows.map((r, i) => [r, expected[i]])) {
    assert.equal(await row.command("GET", "/attribute/data-line"), line);
    assert.equal(await row.command("GET", "/attribute/data-column"), column);
    const said = await row.text();
    assert.match(said, message);
    assert.ok(said.startsWith(line), `the row shows line ${line}: ${said}`);
  }
  assert.match(await rows[0].text(), /Progress/, "the column's field is named");
  assert.equal((await s.findAll(byTestId("import-run"))).length, 0, "there is nothing to import");
  await capture(s, "92-import-module-progress-refused");
  assert.equal(progressSnapshot([complete, progress, finished]), before, "nothing was written");
});

test("an LMS export with its own column names is imported, and the board shows the assignment completed", async () => {
  const { complete, progress } = made;
  const path = join(app.workdir, "lms-progress.csv");
  writeFileSync(
    path,
    "Learner ID,Course title,Percent complete,Completed on,Passed,Score\n" +
      `${complete.id},${complete.assignment.moduleTitle},,${isoDay()},yes,88\n` +
      `${progress.id},${progress.assignment.moduleTitle},75%,,,\n`,
  );
  await click("import-another");
  await click("import-choose-file");
  await answerOpenDialog(path, OPEN_TITLE);
  await s.waitFor(byTestId("preview-table"), 20000);
  assert.equal(await text(byTestId("preview-file")), "lms-progress.csv");
  await click("import-next");
  for (const [field, column] of [["personId", "0"], ["module", "1"], ["progress", "2"], ["completedOn", "3"], ["passed", "4"], ["score", "5"]]) {
    assert.equal(await (await s.find(byTestId(`map-${field}`))).property("value"), column, `${field} is matched by name`);
  }
  await capture(s, "93-import-module-progress-mapping");
  await click("import-check");
  assert.equal(await text(byTestId("import-ready-summary")), "2 module assignments: 0 new, 2 changed, 0 unchanged.");
  await click("import-run");
  assert.equal(await text(byTestId("import-done-summary")), "2 module assignments: 0 new, 2 changed, 0 unchanged.");
  await capture(s, "94-import-module-progress-done");

  const done = assignmentsOf(complete.id).find((a) => a.id === complete.assignment.id);
  assert.equal(done.completedOn, isoDay());
  assert.equal(done.source, "csv");

  // Back on the board, read afresh.
  await click("import-destination");
  await s.waitFor(byTestId("board-manager"), 20000);
  await setValue(s, byTestId("board-manager"), complete.managerId);
  const completed = `[data-testid="board-person"][data-id="${complete.id}"] [data-testid="assignment-row"][data-id="${complete.assignment.id}"]`;
  await s.until("the assignment shows as completed", async () =>
    (await attribute(completed, "data-status")) === "completed" && (await attribute(completed, "data-progress")) === "100",
  20000);
  assert.match(await text(completed), /Passed · score 88/);
  await s.execute(`document.querySelector(arguments[0]).scrollIntoView({ block: "center" })`, [completed]);
  await capture(s, "95-skills-assignments-after-import");
  if (progress.managerId !== complete.managerId) await setValue(s, byTestId("board-manager"), progress.managerId);
  const moved = `[data-testid="board-person"][data-id="${progress.id}"] [data-testid="assignment-row"][data-id="${progress.assignment.id}"]`;
  await s.until("the other one shows at 75%", async () => (await attribute(moved, "data-progress")) === "75", 20000);
  assert.equal(await attribute(moved, "data-status"), progress.assignment.status === "overdue" ? "overdue" : "in_progress");
});

test("the Support escalation pilot's dashboard shows its Skills part with the figures the command line reads", async () => {
  made.after = pilotReport();
  const tier1 = made.modules.find((m) => m.title === "Tier-1 diagnostics").targets[0].competencyId;
  const before = made.before.completion.find((c) => c.competencyId === tier1);
  const after = made.after.completion.find((c) => c.competencyId === tier1);
  assert.equal(after.completed, before.completed + 1, "the imported completion counts");

  await s.execute(`window.location.hash = "#/pilots/${made.pilot}/dashboard"`);
  await s.waitFor(byTestId("dashboard-headline"), 30000);
  const finding = await text(byTestId("skills-finding"));
  const reached = made.after.speed.reduce((n, c) => n + c.reached, 0);
  const people = made.after.speed.reduce((n, c) => n + c.people, 0);
  assert.match(finding, new RegExp(`^${reached} of ${people} targets reached across ${made.after.speed.length} competencies; median \\d+`));

  const figure = async (id) => (await text(byTestId(id))).replace(/\s+/g, " ");
  assert.match(await figure("skills-assignments"), new RegExp(`\\b${made.after.assignments}\\b`));
  assert.match(await figure("skills-readiness"), new RegExp(`${Math.round(made.after.readiness * 100)}%`));
  assert.match(await figure("skills-spend"), new RegExp(`USD ${(made.after.spend / 100).toLocaleString("en-US")}\\b`));
  assert.match(await figure("skills-gained"), new RegExp(`\\b${made.after.competenciesGained}\\b`));
  assert.match(await figure("skills-cost-per"), /USD \d+/);

  const row = `[data-testid="skills-competency"][data-competency="${tier1}"]`;
  assert.equal(await attribute(row, "data-hidden"), "false");
  const completion = (await text(`${row} [data-testid="skills-completion"]`)).replace(/\s+/g, " ");
  assert.match(completion, new RegExp(`${Math.round(after.rate * 100)}% ${after.completed} of ${after.assigned}`));
  const speed = made.after.speed.find((c) => c.competencyId === tier1);
  assert.match(await text(`${row} [data-testid="skills-reached"]`), new RegExp(`${speed.reached} of ${speed.people}`));
  assert.match(await text(`${row} [data-testid="skills-median"]`), speed.medianDays === null ? /not yet/ : new RegExp(`${speed.medianDays} days`));
  assert.match(await text(row), /to level 3 · Proficient/);
  assert.equal((await s.findAll(byTestId("skills-seat"))).length, made.after.seats.length);
  console.log(`# ${PILOT}: ${finding}`);

  await scrollTo("#dashboard-skills");
  await capture(s, "96-pilot-skills-panel");
  await scrollTo('[data-testid="skills-competencies"]');
  await capture(s, "96b-pilot-skills-panel-tables");
});

test("the wizard, the board's links and the Skills part fit the window's minimum size", async () => {
  const rect = await s.command("GET", "/window/rect");
  await s.command("POST", "/window/rect", { width: 980, height: 640 });
  await sleep(500);
  const fits = async (what) => {
    const overflow = await s.execute(`const main = document.querySelector("main"); return main.scrollWidth - main.clientWidth;`);
    assert.ok(overflow <= 0, `${what} fits the width (${overflow}px too wide)`);
  };
  try {
    await s.execute(`window.location.hash = "#/import/module_progress"`);
    await s.waitFor(byTestId("import-kind-module_progress"), 20000);
    await fits("the wizard");
    await capture(s, "97-min-import-module-progress");

    await s.execute(`window.location.hash = "#/skills/assignments"`);
    await s.waitFor(byTestId("assignment-board"), 20000);
    await fits("the Assignments board");
    // The links sit beside the manager picker, or under it, never clipped.
    const bar = await s.execute(
      `const r = (id) => document.querySelector('[data-testid="' + id + '"]').getBoundingClientRect();
       const main = document.querySelector("main").getBoundingClientRect();
       return ["import-progress", "export-progress", "assign-open"].map((id) => r(id).right <= main.right && r(id).width > 0);`,
    );
    assert.deepEqual(bar, [true, true, true], "every action shows whole");
    await capture(s, "97-min-skills-assignments");

    await s.execute(`window.location.hash = "#/pilots/${made.pilot}/dashboard"`);
    await s.waitFor(byTestId("skills-panel"), 30000);
    await fits("the dashboard");
    const tables = await s.execute(
      `return [...document.querySelectorAll('[data-testid="skills-panel"] .table-wrap')].map((w) => w.scrollWidth - w.clientWidth);`,
    );
    assert.ok(tables.every((o) => o <= 0), `the Skills tables need no sideways scroll: ${tables.join(", ")}`);
    await scrollTo("#dashboard-skills");
    await capture(s, "97-min-pilot-skills-panel");
    await scrollTo('[data-testid="skills-competencies"]');
    await capture(s, "97-min-pilot-skills-panel-tables");
  } finally {
    await s.command("POST", "/window/rect", { width: rect.width, height: rect.height });
  }
});
