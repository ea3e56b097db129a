import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, chooseFrameworkFile, type FrameworkView, type ReadinessHeatmap, type SkillModule } from "../api";
import { workspace } from "../lib/workspace";
import { overview } from "../test/fixtures";
import SkillsScreen from "./SkillsScreen.svelte";

// Every backend call of the Skills screen is a vi.fn(); the real error helpers stay.
vi.mock("../api", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../api")>();
  const calls = [
    "listFrameworks", "getFramework", "importFramework", "exportFramework", "listCompetencies", "listModules", "saveModule",
    "buyModule", "listPurchases", "assignModule", "recordModuleProgress", "getAssignmentBoard", "rateCompetency",
    "listRoleRequirements", "setRoleRequirement", "removeRoleRequirement", "getSkillProfile", "getReadinessHeatmap",
    "getSkillsReport", "listVendors", "listPilots", "listPeople", "listManagerCandidates",
  ];
  return {
    ...actual,
    api: Object.fromEntries(calls.map((name) => [name, vi.fn()])),
    chooseFrameworkFile: vi.fn(),
    chooseExportPath: vi.fn(),
  };
});

const builtin = {
  id: 1, identifier: "b", title: "Pilotdesk coaching competencies", version: "1.0", builtin: true,
  competencies: 15, levels: 4, updatedAt: "2026-11-29T10:00:00Z",
};
const levels = [
  { level: 1, label: "Aware", descriptor: "Knows the procedure." },
  { level: 2, label: "Practising", descriptor: "Follows it with help." },
  { level: 3, label: "Proficient", descriptor: "Acknowledges, restates, then agrees a next step." },
  { level: 4, label: "Role model", descriptor: "Others learn from them." },
];
const view: FrameworkView = {
  summary: builtin,
  description: "Competencies for the demo's workflows.",
  publisher: "Pilotdesk",
  otherAssociations: [],
  competencies: [
    { id: 6, identifier: "ce", name: "Customer escalation", statement: "Customer escalation", humanCoding: "CE", itemType: "Domain", parentId: null, depth: 0, levels: [] },
    { id: 7, identifier: "ce1", name: "Calm escalation calls", statement: "Handles an escalated call calmly", humanCoding: "CE.1", itemType: "Competency", parentId: 6, depth: 1, levels },
  ],
};
const module: SkillModule = {
  id: 3, title: "De-escalation language", vendor: "Northstar Coaching Labs", durationHours: 1.5, delivery: "self_paced",
  pricing: "per_seat_month", price: 1_800, seatsBought: 12, seatsUsed: 9, spent: 64_800,
  targets: [{ competencyId: 7, competency: "CE.1 Handles an escalated call calmly", targetLevel: 3, levelLabel: "Proficient" }],
};

