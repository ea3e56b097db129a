// Test-only: the measure half as the backend sends it. Built from a real `pilotdesk dashboard 1
// --json` of a generated workspace (300 people, a randomised waitlist, hourly costs and ROI
// assumptions set), trimmed to a few rows; the single-team and not-measured KPIs follow the
// core's own sentences.
import type {
  Chart,
  Dashboard,
  HourlyCost,
  KpiPanel,
  PilotCard,
  PortfolioOverview,
  RuleVerdict,
} from "../api";

/** Days to first closed deal: 16 pilot teams against 16 drawn for the waitlist, an interval and a randomisation test. */
const INTERVAL_PANEL: KpiPanel = {
  "kpiId": 1,
  "name": "Days to first closed deal",
  "unit": "days",
  "direction": "lower",
  "criterion": "Scale if days to first closed deal falls by at least 3 days and its whole 95% interval is a fall",
  "lift": {
    "kpiId": 1,
    "kpiName": "Days to first closed deal",
    "unit": "days",
    "direction": "lower",
    "method": "difference_in_differences",
    "evidence": "strong",
    "weakerEvidence": false,
    "effect": -6.047969842657345,
    "intervalLow": -6.581416403053968,
    "intervalHigh": -5.514523282260722,
    "standardError": 0.26109940720296576,
    "degreesOfFreedom": 29.72040965515014,
    "improvement": 6.047969842657345,
    "improvementLow": 5.514523282260722,
    "improvementHigh": 6.581416403053968,
    "permutation": null,
    "randomisation": {
      "pValue": 0.001998001998001998,
      "draws": 1000
    },
    "pilotUnits": 16,
    "comparisonUnits": 16,
    "pilotPeople": 120,
    "comparisonPeople": 138,
    "pilotChange": -6.014289720695974,
    "comparisonChange": 0.03368012196137071,
    "pilotPreTrend": 0.14998037676608877,
    "comparisonPreTrend": -0.06518326394103217,
    "decimals": 2,
    "display": {
      "improvement": "6.05 days",
      "interval": "5.51 to 6.58 days",
      "test": "randomisation p = 0.002 (1,000 re-draws of the assignment)"
    },
    "limits": null,
    "excluded": [],
    "criterion": "Scale if days to first closed deal falls by at least 3 days and its whole 95% interval is a fall",
    "criterionMet": true,
    "summary": "Days to first closed deal: 6.05 days better than the comparison group (95% interval of the improvement 5.51 to 6.58 days), randomisation p = 0.002 (1,000 re-draws of the assignment), by difference-in-differences over 16 pilot teams and 16 comparison; meets the criterion (Scale if days to first closed deal falls by at least 3 days and its whole 95% interval is a fall); strong evidence: a randomised comparison."
  },
  "notMeasured": null,
  "mde": {
    "kpiId": 1,
    "effect": 1.20158215066298,
    "display": "1.20 days",
    "reason": null,
    "pilotUnits": 16,
    "comparisonUnits": 16,
    "criterionBelowMde": false,
    "sentence": "The pilot can detect a change of 1.20 days or more (80% power, 5% level, 16 pilot teams and 16 comparison)."
  },
  "series": {
    "id": "kpi-1-series",
    "title": "Days to first closed deal: both groups moved alike before launch; since then the pilot group is 6.05 days better",
    "subtitle": "In days, month by month, 31 May 2026 to 29 Nov 2026",
    "xLabel": "Month",
    "yLabel": "Days to first closed deal (days)",
    "body": {
      "kind": "series",
      "series": [
        {
          "name": "Pilot group",
          "role": "pilot",
          "points": [
            {
              "x": "2026-06-15",
              "y": 64.6457632688492,
              "display": "64.65",
              "gapBefore": false
            },
            {
              "x": "2026-07-15",
              "y": 64.5765818452381,
              "display": "64.58",
              "gapBefore": false
            },
            {
              "x": "2026-08-15",
              "y": 64.8287251984127,
              "display": "64.83",
              "gapBefore": false
            },
            {
              "x": "2026-09-15",
              "y": 58.6738814484127,
              "display": "58.67",
              "gapBefore": false
            },
            {
              "x": "2026-10-15",
              "y": 58.536442956349205,
              "display": "58.54",
              "gapBefore": false
            },
            {
              "x": "2026-11-15",
              "y": 58.80433903769841,
              "display": "58.80",
              "gapBefore": false
            }
          ]
        },
        {
          "name": "Waitlist",
          "role": "comparison",
          "points": [
            {
              "x": "2026-06-15",
              "y": 62.26054997519842,
              "display": "62.26",
              "gapBefore": false
            },
            {
              "x": "2026-07-15",
              "y": 62.3271259469697,
              "display": "62.33",
              "gapBefore": false
            },
            {
              "x": "2026-08-15",
              "y": 62.03335841675685,
              "display": "62.03",
              "gapBefore": false
            },
            {
              "x": "2026-09-15",
              "y": 62.30912219291126,
              "display": "62.31",
              "gapBefore": false
            },
            {
              "x": "2026-10-15",
              "y": 62.094306457431465,
              "display": "62.09",
              "gapBefore": false
            },
            {
              "x": "2026-11-15",
              "y": 62.38527095734128,
              "display": "62.39",
              "gapBefore": false
            }
          ]
        }
      ],
      "bands": [
        {
          "from": "2026-05-31",
          "to": "2026-08-30",
          "label": "Baseline"
        },
        {
          "from": "2026-08-31",
          "to": "2026-11-29",
          "label": "Pilot window"
        }
      ],
      "markers": [
        {
          "at": "2026-08-31",
          "label": "Launch"
        }
      ]
    },
    "note": "Each point is the mean of the group's teams' monthly means."
  },
  "eventStudy": {
    "id": "kpi-1-event-study",
    "title": "Days to first closed deal: flat before launch, the gap opened once coaching started",
    "subtitle": "Improvement per 30-day period against each team's baseline, in days; 95% intervals",
    "xLabel": "Days from launch",
    "yLabel": "Improvement (days)",
    "body": {
      "kind": "intervals",
      "rows": [
        {
          "label": "Days -90 to -61",
          "estimate": 0.07398669039294381,
          "low": -0.5262027337935883,
          "high": 0.6741761145794759,
          "display": "0.07 days",
          "role": "neutral"
        },
        {
          "label": "Days -60 to -31",
          "estimate": 0.20974408577533366,
          "low": -0.2714398136955673,
          "high": 0.6909279852462347,
          "display": "0.21 days",
          "role": "neutral"
        },
        {
          "label": "Days -30 to -1",
          "estimate": -0.3361667976121092,
          "low": -0.9064013444136282,
          "high": 0.23406774918940976,
          "display": "-0.34 days",
          "role": "neutral"
        },
        {
          "label": "Days 0-29",
          "estimate": 6.094440728542292,
          "low": 5.333310279258313,
          "high": 6.8555711778262705,
          "display": "6.09 days",
          "role": "pilot"
        },
        {
          "label": "Days 30-59",
          "estimate": 6.2157889766483505,
          "low": 5.427980706741421,
          "high": 7.00359724655528,
          "display": "6.22 days",
          "role": "pilot"
        },
        {
          "label": "Days 60-89",
          "estimate": 5.876537826756575,
          "low": 5.128705431438626,
          "high": 6.624370222074524,
          "display": "5.88 days",
          "role": "pilot"
        }
      ],
      "references": [
        {
          "value": 0.0,
          "label": "No difference"
        }
      ]
    },
    "note": "Day 0 is the launch, 31 Aug 2026. Periods with too few teams for an interval show the estimate alone."
  }
};

