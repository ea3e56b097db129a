//! Coaching network figures (DESIGN.md, fifth practice and "Network"): `graph` turns
//! coaching contacts into ties and counts density, reach, cross-team transfer and each
//! coach's load; `impact` compares a coach's coachees with comparable people on a KPI;
//! `layout` places everyone on the map the window and the packs draw.

pub mod graph;
pub mod impact;
pub mod layout;
