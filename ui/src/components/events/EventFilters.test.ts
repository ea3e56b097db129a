import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EventFilter } from "../../api";
import EventFilters from "./EventFilters.svelte";

afterEach(cleanup);

const none: EventFilter = { pilotId: null, managerId: null, kind: null, from: "", to: "", offset: 40, limit: 20 };

function show(filter: Partial<EventFilter> = {}) {
  const onchange = vi.fn();
  render(EventFilters, { props: { filter: { ...none, ...filter }, pilots: [], managers: [], onchange } });
  return onchange;
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("EventFilters' dates", () => {
  it("shows an empty date filter as “Any date”, with nothing to clear", () => {
    show();
    for (const id of ["filter-from", "filter-to"]) {
      expect(input(id).value).toBe("");
      expect(input(id).closest("[data-empty]")).not.toBeNull();
      expect(screen.getByTestId(`${id}-any`).textContent).toBe("Any date");
      // Read out with the input, so an empty filter sounds empty too.
      expect(input(id).getAttribute("aria-describedby")).toBe(screen.getByTestId(`${id}-any`).id);
      expect(screen.queryByTestId(`${id}-clear`)).toBeNull();
    }
    expect(screen.getByLabelText("From")).toBe(input("filter-from"));
  });

  it("shows a set date as set, and clears just that date back to any date", async () => {
    const onchange = show({ from: "2026-11-02", to: "2026-11-30", kind: "micro_coaching" });
    expect(input("filter-from").value).toBe("2026-11-02");
    expect(input("filter-from").closest("[data-empty]")).toBeNull();
    expect(screen.queryByTestId("filter-from-any")).toBeNull();
    const clear = screen.getByTestId("filter-from-clear");
    expect(clear.textContent).toContain("Clear");
    expect(clear.textContent).toContain("the from date");

    await fireEvent.click(clear);
    expect(onchange).toHaveBeenCalledWith({ ...none, kind: "micro_coaching", from: "", to: "2026-11-30", offset: 0 });
    expect(document.activeElement).toBe(input("filter-from"));
  });

  it("sends a picked date as YYYY-MM-DD, and nothing for a half-typed one", async () => {
    const onchange = show();
    input("filter-to").value = "2026-12-14";
    await fireEvent.change(input("filter-to"));
    expect(onchange).toHaveBeenLastCalledWith({ ...none, to: "2026-12-14", offset: 0 });

    onchange.mockClear();
    input("filter-from").value = "";
    await fireEvent.change(input("filter-from"));
    expect(onchange).not.toHaveBeenCalled();
  });

  it("never sends a date that is not one", async () => {
    const onchange = show({ from: "2026-11-02" });
    // Whatever the engine hands over, only a real day reaches the API.
    Object.defineProperty(input("filter-from"), "value", { configurable: true, get: () => "2026-02-30" });
    await fireEvent.change(input("filter-from"));
    expect(onchange).toHaveBeenCalledWith({ ...none, from: "", offset: 0 });
  });
});
