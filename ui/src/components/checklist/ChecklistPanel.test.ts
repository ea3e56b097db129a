import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { Designer } from "../../lib/designer.svelte";
import { pilotDesign } from "../../test/design";
import ChecklistPanel from "./ChecklistPanel.svelte";
import ChecklistSection from "./ChecklistSection.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const mark = vi.mocked(api.markChecklistItem);
const clear = vi.mocked(api.clearChecklistMark);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

/** The design after the backend accepted a waiver of `key`. */
function waived(key: string, reason: string) {
  const design = pilotDesign();
  const item = design.readiness.steps[0]!.items.find((i) => i.key === key)!;
  item.status = "waived";
  item.mark = { item: key, kind: "waived", reason, by: "Isla Okafor", at: "2026-11-23T12:00:00Z" };
  design.readiness.steps[0]!.done += 1;
  return design;
}

describe("ChecklistPanel", () => {
  it("shows each Step 1 item with its status, reason and mark, and the score", () => {
    render(ChecklistPanel, { props: { designer: new Designer(pilotDesign()) } });
    const panel = screen.getByTestId("checklist");
    expect(within(panel).getByTestId("checklist-score").textContent).toBe("6 of 10");

    const agenda = within(panel).getByTestId("check-ai_agenda");
    expect(agenda.dataset.status).toBe("not_met");
    expect(agenda.textContent).toContain("An AI-assisted agenda set up or waived");
    expect(agenda.textContent).toContain("No AI-assisted agenda is set up");
    expect(within(panel).getByTestId("check-workflows").dataset.status).toBe("met");

    const comparison = within(panel).getByTestId("check-comparison");
    expect(comparison.dataset.status).toBe("waived");
    expect(comparison.textContent).toContain(
      "Waived by Isla Okafor on 23 Nov 2026: Teams are too few to compare this quarter",
    );
    expect(within(panel).getByTestId("withdraw-comparison")).toBeTruthy();
    // A met item cannot be waived.
    expect(within(panel).queryByTestId("waive-workflows")).toBeNull();
    // Steps 2 and 3 are collapsed behind their score.
    expect(within(panel).queryByTestId("check-events_flowing")).toBeNull();
    expect(panel.textContent).toContain("Step 2: Measure and iterate");
  });

  it("waives an item with the reason as typed, and keeps the reason when refused", async () => {
    mark.mockRejectedValueOnce({
      code: "invalid_input",
      message: "1 problem needs fixing",
      details: [{ field: "reason", message: "a waiver needs a recorded reason" }],
    });
    const designer = new Designer(pilotDesign());
    render(ChecklistPanel, { props: { designer } });

    await fireEvent.click(screen.getByTestId("waive-ai_agenda"));
    await fireEvent.input(screen.getByTestId("waive-reason"), { target: { value: "   " } });
    await fireEvent.click(screen.getByTestId("waive-confirm"));
    expect((await screen.findByTestId("error-reason")).textContent).toContain("A waiver needs a recorded reason");

    const reason = "No agenda tool is approved by IT security yet";
    mark.mockResolvedValueOnce(waived("ai_agenda", reason));
    await fireEvent.input(screen.getByTestId("waive-reason"), { target: { value: reason } });
    await fireEvent.click(screen.getByTestId("waive-confirm"));

    expect(mark).toHaveBeenLastCalledWith(1, "ai_agenda", "waived", reason);
    await waitFor(() => expect(screen.getByTestId("check-ai_agenda").dataset.status).toBe("waived"));
    expect(screen.getByTestId("check-ai_agenda").textContent).toContain(`Waived by Isla Okafor on 23 Nov 2026: ${reason}`);
    expect(screen.getByTestId("checklist-score").textContent).toBe("7 of 10");
    expect(screen.queryByTestId("waive-reason")).toBeNull();
  });

  it("withdraws a waiver", async () => {
    const designer = new Designer(pilotDesign());
    const after = pilotDesign();
    const item = after.readiness.steps[0]!.items.find((i) => i.key === "comparison")!;
    item.status = "not_met";
    item.mark = null;
    clear.mockResolvedValue(after);
    render(ChecklistPanel, { props: { designer } });
    await fireEvent.click(screen.getByTestId("withdraw-comparison"));
    expect(clear).toHaveBeenCalledWith(1, "comparison");
    await waitFor(() => expect(screen.getByTestId("check-comparison").dataset.status).toBe("not_met"));
  });
});

describe("ChecklistSection", () => {
  it("shows all three steps in full and offers to confirm by hand only where it applies", async () => {
    const design = pilotDesign();
    const dashboard = design.readiness.steps[1]!.items.find((i) => i.key === "dashboard")!;
    dashboard.status = "not_met";
    render(ChecklistSection, { props: { designer: new Designer(design) } });
    expect(screen.getByTestId("check-events_flowing").dataset.status).toBe("not_yet_applicable");
    expect(screen.getByTestId("check-certified_coaches")).toBeTruthy();
    expect(screen.getByTestId("confirm-dashboard")).toBeTruthy();
    expect(screen.queryByTestId("confirm-ai_agenda")).toBeNull();

    await fireEvent.click(screen.getByTestId("confirm-dashboard"));
    await fireEvent.input(screen.getByTestId("confirm-reason"), { target: { value: "Published on the intranet" } });
    mark.mockResolvedValue(pilotDesign());
    await fireEvent.click(screen.getByTestId("confirm-submit"));
    expect(mark).toHaveBeenCalledWith(1, "dashboard", "confirmed", "Published on the intranet");
  });

  it("offers no Step 1 marks when the design is with the steering group", () => {
    const design = pilotDesign({ editable: false });
    design.pilot.status = "submitted";
    render(ChecklistSection, { props: { designer: new Designer(design) } });
    expect(screen.getByTestId("design-locked").textContent).toContain("withdraw it to Draft");
    expect(screen.queryByTestId("waive-ai_agenda")).toBeNull();
    expect(screen.queryByTestId("withdraw-comparison")).toBeNull();
  });
});
