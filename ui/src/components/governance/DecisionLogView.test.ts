import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Decision, DecisionLog, LogEntry } from "../../api";
import DecisionLogView from "./DecisionLogView.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

afterEach(() => {
  cleanup();
});

const decision: Decision = {
  id: 4,
  pilotId: 1,
  pilotName: "Sales onboarding pilot",
  itemId: 7,
  kind: "approval",
  outcome: "approve",
  outcomeLabel: "Approve",
  summary: "Approved \"Sales onboarding pilot\": 3 approve, 1 request changes of 5 eligible members (1 recused).",
  decidedAt: "2026-12-14T09:30:00Z",
  recordedBy: "Tomasz Nowak",
  evidence: "{}",
  logId: 12,
};

const entry = (id: number, kind: string, summary: string): LogEntry => ({
  id,
  at: "2026-12-14T09:30:00Z",
  actor: "Tomasz Nowak",
  actorId: "E1005",
  kind,
  pilotId: 1,
  summary,
  content: "{}",
  prevHash: `${id - 1}`.padEnd(64, "a"),
  hash: `${id}`.padEnd(64, "b"),
});

function log(overrides: Partial<DecisionLog["verdict"]> = {}): DecisionLog {
  return {
    verdict: {
      verified: true,
      entries: 2,
      headHash: "c0ffee".padEnd(64, "0"),
      firstBroken: null,
      summary: "All 2 entries verify; each hash covers its entry and the one before.",
      ...overrides,
    },
    entries: [entry(12, "decision", decision.summary), entry(11, "vote", "Tomasz Nowak voted approve")],
  };
}

describe("DecisionLogView", () => {
  it("leads with who decided what, who recorded it and when", () => {
    render(DecisionLogView, { log: log(), decisions: [decision] });
    const row = screen.getByTestId("decision-row-4");
    const text = row.textContent!.replace(/\s+/g, " ");
    expect(text).toContain("Approval: Approve");
    expect(text).toContain(decision.summary);
    expect(text).toContain("Recorded by Tomasz Nowak on 14 Dec 2026");
    expect(screen.getByTestId("save-decision-4")).toBeTruthy();
    // The decisions come before the chain, and none of the hashes are among them.
    const chain = screen.getByTestId("log-chain");
    expect(row.compareDocumentPosition(chain) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(text).not.toContain("bbbb");
  });

  it("keeps the hash chain closed beneath, with its verdict on the summary", () => {
    render(DecisionLogView, { log: log(), decisions: [decision] });
    const chain = screen.getByTestId("log-chain") as HTMLDetailsElement;
    expect(chain.tagName).toBe("DETAILS");
    expect(chain.open).toBe(false);
    const summary = chain.querySelector("summary")!;
    expect(summary.textContent).toContain("Hash chain, for auditors");
    const verdict = screen.getByTestId("log-verdict");
    expect(summary.contains(verdict)).toBe(true);
    expect(verdict.dataset.verified).toBe("true");
    expect(verdict.textContent).toContain("Verified: the log is intact");
    // Head hash and entry hashes live inside the disclosure.
    expect(chain.contains(screen.getByTestId("log-head-hash"))).toBe(true);
    expect(screen.getByTestId("log-head-hash").textContent).toBe("c0ffee".padEnd(64, "0"));
    expect(chain.contains(screen.getByTestId("log-entries"))).toBe(true);
    expect(screen.getByTestId("log-entry-12").dataset.kind).toBe("decision");
    expect(screen.getByTestId("log-entry-12").textContent).toContain("12bbbbbbbbbbbbbb… ← 11aaaaaaaaaaaaaa…");
  });

  it("opens the chain by itself when the log is broken", () => {
    render(DecisionLogView, {
      log: log({ verified: false, headHash: null, firstBroken: { id: 11, reason: "its content no longer matches its hash" }, summary: "Entry 11 does not verify." }),
      decisions: [],
    });
    expect((screen.getByTestId("log-chain") as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByTestId("log-verdict").textContent).toContain("Broken: the log has been changed");
    expect(screen.getByTestId("log-chain").textContent).toContain("First broken entry: #11");
    expect(screen.getByTestId("log-entry-11").classList.contains("broken")).toBe(true);
    expect(screen.getByText("No decision has been taken yet.")).toBeTruthy();
  });
});
