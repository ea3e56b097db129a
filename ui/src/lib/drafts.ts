// What a person typed into a form and has not saved yet, kept while the form itself comes and
// goes (a month picked where the form is not shown, another screen and back). Kept for the
// session only: a saved form clears its draft, and the backend holds what is saved.
const drafts = new Map<string, unknown>();

export function keepDraft<T>(key: string, draft: T): void {
  drafts.set(key, structuredClone(draft));
}

export function draftFor<T>(key: string): T | undefined {
  const draft = drafts.get(key);
  return draft === undefined ? undefined : (structuredClone(draft) as T);
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}
