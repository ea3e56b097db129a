// Updates in the real window, against an update server on 127.0.0.1 and a release key made
// for the test (debug builds take both from the environment; release builds trust only
// tauri.conf.json). The install target is a stand-in file, so the app under test stays.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, capture } from "./app.mjs";
import { build, releaseKey, serveRelease } from "./release-server.mjs";

const byTestId = (id) => `[data-testid="${id}"]`;
const INSTALLED = Buffer.from("\x7fELF the installed Pilotdesk 0.1.0", "latin1");
const NOTES = "Outcome packs print the day-90 verdict first.\nImports show rows read, checked and written.";
const cleanups = [];

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The app with its update source pointed at `server`, trusting `key`. */
async function launchWith({ server, key, checkEvery, port }) {
  const dir = mkdtempSync(join(tmpdir(), "pilotdesk-e2e-update-"));
  const target = join(dir, "pilotdesk-app");
  writeFileSync(target, INSTALLED);
  const preferences = join(dir, "updates.json");
  writeFileSync(preferences, JSON.stringify({ checkEvery, lastCheckedAt: null }));
  const app = await launch({
    setup: [["demo"]],
    port,
    env: {
      PILOTDESK_UPDATE_ENDPOINT: server.url,
      PILOTDESK_UPDATE_PUBKEY: key.config,
      PILOTDESK_UPDATE_TARGET: target,
      PILOTDESK_UPDATES: preferences,
    },
  });
  cleanups.push(() => app.close());
  return { app, s: app.session, target, preferences };
}

test("a newer signed release found on start is shown, downloaded, verified and installed", async () => {
  const key = releaseKey();
  const artifact = build("0.2.0");
  const server = await serveRelease({ version: "0.2.0", notes: NOTES, signature: key.sign(artifact, "0.2.0"), artifact });
  cleanups.push(server.close);
  const { s, target, preferences } = await launchWith({ server, key, checkEvery: "day", port: 4560 });

  const banner = await s.waitFor(byTestId("update-banner"), 20000);
  assert.match(await banner.text(), /Pilotdesk 0\.2\.0 is available \(you have 0\.1\.0\)/);
  await capture(s, "157-update-banner");
  assert.ok(JSON.parse(readFileSync(preferences, "utf8")).lastCheckedAt, "the start-up check is remembered");

  await (await s.find(byTestId("update-banner-link"))).click();
  const offer = await s.waitFor(byTestId("update-offer"));
  assert.match(await offer.text(), /Pilotdesk 0\.2\.0 is available/);
  assert.equal(await (await s.find(byTestId("update-notes"))).text(), NOTES);
  await capture(s, "158-update-offer");

  await (await s.find(byTestId("update-install"))).click();
  const installed = await s.waitFor(byTestId("update-installed"), 30000);
  assert.match(await installed.text(), /Pilotdesk 0\.2\.0 is installed and its signature checked/);
  assert.ok(await s.find(byTestId("update-restart")), "a restart is offered");
  await capture(s, "159-update-installed");
  assert.equal(server.downloads(), 1);
  assert.ok(readFileSync(target).equals(artifact), "the verified build took the installed app's place");
});

test("a tampered release is refused with the reason, and nothing is installed", async () => {
  const key = releaseKey();
  const artifact = build("0.2.0");
  const signature = key.sign(artifact, "0.2.0");
  const tampered = Buffer.from(artifact);
  tampered[4096] ^= 0x01;
  const server = await serveRelease({ version: "0.2.0", notes: NOTES, signature, artifact: tampered });
  cleanups.push(server.close);
  const { s, target } = await launchWith({ server, key, checkEvery: "never", port: 4562 });

  await s.execute("window.location.hash = arguments[0];", ["#/settings"]);
  assert.equal(await s.execute(`return document.querySelector('[data-testid="update-banner"]') === null;`), true,
    "with checks only on request, the start-up check does not run");
  await (await s.waitFor(byTestId("update-check"), 20000)).click();
  await (await s.waitFor(byTestId("update-install"))).click();
  const refused = await s.waitFor(`${byTestId("update-offer")} [role="alert"]`, 30000);
  const text = await refused.text();
  assert.match(text, /The update was not installed/);
  assert.match(text, /not signed by Pilotdesk's release key/);
  assert.match(text, /nothing was installed/);
  await capture(s, "160-update-refused");
  assert.equal(server.downloads(), 1);
  assert.ok(readFileSync(target).equals(INSTALLED), "the installed app is untouched");
});
