import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type ApiError } from "../../api";
import { Designer } from "../../lib/designer.svelte";
import { pilotDesign, templates } from "../../test/design";
import PlaybooksSection from "./PlaybooksSection.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const update = vi.mocked(api.updateTask);
const add = vi.mocked(api.addTask);

beforeEach(() => {
  vi.mocked(api.listTemplates).mockResolvedValue(templates);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const value = (id: string) => (screen.getByTestId(id) as HTMLInputElement).value;
const type = (id: string, text: string) => fireEvent.input(screen.getByTestId(id), { target: { value: text } });

describe("PlaybooksSection", () => {
  it("shows each workflow's tasks as cards with their moments and links", () => {
    render(PlaybooksSection, { props: { designer: new Designer(pilotDesign()) } });
    expect(screen.getByTestId("workflow-0").textContent).toContain("Sales onboarding");
    const card = screen.getByTestId("task-0-0");
    expect(card.textContent).toContain("Uncover the buyer's business problem");
    expect(card.textContent).toContain("Twice a week · 10 min");
    expect(card.textContent).toContain("Consultative discovery");
    expect(card.textContent).toContain("Discovery questioning");
    expect(card.textContent).toContain("Days to first closed deal");
    expect(screen.getByTestId("task-1-0")).toBeTruthy();
    expect((screen.getByTestId("add-task-0") as HTMLButtonElement).disabled).toBe(false);
  });

  it("sends the task as typed and shows a refused moment at its input, keeping what was typed", async () => {
    const refusal: ApiError = {
      code: "invalid_input",
      message: "1 problem needs fixing",
      details: [{ field: "moments.0.minutes", message: "a micro-coaching moment takes 5 to 15 minutes" }],
    };
    update.mockRejectedValueOnce(refusal);
    const designer = new Designer(pilotDesign());
    render(PlaybooksSection, { props: { designer } });

    await fireEvent.click(screen.getByTestId("task-edit-0-0"));
    await type("task-behaviour", "Name the customer's impact in the first minute");
    await type("moment-minutes-0", "40");
    await type("moment-per-week-1", "3");
    await fireEvent.click(screen.getByTestId("add-moment"));
    await type("moment-prompt-2", "Ask what the customer will tell a colleague");
    await type("moment-per-week-2", "1");
    await type("moment-minutes-2", "5");
    await type("task-module", "");
    await fireEvent.change(screen.getByTestId("task-kpi"), { target: { value: "12" } });
    await fireEvent.click(screen.getByTestId("task-save"));

    expect(update).toHaveBeenCalledTimes(1);
    expect(update.mock.calls[0]).toEqual([
      1,
      {
        behaviour: "Name the customer's impact in the first minute",
        moments: [
          { prompt: "Before the call: which three questions will surface the business problem?", perWeek: "2", minutes: "40" },
          { prompt: "After the call: replay the moment the buyer named a pain.", perWeek: "3", minutes: "10" },
          { prompt: "Ask what the customer will tell a colleague", perWeek: "1", minutes: "5" },
        ],
        competency: "Consultative discovery",
        skillModule: "",
        kpiId: 12,
      },
    ]);

    const error = await screen.findByTestId("error-moments-0-minutes");
    expect(error.textContent).toContain("A micro-coaching moment takes 5 to 15 minutes");
    const minutes = screen.getByTestId("moment-minutes-0");
    expect(minutes.getAttribute("aria-invalid")).toBe("true");
    expect(minutes.getAttribute("aria-describedby")).toContain(error.id);
    expect(value("task-behaviour")).toBe("Name the customer's impact in the first minute");
    expect(value("moment-minutes-0")).toBe("40");
    expect(value("moment-prompt-2")).toBe("Ask what the customer will tell a colleague");
    expect(screen.queryByRole("alert")).toBeNull();

    const saved = pilotDesign();
    saved.workflows[0]!.tasks[0]!.behaviour = "Name the customer's impact in the first minute";
    update.mockResolvedValueOnce(saved);
    await type("moment-minutes-0", "10");
    await fireEvent.click(screen.getByTestId("task-save"));
    await waitFor(() => expect(screen.queryByTestId("task-behaviour")).toBeNull());
    expect(screen.getByTestId("task-0-0").textContent).toContain("Name the customer's impact in the first minute");
  });

  it("adds a task to a workflow and stops at four", async () => {
    const design = pilotDesign();
    add.mockResolvedValue(design);
    render(PlaybooksSection, { props: { designer: new Designer(design) } });
    await fireEvent.click(screen.getByTestId("add-task-1"));
    // A playbook holds tasks; "behaviour to coach" only explains what a task is.
    const field = screen.getByLabelText("Task");
    expect(field).toBe(screen.getByTestId("task-behaviour"));
    expect(document.getElementById(field.getAttribute("aria-describedby")!)?.textContent).toBe("The behaviour to coach, in a few words");
    await type("task-behaviour", "Own the case");
    await type("moment-prompt-0", "Which promise did you make today?");
    await fireEvent.click(screen.getByTestId("task-save"));
    expect(add).toHaveBeenCalledWith(2, {
      behaviour: "Own the case",
      moments: [{ prompt: "Which promise did you make today?", perWeek: "1", minutes: "10" }],
      competency: "",
      skillModule: "",
      kpiId: null,
    });
  });

  it("disables adding a fifth task and warns beyond two workflows", () => {
    const design = pilotDesign();
    const first = design.workflows[0]!;
    first.tasks.push({ ...first.tasks[0]!, id: 99, position: 3 });
    design.workflows.push({ id: 3, position: 2, name: "Renewals", template: null, tasks: [] });
    render(PlaybooksSection, { props: { designer: new Designer(design) } });
    expect((screen.getByTestId("add-task-0") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/A playbook holds 3 or 4 tasks/)).toBeTruthy();
    expect(screen.getByText(/3 workflows: two are recommended/)).toBeTruthy();
  });
});
