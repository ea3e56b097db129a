// The walking skeleton, end to end in the real window: the demo workspace on first start,
// creating a pilot through the form (with inline validation), seeing it in the list, and
// saving its proposal pack through the native save dialog.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch, capture, setValue, answerSaveDialog, pdfText, pdfFonts } from "./app.mjs";

const NEW_PILOT = "Escalation coaching pilot";
let app;
let s;

before(async () => {
  app = await launch();
  s = app.session;
});

after(async () => {
  await app?.close();
});

const byTestId = (id) => `[data-testid="${id}"]`;

test("first start shows the demo workspace", async () => {
  const row = await s.waitFor(byTestId("pilot-row"), 30000);
  assert.match(await row.text(), /Sales onboarding coaching pilot/);
  const workspace = await s.find(byTestId("workspace-name"));
  assert.equal(await workspace.property("textContent"), "Meridian Logistics (demo)");
  await capture(s, "01-pilots");
});

test("a pilot is created through the form, with inline validation", async () => {
  await (await s.find(byTestId("new-pilot"))).click();
  const name = await s.waitFor(byTestId("pilot-name"));
  await capture(s, "02-new-pilot-empty");
  await name.type(NEW_PILOT);

  // An amount that is not one is flagged at its field as soon as the field is left.
  const budget = await s.find(byTestId("pilot-budget"));
  await budget.type("lots");
  await (await s.find(byTestId("pilot-sponsor"))).click();
  const budgetError = await s.waitFor(byTestId("error-budget"));
  assert.match(await budgetError.text(), /not an amount/);
  await capture(s, "03-new-pilot-inline-error");

  await budget.clear();
  await budget.type("12,500");
  await (await s.find(byTestId("pilot-workflow-0"))).type("Customer escalation");
  await (await s.find(byTestId("pilot-workflow-1"))).type("Sales onboarding");
  await setValue(s, byTestId("pilot-start"), "2027-01-11");
  await (await s.find(byTestId("pilot-sponsor"))).type("Priya Raman");
  await (await s.find(byTestId("pilot-objective"))).type(
    "Raise first-contact resolution by coaching escalation calls twice a week.",
  );
  await s.until("the budget error clears", async () => (await s.findAll(byTestId("error-budget"))).length === 0);
  await capture(s, "04-new-pilot-filled");
  await (await s.find(byTestId("pilot-submit"))).click();

  const title = await s.waitFor(byTestId("pilot-title"));
  assert.equal(await title.text(), NEW_PILOT);
  assert.match(await (await s.find(byTestId("pilot-status"))).text(), /Draft/);
  await capture(s, "05-pilot-page");

  await (await s.find(byTestId("nav-pilots"))).click();
  // The demo's three pilots (in design, running, finished) and the new one.
  await s.until("the new pilot is listed", async () => (await s.findAll(byTestId("pilot-row"))).length === 4);
  const rows = await s.findAll(byTestId("pilot-row"));
  const texts = await Promise.all(rows.map((r) => r.text()));
  assert.ok(texts.some((t) => t.includes(NEW_PILOT)), texts.join("\n"));
});

test("the proposal pack is saved through the native dialog and reads back", async () => {
  const rows = await s.findAll(byTestId("pilot-row"));
  for (const row of rows) {
    if ((await row.text()).includes(NEW_PILOT)) {
      await (await row.find("a")).click();
      break;
    }
  }
  await s.waitFor(byTestId("pilot-title"));
  const out = join(app.workdir, "escalation-proposal.pdf");
  // Saving a pack is one of the header's secondary actions, under "More actions".
  await (await s.find(byTestId("more-actions"))).click();
  await (await s.waitFor(byTestId("save-proposal"))).click();
  await answerSaveDialog(out);

  const notice = await s.waitFor(byTestId("pack-saved"), 30000);
  assert.match(await notice.text(), /escalation-proposal\.pdf/);
  await capture(s, "06-pack-saved");
  assert.ok(existsSync(out), `${out} was written`);

  const text = pdfText(out);
  for (const expected of [NEW_PILOT, "Priya Raman", "11 Jan 2027", "11 Apr 2027", "Customer escalation", "Sales onboarding"]) {
    assert.ok(text.includes(expected), `the pack lacks ${expected}`);
  }
  const fonts = pdfFonts(out).split("\n").slice(2).filter((l) => l.trim());
  assert.ok(fonts.length > 0 && fonts.every((l) => l.split(/\s+/).at(-5) === "yes"), pdfFonts(out));
});

test("people, governance, packs and settings show the workspace", async () => {
  await (await s.find(byTestId("nav-people"))).click();
  await s.until("80 people are listed", async () => (await s.findAll(byTestId("person-row"))).length === 80);
  await capture(s, "07-people");
  await (await s.find(byTestId("people-search"))).type("Marcus");
  await s.until("the search narrows the table", async () => (await s.findAll(byTestId("person-row"))).length === 1);

  await (await s.find(byTestId("nav-governance"))).click();
  await s.waitFor('[data-screen="governance"]');
  await capture(s, "08-governance");

  await (await s.find(byTestId("nav-packs"))).click();
  const pack = await s.waitFor(byTestId("pack-row"));
  assert.match(await pack.text(), new RegExp(NEW_PILOT));
  await capture(s, "09-packs");

  await (await s.find(byTestId("nav-settings"))).click();
  const currency = await s.waitFor(byTestId("settings-currency"));
  assert.equal(await currency.property("value"), "USD");
  await capture(s, "10-settings");
});
