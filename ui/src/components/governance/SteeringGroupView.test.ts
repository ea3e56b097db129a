import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { members, rule } from "../../test/governance";
import SteeringGroupView from "./SteeringGroupView.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

beforeEach(() => {
  vi.mocked(api.listSteeringMembers).mockResolvedValue(members);
  vi.mocked(api.getQuorumRule).mockResolvedValue(rule);
  vi.mocked(api.listPeople).mockResolvedValue([]);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("SteeringGroupView", () => {
  it("puts each member's function under “Represents”, apart from their job title", async () => {
    render(SteeringGroupView);
    const row = await screen.findByTestId("member-E1002");
    const table = row.closest("table")!;
    const headers = within(table).getAllByRole("columnheader").map((th) => th.textContent?.trim());
    expect(headers.slice(0, 2)).toEqual(["Member", "Represents"]);
    const [who, represents] = within(row).getAllByRole("cell");
    expect(who!.textContent).toContain("VP Sales");
    expect(represents!.textContent?.trim()).toBe("Front line");
    expect(screen.getByLabelText("Represents")).toBe(screen.getByTestId("member-function"));
  });
});
