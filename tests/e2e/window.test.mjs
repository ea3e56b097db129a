// The window as its users read it (issue 16): a home that leads with the part each person
// plays, the money in front of the voters, a vote that reads back and can be changed, the
// objective required before submission, and a quick log that asks about a moment the
// playbook would not expect.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, capture, cli, setValue } from "./app.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
const FINANCE = "E1005"; // Tomasz Nowak, the Finance Director on the steering group
const SPONSOR = "E1002"; // Marcus Oyelaran, VP Sales: sponsor of two pilots and a member
const LEAD = "E1074"; // Isla Okafor, the L&D lead who runs the pilots and logs coaching

let app;
let s;
let approvalItem;

/** The demo, with its pilot in design submitted (its open Step 1 items waived with a
 * reason) so the steering group has an approval to vote on, and one vote already cast. */
function prepare(db) {
  cli(db, ["demo"]);
  for (const item of ["ai_agenda", "kpis", "cohort", "comparison", "budget"]) {
    cli(db, ["pilot", "waive", "1", item, "--reason", "Waived for the end-to-end test of the window"]);
  }
  cli(db, ["pilot", "submit", "1"]);
  const queue = JSON.parse(cli(db, ["review", "queue", "--json"]));
  approvalItem = queue.reviews[0].item.id;
  cli(db, ["review", "vote", String(approvalItem), "--choice", "approve", "--comment", "Costs sit inside the envelope", "--as", FINANCE]);
}

before(async () => {
  app = await launch({ setup: prepare, actAs: FINANCE });
  s = app.session;
});

after(async () => {
  await app?.close();
});

async function go(hash) {
  await s.execute("window.location.hash = arguments[0];", [hash]);
}

async function actAs(personId) {
  await (await s.find(byTestId("acting-as"))).click();
  await (await s.waitFor(byTestId(`user-option-${personId}`))).click();
  await s.until("the chooser closes", async () => (await s.findAll(byTestId("user-chooser"))).length === 0);
}

test("a steering-group member's home leads with the votes they owe", async () => {
  await go("#/home");
  const first = await s.waitFor('[data-testid^="home-section-"]', 30000);
  assert.equal(await first.property("dataset").then((d) => d.testid), "home-section-member");
  const greeting = await s.find(byTestId("home-greeting"));
  assert.match(await greeting.text(), /Tomasz/);
  // He voted on the approval already, so it is there without a "your vote is needed" mark.
  const entry = await s.waitFor(byTestId(`inbox-entry-${approvalItem}`));
  assert.match(await entry.text(), /You voted Approve/);
  await capture(s, "146-home-member");
});

test("a sponsor's home leads with their pilots' verdicts and packs", async () => {
  await actAs(SPONSOR);
  try {
    await sponsorsHome();
  } finally {
    await actAs(FINANCE);
  }
});

async function sponsorsHome() {
  await go("#/home");
  await s.until("the sponsor's part comes first", async () => {
    const sections = await s.execute(
      `return [...document.querySelectorAll('[data-testid^="home-section-"]')].map((e) => e.dataset.testid);`,
    );
    return sections[0] === "home-section-sponsor" && sections.includes("home-section-member") && sections.at(-1) === "home-section-lead";
  });
  const sponsored = await s.findAll('[data-testid^="sponsor-entry-"]');
  assert.ok(sponsored.length >= 2, "he sponsors the pilot in design and the finished one");
  const text = (await Promise.all(sponsored.map((e) => e.text()))).join("\n");
  assert.match(text, /Verdict: Scale/);
  // The owed vote is marked for him: he has not voted on the approval.
  const owed = await s.waitFor(`${byTestId(`inbox-entry-${approvalItem}`)} ${byTestId("inbox-owes-vote")}`);
  assert.match(await owed.text(), /vote/i);
  await capture(s, "147-home-sponsor");
  // Following it opens the review where he votes.
  await (await s.find(byTestId(`inbox-open-${approvalItem}`))).click();
  await s.waitFor(byTestId("vote-panel"));
}

test("the review shows the fully loaded cost against the committed budget", async () => {
  await go(`#/governance/pilots/1/items/${approvalItem}`);
  const cost = await s.waitFor(byTestId("proposal-cost"), 20000);
  const money = async (id) => Number((await (await cost.find(byTestId(id))).text()).replace(/[^\d.]/g, ""));
  const total = await money("cost-total");
  const committed = await money("cost-committed");
  assert.equal(committed, 18000);
  assert.ok(total >= committed, `the fully loaded cost ${total} is not below the committed ${committed}`);
  assert.equal(await money("cost-tooling"), 18000, "what is committed but not itemised counts once");
  await capture(s, "148-review-cost");
});

test("a member's vote reads back and can be changed until the decision, the change recorded", async () => {
  await go(`#/governance/pilots/1/items/${approvalItem}`);
  const readback = await s.waitFor(byTestId("vote-readback"), 20000);
  assert.match(await readback.text(), /You voted Approve/);
  assert.equal(await (await s.find(byTestId("vote-choice-approve"))).property("checked"), true);
  assert.equal(await (await s.find(byTestId("vote-comment"))).property("value"), "Costs sit inside the envelope");
  const submit = await s.find(byTestId("vote-submit"));
  assert.equal(await submit.property("disabled"), true, "nothing changed yet");
  await capture(s, "149-vote-readback");

  await (await s.find(byTestId("vote-choice-request_changes"))).click();
  await setValue(s, byTestId("vote-comment"), "Itemise the committed budget first");
  await s.until("the change can be sent", async () => (await submit.property("disabled")) === false);
  await submit.click();
  await s.until("the new vote reads back", async () =>
    /You voted Request changes/.test(await (await s.find(byTestId("vote-readback"))).text()),
  );
  await capture(s, "150-vote-changed");

  const log = cli(app.db, ["audit", "log"]);
  assert.match(log, /voted request changes .*replacing their vote to approve/);
});

