// Real writes inside the Pilotdesk window, for scripts/crash-test. Opens the app on an
// existing workspace through tauri-driver (tests/e2e/app.mjs), then runs the steps of a
// plan as a person would: a quick log through the window's own backend command, an import
// through the import wizard and the app's own open dialog (the app reads only files chosen
// there). It prints one JSON line per step: {"start": i} before it and
// {"ack": i, "result": ...} once the app has answered, i.e. committed. It runs until the
// app is killed; the crash test then ends this process group itself.
//
// Usage: node scripts/crash-test-app.mjs WORKSPACE PORT PLAN.json
// PLAN.json: [{"log": QuickLogInput} | {"import": ImportRequest}, ...]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { answerOpenDialog, launch } from "../tests/e2e/app.mjs";

const [db, port, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));
const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

// Resolves with {ok} or {error} instead of throwing, so a refusal is reported, not fatal.
const INVOKE =
  "const done = arguments[arguments.length - 1];" +
  "window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])" +
  ".then((ok) => done({ ok }), (error) => done({ error }));";

const byTestId = (id) => `[data-testid="${id}"]`;

/** Imports a coaching-events file through the wizard; answers like `run_import` would. */
async function importThroughWizard(s, path) {
  // From another screen, so the wizard starts afresh.
  await s.execute("window.location.hash = arguments[0];", ["#/coaching"]);
  await s.waitFor(byTestId("import-events"), 60_000);
  await s.execute("window.location.hash = arguments[0];", ["#/import/events"]);
  await (await s.waitFor(byTestId("import-choose-file"), 60_000)).click();
  await answerOpenDialog(path, "Import coaching events");
  await (await s.waitFor(byTestId("import-next"), 60_000)).click();
  await (await s.waitFor(byTestId("import-check"), 60_000)).click();
  await (await s.waitFor(byTestId("import-run"), 600_000)).click();
  await s.waitFor(byTestId("import-done"), 600_000);
  const records = await s.executeAsync(INVOKE, ["list_imports", {}]);
  if (records.error) return records;
  const record = records.ok.filter((r) => r.fileName === basename(path)).sort((a, b) => b.id - a.id)[0];
  return record ? { ok: { importId: record.id } } : { error: `no import record for ${basename(path)}` };
}

async function main() {
  // The app is killed at a random moment; launch() must not tidy up after it (its close()
  // stops every process naming the workspace, which would include the crash test's own
  // command-line writes).
  const app = await launch({ db, port: Number(port) });
  // An import of a few thousand rows may take longer than WebDriver's 30 s default.
  await app.session.command("POST", "/timeouts", { script: 600_000 });
  say({ ready: true });
  for (const [index, step] of plan.entries()) {
    say({ start: index });
    const reply = step.log
      ? await app.session.executeAsync(INVOKE, ["log_coaching", { input: step.log }])
      : await importThroughWizard(app.session, step.import.path);
    say(reply.error ? { refused: index, error: reply.error } : { ack: index, result: reply.ok });
  }
  say({ done: true });
}

main().catch((error) => {
  // Expected once the app is killed: the WebDriver session has lost its window.
  say({ gone: String(error?.message ?? error) });
});
