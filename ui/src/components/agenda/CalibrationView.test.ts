import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { calibration, figures } from "../../test/agenda";
import { pilotSummary } from "../../test/fixtures";
import CalibrationView from "./CalibrationView.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const get = vi.mocked(api.getCalibration);

beforeEach(() => {
  vi.mocked(api.listPilots).mockResolvedValue([pilotSummary]);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("CalibrationView", () => {
  it("reads the workspace's figures: overall, by context, by manager with the signal, the rule and the reasons", async () => {
    get.mockResolvedValue(calibration);
    render(CalibrationView);
    const overall = await screen.findByTestId("calibration-overall");
    expect(get).toHaveBeenCalledWith(null);
    expect(overall.textContent?.replace(/\s+/g, " ").trim()).toBe(
      "14 agendas: 10 accepted as suggested, 1 edited (25% changed on average), 2 rejected, 1 open. Acceptance 85% (11 of 13).",
    );
    expect(screen.getByTestId("calibration-acceptance").textContent).toContain("11 of 13 decided");

    const context = screen.getByTestId("calibration-contexts-row");
    expect(context.textContent).toContain("Onboarding");
    expect(within(context).getByTestId("calibration-contexts-acceptance").textContent).toBe("85% (11 of 13)");

    const [mei, anais] = screen.getAllByTestId("calibration-managers-row");
    expect(within(mei!).getByTestId("over-reliant").textContent).toBe("Over-reliant");
    expect(mei!.textContent).toContain("10 of 11 decided agendas accepted without a change");
    expect(within(anais!).queryByTestId("over-reliant")).toBeNull();
    expect(anais!.textContent).toContain("the signal needs at least 10");
    expect(within(anais!).getByTestId("calibration-managers-acceptance").textContent).toBe("0% (0 of 2)");

    expect(screen.getByTestId("calibration-rule").textContent).toBe(
      "A manager shows as over-reliant once they have decided at least 10 agendas and accepted 90% or more of them without changing a word.",
    );
    expect(screen.getByTestId("calibration-reason").textContent).toContain("Too generic");
    expect(screen.getByTestId("calibration-reason").textContent).toContain("2");
    expect(screen.getByTestId("calibration-over-reliant").textContent).toContain("1 manager over-reliant");
  });

  it("reads one pilot's figures when a pilot is chosen", async () => {
    get.mockResolvedValue(calibration);
    render(CalibrationView);
    await screen.findByTestId("calibration-overall");
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(2));
    await fireEvent.change(screen.getByTestId("calibration-pilot"), { target: { value: "1" } });
    await waitFor(() => expect(get).toHaveBeenLastCalledWith(1));
  });

  it("says there is nothing to calibrate before the first agenda", async () => {
    get.mockResolvedValue({ ...calibration, overall: figures(), byContext: [], byManager: [], overReliantManagers: 0 });
    render(CalibrationView);
    const empty = await screen.findByTestId("calibration-empty");
    expect(empty.textContent).toContain("No agendas yet");
    expect(within(empty).getByRole("link", { name: "Write an agenda" }).getAttribute("href")).toBe("#/coaching/agendas");
    expect(screen.queryByTestId("calibration-overall")).toBeNull();
  });
});
