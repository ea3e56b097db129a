import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "./api";
import App from "./App.svelte";
import { currentUser, firstStartUser, overview, people, pilotSummary, steeringMembers } from "./test/fixtures";
import { sentence } from "./lib/format";
import { home } from "./test/home";

vi.mock("./api", async (importOriginal) =>
  (await import("./test/fixtures")).mockApiModule(await importOriginal<object>()),
);

beforeEach(() => {
  window.location.hash = "";
  vi.mocked(api.getCurrentUser).mockResolvedValue(currentUser);
  vi.mocked(api.getHome).mockResolvedValue(home({ firstName: "Ana", roles: ["lead"], inbox: [], sponsored: [] }));
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

  it("opens on the home, with the workspace and the acting user in the sidebar", async () => {
    vi.mocked(api.getOverview).mockResolvedValue(overview);
    vi.mocked(api.listPilots).mockResolvedValue([pilotSummary]);
    render(App);
    await screen.findByTestId("home-section-lead");
    expect(screen.getByTestId("home-greeting").textContent).toBe("Good to see you, Ana");
    expect(screen.getByTestId("nav-home").getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("acting-as-name").textContent).toBe("Ana Lima");
    expect(screen.queryByTestId("user-chooser")).toBeNull();
    expect(document.querySelector("[data-screen='home']")).not.toBeNull();
    expect(document.title).toBe("Home · Pilotdesk");
  });

  it("still lists every pilot under Pilots", async () => {
    window.location.hash = "#/pilots";
    vi.mocked(api.getOverview).mockResolvedValue(overview);
    vi.mocked(api.listPilots).mockResolvedValue([pilotSummary]);
    render(App);
    const row = await screen.findByTestId("pilot-row");
    expect(row.textContent).toContain("Sales onboarding pilot");
    expect(screen.getByTestId("nav-pilots").getAttribute("aria-current")).toBe("page");
    expect(document.querySelector("[data-screen='pilots']")).not.toBeNull();
  });

  it("makes the signing key on start, and opens a bundle the app was started with", async () => {
    vi.mocked(api.getOverview).mockResolvedValue(overview);
    vi.mocked(api.listPilots).mockResolvedValue([pilotSummary]);
    vi.mocked(api.getLaunchFile).mockResolvedValueOnce("/home/ana/approval.pdreview");
    vi.mocked(api.openReviewBundle).mockRejectedValueOnce({ code: "invalid_input", message: "not a bundle", details: [] });
    render(App);
    await screen.findByTestId("bundle-title");
    expect(api.getIdentity).toHaveBeenCalled();
    expect(window.location.hash).toBe("#/governance/bundle");
    expect(api.openReviewBundle).toHaveBeenCalledWith("/home/ana/approval.pdreview");
  });

  it("asks who is using Pilotdesk on first start, suggesting the demo's L&D lead", async () => {
    vi.mocked(api.getOverview).mockResolvedValue(overview);
    vi.mocked(api.listPilots).mockResolvedValue([pilotSummary]);
    vi.mocked(api.getCurrentUser).mockResolvedValue(firstStartUser);
    vi.mocked(api.listPeople).mockResolvedValue(people);
    vi.mocked(api.listSteeringMembers).mockResolvedValue(steeringMembers);
    vi.mocked(api.chooseUser).mockResolvedValue(currentUser);
    render(App);
    const chooser = await screen.findByTestId("user-chooser");
    expect(chooser.textContent).toContain("Who is using Pilotdesk on this computer?");
    expect(screen.queryByTestId("user-chooser-cancel")).toBeNull();
    const suggested = await screen.findByTestId("user-suggested");
    expect(suggested.textContent).toContain("Ana Lima");
    // Steering-group members are marked with the function they speak for, phrased so it does
    // not read as their job; the search narrows the list.
    const member = (await screen.findByTestId("user-option-E1")).textContent;
    expect(member).toContain("Sales manager · Sales");
    expect(member).toContain("Speaks for the front line");
    expect(member).not.toContain("Frontline leader");
    await fireEvent.input(screen.getByTestId("user-search"), { target: { value: "support" } });
    expect(screen.queryByTestId("user-option-E1")).toBeNull();
    expect(screen.getByTestId("user-option-E3")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("user-option-E9"));
    expect(api.chooseUser).toHaveBeenCalledWith("E9");
    await vi.waitFor(() => expect(screen.queryByTestId("user-chooser")).toBeNull());
  });

  it("switches who is acting from the sidebar", async () => {
    vi.mocked(api.getOverview).mockResolvedValue(overview);
    vi.mocked(api.listPilots).mockResolvedValue([pilotSummary]);
    vi.mocked(api.listPeople).mockResolvedValue(people);
    vi.mocked(api.listSteeringMembers).mockResolvedValue(steeringMembers);
    vi.mocked(api.chooseUser).mockResolvedValue({ ...currentUser, name: "Maya Chen", steeringFunction: "frontline" });
    render(App);
    await fireEvent.click(await screen.findByTestId("acting-as"));
    const chooser = await screen.findByTestId("user-chooser");
    expect(chooser.textContent).toContain("Act as someone else");
    await fireEvent.click(await screen.findByTestId("user-option-E1"));
    expect(api.chooseUser).toHaveBeenCalledWith("E1");
    await vi.waitFor(() => expect(screen.queryByTestId("user-chooser")).toBeNull());
    expect(api.getOverview).toHaveBeenCalledTimes(2);
  });

  it("offers to create the first pilot when there are none", async () => {
    window.location.hash = "#/pilots";
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
