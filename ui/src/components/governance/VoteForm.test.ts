import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { item, review } from "../../test/governance";
import VoteForm from "./VoteForm.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("VoteForm", () => {
  it("offers the item's choices and casts the chosen vote with its comment", async () => {
    const after = review({ me: { ...review().me, vote: null } });
    vi.mocked(api.castVote).mockResolvedValue(after);
    const onchange = vi.fn();
    render(VoteForm, { view: review(), onchange });
    expect(screen.getByTestId("vote-choice-approve")).toBeTruthy();
    expect(screen.getByTestId("vote-choice-request_changes")).toBeTruthy();
    expect(screen.getByTestId("vote-choice-reject")).toBeTruthy();
    expect(screen.queryByTestId("vote-choice-scale")).toBeNull();
    await fireEvent.click(screen.getByTestId("vote-choice-approve"));
    await fireEvent.input(screen.getByTestId("vote-comment"), { target: { value: "The budget is sound" } });
    await fireEvent.click(screen.getByTestId("vote-submit"));
    await waitFor(() => expect(onchange).toHaveBeenCalledWith(after));
    expect(api.castVote).toHaveBeenCalledWith(7, { choice: "approve", comment: "The budget is sound" });
  });

  it("offers scale, iterate and stop at the day-90 outcome", () => {
    render(VoteForm, { view: review({ item: item({ kind: "day90_outcome" }) }), onchange: vi.fn() });
    expect(screen.getByTestId("vote-choice-scale")).toBeTruthy();
    expect(screen.getByTestId("vote-choice-iterate")).toBeTruthy();
    expect(screen.getByTestId("vote-choice-stop")).toBeTruthy();
    expect(screen.queryByTestId("vote-choice-approve")).toBeNull();
  });

  it("keeps the choice and the comment when the vote is refused, showing why at the field", async () => {
    vi.mocked(api.castVote).mockRejectedValue({
      code: "invalid_input",
      message: "comment: say why you vote to reject",
      details: [{ field: "comment", message: "say why you vote to reject, so the pilot's designers know what to change" }],
    });
    const onchange = vi.fn();
    render(VoteForm, { view: review(), onchange });
    await fireEvent.click(screen.getByTestId("vote-choice-reject"));
    expect(screen.getByText("needed: say what should change")).toBeTruthy();
    await fireEvent.input(screen.getByTestId("vote-comment"), { target: { value: "  " } });
    await fireEvent.click(screen.getByTestId("vote-submit"));
    const error = await screen.findByTestId("error-comment");
    expect(error.textContent).toContain("Say why you vote to reject");
    expect((screen.getByTestId("vote-choice-reject") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("vote-comment") as HTMLTextAreaElement).value).toBe("  ");
    expect(onchange).not.toHaveBeenCalled();
  });

  it("asks for a choice before sending anything", async () => {
    render(VoteForm, { view: review(), onchange: vi.fn() });
    await fireEvent.click(screen.getByTestId("vote-submit"));
    expect((await screen.findByTestId("error-choice")).textContent).toContain("Choose how you vote");
    expect(api.castVote).not.toHaveBeenCalled();
  });

  it("records a recusal with its reason", async () => {
    vi.mocked(api.recuseFromItem).mockResolvedValue(review());
    const onchange = vi.fn();
    render(VoteForm, { view: review(), onchange });
    await fireEvent.click(screen.getByTestId("recuse-open"));
    await fireEvent.input(screen.getByTestId("recuse-reason"), { target: { value: "I sponsor this pilot" } });
    await fireEvent.click(screen.getByTestId("recuse-confirm"));
    await waitFor(() => expect(onchange).toHaveBeenCalled());
    expect(api.recuseFromItem).toHaveBeenCalledWith(7, "I sponsor this pilot");
  });

  it("tells someone outside the steering group why they cannot vote", () => {
    const outsider = review({
      me: {
        personId: "E1040",
        name: "Isla Okafor",
        function: null,
        canVote: false,
        canRecuse: false,
        note: "Isla Okafor is not a member of the steering group; only members vote",
        vote: null,
        recused: false,
      },
    });
    render(VoteForm, { view: outsider, onchange: vi.fn() });
    expect(screen.getByTestId("vote-unavailable").textContent).toContain("only members vote");
    expect(screen.queryByTestId("vote-submit")).toBeNull();
  });
});
