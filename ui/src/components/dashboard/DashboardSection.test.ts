import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, chooseSavePath } from "../../api";
import { dashboard } from "../../test/analytics";
import { pack } from "../../test/fixtures";
import { asyncReport } from "../../test/portfolio";
import { skillsReport, supportModules } from "../../test/skills";
import DashboardSection from "./DashboardSection.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const getDashboard = vi.mocked(api.getDashboard);
const choose = vi.mocked(chooseSavePath);

const pilot = {
  pilotId: 1,
  pilotName: "Sales and escalation coaching pilot",
  status: "running" as const,
  startDate: "2026-08-31",
  endDate: "2026-11-29",
};

beforeEach(() => {
  getDashboard.mockResolvedValue(dashboard());
  vi.mocked(api.getSkillsReport).mockResolvedValue(skillsReport());
  vi.mocked(api.listModules).mockResolvedValue(supportModules);
  vi.mocked(api.getAsyncReport).mockResolvedValue(asyncReport());
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("DashboardSection", () => {
  it("reads the answer first: the headline, the key numbers, then every part", async () => {
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    const headline = await screen.findByTestId("dashboard-headline");
    expect(headline.textContent).toContain("3 of 3 KPIs met their success criterion");
    expect(getDashboard).toHaveBeenCalledWith(1, null);
    const first = screen.getByTestId("key-number-1");
    expect(first.textContent).toContain("6.05 days");
    expect(first.textContent).toContain("Improvement in Days to first closed deal");
    expect(first.textContent).toContain("strong evidence: a randomised comparison");
    expect(screen.getByTestId("key-number-4").textContent).toContain("1,145%");
    expect(screen.getByTestId("lift-per-kpi")).toBeTruthy();
    for (const id of [1, 2, 3]) expect(screen.getByTestId(`kpi-panel-${id}`)).toBeTruthy();
    expect(screen.getByTestId("roi-summary").textContent).toContain("ROI 1,145%");
    expect(screen.getByTestId("roi-assumptions-form")).toBeTruthy();
    expect(screen.getByTestId("flight-risk")).toBeTruthy();
    expect(screen.getByTestId("unit-table")).toBeTruthy();
    expect(screen.getByTestId("unit-hidden").textContent).toContain("2 teams are not shown");
    // Said once, under the table, not again among the privacy notes.
    expect(screen.getByTestId("privacy-notes").textContent).not.toContain("2 teams are not shown");
    expect(screen.getByTestId("privacy-notes").textContent).toContain("fewer than 5 people");
    // The answer comes before the evidence in reading order.
    const order = ["dashboard-headline", "kpi-panel-1", "roi-summary", "flight-risk", "unit-table"].map((id) => screen.getByTestId(id));
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it("shows the pilot's skills figures as a part of their own, read to today whatever the month", async () => {
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    const finding = await screen.findByTestId("skills-finding");
    expect(api.getSkillsReport).toHaveBeenCalledWith(1);
    expect(finding.textContent).toContain("20 of 36 targets reached across 2 competencies");
    expect(screen.getByRole("heading", { name: "Skills" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Skills" })).toBeTruthy();
    // An input, so it sits between the coaching and what it all cost.
    const order = ["coaching-per-manager", "skills-finding", "roi-summary"].map((id) => screen.getByTestId(id));
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(screen.queryByTestId("skills-today")).toBeNull();
    await fireEvent.change(screen.getByTestId("dashboard-month"), { target: { value: "2026-10" } });
    expect((await screen.findByTestId("skills-today")).textContent).toContain("Read to today");
    expect(api.getSkillsReport).toHaveBeenCalledTimes(1);
  });

  it("shows the async competency figures beside the skills figures, read to today", async () => {
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    const finding = await screen.findByTestId("async-finding");
    await screen.findByTestId("skills-finding");
    expect(api.getAsyncReport).toHaveBeenCalledWith(1);
    expect(finding.textContent).toContain("2 people without a live check-in for 3 weeks");
    expect(screen.getByRole("heading", { name: "Asynchronous competency" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Async competency" })).toBeTruthy();
    const order = ["skills-finding", "async-finding", "roi-summary"].map((id) => screen.getByTestId(id));
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    await fireEvent.change(screen.getByTestId("dashboard-month"), { target: { value: "2026-10" } });
    expect((await screen.findByTestId("async-today")).textContent).toContain("Read to today");
    expect(api.getAsyncReport).toHaveBeenCalledTimes(1);
  });

  it("keeps the rest of the dashboard when the skills figures cannot be read", async () => {
    vi.mocked(api.getSkillsReport).mockRejectedValue({ code: "internal", message: "database is locked", details: [] });
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    expect((await screen.findByRole("alert")).textContent).toContain("The skills figures could not be loaded");
    expect(screen.getByTestId("dashboard-headline")).toBeTruthy();
    expect(screen.getByTestId("roi-summary")).toBeTruthy();
  });

  it("lists what else the privacy floor held back", async () => {
    const d = dashboard();
    d.privacyNotes = [d.units.note, "the comparison group's leavers are not shown: fewer than 5 people"];
    getDashboard.mockResolvedValue(d);
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    const notes = await screen.findByTestId("privacy-notes");
    expect([...notes.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "The comparison group's leavers are not shown: fewer than 5 people",
    ]);
  });

  it("reads the data to the end of an earlier month", async () => {
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    const picker = (await screen.findByTestId("dashboard-month")) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      "November 2026, to today",
      "End of October 2026",
      "End of September 2026",
      "End of August 2026",
    ]);
    const october = dashboard({ month: "2026-10", asOf: "2026-10-31", headline: "Day 61 of 90: 2 of 3 KPIs meet their criterion so far." });
    getDashboard.mockResolvedValueOnce(october);
    await fireEvent.change(picker, { target: { value: "2026-10" } });
    await waitFor(() => expect(getDashboard).toHaveBeenLastCalledWith(1, "2026-10"));
    expect((await screen.findByText("Day 61 of 90: 2 of 3 KPIs meet their criterion so far.")).dataset.testid).toBe("dashboard-headline");
    expect(screen.getByText("Data read to 31 Oct 2026")).toBeTruthy();
  });

  it("offers the monthly pack only before day 45, and says when the others come", async () => {
    render(DashboardSection, { ...pilot, today: "2026-10-10" });
    expect(await screen.findByTestId("save-monthly-pack")).toBeTruthy();
    expect(screen.queryByTestId("save-day45-pack")).toBeNull();
    expect(screen.queryByTestId("save-outcome-pack")).toBeNull();
    expect(screen.getByTestId("later-packs").textContent).toMatch(/day-45 review pack from 15 Oct 2026; the\s+day-90 outcome pack from 29 Nov 2026/);
  });

  it("offers the day-45 pack from day 45 and the day-90 pack from the end date", async () => {
    const { unmount } = render(DashboardSection, { ...pilot, today: "2026-10-15" });
    expect(await screen.findByTestId("save-day45-pack")).toBeTruthy();
    expect(screen.queryByTestId("save-outcome-pack")).toBeNull();
    unmount();
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    expect(await screen.findByTestId("save-outcome-pack")).toBeTruthy();
    expect(screen.getByTestId("save-day45-pack")).toBeTruthy();
    expect(screen.queryByTestId("later-packs")).toBeNull();
  });

  it("saves the monthly pack of the month shown where the person chose, and reports it", async () => {
    choose.mockResolvedValue("/home/ana/pilot-monthly.pdf");
    vi.mocked(api.saveMonthlyPack).mockResolvedValue({ ...pack, kind: "monthly", title: "Monthly pack", pages: 3, path: "/home/ana/pilot-monthly.pdf" });
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    const picker = await screen.findByTestId("dashboard-month");
    await fireEvent.change(picker, { target: { value: "2026-10" } });
    await fireEvent.click(screen.getByTestId("save-monthly-pack"));
    const notice = await screen.findByTestId("pack-saved");
    expect(choose).toHaveBeenCalledWith("sales-and-escalation-coaching-pilot-monthly-2026-10.pdf");
    expect(api.saveMonthlyPack).toHaveBeenCalledWith(1, "2026-10", "/home/ana/pilot-monthly.pdf");
    expect(notice.textContent).toContain("The monthly pack is saved to");
    expect(notice.textContent).toContain("/home/ana/pilot-monthly.pdf");
    expect(notice.textContent).toContain("3 pages");
    expect(notice.textContent).toContain("0123456789abcdef");
  });

  it("saves the day-90 outcome pack, and shows a refusal in a banner", async () => {
    choose.mockResolvedValue("/read-only/outcome.pdf");
    vi.mocked(api.saveOutcomePack).mockRejectedValue({ code: "io", message: "/read-only/outcome.pdf: permission denied", details: [] });
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    await fireEvent.click(await screen.findByTestId("save-outcome-pack"));
    const banner = await screen.findByRole("alert");
    expect(choose).toHaveBeenCalledWith("sales-and-escalation-coaching-pilot-day-90-outcome.pdf");
    expect(api.saveOutcomePack).toHaveBeenCalledWith(1, 90, "/read-only/outcome.pdf");
    expect(banner.textContent).toContain("The day-90 outcome pack was not saved");
    expect(banner.textContent).toContain("permission denied");
    expect(screen.queryByTestId("pack-saved")).toBeNull();
  });

  it("does nothing when the save dialog is cancelled", async () => {
    choose.mockResolvedValue(null);
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    await fireEvent.click(await screen.findByTestId("save-day45-pack"));
    await waitFor(() => expect(choose).toHaveBeenCalled());
    expect(api.saveOutcomePack).not.toHaveBeenCalled();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByTestId("pack-saved")).toBeNull();
  });

  it("shows the dashboard the saved assumptions answer with", async () => {
    const after = dashboard({ headline: "With 40 new hires a year, first-year ROI 1,145%." });
    vi.mocked(api.setRoiAssumptions).mockResolvedValue(after);
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    await fireEvent.click(await screen.findByTestId("roi-save"));
    expect((await screen.findByText("With 40 new hires a year, first-year ROI 1,145%.")).dataset.testid).toBe("dashboard-headline");
    expect(getDashboard).toHaveBeenCalledTimes(1);
  });

  it("says there is no dashboard before the pilot runs, without asking for one", () => {
    render(DashboardSection, { ...pilot, status: "approved", today: "2026-08-01" });
    expect(screen.getByTestId("dashboard-not-yet").textContent).toContain("this one is Approved");
    expect(getDashboard).not.toHaveBeenCalled();
    expect(api.getSkillsReport).not.toHaveBeenCalled();
  });

  it("shows why the dashboard could not be loaded", async () => {
    getDashboard.mockRejectedValue({ code: "not_found", message: "pilot 1 does not exist", details: [] });
    render(DashboardSection, { ...pilot, today: "2026-11-29" });
    expect((await screen.findByRole("alert")).textContent).toContain("The dashboard could not be loaded");
  });
});
