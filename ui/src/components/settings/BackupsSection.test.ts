import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, type BackupList, type BackupRecord } from "../../api";
import { formatDateTime } from "../../lib/format";
import { currentUser, overview } from "../../test/fixtures";
import BackupsSection from "./BackupsSection.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

function backup(fileName: string, kind: BackupRecord["kind"], createdAt: string, bytes = 245_760): BackupRecord {
  return { fileName, kind, createdAt, schemaVersion: 14, contentHash: "9f2c4e1ab37d08c5".padEnd(64, "0"), bytes };
}

const daily = backup("pilotdesk-2026-03-14-daily.sqlite", "daily", "2026-03-14T08:01:00Z");
const manual = backup("pilotdesk-2026-03-13-manual.sqlite", "manual", "2026-03-13T16:30:00Z", 3_250_000);
const upgrade = backup("pilotdesk-2026-03-10-before_migration.sqlite", "before_migration", "2026-03-10T09:00:00Z");
const FOLDER = "/home/ana/.local/share/pilotdesk/backups";

function listOf(...backups: BackupRecord[]): BackupList {
  return { folder: FOLDER, backups };
}

// Reset, not clear: a failing test must not leave its unused Once values to the next one.
afterEach(() => {
  cleanup();
  vi.resetAllMocks();
});

