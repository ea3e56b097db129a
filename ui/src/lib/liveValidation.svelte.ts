// Live form validation against the backend, the single source of truth.
//
// Every change schedules one debounced call to the validator. A field's messages are shown only
// once the person has left that field, or after a submit attempt, so a fresh form is not red.
// Shown messages change only when a validation result for the current input arrives, so errors
// do not flicker while someone types.
import { toApiError } from "../api";
import { fieldErrors, type FieldErrors } from "./fieldErrors";

export const VALIDATION_DELAY_MS = 250;

export class LiveValidation<T, F extends string = string> {
  /** What the form displays, by field. */
  shown = $state<FieldErrors>({});

  #fields: readonly F[];
  #validate: (input: T) => Promise<unknown>;
  #delay: number;
  #latest: FieldErrors = {};
  #fresh = false;
  #left = new Set<F>();
  #submitted = false;
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(fields: readonly F[], validate: (input: T) => Promise<unknown>, delay = VALIDATION_DELAY_MS) {
    this.#fields = fields;
    this.#validate = validate;
    this.#delay = delay;
  }

  /** The input changed: validate it once the person pauses. */
  changed(input: T): void {
    this.#fresh = false;
    const request = ++this.#request;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(input, request), this.#delay);
  }

  /** The person left a field: from now on its messages are shown. */
  leave(field: F): void {
    this.#left.add(field);
    if (this.#fresh) this.#reveal();
  }

  /** A submit was refused with these errors: show every field's messages from now on. */
  refused(errors: FieldErrors): void {
    this.#submitted = true;
    this.#latest = errors;
    this.#reveal();
  }

  /** A submit is being attempted: every field's messages are shown from now on. */
  attempted(): void {
    this.#submitted = true;
    if (this.#fresh) this.#reveal();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#request++;
  }

  async #run(input: T, request: number): Promise<void> {
    let errors: FieldErrors = {};
    try {
      await this.#validate(input);
    } catch (error) {
      errors = fieldErrors(toApiError(error));
    }
    if (request !== this.#request) return;
    this.#latest = errors;
    this.#fresh = true;
    this.#reveal();
  }

  #reveal(): void {
    const next: FieldErrors = {};
    for (const field of this.#fields) {
      if (!this.#submitted && !this.#left.has(field)) continue;
      const messages = this.#latest[field];
      if (messages?.length) next[field] = messages;
    }
    this.shown = next;
  }
}
