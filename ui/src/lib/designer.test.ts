import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import BasicsSection from "../components/basics/BasicsSection.svelte";
import { pilotDesign } from "../test/design";
import { Designer } from "./designer.svelte";

vi.mock("../api", async (importOriginal) =>
  (await import("../test/fixtures")).mockApiModule(await importOriginal<object>()),
);

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("Designer", () => {
  it("replaces the design with the one an edit answers with, and reports the change", async () => {
    const changed = vi.fn();
    const designer = new Designer(pilotDesign(), changed);
    const next = pilotDesign({ editable: false });
    vi.mocked(api.removeKpi).mockResolvedValue(next);
    await designer.edit(() => api.removeKpi(12));
    expect(designer.design).toEqual(next);
    expect(changed).toHaveBeenCalledWith(next);
  });

  it("rejects with an ApiError and keeps the design when an edit fails", async () => {
    const designer = new Designer(pilotDesign());
    vi.mocked(api.removeKpi).mockRejectedValue(new Error("connection lost"));
    await expect(designer.edit(() => api.removeKpi(12))).rejects.toEqual({
      code: "internal",
      message: "connection lost",
      details: [],
    });
    expect(designer.design.kpis).toHaveLength(2);
  });

  it("keeps what was typed in a section when the person moves to another and back", async () => {
    const designer = new Designer(pilotDesign());
    render(BasicsSection, { props: { designer, currency: "USD" } });
    await fireEvent.input(screen.getByTestId("basics-sponsor"), { target: { value: "Priya Raman" } });
    expect(screen.getByText("Unsaved changes")).toBeTruthy();
    cleanup();

    render(BasicsSection, { props: { designer, currency: "USD" } });
    expect((screen.getByTestId("basics-sponsor") as HTMLInputElement).value).toBe("Priya Raman");
  });
});
