import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { hourlyCosts } from "../../test/analytics";
import { people } from "../../test/fixtures";
import HourlyCosts from "./HourlyCosts.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const set = vi.mocked(api.setHourlyCost);

beforeEach(() => {
  vi.mocked(api.listHourlyCosts).mockResolvedValue(hourlyCosts);
  vi.mocked(api.listPeople).mockResolvedValue(people);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const input = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

describe("HourlyCosts", () => {
  it("lists each role's hourly cost in the workspace currency, with its people", async () => {
    render(HourlyCosts, { currency: "EUR" });
    const rows = await screen.findAllByTestId("hourly-row");
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["Account Executive", "Sales Manager", "Support Specialist"]);
    expect(rows[0]!.textContent).toContain("EUR 60");
    expect(rows[0]!.textContent).toContain("48 people");
    expect(rows[2]!.textContent).toContain("EUR 40.50");
    // Roles from People are offered as suggestions.
    const options = () => [...document.querySelectorAll("#hourly-roles option")].map((o) => o.getAttribute("value"));
    await waitFor(() => expect(options()).toEqual(["Account executive", "Sales manager", "Support agent"]));
  });

  it("sets a role's hourly cost as typed and shows the list it answers with", async () => {
    set.mockResolvedValue([...hourlyCosts, { role: "Support agent", cost: 3_800, people: 1 }]);
    render(HourlyCosts, { currency: "USD" });
    await screen.findAllByTestId("hourly-row");
    await fireEvent.input(input("hourly-role"), { target: { value: "Support agent" } });
    await fireEvent.input(input("hourly-cost"), { target: { value: "38" } });
    await fireEvent.click(screen.getByTestId("hourly-save"));
    expect(set).toHaveBeenCalledWith({ role: "Support agent", cost: "38" });
    expect((await screen.findByTestId("hourly-saved")).textContent).toContain("An hour of Support agent now costs USD 38.");
    expect(screen.getAllByTestId("hourly-row")).toHaveLength(4);
    expect(input("hourly-role").value).toBe("");
  });

  it("clears a role's own rate", async () => {
    set.mockResolvedValue(hourlyCosts.slice(1));
    render(HourlyCosts, { currency: "USD" });
    await fireEvent.click(await screen.findByTestId("hourly-clear-Account Executive"));
    expect(set).toHaveBeenCalledWith({ role: "Account Executive", cost: "" });
    await waitFor(() => expect(screen.getAllByTestId("hourly-row")).toHaveLength(2));
    expect(screen.getByTestId("hourly-saved").textContent).toContain("the pilots' budget rates apply");
  });

  it("shows a refused amount at its field and keeps what was typed", async () => {
    set.mockRejectedValue({
      code: "invalid_input",
      message: "cost: \"lots\" is not an amount",
      details: [{ field: "cost", message: "\"lots\" is not an amount; write it like 85 or 85.50" }],
    });
    render(HourlyCosts, { currency: "USD" });
    await screen.findAllByTestId("hourly-row");
    await fireEvent.input(input("hourly-role"), { target: { value: "Sales Manager" } });
    await fireEvent.input(input("hourly-cost"), { target: { value: "lots" } });
    await fireEvent.click(screen.getByTestId("hourly-save"));
    expect((await screen.findByTestId("error-cost")).textContent).toContain("\"lots\" is not an amount");
    expect(input("hourly-cost").value).toBe("lots");
    expect(input("hourly-role").value).toBe("Sales Manager");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByTestId("hourly-saved")).toBeNull();
  });

  it("says when no role has a rate yet", async () => {
    vi.mocked(api.listHourlyCosts).mockResolvedValue([]);
    render(HourlyCosts, { currency: "USD" });
    expect((await screen.findByTestId("hourly-none")).textContent).toContain("No role has an hourly cost yet");
  });
});
