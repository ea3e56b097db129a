import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, chooseExportPath, type BundleView } from "../../api";
import { review } from "../../test/governance";
import BallotForm from "./BallotForm.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const me = { personId: "E1005", name: "Tomasz Nowak", function: "finance" as const, fingerprint: "AAAA-BBBB-CCCC-DDDD-EEEE", publicKey: "k" };

function bundle(overrides: Partial<BundleView> = {}): BundleView {
  return {
    hash: "h", bundleId: "b", version: 1, sentAt: "2026-11-29T10:00:00Z", senderName: "Helen Castillo",
    senderFingerprint: "1111-2222-3333-4444-5555", itemId: 7, itemKind: "approval", subject: "Approve the pilot",
    dueOn: "2026-12-10", options: ["approve", "request_changes", "reject"], review: review(), roster: [me], me,
    myFingerprint: me.fingerprint, cannotVote: null, packFileName: "proposal.pdf", packHash: "p", packBytes: 2048, cast: [],
    ...overrides,
  };
}

describe("BallotForm", () => {
  it("signs the chosen vote into the file the save dialog named", async () => {
    vi.mocked(chooseExportPath).mockResolvedValue("/tmp/tomasz.ballot");
    const after = bundle({ cast: [{ id: 1, bundleHash: "h", pilotName: "P", subject: "S", choice: "approve", comment: "Fine", castAt: "2026-11-29T11:00:00Z", fileHash: "f" }] });
    vi.mocked(api.voteByBallot).mockResolvedValue(after);
    const onchange = vi.fn();
    render(BallotForm, { view: bundle(), bundlePath: "/tmp/a.pdreview", onchange });
    await fireEvent.click(screen.getByTestId("ballot-choice-approve"));
    await fireEvent.input(screen.getByTestId("ballot-comment"), { target: { value: "Fine" } });
    await fireEvent.click(screen.getByTestId("ballot-save"));
    await waitFor(() => expect(onchange).toHaveBeenCalledWith(after, "/tmp/tomasz.ballot"));
    expect(api.voteByBallot).toHaveBeenCalledWith("/tmp/a.pdreview", { choice: "approve", comment: "Fine" }, "/tmp/tomasz.ballot");
  });

  it("keeps the choice and the comment when the ballot is refused", async () => {
    vi.mocked(chooseExportPath).mockResolvedValue("/tmp/t.ballot");
    vi.mocked(api.voteByBallot).mockRejectedValue({
      code: "invalid_input",
      message: "say why",
      details: [{ field: "comment", message: "say why you vote to reject" }],
    });
    render(BallotForm, { view: bundle(), bundlePath: "/tmp/a.pdreview", onchange: vi.fn() });
    await fireEvent.click(screen.getByTestId("ballot-choice-reject"));
    await fireEvent.input(screen.getByTestId("ballot-comment"), { target: { value: "  " } });
    await fireEvent.click(screen.getByTestId("ballot-save"));
    expect(await screen.findByTestId("ballot-error-comment")).toBeTruthy();
    expect((screen.getByTestId("ballot-choice-reject") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("ballot-comment") as HTMLTextAreaElement).value).toBe("  ");
  });

  it("says why a machine whose key is not on the roster cannot vote, and offers no form", () => {
    render(BallotForm, { view: bundle({ me: null, cannotVote: "Your key 9999 is not on this bundle's roster" }), bundlePath: "/x", onchange: vi.fn() });
    expect(screen.getByTestId("ballot-unavailable").textContent).toMatch(/not on this bundle's roster/);
    expect(screen.queryByTestId("ballot-save")).toBeNull();
  });

  it("asks for a choice before asking where to save", async () => {
    render(BallotForm, { view: bundle(), bundlePath: "/x", onchange: vi.fn() });
    await fireEvent.click(screen.getByTestId("ballot-save"));
    expect(await screen.findByTestId("ballot-error-choice")).toBeTruthy();
    expect(chooseExportPath).not.toHaveBeenCalled();
  });
});
