import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { get } from "svelte/store";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import { workspace } from "../lib/workspace";
import { agendaSettings } from "../test/agenda";
import { overview } from "../test/fixtures";
import SettingsScreen from "./SettingsScreen.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const update = vi.mocked(api.updateSettings);

beforeEach(() => {
  workspace.set(overview);
  vi.mocked(api.listHourlyCosts).mockResolvedValue([]);
  vi.mocked(api.listPeople).mockResolvedValue([]);
  vi.mocked(api.getAgendaSettings).mockResolvedValue(agendaSettings());
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("SettingsScreen", () => {
  it("starts from the workspace settings and shows read-only facts", () => {
    render(SettingsScreen);
    expect((screen.getByTestId("settings-workspace-name") as HTMLInputElement).value).toBe("Northwind Learning");
    expect((screen.getByTestId("settings-currency") as HTMLInputElement).value).toBe("USD");
    expect((screen.getByTestId("settings-paper") as HTMLSelectElement).value).toBe("a4");
    expect((screen.getByTestId("settings-min-group") as HTMLInputElement).value).toBe("5");
    expect((screen.getByTestId("settings-credit-rate") as HTMLInputElement).value).toBe("1");
    expect((screen.getByTestId("settings-load-hours") as HTMLInputElement).value).toBe("4");
    expect(screen.getByText(overview.databasePath ?? "")).toBeTruthy();
  });

  it("has an Agendas section with the contexts and the local model", async () => {
    render(SettingsScreen);
    await screen.findByTestId("agenda-settings");
    expect(screen.getByRole("heading", { name: "Agendas" })).toBeTruthy();
    expect((screen.getByTestId("agenda-context-onboarding") as HTMLInputElement).checked).toBe(true);
  });

  it("shows field errors inline and focuses the first", async () => {
    update.mockRejectedValue({
      code: "invalid_input",
      message: "2 problems need fixing",
      details: [
        { field: "minGroupSize", message: "use a whole number from 3 to 50; 5 is the usual privacy floor" },
        { field: "currency", message: "use a three-letter ISO 4217 code, e.g. USD, EUR or GBP" },
      ],
    });
    render(SettingsScreen);
    await fireEvent.input(screen.getByTestId("settings-currency"), { target: { value: "dollars" } });
    await fireEvent.input(screen.getByTestId("settings-min-group"), { target: { value: "2" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(screen.getByTestId("error-currency").textContent).toContain("ISO 4217"));
    expect(screen.getByTestId("error-minGroupSize").textContent).toContain("privacy floor");
    expect(document.activeElement).toBe(screen.getByTestId("settings-currency"));
    expect(screen.queryByTestId("settings-saved")).toBeNull();
    expect((screen.getByTestId("settings-min-group") as HTMLInputElement).value).toBe("2");
  });

  it("saves, confirms and updates the workspace everywhere", async () => {
    update.mockImplementation(async (input) => ({
      ...overview.settings,
      workspaceName: input.workspaceName,
      currency: input.currency.toUpperCase(),
      paperSize: input.paperSize === "letter" ? "letter" : "a4",
      minGroupSize: Number(input.minGroupSize),
      creditRate: Number(input.creditRate),
      weeklyLoadHours: Number(input.weeklyLoadHours),
    }));
    render(SettingsScreen);
    await fireEvent.input(screen.getByTestId("settings-workspace-name"), { target: { value: "Contoso L&D" } });
    await fireEvent.input(screen.getByTestId("settings-currency"), { target: { value: "eur" } });
    await fireEvent.change(screen.getByTestId("settings-paper"), { target: { value: "letter" } });
    await fireEvent.input(screen.getByTestId("settings-credit-rate"), { target: { value: "0.5" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-saved");
    expect(update).toHaveBeenCalledWith({
      workspaceName: "Contoso L&D",
      currency: "eur",
      paperSize: "letter",
      minGroupSize: "5",
      creditRate: "0.5",
      weeklyLoadHours: "4",
    });
    expect(get(workspace)?.settings.currency).toBe("EUR");
    expect(get(workspace)?.settings.creditRate).toBe(0.5);
    expect((screen.getByTestId("settings-currency") as HTMLInputElement).value).toBe("EUR");
  });
});
