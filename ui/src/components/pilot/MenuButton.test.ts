import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import MenuButton from "./MenuButton.svelte";

afterEach(() => {
  cleanup();
});

const items = [
  { key: "a", label: "Save proposal pack…", testid: "item-a" },
  { key: "b", label: "Not now", testid: "item-b", disabled: true },
  { key: "c", label: "Export", testid: "item-c" },
  { key: "d", label: "Archive", testid: "item-d" },
];

function setup(onselect = vi.fn()) {
  render(MenuButton, { label: "More actions", testid: "more", menuLabel: "More actions for this pilot", items, onselect });
  return { button: screen.getByTestId("more"), onselect };
}

describe("MenuButton", () => {
  it("moves through the items with the arrows, Home and End, skipping disabled ones and wrapping", async () => {
    const { button } = setup();
    await fireEvent.keyDown(button, { key: "ArrowDown" });
    expect(screen.getByRole("menu", { name: "More actions for this pilot" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId("item-a"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getByTestId("item-c"));
    await fireEvent.keyDown(document.activeElement!, { key: "End" });
    expect(document.activeElement).toBe(screen.getByTestId("item-d"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getByTestId("item-a"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(document.activeElement).toBe(screen.getByTestId("item-d"));
    await fireEvent.keyDown(document.activeElement!, { key: "Home" });
    expect(document.activeElement).toBe(screen.getByTestId("item-a"));
  });

  it("returns the focus to the button when an item is chosen or Escape is pressed", async () => {
    const { button, onselect } = setup();
    await fireEvent.click(button);
    await fireEvent.click(screen.getByTestId("item-c"));
    expect(onselect).toHaveBeenCalledWith("c");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
    await fireEvent.click(button);
    await fireEvent.keyDown(screen.getByTestId("item-a"), { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(button);
  });

  it("closes when the focus leaves it", async () => {
    const { button } = setup();
    await fireEvent.click(button);
    await fireEvent.focusOut(screen.getByTestId("item-a"), { relatedTarget: document.body });
    expect(screen.queryByRole("menu")).toBeNull();
  });
});
