// Loads one thing from the backend and tracks loading, data and error as reactive state.
import { toApiError, type ApiError } from "../api";

export class Resource<T> {
  data = $state<T | undefined>(undefined);
  error = $state<ApiError | null>(null);
  loading = $state(false);
  #fetcher: () => Promise<T>;
  #request = 0;

  constructor(fetcher: () => Promise<T>) {
    this.#fetcher = fetcher;
  }

  /** Fetches again. Existing data stays on screen while it loads, so nothing jumps. */
  async load(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const data = await this.#fetcher();
      if (request !== this.#request) return;
      this.data = data;
      this.error = null;
    } catch (error) {
      if (request !== this.#request) return;
      this.error = toApiError(error);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
