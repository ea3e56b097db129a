// The pilot being designed, shared by the sections of its page. Every edit answers with the
// whole design as it now stands, which replaces what the page shows, so the readiness
// checklist follows each change. Unsaved form input is kept per pilot as drafts, so moving
// between sections loses nothing.
import { toApiError, type PilotDesign } from "../api";

export class Designer {
  design: PilotDesign = $state() as PilotDesign;
  #drafts: Record<string, unknown> = $state({});
  #onchange: (design: PilotDesign) => void;

  constructor(design: PilotDesign, onchange: (design: PilotDesign) => void = () => undefined) {
    this.design = design;
    this.#onchange = onchange;
  }

  get pilotId(): number {
    return this.design.pilot.id;
  }

  /** Runs one edit and shows the design it answers with; rejects with an ApiError. */
  async edit(call: (pilotId: number) => Promise<PilotDesign>): Promise<PilotDesign> {
    let next: PilotDesign;
    try {
      next = await call(this.pilotId);
    } catch (error) {
      throw toApiError(error);
    }
    this.design = next;
    this.#onchange(next);
    return next;
  }

  /** What was typed into a form, kept until it is saved or discarded; `init` fills a new one. */
  draft<T extends object>(key: string, init: () => T): T {
    if (!(key in this.#drafts)) this.#drafts[key] = init();
    return this.#drafts[key] as T;
  }

  /** Forgets a draft, e.g. once it is saved or cancelled. */
  discard(key: string): void {
    delete this.#drafts[key];
  }

  /** Starts a form again from `init`, e.g. after a save, and returns the fresh draft. */
  resetDraft<T extends object>(key: string, init: () => T): T {
    this.#drafts[key] = init();
    return this.#drafts[key] as T;
  }
}

/** True when two plain form values differ. */
export function changed(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
