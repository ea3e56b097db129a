//! The proposal's skills page: which modules the pilot will buy, why (the playbook tasks and
//! competencies each serves, to which level), what they cost, and where learning is not yet
//! linked. Pure: it prints a plan the workflow loaded.

use crate::model::Money;

use super::super::document::{Block, Column, Table};

/// One module the pilot's playbook relies on.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedModule {
    pub title: String,
    pub vendor: String,
    /// e.g. "USD 18.00 per seat per month".
    pub price: String,
    /// e.g. "CE.2 Structured troubleshooting to 3 Proficient".
    pub builds: Vec<String>,
    /// The behaviours of the tasks that link it.
    pub tasks: Vec<String>,
    /// What has been bought for the pilot, e.g. "17 seats × 3 months", or None.
    pub bought: Option<String>,
    pub spent: Money,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SkillsPlan {
    pub modules: Vec<PlannedModule>,
    /// Tasks whose module is not named, or not in the catalog: (behaviour, module text).
    pub unlinked: Vec<(String, String)>,
    pub bought_total: Money,
    /// Fragmented-path warnings, in words.
    pub warnings: Vec<String>,
}

pub fn page(plan: &SkillsPlan, currency: &str) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("Skills: what will be bought and why".into())];
    if plan.modules.is_empty() && plan.unlinked.is_empty() {
        blocks.push(Block::Paragraph(
            "No playbook task links a skill module yet: the pilot relies on coaching alone.".into(),
        ));
        return blocks;
    }
    let bought = plan.modules.iter().filter(|m| m.bought.is_some()).count();
    blocks.push(Block::Paragraph(format!(
        "The playbook's tasks rely on {} skill module{} from the catalog, each mapped to the \
         competency the task builds and the level it aims for. {}",
        plan.modules.len(),
        if plan.modules.len() == 1 { "" } else { "s" },
        if bought == 0 {
            "Nothing has been bought for the pilot yet; purchases are made once it is approved."
                .to_string()
        } else {
            format!(
                "{bought} {} been bought for the pilot, {} in all, counted as vendor fees in the \
                 budget above.",
                if bought == 1 { "has" } else { "have" },
                plan.bought_total.format_with(currency)
            )
        }
    )));
    let rows = plan
        .modules
        .iter()
        .map(|m| {
            vec![
                format!("{} ({})", m.title, m.vendor),
                m.builds.join("; "),
                m.tasks.join("; "),
                m.price.clone(),
                m.bought.as_ref().map_or("not yet".into(), |b| {
                    format!("{b}: {}", m.spent.format_with(currency))
                }),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left("Module", 2.0),
            Column::left("Builds", 2.0),
            Column::left("For the task", 2.3),
            Column::left("Price", 1.3),
            Column::left("Bought", 1.5),
        ],
        rows,
        note: Some(
            "Levels are the framework's proficiency levels; a module counts as working when \
             the people assigned it are rated at its level by their manager or an assessor."
                .into(),
        ),
    }));
    if !plan.unlinked.is_empty() {
        blocks.push(Block::Subheading("Learning not yet linked".into()));
        blocks.push(Block::Bullets(
            plan.unlinked
                .iter()
                .map(|(task, module)| {
                    if module.trim().is_empty() {
                        format!("\"{task}\": no module named")
                    } else {
                        format!("\"{task}\": \"{module}\" is not in the module catalog")
                    }
                })
                .collect(),
        ));
    }
    if !plan.warnings.is_empty() {
        blocks.push(Block::Subheading("Fragmented paths".into()));
        blocks.push(Block::Bullets(plan.warnings.clone()));
    }
    blocks
}
