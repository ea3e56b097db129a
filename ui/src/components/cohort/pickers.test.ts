import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { ManagerCandidate } from "../../api";
import ManagerPicker from "./ManagerPicker.svelte";
import TeamPicker from "./TeamPicker.svelte";

afterEach(() => {
  cleanup();
});

const pad = (n: number) => String(n).padStart(2, "0");
// 30 managers, each leading their own team: a large organisation.
const many: ManagerCandidate[] = Array.from({ length: 30 }, (_, i) => ({
  id: `M${pad(i)}`,
  name: `Manager ${pad(i)}`,
  role: i === 25 ? "Warehouse Lead" : "Team Lead",
  team: `Team ${pad(i)}`,
  teamSize: 6,
}));

const managerRows = () => screen.getAllByRole("checkbox").map((box) => box.dataset.testid);

describe("ManagerPicker in a long list", () => {
  it("shows the first rows and the chosen ones, then all on request, without a box of its own to scroll", async () => {
    render(ManagerPicker, { candidates: many, selected: ["M27"], hint: "Pick the pilot managers" });
    expect(managerRows()).toHaveLength(13);
    expect(managerRows()).toContain("manager-M27");
    expect(managerRows()).not.toContain("manager-M20");
    const more = screen.getByTestId("managers-show-all");
    expect(more.textContent?.trim()).toBe("Show all 30 managers");
    await fireEvent.click(more);
    expect(managerRows()).toHaveLength(30);
    expect(screen.queryByTestId("managers-show-all")).toBeNull();
  });

  it("shows every match of a search", async () => {
    render(ManagerPicker, { candidates: many, selected: [], hint: "Pick the pilot managers" });
    await fireEvent.input(screen.getByRole("searchbox"), { target: { value: "warehouse" } });
    expect(managerRows()).toEqual(["manager-M25"]);
    expect(screen.queryByTestId("managers-show-all")).toBeNull();
  });

  it("keeps a row unticked by a slip in place", async () => {
    render(ManagerPicker, { candidates: many, selected: ["M27"], hint: "Pick the pilot managers" });
    await fireEvent.click(screen.getByTestId("manager-M27"));
    expect((screen.getByTestId("manager-M27") as HTMLInputElement).checked).toBe(false);
  });

  it("shows a short list whole", () => {
    render(ManagerPicker, { candidates: many.slice(0, 16), selected: [], hint: "Pick the pilot managers" });
    expect(managerRows()).toHaveLength(16);
    expect(screen.queryByTestId("managers-show-all")).toBeNull();
  });
});

describe("TeamPicker in a long list", () => {
  it("shows the first teams and those in an arm, then all on request", async () => {
    render(TeamPicker, { candidates: many, pilot: ["Team 28"], comparison: [] });
    const teams = () => screen.getAllByTestId("team-row").map((row) => row.dataset.team);
    expect(teams()).toHaveLength(13);
    expect(teams()).toContain("Team 28");
    await fireEvent.click(screen.getByTestId("teams-show-all"));
    expect(teams()).toHaveLength(30);
  });
});
