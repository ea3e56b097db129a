import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import Notice, { TRANSIENT_MS } from "./Notice.svelte";

const text = createRawSnippet(() => ({ render: () => "<span>Moved to Ready.</span>" }));
const withButton = createRawSnippet(() => ({ render: () => `<span>Saved. <a href="#/packs">See packs</a></span>` }));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("Notice", () => {
  it("stays until dismissed unless it is a transient confirmation", () => {
    const onDismiss = vi.fn();
    render(Notice, { testid: "n", children: text, onDismiss });
    vi.advanceTimersByTime(TRANSIENT_MS * 3);
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it("dismisses a transient confirmation by itself after a few seconds", () => {
    const onDismiss = vi.fn();
    render(Notice, { testid: "n", children: text, onDismiss, transient: true });
    vi.advanceTimersByTime(TRANSIENT_MS - 1);
    expect(onDismiss).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it("waits while the pointer or the focus is on it, then gives the full time again", async () => {
    const onDismiss = vi.fn();
    render(Notice, { testid: "n", children: withButton, onDismiss, transient: true });
    const notice = screen.getByTestId("n");
    await fireEvent.mouseEnter(notice);
    vi.advanceTimersByTime(TRANSIENT_MS * 2);
    expect(onDismiss).not.toHaveBeenCalled();
    await fireEvent.mouseLeave(notice);
    const link = notice.querySelector("a")!;
    await fireEvent.focusIn(link);
    vi.advanceTimersByTime(TRANSIENT_MS * 2);
    expect(onDismiss).not.toHaveBeenCalled();
    await fireEvent.focusOut(link, { relatedTarget: document.body });
    vi.advanceTimersByTime(TRANSIENT_MS - 1);
    expect(onDismiss).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
