// Turns the backend's ApiError into what a form shows: messages grouped by field.
import type { ApiError, ErrorDetail } from "../api";

export type FieldErrors = Record<string, string[]>;

/** Messages grouped by `detail.field`, in the order the backend sent them, without repeats. */
export function fieldErrors(error: ApiError | null | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of error?.details ?? []) {
    if (!detail.field) continue;
    const list = (errors[detail.field] ??= []);
    if (!list.includes(detail.message)) list.push(detail.message);
  }
  return errors;
}

/** True when at least one field has a message. */
export function hasFieldErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((messages) => messages.length > 0);
}

/** The first field, in form order, that has a message. */
export function firstInvalidField(errors: FieldErrors, order: readonly string[]): string | undefined {
  return order.find((field) => (errors[field]?.length ?? 0) > 0);
}

/** Messages the form cannot place: details without a field, or for a field it does not show. */
export function unplacedMessages(error: ApiError, shownFields: readonly string[]): string[] {
  return error.details
    .filter((detail) => !detail.field || !shownFields.includes(detail.field))
    .map(describeDetail);
}

/** "people.csv, line 4, column 2: message", or just the message. */
export function describeDetail(detail: ErrorDetail): string {
  const place: string[] = [];
  if (detail.file) place.push(detail.file);
  if (detail.line != null) place.push(`line ${detail.line}`);
  if (detail.column != null) place.push(`column ${detail.column}`);
  return place.length ? `${place.join(", ")}: ${detail.message}` : detail.message;
}

/** The test id of a field's error: "moments.0.minutes" -> "moments-0-minutes". */
export function fieldKey(field: string): string {
  return field.replaceAll(".", "-");
}
