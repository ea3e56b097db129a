import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import { pack } from "../test/fixtures";
import PacksScreen from "./PacksScreen.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const showPackInFolder = vi.fn();
beforeEach(() => {
  Object.assign(api, { openPack: vi.fn(), showPackInFolder });
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("PacksScreen", () => {
  it("names each kind of pack, the results packs included", async () => {
    vi.mocked(api.listPacks).mockResolvedValue([
      { ...pack, id: 7, kind: "outcome", title: "Day-90 outcome: Sales onboarding pilot", pages: 11 },
      { ...pack, id: 6, kind: "day45_review", title: "Day-45 review: Sales onboarding pilot", pages: 6 },
      { ...pack, id: 5, kind: "monthly", title: "Monthly pack, November 2026: Sales onboarding pilot", pages: 3 },
      pack,
    ]);
    render(PacksScreen);
    const rows = await screen.findAllByTestId("pack-row");
    expect(rows.map((r) => r.querySelector("[data-testid='pack-kind']")?.textContent)).toEqual([
      "Day-90 outcome pack",
      "Day-45 review pack",
      "Monthly pack",
      // The proposal pack's title already says what it is.
      undefined,
    ]);
    expect(rows[0]!.textContent).toContain("11");
  });

  it("does not repeat a kind the title already says", async () => {
    vi.mocked(api.listPacks).mockResolvedValue([{ ...pack, kind: "monthly", title: "Monthly pack" }]);
    render(PacksScreen);
    const row = await screen.findByTestId("pack-row");
    expect(row.querySelector("[data-testid='pack-kind']")).toBeNull();
    expect(row.textContent).toContain("Monthly pack");
  });

  it("keeps the file and the content hash behind each pack's details, with its file actions", async () => {
    vi.mocked(api.listPacks).mockResolvedValueOnce([pack, { ...pack, id: 5, path: null }]);
    showPackInFolder.mockResolvedValueOnce(undefined);
    render(PacksScreen);
    const [row] = await screen.findAllByTestId("pack-row");
    const details = screen.getByTestId("pack-details-4") as HTMLDetailsElement;
    expect(row!.contains(details)).toBe(true);
    expect(details.open).toBe(false);
    const visible = row!.textContent!.replace(details.textContent!, "");
    for (const shown of ["Proposal pack", "Sales onboarding pilot", "20 Nov 2026", "by Ana Lima", "2"]) expect(visible).toContain(shown);
    expect(visible).not.toContain(pack.path!);
    expect(visible).not.toContain("0123456789abcdef");
    expect(details.textContent).toContain(pack.path!);
    expect(details.textContent).toContain(pack.contentHash);
    await fireEvent.click(screen.getByTestId("pack-show-4"));
    expect(showPackInFolder).toHaveBeenCalledWith(4);
    expect(screen.queryByTestId("pack-open-5")).toBeNull();
  });
});

