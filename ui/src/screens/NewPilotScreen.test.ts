import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiError, NewPilotInput, Pilot } from "../api";
import { api } from "../api";
import { workspace } from "../lib/workspace";
import NewPilotScreen from "./NewPilotScreen.svelte";
import { sentence } from "../lib/format";
import { templates } from "../test/design";

vi.mock("../api", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../api")>();
  return {
    ...actual,
    api: {
      getOverview: vi.fn(),
      listPilots: vi.fn(),
      getPilotDetail: vi.fn(),
      validateNewPilot: vi.fn(),
      createPilot: vi.fn(),
      listPeople: vi.fn(),
      listPacks: vi.fn(),
      saveProposalPack: vi.fn(),
      updateSettings: vi.fn(),
      listTemplates: vi.fn(),
    },
    chooseSavePath: vi.fn(),
  };
});

const validate = vi.mocked(api.validateNewPilot);
const create = vi.mocked(api.createPilot);

const SPONSOR_MESSAGE = "name the one senior sponsor who owns the outcome";
const BUDGET_MESSAGE = "\"12k\" is not an amount; use digits, e.g. 25000";

function invalid(details: ApiError["details"]): ApiError {
  return { code: "invalid_input", message: `${details.length} problems need fixing`, details };
}

/** What the backend would say about this input (a small stand-in for the Rust validation). */
function backendProblems(input: NewPilotInput): ApiError["details"] {
  const problems: ApiError["details"] = [];
  if (!input.name.trim()) problems.push({ field: "name", message: "give the pilot a name" });
  if (!input.workflows.some((w) => w.trim()) && input.templates.length === 0) problems.push({ field: "workflows", message: "name at least one high-impact workflow" });
  if (!input.startDate) problems.push({ field: "startDate", message: "choose a start date" });
  if (!input.sponsor.trim()) problems.push({ field: "sponsor", message: SPONSOR_MESSAGE });
  if (!/^\d[\d,]*$/.test(input.budget.trim())) problems.push({ field: "budget", message: BUDGET_MESSAGE });
  return problems;
}

function byTestId<T extends HTMLElement>(id: string): T {
  return screen.getByTestId(id) as T;
}

async function type(id: string, value: string) {
  await fireEvent.input(byTestId<HTMLInputElement>(id), { target: { value } });
}

