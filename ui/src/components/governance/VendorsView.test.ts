import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type VendorProposal } from "../../api";
import VendorsView from "./VendorsView.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const vendor: VendorProposal = {
  id: 4,
  pilotId: null,
  pilotName: null,
  vendor: "Northstar Coaching Labs",
  offering: "Discovery questioning modules",
  pricing: "per_seat",
  unitPrice: 12000,
  contractMonths: 12,
  privacy: { personalData: "Names and work emails", storageLocation: "EU", retention: "", subProcessors: "" },
  privacyAnswered: 2,
  updatedAt: "2026-11-20T09:00:00Z",
};

beforeEach(() => {
  vi.mocked(api.listVendors).mockResolvedValue([vendor]);
  vi.mocked(api.listPilots).mockResolvedValue([]);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const dialogTitle = () => screen.getByTestId("vendor-form").querySelector("h2")?.textContent;

describe("VendorsView", () => {
  it("adds a vendor with “Add vendor” and edits one as “Edit vendor”", async () => {
    render(VendorsView);
    await screen.findByTestId("vendor-4");

    const add = screen.getByTestId("vendor-new");
    expect(add.textContent?.trim()).toBe("Add vendor");
    await fireEvent.click(add);
    expect(dialogTitle()).toBe("Add a vendor");
    expect((screen.getByTestId("vendor-name") as HTMLInputElement).value).toBe("");

    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await fireEvent.click(screen.getByRole("button", { name: "Edit" }));
    expect(dialogTitle()).toBe("Edit vendor");
    expect((screen.getByTestId("vendor-name") as HTMLInputElement).value).toBe("Northstar Coaching Labs");
  });
});
