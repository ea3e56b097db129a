// Internal coaches, end to end in the real window, on the demo workspace the app makes on
// first start: the Network screen's Coaches tab lists the demo's three coaches; a Sales East
// team lead is nominated and their progress shows criterion by criterion with the reasons;
// what is missing is recorded (training, a session observed and scored by the demo's
// certified coach, three coachees' ratings) until "Certify as associate coach" opens; the
// certification is made and its Open Badges credential saved through the native save dialog
// (and verified by the command line); a coachee from another team is matched; every pair's
// cadence is exported as a calendar; the finished pilot's checklist reads its certified
// coach; and the Map tab draws the network. Each state is photographed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, capture, cli, answerSaveDialog, setValue } from "./app.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
/** The demo's Sales East team lead with no nomination yet, and its certified coach. */
const NOMINEE = { id: "E1008", name: "Sofia Sato" };
const CERTIFIED = "E1007";
let app;
let s;

async function click(id) {
  const element = await s.waitFor(id.startsWith("[") ? id : byTestId(id), 20000);
  try {
    await element.click();
  } catch {
    await dismissToast();
    await element.click();
  }
}

async function dismissToast() {
  for (const button of await s.findAll(`${byTestId("toast")} button`)) await button.click().catch(() => {});
  await s.until("the toast is gone", async () => (await s.findAll(byTestId("toast"))).length === 0).catch(() => {});
}

async function text(css) {
  return (await s.waitFor(css, 20000)).text();
}

async function attribute(css, name) {
  return (await s.find(css)).command("GET", `/attribute/${name}`);
}

async function toastSays(pattern) {
  return s.until(`the toast says ${pattern}`, async () => {
    const said = await (await s.find(byTestId("toast"))).text();
    return pattern.test(said) ? said : null;
  }, 20000);
}

/** Picks from a combobox by typing, then Enter takes the first match. */
async function pick(id, typed) {
  const box = await s.waitFor(byTestId(id));
  await box.click();
  await s.keys(`{Ctrl+a}${typed}`);
  await s.waitFor(byTestId(`${id}-list`));
  await s.keys("{Enter}");
  await s.until(`${id} is chosen`, async () => (await attribute(byTestId(id), "data-value")) !== "");
  return attribute(byTestId(id), "data-value");
}

async function criterion(level, key) {
  const css = byTestId(`criterion-${level}-${key}`);
  return { met: await attribute(css, "data-met"), reason: await text(`${css} ${byTestId("criterion-reason")}`) };
}

/** Waits for a dialog to close after saving, and for the page to show the change. */
async function saveDialog(dialog, button, toast) {
  await click(button);
  await s.until(`${dialog} closes`, async () => (await s.findAll(byTestId(dialog))).length === 0, 20000);
  await toastSays(toast);
}

before(async () => {
  app = await launch({ port: 4544 });
  s = app.session;
  await s.waitFor(byTestId("pilot-row"), 30000);
});

after(async () => {
  await app?.close();
});

test("the Coaches tab lists the demo's coaches with their standing, expiry and progress", async () => {
  await click("nav-network");
  await click("network-tab-coaches");
  await s.until("the coaches tab shows", async () => (await attribute('[data-screen="network"]', "data-tab")) === "coaches");
  await s.waitFor(byTestId("coach-list"), 20000);
  const rows = await s.execute(
    `return Array.from(document.querySelectorAll('[data-testid="coach-row"]')).map((r) => [r.dataset.coach,
       r.querySelector('[data-testid="coach-standing"]').dataset.status, r.querySelector('[data-testid="coach-progress"]').textContent])`,
  );
  assert.equal(rows.length, 3, JSON.stringify(rows));
  const certified = rows.find(([id]) => id === CERTIFIED);
  assert.deepEqual(certified?.slice(1), ["certified", "6 of 6 criteria toward certified"]);
  assert.deepEqual(rows.map(([, status]) => status).sort(), ["certified", "in_progress", "nominated"]);
  assert.match(await text(`[data-testid="coach-row"][data-coach="${CERTIFIED}"]`), /until \d+ \w+ \d{4}/);
  await capture(s, "110-coaches-list");
});

