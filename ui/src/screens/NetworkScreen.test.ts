import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type NetworkFigures, type NetworkView } from "../api";
import NetworkScreen from "./NetworkScreen.svelte";

vi.mock("../api", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../api")>();
  return { ...actual, api: { getNetwork: vi.fn(), listCoaches: vi.fn() } };
});

function figures(quarter: string): NetworkFigures {
  return {
    quarter, from: "2026-07-01", to: "2026-09-30", minGroupSize: 5, people: 4, possibleTies: 6, ties: 2, density: 1 / 3,
    reached: 3, reach: 0.75, crossTeamTies: 1, crossTeam: 0.5, events: 5, hours: 2.5, excludedEvents: 0, teams: [],
    coaches: [
      {
        personId: "U1", name: "Uma Patel", team: "Support", internal: true, events: 4, hours: 2, coachees: 2, teamsReached: 2,
        otherTeamCoachees: 1, impact: null,
      },
    ],
    impactKpi: null,
  };
}

function view(quarter: string): NetworkView {
  return {
    quarter,
    quarters: ["2026-Q2", "2026-Q3", "2026-Q4"],
    figures: figures(quarter),
    layout: {
      width: 40, height: 20,
      teams: [
        { name: "Sales", people: 3, x: 10, y: 10, radius: 3 },
        { name: "Support", people: 1, x: 30, y: 10, radius: 2 },
      ],
      nodes: [
        { id: "S1", label: "Sam Reed", team: 0, x: 9, y: 9, coach: false, ties: 1 },
        { id: "S2", label: "Ana Ruiz", team: 0, x: 11, y: 10, coach: false, ties: 2 },
        { id: "S3", label: "Ben Okafor", team: 0, x: 10, y: 12, coach: false, ties: 0 },
        { id: "U1", label: "Uma Patel", team: 1, x: 30, y: 10, coach: true, ties: 1 },
      ],
      edges: [
        { a: 0, b: 1, weight: 2, crossTeam: false },
        { a: 1, b: 3, weight: 3, crossTeam: true },
      ],
    },
  };
}

beforeEach(() => {
  vi.mocked(api.listCoaches).mockResolvedValue([]);
  vi.mocked(api.getNetwork).mockImplementation(async (quarter) => view(quarter ?? "2026-Q4"));
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("the network map", () => {
  it("shows the latest quarter's figures with their denominators and steps back through quarters", async () => {
    render(NetworkScreen, { tab: "map" });
    await waitFor(() => expect(screen.getByTestId("network-reach")).toBeTruthy());
    expect(api.getNetwork).toHaveBeenCalledWith(null);
    expect(screen.getByTestId("network-density").textContent).toContain("2 ties of 6 possible");
    expect(screen.getByTestId("network-reach").textContent).toContain("75%");
    expect(screen.getByTestId("network-cross-team").textContent).toContain("1 of 2 ties across teams");
    const select = screen.getByTestId("network-quarter") as HTMLSelectElement;
    expect(select.value).toBe("2026-Q4");
    expect((screen.getByTestId("network-next") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("network-previous"));
    await waitFor(() => expect(api.getNetwork).toHaveBeenLastCalledWith("2026-Q3"));
    await fireEvent.change(select, { target: { value: "2026-Q2" } });
    await waitFor(() => expect(api.getNetwork).toHaveBeenLastCalledWith("2026-Q2"));
    const canvas = screen.getByTestId("network-canvas");
    expect(canvas.dataset.nodes).toBe("4");
    expect(canvas.getAttribute("aria-label")).toContain("4 people in");
  });

  it("shows a coach's ties when picked from the figures, and clears them", async () => {
    render(NetworkScreen, { tab: "map" });
    await waitFor(() => expect(screen.getByTestId("network-top-coaches")).toBeTruthy());
    await fireEvent.click(within(screen.getByTestId("network-top-coaches")).getByText("Uma Patel"));
    const person = await screen.findByTestId("network-person");
    expect(person.textContent).toContain("internal coach");
    expect(person.textContent).toContain("Ana Ruiz");
    expect(person.textContent).toContain("(another team) · 3 events");
    await fireEvent.click(within(person).getByText("Ana Ruiz"));
    expect(screen.getByTestId("network-person").textContent).toContain("Sam Reed");
    await fireEvent.click(within(screen.getByTestId("network-person")).getByText("Clear"));
    expect(screen.queryByTestId("network-person")).toBeNull();
  });

  it("says so when there is no coaching yet", async () => {
    vi.mocked(api.getNetwork).mockResolvedValue({ ...view("2026-Q4"), quarter: null, quarters: [], figures: null });
    render(NetworkScreen, { tab: "map" });
    expect(await screen.findByTestId("network-empty")).toBeTruthy();
  });

  it("has a Coaches tab beside the map", async () => {
    render(NetworkScreen, { tab: "coaches" });
    await waitFor(() => expect(api.listCoaches).toHaveBeenCalled());
    expect(screen.getByTestId("network-tab-map").getAttribute("href")).toBe("#/network");
    expect(screen.getByTestId("network-tab-coaches").getAttribute("aria-current")).toBe("page");
    expect(api.getNetwork).not.toHaveBeenCalled();
  });
});