test("the objective is required before submission, as a checklist item with its reason", async () => {
  // A second pilot in design, made without an objective.
  cli(app.db, ["pilot", "create", "--name", "Renewals coaching", "--workflow", "Renewals", "--start", "2027-03-01", "--sponsor", "Priya Raman", "--budget", "5000"]);
  const pilots = JSON.parse(cli(app.db, ["pilot", "list", "--json"]));
  const id = pilots.find((p) => p.name === "Renewals coaching").id;
  await go(`#/pilots/${id}/checklist`);
  const item = await s.waitFor(byTestId("check-objective"), 20000);
  assert.equal(await item.property("dataset").then((d) => d.status), "not_met");
  assert.match(await item.text(), /No objective stated/);
  await go(`#/pilots/${id}/overview`);
  const submit = await s.waitFor(byTestId("submit-pilot"));
  assert.equal(await submit.property("disabled"), true);
  assert.match(await (await s.find(byTestId("submit-blocked"))).text(), /Step 1/);
  // Nor is its Budget tab marked complete while the budget has no lines.
  const budgetTab = await s.find(byTestId("section-budget"));
  assert.match(await budgetTab.property("textContent"), /\(1 open\)/);
  await capture(s, "151-objective-required");

  await go(`#/pilots/${id}/basics`);
  await setValue(s, byTestId("basics-objective"), "Lift renewal rates by coaching the first renewal call.");
  await (await s.find(byTestId("basics-save"))).click();
  await s.waitFor(byTestId("basics-saved"));
  await go(`#/pilots/${id}/checklist`);
  await s.until("the objective is met", async () =>
    (await (await s.waitFor(byTestId("check-objective"))).property("dataset").then((d) => d.status)) === "met",
  );
});

test("the quick log asks before recording an hour of micro-coaching, and says why", async () => {
  // The L&D lead logs for a manager, as in the coaching tests: the quick log opens on the
  // manager box.
  await actAs(LEAD);
  await go("#/coaching/events");
  await s.waitFor(byTestId("events-table"));
  const before = JSON.parse(cli(app.db, ["events", "list", "--json"])).total;
  await s.execute(`document.activeElement && document.activeElement.blur()`);
  await s.keys("{Ctrl+l}");
  await s.waitFor(byTestId("quick-log"));
  await s.until("the focus starts in the manager box", async () => (await (await s.active()).property("id")) === "ql-manager");
  await s.keys("Mei Wal");
  await s.waitFor(byTestId("ql-manager-list"));
  await s.keys("{Tab}Oliver{Tab}");
  await s.until("the focus is on the type", async () => (await (await s.active()).property("id")) === "ql-kind");
  await s.keys("{Tab}60{Tab}{Tab}Support esc{Tab}");
  await s.until("the pilot was picked", async () =>
    (await (await s.find(byTestId("ql-pilot"))).property("value")) === "Support escalation pilot",
  );
  await (await s.find(byTestId("ql-save"))).click();

  const question = await s.waitFor(byTestId("quicklog-confirm"));
  assert.match(await question.text(), /60 minutes is long for micro-coaching/);
  await capture(s, "152-quick-log-asks");
  assert.equal(JSON.parse(cli(app.db, ["events", "list", "--json"])).total, before, "nothing is recorded before the answer");

  // Going back keeps what was typed and puts the focus on the minutes.
  await (await s.find(byTestId("quicklog-confirm-back"))).click();
  await s.until("the focus is on the minutes", async () => (await (await s.active()).property("id")) === "ql-minutes");
  assert.equal(await (await s.find(byTestId("ql-minutes"))).property("value"), "60");
  await s.keys("{Ctrl+a}12{Enter}");
  const toast = await s.waitFor(byTestId("toast"));
  assert.match(await toast.text(), /Logged 12 minutes of micro-coaching by Mei Walsh with Oliver Ahmed/);
  assert.equal(JSON.parse(cli(app.db, ["events", "list", "--json"])).total, before + 1);
});

test("dates follow the person's locale in the window as on the command line", async () => {
  // The same workspace reopened by someone whose locale puts the month first; the checks
  // above all read day-first dates.
  const db = app.db;
  await app.close();
  app = undefined;
  const us = await launch({ db, port: 4456, actAs: FINANCE, env: { LC_ALL: "en_US.UTF-8" } });
  try {
    await us.session.execute("window.location.hash = arguments[0];", ["#/governance/log"]);
    const row = await us.session.waitFor('[data-testid^="decision-row-"]', 20000);
    const text = await row.text();
    assert.match(text, /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, 20\d\d\b/, text);
    const cliText = cli(db, ["review", "decisions"], { LC_ALL: "en_US.UTF-8" });
    assert.match(cliText, /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, 20\d\d\b/);
    await capture(us.session, "153-dates-month-first");
  } finally {
    await us.close();
  }
});
