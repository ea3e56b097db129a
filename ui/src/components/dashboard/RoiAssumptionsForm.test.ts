import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { dashboard } from "../../test/analytics";
import { dropDraft } from "../../lib/drafts";
import RoiAssumptionsForm from "./RoiAssumptionsForm.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  dropDraft("roi-assumptions-1");
});

function props(d = dashboard()) {
  const roi = d.roi!;
  // A measured KPI that is not monetised: the core adds its own line to the intangibles.
  roi.figures.intangibles = [...roi.figures.intangibles, "Team engagement: 0.4 points better (measured, not monetised)"];
  return {
    pilotId: 1,
    assumptions: roi.assumptions,
    intangibles: roi.figures.intangibles,
    kpiNames: [...d.kpis.map((k) => k.name), "Team engagement"],
    currency: "USD",
    onsaved: vi.fn(),
  };
}

const input = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

describe("RoiAssumptionsForm", () => {
  it("starts from what is stated, leaves defaults empty and says which is which", () => {
    render(RoiAssumptionsForm, props());
    expect(input("roi-1-affected").value).toBe("40");
    expect(input("roi-1-unit").value).toBe("new hires");
    expect(input("roi-1-confidence").value).toBe("80");
    expect(input("roi-2-affected").value).toBe("");
    expect(input("roi-2-affected").placeholder).toBe("120");
    expect(input("roi-2-confidence").value).toBe("");
    expect(input("roi-2-confidence").placeholder).toBe("100");
    const basis = screen.getByTestId("roi-basis-2").textContent ?? "";
    expect(basis).toContain("Default");
    expect(basis).toContain("100% by default: the randomised comparison isolates the effect");
    expect(screen.getByTestId("roi-basis-1").textContent).toContain("Stated");
    // The core's own line about an unmonetised KPI is not offered as something typed.
    expect(input("roi-intangible-0").value).toBe("Managers report more confidence in coaching conversations");
    expect(input("roi-intangible-1").value).toBe("Lower early attrition among new hires");
    expect(screen.queryByTestId("roi-intangible-2")).toBeNull();
  });

  it("only offers monetised KPIs", () => {
    const d = dashboard();
    d.roi!.assumptions[2]!.valuePerUnit = null;
    render(RoiAssumptionsForm, props(d));
    expect(screen.getByTestId("roi-kpi-1")).toBeTruthy();
    expect(screen.queryByTestId("roi-kpi-3")).toBeNull();
  });

  it("sends each KPI's fields as typed and the intangibles without empty lines", async () => {
    const after = dashboard();
    vi.mocked(api.setRoiAssumptions).mockResolvedValue(after);
    const p = props();
    render(RoiAssumptionsForm, p);
    await fireEvent.input(input("roi-2-affected"), { target: { value: "1,200" } });
    await fireEvent.input(input("roi-2-unit"), { target: { value: "discovery calls" } });
    await fireEvent.input(input("roi-1-confidence"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("roi-add-intangible"));
    await fireEvent.click(screen.getByTestId("roi-add-intangible"));
    await fireEvent.input(input("roi-intangible-3"), { target: { value: "  Fewer escalations to tier 2 " } });
    await fireEvent.click(screen.getByTestId("roi-save"));

    await waitFor(() => expect(p.onsaved).toHaveBeenCalledWith(after));
    expect(api.setRoiAssumptions).toHaveBeenCalledWith(1, {
      assumptions: [
        { kpiId: 1, affectedPerYear: "40", affectedUnit: "new hires", confidence: "" },
        { kpiId: 2, affectedPerYear: "1,200", affectedUnit: "discovery calls", confidence: "" },
        { kpiId: 3, affectedPerYear: "", affectedUnit: "", confidence: "" },
      ],
      intangibles: [
        "Managers report more confidence in coaching conversations",
        "Lower early attrition among new hires",
        "Fewer escalations to tier 2",
      ],
    });
    expect(await screen.findByTestId("roi-saved")).toBeTruthy();
  });

  it("shows each refused value at its field and keeps everything typed", async () => {
    vi.mocked(api.setRoiAssumptions).mockRejectedValue({
      code: "invalid_input",
      message: "the ROI assumptions have 2 problems",
      details: [
        { field: "assumptions[1].confidence", message: "a confidence is above 0% and at most 100%" },
        { field: "intangibles[2]", message: "at most 300 characters" },
      ],
    });
    const p = props();
    render(RoiAssumptionsForm, p);
    await fireEvent.input(input("roi-2-confidence"), { target: { value: "140" } });
    // An empty line between two typed ones: the error for the third sent one lands on line 4.
    await fireEvent.click(screen.getByTestId("roi-add-intangible"));
    await fireEvent.click(screen.getByTestId("roi-add-intangible"));
    const long = "x".repeat(301);
    await fireEvent.input(input("roi-intangible-3"), { target: { value: long } });
    await fireEvent.click(screen.getByTestId("roi-save"));

    const error = await screen.findByTestId("error-roi-2-confidence");
    expect(error.textContent).toContain("A confidence is above 0% and at most 100%");
    expect(input("roi-2-confidence").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("error-roi-intangible-3").textContent).toContain("At most 300 characters");
    expect(screen.queryByTestId("error-roi-intangible-2")).toBeNull();
    expect(input("roi-2-confidence").value).toBe("140");
    expect(input("roi-intangible-3").value).toBe(long);
    expect(input("roi-1-affected").value).toBe("40");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(p.onsaved).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(input("roi-2-confidence"));
  });

  it("shows a refusal it cannot place in a banner", async () => {
    vi.mocked(api.setRoiAssumptions).mockRejectedValue({ code: "not_found", message: "pilot 1 does not exist", details: [] });
    render(RoiAssumptionsForm, props());
    await fireEvent.click(screen.getByTestId("roi-save"));
    expect((await screen.findByRole("alert")).textContent).toContain("Pilot 1 does not exist");
    expect(input("roi-1-affected").value).toBe("40");
  });

  it("keeps what was typed and not saved when the form goes away and comes back, until it is saved", async () => {
    render(RoiAssumptionsForm, props());
    expect(screen.queryByTestId("roi-unsaved")).toBeNull();
    await fireEvent.input(input("roi-2-affected"), { target: { value: "75" } });
    await fireEvent.click(screen.getByTestId("roi-add-intangible"));
    await fireEvent.input(input("roi-intangible-2"), { target: { value: "Calmer month-end" } });
    // A month without an ROI is picked: the form goes. Picking one with an ROI brings it back.
    cleanup();
    render(RoiAssumptionsForm, props());
    expect(input("roi-2-affected").value).toBe("75");
    expect(input("roi-intangible-2").value).toBe("Calmer month-end");
    expect(screen.getByTestId("roi-unsaved")).toBeTruthy();
    // Another pilot's form does not take it.
    cleanup();
    render(RoiAssumptionsForm, { ...props(), pilotId: 2 });
    expect(input("roi-2-affected").value).toBe("");
    cleanup();

    const after = dashboard();
    vi.mocked(api.setRoiAssumptions).mockResolvedValue(after);
    const p = props();
    render(RoiAssumptionsForm, p);
    await fireEvent.click(screen.getByTestId("roi-save"));
    await waitFor(() => expect(p.onsaved).toHaveBeenCalledWith(after));
    cleanup();
    render(RoiAssumptionsForm, props());
    expect(input("roi-2-affected").value).toBe("");
    expect(screen.queryByTestId("roi-unsaved")).toBeNull();
  });
});
