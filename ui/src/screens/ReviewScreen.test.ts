import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type Decision, type Vote } from "../api";
import { workspace } from "../lib/workspace";
import { ruleVerdict } from "../test/analytics";
import { overview } from "../test/fixtures";
import { item, review, status } from "../test/governance";
import ReviewScreen from "./ReviewScreen.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const outcomeItem = item({
  id: 12,
  kind: "day90_outcome",
  pilotStatus: "day90_outcome",
  subject: "Decide the outcome of \"Sales onboarding pilot\": scale, iterate or stop",
});

const decision: Decision = {
  id: 9,
  pilotId: 1,
  pilotName: "Sales onboarding pilot",
  itemId: 12,
  kind: "day90_outcome",
  outcome: "iterate",
  outcomeLabel: "Iterate",
  summary: "Iterate \"Sales onboarding pilot\": 3 iterate of 4 eligible members.",
  decidedAt: "2027-03-16T10:00:00Z",
  recordedBy: "Tomasz Nowak",
  evidence: "{}",
  logId: 31,
};

beforeEach(() => {
  workspace.set(overview);
  vi.mocked(api.listReceivedBallots).mockResolvedValue([]);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("ReviewScreen at the day-90 outcome", () => {
  it("sets the rule registered before launch, word for word with its reasons, beside the vote form", async () => {
    vi.mocked(api.getReview).mockResolvedValue(
      review({
        item: outcomeItem,
        items: [outcomeItem],
        status: status({ tally: [{ choice: "scale", count: 1 }, { choice: "iterate", count: 0 }, { choice: "stop", count: 0 }] }),
        ruleVerdict: ruleVerdict(),
      }),
    );
    render(ReviewScreen, { pilotId: 1, itemId: 12 });
    const verdict = await screen.findByTestId("rule-verdict");
    expect(verdict.dataset.recorded).toBe("false");
    expect(verdict.textContent).toContain("The rule registered before launch says");
    expect(verdict.textContent).toContain("On today's data");
    expect(screen.getByTestId("rule-verdict-choice").textContent).toBe("Scale");
    expect(screen.getByTestId("rule-verdict-rule").textContent).toBe(
      "Scale when every KPI with a success criterion meets it; Stop when no KPI improves across its whole 95% interval (a rise where higher is better, a fall where lower is better); otherwise Iterate.",
    );
    const reasons = [...verdict.querySelectorAll("li")].map((li) => li.textContent);
    expect(reasons).toEqual(ruleVerdict().reasons);
    // Beside the vote: in the same column, before the form.
    const vote = screen.getByTestId("vote-panel");
    expect(vote.parentElement).toBe(verdict.parentElement);
    expect(screen.getByTestId("vote-choice-scale")).toBeTruthy();
  });

  it("shows the verdict recorded with the decision, and where the group departed from it", async () => {
    const decided = { ...outcomeItem, state: "decided" as const, decisionId: 9 };
    vi.mocked(api.getReview).mockResolvedValue(
      review({ item: decided, items: [decided], decision, decisions: [decision], ruleVerdict: ruleVerdict() }),
    );
    render(ReviewScreen, { pilotId: 1, itemId: 12 });
    const verdict = await screen.findByTestId("rule-verdict");
    expect(verdict.dataset.recorded).toBe("true");
    expect(verdict.textContent).toContain("Recorded with the decision");
    const compare = screen.getByTestId("rule-verdict-compare");
    expect(compare.textContent).toContain("The group decided Iterate, departing from the rule's scale");
    expect(compare.classList.contains("departs")).toBe(true);
    expect(screen.getByTestId("decision-card")).toBeTruthy();
    expect(screen.queryByTestId("vote-submit")).toBeNull();
  });

  it("shows no verdict on other items", async () => {
    vi.mocked(api.getReview).mockResolvedValue(review());
    render(ReviewScreen, { pilotId: 1, itemId: 7 });
    await screen.findByTestId("vote-panel");
    expect(screen.queryByTestId("rule-verdict")).toBeNull();
  });
});

describe("ReviewScreen, changing a vote", () => {
  const mine: Vote = {
    id: 3, itemId: 7, personId: "E1005", name: "Tomasz Nowak", function: "finance", choice: "approve",
    comment: "", at: "2026-12-14T09:30:00Z", superseded: false, recused: false, logId: 11,
  };
  const withVote = (vote: Vote) => review({ me: { ...review().me, vote } });

  it("sends the new choice, says it replaced the earlier vote, and reads the new one back", async () => {
    const changed: Vote = { ...mine, id: 5, choice: "reject", comment: "The tranches are too large", at: "2026-12-15T08:00:00Z", logId: 14 };
    vi.mocked(api.getReview).mockResolvedValueOnce(withVote(mine));
    vi.mocked(api.castVote).mockResolvedValueOnce(withVote(changed));
    render(ReviewScreen, { pilotId: 1, itemId: 7 });
    expect((await screen.findByTestId("vote-readback")).textContent).toContain("You voted Approve on 14 Dec 2026");

    await fireEvent.click(screen.getByTestId("vote-choice-reject"));
    await fireEvent.input(screen.getByTestId("vote-comment"), { target: { value: "The tranches are too large" } });
    await fireEvent.click(screen.getByTestId("vote-submit"));

    const notice = await screen.findByTestId("review-notice");
    expect(notice.textContent).toContain("Your changed vote is recorded in the decision log; it replaces your earlier one.");
    expect(notice.dataset.transient).toBe("true");
    expect(api.castVote).toHaveBeenCalledWith(7, { choice: "reject", comment: "The tranches are too large" });
    expect(screen.getByTestId("vote-readback").textContent).toContain("You voted Reject on 15 Dec 2026");
    expect((screen.getByTestId("vote-choice-reject") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("vote-submit") as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps the news of a decision taken until it is dismissed", async () => {
    const decidedItem = item({ state: "decided", decisionId: 9 });
    const taken: Decision = { ...decision, itemId: 7, kind: "approval", outcome: "approve", outcomeLabel: "Approve", summary: "Approved \"Sales onboarding pilot\": 3 approve of 4 eligible members." };
    vi.mocked(api.getReview).mockResolvedValueOnce(review());
    vi.mocked(api.castVote).mockResolvedValueOnce(
      review({ item: decidedItem, items: [decidedItem], decision: taken, status: status({ outcome: "approve" }), me: { ...review().me, vote: mine } }),
    );
    render(ReviewScreen, { pilotId: 1, itemId: 7 });
    await fireEvent.click(await screen.findByTestId("vote-choice-approve"));
    await fireEvent.click(screen.getByTestId("vote-submit"));
    const notice = await screen.findByTestId("review-notice");
    await waitFor(() => expect(notice.textContent).toContain("The quorum is met: Approved"));
    expect(notice.dataset.transient).toBeUndefined();
  });
});

