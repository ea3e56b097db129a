// A long list in a page that scrolls: the first few rows and a "show all", rather than a box
// that scrolls inside the page. Rows already chosen always show, so a choice is never hidden.

/** Lists up to this long show whole: cutting off a handful saves nothing. */
export const SHOWN_WHOLE = 20;
/** How many rows a longer list shows until "show all". */
export const FIRST_ROWS = 12;

/** The rows to show, in their order. */
export function visibleRows<T>(rows: T[], expanded: boolean, kept: (row: T) => boolean): T[] {
  if (expanded || rows.length <= SHOWN_WHOLE) return rows;
  return rows.filter((row, index) => index < FIRST_ROWS || kept(row));
}
