// The steering group on its own machines, end to end in two real windows. The lead's
// workspace is prepared with the command line: a pilot submitted, two members' votes cast in
// the meeting, Tomasz's signing key registered after its fingerprint was confirmed, and the
// item sent as a signed bundle. Then, in Tomasz's own Pilotdesk (his own workspace and key):
// the bundle is opened through the open dialog, read, answered, and the ballot saved through
// the save dialog; his vote reads back. Then, in the lead's window: the ballot is received
// through the open dialog and counted beside the meeting's votes, with his key's fingerprint;
// the same ballot again is refused; and the decision log still verifies.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, capture, cli, answerOpenDialog, answerSaveDialog, setBudgetLines } from "./app.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
const LEAD = "E1004";
const ANALYST = "E1077";
const TOMASZ = "E1005";
const shared = mkdtempSync(join(tmpdir(), "pilotdesk-ballots-"));
const leadDb = join(shared, "lead.sqlite3");
const leadKey = { PILOTDESK_IDENTITY: join(shared, "lead-identity.json") };
const tomaszKey = { PILOTDESK_IDENTITY: join(shared, "tomasz-identity.json") };
const bundle = join(shared, "approval.pdreview");
const ballot = join(shared, "tomasz.ballot");
let fingerprint;
let pilot;
let item;
let s;

