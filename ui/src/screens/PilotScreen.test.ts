import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, chooseSavePath } from "../api";
import { workspace } from "../lib/workspace";
import { overview, pack, pilotDetail } from "../test/fixtures";
import PilotScreen from "./PilotScreen.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const getDetail = vi.mocked(api.getPilotDetail);
const save = vi.mocked(api.saveProposalPack);
const choose = vi.mocked(chooseSavePath);

beforeEach(() => {
  workspace.set(overview);
  getDetail.mockResolvedValue(pilotDetail());
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("PilotScreen", () => {
  it("shows the pilot's facts", async () => {
    render(PilotScreen, { props: { id: 1 } });
    expect((await screen.findByTestId("pilot-title")).textContent).toBe("Sales onboarding pilot");
    expect(screen.getByTestId("pilot-status").textContent).toContain("Draft");
    expect(screen.getByText("14 Dec 2026 – 14 Mar 2027")).toBeTruthy();
    expect(screen.getByText("USD 18,000")).toBeTruthy();
    expect(screen.getByText(/Starts in 21 days/)).toBeTruthy();
    expect(screen.getByText("Created the pilot")).toBeTruthy();
    expect(getDetail).toHaveBeenCalledWith(1);
  });

  it("saves the proposal pack where the person chose and reports it", async () => {
    choose.mockResolvedValue(pack.path);
    save.mockResolvedValue(pack);
    render(PilotScreen, { props: { id: 1 } });
    await fireEvent.click(await screen.findByTestId("save-proposal"));
    getDetail.mockResolvedValue(pilotDetail([pack]));

    const notice = await screen.findByTestId("pack-saved");
    expect(choose).toHaveBeenCalledWith("sales-onboarding-pilot-proposal.pdf");
    expect(save).toHaveBeenCalledWith(1, pack.path);
    expect(notice.textContent).toContain(pack.path);
    expect(notice.textContent).toContain("2 pages");
    expect(notice.textContent).toContain("0123456789abcdef");
    expect(notice.textContent).not.toContain("0123456789abcdef0");
    await waitFor(() => expect(getDetail).toHaveBeenCalledTimes(2));
  });

  it("does nothing when the save dialog is cancelled", async () => {
    choose.mockResolvedValue(null);
    render(PilotScreen, { props: { id: 1 } });
    await fireEvent.click(await screen.findByTestId("save-proposal"));
    await waitFor(() => expect(choose).toHaveBeenCalled());
    expect(save).not.toHaveBeenCalled();
    expect(screen.queryByTestId("pack-saved")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows a failed save in a banner", async () => {
    choose.mockResolvedValue("/read-only/pack.pdf");
    save.mockRejectedValue({ code: "io", message: "/read-only/pack.pdf: permission denied", details: [] });
    render(PilotScreen, { props: { id: 1 } });
    await fireEvent.click(await screen.findByTestId("save-proposal"));
    expect((await screen.findByRole("alert")).textContent).toContain("permission denied");
    expect(screen.queryByTestId("pack-saved")).toBeNull();
  });
});
