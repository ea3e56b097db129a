import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type Cohort } from "../../api";
import { Designer } from "../../lib/designer.svelte";
import { candidates, pilotDesign } from "../../test/design";
import CohortSection from "./CohortSection.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const setCohort = vi.mocked(api.setCohort);

const drawn: Cohort = {
  design: "randomised_waitlist",
  seed: "42",
  members: [
    { managerId: "E1040", managerName: "Anaïs Bennett", team: "Customer Support", teamSize: 9, arm: "pilot", wave: null, matchedWith: null, matchDistance: null },
    { managerId: "E1007", managerName: "Liam Fischer", team: "Sales East", teamSize: 7, arm: "pilot", wave: null, matchedWith: null, matchDistance: null },
    { managerId: "E1008", managerName: "Sofia Sato", team: "Sales East", teamSize: 7, arm: "comparison", wave: null, matchedWith: null, matchDistance: null },
    { managerId: "E1041", managerName: "Viktor Kowalski", team: "Customer Support", teamSize: 8, arm: "comparison", wave: null, matchedWith: null, matchDistance: null },
  ],
};

beforeEach(() => {
  vi.mocked(api.listManagerCandidates).mockResolvedValue(candidates);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("CohortSection", () => {
  it("sends the chosen design, managers and seed, then shows the recorded draw", async () => {
    setCohort.mockResolvedValue(pilotDesign({ cohort: drawn }));
    render(CohortSection, { props: { designer: new Designer(pilotDesign()) } });
    expect(screen.getByText(/No managers chosen yet/)).toBeTruthy();

    await fireEvent.click(screen.getByTestId("design-randomised_waitlist"));
    expect(screen.getByText(/Pick every candidate manager/)).toBeTruthy();
    for (const id of ["E1040", "E1041", "E1007", "E1008"]) await fireEvent.click(await screen.findByTestId(`manager-${id}`));
    expect(screen.getByText("4 managers chosen")).toBeTruthy();
    await fireEvent.input(screen.getByTestId("cohort-seed"), { target: { value: "42" } });
    await fireEvent.click(screen.getByTestId("cohort-save"));

    expect(setCohort).toHaveBeenCalledWith(1, {
      design: "randomised_waitlist",
      managerIds: ["E1040", "E1041", "E1007", "E1008"],
      seed: "42",
      pilotTeams: [],
      comparisonTeams: [],
    });
    await waitFor(() => expect(screen.getAllByTestId("cohort-member")).toHaveLength(4));
    expect(screen.getByTestId("cohort-seed-value").textContent).toBe("42");
    const rows = screen.getAllByTestId("cohort-member").map((r) => r.textContent);
    expect(rows[0]).toContain("Anaïs Bennett");
    expect(rows[0]).toContain("Pilot");
    expect(rows[2]).toContain("Waitlist");
  });

  it("filters the managers and explains matched teams", async () => {
    const matched: Cohort = {
      design: "matched_teams",
      seed: null,
      members: [
        { ...drawn.members[0]! },
        { ...drawn.members[3]!, matchedWith: "E1040", matchDistance: 0.125 },
      ],
    };
    render(CohortSection, { props: { designer: new Designer(pilotDesign({ cohort: matched })) } });
    // Prefilled from the saved cohort: the pilot managers only.
    expect(((await screen.findByTestId("manager-E1040")) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("manager-E1041") as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId("design-matched_teams") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/matches each team with the most similar team/)).toBeTruthy();
    expect(screen.queryByTestId("cohort-seed")).toBeNull();

    const rows = screen.getAllByTestId("cohort-member");
    expect(rows[1]?.textContent).toContain("Comparison");
    expect(rows[1]?.textContent).toContain("Anaïs Bennett");
    expect(rows[1]?.textContent).toContain("0.13");

    await fireEvent.input(screen.getByLabelText("Search managers"), { target: { value: "sales" } });
    expect(screen.queryByTestId("manager-E1040")).toBeNull();
    expect(screen.getByTestId("manager-E1007")).toBeTruthy();
  });

  it("shows a refused field at its place and keeps the choice", async () => {
    setCohort.mockRejectedValue({
      code: "invalid_input",
      message: "1 problem needs fixing",
      details: [{ field: "managerIds", message: "a random split needs at least two managers" }],
    });
    render(CohortSection, { props: { designer: new Designer(pilotDesign()) } });
    await fireEvent.click(screen.getByTestId("design-staggered_waves"));
    await fireEvent.click(await screen.findByTestId("manager-E1040"));
    await fireEvent.click(screen.getByTestId("cohort-save"));
    expect((await screen.findByTestId("error-managerIds")).textContent).toContain("A random split needs at least two managers");
    expect((screen.getByTestId("manager-E1040") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("design-staggered_waves") as HTMLInputElement).checked).toBe(true);
  });
  it("puts whole teams in each arm for hand-picked teams, by keyboard-reachable radios", async () => {
    const picked: Cohort = {
      design: "hand_picked",
      seed: null,
      members: [
        { ...drawn.members[1]!, arm: "pilot" },
        { ...drawn.members[2]!, arm: "pilot" },
        { ...drawn.members[0]!, arm: "comparison" },
        { ...drawn.members[3]!, arm: "comparison" },
      ],
    };
    setCohort.mockResolvedValue(pilotDesign({ cohort: picked }));
    render(CohortSection, { props: { designer: new Designer(pilotDesign()) } });
    await fireEvent.click(screen.getByTestId("design-hand_picked"));
    const rows = await screen.findAllByTestId("team-row");
    expect(rows.map((r) => r.dataset.team)).toEqual(["Customer Support", "Sales East"]);
    expect(rows[0]?.textContent).toContain("2 managers");
    expect(rows[0]?.textContent).toContain("17 reports");
    expect(screen.queryByTestId("manager-E1040")).toBeNull();

    // Each team's arm is a named radio group: Tab reaches it, arrow keys move within it.
    const group = screen.getByRole("radiogroup", { name: "Sales East" });
    const radios = Array.from(group.querySelectorAll("input[type=radio]")) as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(["pilot", "comparison", "out"]);
    expect(radios[2]?.checked).toBe(true);

    await fireEvent.click(screen.getByTestId("team-pilot-Sales East"));
    expect(screen.getByTestId("team-counts").textContent).toContain("1 pilot team · 0 comparison teams");
    await fireEvent.click(screen.getByTestId("teams-rest"));
    expect((screen.getByTestId("team-comparison-Customer Support") as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByTestId("cohort-save"));

    expect(setCohort).toHaveBeenCalledWith(1, {
      design: "hand_picked",
      managerIds: [],
      seed: "",
      pilotTeams: ["Sales East"],
      comparisonTeams: ["Customer Support"],
    });
    await waitFor(() => expect(screen.getAllByTestId("cohort-member")).toHaveLength(4));
    expect(screen.getByTestId("cohort-result").textContent).toContain("Hand-picked teams");
    // Prefilled again from the saved cohort.
    expect((screen.getByTestId("team-pilot-Sales East") as HTMLInputElement).checked).toBe(true);
  });

  it("shows each refused team list at its place", async () => {
    setCohort.mockRejectedValue({
      code: "invalid_input",
      message: "2 problems need fixing",
      details: [
        { field: "pilotTeams", message: "choose at least one pilot team" },
        { field: "comparisonTeams", message: "Atlantis is not a team in People" },
      ],
    });
    render(CohortSection, { props: { designer: new Designer(pilotDesign()) } });
    await fireEvent.click(screen.getByTestId("design-hand_picked"));
    await screen.findAllByTestId("team-row");
    await fireEvent.click(screen.getByTestId("cohort-save"));
    expect((await screen.findByTestId("error-pilotTeams")).textContent).toContain("Choose at least one pilot team");
    expect(screen.getByTestId("error-comparisonTeams").textContent).toContain("Atlantis is not a team in People");
  });
});
