import { describe, expect, it } from "vitest";
import type { ApiError } from "../api";
import { describeDetail, fieldErrors, fieldKey, firstInvalidField, hasFieldErrors, unplacedMessages } from "./fieldErrors";

const invalid: ApiError = {
  code: "invalid_input",
  message: "4 problems need fixing",
  details: [
    { field: "sponsor", message: "name the one senior sponsor who owns the outcome" },
    { field: "workflows", message: "\"Sales\" is listed twice" },
    { field: "workflows", message: "\"Service\" is listed twice" },
    { field: "workflows", message: "\"Sales\" is listed twice" },
    { message: "the database is read-only" },
  ],
};

describe("fieldErrors", () => {
  it("groups messages by field in the order they came, without repeats", () => {
    expect(fieldErrors(invalid)).toEqual({
      sponsor: ["name the one senior sponsor who owns the outcome"],
      workflows: ["\"Sales\" is listed twice", "\"Service\" is listed twice"],
    });
  });

  it("is empty for errors without field details", () => {
    const errors = fieldErrors({ code: "storage", message: "database error: disk full", details: [] });
    expect(errors).toEqual({});
    expect(hasFieldErrors(errors)).toBe(false);
    expect(fieldErrors(null)).toEqual({});
  });

  it("finds the first invalid field in form order, not backend order", () => {
    const order = ["name", "workflows", "startDate", "sponsor"];
    expect(firstInvalidField(fieldErrors(invalid), order)).toBe("workflows");
    expect(firstInvalidField({ name: [] }, order)).toBeUndefined();
  });

  it("lists what a form cannot place at a field", () => {
    expect(unplacedMessages(invalid, ["sponsor", "workflows"])).toEqual(["the database is read-only"]);
    expect(unplacedMessages(invalid, ["sponsor"])).toEqual([
      "\"Sales\" is listed twice",
      "\"Service\" is listed twice",
      "\"Sales\" is listed twice",
      "the database is read-only",
    ]);
  });

  it("describes file positions of import problems", () => {
    expect(describeDetail({ file: "people.csv", line: 4, column: 2, message: "manager E9 is unknown" })).toBe(
      "people.csv, line 4, column 2: manager E9 is unknown",
    );
    expect(describeDetail({ message: "plain" })).toBe("plain");
  });
});

describe("fieldKey", () => {
  it("turns a nested field name into its error's test id part", () => {
    expect(fieldKey("moments.0.minutes")).toBe("moments-0-minutes");
    expect(fieldKey("time.managerHoursPerWeek")).toBe("time-managerHoursPerWeek");
    expect(fieldKey("baselineEnd")).toBe("baselineEnd");
  });
});
