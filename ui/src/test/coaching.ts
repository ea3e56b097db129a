// Test data for the coaching screens: quick-log options and an import preview.
import type { ImportPreview, QuickLogOptions } from "../api";

export const quickLogOptions: QuickLogOptions = {
  managers: [
    {
      id: "E1060",
      name: "Mei Walsh",
      team: "Customer Success",
      reports: [
        { id: "E1061", name: "Oliver Ahmed", team: "Customer Success", role: "Customer Success Associate" },
        { id: "E1062", name: "Nadia Owusu", team: "Customer Success", role: "Customer Success Associate" },
      ],
    },
    {
      id: "E1040",
      name: "Anaïs Bennett",
      team: "Customer Support",
      reports: [{ id: "E1041", name: "Zoë Kim", team: "Customer Support", role: "Support Specialist" }],
    },
  ],
  pilots: [
    {
      id: 1,
      name: "Sales onboarding coaching pilot",
      status: "running",
      tasks: [
        { id: 1, workflow: "Sales onboarding", behaviour: "Uncover the buyer's business problem" },
        { id: 2, workflow: "Sales onboarding", behaviour: "Qualify every deal against the framework" },
      ],
      managers: ["E1060"],
    },
  ],
  defaultManager: null,
};

export const peoplePreview: ImportPreview = {
  kind: "people",
  fileName: "hr-export.csv",
  format: "CSV, semicolon-separated, UTF-8 with BOM",
  sheets: [],
  sheet: null,
  headers: ["Employee ID", "Full name", "Department", "Reports to", "Start"],
  rows: [
    { line: 2, cells: ["N1", "Nora Quist", "Ops", "", "2019-04-01"] },
    { line: 4, cells: ["N2", "Ravi Patel", "Ops", "N1", "2024-02-29"] },
  ],
  rowCount: 2,
  fields: [
    { key: "employeeId", label: "Employee ID", required: true, hint: "The id from the HR system", column: 0 },
    { key: "name", label: "Name", required: true, hint: "Full name", column: 1 },
    { key: "email", label: "Email", required: false, hint: "Work email address", column: null },
    { key: "team", label: "Team", required: true, hint: "Team or department", column: 2 },
    { key: "role", label: "Role", required: false, hint: "Job title", column: null },
    { key: "managerId", label: "Manager ID", required: false, hint: "The manager's employee id", column: 3 },
    { key: "hireDate", label: "Hire date", required: false, hint: "YYYY-MM-DD", column: null },
  ],
};