/** YYYY-MM-DD, `days` from today. */
function isoDay(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The lead's workspace: the demo pilot's Step 1 completed and submitted, two votes in the
 * meeting, Tomasz's key registered, and the bundle sent. */
function prepareLead() {
  cli(leadDb, ["demo"]);
  const design = JSON.parse(cli(leadDb, ["pilot", "show", "1", "--json"]));
  pilot = design.pilot.id;
  design.kpis.forEach((kpi, i) => {
    cli(leadDb, [
      "pilot", "kpi-set", "1", "--kpi-id", String(kpi.id), "--name", kpi.name, "--unit", kpi.unit,
      "--direction", kpi.direction, "--baseline-start", isoDay(-200), "--baseline-end", isoDay(-20),
      "--baseline", "40", "--target-lift", ["10", "5", "4"][i],
    ]);
  });
  cli(leadDb, [
    "pilot", "cohort", "1", "--design", "randomised_waitlist", "--manager", "E1007", "--manager", "E1008",
    "--manager", "E1024", "--manager", "E1025", "--seed", "42",
  ]);
  cli(leadDb, ["pilot", "basics", "1", "--ai-agenda", "new sellers' weekly 1:1s"]);
  setBudgetLines(leadDb, 1);
  cli(leadDb, ["user", "set", LEAD]);
  cli(leadDb, ["pilot", "submit", "1"]);
  item = JSON.parse(cli(leadDb, ["review", "show", "1", "--json"])).item.id;
  for (const who of [LEAD, ANALYST]) cli(leadDb, ["--as", who, "review", "vote", String(item), "--choice", "approve"]);

  // Tomasz's machine makes his key; he sends the public half and reads the fingerprint aloud.
  const tomaszDb = join(shared, "tomasz.sqlite3");
  cli(tomaszDb, ["demo"]);
  cli(tomaszDb, ["user", "set", TOMASZ]);
  const exported = join(shared, "tomasz.pub.json");
  cli(tomaszDb, ["identity", "export", "--out", exported], tomaszKey);
  fingerprint = JSON.parse(cli(tomaszDb, ["identity", "show", "--json"], tomaszKey)).fingerprint;
  cli(leadDb, ["steering", "add-key", TOMASZ, "--file", exported, "--fingerprint", fingerprint]);
  cli(leadDb, ["review", "send", String(item), "--out", bundle], leadKey);
}

async function click(id) {
  await (await s.waitFor(byTestId(id), 20000)).click();
}

async function text(id) {
  return (await s.waitFor(byTestId(id), 20000)).text();
}

before(() => {
  prepareLead();
});

test("a member opens the bundle in their own Pilotdesk, votes and saves the signed ballot", async () => {
  const app = await launch({ setup: (db) => cli(db, ["demo"]), actAs: TOMASZ, env: tomaszKey });
  s = app.session;
  const memberDb = app.db;
  try {
    await click("nav-governance");
    await click("open-bundle");
    await answerOpenDialog(bundle, "Open a review bundle");
    await s.waitFor(byTestId("ballot-panel"), 30000);
    assert.match(await text("bundle-subject"), /Approve "Sales onboarding coaching pilot"/);
    assert.match(await text("bundle-sender"), /Helen Castillo, key [0-9A-F]{4}-/);
    assert.match(await text(`roster-${TOMASZ}`), new RegExp(`\\(you\\)[\\s\\S]*${fingerprint}`));
    // The meeting's votes, as they stood when the bundle was sent, are there to read.
    assert.match(await text(`vote-${LEAD}`), /Approve/);
    await capture(s, "140-bundle-opened");

    // A dissent without a reason is refused in place; what was chosen stays chosen.
    await click("ballot-choice-request_changes");
    await click("ballot-save");
    await answerSaveDialog(ballot, "Save your ballot");
    assert.match(await text("ballot-error-comment"), /say why/i);
    assert.ok(!existsSync(ballot), "nothing is written for a refused ballot");

    await click("ballot-choice-approve");
    const comment = await s.waitFor(byTestId("ballot-comment"));
    await comment.clear();
    await comment.type("Costs sit inside the envelope");
    await click("ballot-save");
    await answerSaveDialog(ballot, "Save your ballot");
    assert.match(await text("ballot-cast"), /You answered Approve on .*Costs sit inside the envelope/);
    assert.match(await text("bundle-notice"), /Send that file to Helen Castillo/);
    assert.ok(existsSync(ballot));
    assert.match(readFileSync(ballot, "utf8"), /"format": "pilotdesk-ballot"/);
    await capture(s, "141-ballot-saved");

    // His fingerprint, to read to the lead, is in Settings.
    await click("nav-settings");
    assert.equal(await text("identity-fingerprint"), fingerprint);
    await s.execute(`document.querySelector('[data-testid="identity-section"]').scrollIntoView({ block: "center" })`, []);
    await capture(s, "145-settings-signing-key");
  } finally {
    await app.close();
  }
  // The member's own workspace keeps the vote.
  const reread = JSON.parse(cli(memberDb, ["review", "open", bundle, "--json"], tomaszKey));
  assert.equal(reread.me.personId, TOMASZ);
  assert.deepEqual(reread.cast.map((c) => c.choice), ["approve"]);
});

test("the lead receives the ballot, sees it counted with its key, and a replay refused", async () => {
  const lead = await launch({ port: 4450, db: leadDb, actAs: LEAD, env: leadKey });
  s = lead.session;
  try {
    await click("nav-governance");
    await click(`queue-open-${item}`);
    await s.waitFor(byTestId("ballot-desk"));
    assert.match(await text("ballot-desk"), /1 of 6 members has a registered key/);
    await click("ballots-receive");
    await answerOpenDialog(ballot, "Receive ballots");
    await s.until("the ballot is counted", async () => (await s.findAll('[data-status="counted"]')).length === 1, 20000);
    assert.match(await text(`vote-${TOMASZ}`), /Approve/);
    assert.match(await text(`vote-key-${TOMASZ}`), new RegExp(`Signed ballot · key ${fingerprint}`));
    assert.equal((await s.findAll(`[data-testid^="vote-E"][data-counted="true"]`)).length, 3);
    await capture(s, "142-ballot-received");

    await click("ballots-receive");
    await answerOpenDialog(ballot, "Receive ballots");
    await s.until("the replay is refused", async () => (await s.findAll('[data-status="refused"]')).length === 1, 20000);
    assert.match(await text("ballot-receipts"), /already received on .* and counted/);
    await s.execute(`document.querySelector('[data-testid="ballot-receipts"]').scrollIntoView({ block: "center" })`, []);
    await capture(s, "143-ballot-replay-refused");

    // The roster shows whose ballots can count: Tomasz's key beside his name.
    await click("nav-governance");
    await click("gov-tab-group");
    assert.match(await text(`member-key-${TOMASZ}`), new RegExp(fingerprint));
    await capture(s, "144-steering-group-keys");
  } finally {
    await lead.close();
  }
  const verified = cli(leadDb, ["audit", "verify"]);
  assert.match(verified, /The decision log verifies/);
  const votes = JSON.parse(cli(leadDb, ["review", "show", "1", "--item", String(item), "--json"])).votes;
  assert.equal(votes.filter((v) => v.fingerprint === fingerprint).length, 1);
});

test("a bundle double-clicked in the file manager opens straight on its screen", async () => {
  // The desktop entry starts the app with the file's path, as this launch does.
  const app = await launch({ port: 4460, setup: (db) => cli(db, ["demo"]), actAs: TOMASZ, env: tomaszKey, args: [bundle] });
  s = app.session;
  try {
    await s.waitFor(byTestId("ballot-panel"), 30000);
    assert.match(await text("bundle-title"), /Sales onboarding coaching pilot/);
    assert.match(await text("bundle-sender"), /Helen Castillo/);
  } finally {
    await app.close();
  }
});
