import { describe, expect, it } from "vitest";
import type { LevelProgress } from "../api";
import {
  badgeFileName,
  calendarFileName,
  certifyAction,
  certifyActions,
  coachTone,
  criterionShare,
  expiryText,
  hoursText,
  meanScore,
  progressText,
  rubricScores,
  standingLabel,
} from "./coaches";

const level = (over: Partial<LevelProgress>): LevelProgress => ({
  level: "associate",
  criteria: [],
  met: false,
  blocked: null,
  ...over,
});

describe("coaches", () => {
  it("never rounds hours up to a threshold", () => {
    expect(hoursText(12)).toBe("12");
    expect(hoursText(12.5)).toBe("12.5");
    expect(hoursText(1198 / 60)).toBe("19.9");
    expect(hoursText(0.29)).toBe("0.2");
  });

  it("names a coach's standing and colours expiry as a warning", () => {
    expect(standingLabel({ status: "certified", level: "associate" })).toBe("Associate coach");
    expect(standingLabel({ status: "in_progress", level: null })).toBe("In progress");
    expect(coachTone({ status: "certified", expiringSoon: false })).toBe("success");
    expect(coachTone({ status: "certified", expiringSoon: true })).toBe("warning");
    expect(coachTone({ status: "expired", expiringSoon: false })).toBe("danger");
    expect(expiryText({ validUntil: "2029-02-28", expiringSoon: false })).toBe("until 28 Feb 2029");
    expect(expiryText({ validUntil: "2027-03-02", expiringSoon: true })).toBe("expires 2 Mar 2027");
    expect(expiryText({ validUntil: null, expiringSoon: false })).toBe("");
    expect(progressText({ criteriaMet: 4, criteriaTotal: 6, targetLevel: "certified" })).toBe("4 of 6 criteria toward certified");
  });

  it("disables certifying with the reason until the level may be certified", () => {
    const blocked = certifyAction(level({ blocked: "Not yet met: 12 of 20 hours logged" }));
    expect(blocked).toEqual({
      level: "associate",
      label: "Certify as associate coach",
      disabled: true,
      reason: "Not yet met: 12 of 20 hours logged",
    });
    expect(certifyAction(level({ level: "certified", met: true })).disabled).toBe(false);
  });

  it("offers every level that may be certified, else the next one with its reason", () => {
    const associate = level({ met: true });
    const certified = level({ level: "certified", blocked: "Not yet met: 1 of 2 sessions observed" });
    expect(certifyActions({ levels: [associate, certified] }).map((a) => a.level)).toEqual(["associate"]);
    const held = level({ met: true, blocked: "Already associate coach until 28 Feb 2029; recertification opens on 30 Nov 2028" });
    const next = certifyActions({ levels: [held, certified] });
    expect(next.map((a) => [a.level, a.reason])).toEqual([["certified", "Not yet met: 1 of 2 sessions observed"]]);
    const both = level({ level: "certified", met: true, blocked: "Already certified coach until 28 Feb 2029; recertification opens on 30 Nov 2028" });
    expect(certifyActions({ levels: [held, both] }).map((a) => a.level)).toEqual(["certified"]);
  });

  it("names files after the coach and the day", () => {
    expect(badgeFileName("Anaïs Bennett", { level: "certified", certifiedOn: "2027-03-01" })).toBe(
      "anais-bennett-certified-coach-2027-03-01.jwt",
    );
    expect(calendarFileName("2027-03-01")).toBe("coaching-cadences-2027-03-01.ics");
  });

  it("sends one score per rubric item, unscored ones without a score, and shows the mean", () => {
    const rubric = ["agreement", "questions", "listening"].map((key) => ({ key, label: key, description: "" }));
    expect(rubricScores(rubric, { questions: 3, agreement: 4 })).toEqual([
      { item: "agreement", score: 4 },
      { item: "questions", score: 3 },
      { item: "listening", score: null },
    ]);
    expect(meanScore({})).toBeNull();
    expect(meanScore({ a: 3, b: 4, c: null })).toBe(3.5);
    expect(criterionShare(12, 20)).toBe(0.6);
    expect(criterionShare(30, 20)).toBe(1);
    expect(criterionShare(0, 0)).toBe(1);
  });
});
