import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { get } from "svelte/store";
import { api, chooseExportPath, chooseSampleFile, chooseSavePath, type Portfolio, type WorkSample } from "../../api";
import { toast } from "../../lib/coaching";
import { feedbackDialog } from "../../lib/portfolio";
import FeedbackDialog from "./FeedbackDialog.svelte";
import PortfolioView from "./PortfolioView.svelte";

// Every backend call of the portfolio is a vi.fn(); the real error helpers stay.
vi.mock("../../api", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../api")>();
  const calls = [
    "listPeople", "listCompetencies", "listRoleRequirements", "getPersonPortfolio", "getSampleContent", "annotateSample",
    "addWorkSample", "reviewPortfolio", "giveFeedback", "savePortfolioPack", "exportPortfolioXapi",
  ];
  return {
    ...actual,
    api: Object.fromEntries(calls.map((name) => [name, vi.fn()])),
    chooseSampleFile: vi.fn(),
    chooseSavePath: vi.fn(),
    chooseExportPath: vi.fn(),
  };
});

const levels = [
  { level: 1, label: "Aware", descriptor: "Knows the procedure." },
  { level: 2, label: "Practising", descriptor: "Follows it with help." },
  { level: 3, label: "Proficient", descriptor: "Acknowledges, restates, then agrees a next step." },
];
const competencies = [
  { id: 7, label: "CE.1 Calm escalation calls", framework: "Pilotdesk", levels },
  { id: 8, label: "CE.2 Diagnosis", framework: "Pilotdesk", levels },
];
const notes: WorkSample = {
  id: 11, personId: "E1", title: "Case notes", fileName: "notes.txt", mediaType: "text/plain", size: 402,
  sha256: "f9736d8c17bd66e178b8a283aaeccafce810614d764fd5cbe663152a17817788", competencyId: null, competency: null,
  addedOn: "2026-11-20", addedBy: "Isla Okafor",
  annotations: [{
    id: 1, sampleId: 11, competencyId: 8, competency: "CE.2 Diagnosis", place: "lines 2-3",
    anchor: { kind: "lines", from: 2, to: 3 }, note: "Checks in order", author: "Isla Okafor", createdAt: "2026-11-21T10:00:00Z",
  }],
};
const portfolio: Portfolio = {
  personId: "E1", name: "Mei Walsh", team: "Customer Support", role: "Support Specialist",
  samples: [notes],
  feedback: [{
    id: 3, personId: "E1", author: "Oliver Grant", authorRole: "peer", competencyId: 7, competency: "CE.1 Calm escalation calls",
    taskId: null, task: null, sampleId: null, note: "Your root-cause note saved me an hour.", givenOn: "2026-11-25",
  }],
  reviews: [],
  agreement: {
    firstReviewer: "Isla Okafor", secondReviewer: "Andrés Kaplan", pairs: 2, kappa: 0.5, weights: "linear",
    flagged: ["CE.2: 3 against 1"],
  },
  missingCheckIn: { personId: "E1", name: "Mei Walsh", managerId: "M1", weeks: 3, lastLiveCheckIn: null, asyncItems: 4 },
};

beforeEach(() => {
  vi.mocked(api.listPeople).mockResolvedValue([
    { id: "E1", name: "Mei Walsh", team: "Customer Support", role: "Support Specialist" } as never,
  ]);
  vi.mocked(api.listCompetencies).mockResolvedValue(competencies);
  vi.mocked(api.listRoleRequirements).mockResolvedValue([
    { role: "Support Specialist", competencyId: 7, competency: "CE.1 Calm escalation calls", level: 3, levelLabel: "Proficient" },
  ]);
  vi.mocked(api.getPersonPortfolio).mockResolvedValue(portfolio);
  vi.mocked(api.getSampleContent).mockResolvedValue({
    sampleId: 11, fileName: "notes.txt", mediaType: "text/plain", base64: "", text: "one\ntwo\nthree\nfour\n",
  });
});

