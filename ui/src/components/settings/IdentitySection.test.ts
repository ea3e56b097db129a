import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, chooseExportPath, type IdentityView } from "../../api";
import IdentitySection from "./IdentitySection.svelte";

// The shared mock predates signed ballots, so the identity calls are added here.
vi.mock("../../api", async (importOriginal) => {
  const mocked = (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>());
  return { ...mocked, api: { ...mocked.api, getIdentity: vi.fn(), exportIdentity: vi.fn() } };
});

const identity: IdentityView = {
  name: "Ana Lima",
  publicKey: "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA",
  fingerprint: "3F9A-C2D1-7B40-E81F-22AB",
  path: "/home/ana/.local/share/pilotdesk/identity.key",
  createdNow: false,
};

beforeEach(() => {
  vi.mocked(api.getIdentity).mockResolvedValue(identity);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("IdentitySection", () => {
  it("shows this machine's fingerprint, name and where the key is kept", async () => {
    render(IdentitySection);
    expect((await screen.findByTestId("identity-fingerprint")).textContent).toBe("3F9A-C2D1-7B40-E81F-22AB");
    expect(screen.getByTestId("identity-name").textContent).toBe("Ana Lima");
    expect(screen.getByTestId("identity-path").textContent).toBe("/home/ana/.local/share/pilotdesk/identity.key");
    expect(screen.getByRole("heading", { name: "Your signing key" })).toBeTruthy();
  });

  it("exports the public identity where asked and says where it went", async () => {
    vi.mocked(chooseExportPath).mockResolvedValue("/home/ana/Documents/ana-lima-identity.json");
    vi.mocked(api.exportIdentity).mockResolvedValue(identity);
    render(IdentitySection);
    await fireEvent.click(await screen.findByTestId("identity-export"));
    const done = await screen.findByTestId("identity-exported");
    expect(done.textContent).toContain("/home/ana/Documents/ana-lima-identity.json");
    expect(chooseExportPath).toHaveBeenCalledWith(
      "ana-lima-identity.json",
      { name: "Pilotdesk public identity", extension: "json" },
      "Export public identity",
    );
    expect(api.exportIdentity).toHaveBeenCalledWith("/home/ana/Documents/ana-lima-identity.json");
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    vi.mocked(chooseExportPath).mockResolvedValue(null);
    render(IdentitySection);
    await fireEvent.click(await screen.findByTestId("identity-export"));
    await waitFor(() => expect(chooseExportPath).toHaveBeenCalled());
    expect(api.exportIdentity).not.toHaveBeenCalled();
    expect(screen.queryByTestId("identity-exported")).toBeNull();
  });
});