beforeEach(() => {
  workspace.set({
    settings: {
      workspaceName: "Acme",
      currency: "EUR",
      minGroupSize: 5,
      paperSize: "a4",
      currentUser: "Ana",
      currentUserId: null,
      creditRate: 1,
      weeklyLoadHours: 4,
    },
    peopleCount: 0,
    teams: [],
    pilotCount: 0,
    databasePath: null,
    schemaVersion: 1,
    dateStyle: "day_month_year",
  });
  window.location.hash = "#/pilots/new";
  vi.mocked(api.listTemplates).mockResolvedValue(templates);
  validate.mockImplementation(async (input) => {
    const problems = backendProblems(input);
    if (problems.length) throw invalid(problems);
    return null;
  });
  create.mockImplementation(async (input) => {
    const problems = backendProblems(input);
    if (problems.length) throw invalid(problems);
    return { id: 7, ...input } as unknown as Pilot;
  });
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("NewPilotScreen", () => {
  it("starts with two workflow rows, the currency prefix and no errors", async () => {
    render(NewPilotScreen);
    expect(byTestId<HTMLInputElement>("pilot-workflow-0").placeholder).toBe("e.g. Sales onboarding");
    expect(byTestId<HTMLInputElement>("pilot-workflow-1").placeholder).toBe("e.g. Customer escalation");
    expect(screen.queryByTestId("pilot-workflow-2")).toBeNull();
    expect(screen.getByText("EUR")).toBeTruthy();
    // The backend reports every empty field, but a fresh form is not red.
    await waitFor(() => expect(validate).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId("error-name")).toBeNull();
    expect(screen.queryByTestId("error-sponsor")).toBeNull();
    expect(document.querySelector("[aria-invalid='true']")).toBeNull();
  });

  it("shows the backend's field errors after a submit attempt, keeps what was typed and focuses the first", async () => {
    render(NewPilotScreen);
    await type("pilot-name", "Sales onboarding pilot");
    await type("pilot-objective", "Prove that weekly micro-coaching shortens ramp-up.");
    await type("pilot-workflow-0", "Sales onboarding");
    await type("pilot-start", "2026-12-14");
    await type("pilot-budget", "12k");

    await fireEvent.click(byTestId("pilot-submit"));

    await waitFor(() => expect(byTestId("error-sponsor").textContent).toContain(sentence(SPONSOR_MESSAGE)));
    expect(byTestId("error-budget").textContent).toContain(sentence(BUDGET_MESSAGE));
    expect(screen.queryByTestId("error-name")).toBeNull();
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toMatchObject({
      name: "Sales onboarding pilot",
      workflows: ["Sales onboarding", ""],
      startDate: "2026-12-14",
      budget: "12k",
    });

    // Nothing typed is lost.
    expect(byTestId<HTMLInputElement>("pilot-name").value).toBe("Sales onboarding pilot");
    expect(byTestId<HTMLTextAreaElement>("pilot-objective").value).toBe("Prove that weekly micro-coaching shortens ramp-up.");
    expect(byTestId<HTMLInputElement>("pilot-workflow-0").value).toBe("Sales onboarding");
    expect(byTestId<HTMLInputElement>("pilot-start").value).toBe("2026-12-14");
    expect(byTestId<HTMLInputElement>("pilot-budget").value).toBe("12k");

    // The control is wired to its message, and the first invalid field has focus.
    const sponsor = byTestId<HTMLInputElement>("pilot-sponsor");
    expect(sponsor.getAttribute("aria-invalid")).toBe("true");
    expect(sponsor.getAttribute("aria-describedby")).toContain(byTestId("error-sponsor").id);
    expect(document.activeElement).toBe(sponsor);
    expect(window.location.hash).toBe("#/pilots/new");
  });

  it("shows a field's error only once the person has left it, and clears it when fixed", async () => {
    render(NewPilotScreen);
    const name = byTestId<HTMLInputElement>("pilot-name");
    await fireEvent.focus(name);
    await fireEvent.blur(name);
    await waitFor(() => expect(byTestId("error-name").textContent).toContain("Give the pilot a name"));
    expect(screen.queryByTestId("error-sponsor")).toBeNull();

    await type("pilot-name", "Escalations pilot");
    await waitFor(() => expect(screen.queryByTestId("error-name")).toBeNull());
  });

  it("computes the end of the 90-day window and warns gently beyond two workflows", async () => {
    render(NewPilotScreen);
    await type("pilot-start", "2026-12-14");
    expect(screen.getByText("Ends 14 Mar 2027 · 90-day window")).toBeTruthy();

    expect(screen.queryByText("Two workflows are recommended for a first pilot")).toBeNull();
    await fireEvent.click(byTestId("add-workflow"));
    expect(byTestId("pilot-workflow-2")).toBeTruthy();
    expect(screen.getByText("Two workflows are recommended for a first pilot")).toBeTruthy();
    expect(screen.queryByTestId("error-workflows")).toBeNull();

    for (let i = 0; i < 5; i++) await fireEvent.click(byTestId("add-workflow"));
    expect(screen.getByTestId("pilot-workflow-5")).toBeTruthy();
    expect(screen.queryByTestId("pilot-workflow-6")).toBeNull();
    expect(byTestId<HTMLButtonElement>("add-workflow").disabled).toBe(true);
  });

  it("creates the pilot and opens its page", async () => {
    render(NewPilotScreen);
    await type("pilot-name", "Sales onboarding pilot");
    await type("pilot-workflow-0", "Sales onboarding");
    await type("pilot-start", "2026-12-14");
    await type("pilot-sponsor", "Dana Whitfield");
    await type("pilot-budget", "18,000");
    await fireEvent.click(byTestId("pilot-submit"));
    await waitFor(() => expect(window.location.hash).toBe("#/pilots/7"));
  });

  it("puts errors that belong to no field in a banner and keeps the input", async () => {
    create.mockRejectedValueOnce({ code: "storage", message: "database error: disk I/O error", details: [] });
    render(NewPilotScreen);
    await type("pilot-name", "Kept");
    await fireEvent.click(byTestId("pilot-submit"));
    const banner = await screen.findByRole("alert");
    expect(banner.textContent).toContain("Database error: disk I/O error");
    expect(byTestId<HTMLInputElement>("pilot-name").value).toBe("Kept");
  });
});

describe("NewPilotScreen templates", () => {
  it("offers one card per template and sends the chosen ones, with typed workflows optional", async () => {
    render(NewPilotScreen);
    const option = (await screen.findByTestId("template-option-customer-escalation")) as HTMLInputElement;
    const card = option.closest("label");
    expect(card?.textContent).toContain("Customer escalation");
    expect(card?.textContent).toContain("Frontline agents resolve more at first contact");
    expect(card?.textContent).toContain("4 tasks · KPIs: First-contact resolution, Escalations to a manager per 100 tickets");
    expect(screen.getByText("Workflows")).toBeTruthy();

    await fireEvent.click(option);
    await fireEvent.click(byTestId("template-option-sales-onboarding"));
    expect(option.checked).toBe(true);
    // The typed rows stay empty and become optional extras.
    expect(screen.getByText("Other workflows")).toBeTruthy();
    expect(byTestId<HTMLInputElement>("pilot-workflow-0").value).toBe("");
    expect(byTestId<HTMLInputElement>("pilot-workflow-0").placeholder).toBe("");
    expect(screen.queryByText("Two workflows are recommended for a first pilot")).toBeNull();

    await type("pilot-name", "Escalation and onboarding coaching");
    await type("pilot-start", "2027-01-11");
    await type("pilot-sponsor", "Priya Raman");
    await type("pilot-budget", "15000");
    await fireEvent.click(byTestId("pilot-submit"));

    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[0]).toEqual({
      name: "Escalation and onboarding coaching",
      objective: "",
      workflows: ["", ""],
      startDate: "2027-01-11",
      sponsor: "Priya Raman",
      budget: "15000",
      templates: ["customer-escalation", "sales-onboarding"],
    });
    await waitFor(() => expect(window.location.hash).toBe("#/pilots/7"));
  });

  it("warns beyond two workflows counting the templates, and sends none when none is chosen", async () => {
    render(NewPilotScreen);
    await fireEvent.click(await screen.findByTestId("template-option-customer-escalation"));
    await fireEvent.click(byTestId("template-option-sales-onboarding"));
    await type("pilot-workflow-0", "Renewals");
    expect(screen.getByText("Two workflows are recommended for a first pilot")).toBeTruthy();
    await fireEvent.click(byTestId("template-option-sales-onboarding"));
    await fireEvent.click(byTestId("template-option-customer-escalation"));
    await fireEvent.click(byTestId("pilot-submit"));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[0].templates).toEqual([]);
  });
});