beforeEach(() => {
  workspace.set(overview);
  vi.mocked(api.listFrameworks).mockResolvedValue([builtin, { ...builtin, id: 2, title: "Workplace Communication Skills", builtin: false }]);
  vi.mocked(api.getFramework).mockResolvedValue(view);
  vi.mocked(api.listModules).mockResolvedValue([module]);
  vi.mocked(api.listPurchases).mockResolvedValue([]);
  vi.mocked(api.listVendors).mockResolvedValue([]);
  vi.mocked(api.listCompetencies).mockResolvedValue([{ id: 7, label: "CE.1 Handles an escalated call calmly", framework: "Pilotdesk", levels }]);
  vi.mocked(api.listPilots).mockResolvedValue([]);
  vi.mocked(api.listPeople).mockResolvedValue([]);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("SkillsScreen", () => {
  it("lists the built-in framework first, browses its tree, and shows a level's descriptor", async () => {
    render(SkillsScreen, { props: { tab: "frameworks" } });
    const rows = await screen.findAllByTestId("framework-row");
    expect(rows[0]!.textContent).toContain("Built in");
    expect(rows[1]!.textContent).not.toContain("Built in");
    const item = await screen.findByTestId("competency-7");
    expect(item.textContent).toContain("CE.1");
    // The first item with levels is open to begin with.
    const panel = screen.getByTestId("level-panel");
    expect(within(panel).getAllByTestId("level-row")).toHaveLength(4);
    expect(panel.textContent).toContain("Acknowledges, restates, then agrees a next step.");
    await fireEvent.click(screen.getByTestId("competency-6"));
    expect(screen.getByTestId("level-panel").textContent).toContain("No proficiency levels");
  });

  it("refuses a bad package with every problem's JSON path, line and column", async () => {
    vi.mocked(chooseFrameworkFile).mockResolvedValue("/tmp/bad.case.json");
    vi.mocked(api.importFramework).mockRejectedValue({
      code: "invalid_input",
      message: "bad.case.json: 2 problems; nothing was imported",
      details: [
        { field: "$.CFItems[2].identifier", file: "bad.case.json", line: 41, column: 27, message: "\"not-a-uuid\" is not a UUID" },
        { field: "$.CFAssociations[0].originNodeURI", file: "bad.case.json", line: 80, column: 9, message: "names no item in the package" },
      ],
    });
    render(SkillsScreen, { props: { tab: "frameworks" } });
    await screen.findAllByTestId("framework-row");
    await fireEvent.click(screen.getByTestId("framework-import"));
    const problems = await screen.findAllByTestId("framework-problem");
    expect(problems).toHaveLength(2);
    expect(problems[0]!.textContent).toContain("$.CFItems[2].identifier");
    expect(problems[0]!.textContent).toContain("line 41, column 27");
    expect(problems[1]!.dataset.field).toBe("$.CFAssociations[0].originNodeURI");
    expect(screen.getByTestId("framework-problems-summary").textContent).toContain("nothing was imported");
    expect(api.listFrameworks).toHaveBeenCalledTimes(1);
  });

  it("shows the catalog and works out a purchase's total before buying", async () => {
    vi.mocked(api.buyModule).mockResolvedValue({
      id: 1, moduleId: 3, moduleTitle: module.title, vendor: module.vendor, pilotId: null, pilotName: null, pricing: "per_seat_month",
      unitPrice: 1_800, seats: 5, months: 2, total: 18_000, startsOn: "2026-12-01", endsOn: "2027-01-31", purchasedAt: "",
      purchasedBy: "Isla Okafor", basis: "5 seats × 2 months × USD 18",
    });
    render(SkillsScreen, { props: { tab: "catalog" } });
    const row = await screen.findByTestId("module-row");
    expect(row.textContent).toContain("USD 18");
    expect(row.textContent).toContain("per seat per month");
    expect(row.textContent).toContain("Proficient");
    expect(within(row).getByTestId("module-seats").textContent).toContain("9 of 12 seats used");
    expect(within(row).getByTestId("module-spent").textContent).toContain("USD 648");

    await fireEvent.click(screen.getByTestId("module-buy-3"));
    const total = await screen.findByTestId("purchase-total");
    expect(total.textContent).toContain("Enter the seats and months");
    await fireEvent.input(screen.getByTestId("purchase-seats"), { target: { value: "5" } });
    await fireEvent.input(screen.getByTestId("purchase-months"), { target: { value: "2" } });
    expect(screen.getByTestId("purchase-total").textContent).toContain("USD 180");
    expect(screen.getByTestId("purchase-total").textContent).toContain("5 seats × 2 months × USD 18");
    await fireEvent.click(screen.getByTestId("purchase-save"));
    await waitFor(() => expect(api.buyModule).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.buyModule).mock.calls[0]![0]).toMatchObject({ moduleId: 3, seats: "5", months: "2", pilotId: null });
  });

  it("writes each heatmap share in its cell and hides teams under the privacy floor", async () => {
    const heatmap: ReadinessHeatmap = {
      columns: [{ competencyId: 7, code: "CE.1", name: "Calm escalation calls", statement: "Handles an escalated call calmly" }],
      rows: [
        { team: "Customer Support", people: 19, cells: [{ competencyId: 7, requiredOf: 13, met: 4, share: 4 / 13, hidden: false }], readiness: 0.4, suppressed: false },
        { team: "Legal", people: 0, cells: [{ competencyId: 7, requiredOf: 0, met: 0, share: null, hidden: false }], readiness: null, suppressed: true },
      ],
      minGroupSize: 5,
      requirements: [{ role: "Support Specialist", competencyId: 7, competency: "CE.1 Handles an escalated call calmly", level: 3, levelLabel: "Proficient" }],
    };
    vi.mocked(api.getReadinessHeatmap).mockResolvedValue(heatmap);
    render(SkillsScreen, { props: { tab: "readiness" } });
    const cell = await screen.findByTestId("heat-cell");
    expect(cell.textContent).toContain("31%");
    expect(cell.textContent).toContain("4 of 13");
    expect(cell.className).toContain("band-some");
    expect(screen.getByTestId("heat-column").getAttribute("title")).toBe("CE.1 Calm escalation calls: Handles an escalated call calmly");
    expect(screen.getByTestId("heat-suppressed").textContent).toContain("Fewer than 5 people — hidden");
    expect(screen.getByTestId("role-requirement").textContent).toContain("3 · Proficient");
    expect(api.getReadinessHeatmap).toHaveBeenCalledWith(null);
  });
});