const BASE: Omit<Dashboard, "kpis"> = {
  "pilotId": 1,
  "pilotName": "Sales and escalation coaching pilot",
  "status": "running",
  "design": "randomised_waitlist",
  "startDate": "2026-08-31",
  "endDate": "2026-11-29",
  "asOf": "2026-11-29",
  "month": "2026-11",
  "day": 90,
  "currency": "USD",
  "minGroupSize": 5,
  "headline": "The 90 days ended on 29 Nov 2026: 3 of 3 KPIs met their success criterion; Days to first closed deal is 6.05 days better than the comparison group (95% interval 5.51 to 6.58 days), meeting its criterion; first-year ROI 1,145%.",
  "keyNumbers": [
    {
      "value": "Day 90",
      "label": "Of the 90-day window",
      "basis": "31 Aug 2026 to 29 Nov 2026"
    },
    {
      "value": "6.05 days",
      "label": "Improvement in Days to first closed deal",
      "basis": "95% interval 5.51 to 6.58 days; strong evidence: a randomised comparison"
    },
    {
      "value": "17.4",
      "label": "Coaching moments per pilot manager a week",
      "basis": "2.9 in the comparison group; over 13 weeks"
    },
    {
      "value": "89%",
      "label": "Of the cohort coached in a typical week",
      "basis": "120 people in the pilot group"
    },
    {
      "value": "1,145%",
      "label": "First-year ROI",
      "basis": "USD 1,142,140 benefit against USD 91,713 cost"
    }
  ],
  "liftChart": {
    "id": "lift-per-kpi",
    "title": "3 of 3 KPIs met their success criterion",
    "subtitle": "Improvement as a share of each KPI's target lift, with its 95% interval",
    "xLabel": "KPI",
    "yLabel": "Share of the target lift (%)",
    "body": {
      "kind": "intervals",
      "rows": [
        {
          "label": "Days to first closed deal",
          "estimate": 201.59899475524483,
          "low": 183.81744274202407,
          "high": 219.38054676846562,
          "display": "6.05 days (202% of the target)",
          "role": "pilot"
        },
        {
          "label": "Discovery calls converted to qualified opportunities",
          "estimate": 200.242879516317,
          "low": 179.1179887092021,
          "high": 221.36777032343193,
          "display": "4.00 percentage points (200% of the target)",
          "role": "pilot"
        },
        {
          "label": "First-contact resolution",
          "estimate": 184.33460012210023,
          "low": 170.09531451389043,
          "high": 198.57388573031005,
          "display": "4.61 percentage points (184% of the target)",
          "role": "pilot"
        }
      ],
      "references": [
        {
          "value": 0.0,
          "label": "No change"
        },
        {
          "value": 100.0,
          "label": "Target"
        }
      ]
    },
    "note": "A KPI shown without an interval had too few teams for one; its placebo test is in the KPI's section."
  },
  "coaching": {
    "weeksElapsed": 13,
    "pilotManagers": 16,
    "pilotPeople": 120,
    "events": 3621,
    "hours": 717.7166666666667,
    "eventsPerManagerWeek": 17.408653846153847,
    "comparisonEventsPerManagerWeek": 2.889423076923077,
    "shareCoachedWeekly": 0.8891025641025643,
    "tasks": [
      {
        "taskId": 7,
        "workflow": "Customer escalation",
        "behaviour": "Work through the diagnostic checklist before escalating to tier 2",
        "events": 477,
        "hours": 92.66666666666667
      },
      {
        "taskId": 4,
        "workflow": "Sales onboarding",
        "behaviour": "Agree a mutual action plan with the buyer after the second meeting",
        "events": 468,
        "hours": 95.3
      },
      {
        "taskId": 2,
        "workflow": "Sales onboarding",
        "behaviour": "Qualify every deal against the team's framework and drop the ones that fail",
        "events": 466,
        "hours": 91.23333333333333
      }
    ],
    "credits": 717.7166666666667,
    "overloadedManagerWeeks": 132,
    "overloadedManagers": 16,
    "weekly": {
      "id": "coaching-weekly",
      "title": "Pilot managers coach 6.0 times as often as their peers: 17.4 moments a week each",
      "subtitle": "Coaching moments per manager, week by week (weeks start on Monday)",
      "xLabel": "Week",
      "yLabel": "Moments per manager",
      "body": {
        "kind": "bars",
        "categories": [
          "31 Aug",
          "7 Sep",
          "14 Sep",
          "21 Sep"
        ],
        "groups": [
          {
            "name": "Pilot group managers",
            "role": "pilot",
            "values": [
              18.3125,
              19.0625,
              17.25,
              17.75
            ],
            "displays": [
              "18.3",
              "19.1",
              "17.3",
              "17.8"
            ]
          },
          {
            "name": "Waitlist managers",
            "role": "comparison",
            "values": [
              3.5625,
              2.875,
              2.6875,
              2.9375
            ],
            "displays": [
              "3.6",
              "2.9",
              "2.7",
              "2.9"
            ]
          }
        ],
        "references": []
      },
      "note": "Groups under the privacy floor are not shown."
    },
    "inputsAgainstOutcomes": {
      "id": "inputs-against-outcomes",
      "title": "Teams that were coached more improved more on Days to first closed deal",
      "subtitle": "One point per team: coaching hours per person in the pilot window, and the team's improvement in days",
      "xLabel": "Coaching hours per person",
      "yLabel": "Improvement (days)",
      "body": {
        "kind": "scatter",
        "points": [
          {
            "x": 5.652380952380953,
            "y": 6.245054945054946,
            "role": "pilot"
          },
          {
            "x": 4.455,
            "y": 6.021538461538476,
            "role": "pilot"
          },
          {
            "x": 4.281666666666667,
            "y": 5.456923076923083,
            "role": "pilot"
          },
          {
            "x": 6.147619047619047,
            "y": 6.282417582417601,
            "role": "pilot"
          },
          {
            "x": 6.597619047619048,
            "y": 7.343956043956055,
            "role": "pilot"
          },
          {
            "x": 6.514583333333333,
            "y": 6.792307692307688,
            "role": "pilot"
          }
        ],
        "fit": {
          "slope": 1.249967601817466,
          "intercept": -1.6606905291695049,
          "label": "1.250 days per extra coaching hour"
        }
      },
      "note": "Teams under the privacy floor, and as many more as keep them from being worked out, are not shown. An association, not proof: teams that coach more may differ in other ways."
    },
    "summary": "3,621 coaching moments, 717.7 hours; 17.4 a week per pilot manager against 2.9 in the comparison group; in a typical week 89% of the cohort was coached; 16 pilot managers went over 4.0 hours in a week: check their time credits."
  },
  "impactPerHour": {
    "value": "USD 1,591",
    "label": "Monetised benefit per coaching hour",
    "basis": "First-year benefit, adjusted for confidence, over the coaching hours logged"
  },
  "cost": {
    "budget": 4000000,
    "plannedLines": 0,
    "tranchesCommitted": 0,
    "released": 0,
    "spent": 0,
    "timeToDate": 9171333,
    "fullyLoadedToDate": 9171333,
    "tranches": [],
    "chart": {
      "id": "cost-to-date",
      "title": "0% of the committed budget spent; the people's coaching time adds USD 91,713",
      "subtitle": "Budget, tranches and the time of the people involved, to date",
      "xLabel": "",
      "yLabel": "Amount",
      "body": {
        "kind": "bars",
        "categories": [
          "Committed budget",
          "Released",
          "Spent",
          "Coaching time"
        ],
        "groups": [
          {
            "name": "Amount",
            "role": "neutral",
            "values": [
              4000000.0,
              0.0,
              0.0,
              9171333.0
            ],
            "displays": [
              "USD 40,000",
              "USD 0",
              "USD 0",
              "USD 91,713"
            ]
          }
        ],
        "references": []
      },
      "note": null
    },
    "summary": "USD 0 spent of USD 40,000 committed (0 of 0 tranches released); with the coaching time of the people involved the fully loaded cost so far is USD 91,713."
  },
  "roi": {
    "figures": {
      "benefits": [
        {
          "kpi": "Days to first closed deal",
          "unit": "days",
          "improvement": 6.047969842657345,
          "improvementLow": 5.514523282260722,
          "improvementHigh": 6.581416403053968,
          "valuePerUnit": 35000,
          "affectedPerYear": 40.0,
          "affectedUnit": "new hires",
          "confidence": 0.8,
          "annualValue": 8467158,
          "adjustedValue": 6773726,
          "formula": "6.05 days × USD 350 × 40 new hires × 80% confidence = USD 67,737.26",
          "breakEvenImprovement": 8.188690476190475
        },
        {
          "kpi": "Discovery calls converted to qualified opportunities",
          "unit": "%",
          "improvement": 4.00485759032634,
          "improvementLow": 3.582359774184042,
          "improvementHigh": 4.427355406468639,
          "valuePerUnit": 120000,
          "affectedPerYear": 120.0,
          "affectedUnit": "people in the pilot group",
          "confidence": 1.0,
          "annualValue": 57669949,
          "adjustedValue": 57669949,
          "formula": "4 percentage points × USD 1,200 × 120 people in the pilot group × 100% confidence = USD 576,699.49",
          "breakEvenImprovement": 0.636898148148148
        },
        {
          "kpi": "First-contact resolution",
          "unit": "%",
          "improvement": 4.608365003052506,
          "improvementLow": 4.25238286284726,
          "improvementHigh": 4.9643471432577515,
          "valuePerUnit": 90000,
          "affectedPerYear": 120.0,
          "affectedUnit": "people in the pilot group",
          "confidence": 1.0,
          "annualValue": 49770342,
          "adjustedValue": 49770342,
          "formula": "4.61 percentage points × USD 900 × 120 people in the pilot group × 100% confidence = USD 497,703.42",
          "breakEvenImprovement": 0.8491975308641975
        }
      ],
      "costs": [
        {
          "category": "manager_time",
          "label": "Managers' coaching time",
          "amount": 5765933,
          "basis": "717.7 h at each role's hourly cost (on average USD 80.34/h)"
        },
        {
          "category": "coachee_time",
          "label": "Coachees' time",
          "amount": 3405400,
          "basis": "717.7 h at each role's hourly cost (on average USD 47.45/h)"
        }
      ],
      "benefitsTotal": 114214018,
      "costsTotal": 9171333,
      "costsByCategory": [
        {
          "category": "manager_time",
          "label": "Managers' time",
          "total": 5765933
        },
        {
          "category": "coachee_time",
          "label": "Coachees' time",
          "total": 3405400
        }
      ],
      "bcr": 12.453371108247723,
      "roiPercent": 1145.3371108247723,
      "paybackMonths": 0.9635945075187345,
      "breakEvenScale": 0.08029954229322787,
      "benefitsLow": 103687982,
      "benefitsHigh": 124740053,
      "roiPercentLow": 1030.5660581136801,
      "roiPercentHigh": 1260.1081635358644,
      "intervalNote": null,
      "sensitivity": [
        {
          "scale": 0.0,
          "benefits": 0,
          "roiPercent": -100.0
        },
        {
          "scale": 0.25,
          "benefits": 28553504,
          "roiPercent": 211.33427770619306
        },
        {
          "scale": 0.5,
          "benefits": 57107009,
          "roiPercent": 522.668555412386
        },
        {
          "scale": 0.75,
          "benefits": 85660513,
          "roiPercent": 834.0028331185794
        },
        {
          "scale": 1.0,
          "benefits": 114214018,
          "roiPercent": 1145.3371108247723
        },
        {
          "scale": 1.25,
          "benefits": 142767522,
          "roiPercent": 1456.671388530965
        },
        {
          "scale": 1.5,
          "benefits": 171321026,
          "roiPercent": 1768.0056662371585
        },
        {
          "scale": 1.75,
          "benefits": 199874531,
          "roiPercent": 2079.3399439433515
        },
        {
          "scale": 2.0,
          "benefits": 228428035,
          "roiPercent": 2390.674221649544
        }
      ],
      "intangibles": [
        "Managers report more confidence in coaching conversations",
        "Lower early attrition among new hires"
      ],
      "methods": [
        "Benefits count the first year only: each KPI's isolated improvement × what one unit of it is worth for a year × the units it applies to in that year; later years are not counted.",
        "Each gain is multiplied by the stated confidence in its isolated effect (the Phillips adjustment), so an uncertain effect counts for less.",
        "A KPI that got worse counts against the pilot at its full measured size: the confidence adjustment never shrinks a loss."
      ]
    },
    "assumptions": [
      {
        "kpiId": 1,
        "kpiName": "Days to first closed deal",
        "unit": "days",
        "valuePerUnit": 35000,
        "affectedPerYear": 40.0,
        "affectedUnit": "new hires",
        "affectedStated": true,
        "confidence": 0.8,
        "confidenceStated": true,
        "confidenceBasis": "80% as stated by the workspace"
      },
      {
        "kpiId": 2,
        "kpiName": "Discovery calls converted to qualified opportunities",
        "unit": "%",
        "valuePerUnit": 120000,
        "affectedPerYear": 120.0,
        "affectedUnit": "people in the pilot group",
        "affectedStated": false,
        "confidence": 1.0,
        "confidenceStated": false,
        "confidenceBasis": "100% by default: the randomised comparison isolates the effect"
      },
      {
        "kpiId": 3,
        "kpiName": "First-contact resolution",
        "unit": "%",
        "valuePerUnit": 90000,
        "affectedPerYear": 120.0,
        "affectedUnit": "people in the pilot group",
        "affectedStated": false,
        "confidence": 1.0,
        "confidenceStated": false,
        "confidenceBasis": "100% by default: the randomised comparison isolates the effect"
      }
    ],
    "projected": false,
    "impactPerHour": 159135,
    "costAgainstBenefit": {
      "id": "cost-against-benefit",
      "title": "A first-year benefit of USD 1,142,140 against a cost of USD 91,713: ROI 1,145%",
      "subtitle": "Fully loaded cost against the first-year benefit, adjusted for confidence",
      "xLabel": "",
      "yLabel": "Amount",
      "body": {
        "kind": "bars",
        "categories": [
          "Fully loaded cost",
          "Benefit, interval's low end",
          "First-year benefit",
          "Benefit, interval's high end"
        ],
        "groups": [
          {
            "name": "Amount",
            "role": "neutral",
            "values": [
              9171333.0,
              103687982.0,
              114214018.0,
              124740053.0
            ],
            "displays": [
              "USD 91,713",
              "USD 1,036,880",
              "USD 1,142,140",
              "USD 1,247,401"
            ]
          }
        ],
        "references": []
      },
      "note": null
    },
    "sensitivity": {
      "id": "roi-sensitivity",
      "title": "The pilot pays for itself even if the true effect is only 8% of the one measured",
      "subtitle": "ROI if the true effects were a share of those measured",
      "xLabel": "Share of the measured effect",
      "yLabel": "ROI (%)",
      "body": {
        "kind": "curve",
        "lines": [
          {
            "name": "ROI",
            "role": "pilot",
            "points": [
              {
                "x": 0.0,
                "y": -100.0
              },
              {
                "x": 0.25,
                "y": 211.33427770619306
              },
              {
                "x": 0.5,
                "y": 522.668555412386
              },
              {
                "x": 0.75,
                "y": 834.0028331185794
              },
              {
                "x": 1.0,
                "y": 1145.3371108247723
              },
              {
                "x": 1.25,
                "y": 1456.671388530965
              },
              {
                "x": 1.5,
                "y": 1768.0056662371585
              },
              {
                "x": 1.75,
                "y": 2079.3399439433515
              },
              {
                "x": 2.0,
                "y": 2390.674221649544
              }
            ]
          }
        ],
        "references": [
          {
            "value": 0.0,
            "label": "Break-even"
          }
        ],
        "xReferences": [
          {
            "value": 1.0,
            "label": "Measured effect"
          },
          {
            "value": 0.08029954229322787,
            "label": "Break-even (8% of the effect)"
          }
        ]
      },
      "note": null
    },
    "summary": "ROI 1,145%: a first-year benefit of USD 1,142,140 (adjusted for confidence) against a fully loaded cost of USD 91,713, paid back in 1.0 months; from 1,031% to 1,260% across the effect's 95% interval."
  },
  "flightRisk": {
    "windowStart": "2026-08-31",
    "windowEnd": "2026-11-29",
    "days": 91,
    "floor": 5,
    "pilot": {
      "arm": "pilot",
      "figures": {
        "headcount": 120,
        "leavers": {
          "count": 0,
          "rate": 0.0,
          "annualisedRate": 0.0
        },
        "moves": {
          "count": 0,
          "rate": 0.0,
          "annualisedRate": 0.0
        }
      },
      "note": null
    },
    "comparison": {
      "arm": "comparison",
      "figures": {
        "headcount": 138,
        "leavers": {
          "count": 0,
          "rate": 0.0,
          "annualisedRate": 0.0
        },
        "moves": {
          "count": 0,
          "rate": 0.0,
          "annualisedRate": 0.0
        }
      },
      "note": null
    },
    "difference": {
      "leavers": {
        "rate": 0.0,
        "annualisedRate": 0.0
      },
      "moves": {
        "rate": 0.0,
        "annualisedRate": 0.0
      }
    },
    "summary": "From 31 Aug 2026 to 29 Nov 2026 (91 days), 0% of the pilot group left against 0% of the comparison group, and 0% moved team or manager against 0%."
  },
  "units": {
    "kpis": [
      "Days to first closed deal",
      "Discovery calls converted to qualified opportunities",
      "First-contact resolution"
    ],
    "rows": [
      {
        "label": "Aisha Zhang's team (Sales West 3)",
        "arm": "pilot",
        "people": 7,
        "coachingHours": 39.56666666666667,
        "events": 208,
        "changes": [
          -6.245054945054946,
          3.6186813186813254,
          4.680219780219787
        ]
      },
      {
        "label": "Declan Kovač's team (Sales Central 1)",
        "arm": "pilot",
        "people": 10,
        "coachingHours": 44.550000000000004,
        "events": 224,
        "changes": [
          -6.021538461538476,
          4.807692307692307,
          5.420769230769224
        ]
      },
      {
        "label": "Ethan Eriksen's team (Customer Success West 3)",
        "arm": "pilot",
        "people": 10,
        "coachingHours": 42.81666666666667,
        "events": 213,
        "changes": [
          -5.456923076923083,
          4.079230769230772,
          5.064615384615379
        ]
      },
      {
        "label": "Camila Zhang's team (Customer Support North 1)",
        "arm": "comparison",
        "people": 8,
        "coachingHours": 11.683333333333334,
        "events": 39,
        "changes": [
          -0.3836538461538481,
          -0.3903846153846189,
          0.6548076923077133
        ]
      },
      {
        "label": "Elena Fischer's team (Customer Success North 1)",
        "arm": "comparison",
        "people": 12,
        "coachingHours": 10.883333333333333,
        "events": 31,
        "changes": [
          -1.099358974358978,
          -0.1551282051282037,
          0.568589743589726
        ]
      }
    ],
    "hidden": 2,
    "note": "2 teams are not shown: fewer than 5 people, or held back so that the totals cannot reveal one that is."
  },
  "privacyNotes": [
    "2 teams are not shown: fewer than 5 people, or held back so that the totals cannot reveal one that is."
  ]
};

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** KPI 1: an interval and a randomisation test, strong evidence, criterion met. */
export function intervalPanel(): KpiPanel {
  return copy(INTERVAL_PANEL);
}

