// Steering-group governance, end to end in the real window. The workspace is prepared with
// the command line: the demo pilot's Step 1 completed, and a second pilot approved and
// running whose day-45 review is overdue. In the window: the first-start chooser, the pilot
// submitted, five members acting in turn (the sponsor recuses, one dissents), the decision
// taken when the quorum is met, the decision log verified, the decision record saved, and
// every governance screen looked at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { launch, capture, cli, chooseUser, answerSaveDialog, pdfText, setBudgetLines } from "./app.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
const HELEN = "E1004";
const TOMASZ = "E1005";
const MARCUS = "E1002";
const PRIYA = "E1003";
let analyst;
let analystName;
let app;
let s;
let item;

/** YYYY-MM-DD, `days` from today. */
function isoDay(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Baselines, criteria, a randomised waitlist and an AI agenda: Step 1 complete. */
function completeStep1(db, pilot) {
  const design = JSON.parse(cli(db, ["pilot", "show", String(pilot), "--json"]));
  const targets = ["10", "5", "4"];
  design.kpis.forEach((kpi, i) => {
    cli(db, [
      "pilot", "kpi-set", String(pilot), "--kpi-id", String(kpi.id), "--name", kpi.name, "--unit", kpi.unit,
      "--direction", kpi.direction, "--baseline-start", isoDay(-200), "--baseline-end", isoDay(-20),
      "--baseline", "40", "--target-lift", targets[i],
    ]);
  });
  cli(db, [
    "pilot", "cohort", String(pilot), "--design", "randomised_waitlist", "--manager", "E1007", "--manager", "E1008",
    "--manager", "E1024", "--manager", "E1025", "--seed", "42",
  ]);
  cli(db, ["pilot", "basics", String(pilot), "--ai-agenda", "new sellers' weekly 1:1s"]);
  setBudgetLines(db, pilot);
}

function prepare(db) {
  cli(db, ["demo"]);
  completeStep1(db, 1);
  const members = JSON.parse(cli(db, ["steering", "list", "--json"])).members;
  ({ personId: analyst, name: analystName } = members.find((m) => m.function === "analytics"));

  // A second pilot, approved and running, whose day-45 review is past due.
  const second = JSON.parse(
    cli(db, [
      "pilot", "from-template", "--template", "customer-escalation", "--template", "new-manager-onboarding",
      "--name", "Escalation coaching pilot", "--start", isoDay(30), "--sponsor", "Priya Raman", "--budget", "9000",
      "--objective", "Raise first-contact resolution by coaching escalations twice a week.", "--json",
    ]),
  );
  completeStep1(db, second.id);
  cli(db, ["pilot", "submit", String(second.id)]);
  const review = JSON.parse(cli(db, ["review", "show", String(second.id), "--json"]));
  for (const who of [HELEN, analyst, TOMASZ, MARCUS]) {
    cli(db, ["--as", who, "review", "vote", String(review.item.id), "--choice", "approve"]);
  }
  cli(db, ["pilot", "transition", String(second.id), "--to", "running", "--reason", "Launched early for the test"]);
  // The gate's due date is moved into the past, as if the pilot had run for seven weeks.
  execFileSync("sqlite3", [
    db,
    `UPDATE governance_items SET due_on = '${isoDay(-3)}' WHERE pilot_id = ${second.id} AND kind = 'day45_review';`,
  ]);
}

async function click(id) {
  await (await s.waitFor(byTestId(id))).click();
}

async function type(id, text) {
  const field = await s.waitFor(byTestId(id));
  await field.clear();
  await field.type(text);
}

async function text(id) {
  return (await s.waitFor(byTestId(id))).text();
}

/** Who the sidebar says is acting. (WebKit does not count text inside its button as displayed.) */
async function acting() {
  return (await s.find(byTestId("acting-as-name"))).property("textContent");
}

/** Switches who is acting from the sidebar, searching the chooser for them. */
async function actAs(personId, search, name = search) {
  await click("acting-as");
  await s.waitFor(byTestId("user-chooser"));
  await type("user-search", search);
  await click(`user-option-${personId}`);
  await s.until("the chooser closes", async () => (await s.findAll(byTestId("user-chooser"))).length === 0);
  await s.until(`${name} is acting`, async () => (await acting()).includes(name));
}

async function openReview() {
  await click("nav-governance");
  await click(`queue-open-${item}`);
  await s.waitFor(byTestId("quorum-status"));
}

async function vote(choice, comment) {
  await click(`vote-choice-${choice}`);
  if (comment) await type("vote-comment", comment);
  await click("vote-submit");
  await s.waitFor(byTestId("review-notice"));
}

before(async () => {
  app = await launch({ port: 4464, setup: prepare, actAs: false });
  s = app.session;
});

after(async () => {
  await app?.close();
});

test("first start asks who is using Pilotdesk and suggests the demo's L&D lead", async () => {
  const chooser = await s.waitFor(byTestId("user-chooser"), 30000);
  assert.match(await chooser.text(), /Who is using Pilotdesk on this computer\?/);
  assert.match(await text("user-suggested"), /Isla Okafor/);
  await capture(s, "30-first-start-chooser");
  await chooseUser(s);
  assert.equal(await acting(), "Isla Okafor");
});

test("the L&D lead submits the pilot and it enters the steering group's queue", async () => {
  await click("nav-pilots");
  // The demo's three pilots and the one made for this test.
  await s.until("the pilots are listed", async () => (await s.findAll(byTestId("pilot-row"))).length === 4);
  await s.execute("window.location.hash = '#/pilots/1'");
  await click("submit-pilot");
  await type("submit-reason", "For the December steering group");
  await click("submit-confirm");
  await s.waitFor(byTestId("submitted"));

  await click("nav-governance");
  const entry = await s.waitFor('[data-testid^="queue-item-"]');
  item = Number((await entry.command("GET", "/attribute/data-testid")).replace("queue-item-", ""));
  assert.match(await entry.text(), /Sales onboarding coaching pilot/);
  assert.match(await entry.text(), /0 of 6 voted/);
  // The second pilot's day-45 review is overdue and stands out.
  assert.match(await text("overdue-count"), /1 overdue/);
  const gate = await s.find('[data-overdue="true"][data-testid^="queue-item-"]');
  assert.match(await gate.text(), /3 days overdue/);
  await capture(s, "31-governance-queue");
});

test("an outsider cannot vote, the sponsor recuses, and members vote in turn", async () => {
  await openReview();
  assert.match(await text("vote-unavailable"), /Isla Okafor is not a member of the steering group/);
  await capture(s, "32-review-outsider");

  await actAs(MARCUS, "Marcus");
  await openReview();
  await click("recuse-open");
  await type("recuse-reason", "I sponsor this pilot");
  await click("recuse-confirm");
  await s.waitFor(byTestId(`recusal-${MARCUS}`));

  await actAs(HELEN, "Helen");
  await openReview();
  await vote("approve", "A well-scoped first pilot");
  await s.until("HR has voted", async () => (await (await s.find(byTestId("required-hr"))).command("GET", "/attribute/data-voted")) === "true");

  await actAs(analyst, "People Analyst", analystName);
  await openReview();
  // Dissent needs a reason: refused first, with the choice kept.
  await click("vote-choice-request_changes");
  await click("vote-submit");
  assert.match(await text("error-comment"), /Say why you vote to request changes/);
  await type("vote-comment", "Four managers give a wide interval; consider six");
  await click("vote-submit");
  await s.waitFor(byTestId("review-notice"));
  assert.match(await text("quorum-explanation"), /Waiting for a vote from Finance and Front line/);
  await capture(s, "33-review-pending");

  await actAs(PRIYA, "Priya");
  await openReview();
  await vote("approve", "");
  assert.match(await text("quorum-explanation"), /Waiting for a vote from Finance/);
});

test("the finance director's vote meets the quorum and the decision is taken", async () => {
  await actAs(TOMASZ, "Tomasz");
  await openReview();
  await vote("approve", "The budget and its tranches are sound");
  await s.until("the decision is shown", async () => (await s.findAll(byTestId("decision-card"))).length === 1);
  assert.match(await text("quorum-verdict"), /Decided: Approve/);
  assert.match(await text("review-notice"), /The quorum is met: Approved "Sales onboarding coaching pilot": 3 approve, 1 request changes of 5 eligible members \(1 recused\)/);
  assert.match(await text("review-pilot-status"), /Approved/);
  // Dissent is kept beside the decision.
  assert.match(await text(`vote-${analyst}`), /consider six/);
  await capture(s, "34-review-decided");
});

test("the decision is in the decision log, which verifies", async () => {
  await click("nav-governance");
  await click("gov-tab-log");
  const verdict = await s.waitFor(byTestId("log-verdict"));
  assert.equal(await verdict.command("GET", "/attribute/data-verified"), "true");
  assert.match(await verdict.text(), /Verified: the log is intact/);
  // The log leads with who decided what; the chain itself is kept for auditors below it.
  await (await s.find('[data-testid="log-chain"] summary')).click();
  const decisionEntry = await s.waitFor('[data-kind="decision"]');
  assert.match(await decisionEntry.text(), /Approved "Sales onboarding coaching pilot"/);
  assert.match(await decisionEntry.text(), /Tomasz Nowak/);
  await capture(s, "35-decision-log");
});

test("the decision record is saved through the save dialog", async () => {
  const decisions = JSON.parse(cli(app.db, ["review", "decisions", "--pilot", "1", "--json"]));
  const decision = decisions.at(-1);
  const out = join(app.workdir, "decision-record.pdf");
  await click(`save-decision-${decision.id}`);
  await answerSaveDialog(out);
  await s.waitFor(byTestId(`decision-saved-${decision.id}`), 20000);
  assert.ok(existsSync(out));
  const pdf = pdfText(out).replace(/\s+/g, " ");
  assert.match(pdf, /Decision record/);
  assert.match(pdf, /Approval: Approved/);
  assert.match(pdf, /Tomasz Nowak/);
  assert.match(pdf, /The decision log verified when this record was produced/);
  assert.match(pdf, /page 1 of 1/);
});

test("the budget ledger, steering group, vendors and risk register are in the window", async () => {
  await click("gov-tab-budget");
  await s.waitFor(byTestId("ledger-1"));
  assert.match(await text("ledger-committed-1"), /USD 18,000/);
  // The running pilot's module purchases sit in its ledger as vendor fees.
  assert.match(await text("ledger-purchases-3"), /Skill modules bought \(2\): USD 3,420/);
  await capture(s, "36-budget-ledger");
  await click("gov-tab-group");
  await s.waitFor(byTestId(`member-${HELEN}`));
  assert.match(await text("quorum-description"), /At least one vote from each of HR, Analytics, Finance and Front line/);
  await capture(s, "37-steering-group");
  await click("gov-tab-vendors");
  assert.match(await text("privacy-1"), /Frankfurt/);
  await capture(s, "38-vendors");
  await click("gov-tab-risks");
  await s.waitFor(byTestId("risk-table"));
  await capture(s, "39-risk-register");
});
