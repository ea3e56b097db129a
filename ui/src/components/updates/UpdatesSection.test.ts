import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, type UpdateCheck, type UpdateProgress } from "../../api";
import { lastUpdateCheck, updateBannerDismissed } from "../../lib/updates";
import UpdateBanner from "./UpdateBanner.svelte";
import UpdatesSection from "./UpdatesSection.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const offered: UpdateCheck = {
  currentVersion: "0.1.0",
  checkedAt: "2026-11-30T09:00:00Z",
  offer: {
    version: "0.2.0",
    currentVersion: "0.1.0",
    notes: "Outcome packs print the day-90 verdict first.",
    publishedAt: "2026-11-30T08:00:00Z",
  },
  reason: null,
};

const upToDate: UpdateCheck = {
  currentVersion: "0.1.0",
  checkedAt: "2026-11-30T09:00:00Z",
  offer: null,
  reason: "the update server offers 0.1.0, which is not newer than this 0.1.0; nothing was downloaded",
};

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  lastUpdateCheck.set(null);
  updateBannerDismissed.set(false);
});

describe("UpdatesSection", () => {
  it("saves how often to look", async () => {
    vi.mocked(api.setUpdateCheckEvery).mockResolvedValueOnce({ checkEvery: "day", lastCheckedAt: null });
    render(UpdatesSection);
    const select = (await screen.findByTestId("update-every")) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe("week");
    await fireEvent.change(select, { target: { value: "day" } });
    await waitFor(() => expect(api.setUpdateCheckEvery).toHaveBeenCalledWith("day"));
  });

  it("offers a newer version with its notes, shows the download and offers a restart once installed", async () => {
    vi.mocked(api.checkForUpdate).mockResolvedValueOnce(offered);
    let report: (progress: UpdateProgress) => void = () => {};
    let finish: (value: { version: string; bytes: number }) => void = () => {};
    vi.mocked(api.installUpdate).mockImplementationOnce((onProgress) => {
      report = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    render(UpdatesSection);
    await fireEvent.click(await screen.findByTestId("update-check"));
    expect((await screen.findByTestId("update-notes")).textContent).toBe("Outcome packs print the day-90 verdict first.");
    expect(screen.getByTestId("update-last-checked").textContent).toContain("Last checked");

    await fireEvent.click(screen.getByTestId("update-install"));
    report({ downloadedBytes: 1_200_000, totalBytes: 9_400_000 });
    await waitFor(() => expect(screen.getByTestId("update-progress").textContent).toContain("1.2 MB of 9.4 MB"));
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1200000");

    finish({ version: "0.2.0", bytes: 9_400_000 });
    expect((await screen.findByTestId("update-installed")).textContent).toContain("Pilotdesk 0.2.0 is installed");
    expect(screen.queryByTestId("update-offer")).toBeNull();
    await fireEvent.click(screen.getByTestId("update-restart"));
    expect(api.restartApp).toHaveBeenCalledOnce();
  });

  it("says why an update was refused and keeps the offer to try again", async () => {
    vi.mocked(api.checkForUpdate).mockResolvedValueOnce(offered);
    vi.mocked(api.installUpdate).mockRejectedValueOnce({
      code: "update_refused",
      message: "the downloaded update is not signed by Pilotdesk's release key (its signature does not match the file), so it was refused; nothing was installed",
      details: [],
    });
    render(UpdatesSection);
    await fireEvent.click(await screen.findByTestId("update-check"));
    await fireEvent.click(await screen.findByTestId("update-install"));
    const banner = await screen.findByRole("alert");
    expect(banner.textContent).toContain("The update was not installed");
    expect(banner.textContent).toContain("nothing was installed");
    expect(screen.getByTestId("update-install")).toBeTruthy();
    expect(screen.queryByTestId("update-installed")).toBeNull();
  });

  it("says the app is up to date, and why nothing was offered", async () => {
    vi.mocked(api.checkForUpdate).mockResolvedValueOnce(upToDate);
    render(UpdatesSection);
    await fireEvent.click(await screen.findByTestId("update-check"));
    const notice = await screen.findByTestId("update-none");
    expect(notice.textContent).toContain("Pilotdesk 0.1.0 is up to date");
    expect(notice.textContent).toContain("offers 0.1.0, which is not newer");
  });

  it("reports a failed check with the server's reason", async () => {
    vi.mocked(api.checkForUpdate).mockRejectedValueOnce({
      code: "update_refused",
      message: "the update server's answer is not a release manifest Pilotdesk can read (EOF while parsing); nothing was downloaded",
      details: [],
    });
    render(UpdatesSection);
    await fireEvent.click(await screen.findByTestId("update-check"));
    expect((await screen.findByRole("alert")).textContent).toContain("not a release manifest");
  });
});

describe("UpdateBanner", () => {
  it("appears when the start-up check found a newer version, and goes on Not now", async () => {
    render(UpdateBanner);
    expect(screen.queryByTestId("update-banner")).toBeNull();
    lastUpdateCheck.set(offered);
    const banner = await screen.findByTestId("update-banner");
    expect(banner.textContent).toContain("Pilotdesk 0.2.0 is available (you have 0.1.0)");
    await fireEvent.click(screen.getByTestId("update-banner-dismiss"));
    await waitFor(() => expect(screen.queryByTestId("update-banner")).toBeNull());
  });

  it("stays hidden when the check found nothing newer", async () => {
    lastUpdateCheck.set(upToDate);
    render(UpdateBanner);
    expect(screen.queryByTestId("update-banner")).toBeNull();
  });
});
