import { describe, expect, it } from "vitest";
import { FIRST_ROWS, SHOWN_WHOLE, visibleRows } from "./longList";

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("visibleRows", () => {
  it("shows a short list whole", () => {
    expect(visibleRows(rows(SHOWN_WHOLE), false, () => false)).toHaveLength(SHOWN_WHOLE);
  });

  it("shows the first rows of a long one, and the chosen rows after them in place", () => {
    const shown = visibleRows(rows(40), false, (row) => row === 30);
    expect(shown).toEqual([...rows(FIRST_ROWS), 30]);
  });

  it("shows everything once expanded", () => {
    expect(visibleRows(rows(40), true, () => false)).toHaveLength(40);
  });
});
