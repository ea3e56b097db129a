import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import type { Vote } from "../../api";
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

  describe("for a member who already voted", () => {
    const mine: Vote = {
      id: 3, itemId: 7, personId: "E1005", name: "Tomasz Nowak", function: "finance", choice: "approve",
      comment: "The tranches are sound", at: "2026-12-14T09:30:00Z", superseded: false, recused: false, logId: 11,
    };
    const voted = (vote: Vote = mine) => review({ me: { ...review().me, vote } });
    const submit = () => screen.getByTestId("vote-submit") as HTMLButtonElement;
    const comment = () => screen.getByTestId("vote-comment") as HTMLTextAreaElement;
    const radio = (choice: string) => screen.getByTestId(`vote-choice-${choice}`) as HTMLInputElement;

    it("reads their vote back, selected and filled in, with the date and until when it can change", () => {
      render(VoteForm, { view: voted(), onchange: vi.fn() });
      expect(radio("approve").checked).toBe(true);
      expect(radio("reject").checked).toBe(false);
      expect(comment().value).toBe("The tranches are sound");
      expect(screen.getByTestId("vote-readback").textContent?.replace(/\s+/g, " ").trim()).toBe(
        "You voted Approve on 14 Dec 2026; you can change your vote until the steering group decides.",
      );
      expect(submit().textContent?.trim()).toBe("Change vote");
    });

    it("offers Change vote only once the choice or the comment differs from the record", async () => {
      render(VoteForm, { view: voted(), onchange: vi.fn() });
      expect(submit().disabled).toBe(true);
      await fireEvent.input(comment(), { target: { value: "The tranches are sound; watch the vendor fee" } });
      expect(submit().disabled).toBe(false);
      await fireEvent.input(comment(), { target: { value: "The tranches are sound " } });
      expect(submit().disabled).toBe(true);
      await fireEvent.click(radio("request_changes"));
      expect(submit().disabled).toBe(false);
      await fireEvent.click(radio("approve"));
      expect(submit().disabled).toBe(true);
      await fireEvent.submit(submit().form!);
      expect(api.castVote).not.toHaveBeenCalled();
    });

    it("sends the changed vote and then shows it as recorded", async () => {
      const changed: Vote = { ...mine, id: 4, choice: "request_changes", comment: "Cost the coaches' time", at: "2026-12-16T08:00:00Z", logId: 12 };
      const after = voted(changed);
      vi.mocked(api.castVote).mockResolvedValueOnce(after);
      const onchange = vi.fn();
      const { rerender } = render(VoteForm, { view: voted(), onchange });
      await fireEvent.click(radio("request_changes"));
      await fireEvent.input(comment(), { target: { value: "Cost the coaches' time" } });
      await fireEvent.click(submit());
      await waitFor(() => expect(onchange).toHaveBeenCalledWith(after));
      expect(api.castVote).toHaveBeenCalledWith(7, { choice: "request_changes", comment: "Cost the coaches' time" });
      await rerender({ view: after, onchange });
      expect(radio("request_changes").checked).toBe(true);
      expect(comment().value).toBe("Cost the coaches' time");
      expect(screen.getByTestId("vote-readback").textContent).toContain("You voted Request changes on 16 Dec 2026");
      expect(submit().disabled).toBe(true);
    });

    it("keeps what the member is typing when the review is refreshed with the same vote", async () => {
      const { rerender } = render(VoteForm, { view: voted(), onchange: vi.fn() });
      await fireEvent.input(comment(), { target: { value: "Half-typed" } });
      await rerender({ view: voted({ ...mine }), onchange: vi.fn() });
      expect(comment().value).toBe("Half-typed");
    });

    it("still shows the recorded vote and its date when they can no longer vote", () => {
      const closed = review({ me: { ...review().me, canVote: false, canRecuse: false, note: "Voting has closed", vote: mine } });
      render(VoteForm, { view: closed, onchange: vi.fn() });
      const line = screen.getByTestId("vote-readback").textContent?.replace(/\s+/g, " ");
      expect(line).toContain("You voted Approve on 14 Dec 2026: “The tranches are sound”");
      expect(screen.queryByTestId("vote-submit")).toBeNull();
    });
  });
});
