// Start-up time and memory of a Tauri app's window, for scripts/bench: the time from asking
// WebDriver for a session (which launches the app) to the first screen's marker showing,
// and the resident memory of the app and every process it started (WebKit's web and
// network processes) after each named screen was opened once.
//
// Usage: node bench/app.mjs APP_BINARY MARKER_CSS RUNS [--screens a,b,c] [-- APP_ARGS...]
// Prints one JSON object: { startupMs: [...], rssMb: { total, processes: {name: MB} } }.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { Session, sleep } from "../tests/e2e/webdriver.mjs";

const [app, marker, runsText, ...rest] = process.argv.slice(2);
const split = rest.indexOf("--");
const options = split < 0 ? rest : rest.slice(0, split);
const appArgs = split < 0 ? [] : rest.slice(split + 1);
const screens = options[0] === "--screens" ? options[1].split(",").filter(Boolean) : [];
const runs = Number(runsText);
const port = 4600;

function children(pid) {
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The parent pid is the second field after the command name in parentheses.
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

function tree(pid) {
  return [pid, ...children(pid).flatMap(tree)];
}

function status(pid) {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name) => new RegExp(`^${name}:\\s+(.+)$`, "m").exec(text)?.[1] ?? "";
  return { name: field("Name"), rssKb: Number.parseInt(field("VmRSS"), 10) || 0 };
}

function appPid() {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0")[0] === app) return Number(entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

async function waitForDriver(base) {
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(`${base}/status`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error("tauri-driver did not start");
}

async function once(measureMemory) {
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1)], {
    stdio: "ignore",
    env: { ...process.env, NO_AT_BRIDGE: "1" },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(base);
    const started = performance.now();
    const session = await Session.create(base, { "tauri:options": { application: app, args: appArgs } });
    await session.waitFor(marker, 60000);
    const startupMs = performance.now() - started;
    let memory = null;
    if (measureMemory) {
      for (const screen of screens) {
        await (await session.waitFor(`[data-testid="nav-${screen}"]`)).click();
        await sleep(1500);
      }
      await sleep(2000);
      const pid = appPid();
      const processes = {};
      let total = 0;
      for (const member of pid ? tree(pid) : []) {
        const { name, rssKb } = status(member);
        processes[name] = Math.round(((processes[name] ?? 0) + rssKb / 1024) * 10) / 10;
        total += rssKb / 1024;
      }
      memory = { total: Math.round(total * 10) / 10, processes };
    }
    await session.delete().catch(() => {});
    return { startupMs, memory };
  } finally {
    driver.kill();
    const pid = appPid();
    if (pid) process.kill(pid, "SIGKILL");
    await sleep(500);
  }
}

const startupMs = [];
let rssMb = null;
for (let run = 0; run < runs; run++) {
  // The first run warms the disk cache and is not counted; the last also measures memory.
  const { startupMs: ms, memory } = await once(run === runs - 1);
  if (run > 0 || runs === 1) startupMs.push(Math.round(ms));
  if (memory) rssMb = memory;
}
console.log(JSON.stringify({ startupMs, rssMb }));
