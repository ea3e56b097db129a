// Backups from Settings in the real window: one is made, the workspace changes, and the
// backup is restored; the change is gone, the content hash is the backup's, and the
// workspace as it was is kept as a backup of its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, capture, cli } from "./app.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
let app;
let s;

before(async () => {
  app = await launch({ setup: [["demo"]], port: 4460 });
  s = app.session;
});

after(async () => {
  await app?.close();
});

test("a backup made and restored from Settings brings the workspace back", async () => {
  await s.execute("window.location.hash = arguments[0];", ["#/settings"]);
  await (await s.waitFor(byTestId("backup-create"), 20000)).click();
  await s.waitFor(byTestId("backup-made"));
  const made = JSON.parse(cli(app.db, ["backup", "list", "--json"])).find((b) => b.kind === "manual");
  assert.ok(made, "the backup made from Settings is recorded");
  await capture(s, "154-backup-made");

  // A change after the backup, made on the command line as a script would.
  cli(app.db, ["pilot", "create", "--name", "After the backup", "--start", "2027-03-01", "--sponsor", "Priya Raman", "--budget", "5000", "--workflow", "Renewals"]);

  const row = await s.waitFor(byTestId(`backup-row-${made.fileName}`));
  await (await row.find(byTestId(`backup-verify-${made.fileName}`))).click();
  const check = await s.waitFor(byTestId(`backup-check-${made.fileName}`));
  assert.match(await check.text(), /Intact/);

  await (await s.find(byTestId(`backup-restore-${made.fileName}`))).click();
  await s.waitFor(byTestId("restore-dialog"));
  await capture(s, "155-restore-asks");
  await (await s.find(byTestId("restore-confirm"))).click();
  const done = await s.waitFor(byTestId("restore-done"), 30000);
  assert.match(await done.text(), /kept as .*before-restore/);
  await capture(s, "156-restored");

  const pilots = JSON.parse(cli(app.db, ["pilot", "list", "--json"]));
  assert.ok(pilots.every((p) => p.name !== "After the backup"), "the change after the backup is gone");
  const backups = JSON.parse(cli(app.db, ["backup", "list", "--json"]));
  const kept = backups.find((b) => b.kind === "before_restore");
  assert.ok(kept, "the workspace as it was is kept");
  const verified = cli(app.db, ["backup", "verify"]);
  assert.doesNotMatch(verified, /Damaged/);

  // The window shows the restored workspace: the pilot list no longer has the change.
  await s.execute("window.location.hash = arguments[0];", ["#/pilots"]);
  await s.waitFor(byTestId("pilot-row"));
  const names = await s.execute(`return [...document.querySelectorAll('[data-testid="pilot-row"]')].map((e) => e.textContent);`);
  assert.ok(names.every((n) => !n.includes("After the backup")), names.join(" | "));
});
