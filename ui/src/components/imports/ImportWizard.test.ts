import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, chooseImportFile } from "../../api";
import { peoplePreview } from "../../test/coaching";
import ImportWizard from "./ImportWizard.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const choose = vi.mocked(chooseImportFile);
const previewImport = vi.mocked(api.previewImport);
const runImport = vi.mocked(api.runImport);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function toMapping() {
  choose.mockResolvedValue("/home/ana/hr-export.csv");
  previewImport.mockResolvedValue(peoplePreview);
  render(ImportWizard, { props: { initialKind: "people" } });
  await fireEvent.click(screen.getByTestId("import-choose-file"));
  await screen.findByTestId("preview-table");
}

describe("ImportWizard", () => {
  it("previews the first rows with the lines they start on", async () => {
    await toMapping();
    expect(choose).toHaveBeenCalledWith("people", "Import people and org structure");
    expect(previewImport).toHaveBeenCalledWith("/home/ana/hr-export.csv", "people", undefined);
    expect(screen.getByTestId("preview-file").textContent).toBe("hr-export.csv");
    expect(screen.getByText("CSV, semicolon-separated, UTF-8 with BOM")).toBeTruthy();
    const rows = screen.getAllByTestId("preview-row").map((r) => r.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("4");
    expect(rows[1]).toContain("Ravi Patel");
  });

  it("shows the detected mapping, lets it change and sends it with the check", async () => {
    await toMapping();
    await fireEvent.click(screen.getByTestId("import-next"));
    const team = screen.getByTestId("map-team") as HTMLSelectElement;
    expect(team.value).toBe("2");
    expect((screen.getByTestId("map-email") as HTMLSelectElement).value).toBe("");
    await fireEvent.change(screen.getByTestId("map-hireDate"), { target: { value: "4" } });
    await fireEvent.change(screen.getByTestId("map-name"), { target: { value: "" } });
    expect(screen.getByTestId("mapping-warning").textContent).toContain("Choose a column for Name");
    await fireEvent.change(screen.getByTestId("map-name"), { target: { value: "1" } });

    runImport.mockResolvedValue({
      kind: "people", fileName: "hr-export.csv", rows: 2, inserted: 2, updated: 0, unchanged: 0,
      dryRun: true, importId: null, notes: [],
    });
    await fireEvent.click(screen.getByTestId("import-check"));
    await screen.findByTestId("import-ready");
    const request = runImport.mock.calls[0]![0];
    expect(request.dryRun).toBe(true);
    expect(request.mapping).toContainEqual({ field: "hireDate", column: 4 });
    expect(request.mapping).toContainEqual({ field: "email", column: null });
    expect(screen.getByTestId("import-ready-summary").textContent).toBe("2 people: 2 new, 0 changed, 0 unchanged.");
  });

  it("lists every problem of a refused file with its line and column", async () => {
    await toMapping();
    await fireEvent.click(screen.getByTestId("import-next"));
    runImport.mockRejectedValue({
      code: "invalid_input",
      message: "hr-export.csv: 3 problems; nothing was imported",
      details: [
        { file: "hr-export.csv", line: 3, column: 1, field: "Employee ID", message: "duplicate employee id N1: it is already on line 2" },
        { file: "hr-export.csv", line: 4, column: 4, field: "Reports to", message: "unknown manager GHOST" },
        { file: "hr-export.csv", line: 1, message: "no column holds the team" },
      ],
    });
    await fireEvent.click(screen.getByTestId("import-check"));
    await screen.findByTestId("import-problems");
    expect(screen.getByTestId("import-problems-summary").textContent).toBe("hr-export.csv: 3 problems; nothing was imported.");
    const rows = screen.getAllByTestId("problem-row");
    expect(rows.map((r) => [r.dataset.line, r.dataset.column])).toEqual([
      ["3", "1"],
      ["4", "4"],
      ["1", ""],
    ]);
    expect(rows[0]!.textContent).toContain("Duplicate employee id N1");
    expect(rows[1]!.textContent).toContain("Reports to");
    expect(screen.queryByTestId("import-run")).toBeNull();
  });

  it("imports for real only when asked, then says what changed", async () => {
    await toMapping();
    await fireEvent.click(screen.getByTestId("import-next"));
    const summary = { kind: "people" as const, fileName: "hr-export.csv", rows: 2, inserted: 1, updated: 1, unchanged: 0, importId: null, notes: [] };
    runImport.mockResolvedValueOnce({ ...summary, dryRun: true });
    await fireEvent.click(screen.getByTestId("import-check"));
    await screen.findByTestId("import-run");
    runImport.mockResolvedValueOnce({ ...summary, dryRun: false, importId: 7 });
    await fireEvent.click(screen.getByTestId("import-run"));
    await screen.findByTestId("import-done");
    expect(runImport).toHaveBeenCalledTimes(2);
    expect(runImport.mock.calls[1]![0].dryRun).toBe(false);
    expect(screen.getByTestId("import-done-summary").textContent).toBe("2 people: 1 new, 1 changed, 0 unchanged.");
    expect(screen.getByTestId("import-destination").getAttribute("href")).toBe("#/people");
  });

  it("skips the mapping for xAPI statements and stays put when the dialog is cancelled", async () => {
    choose.mockResolvedValueOnce(null);
    render(ImportWizard, { props: { initialKind: "xapi" } });
    await fireEvent.click(screen.getByTestId("import-choose-file"));
    await waitFor(() => expect(choose).toHaveBeenCalled());
    expect(screen.getByTestId("import-wizard").dataset.step).toBe("choose");
    expect(screen.queryByTestId("wizard-step-mapping")).toBeNull();
  });
});
