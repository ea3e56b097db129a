import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import PeopleTable from "../components/people/PeopleTable.svelte";
import { people } from "../test/fixtures";
import { personHistory, personPage, personSkills } from "../test/people";
import PersonScreen from "./PersonScreen.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

beforeEach(() => {
  vi.mocked(api.getPersonPage).mockResolvedValue(personPage());
  vi.mocked(api.getPersonHistory).mockResolvedValue(personHistory);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function open(personId = "E1060") {
  const view = render(PersonScreen, { props: { personId } });
  await screen.findByTestId("person-name");
  return view;
}

describe("PersonScreen", () => {
  it("says who they are, who they report to and how many report to them", async () => {
    await open();
    expect(api.getPersonPage).toHaveBeenCalledWith("E1060");
    expect(screen.getByTestId("person-name").textContent).toBe("Mei Walsh");
    expect(screen.getByText("Customer Success Manager · Customer Success")).toBeTruthy();
    const facts = screen.getByTestId("person-facts").textContent ?? "";
    expect(facts).toContain("Reports to Dana Whitfield");
    expect(facts).toContain("5 direct reports");
    expect(facts).toContain("E1060");
    expect(screen.getByTestId("person-manager").getAttribute("href")).toBe("#/people/E1002");
    expect(screen.getByRole("link", { name: "People" }).getAttribute("href")).toBe("#/people");
    expect(screen.queryByTestId("person-leaving-date")).toBeNull();
  });

  it("shows the leaving date once there is one", async () => {
    const page = personPage();
    vi.mocked(api.getPersonPage).mockResolvedValueOnce({ ...page, person: { ...page.person, leavingDate: "2026-12-31" } });
    await open();
    expect(screen.getByTestId("person-leaving-date").textContent).toBe("31 Dec 2026");
  });

  it("lists each pilot with its arm and how they are in it", async () => {
    await open();
    const own = screen.getByTestId("person-pilot-1");
    expect(within(own).getByRole("link", { name: "Sales onboarding coaching pilot" }).getAttribute("href")).toBe(
      "#/pilots/1/overview",
    );
    expect(screen.getByTestId("person-arm-1").textContent).toBe("Pilot");
    expect(own.textContent).toContain("Running");
    expect(own.textContent).toContain("Manager in the cohort");
    expect(own.textContent).toContain("wave 1");

    const through = screen.getByTestId("person-pilot-4");
    expect(screen.getByTestId("person-arm-4").textContent).toBe("Waitlist");
    expect(through.textContent).toContain("In Dana Whitfield's team");
    expect(through.textContent).not.toContain("Manager in the cohort");
    expect(through.textContent).not.toContain("wave");
  });

  it("says so when they are in no pilot", async () => {
    vi.mocked(api.getPersonPage).mockResolvedValueOnce(personPage({ pilots: [] }));
    await open();
    expect(within(screen.getByTestId("person-pilots")).getByText("Not in any pilot.")).toBeTruthy();
  });

  it("counts coaching given and received in moments and hours, with the latest moments", async () => {
    await open();
    expect(screen.getByTestId("person-coaching-given").textContent).toContain("12 moments · 3.5 h");
    expect(screen.getByTestId("person-coaching-received").textContent).toContain("2 moments · 0.8 h");

    const rows = screen.getAllByTestId("person-moment").map((row) => row.textContent ?? "");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("26 Nov 2026");
    expect(rows[0]).toContain("Micro-coaching");
    expect(rows[0]).toContain("To Oliver Ahmed");
    expect(rows[0]).toContain("Sales onboarding coaching pilot");
    expect(rows[1]).toContain("Live check-in");
    expect(rows[1]).toContain("From Dana Whitfield");
    expect(rows[1]).toContain("—");
    expect(rows[2]).toContain("Async feedback");
    expect(screen.getByTestId("person-all-coaching").getAttribute("href")).toBe("#/coaching/events");
  });

  it("leaves out time credits for someone who has not coached", async () => {
    vi.mocked(api.getPersonPage).mockResolvedValueOnce(
      personPage({ credits: null, coaching: { given: 0, givenMinutes: 0, received: 1, receivedMinutes: 30, latest: [] } }),
    );
    await open();
    expect(screen.queryByTestId("person-credits")).toBeNull();
    expect(screen.getByTestId("person-coaching-given").textContent).toContain("0 moments · 0.0 h");
    expect(screen.queryAllByTestId("person-moment")).toHaveLength(0);
  });

  it("shows time credits with the overloaded weeks highlighted", async () => {
    await open();
    const credits = screen.getByTestId("person-credits");
    expect(credits.textContent).toContain("Over the last 8 weeks");
    expect(screen.getByTestId("person-credits-hours").textContent).toBe("3.5 h");
    expect(screen.getByTestId("person-credits-earned").textContent).toBe("3.5");
    const overloaded = screen.getByTestId("person-credits-overloaded");
    expect(overloaded.classList.contains("alert")).toBe(true);
    expect(overloaded.textContent).toContain("1 week over the weekly threshold");
  });

  it("shows no overload alert in a calm stretch", async () => {
    vi.mocked(api.getPersonPage).mockResolvedValueOnce(personPage({ credits: { weeks: 8, hours: 2, credits: 2, overloadedWeeks: 0 } }));
    await open();
    expect(screen.getByTestId("person-credits-overloaded").classList.contains("alert")).toBe(false);
  });

  it("shows skills only once there are records for them", async () => {
    vi.mocked(api.getPersonPage).mockResolvedValueOnce(personPage({ skills: null }));
    const view = await open();
    expect(screen.queryByTestId("person-skills")).toBeNull();
    view.unmount();

    await open();
    const skills = screen.getByTestId("person-skills");
    expect(screen.getByTestId("person-readiness").textContent).toContain("50%");
    expect(screen.getByTestId("person-readiness").textContent).toContain("1 of 2 required competencies met");
    const modules = screen.getAllByTestId("person-module");
    expect(modules.map((m) => m.dataset.status)).toEqual(["completed", "in_progress"]);
    expect(modules[1]?.textContent).toContain("Case ownership");
    expect(modules[1]?.textContent).toContain("In progress");
    expect(modules[1]?.textContent).toContain("40%");
    // The self-rating at level 2 was overtaken by the manager's level 3.
    const ratings = screen.getAllByTestId("person-rating");
    expect(ratings).toHaveLength(1);
    expect(ratings[0]?.textContent).toContain("3 · Proficient");
    expect(ratings[0]?.textContent).toContain("Manager, 12 Nov 2026");
    expect(within(skills).getByTestId("person-skills-link").getAttribute("href")).toBe("#/skills/people/E1060");
  });

  it("says when their role requires no competencies", async () => {
    vi.mocked(api.getPersonPage).mockResolvedValueOnce(personPage({ skills: { ...personSkills, requirements: [], readiness: null } }));
    await open();
    expect(screen.getByTestId("person-readiness").textContent).toContain("—");
    expect(screen.getByTestId("person-readiness").textContent).toContain("requires no competencies");
  });

  it("keeps the dated history, newest first", async () => {
    await open();
    expect(api.getPersonHistory).toHaveBeenCalledWith("E1060");
    const entries = await screen.findAllByTestId("person-history-entry");
    expect(entries).toHaveLength(2);
    expect(entries[0]?.textContent).toContain("1 Apr 2024");
    expect(entries[0]?.textContent).toContain("Became Customer Success Manager");
  });

  it("loads the next person when the id changes", async () => {
    const view = await open();
    const dana = personPage({
      person: { ...personPage().person, id: "E1002", name: "Dana Whitfield", managerId: null },
      managerName: null,
      reports: 4,
      pilots: [],
    });
    vi.mocked(api.getPersonPage).mockResolvedValueOnce(dana);
    await view.rerender({ personId: "E1002" });
    expect(api.getPersonPage).toHaveBeenLastCalledWith("E1002");
    expect(await screen.findByText("Dana Whitfield", { selector: "h1" })).toBeTruthy();
    expect(screen.getByTestId("person-facts").textContent).toContain("Reports to no one");
  });

  it("says why the person could not be loaded", async () => {
    vi.mocked(api.getPersonPage).mockRejectedValueOnce({ code: "not_found", message: "person E404 was not found", details: [] });
    render(PersonScreen, { props: { personId: "E404" } });
    expect(await screen.findByText(/E404 was not found/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "People" }).getAttribute("href")).toBe("#/people");
  });
});

describe("the People table", () => {
  it("opens a person's page", () => {
    render(PeopleTable, { props: { people: [...people, { ...people[1]!, id: "E 7/1", name: "Sam Reyes" }], names: new Map() } });
    expect(screen.getByRole("link", { name: "Tom Okafor" }).getAttribute("href")).toBe("#/people/E2");
    expect(screen.getByRole("link", { name: "Sam Reyes" }).getAttribute("href")).toBe("#/people/E%207%2F1");
  });
});
