// The demo's measure half, end to end in the real window: the running pilot's dashboard read
// answer first; then, on the demo as it stood forty days ago (so that pilot's 90 days are
// over today), the day-90 outcome decided by the steering group's last vote beside the
// verdict of the rule registered before launch, and the outcome pack saved through the save
// dialog and read back.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch, capture, cli, answerSaveDialog, pdfText } from "./app.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
const RUNNING = 3; // the demo's pilots: 1 in design, 2 finished, 3 running
const HELEN = "E1004";
const TOMASZ = "E1005";
const MARCUS = "E1002";
const PRIYA = "E1003";
let app;
let s;

function isoDay(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function click(id, timeout = 20000) {
  await (await s.waitFor(byTestId(id), timeout)).click();
}

async function text(id, timeout = 20000) {
  return (await s.waitFor(byTestId(id), timeout)).text();
}

after(async () => {
  await app?.close();
});

test("the demo's running pilot has a dashboard that leads with the answer", async () => {
  let kpis;
  app = await launch({
    port: 4484,
    setup: (db) => {
      cli(db, ["demo"]);
      kpis = JSON.parse(cli(db, ["dashboard", String(RUNNING), "--json"])).kpis;
    },
  });
  s = app.session;
  await s.execute(`window.location.hash = '#/pilots/${RUNNING}/dashboard'`);
  assert.match(await text("dashboard-headline", 30000), /Day \d+ of 90/);
  const first = kpis[0];
  await s.waitFor(byTestId(`kpi-panel-${first.kpiId}`));
  // One pilot team short of an interval: the evidence says so, in words.
  assert.match(await text(`lift-evidence-${first.kpiId}`), /limited/i);
  assert.match(await text(`lift-improvement-${first.kpiId}`), /percentage points/);
  assert.ok((await s.findAll(byTestId(first.series.id))).length === 1, "the series chart is drawn");
  await capture(s, "70-demo-running-dashboard");
  await app.close();
  app = null;
});

test("the day-90 outcome is decided in the window and its pack saved through the save dialog", async () => {
  let item;
  app = await launch({
    port: 4488,
    actAs: PRIYA,
    setup: (db) => {
      // Forty days ago the escalation pilot was at day 62; today its 90 days are over.
      cli(db, ["demo", "--as-of", isoDay(-40)]);
      const review = JSON.parse(cli(db, ["review", "show", String(RUNNING), "--json"]));
      item = review.items.find((i) => i.kind === "day90_outcome" && i.state === "open");
      assert.ok(item, "the day-90 outcome is open");
      const analyst = JSON.parse(cli(db, ["steering", "list", "--json"])).members.find((m) => m.function === "analytics");
      for (const [who, choice, comment] of [
        [HELEN, "scale", "Every support team next quarter"],
        [analyst.personId, "scale", ""],
        [TOMASZ, "iterate", "Prove it with a second support team first"],
        [MARCUS, "scale", ""],
      ]) {
        const args = ["--as", who, "review", "vote", String(item.id), "--choice", choice];
        if (comment) args.push("--comment", comment);
        cli(db, args);
      }
    },
  });
  s = app.session;

  // The last vote, cast in the window by the sponsor, meets the quorum.
  await s.execute(`window.location.hash = '#/governance/pilots/${RUNNING}/items/${item.id}'`);
  await s.waitFor(byTestId("quorum-status"), 30000);
  const verdict = await text("rule-verdict");
  assert.match(verdict, /registered before launch/i);
  await capture(s, "71-day90-before-the-last-vote");
  await click("vote-choice-scale");
  await click("vote-submit");
  await s.waitFor(byTestId("review-notice"));
  await s.until("the decision is shown", async () => /Decided/i.test(await text("quorum-status")));
  await capture(s, "72-day90-decided");

  // The outcome pack, printed after the decision: final, signed, never a draft.
  await s.execute(`window.location.hash = '#/pilots/${RUNNING}/dashboard'`);
  await click("save-outcome-pack", 30000);
  const out = join(app.workdir, "outcome.pdf");
  await answerSaveDialog(out);
  await s.waitFor(byTestId("pack-saved"), 30000);
  assert.ok(existsSync(out), "the PDF was written");
  const pdf = pdfText(out);
  assert.match(pdf, /Day-90 outcome pack/);
  assert.match(pdf, /decided to scale/);
  assert.match(pdf, /The rule registered before launch said/);
  assert.match(pdf, /page 1 of \d+/);
  assert.doesNotMatch(pdf, /DRAFT/);
  const packs = JSON.parse(cli(app.db, ["packs", "--json"]));
  assert.ok(packs.some((p) => p.kind === "outcome" && p.path === out), "the pack is on record with its file");
  await capture(s, "73-outcome-pack-saved");
});
