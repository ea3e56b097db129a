import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "./api";
import App from "./App.svelte";
import { overview, people, pilotSummary } from "./test/fixtures";
import { sentence } from "./lib/format";

vi.mock("./api", async (importOriginal) =>
  (await import("./test/fixtures")).mockApiModule(await importOriginal<object>()),
);

beforeEach(() => {
  window.location.hash = "";
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("App", () => {
  it("shows the whole message in a full-window panel when the workspace cannot be opened", async () => {
    const message =
      "this database was written by a newer Pilotdesk (schema version 9; this build understands up to 3). Update Pilotdesk to open it; the file was not changed";
    vi.mocked(api.getOverview).mockRejectedValue({ code: "database_too_new", message, details: [] });
    render(App);
    const panel = await screen.findByTestId("startup-error");
    expect(panel.textContent).toContain(sentence(message));
    expect(screen.queryByTestId("nav-pilots")).toBeNull();
  });

  it("opens on the pilots list, with the workspace and the acting user in the sidebar", async () => {
    vi.mocked(api.getOverview).mockResolvedValue(overview);
    vi.mocked(api.listPilots).mockResolvedValue([pilotSummary]);
    render(App);
    const row = await screen.findByTestId("pilot-row");
    expect(row.textContent).toContain("Sales onboarding pilot");
    expect(screen.getByTestId("nav-pilots").getAttribute("aria-current")).toBe("page");
    expect(screen.getByText("Acting as Ana Lima")).toBeTruthy();
    expect(document.querySelector("[data-screen='pilots']")).not.toBeNull();
  });

  it("offers to create the first pilot when there are none", async () => {
    vi.mocked(api.getOverview).mockResolvedValue(overview);
    vi.mocked(api.listPilots).mockResolvedValue([]);
    render(App);
    const empty = await screen.findByTestId("empty-pilots");
    expect(empty.textContent).toContain("Create your first 90-day pilot");
  });

  it("filters people and names their managers", async () => {
    window.location.hash = "#/people";
    vi.mocked(api.getOverview).mockResolvedValue(overview);
    vi.mocked(api.listPeople).mockResolvedValue(people);
    render(App);
    expect(await screen.findAllByTestId("person-row")).toHaveLength(3);
    expect(screen.getByText("3 people")).toBeTruthy();
    await fireEvent.input(screen.getByTestId("people-search"), { target: { value: "support" } });
    const rows = screen.getAllByTestId("person-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain("Lena Berg");
    expect(rows[0]?.textContent).toContain("Maya Chen");
  });
});
