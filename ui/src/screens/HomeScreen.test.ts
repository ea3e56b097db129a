import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import { currentUser as currentUserStore } from "../lib/user";
import { workspace } from "../lib/workspace";
import { currentUser, overview } from "../test/fixtures";
import { decidedPilot, home, homePilots, mayaActing, owedGate, votedApproval } from "../test/home";
import HomeScreen from "./HomeScreen.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

beforeEach(() => {
  workspace.set(overview);
  currentUserStore.set(mayaActing);
  vi.mocked(api.getHome).mockResolvedValue(home());
  vi.mocked(api.listPilots).mockResolvedValue(homePilots);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  currentUserStore.set(null);
});

function sectionOrder(): string[] {
  return [...document.querySelectorAll<HTMLElement>("[data-testid^='home-section-']")].map((s) => s.dataset.testid ?? "");
}

describe("HomeScreen", () => {
  it("greets the user and shows their parts in the order the backend gives", async () => {
    render(HomeScreen);
    await screen.findByTestId("home-section-lead");
    expect(screen.getByTestId("home-greeting").textContent).toBe("Good to see you, Maya");
    expect(document.querySelector("[data-screen='home']")).not.toBeNull();
    expect(sectionOrder()).toEqual(["home-section-sponsor", "home-section-member", "home-section-lead"]);
    expect(within(screen.getByTestId("home-section-sponsor")).getByRole("heading", { level: 2 }).textContent).toBe("Pilots you sponsor");
    expect(within(screen.getByTestId("home-section-member")).getByRole("heading", { level: 2 }).textContent).toBe("Your steering-group inbox");
    expect(screen.getByText("1 verdict in · 1 vote needs you · 1 gate overdue")).toBeTruthy();
    expect(screen.getByTestId("new-pilot").getAttribute("href")).toBe("#/pilots/new");
  });

  it("puts the member's inbox first for a member who sponsors nothing", async () => {
    vi.mocked(api.getHome).mockResolvedValueOnce(home({ roles: ["member", "lead"], sponsored: [] }));
    render(HomeScreen);
    await screen.findByTestId("home-section-member");
    expect(sectionOrder()).toEqual(["home-section-member", "home-section-lead"]);
    expect(screen.queryByTestId("home-section-sponsor")).toBeNull();
  });

  it("marks a vote owed and links it to its review", async () => {
    render(HomeScreen);
    const row = await screen.findByTestId(`inbox-entry-${owedGate.itemId}`);
    const entry = within(row);
    expect(entry.getByTestId("inbox-owes-vote").textContent).toContain("Your vote is needed");
    expect(entry.getByText("Day-45 review")).toBeTruthy();
    expect(row.textContent).toContain("Renewals pilot");
    expect(row.textContent).toContain("2 of 5 eligible members have voted");
    const link = entry.getByRole("link", { name: /Vote on Renewals pilot/ });
    expect(link.getAttribute("href")).toBe("#/governance/pilots/2/items/12");
  });

  it("shows an overdue gate as overdue, and a vote already cast without the marker", async () => {
    render(HomeScreen);
    const late = await screen.findByTestId(`inbox-entry-${owedGate.itemId}`);
    expect(late.dataset.overdue).toBe("true");
    expect(within(late).getByText("Overdue")).toBeTruthy();
    expect(late.textContent).toContain("Due 24 Sep 2026 · 38 days overdue");

    const voted = screen.getByTestId(`inbox-entry-${votedApproval.itemId}`);
    expect(voted.dataset.overdue).toBe("false");
    expect(within(voted).queryByText("Overdue")).toBeNull();
    expect(within(voted).queryByTestId("inbox-owes-vote")).toBeNull();
    expect(voted.textContent).toContain("You voted Approve");
    expect(voted.textContent).toContain("Due 8 Nov 2026 · Due in 7 days");
    expect(within(voted).getByRole("link", { name: /Open review/ }).getAttribute("href")).toBe("#/governance/pilots/3/items/14");
  });

  it("tells a member with nothing open so, calmly", async () => {
    vi.mocked(api.getHome).mockResolvedValueOnce(home({ roles: ["member", "lead"], inbox: [], sponsored: [] }));
    render(HomeScreen);
    const section = await screen.findByTestId("home-section-member");
    expect(within(section).getByTestId("inbox-empty").textContent).toContain("Nothing waits for you");
    expect(screen.queryAllByTestId(/^inbox-entry-/)).toHaveLength(0);
    expect(screen.getByText("No vote waits for you")).toBeTruthy();
  });

  it("shows the sponsor the verdict taken, or what they wait for, and the packs", async () => {
    render(HomeScreen);
    const decided = await screen.findByTestId(`sponsor-entry-${decidedPilot.pilotId}`);
    expect(within(decided).getByTestId("sponsor-verdict-4").textContent?.trim()).toBe("Verdict: Scale, 12 Aug 2026");
    expect(within(decided).getByRole("link", { name: "Field service coaching pilot" }).getAttribute("href")).toBe("#/pilots/4/overview");
    expect(within(decided).getByRole("link", { name: "Day-90 outcome pack" }).getAttribute("href")).toBe("#/packs");

    const waiting = screen.getByTestId("sponsor-entry-1");
    expect(within(waiting).queryByTestId("sponsor-verdict-1")).toBeNull();
    expect(waiting.textContent).toContain("The day-90 outcome, when the pilot ends on 29 Nov 2026.");
    const packs = within(waiting).getAllByRole("link").filter((a) => a.getAttribute("href") === "#/packs");
    expect(packs.map((a) => a.textContent)).toEqual(["Monthly pack, October 2026", "Proposal pack"]);
  });

  it("shows a lead every pilot as on the pilot list, with the sponsor the list knows", async () => {
    vi.mocked(api.getHome).mockResolvedValueOnce(home({ firstName: "", roles: ["lead"], inbox: [], sponsored: [] }));
    render(HomeScreen);
    const section = await screen.findByTestId("home-section-lead");
    expect(sectionOrder()).toEqual(["home-section-lead"]);
    // No one chosen yet: no name to greet by.
    expect(screen.getByTestId("home-greeting").textContent).toBe("Home");
    expect(within(section).getAllByTestId("pilot-row")).toHaveLength(4);
    expect(screen.getByTestId("pilot-day-1").textContent).toContain("Day 62 of 90");
    expect(screen.getByTestId("pilot-gate-2").dataset.overdue).toBe("true");
    expect(screen.getByTestId("pilot-budget-1").textContent).toContain("USD 12,500 spent");
    expect(section.querySelector("[data-pilot-id='4']")?.textContent).toContain("Maya Chen");
    expect(screen.getByText("4 pilots · each runs a 90-day window")).toBeTruthy();
  });

  it("loads again when someone else is chosen to act", async () => {
    render(HomeScreen);
    await screen.findByTestId("home-section-member");
    expect(api.getHome).toHaveBeenCalledTimes(1);
    vi.mocked(api.getHome).mockResolvedValueOnce(home({ firstName: "Ana", roles: ["lead"], inbox: [], sponsored: [] }));
    currentUserStore.set(currentUser);
    await vi.waitFor(() => expect(screen.getByTestId("home-greeting").textContent).toBe("Good to see you, Ana"));
    expect(api.getHome).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("home-section-member")).toBeNull();
  });

  it("says so when the home cannot be loaded", async () => {
    vi.mocked(api.getHome).mockRejectedValueOnce({ code: "internal", message: "database is locked", details: [] });
    render(HomeScreen);
    expect((await screen.findByRole("alert")).textContent).toContain("Database is locked");
    expect(screen.queryByTestId("home-section-lead")).toBeNull();
  });
});
