import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type PilotSummary } from "../api";
import { workspace } from "../lib/workspace";
import { portfolio } from "../test/analytics";
import { overview, pilotSummary } from "../test/fixtures";
import PilotsScreen from "./PilotsScreen.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const summaries: PilotSummary[] = [
  { ...pilotSummary, id: 1, name: "Sales and escalation coaching pilot", status: "running", startDate: "2026-08-31", endDate: "2026-11-29" },
  { ...pilotSummary, id: 2, name: "Renewals pilot", status: "day45_review", startDate: "2026-08-10", endDate: "2026-11-08" },
  { ...pilotSummary, id: 3, name: "Support onboarding pilot", status: "approved", startDate: "2026-11-22", endDate: "2027-02-20" },
];

beforeEach(() => {
  workspace.set(overview);
  vi.mocked(api.listPilots).mockResolvedValue(summaries);
  vi.mocked(api.getPortfolio).mockResolvedValue(portfolio());
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("PilotsScreen", () => {
  it("shows a card per pilot with its day, next gate, first KPI, money and packs", async () => {
    render(PilotsScreen);
    const cards = await screen.findAllByTestId("pilot-row");
    expect(cards).toHaveLength(3);
    expect(await screen.findByTestId("pilot-day-1")).toBeTruthy();
    const first = within(cards[0]!);
    expect(first.getByRole("link", { name: "Sales and escalation coaching pilot" }).getAttribute("href")).toBe("#/pilots/1");
    expect(screen.getByTestId("pilot-day-1").textContent).toContain("Day 62 of 90");
    expect(screen.getByTestId("pilot-gate-1").textContent).toContain("Day-90 outcome, 29 Nov 2026");
    expect(screen.getByTestId("pilot-gate-1").dataset.overdue).toBe("false");
    expect(screen.getByTestId("pilot-kpi-1").textContent).toContain("Days to first closed deal: 6.05 days better");
    expect(screen.getByTestId("pilot-budget-1").textContent).toContain("USD 12,500 spent");
    expect(screen.getByTestId("pilot-budget-1").textContent).toContain("of USD 40,000");
    expect(screen.getByTestId("pilot-packs-1").textContent).toContain("2 packs");
    expect(screen.getByTestId("pilot-dashboard-1").getAttribute("href")).toBe("#/pilots/1/dashboard");
  });

  it("marks an overdue gate", async () => {
    render(PilotsScreen);
    const gate = await screen.findByTestId("pilot-gate-2");
    expect(gate.dataset.overdue).toBe("true");
    expect(gate.textContent).toContain("Overdue");
    expect(screen.getByTestId("pilot-day-2").textContent).toContain("Day 83 of 90");
    expect(screen.getByTestId("pilot-packs-2").textContent).toContain("0 packs");
  });

  it("counts down to a pilot that has not started, with no dashboard link", async () => {
    render(PilotsScreen);
    expect((await screen.findByTestId("pilot-day-3")).textContent).toContain("Starts in 21 days");
    expect(screen.queryByTestId("pilot-dashboard-3")).toBeNull();
    expect(screen.getByTestId("pilot-kpi-3").textContent).toContain("Measured once the pilot runs");
    expect(screen.getByTestId("pilot-packs-3").textContent).toContain("1 pack");
    expect(screen.getByTestId("pilot-packs-3").textContent).not.toContain("1 packs");
  });

  it("still lists the pilots when the overview cannot be worked out", async () => {
    vi.mocked(api.getPortfolio).mockRejectedValue({ code: "internal", message: "database is locked", details: [] });
    render(PilotsScreen);
    expect(await screen.findAllByTestId("pilot-row")).toHaveLength(3);
    expect((await screen.findByRole("alert")).textContent).toContain("Database is locked");
    expect(screen.queryByTestId("pilot-day-1")).toBeNull();
  });
});
