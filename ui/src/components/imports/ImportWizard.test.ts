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

  it("shows rows read, checked and written while it checks, and a cancel keeps nothing", async () => {
    await toMapping();
    await fireEvent.click(screen.getByTestId("import-next"));
    let fail: (error: unknown) => void = () => {};
    runImport.mockImplementationOnce((_request, report) => {
      report?.({ rowsRead: 40_000, rowsChecked: 40_000, rowsWritten: 39_998, rowsExpected: 100_000 });
      return new Promise((_, reject) => (fail = reject));
    });
    await fireEvent.click(screen.getByTestId("import-check"));
    expect((await screen.findByTestId("import-progress-text")).textContent).toBe(
      "Read 40,000 of about 100,000 rows (40%) · checked 40,000",
    );
    await fireEvent.click(screen.getByTestId("import-cancel"));
    expect(api.cancelImport).toHaveBeenCalledOnce();
    expect(screen.getByTestId("import-cancel").textContent).toBe("Cancelling…");
    fail({ code: "cancelled", message: "the import of hr-export.csv was cancelled; nothing was imported", details: [] });
    expect((await screen.findByTestId("import-cancelled")).textContent).toBe(
      "The import of hr-export.csv was cancelled; nothing was imported.",
    );
    expect(screen.queryByTestId("import-progress")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("import-check-again")).toBeTruthy();
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

  it("offers module progress, maps its columns and leads to the assignments once imported", async () => {
    choose.mockResolvedValue("/home/ana/lms-progress.csv");
    previewImport.mockResolvedValue({
      kind: "module_progress", fileName: "lms-progress.csv", format: "CSV, comma-separated, UTF-8", sheet: null, sheets: [],
      headers: ["Learner ID", "Course", "Percent complete", "Completed on"],
      rows: [{ line: 2, cells: ["E1042", "Tier-1 diagnostics", "100", "2026-11-27"] }],
      rowCount: 1,
      fields: [
        { key: "personId", label: "Employee ID", required: true, hint: "The learner's employee id (or email)", column: 0 },
        { key: "module", label: "Module", required: true, hint: "The module's title as in the catalog, or its id", column: 1 },
        { key: "progress", label: "Progress", required: false, hint: "Percent done, 0 to 100", column: 2 },
        { key: "completedOn", label: "Completed on", required: false, hint: "YYYY-MM-DD or an Excel date", column: 3 },
        { key: "passed", label: "Passed", required: false, hint: "yes or no", column: null },
        { key: "score", label: "Score", required: false, hint: "A number", column: null },
      ],
    });
    render(ImportWizard, { props: { initialKind: "people" } });
    expect(screen.getAllByRole("radio").map((r) => (r as HTMLInputElement).value)).toEqual([
      "people", "events", "observations", "module_progress", "xapi",
    ]);
    await fireEvent.click(screen.getByTestId("import-kind-module_progress").querySelector("input")!);
    expect(screen.getByTestId("import-columns").textContent).toContain("Employee ID, Module, Progress, Completed on, Passed, Score");
    await fireEvent.click(screen.getByTestId("import-choose-file"));
    await screen.findByTestId("preview-table");
    expect(choose).toHaveBeenCalledWith("module_progress", "Import module progress");
    await fireEvent.click(screen.getByTestId("import-next"));
    expect((screen.getByTestId("map-completedOn") as HTMLSelectElement).value).toBe("3");
    const summary = { kind: "module_progress" as const, fileName: "lms-progress.csv", rows: 1, inserted: 0, updated: 1, unchanged: 0, importId: null, notes: [] };
    runImport.mockResolvedValueOnce({ ...summary, dryRun: true });
    await fireEvent.click(screen.getByTestId("import-check"));
    expect((await screen.findByTestId("import-ready-summary")).textContent).toBe("1 module assignment: 0 new, 1 changed, 0 unchanged.");
    expect(runImport.mock.calls[0]![0]).toMatchObject({ kind: "module_progress", dryRun: true });
    expect(runImport.mock.calls[0]![0].mapping).toContainEqual({ field: "completedOn", column: 3 });
    runImport.mockResolvedValueOnce({ ...summary, dryRun: false, importId: 9 });
    await fireEvent.click(screen.getByTestId("import-run"));
    await screen.findByTestId("import-done");
    expect(screen.getByTestId("import-destination").getAttribute("href")).toBe("#/skills/assignments");
    expect(screen.queryByTestId("import-also")).toBeNull();
  });

  it("counts xAPI statements as statements, and leads to both coaching and assignments", async () => {
    choose.mockResolvedValue("/home/ana/lrs.json");
    previewImport.mockResolvedValue({
      kind: "xapi", fileName: "lrs.json", format: "xAPI statements (JSON)", sheet: null, sheets: [],
      headers: ["actor", "verb", "object", "timestamp"], rows: [{ line: 2, cells: ["E1042", "completed", "Tier-1 diagnostics", "2026-11-27T10:00:00Z"] }],
      rowCount: 3, fields: [],
    });
    render(ImportWizard, { props: { initialKind: "xapi" } });
    expect(screen.getByTestId("import-columns").textContent).toContain("Read from each statement");
    expect(screen.getByTestId("import-columns").textContent).toContain("https://pilotdesk.app/modules/<module id>");
    await fireEvent.click(screen.getByTestId("import-choose-file"));
    await screen.findByTestId("preview-table");
    const summary = {
      kind: "xapi" as const, fileName: "lrs.json", rows: 3, inserted: 2, updated: 1, unchanged: 0, importId: null,
      notes: ["1 of the statements is module progress (1 changing an assignment); 2 are coaching events."],
    };
    runImport.mockResolvedValueOnce({ ...summary, dryRun: true });
    await fireEvent.click(screen.getByTestId("import-check"));
    expect((await screen.findByTestId("import-ready-summary")).textContent).toBe("3 xAPI statements: 2 new, 1 changed, 0 unchanged.");
    runImport.mockResolvedValueOnce({ ...summary, dryRun: false, importId: 10 });
    await fireEvent.click(screen.getByTestId("import-run"));
    await screen.findByTestId("import-done");
    expect(screen.getByTestId("import-done").textContent).toContain("1 of the statements is module progress");
    expect(screen.getByTestId("import-destination").getAttribute("href")).toBe("#/coaching");
    expect(screen.getByTestId("import-also").getAttribute("href")).toBe("#/skills/assignments");
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
