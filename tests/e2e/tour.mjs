// Walks the demo workspace's main screens at a laptop's width and saves a screenshot of
// each, for people to compare before and after a change to the window.
// Usage: xvfb-run -a dbus-run-session -- node tests/e2e/tour.mjs OUT_FOLDER
// (with PILOTDESK_E2E_APP and PILOTDESK_E2E_CLI set as tests/e2e/run sets them).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./app.mjs";
import { sleep } from "./webdriver.mjs";

const out = process.argv[2] ?? "test-output/tour";
mkdirSync(out, { recursive: true });

const STOPS = [
  ["home", "#/home"],
  ["pilots", "#/pilots"],
  ["pilot-overview", "#/pilots/1/overview"],
  ["pilot-basics", "#/pilots/1/basics"],
  ["pilot-cohort", "#/pilots/1/cohort"],
  ["pilot-budget", "#/pilots/1/budget"],
  ["pilot-checklist", "#/pilots/1/checklist"],
  ["pilot-running", "#/pilots/3/overview"],
  ["pilot-dashboard", "#/pilots/3/dashboard"],
  ["governance-queue", "#/governance"],
  ["governance-log", "#/governance/log"],
  ["governance-group", "#/governance/group"],
  ["governance-vendors", "#/governance/vendors"],
  ["review", "#/governance/pilots/3/items/6"],
  ["people", "#/people"],
  ["person", "#/people/E1060"],
  ["coaching", "#/coaching/events"],
  ["packs", "#/packs"],
  ["settings", "#/settings"],
];

// A fresh workspace: the app loads the demo on first start, as a newcomer sees it.
const app = await launch({ port: Number(process.env.TOUR_PORT ?? 4500) });
try {
  await app.session.setWindowRect({ width: 1280, height: 860 });
  for (const [name, hash] of STOPS) {
    await app.session.execute("window.location.hash = arguments[0];", [hash]);
    await sleep(1500);
    writeFileSync(join(out, `${name}.png`), await app.session.screenshot());
  }
} finally {
  await app.close();
}
