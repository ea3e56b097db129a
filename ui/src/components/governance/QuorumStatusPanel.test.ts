import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { item, members, rule, status } from "../../test/governance";
import QuorumStatusPanel from "./QuorumStatusPanel.svelte";

afterEach(cleanup);

describe("QuorumStatusPanel", () => {
  it("shows a pending item's tally, the functions that have voted and those still missing", () => {
    render(QuorumStatusPanel, { status: status(), rule, item: item(), members });
    expect(screen.getByTestId("quorum-verdict").textContent).toContain("Pending");
    expect(screen.getByTestId("quorum-explanation").textContent).toContain("Waiting for a vote from Finance and Front line");
    expect(screen.getByTestId("tally-approve").textContent).toBe("1");
    expect(screen.getByTestId("tally-request_changes").textContent).toBe("1");
    expect(screen.getByTestId("required-hr").dataset.voted).toBe("true");
    expect(screen.getByTestId("required-analytics").dataset.voted).toBe("true");
    expect(screen.getByTestId("required-finance").dataset.voted).toBe("false");
    expect(screen.getByTestId("required-frontline").dataset.voted).toBe("false");
    expect(screen.getByTestId("required-frontline").textContent?.trim()).toBe("Front line");
    expect(screen.getByText("Yet to vote: Tomasz Nowak, Marcus Oyelaran")).toBeTruthy();
    expect(screen.getByTestId("quorum-status").dataset.decided).toBe("false");
  });

  it("says a decided item is decided, with its outcome, and stops listing who is yet to vote", () => {
    render(QuorumStatusPanel, {
      status: status({
        outcome: "approve",
        voted: 4,
        tally: [
          { choice: "approve", count: 3 },
          { choice: "request_changes", count: 1 },
          { choice: "reject", count: 0 },
        ],
        missingFunctions: [],
        yetToVote: [],
        explanation: "Decided: approve by 3 votes (3 needed).",
      }),
      rule,
      item: item({ state: "decided", decisionId: 3 }),
      members,
    });
    expect(screen.getByTestId("quorum-verdict").textContent).toContain("Decided: Approve");
    expect(screen.getByTestId("quorum-status").dataset.outcome).toBe("approve");
    expect(screen.queryByText(/Yet to vote/)).toBeNull();
    expect(screen.getByTestId("required-frontline").dataset.voted).toBe("true");
  });

  it("flags a required function no eligible member can represent", () => {
    render(QuorumStatusPanel, {
      status: status({
        recused: 1,
        eligible: 3,
        unrepresentedFunctions: ["finance"],
        explanation: "No eligible member represents Finance: add one to the steering group or change the quorum rule.",
      }),
      rule,
      item: item(),
      members,
    });
    expect(screen.getByTestId("required-finance").textContent).toContain("no eligible member");
    expect(screen.getByText(/1 recused/)).toBeTruthy();
  });
});
