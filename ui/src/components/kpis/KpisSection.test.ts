import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { Designer } from "../../lib/designer.svelte";
import { kpis, mdes, pilotDesign } from "../../test/design";
import KpiCard from "./KpiCard.svelte";
import KpisSection from "./KpisSection.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const save = vi.mocked(api.saveKpi);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const type = (id: string, text: string) => fireEvent.input(screen.getByTestId(id), { target: { value: text } });

describe("KpiCard", () => {
  it("shows the success criterion's rule and the baseline", () => {
    render(KpiCard, { props: { kpi: kpis[0]!, currency: "USD" } });
    expect(screen.getByTestId("kpi-rule").textContent).toBe(
      "Scale if days to first closed deal falls by at least 4 days and its whole 95% interval is a fall",
    );
    expect(screen.queryByTestId("kpi-no-criterion")).toBeNull();
    expect(screen.getByText("68 days over 1 May – 31 Oct 2026")).toBeTruthy();
    expect(screen.getByText("USD 350")).toBeTruthy();
    expect(screen.getByText(/lower is better/)).toBeTruthy();
  });

  it("warns when there is no success criterion yet and says when a KPI is not monetised", () => {
    render(KpiCard, { props: { kpi: kpis[1]!, currency: "USD" } });
    expect(screen.queryByTestId("kpi-rule")).toBeNull();
    expect(screen.getByTestId("kpi-no-criterion").textContent).toContain("No success criterion yet");
    expect(screen.getByText("No baseline yet")).toBeTruthy();
    expect(screen.getByText("Not monetised")).toBeTruthy();
  });
});

describe("KpiCard's minimum detectable effect", () => {
  it("warns beside the criterion when it asks for less than the pilot can detect", () => {
    render(KpiCard, { props: { kpi: kpis[0]!, currency: "USD", mde: mdes[0]! } });
    const mde = screen.getByTestId("kpi-mde-11");
    expect(mde.dataset.below).toBe("true");
    expect(mde.classList.contains("warning")).toBe(true);
    expect(mde.textContent).toContain("The pilot can detect a change of 5.3 days or more");
    expect(mde.textContent).toContain("The criterion asks for 4 days, less than that");
    // Beside the criterion: inside the same block as the rule.
    expect(mde.closest(".criterion")?.querySelector("[data-testid='kpi-rule']")).not.toBeNull();
  });

  it("says plainly when the MDE cannot be known yet", () => {
    render(KpiCard, { props: { kpi: kpis[1]!, currency: "USD", mde: mdes[1]! } });
    const mde = screen.getByTestId("kpi-mde-12");
    expect(mde.dataset.below).toBe("false");
    expect(mde.classList.contains("warning")).toBe(false);
    expect(mde.textContent).toContain("not yet known; the KPI has no baseline window");
  });

  it("shows each KPI's MDE from the design in the KPIs section and its editor", async () => {
    render(KpisSection, { props: { designer: new Designer(pilotDesign()), currency: "USD" } });
    expect(screen.getByTestId("kpi-mde-11").dataset.below).toBe("true");
    expect(screen.getByTestId("kpi-mde-12")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("kpi-edit-0"));
    expect(screen.getByTestId("kpi-editor-mde").textContent).toContain("5.3 days");
  });
});

describe("KpisSection", () => {
  it("edits a KPI's baseline and criterion and shows a refused field at its input", async () => {
    save.mockRejectedValueOnce({
      code: "invalid_input",
      message: "1 problem needs fixing",
      details: [{ field: "baselineEnd", message: "the baseline window must end before the pilot starts on 14 Dec 2026" }],
    });
    render(KpisSection, { props: { designer: new Designer(pilotDesign()), currency: "USD" } });
    await fireEvent.click(screen.getByTestId("kpi-edit-1"));
    expect((screen.getByTestId("kpi-interval") as HTMLInputElement).checked).toBe(true);
    await type("kpi-baseline-start", "2026-07-01");
    await type("kpi-baseline-end", "2026-12-31");
    await type("kpi-baseline", "31");
    await type("kpi-target", "3");
    await type("kpi-value", "900");
    await fireEvent.click(screen.getByTestId("kpi-save"));

    expect(save).toHaveBeenCalledWith(1, {
      id: 12,
      name: "First-contact resolution",
      unit: "%",
      direction: "higher",
      valuePerUnit: "900",
      dataSource: "",
      baselineStart: "2026-07-01",
      baselineEnd: "2026-12-31",
      baselineValue: "31",
      targetLift: "3",
      intervalAboveZero: true,
    });
    expect((await screen.findByTestId("error-baselineEnd")).textContent).toContain("must end before the pilot starts");
    expect((screen.getByTestId("kpi-baseline-end") as HTMLInputElement).value).toBe("2026-12-31");
    expect((screen.getByTestId("kpi-target") as HTMLInputElement).value).toBe("3");
  });

  it("adds a KPI with no id, and stops at three", async () => {
    save.mockResolvedValue(pilotDesign());
    render(KpisSection, { props: { designer: new Designer(pilotDesign()), currency: "USD" } });
    await fireEvent.click(screen.getByTestId("add-kpi"));
    await type("kpi-name", "Escalations per 100 tickets");
    await type("kpi-unit", "per 100");
    await fireEvent.change(screen.getByTestId("kpi-direction"), { target: { value: "lower" } });
    await fireEvent.click(screen.getByTestId("kpi-interval"));
    await fireEvent.click(screen.getByTestId("kpi-save"));
    expect(save.mock.calls[0]?.[1]).toMatchObject({
      id: null,
      name: "Escalations per 100 tickets",
      direction: "lower",
      intervalAboveZero: false,
    });
    await waitFor(() => expect(screen.queryByTestId("kpi-name")).toBeNull());

    cleanup();
    const three = pilotDesign();
    three.kpis.push({ ...kpis[1]!, id: 13, name: "Escalations" });
    render(KpisSection, { props: { designer: new Designer(three), currency: "USD" } });
    expect((screen.getByTestId("add-kpi") as HTMLButtonElement).disabled).toBe(true);
  });

  it("removes a KPI at once", async () => {
    const after = pilotDesign({ kpis: [kpis[0]!] });
    vi.mocked(api.removeKpi).mockResolvedValue(after);
    render(KpisSection, { props: { designer: new Designer(pilotDesign()), currency: "USD" } });
    await fireEvent.click(screen.getByTestId("kpi-remove-1"));
    expect(api.removeKpi).toHaveBeenCalledWith(12);
    await waitFor(() => expect(screen.queryByTestId("kpi-1")).toBeNull());
  });

  it("shows a lock note and no editing once the criteria are locked", () => {
    const design = pilotDesign({ criteriaLocked: true, editable: false });
    render(KpisSection, { props: { designer: new Designer(design), currency: "USD" } });
    expect(screen.getByTestId("criteria-locked").textContent).toContain("locked at approval");
    expect(screen.queryByTestId("kpi-edit-0")).toBeNull();
    expect(screen.queryByTestId("add-kpi")).toBeNull();
  });
});
