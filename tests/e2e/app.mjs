// Starts the real Pilotdesk window on a temporary workspace through tauri-driver and
// WebKitWebDriver, and offers the steps tests share.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, sleep } from "./webdriver.mjs";

const APP = process.env.PILOTDESK_E2E_APP;
const CLI = process.env.PILOTDESK_E2E_CLI;
export const OUT = process.env.PILOTDESK_E2E_OUT ?? join(process.cwd(), "test-output", "e2e");

/**
 * Opens the app on a fresh workspace and returns a ready window with someone acting.
 *
 * - `setup`: command-line runs (argument lists, without --db) made against the workspace
 *   before the window opens, e.g. `[["demo"], ["pilot", "basics", "1", ...]]`; or a
 *   function given the database path, for a setup that reads what it wrote.
 * - `actAs`: who answers the first-start "who is using Pilotdesk" chooser: a person id, or
 *   (the default) the person it suggests; `false` leaves the chooser open for the test.
 * - `db`: an existing workspace to open instead of a fresh one (then `setup` is not needed).
 * - `args`: more arguments for the app, e.g. a file it is asked to open.
 * - `env`: more environment for the app, e.g. `PILOTDESK_IDENTITY` for whose signing key it
 *   uses; by default the key is made in the test's own folder, never the home folder, and
 *   the update settings (`PILOTDESK_UPDATES`) say never to look for updates.
 */
export async function launch({ port = 4444, setup = [], actAs, env = {}, db: existing, args = [] } = {}) {
  if (!APP) throw new Error("PILOTDESK_E2E_APP must name the app binary (tests/e2e/run sets it)");
  const workdir = mkdtempSync(join(tmpdir(), "pilotdesk-e2e-"));
  const db = existing ?? join(workdir, "workspace.sqlite3");
  if (typeof setup === "function") setup(db);
  else for (const args of setup) cli(db, args);
  // The app looks for updates only when a test asks it to (tests/e2e/updates.test.mjs).
  const updates = join(workdir, "updates.json");
  writeFileSync(updates, JSON.stringify({ checkEvery: "never", lastCheckedAt: null }));
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NO_AT_BRIDGE: "1", PILOTDESK_IDENTITY: join(workdir, "identity.json"), PILOTDESK_UPDATES: updates, ...env },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForDriver(base);
  const session = await Session.create(base, {
    "tauri:options": { application: APP, args: ["--db", db, ...args] },
  });
  const app = {
    session,
    db,
    workdir,
    async close() {
      await session.delete().catch(() => {});
      driver.kill();
      await stopLeftovers(db);
    },
  };
  if (actAs !== false) {
    try {
      await chooseUser(session, actAs);
    } catch (error) {
      await app.close();
      throw error;
    }
  }
  return app;
}

/** The processes whose command line names this workspace: the app, if it outlived its session. */
function processesOn(db) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args.includes(db)) pids.push(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return pids;
}

/**
 * Ends an app window that outlived its WebDriver session (WebKitWebDriver sometimes leaves
 * it running when the session is deleted). Left alone, it keeps the test runner's output
 * pipe open and the whole run waits for it.
 */
async function stopLeftovers(db) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const pids = processesOn(db);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, attempt < 10 ? "SIGTERM" : "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    await sleep(250);
  }
}

