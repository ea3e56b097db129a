import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, chooseSavePath } from "../api";
import { workspace } from "../lib/workspace";
import { dashboard } from "../test/analytics";
import { pilotDesign } from "../test/design";
import { overview, pack, pilotDetail } from "../test/fixtures";
import PilotScreen from "./PilotScreen.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const getDetail = vi.mocked(api.getPilotDetail);
const save = vi.mocked(api.saveProposalPack);
const choose = vi.mocked(chooseSavePath);

beforeEach(() => {
  workspace.set(overview);
  getDetail.mockResolvedValue(pilotDetail());
  vi.mocked(api.getPilotDesign).mockResolvedValue(pilotDesign());
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function openMore() {
  await fireEvent.click(await screen.findByTestId("more-actions"));
}

/** The demo pilot with every Step 1 item met or waived. */
function readyDesign() {
  const design = pilotDesign({ nextStatuses: ["draft"] });
  design.pilot = { ...design.pilot, status: "ready" };
  for (const item of design.readiness.steps[0]!.items) if (item.status === "not_met") item.status = "met";
  design.readiness = { ...design.readiness, step1Complete: true };
  return design;
}

describe("PilotScreen", () => {
  it("shows the steering group's comments while a returned pilot is redesigned", async () => {
    vi.mocked(api.getPilotDesign).mockResolvedValue(
      pilotDesign({
        feedback: {
          decisionId: 4,
          decidedAt: "2026-11-23T10:00:00Z",
          summary: "Returned \"Sales onboarding pilot\" for changes: 3 request changes of 6 eligible members.",
          votes: [
            { id: 1, itemId: 2, personId: "E1005", name: "Tomasz Nowak", function: "finance", choice: "request_changes",
              comment: "Cost the coaches' time", at: "2026-11-23T10:00:00Z", superseded: false, recused: false, logId: 9 },
            { id: 2, itemId: 2, personId: "E1004", name: "Helen Castillo", function: "hr", choice: "approve",
              comment: "", at: "2026-11-23T10:01:00Z", superseded: false, recused: false, logId: 10 },
          ],
        },
      }),
    );
    render(PilotScreen, { props: { id: 1 } });
    const feedback = await screen.findByTestId("review-feedback");
    expect(feedback.textContent).toContain("The steering group asked for changes");
    expect(screen.getByTestId("feedback-E1005").textContent).toContain("Cost the coaches' time");
    expect(screen.queryByTestId("feedback-E1004")).toBeNull();
    expect(screen.queryByTestId("open-review")).toBeNull();
  });

  it("links a pilot under review to its review", async () => {
    const design = pilotDesign();
    vi.mocked(api.getPilotDesign).mockResolvedValue({ ...design, pilot: { ...design.pilot, status: "submitted" }, editable: false });
    render(PilotScreen, { props: { id: 1 } });
    const link = await screen.findByTestId("open-review");
    expect(link.getAttribute("href")).toBe("#/governance/pilots/1");
    expect(screen.queryByTestId("review-feedback")).toBeNull();
  });

  it("shows the pilot's facts", async () => {
    render(PilotScreen, { props: { id: 1 } });
    expect((await screen.findByTestId("pilot-title")).textContent).toBe("Sales onboarding pilot");
    expect(screen.getByTestId("pilot-status").textContent).toContain("Draft");
    expect(screen.getByText("14 Dec 2026 – 14 Mar 2027")).toBeTruthy();
    expect(screen.getByText("USD 18,000")).toBeTruthy();
    expect(screen.getByText(/Starts in 21 days/)).toBeTruthy();
    expect(screen.getByText("Created the pilot")).toBeTruthy();
    expect(getDetail).toHaveBeenCalledWith(1);
  });

  it("saves the proposal pack where the person chose and reports it", async () => {
    choose.mockResolvedValue(pack.path);
    save.mockResolvedValue(pack);
    render(PilotScreen, { props: { id: 1 } });
    await openMore();
    await fireEvent.click(screen.getByTestId("save-proposal"));
    getDetail.mockResolvedValue(pilotDetail([pack]));

    const notice = await screen.findByTestId("pack-saved");
    expect(choose).toHaveBeenCalledWith("sales-onboarding-pilot-proposal.pdf");
    expect(save).toHaveBeenCalledWith(1, pack.path);
    expect(notice.textContent).toContain(pack.path);
    expect(notice.textContent).toContain("2 pages");
    expect(notice.textContent).toContain("0123456789abcdef");
    expect(notice.textContent).not.toContain("0123456789abcdef0");
    await waitFor(() => expect(getDetail).toHaveBeenCalledTimes(2));
  });

  it("does nothing when the save dialog is cancelled", async () => {
    choose.mockResolvedValue(null);
    render(PilotScreen, { props: { id: 1 } });
    await openMore();
    await fireEvent.click(screen.getByTestId("save-proposal"));
    await waitFor(() => expect(choose).toHaveBeenCalled());
    expect(save).not.toHaveBeenCalled();
    expect(screen.queryByTestId("pack-saved")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows a failed save in a banner", async () => {
    choose.mockResolvedValue("/read-only/pack.pdf");
    save.mockRejectedValue({ code: "io", message: "/read-only/pack.pdf: permission denied", details: [] });
    render(PilotScreen, { props: { id: 1 } });
    await openMore();
    await fireEvent.click(screen.getByTestId("save-proposal"));
    expect((await screen.findByRole("alert")).textContent).toContain("permission denied");
    expect(screen.queryByTestId("pack-saved")).toBeNull();
  });
});

describe("PilotScreen dashboard", () => {
  function running() {
    const design = pilotDesign({ editable: false, criteriaLocked: true, nextStatuses: [] });
    design.pilot = { ...design.pilot, status: "running" };
    vi.mocked(api.getPilotDesign).mockResolvedValue(design);
    const detail = pilotDetail();
    detail.pilot = { ...detail.pilot, status: "running" };
    detail.phase = { phase: "in_window", day: 34 };
    getDetail.mockResolvedValue(detail);
  }

  it("leaves the dashboard out of a draft pilot's sections", async () => {
    render(PilotScreen, { props: { id: 1 } });
    await screen.findByTestId("section-basics");
    expect(screen.queryByTestId("section-dashboard")).toBeNull();
    expect(screen.queryByTestId("open-dashboard")).toBeNull();
    // The design steps keep their numbers.
    expect(screen.getByTestId("section-basics").textContent).toMatch(/^\s*1/);
  });

  it("puts a running pilot's dashboard beside the overview and links to it prominently", async () => {
    running();
    render(PilotScreen, { props: { id: 1 } });
    const link = await screen.findByTestId("open-dashboard");
    expect(link.getAttribute("href")).toBe("#/pilots/1/dashboard");
    expect(screen.getByTestId("section-dashboard").getAttribute("href")).toBe("#/pilots/1/dashboard");
    expect(screen.getByTestId("section-dashboard").textContent).toContain("Dashboard");
    expect(screen.getByTestId("section-basics").textContent).toMatch(/^\s*1/);
  });

  it("opens the dashboard section", async () => {
    running();
    vi.mocked(api.getDashboard).mockResolvedValue(dashboard());
    render(PilotScreen, { props: { id: 1, section: "dashboard" } });
    expect((await screen.findByTestId("dashboard-headline")).textContent).toContain("3 of 3 KPIs");
    expect(api.getDashboard).toHaveBeenCalledWith(1, null);
    expect(screen.getByTestId("section-dashboard").getAttribute("aria-current")).toBe("page");
  });
});

describe("PilotScreen sections", () => {
  it("shows the sections as steps, the design progress and the decisions on the overview", async () => {
    vi.mocked(api.getPilotDesign).mockResolvedValue(
      pilotDesign({
        transitions: [
          { id: 1, from: "draft", to: "ready", at: "2026-11-23T10:00:00Z", actor: "Isla Okafor", reason: "Step 1 complete", evidence: "{}" },
        ],
      }),
    );
    render(PilotScreen, { props: { id: 1 } });
    const progress = await screen.findByTestId("design-progress");
    expect(progress.textContent).toContain("6 of 10 done");
    expect(progress.textContent).toContain("An AI-assisted agenda set up or waived");
    for (const section of ["overview", "basics", "playbooks", "cohort", "kpis", "budget", "checklist"]) {
      const link = screen.getByTestId(`section-${section}`);
      expect(link.getAttribute("href")).toBe(section === "overview" ? "#/pilots/1" : `#/pilots/1/${section}`);
    }
    expect(screen.getByTestId("section-overview").getAttribute("aria-current")).toBe("page");
    const decision = screen.getByTestId("transition-row");
    expect(decision.textContent).toContain("Ready");
    expect(decision.textContent).toContain("Step 1 complete");
    expect(decision.textContent).toContain("Isla Okafor");
    expect(document.querySelector("[data-section='overview']")).not.toBeNull();
    expect(screen.queryByTestId("checklist")).toBeNull();
  });

  it("shows a design section beside the live checklist, and saves the basics", async () => {
    const saved = pilotDesign();
    saved.pilot = { ...saved.pilot, aiAgenda: "onboarding 1:1s" };
    const agenda = saved.readiness.steps[0]!.items.find((i) => i.key === "ai_agenda")!;
    agenda.status = "met";
    agenda.reason = "Set up for onboarding 1:1s";
    vi.mocked(api.updateBasics).mockResolvedValue(saved);
    render(PilotScreen, { props: { id: 1, section: "basics" } });

    const ai = (await screen.findByTestId("basics-ai-agenda")) as HTMLInputElement;
    expect(screen.getByTestId("check-ai_agenda").dataset.status).toBe("not_met");
    expect((screen.getByTestId("basics-budget") as HTMLInputElement).value).toBe("18000");
    await fireEvent.input(ai, { target: { value: "onboarding 1:1s" } });
    await fireEvent.click(screen.getByTestId("basics-save"));

    expect(api.updateBasics).toHaveBeenCalledWith(1, {
      name: "Sales onboarding pilot",
      objective: "Prove that weekly micro-coaching shortens ramp-up.",
      startDate: "2026-12-14",
      sponsor: "Dana Whitfield",
      budget: "18000",
      aiAgenda: "onboarding 1:1s",
    });
    expect(await screen.findByTestId("basics-saved")).toBeTruthy();
    expect(screen.getByTestId("check-ai_agenda").dataset.status).toBe("met");
    expect(screen.getByTestId("check-ai_agenda").textContent).toContain("Set up for onboarding 1:1s");
  });

  it("shows the designer read-only with a note once submitted", async () => {
    const design = pilotDesign({ editable: false, nextStatuses: ["draft", "approved", "changes_requested", "rejected"] });
    design.pilot = { ...design.pilot, status: "submitted" };
    vi.mocked(api.getPilotDesign).mockResolvedValue(design);
    render(PilotScreen, { props: { id: 1, section: "basics" } });
    expect((await screen.findByTestId("design-locked")).textContent).toContain("with the steering group; withdraw it to Draft");
    expect(screen.getByTestId("basics-name").matches(":disabled")).toBe(true);
    expect((screen.getByTestId("basics-save") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId("submit-pilot")).toBeNull();
  });

  it("lists each blocking item when submitting is refused, keeps the note, then submits", async () => {
    // The checklist allowed it when the page loaded; the backend has the last word.
    vi.mocked(api.getPilotDesign).mockResolvedValue(readyDesign());
    vi.mocked(api.submitPilot).mockRejectedValueOnce({
      code: "invalid_input",
      message: "the pilot cannot be submitted until every Step 1 item is met or waived; 2 are not",
      details: [
        { field: "ai_agenda", message: "An AI-assisted agenda set up or waived: No AI-assisted agenda is set up" },
        { field: "cohort", message: "Pilot managers and their teams chosen: No pilot managers chosen yet" },
      ],
    });
    render(PilotScreen, { props: { id: 1 } });
    await fireEvent.click(await screen.findByTestId("submit-pilot"));
    await fireEvent.input(screen.getByTestId("submit-reason"), { target: { value: "Ready for January" } });
    await fireEvent.click(screen.getByTestId("submit-confirm"));

    const banner = await screen.findByRole("alert");
    expect(banner.textContent).toContain("The pilot cannot be submitted until every Step 1 item is met or waived");
    const items = Array.from(banner.querySelectorAll("li")).map((li) => li.textContent);
    expect(items).toEqual([
      "An AI-assisted agenda set up or waived: No AI-assisted agenda is set up",
      "Pilot managers and their teams chosen: No pilot managers chosen yet",
    ]);
    expect((screen.getByTestId("submit-reason") as HTMLTextAreaElement).value).toBe("Ready for January");
    expect(screen.queryByTestId("submitted")).toBeNull();

    const submitted = pilotDesign({ editable: false, nextStatuses: ["draft", "approved", "changes_requested", "rejected"] });
    submitted.pilot = { ...submitted.pilot, status: "submitted" };
    vi.mocked(api.submitPilot).mockResolvedValueOnce(submitted);
    await fireEvent.click(screen.getByTestId("submit-confirm"));
    expect(api.submitPilot).toHaveBeenLastCalledWith(1, "Ready for January");
    expect((await screen.findByTestId("submitted")).textContent).toContain("Submitted");
    expect(screen.getByTestId("pilot-status").textContent).toContain("Submitted");
    expect(screen.queryByTestId("submit-dialog")).toBeNull();
    expect(screen.queryByTestId("submit-pilot")).toBeNull();
  });

  it("moves the pilot through the Move to menu, asking why", async () => {
    const design = pilotDesign({ editable: false, nextStatuses: ["draft", "submitted", "approved"] });
    design.pilot = { ...design.pilot, status: "submitted" };
    vi.mocked(api.getPilotDesign).mockResolvedValue(design);
    const approved = pilotDesign({ editable: false, criteriaLocked: true, nextStatuses: ["running"] });
    approved.pilot = { ...approved.pilot, status: "approved" };
    vi.mocked(api.transitionPilot).mockResolvedValue(approved);
    render(PilotScreen, { props: { id: 1 } });

    await fireEvent.click(await screen.findByTestId("transition-menu"));
    expect(screen.getByTestId("transition-draft")).toBeTruthy();
    expect(screen.queryByTestId("transition-submitted")).toBeNull();
    await fireEvent.click(screen.getByTestId("transition-approved"));
    await fireEvent.input(screen.getByTestId("transition-reason"), { target: { value: "Approved at the January meeting" } });
    await fireEvent.click(screen.getByTestId("transition-confirm"));
    expect(api.transitionPilot).toHaveBeenCalledWith(1, "approved", "Approved at the January meeting");
    await waitFor(() => expect(screen.getByTestId("pilot-status").textContent).toContain("Approved"));
    expect(screen.getByTestId("transitioned").textContent).toContain("Moved to Approved");
  });
});

describe("PilotScreen header", () => {
  it("keeps submitting in view but disabled while Step 1 is open, saying why and linking to the checklist", async () => {
    render(PilotScreen, { props: { id: 1 } });
    const submit = (await screen.findByTestId("submit-pilot")) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    const reason = screen.getByTestId("submit-blocked");
    // playbooks, ai_agenda, kpis and cohort are not met; comparison is waived.
    expect(reason.textContent).toBe("4 checklist items in Step 1 are still open");
    expect(reason.getAttribute("href")).toBe("#/pilots/1/checklist");
    expect(reason.getAttribute("title")).toContain("Pilot managers and their teams chosen");
    expect(submit.getAttribute("aria-describedby")).toBe(reason.id);
    await fireEvent.click(submit);
    expect(screen.queryByTestId("submit-dialog")).toBeNull();
  });

  it("names a single open item in the singular", async () => {
    const design = pilotDesign();
    const items = design.readiness.steps[0]!.items;
    for (const item of items) if (item.status === "not_met" && item.key !== "cohort") item.status = "met";
    vi.mocked(api.getPilotDesign).mockResolvedValueOnce(design);
    render(PilotScreen, { props: { id: 1 } });
    expect((await screen.findByTestId("submit-blocked")).textContent).toBe("1 checklist item in Step 1 is still open");
  });

  it("enables submitting once the checklist allows it, with no reason beside it", async () => {
    vi.mocked(api.getPilotDesign).mockResolvedValueOnce(readyDesign());
    render(PilotScreen, { props: { id: 1 } });
    await waitFor(() => expect(screen.getByTestId("pilot-status").textContent).toContain("Ready"));
    const submit = screen.getByTestId("submit-pilot") as HTMLButtonElement;
    expect(submit.disabled).toBe(false);
    expect(submit.hasAttribute("aria-describedby")).toBe(false);
    expect(screen.queryByTestId("submit-blocked")).toBeNull();
    await fireEvent.click(submit);
    expect(screen.getByTestId("submit-dialog")).toBeTruthy();
  });

  it("puts the secondary actions in a More actions menu worked from the keyboard", async () => {
    render(PilotScreen, { props: { id: 1 } });
    const button = await screen.findByTestId("more-actions");
    expect(screen.queryByTestId("save-proposal")).toBeNull();
    expect(button.getAttribute("aria-haspopup")).toBe("menu");
    await fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const item = screen.getByTestId("save-proposal");
    expect(item.getAttribute("role")).toBe("menuitem");
    expect(document.activeElement).toBe(item);
    await fireEvent.keyDown(item, { key: "Escape" });
    expect(screen.queryByTestId("save-proposal")).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("names the status menu for what it does and the statuses it leads to", async () => {
    const design = pilotDesign({ editable: false, nextStatuses: ["draft", "submitted", "approved", "rejected"] });
    design.pilot = { ...design.pilot, status: "submitted" };
    vi.mocked(api.getPilotDesign).mockResolvedValueOnce(design);
    render(PilotScreen, { props: { id: 1 } });
    const menu = await screen.findByTestId("transition-menu");
    expect(menu.textContent?.trim()).toBe("Change status…");
    expect(menu.getAttribute("title")).toBe("Move the pilot to Draft, Approved or Rejected");
    expect(document.getElementById(menu.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Move the pilot to Draft, Approved or Rejected",
    );
    // Under review, the review is the one primary action.
    expect(screen.getByTestId("open-review").classList.contains("btn--primary")).toBe(true);
    expect(screen.queryByTestId("submit-pilot")).toBeNull();
  });

  it("cuts a long title short on one line, keeping it whole as its tooltip", async () => {
    const long = "Sales onboarding and customer escalation coaching pilot for the Northern and Eastern regions, wave two";
    const detail = pilotDetail();
    detail.pilot = { ...detail.pilot, name: long };
    getDetail.mockResolvedValueOnce(detail);
    const design = pilotDesign();
    design.pilot = { ...design.pilot, name: long };
    vi.mocked(api.getPilotDesign).mockResolvedValueOnce(design);
    render(PilotScreen, { props: { id: 1 } });
    const title = await screen.findByTestId("pilot-title");
    await waitFor(() => expect(title.textContent).toBe(long));
    expect(title.getAttribute("title")).toBe(long);
    expect(title.closest(".row")?.classList.contains("one-line")).toBe(true);
  });

  it("lets the confirmation of a move fade by itself", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const design = pilotDesign({ editable: false, nextStatuses: ["approved"] });
      design.pilot = { ...design.pilot, status: "submitted" };
      vi.mocked(api.getPilotDesign).mockResolvedValueOnce(design);
      const approved = pilotDesign({ editable: false, criteriaLocked: true, nextStatuses: [] });
      approved.pilot = { ...approved.pilot, status: "approved" };
      vi.mocked(api.transitionPilot).mockResolvedValueOnce(approved);
      render(PilotScreen, { props: { id: 1 } });
      await fireEvent.click(await screen.findByTestId("transition-menu"));
      await fireEvent.click(screen.getByTestId("transition-approved"));
      await fireEvent.input(screen.getByTestId("transition-reason"), { target: { value: "Approved in January" } });
      await fireEvent.click(screen.getByTestId("transition-confirm"));
      const notice = await screen.findByTestId("transitioned");
      expect(notice.dataset.transient).toBe("true");
      await vi.advanceTimersByTimeAsync(6000);
      expect(screen.queryByTestId("transitioned")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

