import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, type AgendaSummary } from "../../api";
import { agendaSettings, openAgenda } from "../../test/agenda";
import { quickLogOptions } from "../../test/coaching";
import AgendasView from "./AgendasView.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const list = vi.mocked(api.listAgendas);

const summary = (id: number, status: AgendaSummary["status"]): AgendaSummary => ({
  id, managerName: "Mei Walsh", coacheeName: "Nadia Owusu", task: "Qualify every deal against the framework",
  context: "onboarding", source: "offline", status, createdAt: "2026-11-23T10:15:00Z",
});

beforeEach(() => {
  vi.mocked(api.quickLogOptions).mockResolvedValue({ ...quickLogOptions, defaultManager: "E1060" });
  vi.mocked(api.getAgendaSettings).mockResolvedValue(agendaSettings());
  window.location.hash = "#/coaching/agendas";
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("AgendasView", () => {
  it("says there are no agendas yet, then lists the one written and opens it in the address", async () => {
    list.mockResolvedValueOnce([]);
    render(AgendasView, { props: { agendaId: null } });
    await screen.findByTestId("recent-agendas-empty");
    await fireEvent.input(screen.getByTestId("ag-coachee"), { target: { value: "nadia" } });
    await fireEvent.keyDown(screen.getByTestId("ag-coachee"), { key: "Enter" });
    vi.mocked(api.generateAgenda).mockResolvedValue(openAgenda());
    list.mockResolvedValue([summary(12, "open")]);
    await fireEvent.click(screen.getByTestId("agenda-write"));
    await screen.findByTestId("agenda");
    await waitFor(() => expect(screen.getAllByTestId("recent-agenda")).toHaveLength(1));
    expect(window.location.hash).toBe("#/coaching/agendas/12");
    expect(list).toHaveBeenCalledTimes(2);

    // A decision refreshes the list too.
    vi.mocked(api.acceptAgenda).mockResolvedValue(openAgenda({ status: "accepted" }));
    list.mockResolvedValue([summary(12, "accepted")]);
    await fireEvent.click(screen.getByTestId("agenda-accept"));
    await waitFor(() => expect(screen.getByTestId("recent-agenda").dataset.status).toBe("accepted"));
    expect(list).toHaveBeenCalledTimes(3);
  });

  it("reopens the agenda the address names", async () => {
    list.mockResolvedValue([summary(12, "edited")]);
    vi.mocked(api.getAgenda).mockResolvedValue(openAgenda({ status: "edited", changeShare: 0.2 }));
    render(AgendasView, { props: { agendaId: 12 } });
    expect((await screen.findByTestId("agenda-outcome")).textContent).toBe("Accepted with 20% changed");
    expect(api.getAgenda).toHaveBeenCalledWith(12);
    const link = await screen.findByRole("link", { name: /Mei Walsh with Nadia Owusu/ });
    expect(link.getAttribute("href")).toBe("#/coaching/agendas/12");
    expect(link.getAttribute("aria-current")).toBe("true");
  });
});