/** KPI 2: one pilot team against seven hand-picked comparison teams: the estimate with its
 * placebo test and what the data cannot show, never an interval. */
export function placeboPanel(): KpiPanel {
  const series = copy(INTERVAL_PANEL.series);
  series.id = "kpi-2-series";
  series.title = "Discovery calls converted: the pilot team pulled ahead after launch";
  return {
    kpiId: 2,
    name: "Discovery calls converted to qualified opportunities",
    unit: "%",
    direction: "higher",
    criterion:
      "Scale if discovery calls converted to qualified opportunities rises by at least 2 percentage points and its whole 95% interval is a rise",
    lift: {
      kpiId: 2,
      kpiName: "Discovery calls converted to qualified opportunities",
      unit: "%",
      direction: "higher",
      method: "difference_in_differences",
      evidence: "limited",
      weakerEvidence: false,
      effect: 3.9,
      intervalLow: null,
      intervalHigh: null,
      standardError: null,
      degreesOfFreedom: null,
      improvement: 3.9,
      improvementLow: null,
      improvementHigh: null,
      permutation: { pValue: 0.125, rank: 1, of: 8, exhaustive: true },
      randomisation: null,
      pilotUnits: 1,
      comparisonUnits: 7,
      pilotPeople: 9,
      comparisonPeople: 58,
      pilotChange: 4.2,
      comparisonChange: 0.3,
      pilotPreTrend: 0.21,
      comparisonPreTrend: 0.0225,
      decimals: 1,
      display: { improvement: "3.9 percentage points", interval: null, test: "placebo p = 0.125 (rank 1 of 8)" },
      limits:
        "With one pilot team, the data cannot separate coaching from anything else that happened to that team during the pilot, so no interval is given; the placebo test only says how unusual its change is among all 8 teams. With so few, even the most extreme change gives p = 1/8, which cannot reach the 5% level.",
      excluded: ["12 observations of people or teams outside the cohort"],
      criterion:
        "Scale if discovery calls converted to qualified opportunities rises by at least 2 percentage points and its whole 95% interval is a rise",
      criterionMet: false,
      summary:
        "Discovery calls converted to qualified opportunities: 3.9 percentage points better than the comparison group, placebo p = 0.125 (rank 1 of 8); limited evidence: one pilot team.",
    },
    notMeasured: null,
    mde: {
      kpiId: 2,
      effect: 5.6,
      display: "5.6 percentage points",
      reason: null,
      pilotUnits: 1,
      comparisonUnits: 7,
      criterionBelowMde: true,
      sentence:
        "The pilot can detect a change of 5.6 percentage points or more (80% power, 5% level, 1 pilot team and 7 comparison). The criterion asks for 2 percentage points, less than that: a real effect of that size would more likely than not be missed. Add teams or ask for a larger lift.",
    },
    series,
    eventStudy: null,
  };
}

