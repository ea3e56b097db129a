import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { get } from "svelte/store";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, type CoachingEvent } from "../../api";
import { coachingChanged, quickLogPrefill, toast } from "../../lib/coaching";
import { quickLogOptions } from "../../test/coaching";
import QuickLogDialog from "./QuickLogDialog.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const options = vi.mocked(api.quickLogOptions);
const log = vi.mocked(api.logCoaching);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const key = (id: string, k: string) => fireEvent.keyDown(screen.getByTestId(id), { key: k });

async function open(defaultManager: string | null = null) {
  options.mockResolvedValue({ ...quickLogOptions, defaultManager });
  const onclose = vi.fn();
  render(QuickLogDialog, { props: { onclose } });
  await screen.findByTestId("ql-manager");
  return onclose;
}

describe("QuickLogDialog", () => {
  it("starts in the manager box, with sensible defaults", async () => {
    await open();
    await waitFor(() => expect(document.activeElement).toBe(input("ql-manager")));
    expect((screen.getByTestId("ql-kind") as HTMLSelectElement).value).toBe("micro_coaching");
    expect(input("ql-minutes").value).toBe("10");
    expect(input("ql-pilot").value).toBe("Sales onboarding coaching pilot");
    expect(input("ql-task").value).toBe("No specific task");
    expect(screen.getByLabelText("Task")).toBe(input("ql-task"));
    expect(input("ql-when").value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it("starts in the coachee box when the current user manages people", async () => {
    await open("E1060");
    await waitFor(() => expect(document.activeElement).toBe(input("ql-coachee")));
    expect(input("ql-manager").value).toBe("Mei Walsh");
  });

  it("picks from the keyboard: type to filter, arrows to move, Enter to pick", async () => {
    await open();
    await fireEvent.input(screen.getByTestId("ql-manager"), { target: { value: "anais" } });
    const list = screen.getByTestId("ql-manager-list");
    expect(list.textContent).toContain("Anaïs Bennett");
    expect(list.textContent).not.toContain("Mei Walsh");
    await key("ql-manager", "Enter");
    expect(input("ql-manager").dataset.value).toBe("E1040");
    expect(screen.queryByTestId("ql-manager-list")).toBeNull();

    // Cleared and left: stays empty.
    await fireEvent.input(screen.getByTestId("ql-coachee"), { target: { value: "" } });
    await key("ql-coachee", "Tab");
    expect(input("ql-coachee").dataset.value).toBe("");
    // Arrowed to an option: Tab takes it.
    await key("ql-coachee", "ArrowDown");
    expect(screen.getByTestId("ql-coachee-list").textContent).toContain("Zoë Kim");
    await key("ql-coachee", "Tab");
    expect(input("ql-coachee").dataset.value).toBe("E1041");
    // Typed without accents: Tab takes the match.
    await fireEvent.input(screen.getByTestId("ql-coachee"), { target: { value: "zoe" } });
    await key("ql-coachee", "Tab");
    expect(input("ql-coachee").dataset.value).toBe("E1041");
  });

  it("logs the moment, tells the rest of the app and closes", async () => {
    const onclose = await open("E1060");
    await fireEvent.input(screen.getByTestId("ql-coachee"), { target: { value: "nadia" } });
    await key("ql-coachee", "Enter");
    await fireEvent.input(screen.getByTestId("ql-task"), { target: { value: "qualify" } });
    await key("ql-task", "Enter");
    await fireEvent.input(screen.getByTestId("ql-minutes"), { target: { value: "12" } });
    await fireEvent.input(screen.getByTestId("ql-notes"), { target: { value: "Pipeline review" } });
    log.mockResolvedValue({
      id: 9, uid: "6f1c9d2e-0a4b-4c3d-9e8f-112233445566", managerId: "E1060", managerName: "Mei Walsh",
      coacheeId: "E1062", coacheeName: "Nadia Owusu", occurredAt: "2026-11-23T10:15:00", minutes: 12,
      kind: "micro_coaching", pilotId: 1, pilotName: "Sales onboarding coaching pilot", taskId: 2,
      task: "Qualify every deal against the framework", notes: "Pipeline review", source: "quick_log",
    });
    const changedBefore = get(coachingChanged);
    // Enter in any box saves.
    await key("ql-notes", "Enter");
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ managerId: "E1060", coacheeId: "E1062", kind: "micro_coaching", minutes: "12", pilotId: 1, taskId: 2, notes: "Pipeline review" }),
    );
    expect(get(coachingChanged)).toBe(changedBefore + 1);
    expect(get(toast)?.message).toBe("Logged 12 minutes of micro-coaching by Mei Walsh with Nadia Owusu");
  });

  it("saves with Enter from a combobox whose list is closed", async () => {
    await open("E1060");
    await fireEvent.input(screen.getByTestId("ql-coachee"), { target: { value: "oliver" } });
    log.mockRejectedValue({ code: "invalid_input", message: "x", details: [{ field: "minutes", message: "bad" }] });
    // The first Enter picks from the open list; the second saves.
    await key("ql-coachee", "Enter");
    expect(log).not.toHaveBeenCalled();
    await key("ql-coachee", "Enter");
    await waitFor(() => expect(log).toHaveBeenCalledTimes(1));
    expect(log.mock.calls[0]![0].coacheeId).toBe("E1061");
  });

  it("keeps what was typed and shows each refusal at its field", async () => {
    const onclose = await open("E1060");
    await fireEvent.input(screen.getByTestId("ql-minutes"), { target: { value: "-5" } });
    log.mockRejectedValue({
      code: "invalid_input",
      message: "2 problems need fixing",
      details: [
        { field: "coacheeId", message: "choose who was coached" },
        { field: "minutes", message: "the duration -5 is negative; a coaching event lasts at least one minute" },
      ],
    });
    await fireEvent.submit(screen.getByRole("form", { name: "Coaching moment" }));
    await screen.findByTestId("error-minutes");
    expect(screen.getByTestId("error-coacheeId").textContent).toContain("Choose who was coached");
    expect(input("ql-minutes").value).toBe("-5");
    expect(document.activeElement).toBe(input("ql-coachee"));
    expect(onclose).not.toHaveBeenCalled();
  });

  it("closes with Escape, unless a list is open, which Escape closes first", async () => {
    const onclose = await open();
    await fireEvent.input(screen.getByTestId("ql-manager"), { target: { value: "m" } });
    await key("ql-manager", "Escape");
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.queryByTestId("ql-manager-list")).toBeNull();
    await key("ql-manager", "Escape");
    expect(onclose).toHaveBeenCalled();
  });

  it("starts from a prefill (an agenda's moment), takes it once, and logs it as it stands", async () => {
    quickLogPrefill.set({
      managerId: "E1060", coacheeId: "E1062", pilotId: 1, taskId: 2, kind: "ai_agenda", minutes: "14",
      notes: "From agenda 12: Qualify the next three deals before the forecast call.",
    });
    const onclose = await open();
    expect(get(quickLogPrefill)).toBeNull();
    expect(input("ql-manager").value).toBe("Mei Walsh");
    expect(input("ql-coachee").value).toBe("Nadia Owusu");
    expect((screen.getByTestId("ql-kind") as HTMLSelectElement).value).toBe("ai_agenda");
    expect(input("ql-minutes").value).toBe("14");
    expect(input("ql-pilot").value).toBe("Sales onboarding coaching pilot");
    expect(input("ql-task").value).toBe("Qualify every deal against the framework");
    expect(input("ql-when").value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Only the note may want a word more.
    await waitFor(() => expect(document.activeElement).toBe(input("ql-notes")));
    log.mockResolvedValue({
      id: 10, uid: "6f1c9d2e-0a4b-4c3d-9e8f-112233445567", managerId: "E1060", managerName: "Mei Walsh",
      coacheeId: "E1062", coacheeName: "Nadia Owusu", occurredAt: "2026-11-23T10:15:00", minutes: 14,
      kind: "ai_agenda", pilotId: 1, pilotName: "Sales onboarding coaching pilot", taskId: 2,
      task: "Qualify every deal against the framework", notes: "From agenda 12", source: "quick_log",
    });
    await key("ql-notes", "Enter");
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(log).toHaveBeenCalledWith(expect.objectContaining({
      managerId: "E1060", coacheeId: "E1062", kind: "ai_agenda", minutes: "14", pilotId: 1, taskId: 2,
      notes: "From agenda 12: Qualify the next three deals before the forecast call.",
    }));

    // The next opening is a blank moment again.
    cleanup();
    await open();
    expect(input("ql-coachee").value).toBe("");
    expect((screen.getByTestId("ql-kind") as HTMLSelectElement).value).toBe("micro_coaching");
  });

  it("keeps a prefilled pilot only when the quick log offers it", async () => {
    quickLogPrefill.set({ managerId: "E1060", coacheeId: "E1061", pilotId: 9, taskId: 40, kind: "ai_agenda", minutes: "12" });
    await open();
    // Pilot 9 is not offered (finished): the manager's own pilot, no task.
    expect(input("ql-pilot").value).toBe("Sales onboarding coaching pilot");
    expect(input("ql-task").value).toBe("No specific task");
  });

  describe("a moment the playbook would not expect", () => {
    const surprise = {
      code: "needs_confirmation",
      message: "please confirm 2 things first",
      details: [
        { field: "minutes", message: "60 minutes is long for micro-coaching: the playbook's moments take 5 to 15 minutes, and more than 30 is not expected. If it was a live check-in, choose that type; otherwise confirm it." },
        { field: "occurredAt", message: "\"Sales onboarding coaching pilot\" starts on 14 Dec 2026; a moment on 1 Dec 2026 comes before it, so the pilot's figures count it as baseline, not coaching. Check the date, or confirm it." },
      ],
    };
    const logged: CoachingEvent = {
      id: 11, uid: "6f1c9d2e-0a4b-4c3d-9e8f-112233445568", managerId: "E1060", managerName: "Mei Walsh",
      coacheeId: "E1061", coacheeName: "Oliver Ahmed", occurredAt: "2026-12-01T10:00:00", minutes: 60,
      kind: "micro_coaching", pilotId: 1, pilotName: "Sales onboarding coaching pilot", taskId: null,
      task: null, notes: "", source: "quick_log",
    };

    async function typeALongEarlyMoment() {
      const onclose = await open("E1060");
      await fireEvent.input(screen.getByTestId("ql-coachee"), { target: { value: "oliver" } });
      await key("ql-coachee", "Enter");
      await fireEvent.input(screen.getByTestId("ql-minutes"), { target: { value: "60" } });
      await fireEvent.input(screen.getByTestId("ql-when"), { target: { value: "2026-12-01 10:00" } });
      return onclose;
    }

    it("asks first, keeping everything typed, with each reason at its field", async () => {
      const onclose = await typeALongEarlyMoment();
      log.mockRejectedValueOnce(surprise);
      await key("ql-when", "Enter");

      const panel = await screen.findByTestId("quicklog-confirm");
      expect(panel.getAttribute("role")).toBe("alert");
      expect(log).toHaveBeenCalledWith(expect.objectContaining({ minutes: "60", occurredAt: "2026-12-01 10:00", confirmed: false }));
      const reasons = Array.from(panel.querySelectorAll("li")).map((li) => li.textContent?.replace(/\s+/g, " ").trim());
      expect(reasons[0]).toMatch(/^Minutes: 60 minutes is long for micro-coaching/);
      expect(reasons[1]).toMatch(/^When: "Sales onboarding coaching pilot" starts on 14 Dec 2026/);
      expect(screen.getByTestId("quicklog-confirm").textContent).toContain("60 minutes is long for micro-coaching");
      expect(screen.getByTestId("quicklog-confirm").textContent).toContain("comes before it");
      // Each field asked about points to the question, and says so to a screen reader.
      expect(document.getElementById("ql-minutes-warning")?.textContent).toContain("Asked about above");
      expect(input("ql-minutes").getAttribute("aria-describedby")).toContain("ql-minutes-warning");
      expect(document.getElementById("ql-when-warning")?.textContent).toContain("Asked about above");
      expect(input("ql-minutes").value).toBe("60");
      expect(input("ql-when").value).toBe("2026-12-01 10:00");
      expect(input("ql-coachee").value).toBe("Oliver Ahmed");
      expect(document.activeElement).toBe(panel);
      expect(onclose).not.toHaveBeenCalled();
    });

    it("logs it anyway by sending the same moment again, confirmed", async () => {
      const onclose = await typeALongEarlyMoment();
      log.mockRejectedValueOnce(surprise);
      await key("ql-when", "Enter");
      await screen.findByTestId("quicklog-confirm");
      log.mockResolvedValueOnce(logged);
      await fireEvent.click(screen.getByTestId("quicklog-confirm-anyway"));
      await waitFor(() => expect(onclose).toHaveBeenCalled());
      expect(log).toHaveBeenCalledTimes(2);
      const [first, second] = log.mock.calls.map((call) => call[0]);
      expect(first!.confirmed).toBe(false);
      expect(second).toEqual({ ...first, confirmed: true });
      expect(get(toast)?.message).toBe("Logged 60 minutes of micro-coaching by Mei Walsh with Oliver Ahmed");
    });

    it("goes back to the first named field, and a change asks again before logging", async () => {
      await typeALongEarlyMoment();
      log.mockRejectedValueOnce(surprise);
      await key("ql-when", "Enter");
      await screen.findByTestId("quicklog-confirm");
      await fireEvent.click(screen.getByText("Go back and change it"));
      expect(screen.queryByTestId("quicklog-confirm")).toBeNull();
      expect(document.activeElement).toBe(input("ql-minutes"));
      // The note stays at the field while it is changed.
      expect(document.getElementById("ql-minutes-warning")).not.toBeNull();

      await fireEvent.input(screen.getByTestId("ql-minutes"), { target: { value: "12" } });
      log.mockRejectedValueOnce({ ...surprise, details: [surprise.details[1]!] });
      await key("ql-minutes", "Enter");
      await screen.findByTestId("quicklog-confirm");
      expect(log.mock.calls[1]![0]).toMatchObject({ minutes: "12", confirmed: false });
      expect(document.getElementById("ql-minutes-warning")).toBeNull();
    });

    it("withdraws the question and the confirmation once anything is changed", async () => {
      await typeALongEarlyMoment();
      log.mockRejectedValueOnce(surprise);
      await key("ql-when", "Enter");
      await screen.findByTestId("quicklog-confirm");
      // Confirmed, then refused for something else: the confirmation holds for this moment only.
      log.mockRejectedValueOnce({ code: "invalid_input", message: "notes: too long", details: [{ field: "notes", message: "a note is at most 500 characters" }] });
      await fireEvent.click(screen.getByTestId("quicklog-confirm-anyway"));
      await screen.findByTestId("error-notes");
      expect(log.mock.calls[1]![0].confirmed).toBe(true);

      await fireEvent.input(screen.getByTestId("ql-notes"), { target: { value: "Shorter" } });
      log.mockResolvedValueOnce(logged);
      await key("ql-notes", "Enter");
      await waitFor(() => expect(log).toHaveBeenCalledTimes(3));
      expect(log.mock.calls[2]![0]).toMatchObject({ notes: "Shorter", confirmed: false });
    });

    it("hides the question as soon as a field changes", async () => {
      await typeALongEarlyMoment();
      log.mockRejectedValueOnce(surprise);
      await key("ql-when", "Enter");
      await screen.findByTestId("quicklog-confirm");
      await fireEvent.input(screen.getByTestId("ql-minutes"), { target: { value: "15" } });
      expect(screen.queryByTestId("quicklog-confirm")).toBeNull();
    });
  });
});