/** Runs the `pilotdesk` command line on a workspace and returns what it printed. */
export function cli(db, args, env = {}) {
  if (!CLI) throw new Error("PILOTDESK_E2E_CLI must name the pilotdesk binary (tests/e2e/run sets it)");
  try {
    return execFileSync(CLI, ["--db", db, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  } catch (error) {
    throw new Error(`pilotdesk ${args.join(" ")} failed: ${error.stderr ?? error.message}`);
  }
}

/** Gives a pilot the budget lines (and people's hours) a complete design has, through the
 * command line: what the committed budget buys is a Step 1 item. */
export function setBudgetLines(db, pilot) {
  const file = join(mkdtempSync(join(tmpdir(), "pilotdesk-budget-")), "budget.json");
  writeFileSync(
    file,
    JSON.stringify({
      lines: [
        { category: "tooling", description: "Prompt cards and calendar nudges", pricing: "fixed", unitCost: "4000", quantity: "1" },
        { category: "analytics", description: "KPI extracts and the monthly dashboard", pricing: "fixed", unitCost: "4000", quantity: "1" },
      ],
      time: {
        managerHoursPerWeek: "1.5", managerHourlyCost: "70", coachCount: "0", coachHoursPerWeek: "0",
        coachHourlyCost: "0", coacheeHoursPerWeek: "0.5", coacheeHourlyCost: "45",
      },
    }),
  );
  cli(db, ["pilot", "budget", String(pilot), "--file", file]);
}

/** Once the window has opened, answers the first-start chooser if it is showing: the person
 * with `personId`, or the suggested person. */
export async function chooseUser(session, personId) {
  await session.waitFor('[data-testid="acting-as"]', 30000);
  const open = async () => (await session.findAll('[data-testid="user-chooser"]')).length > 0;
  if (!(await open())) return;
  const option = personId
    ? `[data-testid="user-option-${personId}"]`
    : '[data-testid="user-suggested"] [data-testid^="user-option-"]';
  await (await session.waitFor(option)).click();
  await session.until("the chooser closes", async () => !(await open()));
}

async function waitForDriver(base) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    try {
      const reply = await fetch(`${base}/status`);
      if (reply.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error("tauri-driver did not start");
}

/** Saves a screenshot of the window for people to look at. */
export async function capture(session, name) {
  mkdirSync(join(OUT, "screenshots"), { recursive: true });
  // Let entrance animations finish so the picture shows what a person sees.
  await sleep(700);
  writeFileSync(join(OUT, "screenshots", `${name}.png`), await session.screenshot());
}

/** Sets an input's value the way typing would, so the UI's bindings see it. */
export async function setValue(session, css, value) {
  await session.execute(
    `const el = document.querySelector(arguments[0]);
     const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value").set;
     setter.call(el, arguments[1]);
     el.dispatchEvent(new Event("input", { bubbles: true }));
     el.dispatchEvent(new Event("change", { bubbles: true }));`,
    [css, value],
  );
}

/** The X window of a native dialog, by its title, once it is shown. */
async function dialogWindow(title) {
  const deadline = Date.now() + 15000;
  let window = "";
  while (!window && Date.now() < deadline) {
    try {
      window = execFileSync("xdotool", ["search", "--onlyvisible", "--name", title]).toString().trim().split("\n")[0];
    } catch {
      await sleep(200);
    }
  }
  if (!window) throw new Error(`the "${title}" dialog did not appear`);
  await sleep(500);
  return window;
}

/** Answers the native GTK open dialog: Ctrl+L opens its location box, where a full path is typed. */
export async function answerOpenDialog(path, title) {
  const window = await dialogWindow(title);
  execFileSync("xdotool", ["windowfocus", "--sync", window]);
  execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+l"]);
  await sleep(300);
  execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+a"]);
  execFileSync("xdotool", ["type", "--delay", "20", path]);
  await sleep(300);
  execFileSync("xdotool", ["key", "Return"]);
}

/** Answers the native GTK save dialog by typing a full path into its name field. */
export async function answerSaveDialog(path, title = "Save pack") {
  const window = await dialogWindow(title);
  execFileSync("xdotool", ["windowfocus", "--sync", window]);
  execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+a"]);
  execFileSync("xdotool", ["type", "--delay", "20", path]);
  await sleep(300);
  execFileSync("xdotool", ["key", "Return"]);
}

export function pdfText(path) {
  return execFileSync("pdftotext", ["-layout", path, "-"]).toString();
}

export function pdfFonts(path) {
  return execFileSync("pdffonts", [path]).toString();
}