/** KPI 3: nothing shown under the privacy floor, said plainly. */
export function notMeasuredPanel(): KpiPanel {
  const empty: Chart = {
    id: "kpi-3-series",
    title: "First-contact resolution: no figures to show yet",
    subtitle: "In %, month by month",
    xLabel: "Month",
    yLabel: "First-contact resolution (%)",
    body: { kind: "series", series: [], bands: [], markers: [] },
    note: null,
  };
  return {
    kpiId: 3,
    name: "First-contact resolution",
    unit: "%",
    direction: "higher",
    criterion: null,
    lift: null,
    notMeasured: "the comparison group has fewer than 5 people with data, so no figure is shown (the privacy floor)",
    mde: {
      kpiId: 3,
      effect: null,
      display: null,
      reason: "it needs baseline observations for at least two teams, in both halves of the baseline window",
      pilotUnits: 1,
      comparisonUnits: 1,
      criterionBelowMde: false,
      sentence:
        "Minimum detectable effect: not yet known; it needs baseline observations for at least two teams, in both halves of the baseline window.",
    },
    series: empty,
    eventStudy: null,
  };
}

/** A running pilot's dashboard with one KPI of each kind. */
export function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return { ...copy(BASE), kpis: [intervalPanel(), placeboPanel(), notMeasuredPanel()], ...overrides };
}

