// AI-assisted coaching agendas, end to end in the real window, on the demo workspace the app
// makes on first start: calibration reads the demo's agendas as the command line does; an
// agenda is written offline for a manager of the demo's onboarding pilot and one of their
// reports, one prompt is edited, and the agenda is accepted; Ctrl+L on it opens the quick log
// prefilled; the calibration figures move by one edited agenda (the manager's first: 100%,
// 1 of 1); a second agenda is rejected with a reason, which calibration counts; the agenda is
// printed and put in a calendar through the save dialog; with the local model turned on (at an
// address where nothing listens), the preview shows what would be sent, Cancel sends nothing,
// and Send falls back to the offline agenda with a notice. Each state is photographed, also at
// the window's minimum size.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, capture, cli, answerSaveDialog, setValue } from "./app.mjs";
import { sleep } from "./webdriver.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
const PILOT = "Sales onboarding coaching pilot";
let app;
let s;
const made = { first: null, second: null, coachee: null, minutes: null, before: null };

const decided = (f) => f.acceptedAsIs + f.edited + f.rejected;
const percent = (share) => `${Math.round(share * 100)}%`;
/** A manager's figures before the test wrote anything; nothing when they had no agendas. */
const managerBefore = (id) =>
  made.before.byManager.find((m) => m.managerId === id)?.figures ?? { acceptedAsIs: 0, edited: 0, rejected: 0 };

