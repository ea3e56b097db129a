import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, chooseFiles, type MemberKey } from "../../api";
import MemberKeyDialog from "./MemberKeyDialog.svelte";

// The shared mock predates signed ballots, so the key calls and the open dialog are added here.
vi.mock("../../api", async (importOriginal) => {
  const mocked = (await import("../../test/fixtures")).mockApiModule(await importOriginal<object>());
  return { ...mocked, api: { ...mocked.api, addMemberKey: vi.fn() }, chooseFiles: vi.fn() };
});

const member = { personId: "E1012", name: "Ana Lima" };
const FILE = "/home/ana/Downloads/ana-lima-identity.json";

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function chooseAndType(fingerprint: string) {
  vi.mocked(chooseFiles).mockResolvedValue([FILE]);
  await fireEvent.click(screen.getByTestId("member-key-file"));
  await waitFor(() => expect(screen.getByTestId("member-key-file-name").textContent).toContain("ana-lima-identity.json"));
  await fireEvent.input(screen.getByTestId("member-key-fingerprint"), { target: { value: fingerprint } });
}

describe("MemberKeyDialog", () => {
  it("shows a mismatched fingerprint at the field and keeps what was typed and chosen", async () => {
    vi.mocked(api.addMemberKey).mockRejectedValue({
      code: "invalid_input",
      message: "the fingerprint does not match the file",
      details: [{ field: "confirmedFingerprint", message: "does not match the key in the file: ask Ana Lima to read it again" }],
    });
    const onsaved = vi.fn();
    const onclose = vi.fn();
    render(MemberKeyDialog, { member, onsaved, onclose });
    expect(screen.getByTestId("member-key-dialog").textContent).toContain("Register Ana Lima's signing key");
    await chooseAndType("3F9A-C2D1-7B40-E81F-22AC");
    await fireEvent.click(screen.getByTestId("member-key-save"));

    const error = await screen.findByTestId("error-confirmedFingerprint");
    expect(error.textContent).toContain("Does not match the key in the file");
    const input = screen.getByTestId("member-key-fingerprint") as HTMLInputElement;
    expect(input.value).toBe("3F9A-C2D1-7B40-E81F-22AC");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("member-key-file-name").textContent).toContain("ana-lima-identity.json");
    expect(screen.queryByTestId("error-file")).toBeNull();
    expect(api.addMemberKey).toHaveBeenCalledWith({ personId: "E1012", path: FILE, confirmedFingerprint: "3F9A-C2D1-7B40-E81F-22AC" });
    expect(onsaved).not.toHaveBeenCalled();
    expect(onclose).not.toHaveBeenCalled();
  });

  it("shows a bad file under the file chooser", async () => {
    vi.mocked(api.addMemberKey).mockRejectedValue({
      code: "invalid_input",
      message: "the file is not a public identity",
      details: [{ field: "publicKey", message: "not a 32-byte Ed25519 public key" }],
    });
    render(MemberKeyDialog, { member, onsaved: vi.fn(), onclose: vi.fn() });
    await chooseAndType("3F9A-C2D1-7B40-E81F-22AB");
    await fireEvent.click(screen.getByTestId("member-key-save"));
    expect((await screen.findByTestId("error-file")).textContent).toContain("Not a 32-byte Ed25519 public key");
    expect(screen.queryByTestId("error-confirmedFingerprint")).toBeNull();
  });

  it("asks for the file before sending anything", async () => {
    render(MemberKeyDialog, { member, onsaved: vi.fn(), onclose: vi.fn() });
    await fireEvent.input(screen.getByTestId("member-key-fingerprint"), { target: { value: "3F9A-C2D1-7B40-E81F-22AB" } });
    await fireEvent.click(screen.getByTestId("member-key-save"));
    expect((await screen.findByTestId("error-file")).textContent).toContain("Choose the public identity file");
    expect(api.addMemberKey).not.toHaveBeenCalled();
  });

  it("registers the key, hands it back and closes", async () => {
    const key: MemberKey = {
      personId: "E1012",
      name: "Ana Lima",
      publicKey: "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA",
      fingerprint: "3F9A-C2D1-7B40-E81F-22AB",
      addedAt: "2026-11-24T09:00:00Z",
      addedBy: "Mei Walsh",
    };
    vi.mocked(api.addMemberKey).mockResolvedValue(key);
    const onsaved = vi.fn();
    const onclose = vi.fn();
    render(MemberKeyDialog, { member, onsaved, onclose });
    await chooseAndType("3F9A-C2D1-7B40-E81F-22AB");
    await fireEvent.click(screen.getByTestId("member-key-save"));
    await waitFor(() => expect(onsaved).toHaveBeenCalledWith(key));
    expect(onclose).toHaveBeenCalled();
    expect(chooseFiles).toHaveBeenCalledWith("Choose the member's public identity", expect.objectContaining({ extensions: ["json"] }));
  });
});
