import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { agendaSettings } from "../../test/agenda";
import AgendaSettings from "./AgendaSettings.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const load = vi.mocked(api.getAgendaSettings);
const update = vi.mocked(api.updateAgendaSettings);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const box = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("AgendaSettings", () => {
  it("shows each context, the higher-risk ones marked, and the local model off", async () => {
    load.mockResolvedValue(agendaSettings());
    render(AgendaSettings);
    await screen.findByTestId("agenda-settings");
    expect(box("agenda-context-onboarding").checked).toBe(true);
    expect(box("agenda-context-skill_practice").checked).toBe(true);
    expect(box("agenda-context-conflict").checked).toBe(false);
    expect(box("agenda-context-conflict").closest("label")?.textContent).toContain("higher risk");
    expect(box("agenda-context-onboarding").closest("label")?.textContent).not.toContain("higher risk");
    expect(box("agenda-model-enabled").checked).toBe(false);
    expect(box("agenda-model-enabled").getAttribute("role")).toBe("switch");
    expect(box("agenda-endpoint").value).toBe("http://127.0.0.1:8080/v1");
    expect(box("agenda-timeout").value).toBe("30");
    expect(screen.getByTestId("agenda-model-promise").textContent).toMatch(/Only this computer, or a host listed below, is ever contacted/);
    expect(screen.getByTestId("agenda-model-promise").textContent).toMatch(/Names, emails and ids are replaced/);
  });

  it("shows each refusal at its field and focuses the first", async () => {
    load.mockResolvedValue(agendaSettings());
    update.mockRejectedValue({
      code: "invalid_input",
      message: "3 problems need fixing",
      details: [
        { field: "endpoint", message: "gpu.example.com is neither this computer nor an allowed host" },
        { field: "timeoutSeconds", message: "use a whole number of seconds from 1 to 300, e.g. 30" },
        { field: "allowedHosts", message: "\"http://x/\" is not a host name or address" },
      ],
    });
    render(AgendaSettings);
    await screen.findByTestId("agenda-settings");
    await fireEvent.click(box("agenda-model-enabled"));
    await fireEvent.input(box("agenda-endpoint"), { target: { value: "http://gpu.example.com/v1" } });
    await fireEvent.input(box("agenda-timeout"), { target: { value: "0" } });
    await fireEvent.input(box("agenda-hosts"), { target: { value: "http://x/" } });
    await fireEvent.click(box("agenda-context-conflict"));
    await fireEvent.click(screen.getByTestId("agenda-settings-save"));
    await screen.findByTestId("error-endpoint");
    expect(update).toHaveBeenCalledWith({
      allowedContexts: ["onboarding", "skill_practice", "conflict"],
      modelEnabled: true,
      endpoint: "http://gpu.example.com/v1",
      model: "",
      timeoutSeconds: "0",
      allowedHosts: "http://x/",
    });
    expect(screen.getByTestId("error-endpoint").textContent).toContain("neither this computer nor an allowed host");
    expect(screen.getByTestId("error-timeoutSeconds").textContent).toContain("from 1 to 300");
    expect(screen.getByTestId("error-allowedHosts").textContent).toContain("not a host name");
    await waitFor(() => expect(document.activeElement).toBe(box("agenda-endpoint")));
    expect(box("agenda-timeout").value).toBe("0");
    expect(screen.queryByTestId("agenda-settings-saved")).toBeNull();
  });

  it("saves and shows what the backend kept", async () => {
    load.mockResolvedValue(agendaSettings());
    const on = agendaSettings(true);
    on.model.allowedHosts = ["gpu.lan"];
    update.mockResolvedValue(on);
    render(AgendaSettings);
    await screen.findByTestId("agenda-settings");
    await fireEvent.click(box("agenda-model-enabled"));
    await fireEvent.click(screen.getByTestId("agenda-settings-save"));
    await screen.findByTestId("agenda-settings-saved");
    expect(box("agenda-model-enabled").checked).toBe(true);
    expect(box("agenda-hosts").value).toBe("gpu.lan");
  });
});