afterEach(() => {
  cleanup();
  feedbackDialog.set(null);
  vi.clearAllMocks();
  localStorage.clear();
});

describe("PortfolioView", () => {
  it("lists the samples, feedback, agreement and the missing check-in", async () => {
    render(PortfolioView, { props: { personId: "E1" } });
    const row = await screen.findByTestId("sample-row");
    expect(row.textContent).toContain("Case notes");
    expect(row.textContent).toContain("402 bytes");
    expect(within(row).getByTestId("sample-hash").textContent).toBe("f9736d8c17bd");
    expect(within(row).getByTestId("sample-annotations").textContent).toBe("1");
    expect(screen.getByTestId("feedback-list").textContent).toContain("Oliver Grant · Peer");
    expect(screen.getByTestId("check-in-flag").textContent).toContain("No live check-in in the last 3 weeks");
    expect(screen.getByTestId("review-agreement").textContent).toContain("calibration conversation");
    expect(screen.getByTestId("agreement-kappa").textContent).toBe("0.50");
  });

  it("annotates a range of a text sample's lines, and highlights the annotated lines", async () => {
    vi.mocked(api.annotateSample).mockResolvedValue({ ...notes.annotations[0]!, id: 2, place: "lines 1-4" });
    render(PortfolioView, { props: { personId: "E1" } });
    await fireEvent.click(await screen.findByTestId("sample-open"));
    const lines = await screen.findAllByTestId("sample-line");
    expect(lines).toHaveLength(4);
    expect(lines[1]!.className).toContain("annotated");
    expect(lines[0]!.className).not.toContain("annotated");
    await fireEvent.click(lines[3]!.querySelector("button")!);
    await fireEvent.click(lines[0]!.querySelector("button")!, { shiftKey: true });
    expect((screen.getByTestId("annotation-from") as HTMLInputElement).value).toBe("1");
    expect((screen.getByTestId("annotation-to") as HTMLInputElement).value).toBe("4");
    await fireEvent.change(screen.getByTestId("annotation-competency"), { target: { value: "7" } });
    await fireEvent.input(screen.getByTestId("annotation-note"), { target: { value: "Calm all through" } });
    await fireEvent.click(screen.getByTestId("annotation-save"));
    await waitFor(() => expect(api.annotateSample).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.annotateSample).mock.calls[0]![0]).toEqual({
      sampleId: 11, competencyId: 7, anchor: { kind: "lines", from: 1, to: 4 }, note: "Calm all through",
    });
  });

  it("shows why a file was refused, once", async () => {
    vi.mocked(chooseSampleFile).mockResolvedValue("/tmp/scan.pdf");
    const reason = "\"scan.pdf\" is named .pdf but its content is a PNG image; rename it or choose the right file";
    vi.mocked(api.addWorkSample).mockRejectedValue({
      code: "invalid_input", message: `Path: ${reason}`, details: [{ field: "path", message: reason }],
    });
    render(PortfolioView, { props: { personId: "E1" } });
    await fireEvent.click(await screen.findByTestId("sample-add"));
    expect(await screen.findByTestId("sample-file")).toHaveProperty("textContent", "scan.pdf");
    await fireEvent.click(screen.getByTestId("sample-save"));
    const refused = await screen.findByTestId("sample-refused");
    expect(refused.textContent).toContain("its content is a PNG image");
    expect(refused.textContent!.split("its content is a PNG image")).toHaveLength(2);
    expect(vi.mocked(api.addWorkSample).mock.calls[0]![0]).toEqual({ personId: "E1", path: "/tmp/scan.pdf", title: "scan", competencyId: null });
  });

  it("starts a review with the role's competencies, showing each level's descriptor", async () => {
    vi.mocked(api.reviewPortfolio).mockResolvedValue({ id: 1, personId: "E1", reviewer: "Isla", reviewedOn: "2026-11-29", comment: "", scores: [] });
    render(PortfolioView, { props: { personId: "E1" } });
    await fireEvent.click(await screen.findByTestId("review-open"));
    const scores = await screen.findAllByTestId("review-score");
    // The role requires CE.1; the sample is annotated for CE.2.
    expect(scores.map((s) => s.dataset.competency)).toEqual(["7", "8"]);
    expect(scores[0]!.textContent).toContain("Acknowledges, restates, then agrees a next step.");
    await fireEvent.click(screen.getByTestId("review-level-7-3"));
    await fireEvent.click(screen.getByTestId("review-level-8-2"));
    await fireEvent.click(screen.getByTestId("review-save"));
    await waitFor(() => expect(api.reviewPortfolio).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.reviewPortfolio).mock.calls[0]![0].scores).toEqual([
      { competencyId: 7, level: "3", comment: "" },
      { competencyId: 8, level: "2", comment: "" },
    ]);
  });

  it("says so when the portfolio PDF cannot be saved", async () => {
    vi.mocked(chooseSavePath).mockResolvedValue("/tmp/p.pdf");
    vi.mocked(api.savePortfolioPack).mockRejectedValue({ code: "internal", message: "Command save_portfolio_pack not found", details: [] });
    render(PortfolioView, { props: { personId: "E1" } });
    await fireEvent.click(await screen.findByTestId("portfolio-save-pdf"));
    expect((await screen.findByRole("alert")).textContent).toContain("save_portfolio_pack not found");
    expect(api.savePortfolioPack).toHaveBeenCalledWith("E1", "/tmp/p.pdf");
  });

  it("exports the person's feedback and reviews as xAPI through the save dialog, and says how many", async () => {
    vi.mocked(chooseExportPath).mockResolvedValue("/tmp/mei.json");
    vi.mocked(api.exportPortfolioXapi).mockResolvedValue(3);
    render(PortfolioView, { props: { personId: "E1" } });
    await fireEvent.click(await screen.findByTestId("portfolio-export-xapi"));
    await waitFor(() => expect(api.exportPortfolioXapi).toHaveBeenCalledWith("E1", "/tmp/mei.json"));
    const [name, format] = vi.mocked(chooseExportPath).mock.calls[0]!;
    expect(name).toMatch(/^xapi-feedback-mei-walsh-\d{4}-\d{2}-\d{2}\.json$/);
    expect(format).toEqual({ name: "xAPI statements (JSON)", extension: "json" });
    await waitFor(() => expect(get(toast)?.message).toContain("Exported 3 xAPI statements for Mei Walsh"));
  });

  it("opens micro-feedback on the sample in the viewer", async () => {
    render(PortfolioView, { props: { personId: "E1" } });
    await fireEvent.click(await screen.findByTestId("sample-open"));
    await fireEvent.click(await screen.findByTestId("sample-feedback"));
    expect(get(feedbackDialog)).toEqual({ personId: "E1", sampleId: 11 });
  });
});

