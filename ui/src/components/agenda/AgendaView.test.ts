import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { get } from "svelte/store";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, chooseExportPath, type Agenda } from "../../api";
import { quickLogOffer, quickLogOpen, quickLogPrefill, toast } from "../../lib/coaching";
import { openAgenda } from "../../test/agenda";
import AgendaView from "./AgendaView.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const edit = vi.mocked(api.editAgendaItem);
const accept = vi.mocked(api.acceptAgenda);
const reject = vi.mocked(api.rejectAgenda);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  quickLogOpen.set(false);
  quickLogPrefill.set(null);
});

/** Renders the agenda the way its parent does: whatever the backend hands back is shown. */
function show(agenda: Agenda) {
  const onchanged = vi.fn();
  const view = render(AgendaView, { props: { agenda, onchanged } });
  onchanged.mockImplementation((next: Agenda) => view.rerender({ agenda: next, onchanged }));
  return onchanged;
}

const withText = (agenda: Agenda, position: number, text: string): Agenda => ({
  ...agenda,
  items: agenda.items.map((i) => (i.position === position ? { ...i, text } : i)),
});

describe("AgendaView", () => {
  it("shows who, what, each item with its label, and what it rests on", () => {
    show(openAgenda());
    expect(screen.getByRole("heading", { name: "Mei Walsh with Nadia Owusu" })).toBeTruthy();
    const meta = screen.getByTestId("agenda-meta").textContent ?? "";
    for (const part of ["Qualify every deal against the framework", "Onboarding", "14 minutes", "Written offline"]) {
      expect(meta).toContain(part);
    }
    const items = screen.getAllByTestId("agenda-item");
    expect(items.map((i) => i.querySelector(".label")?.textContent)).toEqual([
      "Opening question", "Conversation prompt", "Conversation prompt", "Short practice", "Commitment", "Next module or sample",
    ]);
    expect(screen.getByRole("button", { name: "Edit prompt 2" })).toBeTruthy();
    expect(screen.getByTestId("agenda-basis").textContent).toContain("What this rests on");
    expect(screen.getByTestId("agenda-basis").textContent).toContain("40 days since joining");
    expect(screen.queryByTestId("agenda-outcome")).toBeNull();
  });

  it("says when the local model fell back, and when it wrote the agenda", () => {
    show(openAgenda({ source: "fallback", sourceNote: "The local model could not be used: it took longer than 30 s." }));
    expect(screen.getByTestId("agenda-fallback").textContent).toContain("took longer than 30 s");
    cleanup();
    show(openAgenda({ source: "model", sourceNote: "Written by the local model at http://127.0.0.1:8080/v1/chat/completions" }));
    expect(screen.getByTestId("agenda-model-note").textContent).toContain("Written by the local model");
  });

  it("edits a prompt, marks it edited, then accepts: edit first, accept second", async () => {
    const agenda = openAgenda();
    const changed = withText(agenda, 3, "Which deal is weakest, and what would qualify it?");
    edit.mockResolvedValue(changed);
    accept.mockResolvedValue({ ...changed, status: "edited", changeShare: 0.12, decidedAt: "2026-11-23T10:20:00Z" });
    show(agenda);

    await fireEvent.click(screen.getByRole("button", { name: "Edit prompt 2" }));
    const box = screen.getByTestId("agenda-item-text") as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(box.value).toBe("Which deal would you drop today, and why?");
    // Accept waits for the item being edited.
    expect((screen.getByTestId("agenda-accept") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(box, { target: { value: "Which deal is weakest, and what would qualify it?" } });
    await fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.queryByTestId("agenda-item-text")).toBeNull());
    expect(edit).toHaveBeenCalledWith({ agendaId: 12, position: 3, text: "Which deal is weakest, and what would qualify it?" });
    const edited = screen.getAllByTestId("agenda-item")[2]!;
    expect(within(edited).getByTestId("agenda-item-edited")).toBeTruthy();

    await fireEvent.click(screen.getByTestId("agenda-accept"));
    await screen.findByTestId("agenda-outcome");
    expect(accept).toHaveBeenCalledWith(12);
    expect(edit.mock.invocationCallOrder[0]!).toBeLessThan(accept.mock.invocationCallOrder[0]!);
    expect(screen.getByTestId("agenda-outcome").textContent).toBe("Accepted with 12% changed");
    expect(screen.queryAllByTestId("agenda-item-edit")).toHaveLength(0);
    expect(screen.queryByTestId("agenda-accept")).toBeNull();
    expect(screen.queryByTestId("agenda-reject")).toBeNull();
    expect(screen.getByTestId("agenda-print")).toBeTruthy();
  });

  it("cancels an edit with Escape and keeps the words", async () => {
    show(openAgenda());
    await fireEvent.click(screen.getByRole("button", { name: "Edit opening question" }));
    const box = screen.getByTestId("agenda-item-text");
    await fireEvent.input(box, { target: { value: "Something else" } });
    await fireEvent.keyDown(box, { key: "Escape" });
    expect(screen.queryByTestId("agenda-item-text")).toBeNull();
    expect(edit).not.toHaveBeenCalled();
    expect(screen.getAllByTestId("agenda-item-words")[0]!.textContent).toBe("Nadia, what went better than you expected this week?");
  });

  it("rejects with a reason from the short list and a note", async () => {
    reject.mockResolvedValue(openAgenda({ status: "rejected", rejectReason: "too_generic", rejectNote: "Past week one." }));
    show(openAgenda());
    await fireEvent.click(screen.getByTestId("agenda-reject"));
    const dialog = await screen.findByTestId("reject-dialog");
    const radios = within(dialog).getAllByRole("radio").map((r) => (r.closest("label")?.textContent ?? "").trim());
    expect(radios).toEqual(["Not relevant to this person", "Gets the facts wrong", "Wrong tone", "Too generic", "Not the right moment"]);
    // A reason is needed before anything is sent.
    await fireEvent.click(within(dialog).getByTestId("reject-confirm"));
    expect(within(dialog).getByTestId("error-reason")).toBeTruthy();
    expect(reject).not.toHaveBeenCalled();

    await fireEvent.click(within(dialog).getByTestId("reject-reason-too_generic"));
    await fireEvent.input(within(dialog).getByTestId("reject-note"), { target: { value: "Past week one." } });
    await fireEvent.click(within(dialog).getByTestId("reject-confirm"));
    await waitFor(() => expect(screen.queryByTestId("reject-dialog")).toBeNull());
    expect(reject).toHaveBeenCalledWith({ agendaId: 12, reason: "too_generic", note: "Past week one." });
    expect(screen.getByTestId("agenda-outcome").textContent).toBe("Rejected: Too generic");
    expect(screen.queryAllByTestId("agenda-item-edit")).toHaveLength(0);
  });

  it("offers the moment to Ctrl+L while shown, and logs it from the button", async () => {
    show(openAgenda());
    expect(get(quickLogOffer)).toEqual(expect.objectContaining({ coacheeId: "E1062", minutes: "14", kind: "ai_agenda" }));
    await fireEvent.click(screen.getByTestId("agenda-log"));
    expect(get(quickLogOpen)).toBe(true);
    expect(get(quickLogPrefill)?.notes).toBe("From agenda 12: Qualify the next three deals before the forecast call.");
    cleanup();
    expect(get(quickLogOffer)).toBeNull();
  });

  it("prints through the save dialog, and copies the text", async () => {
    vi.mocked(chooseExportPath).mockResolvedValue("/home/ana/agenda.pdf");
    vi.mocked(api.saveAgendaCard).mockResolvedValue(null);
    show(openAgenda({ status: "accepted" }));
    await fireEvent.click(screen.getByTestId("agenda-print"));
    await waitFor(() => expect(api.saveAgendaCard).toHaveBeenCalledWith(12, "/home/ana/agenda.pdf"));
    expect(chooseExportPath).toHaveBeenCalledWith("agenda-nadia-owusu-12.pdf", { name: "PDF", extension: "pdf" }, "Save agenda");

    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal("navigator", { clipboard: { writeText } });
    await fireEvent.click(screen.getByTestId("agenda-copy"));
    await waitFor(() => expect(get(toast)?.message).toBe("Copied"));
    expect(writeText.mock.calls[0]![0]).toContain("Coaching agenda: Mei Walsh with Nadia Owusu");
    vi.unstubAllGlobals();
  });
});
