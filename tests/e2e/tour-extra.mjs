// A few screens a tour cannot reach by address alone: a review, and the quick log with an
// hour of micro-coaching typed in. Usage as tour.mjs.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./app.mjs";
import { sleep } from "./webdriver.mjs";

const out = process.argv[2] ?? "test-output/tour";
mkdirSync(out, { recursive: true });
const app = await launch({ port: Number(process.env.TOUR_PORT ?? 4520) });
const s = app.session;
const shot = async (name) => writeFileSync(join(out, `${name}.png`), await s.screenshot());
try {
  await s.setWindowRect({ width: 1280, height: 860 });
  await s.execute("window.location.hash = arguments[0];", ["#/governance/pilots/3/items/6"]);
  await sleep(1500);
  await shot("review-day90");
  await s.execute("window.location.hash = arguments[0];", ["#/coaching/events"]);
  await sleep(1000);
  await s.keys("{Ctrl+l}");
  await s.waitFor('[data-testid="quick-log"]');
  await s.keys("Mei Wal");
  await sleep(500);
  await s.keys("{Tab}Oliver{Tab}{Tab}60{Tab}{Tab}Support esc{Tab}");
  await sleep(500);
  await shot("quick-log-60-minutes");
  await (await s.find('[data-testid="ql-save"]')).click();
  await sleep(1500);
  await shot("quick-log-60-minutes-saved");
} finally {
  await app.close();
}
