import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { get } from "svelte/store";
import { api, chooseExportPath } from "../../api";
import { toast } from "../../lib/coaching";
import { associateLevel, matchReport, progress, summary } from "../../test/coaches";
import CoachesView from "./CoachesView.svelte";

vi.mock("../../api", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../api")>();
  const calls = [
    "listCoaches", "getCoachProgress", "nominateCoach", "recordCoachTraining", "recordCoachObservation",
    "recordCoachFeedback", "certifyCoach", "matchCoaches", "saveCoachingCalendar", "saveBadge", "listPeople",
  ];
  return { ...actual, api: Object.fromEntries(calls.map((name) => [name, vi.fn()])), chooseExportPath: vi.fn() };
});

const people = [
  { id: "E1008", name: "Sofia Sato", team: "Sales East", role: "Sales Team Lead", managerId: "E1006", leavingDate: null },
  { id: "E1045", name: "Søren Owusu", team: "Customer Support", role: "Support Specialist", managerId: "E1039", leavingDate: null },
];

beforeEach(() => {
  vi.mocked(api.listCoaches).mockResolvedValue([
    summary({ coach: { ...summary().coach, personId: "E1007", name: "Liam Fischer" }, status: "certified", level: "certified",
      validUntil: "2027-03-20", expiringSoon: true, targetLevel: "certified", criteriaMet: 6 }),
  ]);
  vi.mocked(api.listPeople).mockResolvedValue(people as never);
  vi.mocked(api.getCoachProgress).mockResolvedValue(progress());
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  toast.set(null);
});

