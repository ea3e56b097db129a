// The measure half, end to end in the real window, on the generator's workspace (300
// people, 26 weeks) with hourly costs set by the command line. The generator tells the
// demo's story at that scale: its big randomised pilot finished a week ago and was decided
// at day 90, one region of Customer Success runs against the rest, and a third pilot is in
// design. In the window: the overview cards, the finished pilot's dashboard read answer
// first, a refused and then saved ROI assumption, an earlier month, the monthly and day-90
// outcome packs saved through the save dialog, and an hourly cost set in Settings.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch, capture, cli, answerSaveDialog, pdfText } from "./app.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
// The generated organisation's L&D lead: the Chief Operating Officer, then HR, people
// analytics and finance, then L&D.
const LD_LEAD = "P000005";
let app;
let s;

function yesterday() {
  const date = new Date();
  date.setDate(date.getDate() - 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function prepare(db) {
  cli(db, ["generate", "--people", "300", "--events", "6000", "--weeks", "26", "--seed", "3", "--end", yesterday()]);
  for (const [role, cost] of [["Sales Manager", "85"], ["Account Executive", "60"], ["Customer Support Manager", "75"]]) {
    cli(db, ["costs", "set", role, cost]);
  }
  cli(db, ["user", "set", LD_LEAD]);
}

async function click(id) {
  await (await s.waitFor(byTestId(id), 20000)).click();
}

async function text(id) {
  return (await s.waitFor(byTestId(id), 20000)).text();
}

async function type(id, value) {
  const field = await s.waitFor(byTestId(id));
  await field.clear();
  await field.type(value);
}

before(async () => {
  app = await launch({ port: 4464, setup: prepare });
  s = app.session;
  await s.waitFor(byTestId("pilot-row"), 30000);
});

after(async () => {
  await app?.close();
});

test("the overview shows a pilot in each state, with its day, first KPI and way to its dashboard", async () => {
  assert.match(await text("pilot-day-1"), /Ended \d+ days? ago/);
  assert.match(await text("pilot-kpi-1"), /better/);
  assert.match(await text("pilot-day-2"), /Day 6\d of 90/);
  assert.match(await text("pilot-day-3"), /Starts in \d+ days/);
  await capture(s, "60-pilots-overview");
  await click("pilot-dashboard-1");
  await s.waitFor(byTestId("dashboard-headline"), 30000);
});

test("the dashboard leads with the answer, then each KPI with its evidence", async () => {
  assert.match(await text("dashboard-headline"), /KPIs met their success criterion/);
  assert.match(await text("key-number-1"), /Improvement in/);
  assert.equal(await text("lift-evidence-1"), "Strong evidence");
  assert.match(await text("lift-improvement-1"), /days\s+better than the comparison group/);
  assert.match(await text("mde-1"), /The pilot can detect a change of/);
  assert.match(await text("roi-summary"), /^ROI/);
  assert.match(await text("flight-risk"), /no person is scored/);
  assert.match(await text("unit-hidden"), /not shown/);
  await capture(s, "61-dashboard");
});

test("a refused ROI assumption is shown at its field and kept; a good one is saved", async () => {
  await type("roi-1-confidence", "140");
  await click("roi-save");
  const error = await s.waitFor(byTestId("error-roi-1-confidence"), 20000);
  assert.match(await error.text(), /at most 100%/);
  assert.equal(await (await s.find(byTestId("roi-1-confidence"))).property("value"), "140");
  await capture(s, "62-roi-assumption-refused");
  await type("roi-1-confidence", "80");
  await type("roi-1-affected", "40");
  await type("roi-1-unit", "new hires");
  await click("roi-save");
  await s.waitFor(byTestId("roi-saved"), 20000);
  assert.match(await text("roi-basis-1"), /Stated\s+40 new hires a year/);
  assert.match(await text("roi-basis-1"), /80% as stated/);
});

test("the monthly pack of an earlier month is saved through the save dialog", async () => {
  const picker = await s.waitFor(byTestId("dashboard-month"));
  const options = await s.execute(
    `return [...document.querySelector('[data-testid="dashboard-month"]').options].map((o) => o.value);`,
  );
  const earlier = options[1];
  assert.ok(earlier, `an earlier month to pick: ${options.join(", ")}`);
  await s.execute(
    `const select = document.querySelector('[data-testid="dashboard-month"]');
     select.value = arguments[0];
     select.dispatchEvent(new Event("change", { bubbles: true }));`,
    [earlier],
  );
  await s.until("the month is read", async () => (await picker.property("value")) === earlier, 20000);
  const out = join(app.workdir, "monthly.pdf");
  await click("save-monthly-pack");
  await answerSaveDialog(out);
  const notice = await s.waitFor(byTestId("pack-saved"), 30000);
  assert.match(await notice.text(), /The monthly pack is saved to/);
  assert.ok(existsSync(out));
  assert.match(pdfText(out).replace(/\s+/g, " "), /page 1 of \d+/);
});

test("the day-90 outcome pack is saved through the save dialog", async () => {
  const out = join(app.workdir, "outcome.pdf");
  await click("save-outcome-pack");
  await answerSaveDialog(out);
  await s.until("the outcome pack is saved", async () => /day-90 outcome pack is saved/.test(await text("pack-saved")), 60000);
  assert.ok(existsSync(out));
  const pdf = pdfText(out).replace(/\s+/g, " ");
  assert.match(pdf, /page 1 of \d+/);
  const packs = JSON.parse(cli(app.db, ["packs", "--json"]));
  assert.ok(packs.some((p) => p.kind === "outcome"), JSON.stringify(packs.map((p) => p.kind)));
  await capture(s, "63-outcome-pack-saved");
});

test("an hourly cost is set in Settings", async () => {
  await click("nav-settings");
  await s.waitFor(byTestId("hourly-list"), 20000);
  await type("hourly-role", "Support Specialist");
  await type("hourly-cost", "40");
  await click("hourly-save");
  assert.match(await text("hourly-saved"), /An hour of Support Specialist now costs USD 40/);
  await capture(s, "64-hourly-costs");
});
