// The hand-picked design's teams: which teams can join the cohort, and which arm each is in.
import type { Cohort, ManagerCandidate } from "../api";

export type TeamArm = "pilot" | "comparison" | "out";

export interface TeamOption {
  name: string;
  /** Managers in the team: everyone of them joins the team's arm. */
  managers: number;
  /** Their direct reports, the people coached. */
  people: number;
}

/** Teams with at least one manager, by name: only those add anyone to the cohort. */
export function teamOptions(candidates: ManagerCandidate[]): TeamOption[] {
  const teams = new Map<string, TeamOption>();
  for (const candidate of candidates) {
    const team = teams.get(candidate.team) ?? { name: candidate.team, managers: 0, people: 0 };
    team.managers += 1;
    team.people += candidate.teamSize;
    teams.set(candidate.team, team);
  }
  return [...teams.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function armOf(team: string, pilot: string[], comparison: string[]): TeamArm {
  if (pilot.includes(team)) return "pilot";
  if (comparison.includes(team)) return "comparison";
  return "out";
}

/** The two lists with `team` moved into `arm` (and out of the other). */
export function assign(
  team: string,
  arm: TeamArm,
  pilot: string[],
  comparison: string[],
): { pilot: string[]; comparison: string[] } {
  const without = (list: string[]) => list.filter((t) => t !== team);
  return {
    pilot: arm === "pilot" ? [...without(pilot), team] : without(pilot),
    comparison: arm === "comparison" ? [...without(comparison), team] : without(comparison),
  };
}

/** One region against the rest: every team not in the pilot becomes a comparison team. */
export function restAsComparison(teams: TeamOption[], pilot: string[]): string[] {
  return teams.map((t) => t.name).filter((name) => !pilot.includes(name));
}

/** The saved arms of a hand-picked cohort, by team. */
export function savedTeams(cohort: Cohort): { pilot: string[]; comparison: string[] } {
  const teams = (arm: "pilot" | "comparison") => [
    ...new Set(cohort.members.filter((m) => m.arm === arm).map((m) => m.team)),
  ];
  return { pilot: teams("pilot"), comparison: teams("comparison") };
}