describe("BackupsSection", () => {
  it("lists the backups newest first, with why each was made, its size and its short hash", async () => {
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf(daily, manual, upgrade));
    render(BackupsSection);
    const list = await screen.findByTestId("backup-list");
    const rows = within(list).getAllByRole("listitem");
    expect(rows.map((row) => row.dataset.testid)).toEqual([
      `backup-row-${daily.fileName}`,
      `backup-row-${manual.fileName}`,
      `backup-row-${upgrade.fileName}`,
    ]);
    expect(rows.map((row) => row.dataset.kind)).toEqual(["daily", "manual", "before_migration"]);
    expect(rows[0]?.textContent).toContain("Daily");
    expect(rows[0]?.textContent).toContain(formatDateTime(daily.createdAt));
    expect(rows[0]?.textContent).toContain("240 KB");
    expect(rows[1]?.textContent).toContain("Made by hand");
    expect(rows[1]?.textContent).toContain("3.1 MB");
    expect(rows[2]?.textContent).toContain("Before an upgrade");
    expect(within(rows[0] as HTMLElement).getByText("9f2c4e1ab37d08c5").getAttribute("title")).toMatch(/content/);
    expect(screen.getByTestId("backup-folder").textContent).toBe(FOLDER);
    expect(screen.getByRole("heading", { name: "Backups" })).toBeTruthy();
  });

  it("says when there are no backups yet and still offers one", async () => {
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf());
    render(BackupsSection);
    expect((await screen.findByTestId("backup-none")).textContent).toBe("No backups yet.");
    expect(screen.getByTestId("backup-create").textContent).toContain("Back up now");
    expect(screen.queryByTestId("backup-list")).toBeNull();
  });

  it("shows a damaged backup's check in the error style", async () => {
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf(daily, manual));
    vi.mocked(api.verifyBackup).mockResolvedValueOnce({
      fileName: manual.fileName,
      ok: false,
      message: "Damaged: page 12 is corrupt",
    });
    render(BackupsSection);
    await fireEvent.click(await screen.findByTestId(`backup-verify-${manual.fileName}`));
    const result = await screen.findByTestId(`backup-check-${manual.fileName}`);
    expect(api.verifyBackup).toHaveBeenCalledWith(manual.fileName);
    expect(result.textContent).toBe("Damaged: page 12 is corrupt");
    expect(result.getAttribute("role")).toBe("status");
    expect(result.classList.contains("damaged")).toBe(true);
    expect(result.classList.contains("ok")).toBe(false);
    expect(screen.queryByTestId(`backup-check-${daily.fileName}`)).toBeNull();
  });

  it("shows an intact backup's check in the success style", async () => {
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf(daily));
    vi.mocked(api.verifyBackup).mockResolvedValueOnce({ fileName: daily.fileName, ok: true, message: "Intact: content matches" });
    render(BackupsSection);
    await fireEvent.click(await screen.findByTestId(`backup-verify-${daily.fileName}`));
    const result = await screen.findByTestId(`backup-check-${daily.fileName}`);
    expect(result.classList.contains("ok")).toBe(true);
    expect(result.classList.contains("damaged")).toBe(false);
  });

  it("backs up now, names the new file and reloads the list", async () => {
    const made = backup("pilotdesk-2026-03-14-manual.sqlite", "manual", "2026-03-14T10:15:00Z");
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf(daily)).mockResolvedValueOnce(listOf(made, daily));
    vi.mocked(api.createBackup).mockResolvedValueOnce(made);
    render(BackupsSection);
    await fireEvent.click(await screen.findByTestId("backup-create"));
    expect((await screen.findByTestId("backup-made")).textContent).toContain(made.fileName);
    await screen.findByTestId(`backup-row-${made.fileName}`);
    expect(api.createBackup).toHaveBeenCalledTimes(1);
    expect(api.listBackups).toHaveBeenCalledTimes(2);
  });

  it("says why a backup was not made and keeps the list", async () => {
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf(daily));
    vi.mocked(api.createBackup).mockRejectedValueOnce({ code: "io", message: "the disk is full", details: [] });
    render(BackupsSection);
    await fireEvent.click(await screen.findByTestId("backup-create"));
    expect((await screen.findByRole("alert")).textContent).toContain("The disk is full");
    expect(screen.getByTestId(`backup-row-${daily.fileName}`)).toBeTruthy();
    expect(screen.queryByTestId("backup-made")).toBeNull();
  });

  it("asks before restoring, restores only after Restore, then names the kept file and reloads", async () => {
    const kept = backup("pilotdesk-2026-03-14-before_restore.sqlite", "before_restore", "2026-03-14T11:00:00Z");
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf(daily, manual)).mockResolvedValueOnce(listOf(kept, daily, manual));
    vi.mocked(api.restoreBackup).mockResolvedValueOnce({ restored: manual, kept, contentHash: manual.contentHash });
    vi.mocked(api.getOverview).mockResolvedValueOnce(overview);
    vi.mocked(api.getCurrentUser).mockResolvedValueOnce(currentUser);
    render(BackupsSection);

    await fireEvent.click(await screen.findByTestId(`backup-restore-${manual.fileName}`));
    const dialog = screen.getByTestId("restore-dialog");
    expect(dialog.textContent).toContain(`Restore the workspace to ${formatDateTime(manual.createdAt)}?`);
    expect(dialog.textContent).toContain("so this can be undone");
    expect(api.restoreBackup).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe("Cancel");

    await fireEvent.click(screen.getByTestId("restore-confirm"));
    const done = await screen.findByTestId("restore-done");
    expect(api.restoreBackup).toHaveBeenCalledExactlyOnceWith(manual.fileName);
    expect(done.textContent).toContain(`Restored the backup of ${formatDateTime(manual.createdAt)}.`);
    expect(done.textContent).toContain(kept.fileName);
    expect(done.dataset.transient).toBeUndefined();
    expect(screen.queryByTestId("restore-dialog")).toBeNull();
    await screen.findByTestId(`backup-row-${kept.fileName}`);
    expect(api.listBackups).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(api.getOverview).toHaveBeenCalledTimes(1));
    expect(api.getCurrentUser).toHaveBeenCalledTimes(1);
  });

  it("restores nothing when the question is cancelled", async () => {
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf(daily));
    render(BackupsSection);
    await fireEvent.click(await screen.findByTestId(`backup-restore-${daily.fileName}`));
    await fireEvent.click(within(screen.getByTestId("restore-dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("restore-dialog")).toBeNull();
    expect(api.restoreBackup).not.toHaveBeenCalled();
    expect(api.listBackups).toHaveBeenCalledTimes(1);
  });

  it("keeps the dialog open with the reason when a restore fails", async () => {
    vi.mocked(api.listBackups).mockResolvedValueOnce(listOf(daily));
    vi.mocked(api.restoreBackup).mockRejectedValueOnce({ code: "conflict", message: "the backup is damaged", details: [] });
    render(BackupsSection);
    await fireEvent.click(await screen.findByTestId(`backup-restore-${daily.fileName}`));
    await fireEvent.click(screen.getByTestId("restore-confirm"));
    const dialog = screen.getByTestId("restore-dialog");
    expect((await within(dialog).findByRole("alert")).textContent).toContain("The backup is damaged");
    expect(screen.queryByTestId("restore-done")).toBeNull();
    expect(api.getOverview).not.toHaveBeenCalled();
  });
});
