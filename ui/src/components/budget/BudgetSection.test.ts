import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api";
import { Designer } from "../../lib/designer.svelte";
import { pilotDesign } from "../../test/design";
import BudgetSection from "./BudgetSection.svelte";

vi.mock("../../api", async (importOriginal) =>
  (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

const setBudget = vi.mocked(api.setBudget);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const type = (id: string, text: string) => fireEvent.input(screen.getByTestId(id), { target: { value: text } });
const value = (id: string) => (screen.getByTestId(id) as HTMLInputElement).value;

describe("BudgetSection", () => {
  it("prefills the saved budget and renders the estimate with its subtotals", () => {
    render(BudgetSection, { props: { designer: new Designer(pilotDesign()), currency: "USD" } });
    expect(value("line-description-0")).toBe("Coaching app licences");
    expect(value("line-pricing-0")).toBe("per_seat");
    expect(value("line-cost-0")).toBe("120");
    expect(value("line-quantity-0")).toBe("12");
    expect(value("time-manager-hours")).toBe("1.5");
    expect(value("time-manager-rate")).toBe("65");
    expect(value("time-coach-count")).toBe("");
    expect(screen.getByText(/2 managers and 16 coachees over 13 weeks/)).toBeTruthy();

    const rows = screen.getAllByTestId("estimate-row").map((r) => r.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("Tooling: Coaching app licences");
    expect(rows[0]).toContain("12 × USD 120 per seat");
    expect(rows[0]).toContain("USD 1,440");
    expect(rows[1]).toContain("USD 2,535");
    expect(screen.getByTestId("estimate-total").textContent).toBe("USD 3,975");
    const subtotal = screen.getAllByText("People's time").find((el) => el.closest("tfoot"));
    expect(subtotal?.closest("tr")?.textContent).toContain("USD 2,535");
  });

  it("sends the whole budget as typed and shows a line's problem at its cell", async () => {
    setBudget.mockRejectedValueOnce({
      code: "invalid_input",
      message: "1 problem needs fixing",
      details: [{ field: "lines.1.unitCost", message: "\"abc\" is not an amount; use digits, e.g. 25000" }],
    });
    render(BudgetSection, { props: { designer: new Designer(pilotDesign()), currency: "USD" } });
    await fireEvent.click(screen.getByTestId("add-line"));
    await fireEvent.change(screen.getByTestId("line-category-1"), { target: { value: "analytics" } });
    await type("line-description-1", "Dashboard set-up");
    await type("line-cost-1", "abc");
    expect(screen.queryByTestId("line-quantity-1")).toBeNull();
    await type("time-coach-count", "2");
    await type("time-coach-hours", "2");
    await type("time-coach-rate", "70");
    await fireEvent.click(screen.getByTestId("budget-save"));

    expect(setBudget).toHaveBeenCalledWith(1, {
      lines: [
        { category: "tooling", description: "Coaching app licences", pricing: "per_seat", unitCost: "120", quantity: "12" },
        { category: "analytics", description: "Dashboard set-up", pricing: "fixed", unitCost: "abc", quantity: "1" },
      ],
      time: {
        managerHoursPerWeek: "1.5",
        managerHourlyCost: "65",
        coachCount: "2",
        coachHoursPerWeek: "2",
        coachHourlyCost: "70",
        coacheeHoursPerWeek: "",
        coacheeHourlyCost: "",
      },
    });
    expect((await screen.findByTestId("error-lines-1-unitCost")).textContent).toContain('"abc" is not an amount');
    expect(value("line-cost-1")).toBe("abc");
    expect(value("time-coach-rate")).toBe("70");
  });

  it("removes a line and saves the rest", async () => {
    setBudget.mockResolvedValue(pilotDesign({ budgetLines: [] }));
    render(BudgetSection, { props: { designer: new Designer(pilotDesign()), currency: "USD" } });
    await fireEvent.click(screen.getByTestId("remove-line-0"));
    await fireEvent.click(screen.getByTestId("budget-save"));
    expect(setBudget.mock.calls[0]?.[1].lines).toEqual([]);
    await waitFor(() => expect(screen.getByTestId("budget-saved")).toBeTruthy());
  });

  it("shows what was bought from the module catalog, read-only, with a link to it", () => {
    const purchaseLines = [
      { category: "vendor" as const, description: "De-escalation language from Northstar Coaching Labs (12 seats × 3 months × USD 18)", pricing: "per_seat" as const, unitCost: 5_400, quantity: 12 },
      { category: "vendor" as const, description: "Coaching library from Northstar Coaching Labs (site licence, 3 months × USD 500)", pricing: "fixed" as const, unitCost: 150_000, quantity: 1 },
    ];
    render(BudgetSection, { props: { designer: new Designer(pilotDesign({ purchaseLines })), currency: "USD" } });
    const lines = screen.getAllByTestId("purchase-line").map((r) => r.textContent);
    expect(lines[0]).toContain("12 seats × 3 months × USD 18");
    expect(lines[0]).toContain("USD 648");
    expect(lines[1]).toContain("USD 1,500");
    expect(screen.getByTestId("purchase-lines-total").textContent).toBe("USD 2,148");
    expect(screen.getByTestId("purchase-lines-link").getAttribute("href")).toBe("#/skills/catalog");
    // Not part of the form: nothing to type in.
    expect(screen.getByTestId("purchase-lines").querySelector("input, select, textarea")).toBeNull();
  });
});