export function portfolioCard(overrides: Partial<PilotCard> = {}): PilotCard {
  return {
    pilotId: 1,
    name: "Sales and escalation coaching pilot",
    status: "running",
    startDate: "2026-08-31",
    endDate: "2026-11-29",
    day: 62,
    nextGate: "Day-90 outcome, 29 Nov 2026",
    nextGateOverdue: false,
    headlineKpi: "Days to first closed deal: 6.05 days better (95% interval 5.51 to 6.58 days)",
    budget: 4_000_000,
    spent: 1_250_000,
    packs: 2,
    hasDashboard: true,
    ...overrides,
  };
}

export function portfolio(): PortfolioOverview {
  return {
    asOf: "2026-11-01",
    pilots: [
      portfolioCard(),
      portfolioCard({
        pilotId: 2,
        name: "Renewals pilot",
        status: "day45_review",
        startDate: "2026-08-10",
        endDate: "2026-11-08",
        day: 83,
        nextGate: "Day-45 review, 24 Sep 2026",
        nextGateOverdue: true,
        headlineKpi: "Renewal rate: 1.2 percentage points better (placebo p = 0.125); limited evidence",
        budget: 2_000_000,
        spent: 0,
        packs: 0,
      }),
      portfolioCard({
        pilotId: 3,
        name: "Support onboarding pilot",
        status: "approved",
        startDate: "2026-11-22",
        endDate: "2027-02-20",
        day: -21,
        nextGate: "Launch, 22 Nov 2026",
        nextGateOverdue: false,
        headlineKpi: null,
        budget: 1_500_000,
        spent: 0,
        packs: 1,
        hasDashboard: false,
      }),
    ],
  };
}

/** What the rule registered before launch says at day 90. */
export function ruleVerdict(overrides: Partial<RuleVerdict> = {}): RuleVerdict {
  return {
    choice: "scale",
    rule: "Scale when every KPI with a success criterion meets it; Stop when no KPI improves across its whole 95% interval (a rise where higher is better, a fall where lower is better); otherwise Iterate.",
    reasons: [
      "Days to first closed deal: meets its success criterion; it fell by 6.05, and even the cautious end of its 95% interval is a fall of 5.51.",
      "First-contact resolution: meets its success criterion; it rose by 4.61, and even the cautious end of its 95% interval is a rise of 4.25.",
      "Scale: all 2 KPIs with a success criterion meet it.",
    ],
    ...overrides,
  };
}

export const hourlyCosts: HourlyCost[] = [
  { role: "Account Executive", cost: 6_000, people: 48 },
  { role: "Sales Manager", cost: 8_500, people: 11 },
  { role: "Support Specialist", cost: 4_050, people: 42 },
];
