// The pilot designer, end to end in the real window: a pilot created from templates, a
// task edited (with a refused value first), Step 1 completed section by section while the
// checklist follows each change, then submitted to the steering group.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, capture, setValue } from "./app.mjs";

const NAME = "Escalation and new-manager coaching";
const byTestId = (id) => `[data-testid="${id}"]`;
let app;
let s;

/** YYYY-MM-DD, `days` from today, so the test holds whatever day it runs. */
function isoDay(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function status(key) {
  const item = await s.find(`${byTestId("checklist")} ${byTestId(`check-${key}`)}`);
  return item.command("GET", "/attribute/data-status");
}

async function waitForStatus(key, expected) {
  await s.until(`check-${key} is ${expected}`, async () => (await status(key)) === expected);
}

async function click(id) {
  await (await s.waitFor(byTestId(id))).click();
}

async function type(id, text) {
  const field = await s.waitFor(byTestId(id));
  await field.clear();
  await field.type(text);
}

before(async () => {
  app = await launch({ port: 4454 });
  s = app.session;
  await s.waitFor(byTestId("pilot-row"), 30000);
});

after(async () => {
  await app?.close();
});

test("a pilot is created from two templates", async () => {
  await click("new-pilot");
  await type("pilot-name", NAME);
  await click("template-option-customer-escalation");
  await click("template-option-new-manager-onboarding");
  await setValue(s, byTestId("pilot-start"), isoDay(60));
  await type("pilot-sponsor", "Priya Raman");
  await type("pilot-budget", "15000");
  await capture(s, "20-new-pilot-templates");
  await click("pilot-submit");
  const title = await s.waitFor(byTestId("pilot-title"));
  assert.equal(await title.text(), NAME);
  await click("section-playbooks");
  await s.waitFor(byTestId("task-1-3"));
  await waitForStatus("playbooks", "met");
  await waitForStatus("kpis", "not_met");
  await capture(s, "21-playbooks");
});

test("a task is edited, with a refused value shown at its field first", async () => {
  await click("task-edit-0-0");
  await type("task-behaviour", "Name the customer's impact in the first minute");
  await type("moment-minutes-0", "40");
  await click("task-save");
  const error = await s.waitFor(byTestId("error-moments-0-minutes"));
  assert.match(await error.text(), /5 to 15 minutes/);
  assert.equal(await (await s.find(byTestId("task-behaviour"))).property("value"), "Name the customer's impact in the first minute");
  await capture(s, "22-task-editor-error");
  await type("moment-minutes-0", "10");
  await click("task-save");
  await s.until("the card shows the edited behaviour", async () =>
    (await (await s.find(byTestId("task-0-0"))).text()).includes("Name the customer's impact in the first minute"),
  );
});

test("Step 1 is completed section by section and the checklist follows", async () => {
  await click("section-basics");
  await waitForStatus("ai_agenda", "not_met");
  // The objective is a Step 1 item too: what the pilot should change, and for whom.
  await waitForStatus("objective", "not_met");
  await type("basics-objective", "Fewer escalations and faster first-time managers, coached in the week it matters.");
  await type("basics-ai-agenda", "new managers' weekly 1:1s");
  await click("basics-save");
  await waitForStatus("ai_agenda", "met");
  await waitForStatus("objective", "met");

  await click("section-kpis");
  await s.waitFor(byTestId("kpi-2"));
  await click("kpi-remove-2");
  await s.until("two KPIs remain", async () => (await s.findAll(`[data-testid^="kpi-edit-"]`)).length === 2);
  for (const [index, baseline, target] of [[0, "68", "4"], [1, "7.5", "1.5"]]) {
    await click(`kpi-edit-${index}`);
    await setValue(s, byTestId("kpi-baseline-start"), isoDay(-200));
    await setValue(s, byTestId("kpi-baseline-end"), isoDay(-20));
    await type("kpi-baseline", baseline);
    await type("kpi-target", target);
    await click("kpi-save");
    await s.until(`KPI ${index} shows its rule`, async () => (await (await s.find(byTestId(`kpi-${index}`))).text()).includes("Scale if"));
  }
  await waitForStatus("kpis", "met");
  await capture(s, "23-kpis");

  await click("section-cohort");
  await waitForStatus("cohort", "not_met");
  await click("design-randomised_waitlist");
  for (const manager of ["E1040", "E1041", "E1007", "E1008"]) await click(`manager-${manager}`);
  await type("cohort-seed", "42");
  await click("cohort-save");
  await s.until("four managers are assigned", async () => (await s.findAll(byTestId("cohort-member"))).length === 4);
  assert.match(await (await s.find(byTestId("cohort-seed-value"))).text(), /42/);
  await waitForStatus("cohort", "met");
  await waitForStatus("comparison", "met");
  await capture(s, "24-cohort");

  await click("section-budget");
  // A committed budget is not complete until its lines say what it buys.
  await waitForStatus("budget", "not_met");
  await click("add-line");
  await setValue(s, byTestId("line-category-0"), "analytics");
  await type("line-description-0", "KPI extracts and the monthly dashboard");
  await type("line-cost-0", "6000");
  await type("time-manager-hours", "1.5");
  await type("time-manager-rate", "65");
  await click("budget-save");
  await waitForStatus("budget", "met");
  await s.until("the estimate shows a total", async () => /USD/.test(await (await s.find(byTestId("estimate-total"))).text()));
  await capture(s, "25-budget");

  await click("section-checklist");
  await s.until("Step 1 is complete", async () => (await (await s.find(byTestId("checklist-score"))).text()).includes("11 of 11"));
  await capture(s, "26-checklist");
});

test("the completed pilot is submitted to the steering group", async () => {
  await click("submit-pilot");
  await type("submit-reason", "Ready for the January steering group");
  await click("submit-confirm");
  await s.waitFor(byTestId("submitted"));
  await s.until("the status reads Submitted", async () => /Submitted/.test(await (await s.find(byTestId("pilot-status"))).text()));
  await click("section-overview");
  await capture(s, "27-submitted");
});