async function click(id) {
  const element = await s.waitFor(id.startsWith("[") ? id : byTestId(id), 20000);
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

async function openTab(tab) {
  await click("nav-coaching");
  await click(`tab-${tab}`);
  await s.until(`the ${tab} tab shows`, async () => (await attribute('[data-screen="coaching"]', "data-tab")) === tab);
}

/** Picks from a combobox by typing, then Enter takes the first match. */
async function pick(id, typed) {
  const box = await s.waitFor(byTestId(id));
  await box.click();
  // A click lands the caret inside the chosen name; start from an empty box.
  await s.keys(`{Ctrl+a}${typed}`);
  await s.waitFor(byTestId(`${id}-list`));
  await s.keys("{Enter}");
  await s.until(`${id} is chosen`, async () => (await attribute(byTestId(id), "data-value")) !== "").catch(async (error) => {
    await capture(s, `fail-${id}`);
    throw error;
  });
  return (await s.find(byTestId(id))).property("value");
}

/** Fills the form for the onboarding pilot, a sales team lead and one of their reports (the
 * first, or the next with `coachee: 1`). */
async function fillForm({ coachee = 0 } = {}) {
  await s.waitFor(byTestId("agenda-form"), 20000);
  assert.equal(await pick("ag-pilot", "Sales onb"), PILOT);
  const manager = await pick("ag-manager", "Liam Fisch");
  const box = await s.waitFor(byTestId("ag-coachee"));
  await box.click();
  await s.keys(`${"{ArrowDown}".repeat(coachee + 1)}{Enter}`);
  await s.until("a coachee is chosen", async () => (await attribute(byTestId("ag-coachee"), "data-value")) !== "");
  return { manager, coachee: await (await s.find(byTestId("ag-coachee"))).property("value") };
}

async function writeAgenda() {
  const before = await s.execute(`const a = document.querySelector('[data-testid="agenda"]'); return a ? a.dataset.agenda : null`);
  await click("agenda-write");
  await s.until("the agenda shows", async () => {
    const id = await s.execute(`const a = document.querySelector('[data-testid="agenda"]'); return a ? a.dataset.agenda : null`);
    return id && id !== before ? id : null;
  }, 30000);
  return Number(await attribute(byTestId("agenda"), "data-agenda"));
}

function calibration() {
  return JSON.parse(cli(app.db, ["calibration", "--json"]));
}

before(async () => {
  app = await launch({ port: 4514 });
  s = app.session;
  await s.waitFor(byTestId("pilot-row"), 30000);
});

after(async () => {
  await app?.close();
});

test("calibration reads the demo's agendas as the command line does, with the over-reliance signal", async () => {
  made.before = calibration();
  const { overall } = made.before;
  assert.ok(overall.generated > 0, "the demo has agendas");
  await openTab("calibration");
  const said = await text(byTestId("calibration-overall"));
  assert.match(said, new RegExp(`^${overall.generated} agendas: ${overall.acceptedAsIs} accepted as suggested, ${overall.edited} edited`));
  assert.match(said, new RegExp(`Acceptance \\d+(\\.\\d)?% \\(${overall.acceptedAsIs + overall.edited} of ${decided(overall)}\\)`));
  const flagged = made.before.byManager.filter((m) => m.overReliant);
  assert.equal((await s.findAll(byTestId("over-reliant"))).length, flagged.length);
  for (const manager of flagged) {
    assert.match(await text(`[data-testid="calibration-managers-row"][data-key="${manager.managerId}"]`), /Over-reliant/);
  }
  assert.match(await text(byTestId("calibration-rule")), new RegExp(`at least ${made.before.signalMinAgendas} agendas`));
  await capture(s, "130-calibration-demo");
});

test("an agenda is written offline for a pair of the onboarding pilot, edited on one prompt and accepted", async () => {
  await openTab("agendas");
  await s.waitFor(byTestId("recent-agendas"), 20000);
  // Higher-risk contexts are offered but cannot be chosen until Settings turns them on.
  const contexts = await s.execute(
    `return Array.from(document.querySelectorAll('[data-testid="ag-context"] option')).map((o) => [o.value, o.disabled, o.textContent.trim()])`,
  );
  assert.deepEqual(contexts[0], ["", false, "Let the pilot decide"]);
  assert.ok(contexts.some(([v, off, t]) => v === "conflict" && off && /off in Settings/.test(t)), JSON.stringify(contexts));
  const pair = await fillForm();
  made.coachee = pair.coachee;
  await capture(s, "131-agenda-form");

  made.first = await writeAgenda();
  assert.match(await text("#agenda-title"), new RegExp(`${pair.manager} with ${pair.coachee}`));
  const meta = await text(byTestId("agenda-meta"));
  assert.match(meta, /Written offline/);
  made.minutes = Number(/(\d+) minutes/.exec(meta)[1]);
  const kinds = await s.execute(`return Array.from(document.querySelectorAll('[data-testid="agenda-item"]')).map((i) => i.dataset.kind)`);
  assert.equal(kinds[0], "opening");
  assert.ok(kinds.filter((k) => k === "prompt").length >= 2, `two or more prompts: ${kinds}`);
  assert.ok(kinds.includes("practice") && kinds.includes("commitment") && kinds.includes("next_step"));
  assert.match(await s.execute("return location.hash"), new RegExp(`#/coaching/agendas/${made.first}$`));
  await s.waitFor(`${byTestId("recent-agenda")}[data-agenda="${made.first}"]`);
  await capture(s, "132-agenda-written");

  // Edit the second prompt: its button is named for it, Ctrl+Enter saves.
  await click('[aria-label="Edit prompt 2"]');
  const box = await s.waitFor(byTestId("agenda-item-text"));
  await s.until("the text box has the focus", async () => (await (await s.active()).property("tagName")) === "TEXTAREA");
  await box.clear();
  await box.type("Walk me through your last discovery call: which question told you the most about the buyer's problem?");
  await capture(s, "133-agenda-editing");
  await s.keys("{Ctrl+Enter}");
  await s.waitFor(byTestId("agenda-item-edited"));
  assert.equal((await s.findAll(byTestId("agenda-item-text"))).length, 0, "the text box closed");
  const shown = await s.execute(`return Array.from(document.querySelectorAll('[data-testid="agenda-item"][data-kind="prompt"]'))[1].textContent`);
  assert.match(shown, /Walk me through your last discovery call/);

  await click("agenda-accept");
  const outcome = await text(byTestId("agenda-outcome"));
  assert.match(outcome, /^Accepted with [\d.]+% changed$/);
  assert.equal((await s.findAll(byTestId("agenda-item-edit"))).length, 0, "no edit buttons once decided");
  assert.equal((await s.findAll(byTestId("agenda-accept"))).length, 0);
  await s.waitFor(`${byTestId("recent-agenda")}[data-agenda="${made.first}"][data-status="edited"]`);
  await s.execute(`document.querySelector('[data-testid="agenda-basis"]').open = true`);
  await capture(s, "134-agenda-accepted");
  await s.execute(`document.querySelector('[data-testid="agenda-basis"]').open = false`);
  const shown2 = JSON.parse(cli(app.db, ["agenda", "show", String(made.first), "--json"]));
  assert.equal(shown2.status, "edited");
});

test("Ctrl+L on the agenda opens the quick log prefilled from it", async () => {
  await s.execute(`document.activeElement && document.activeElement.blur()`);
  await s.keys("{Ctrl+l}");
  await s.waitFor(byTestId("quick-log"));
  await s.until("the coachee is filled in", async () => (await (await s.find(byTestId("ql-coachee"))).property("value")) === made.coachee);
  assert.equal(await (await s.find(byTestId("ql-minutes"))).property("value"), String(made.minutes));
  assert.equal(await (await s.find(byTestId("ql-kind"))).property("value"), "ai_agenda");
  assert.equal(await (await s.find(byTestId("ql-pilot"))).property("value"), PILOT);
  assert.match(await (await s.find(byTestId("ql-notes"))).property("value"), new RegExp(`^From agenda ${made.first}: `));
  await capture(s, "135-quick-log-prefilled");
  await s.keys("{Escape}");
  await s.until("the quick log closed", async () => (await s.findAll(byTestId("quick-log"))).length === 0);
});

test("the calibration figures count the edited agenda", async () => {
  const was = made.before.overall;
  await openTab("calibration");
  const now = calibration();
  assert.equal(now.overall.generated, was.generated + 1);
  assert.equal(now.overall.edited, was.edited + 1);
  assert.equal(now.overall.acceptedAsIs, was.acceptedAsIs);
  const overall = await text(byTestId("calibration-overall"));
  assert.match(overall, new RegExp(`^${was.generated + 1} agendas: ${was.acceptedAsIs} accepted as suggested, ${was.edited + 1} edited \\([\\d.]+% changed on average\\), ${was.rejected} rejected`));
  assert.match(overall, new RegExp(`Acceptance ${percent(now.overall.acceptanceRate)} \\(${was.acceptedAsIs + was.edited + 1} of ${decided(was) + 1}\\)`));
  // The pair's manager has one more edited agenda: for a manager new to agendas, 100% (1 of 1).
  const m = managerBefore("E1007");
  const row = await text(`[data-testid="calibration-managers-row"][data-key="E1007"]`);
  assert.match(row, /Liam Fischer/);
  assert.match(row, new RegExp(`\\(${m.acceptedAsIs + m.edited + 1} of ${decided(m) + 1}\\)`));
  await capture(s, "136-calibration-one-more-edited");
});

test("a second agenda is rejected with a reason, and calibration counts the reason", async () => {
  await openTab("agendas");
  await fillForm({ coachee: 1 });
  made.second = await writeAgenda();
  assert.notEqual(made.second, made.first);
  await click("agenda-reject");
  await s.waitFor(byTestId("reject-dialog"));
  await click(byTestId("reject-reason-too_generic"));
  await setValue(s, byTestId("reject-note"), "Reads like anyone's first week; this person is past that.");
  await capture(s, "137-reject-dialog");
  await click("reject-confirm");
  await s.until("the dialog closes", async () => (await s.findAll(byTestId("reject-dialog"))).length === 0);
  assert.equal(await text(byTestId("agenda-outcome")), "Rejected: Too generic");
  assert.equal((await s.findAll(byTestId("agenda-item-edit"))).length, 0);

  await openTab("calibration");
  const was = made.before.overall;
  const generic = (f) => f.reasons.find((r) => r.reason === "too_generic")?.count ?? 0;
  await s.until("calibration counts the second agenda", async () =>
    (await text(byTestId("calibration-overall"))).startsWith(`${was.generated + 2} agendas:`));
  assert.match(await text(byTestId("calibration-overall")), new RegExp(`, ${was.rejected + 1} rejected,`));
  assert.match(await text(byTestId("calibration-overall")), new RegExp(`\\(${was.acceptedAsIs + was.edited + 1} of ${decided(was) + 2}\\)`));
  assert.match(await text('[data-testid="calibration-reason"][data-reason="too_generic"]'), new RegExp(`Too generic\\s*${generic(was) + 1}`));
  const m = managerBefore("E1007");
  assert.match(await text(`[data-testid="calibration-managers-row"][data-key="E1007"]`), new RegExp(`\\(${m.acceptedAsIs + m.edited + 1} of ${decided(m) + 2}\\)`));
  await s.execute(`document.querySelector('[data-testid="calibration-reasons"]').scrollIntoView({ block: "end" })`);
  await capture(s, "138-calibration-rejected");
});

test("the agenda is printed and put in a calendar through the save dialog", async () => {
  await s.execute(`location.hash = arguments[0]`, [`#/coaching/agendas/${made.first}`]);
  await s.waitFor(`${byTestId("agenda")}[data-agenda="${made.first}"]`, 20000);
  const pdf = join(app.workdir, "agenda.pdf");
  await click("agenda-print");
  await answerSaveDialog(pdf, "Save agenda");
  await s.until("the card is saved", async () => existsSync(pdf), 30000);
  assert.equal(readFileSync(pdf).subarray(0, 4).toString(), "%PDF");
  await dismissToast();

  await click("agenda-calendar");
  await s.waitFor(byTestId("calendar-dialog"));
  assert.match(await (await s.find(byTestId("calendar-date"))).property("value"), /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(await (await s.find(byTestId("calendar-time"))).property("value"), "09:00");
  await setValue(s, byTestId("calendar-date"), "2027-01-12");
  await setValue(s, byTestId("calendar-time"), "10:30");
  await capture(s, "139-calendar-dialog");
  const ics = join(app.workdir, "agenda.ics");
  await click("calendar-save");
  await answerSaveDialog(ics, "Add agenda to calendar");
  await s.until("the calendar entry is saved", async () => existsSync(ics), 30000);
  const entry = readFileSync(ics, "utf8");
  assert.match(entry, /BEGIN:VEVENT/);
  await s.until("the dialog closes", async () => (await s.findAll(byTestId("calendar-dialog"))).length === 0);
  await dismissToast();
});

test("with the local model on, the preview shows what would be sent; Cancel sends nothing; Send falls back", async () => {
  await click("nav-settings");
  await s.waitFor(byTestId("agenda-settings"), 20000);
  await click("agenda-model-enabled");
  // Port 9 (discard): nothing listens, so the model is refused at once.
  await setValue(s, byTestId("agenda-endpoint"), "http://127.0.0.1:9/v1");
  await click("agenda-settings-save");
  await s.waitFor(byTestId("agenda-settings-saved"));
  await s.execute(`document.querySelector('[data-testid="agenda-settings"]').scrollIntoView({ block: "center" })`);
  await capture(s, "139b-settings-agendas");

  await openTab("agendas");
  await fillForm();
  const before = calibration().overall.generated;
  await click("agenda-ask-model");
  await s.waitFor(byTestId("model-preview"));
  assert.equal(await text(byTestId("model-preview-url")), "http://127.0.0.1:9/v1/chat/completions");
  const body = await (await s.find(byTestId("model-preview-body"))).property("textContent");
  assert.doesNotMatch(body, new RegExp(made.coachee.split(" ")[0]), "the coachee's name is not sent");
  await capture(s, "139c-model-preview");
  await click("model-preview-cancel");
  await s.until("the preview closes", async () => (await s.findAll(byTestId("model-preview"))).length === 0);
  assert.equal(calibration().overall.generated, before, "Cancel wrote nothing");

  await click("agenda-ask-model");
  await s.waitFor(byTestId("model-preview"));
  await click("model-preview-send");
  await s.waitFor(`${byTestId("agenda")}[data-source="fallback"]`, 60000);
  assert.match(await text(byTestId("agenda-fallback")), /offline agenda/);
  await capture(s, "139d-agenda-fallback");
});

test("at the window's minimum size nothing is cut off", async () => {
  await s.execute(`location.hash = arguments[0]`, [`#/coaching/agendas/${made.first}`]);
  await s.waitFor(`${byTestId("agenda")}[data-agenda="${made.first}"]`, 20000);
  await s.command("POST", "/window/rect", { width: 980, height: 640 });
  await sleep(500);
  await s.execute(`document.querySelector('[data-testid="agenda"]').scrollIntoView({ block: "start" })`);
  await capture(s, "139e-agenda-min-size");
  const wide = await s.execute(`const main = document.querySelector('main'); return main.scrollWidth - main.clientWidth;`);
  assert.ok(wide <= 1, `the agenda makes the page scroll sideways by ${wide}px`);
  await s.execute("document.querySelector('main').scrollTop = 0");
  await capture(s, "139g-agendas-form-min-size");
  await openTab("calibration");
  await s.waitFor(byTestId("calibration-managers"));
  await capture(s, "139f-calibration-min-size");
  const wider = await s.execute(`const main = document.querySelector('main'); return main.scrollWidth - main.clientWidth;`);
  assert.ok(wider <= 1, `calibration makes the page scroll sideways by ${wider}px`);
  // Every column of its tables is in view, the acceptance last of all.
  const hidden = await s.execute(
    `return Array.from(document.querySelectorAll('[data-screen="coaching"] .table-wrap')).map((w) => w.scrollWidth - w.clientWidth)`,
  );
  assert.ok(hidden.every((px) => px <= 1), `a calibration table scrolls sideways: ${hidden}`);
  await s.execute(`document.querySelector('[data-testid="calibration-managers"]').scrollIntoView({ block: "center" })`);
  await capture(s, "139h-calibration-managers-min-size");
});
