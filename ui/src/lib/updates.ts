// What the last look at the update server found, shared by the start-up banner and
// Settings › Updates, so an offer seen on start is the one Settings installs.
import { writable } from "svelte/store";
import { api, type UpdateCheck } from "../api";

export const lastUpdateCheck = writable<UpdateCheck | null>(null);

/** The banner's "not now": hidden until the next start or the next check. */
export const updateBannerDismissed = writable(false);

/** The start-up check. Quiet on failure: a laptop offline on a train is not an error, and
 * Settings › Updates says what went wrong when the person asks. */
export async function checkForUpdateOnStart(): Promise<void> {
  try {
    const checked = await api.checkForUpdateIfDue();
    if (checked) lastUpdateCheck.set(checked);
  } catch {
    // See above.
  }
}

/** "1.2 MB of 9.4 MB", for a download in progress. */
export function describeBytes(done: number, total: number | null): string {
  const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
  return total ? `${mb(done)} of ${mb(total)}` : mb(done);
}