describe("CoachesView", () => {
  it("lists coaches with their standing, expiry and progress", async () => {
    render(CoachesView);
    const row = await screen.findByTestId("coach-row");
    expect(within(row).getByTestId("coach-standing").textContent).toContain("Certified coach");
    expect(within(row).getByText("expires 20 Mar 2027")).toBeTruthy();
    expect(within(row).getByTestId("coach-progress").textContent).toBe("6 of 6 criteria toward certified");
    expect(within(row).getByText("23.8")).toBeTruthy();
  });

  it("nominates a coach and opens their page with each criterion's reason", async () => {
    vi.mocked(api.nominateCoach).mockResolvedValue(summary().coach);
    render(CoachesView);
    await fireEvent.click(await screen.findByTestId("nominate-coach"));
    const box = await screen.findByTestId("nominate-person");
    await fireEvent.input(box, { target: { value: "Sofia" } });
    await fireEvent.keyDown(box, { key: "Enter" });
    await fireEvent.click(screen.getByTestId("nominate-save"));
    await waitFor(() => expect(api.nominateCoach).toHaveBeenCalledWith({ personId: "E1008", nominatedBy: "", note: "" }));
    expect(await screen.findByTestId("coach-page")).toBeTruthy();
    expect(api.getCoachProgress).toHaveBeenCalledWith("E1008");
    const training = await screen.findByTestId("criterion-associate-training");
    expect(training.dataset.met).toBe("false");
    expect(within(training).getByTestId("criterion-reason").textContent).toBe("No coach training recorded yet");
    const certify = screen.getByTestId("certify-associate") as HTMLButtonElement;
    expect(certify.disabled).toBe(true);
    expect(screen.getByTestId("certify-reason").textContent).toBe("Not yet met: No coach training recorded yet; 0 of 1 session observed");
  });

  it("shows a refused nomination at its field", async () => {
    vi.mocked(api.nominateCoach).mockRejectedValue({
      code: "invalid_input", message: "personId: choose a person", details: [{ field: "personId", message: "choose a person" }],
    });
    render(CoachesView);
    await fireEvent.click(await screen.findByTestId("nominate-coach"));
    await fireEvent.click(await screen.findByTestId("nominate-save"));
    await waitFor(() => expect(api.nominateCoach).toHaveBeenCalled());
    expect((await screen.findByTestId("error-personId")).textContent).toContain("Choose a person");
  });

  it("certifies once met, then saves the badge through the save dialog", async () => {
    const certification = {
      id: 9, coachId: "E1008", level: "associate" as const, standardVersion: 1, certifiedOn: "2027-03-01", validUntil: "2029-02-28",
      certifiedBy: "Isla Okafor", evidence: [], revokedOn: null,
    };
    vi.mocked(api.getCoachProgress)
      .mockResolvedValueOnce(progress({ levels: [associateLevel(true)] }))
      .mockResolvedValue(progress({ status: "certified", current: certification, certifications: [certification],
        levels: [{ ...associateLevel(true), blocked: "Already associate coach until 28 Feb 2029; recertification opens on 30 Nov 2028" }] }));
    vi.mocked(api.certifyCoach).mockResolvedValue(certification);
    vi.mocked(chooseExportPath).mockResolvedValue("/home/lee/sofia.jwt");
    vi.mocked(api.saveBadge).mockResolvedValue({} as never);
    render(CoachesView);
    await fireEvent.click(await screen.findByTestId("coach-open"));
    const certify = (await screen.findByTestId("certify-associate")) as HTMLButtonElement;
    expect(certify.disabled).toBe(false);
    await fireEvent.click(certify);
    await waitFor(() => expect(api.certifyCoach).toHaveBeenCalledWith({ coachId: "E1007", level: "associate" }));
    expect(get(toast)?.message).toBe("Sofia Sato is certified as associate coach until 28 Feb 2029");
    await fireEvent.click(await screen.findByTestId("save-badge"));
    await waitFor(() => expect(api.saveBadge).toHaveBeenCalledWith(9, "/home/lee/sofia.jwt"));
    expect(chooseExportPath).toHaveBeenCalledWith("sofia-sato-associate-coach-2027-03-01.jwt",
      { name: "Open Badges credential (VC-JWT)", extension: "jwt" }, "Save badge");
  });

  it("names each unmet criterion when certifying is refused", async () => {
    vi.mocked(api.getCoachProgress).mockResolvedValue(progress({ levels: [associateLevel(true)] }));
    vi.mocked(api.certifyCoach).mockRejectedValue({
      code: "invalid_input", message: "Sofia Sato cannot be certified as associate coach yet: 1 of the standard's criteria is not met",
      details: [{ field: "feedbackCount", message: "Coachee feedback received: 2 of 3 coachee ratings" }],
    });
    render(CoachesView);
    await fireEvent.click(await screen.findByTestId("coach-open"));
    await fireEvent.click(await screen.findByTestId("certify-associate"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Coachee feedback received: 2 of 3 coachee ratings");
  });

  it("records an observation, every rubric item's problem shown at the item", async () => {
    vi.mocked(api.recordCoachObservation).mockRejectedValueOnce({
      code: "invalid_input", message: "1 problem", details: [{ field: "scores.questions", message: "score \"Asks before telling\" from 1 to 4" }],
    });
    render(CoachesView);
    await fireEvent.click(await screen.findByTestId("coach-open"));
    await fireEvent.click(await screen.findByTestId("record-observation"));
    await fireEvent.click(screen.getByTestId("score-agreement-3"));
    expect(screen.getByTestId("obs-mean").textContent).toBe("Mean so far 3.0 of 4");
    await fireEvent.click(screen.getByTestId("obs-save"));
    expect((await screen.findByTestId("error-scores.questions")).textContent).toContain("from 1 to 4");
    const sent = vi.mocked(api.recordCoachObservation).mock.calls[0]![0];
    expect(sent.assessorId).toBe("E1079");
    expect(sent.scores).toEqual([{ item: "agreement", score: 3 }, { item: "questions", score: null }]);
    vi.mocked(api.recordCoachObservation).mockResolvedValue({} as never);
    await fireEvent.click(screen.getByTestId("score-questions-4"));
    await fireEvent.click(screen.getByTestId("obs-save"));
    await waitFor(() => expect(screen.queryByTestId("observation-dialog")).toBeNull());
    expect(get(toast)?.message).toBe("Observed session recorded for Sofia Sato");
  });

  it("records coachee feedback with its rating", async () => {
    vi.mocked(api.recordCoachFeedback).mockResolvedValue({} as never);
    render(CoachesView);
    await fireEvent.click(await screen.findByTestId("coach-open"));
    await fireEvent.click(await screen.findByTestId("record-feedback"));
    await fireEvent.change(screen.getByTestId("cf-coachee"), { target: { value: "E1020" } });
    await fireEvent.click(screen.getByTestId("cf-rating-4"));
    await fireEvent.click(screen.getByTestId("cf-save"));
    await waitFor(() => expect(api.recordCoachFeedback).toHaveBeenCalled());
    const sent = vi.mocked(api.recordCoachFeedback).mock.calls[0]![0];
    expect([sent.coachId, sent.coacheeId, sent.rating]).toEqual(["E1007", "E1020", 4]);
  });

  it("suggests coaches for a coachee with the reasons and who was left out", async () => {
    vi.mocked(api.matchCoaches).mockResolvedValue(matchReport());
    render(CoachesView);
    const box = await screen.findByTestId("match-coachee");
    await waitFor(() => expect(api.listPeople).toHaveBeenCalled());
    await fireEvent.input(box, { target: { value: "Søren" } });
    await fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() => expect(api.matchCoaches).toHaveBeenCalledWith("E1045"));
    const suggestion = await screen.findByTestId("match-suggestion");
    expect(suggestion.textContent).toContain("1. Liam Fischer");
    expect(suggestion.textContent).toContain("under the 4.0 h threshold");
    expect(screen.getByTestId("match-gap").textContent).toContain("CE.3 Ownership and follow-through");
    expect(screen.getByTestId("match-left-out").textContent).toContain("matching crosses teams");
  });

  it("exports the calendar where the save dialog says, and says what it wrote", async () => {
    vi.mocked(chooseExportPath).mockResolvedValue("/home/lee/cadences.ics");
    vi.mocked(api.saveCoachingCalendar).mockResolvedValue({
      path: "/home/lee/cadences.ics", timeZone: "Europe/London", pairs: [{} as never, {} as never],
      skipped: [{ coachName: "A", coacheeName: "B", reason: "2 sessions in the window; a cadence needs 3" }],
    });
    render(CoachesView);
    await fireEvent.click(await screen.findByTestId("export-calendar"));
    await waitFor(() => expect(api.saveCoachingCalendar).toHaveBeenCalledWith("/home/lee/cadences.ics", null));
    expect(get(toast)?.message).toBe(
      "Saved 2 coaching pairs to /home/lee/cadences.ics (times in Europe/London); 1 pair without a regular cadence left out",
    );
  });
});
