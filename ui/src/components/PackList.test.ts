import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import { pack } from "../test/fixtures";
import PackList from "./PackList.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

// Not every version of the shared mock has the file commands yet.
const openPack = vi.fn();
const showPackInFolder = vi.fn();
beforeEach(() => {
  Object.assign(api, { openPack, showPackInFolder });
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("PackList", () => {
  it("shows what the pack is, for whom, by whom, when and how long, with the file and hash closed away", () => {
    render(PackList, { packs: [pack] });
    const item = screen.getByTestId("pack-item-4");
    const details = screen.getByTestId("pack-details-4") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")?.textContent).toBe("Details");
    const visible = item.textContent!.replace(details.textContent!, "");
    expect(visible).toContain("Proposal pack");
    expect(visible).toContain("Sales onboarding pilot");
    expect(visible).toContain("by Ana Lima on 20 Nov 2026");
    expect(visible).toContain("2 pages");
    expect(visible).not.toContain(pack.path!);
    expect(visible).not.toContain("0123456789abcdef");
    expect(details.textContent).toContain(pack.path!);
    expect(details.textContent).toContain(pack.contentHash);
  });

  it("opens the pack and shows it in its folder", async () => {
    openPack.mockResolvedValueOnce(undefined);
    showPackInFolder.mockResolvedValueOnce(undefined);
    render(PackList, { packs: [pack] });
    await fireEvent.click(screen.getByTestId("pack-open-4"));
    expect(openPack).toHaveBeenCalledWith(4);
    await fireEvent.click(screen.getByTestId("pack-show-4"));
    await waitFor(() => expect(showPackInFolder).toHaveBeenCalledWith(4));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says why a pack could not be opened, beside it", async () => {
    openPack.mockRejectedValueOnce({ code: "not_found", message: "the file /home/ana/sales-onboarding-pilot-proposal.pdf is no longer there", details: [] });
    render(PackList, { packs: [pack] });
    await fireEvent.click(screen.getByTestId("pack-open-4"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The pack could not be opened");
    expect(alert.textContent).toContain("is no longer there");
    expect(screen.getByTestId("pack-details-4").contains(alert)).toBe(true);
  });

  it("offers no file actions for a pack that was not saved to a file", () => {
    render(PackList, { packs: [{ ...pack, path: null }] });
    expect(screen.getByTestId("pack-details-4").textContent).toContain("Not saved to a file");
    expect(screen.queryByTestId("pack-open-4")).toBeNull();
    expect(screen.queryByTestId("pack-show-4")).toBeNull();
  });
});