test("a team lead is nominated and their progress shows each criterion with its reason", async () => {
  await click("nominate-coach");
  await s.waitFor(byTestId("nominate-dialog"));
  assert.equal(await pick("nominate-person", NOMINEE.name), NOMINEE.id);
  await setValue(s, byTestId("nominate-note"), "Strong discovery coaching in the pipeline pilot");
  await capture(s, "111-nominate-dialog");
  await click("nominate-save");
  await s.waitFor(`[data-testid="coach-page"][data-coach="${NOMINEE.id}"]`, 20000);
  assert.equal(await text(byTestId("coach-name")), NOMINEE.name);
  assert.deepEqual(await criterion("associate", "training"), { met: "false", reason: "No coach training recorded yet" });
  const hours = await criterion("associate", "hours");
  assert.equal(hours.met, "true", "her pilot coaching already counts");
  assert.match(hours.reason, /^\d+(\.\d)? hours logged \(8 needed\)$/);
  assert.deepEqual(await criterion("associate", "observations"), { met: "false", reason: "0 of 1 session observed" });
  assert.deepEqual(await criterion("associate", "feedback_count"), { met: "false", reason: "0 of 3 coachee ratings" });
  assert.equal(await (await s.find(byTestId("certify-associate"))).property("disabled"), true);
  assert.match(await text(byTestId("certify-reason")), /^Not yet met: No coach training recorded yet; 0 of 1 session observed;/);
  await capture(s, "112-coach-progress");
});

test("what is missing is recorded: training, an observed session, three coachees' ratings", async () => {
  await click("record-training");
  await s.waitFor(byTestId("training-dialog"));
  await saveDialog("training-dialog", "training-save", /Coach training recorded/);
  await s.until("training is met", async () => (await criterion("associate", "training")).met === "true");

  await click("record-observation");
  await s.waitFor(byTestId("observation-dialog"));
  // A score left out is named at its item.
  await setValue(s, byTestId("obs-assessor"), CERTIFIED);
  for (const [item, score] of [["agreement", 3], ["questions", 3], ["listening", 4], ["feedback", 3]]) {
    await click(`score-${item}-${score}`);
  }
  await click("obs-save");
  assert.match(await text(byTestId("error-scores.commitment")), /from 1 to 4/);
  await click("score-commitment-3");
  assert.equal(await text(byTestId("obs-mean")), "Mean so far 3.2 of 4");
  assert.equal((await s.findAll(byTestId("error-scores.commitment"))).length, 0, "a score given clears its message");
  await setValue(s, byTestId("obs-note"), "Clear contract; let the coachee find the next step");
  await dismissToast();
  await capture(s, "113-observation-dialog");
  await saveDialog("observation-dialog", "obs-save", /Observed session recorded/);
  await s.until("the session counts", async () => (await criterion("associate", "observations")).met === "true");
  assert.equal((await criterion("associate", "observation_score")).reason, "3.2 of 4 over 1 session (at least 2.5)");

  for (const rating of [5, 4, 4]) {
    await click("record-feedback");
    await s.waitFor(byTestId("coach-feedback-dialog"));
    await s.execute(
      `const select = document.querySelector('[data-testid="cf-coachee"]');
       if (select.options.length > 1) { select.selectedIndex = 1; select.dispatchEvent(new Event("change", { bubbles: true })); }`,
    );
    await click(`cf-rating-${rating}`);
    await saveDialog("coach-feedback-dialog", "cf-save", /Coachee feedback recorded/);
  }
  await s.until("three ratings count", async () => (await criterion("associate", "feedback_count")).met === "true");
  assert.equal((await criterion("associate", "feedback_rating")).reason, "4.33 of 5 over 3 ratings (at least 3.5)");
  const certify = await s.waitFor(byTestId("certify-associate"));
  await s.until("certifying opens", async () => (await certify.property("disabled")) === false);
  await dismissToast();
  await capture(s, "114-ready-to-certify");
});

