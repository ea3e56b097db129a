import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { targetLevels } from "../../lib/skills";
import { skillsReport, supportModules } from "../../test/skills";
import SkillsPanel from "./SkillsPanel.svelte";

afterEach(cleanup);

const levels = targetLevels(supportModules);
const text = (id: string) => (screen.getByTestId(id).textContent ?? "").replace(/\s+/g, " ").trim();

function row(competencyId: number) {
  const found = screen.getAllByTestId("skills-competency").find((r) => r.dataset.competency === String(competencyId));
  if (!found) throw new Error(`no row for competency ${competencyId}`);
  return found;
}

describe("SkillsPanel", () => {
  it("leads with the finding, then the figures, each competency, the seats and the fragmented paths", () => {
    render(SkillsPanel, { report: skillsReport(), currency: "USD", levels });
    expect(text("skills-finding")).toBe(
      "20 of 36 targets reached across 2 competencies; median 37 days (not known yet for 1); 1 competency hidden (fewer than 5 people).",
    );
    expect(text("skills-panel")).toContain("Read to 29 Nov 2026");
    expect(text("skills-assignments")).toContain("39");
    expect(text("skills-readiness")).toContain("27%");
    expect(text("skills-spend")).toContain("USD 3,420");
    expect(text("skills-spend")).toContain("2 purchases");

    const empathy = row(7);
    expect(within(empathy).getByTestId("skills-completion").textContent).toMatch(/67%\s*12 of 18/);
    expect(within(empathy).getByTestId("skills-reached").textContent).toMatch(/14 of 18\s*4 on the way/);
    expect(within(empathy).getByTestId("skills-median").textContent?.trim()).toBe("37 days");
    expect(within(empathy).getByTestId("skills-middle-half").textContent?.trim()).toBe("25–53 days");
    expect(empathy.textContent).toContain("to level 3 · Proficient");

    // Fewer than half there: the median is not known yet, and says so rather than 0.
    const troubleshooting = row(8);
    expect(within(troubleshooting).getByTestId("skills-median").textContent?.trim()).toBe("not yet");
    expect(within(troubleshooting).getByTestId("skills-middle-half").textContent?.trim()).toBe("from 30 days");
    expect(within(troubleshooting).getByTestId("skills-reached").textContent).toMatch(/6 of 18\s*12 on the way/);

    const seats = screen.getAllByTestId("skills-seat").map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim()).join(" | "));
    expect(seats[0]).toBe("De-escalation language | 18 | 18 | 100%");
    expect(seats[1]).toContain("117%");
    expect(seats[1]).toContain("more assigned than bought");
    expect(seats[2]).toContain("Site licence");
    expect(seats[2]).toContain("no seat limit");

    expect(screen.getAllByTestId("path-warning")[0]!.textContent).toContain("both build CE.3");
  });

  it("reads a figure under the privacy floor as hidden, never as 0, and withholds the totals that would give it away", () => {
    render(SkillsPanel, { report: skillsReport(), currency: "USD", levels });
    const hidden = row(9);
    expect(hidden.dataset.hidden).toBe("true");
    expect(within(hidden).getByTestId("skills-competency-hidden").textContent).toContain("Hidden: fewer than 5 people assigned");
    expect(hidden.textContent).not.toMatch(/\b0\b/);
    // The backend counts gains over the shown competencies only (14 + 6) and withholds the
    // cost per competency; the panel says the total leaves the hidden one out.
    expect(text("skills-gained")).toContain("20");
    expect(text("skills-gained")).toContain("over the competencies shown");
    expect(text("skills-cost-per")).toContain("Hidden");
  });

  it("names the level of a single competency and shows the gains and their cost when nothing is held back", () => {
    const report = skillsReport({
      completion: [skillsReport().completion[1]!],
      speed: [{ ...skillsReport().speed[1]!, reached: 9, censored: 9, medianDays: 36, quartileHighDays: 58 }],
      competenciesGained: 9,
      costPerCompetencyGained: 38_000,
      readiness: null,
      warnings: [],
    });
    render(SkillsPanel, { report, currency: "USD", levels });
    expect(text("skills-finding")).toBe("9 of 18 reached CE.2 Structured troubleshooting at level 3; median 36 days.");
    expect(text("skills-gained")).toContain("9");
    expect(text("skills-cost-per")).toContain("USD 380");
    // No requirement to measure: a dash, not 0%.
    expect(text("skills-readiness")).toContain("—");
    expect(text("skills-readiness")).not.toContain("0%");
    expect(text("skills-readiness")).toContain("no role requirement to measure");
    expect(screen.queryByTestId("path-warnings")).toBeNull();
  });

  it("leaves the level out when the catalog's modules aim at different levels of the competency", () => {
    const report = skillsReport({ completion: [], speed: [{ ...skillsReport().speed[0]! }], competenciesGained: 14 });
    const disagreeing = targetLevels([
      ...supportModules,
      { ...supportModules[0]!, id: 99, targets: [{ ...supportModules[0]!.targets[0]!, targetLevel: 4, levelLabel: "Role model" }] },
    ]);
    render(SkillsPanel, { report, currency: "USD", levels: disagreeing });
    expect(text("skills-finding")).toBe("14 of 18 reached CE.1 Empathetic communication; median 37 days.");
    expect(within(row(7)).getByTestId("skills-completion").textContent?.trim()).toBe("—");
  });

  it("says when every competency is under the privacy floor", () => {
    const report = skillsReport({
      completion: [skillsReport().completion[2]!],
      speed: [skillsReport().speed[2]!],
      competenciesGained: 0,
      costPerCompetencyGained: null,
    });
    render(SkillsPanel, { report, currency: "USD", levels });
    expect(text("skills-finding")).toBe("Speed-to-competency is hidden: each competency has fewer than 5 people assigned.");
    expect(text("skills-gained")).toContain("over the competencies shown");
    expect(text("skills-cost-per")).toContain("Hidden");
  });

  it("still gives the teams' role readiness when nothing is assigned, as a share, 0% included", () => {
    const report = skillsReport({
      assignments: 0, completion: [], speed: [], purchases: [], seats: [], spend: 0, competenciesGained: 0,
      costPerCompetencyGained: null, readiness: 0, warnings: [],
    });
    render(SkillsPanel, { report, currency: "USD" });
    expect(text("skills-readiness-only")).toBe("Role readiness in the pilot's teams: 0% of the required competencies met.");
  });

  it("points to the Skills screen when nothing is assigned or bought for the pilot", () => {
    const report = skillsReport({
      assignments: 0, completion: [], speed: [], purchases: [], seats: [], spend: 0, competenciesGained: 0,
      costPerCompetencyGained: null, readiness: null, warnings: [],
    });
    render(SkillsPanel, { report, currency: "USD" });
    expect(text("skills-finding")).toBe("No modules are assigned for this pilot yet.");
    expect(screen.queryByTestId("skills-readiness-only")).toBeNull();
    expect(screen.getByRole("link", { name: "Skills › Assignments" }).getAttribute("href")).toBe("#/skills/assignments");
    expect(screen.queryByTestId("skills-competencies")).toBeNull();
    expect(screen.queryByTestId("skills-seats")).toBeNull();
  });
});
