import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, type Person, type PersonHistory, type PersonHistoryEntry } from "../../api";
import { describeEntry } from "../../lib/personHistory";
import PeopleTable from "./PeopleTable.svelte";
import PersonDialog from "./PersonDialog.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const ada: Person = {
  id: "A1",
  name: "Ada Brook",
  email: "ada@x.example",
  team: "Sales South",
  role: "Senior account executive",
  managerId: "M2",
  hireDate: "2022-01-10",
  leavingDate: "2026-12-31",
};

const joined: PersonHistoryEntry = {
  validFrom: "2022-01-10", team: "Sales North", role: "Account executive", managerId: "M1", managerName: "Maya Field", changes: ["joined"], importId: 1,
};
const promoted: PersonHistoryEntry = { ...joined, validFrom: "2026-10-05", role: "Senior account executive", changes: ["role"], importId: 2 };
const moved: PersonHistoryEntry = {
  ...promoted, validFrom: "2026-11-16", team: "Sales South", managerId: "M2", managerName: "Omar Hale", changes: ["team", "manager"], importId: null,
};
const history: PersonHistory = { person: ada, entries: [joined, promoted, moved] };

const names = new Map([["M2", "Omar Hale"]]);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("a person's history", () => {
  it("says what each entry changed", () => {
    expect(describeEntry(joined)).toBe("Joined Sales North as Account executive, reporting to Maya Field");
    expect(describeEntry(promoted)).toBe("Became Senior account executive");
    expect(describeEntry(moved)).toBe("Moved to Sales South, now reports to Omar Hale");
    expect(describeEntry({ ...moved, changes: ["manager"], managerId: null, managerName: null })).toBe(
      "No longer reports to anyone",
    );
  });

  it("opens from the table with the leaving date and the history, newest first", async () => {
    vi.mocked(api.getPersonHistory).mockResolvedValue(history);
    let opened: Person | null = null;
    render(PeopleTable, { props: { people: [ada], names, onopen: (person: Person) => (opened = person) } });
    expect(screen.getByTestId("person-row").textContent).toContain("left 31 Dec 2026");
    await fireEvent.click(screen.getByTestId("open-person"));
    expect(opened).toEqual(ada);
    cleanup();

    const onclose = vi.fn();
    render(PersonDialog, { props: { person: ada, names, onclose } });
    expect(api.getPersonHistory).toHaveBeenCalledWith("A1");
    expect(screen.getByTestId("person-leaving-date").textContent).toBe("31 Dec 2026");
    await waitFor(() => expect(screen.getAllByTestId("person-history-entry")).toHaveLength(3));
    const rows = screen.getAllByTestId("person-history-entry").map((row) => row.textContent ?? "");
    expect(rows[0]).toContain("16 Nov 2026");
    expect(rows[0]).toContain("Moved to Sales South");
    expect(rows[0]).not.toContain("import");
    expect(rows[2]).toContain("Joined Sales North");
    expect(rows[2]).toContain("import 1");

    await fireEvent.keyDown(screen.getByTestId("person-dialog"), { key: "Escape" });
    expect(onclose).toHaveBeenCalled();
  });

  it("shows why the history could not be loaded", async () => {
    vi.mocked(api.getPersonHistory).mockRejectedValue({ code: "not_found", message: "person A1 was not found", details: [] });
    render(PersonDialog, { props: { person: ada, names, onclose: () => undefined } });
    expect(await screen.findByText(/A1 was not found/)).toBeTruthy();
  });
});