test("the coach is certified and the badge is saved through the save dialog", async () => {
  await click("certify-associate");
  await toastSays(/Sofia Sato is certified as associate coach until/);
  const held = await text(byTestId("current-certification"));
  assert.match(held, /Associate coach since \d+ \w+ \d{4}, valid until \d+ \w+ \d{4}/);
  assert.match(await text(byTestId("certifications")), /Associate coach .* standard version 1/);
  await dismissToast();
  await capture(s, "115-certified");

  const badge = join(app.workdir, "sofia-sato-associate.jwt");
  await click("save-badge");
  await answerSaveDialog(badge, "Save badge");
  await toastSays(/Saved the Open Badges credential/);
  await s.until("the badge is written", async () => existsSync(badge), 20000);
  const jwt = readFileSync(badge, "utf8").trim();
  assert.match(jwt, /^[\w-]+\.[\w-]+\.[\w-]+$/, "a compact JWS");
  const payload = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
  assert.ok(JSON.stringify(payload).includes("OpenBadgeCredential"), "an Open Badges credential");
  // The command line verifies what the window saved.
  const verified = JSON.parse(cli(app.db, ["badge", "verify", badge, "--json"]));
  assert.equal(verified.valid, true, JSON.stringify(verified));
  const listed = JSON.parse(cli(app.db, ["coach", "list", "--json"]));
  const sofia = listed.find((c) => c.coach.personId === NOMINEE.id);
  assert.deepEqual([sofia.status, sofia.level], ["certified", "associate"]);
});

test("a coachee from another team gets coaches ranked with their reasons, and the calendar is exported", async () => {
  await click("coach-back");
  await s.waitFor(byTestId("coach-list"), 20000);
  await s.until("the new coach is listed", async () =>
    (await text(`[data-testid="coach-row"][data-coach="${NOMINEE.id}"]`)).includes("Associate coach"));
  await pick("match-coachee", "Søren Owusu");
  await s.waitFor(byTestId("match-suggestion"), 20000);
  const suggested = await s.execute(
    `return Array.from(document.querySelectorAll('[data-testid="match-suggestion"]')).map((e) => e.dataset.coach)`,
  );
  assert.ok(suggested.includes(CERTIFIED) && suggested.includes(NOMINEE.id), JSON.stringify(suggested));
  const first = await text(byTestId("match-suggestion"));
  assert.match(first, /h a week over the last 4 weeks, (under|near) the 4\.0 h threshold/);
  assert.match(first, /another team/);
  assert.match(await text(byTestId("match-gap")), /Competency to build/);
  await click(`${byTestId("match-left-out")} summary`);
  assert.match(await text(byTestId("match-left-out")), /matching crosses teams/);
  await dismissToast();
  await s.execute(`document.querySelector('[data-testid="match-gap"]').scrollIntoView({ block: "start" })`);
  await capture(s, "116-match");

  const calendar = join(app.workdir, "coaching-cadences.ics");
  await click("export-calendar");
  await answerSaveDialog(calendar, "Export calendar");
  await toastSays(/Saved \d+ coaching pairs to .*coaching-cadences\.ics \(times in /);
  await s.until("the calendar is written", async () => existsSync(calendar), 20000);
  const ics = readFileSync(calendar, "utf8");
  assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\n"));
  assert.match(ics, /\r\nBEGIN:VTIMEZONE\r\nTZID:/);
  assert.match(ics, /\r\nRRULE:FREQ=WEEKLY;(INTERVAL=2;)?BYDAY=[A-Z]{2};COUNT=\d+\r\n/);
  await dismissToast();
});

test("the finished pilot's checklist reads its certified coach, and the Map tab draws the network", async () => {
  await s.execute(`window.location.hash = "#/pilots/2/checklist"`);
  const item = await s.waitFor(byTestId("check-certified_coaches"), 20000);
  await s.until("the item is met", async () => (await attribute(byTestId("check-certified_coaches"), "data-status")) === "met");
  assert.match(await item.text(), /coach(es)? with a valid certification in the pilot's teams \(\d certified/);
  await s.execute(`document.querySelector('[data-testid="check-certified_coaches"]').scrollIntoView({ block: "center" })`);
  await capture(s, "117-checklist-certified-coaches");

  await click("nav-network");
  await click("network-tab-map");
  await s.until("the map tab shows", async () => (await attribute('[data-screen="network"]', "data-tab")) === "map");
  await s.waitFor(byTestId("network-canvas"), 30000);
  await capture(s, "118-network-map");
});