describe("FeedbackDialog", () => {
  it("saves with Enter, as the remembered role, starting at the competency", async () => {
    localStorage.setItem("pilotdesk.feedback.authorRole", "coach");
    vi.mocked(api.giveFeedback).mockResolvedValue({ ...portfolio.feedback[0]!, id: 9 });
    const onclose = vi.fn();
    render(FeedbackDialog, { props: { personId: "E1", onclose } });
    const competency = await screen.findByTestId("fb-competency");
    await waitFor(() => expect(document.activeElement).toBe(competency));
    expect((screen.getByTestId("fb-role") as HTMLSelectElement).value).toBe("coach");
    await fireEvent.input(competency, { target: { value: "diag" } });
    await fireEvent.keyDown(competency, { key: "Enter" });
    const note = screen.getByTestId("fb-note");
    await fireEvent.input(note, { target: { value: "Good elimination." } });
    await fireEvent.keyDown(note, { key: "Enter" });
    await waitFor(() => expect(api.giveFeedback).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.giveFeedback).mock.calls[0]![0]).toMatchObject({
      personId: "E1", competencyId: 8, authorRole: "coach", note: "Good elimination.", taskId: null, sampleId: null,
    });
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(localStorage.getItem("pilotdesk.feedback.authorRole")).toBe("coach");
  });

  it("offers the person's work samples after the note, and saves the one chosen", async () => {
    vi.mocked(api.giveFeedback).mockResolvedValue({ ...portfolio.feedback[0]!, id: 9, sampleId: 11 });
    render(FeedbackDialog, { props: { personId: "E1", onclose: vi.fn() } });
    const sample = (await screen.findByTestId("fb-sample")) as HTMLSelectElement;
    await waitFor(() => expect(sample.disabled).toBe(false));
    expect(sample.value).toBe("");
    const options = [...sample.options].map((o) => o.textContent);
    expect(options).toEqual(["None", "Case notes · notes.txt · 20 Nov 2026"]);
    // After the note in the tab order: the quick path (note, Enter) does not pass through it.
    const note = screen.getByTestId("fb-note");
    expect(note.compareDocumentPosition(sample) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await fireEvent.change(sample, { target: { value: "11" } });
    const competency = screen.getByTestId("fb-competency");
    await fireEvent.input(competency, { target: { value: "calm" } });
    await fireEvent.keyDown(competency, { key: "Enter" });
    await fireEvent.input(note, { target: { value: "Clear steps." } });
    await fireEvent.keyDown(sample, { key: "Enter" });
    await waitFor(() => expect(api.giveFeedback).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.giveFeedback).mock.calls[0]![0]).toMatchObject({ personId: "E1", competencyId: 7, sampleId: 11 });
  });

  it("starts on the sample it was opened from, the keys the same as ever", async () => {
    vi.mocked(api.giveFeedback).mockResolvedValue({ ...portfolio.feedback[0]!, id: 9, sampleId: 11 });
    render(FeedbackDialog, { props: { personId: "E1", sampleId: 11, onclose: vi.fn() } });
    const competency = await screen.findByTestId("fb-competency");
    await waitFor(() => expect(document.activeElement).toBe(competency));
    expect((screen.getByTestId("fb-sample") as HTMLSelectElement).value).toBe("11");
    await fireEvent.input(competency, { target: { value: "diag" } });
    await fireEvent.keyDown(competency, { key: "Enter" });
    const note = screen.getByTestId("fb-note");
    await fireEvent.input(note, { target: { value: "Good elimination." } });
    await fireEvent.keyDown(note, { key: "Enter" });
    await waitFor(() => expect(api.giveFeedback).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.giveFeedback).mock.calls[0]![0]).toMatchObject({ personId: "E1", competencyId: 8, sampleId: 11 });
  });

  it("lets a sample go when the person changes to someone without it", async () => {
    vi.mocked(api.listPeople).mockResolvedValue([
      { id: "E1", name: "Mei Walsh", team: "Customer Support", role: "Support Specialist", leavingDate: null } as never,
      { id: "E2", name: "Noor Haddad", team: "Customer Support", role: "Support Specialist", leavingDate: null } as never,
    ]);
    vi.mocked(api.getPersonPortfolio).mockImplementation(async (id) => (id === "E1" ? portfolio : { ...portfolio, personId: "E2", samples: [] }));
    render(FeedbackDialog, { props: { personId: "E1", sampleId: 11, onclose: vi.fn() } });
    const sample = (await screen.findByTestId("fb-sample")) as HTMLSelectElement;
    await waitFor(() => expect(sample.value).toBe("11"));
    const person = screen.getByTestId("fb-person");
    await fireEvent.input(person, { target: { value: "Noor" } });
    await fireEvent.keyDown(person, { key: "Enter" });
    await waitFor(() => expect(api.getPersonPortfolio).toHaveBeenCalledWith("E2"));
    await waitFor(() => expect(sample.value).toBe(""));
    expect(sample.disabled).toBe(true);
    expect(sample.options[0]!.textContent).toBe("No work samples");
  });
});
