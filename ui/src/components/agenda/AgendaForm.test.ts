import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { agendaSettings, modelPreview, openAgenda } from "../../test/agenda";
import { quickLogOptions } from "../../test/coaching";
import AgendaForm from "./AgendaForm.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const generate = vi.mocked(api.generateAgenda);
const previewRequest = vi.mocked(api.previewAgendaRequest);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const key = (id: string, k: string) => fireEvent.keyDown(screen.getByTestId(id), { key: k });

function open(modelEnabled = false, defaultManager: string | null = null) {
  const ongenerated = vi.fn();
  render(AgendaForm, {
    props: { options: { ...quickLogOptions, defaultManager }, settings: agendaSettings(modelEnabled), ongenerated },
  });
  return ongenerated;
}

async function choose(id: string, typed: string) {
  await fireEvent.input(screen.getByTestId(id), { target: { value: typed } });
  await key(id, "Enter");
}

describe("AgendaForm", () => {
  it("starts with the running pilot, the task coached longest ago and the pilot's own context", () => {
    open();
    expect(input("ag-pilot").value).toBe("Sales onboarding coaching pilot");
    expect(input("ag-manager").value).toBe("");
    expect(input("ag-coachee").placeholder).toBe("Choose the manager first");
    expect(input("ag-task").value).toBe("The task coached longest ago");
    const context = screen.getByTestId("ag-context") as HTMLSelectElement;
    expect(context.value).toBe("");
    expect(context.options[0]!.textContent).toBe("Let the pilot decide");
    // Higher-risk contexts show, off, with the reason.
    const off = Array.from(context.options).filter((o) => o.disabled).map((o) => o.textContent);
    expect(off).toEqual(["Performance conversation (off in Settings)", "Conflict (off in Settings)"]);
    expect(Array.from(context.options).find((o) => o.value === "skill_practice")?.disabled).toBe(false);
    // The local model is off: only the offline button.
    expect(screen.queryByTestId("agenda-ask-model")).toBeNull();
    expect(screen.getByTestId("agenda-write").textContent).toContain("Write agenda");
  });

  it("lists the pilot's own managers first", async () => {
    open();
    await fireEvent.input(screen.getByTestId("ag-manager"), { target: { value: "" } });
    await key("ag-manager", "ArrowDown");
    const first = within(screen.getByTestId("ag-manager-list")).getAllByRole("option")[0]!;
    expect(first.textContent).toContain("Mei Walsh");
    expect(first.textContent).toContain("in this pilot");
  });

  it("writes the agenda offline for the pair chosen", async () => {
    const ongenerated = open(false, "E1060");
    await choose("ag-coachee", "nadia");
    await choose("ag-task", "qualify");
    const agenda = openAgenda();
    generate.mockResolvedValue(agenda);
    await fireEvent.click(screen.getByTestId("agenda-write"));
    await waitFor(() => expect(ongenerated).toHaveBeenCalledWith(agenda));
    expect(generate).toHaveBeenCalledWith({
      managerId: "E1060", coacheeId: "E1062", pilotId: 1, taskId: 2, context: "", useModel: false, previewHash: null,
    });
  });

  it("shows a refusal at its field, and a context that is off as a banner", async () => {
    open();
    generate.mockRejectedValueOnce({ code: "invalid_input", message: "1 problem", details: [{ field: "managerId", message: "choose the manager" }] });
    await fireEvent.click(screen.getByTestId("agenda-write"));
    await screen.findByTestId("error-managerId");
    expect(document.activeElement).toBe(input("ag-manager"));
    generate.mockRejectedValueOnce({ code: "conflict", message: "agenda suggestions are off for conflict in this workspace", details: [] });
    await waitFor(() => expect((screen.getByTestId("agenda-write") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("agenda-write"));
    expect((await screen.findByRole("alert")).textContent).toContain("Agenda suggestions are off for conflict");
  });

  it("shows exactly what the local model would be sent, and sends it with the preview's hash", async () => {
    const ongenerated = open(true, "E1060");
    await choose("ag-coachee", "nadia");
    previewRequest.mockResolvedValue(modelPreview);
    await fireEvent.click(screen.getByTestId("agenda-ask-model"));
    const dialog = await screen.findByTestId("model-preview");
    expect(previewRequest).toHaveBeenCalledWith(expect.objectContaining({ managerId: "E1060", coacheeId: "E1062", useModel: false }));
    expect(generate).not.toHaveBeenCalled();
    expect(within(dialog).getByTestId("model-preview-url").textContent).toBe("http://127.0.0.1:8080/v1/chat/completions");
    expect(within(dialog).getByTestId("model-preview-body").textContent).toBe(modelPreview.body);
    expect(within(dialog).getByTestId("model-preview-placeholders").textContent).toContain("[COACHEE] the coachee");

    let answer!: (agenda: ReturnType<typeof openAgenda>) => void;
    generate.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await fireEvent.click(within(dialog).getByTestId("model-preview-send"));
    expect(generate).toHaveBeenCalledWith(expect.objectContaining({ useModel: true, previewHash: modelPreview.hash, coacheeId: "E1062" }));
    // While the model thinks, the dialog says so and cannot be sent twice.
    expect((await screen.findByTestId("model-waiting")).textContent).toContain("30 seconds");
    expect((screen.getByTestId("model-preview-send") as HTMLButtonElement).disabled).toBe(true);
    const written = openAgenda({ source: "model", sourceNote: "Written by the local model at http://127.0.0.1:8080/v1/chat/completions" });
    answer(written);
    await waitFor(() => expect(ongenerated).toHaveBeenCalledWith(written));
    expect(screen.queryByTestId("model-preview")).toBeNull();
  });

  it("sends nothing when the preview is cancelled", async () => {
    open(true, "E1060");
    await choose("ag-coachee", "oliver");
    previewRequest.mockResolvedValue(modelPreview);
    await fireEvent.click(screen.getByTestId("agenda-ask-model"));
    await fireEvent.click(await screen.findByTestId("model-preview-cancel"));
    expect(screen.queryByTestId("model-preview")).toBeNull();
    expect(generate).not.toHaveBeenCalled();
  });
});
