//! Whether the steering group has decided: the quorum rule applied to the members, their
//! functions, recusals and votes. Pure, so every case can be tested without a database.

use std::collections::BTreeSet;

use crate::model::{
    MemberFunction, QuorumRule, QuorumStatus, Tally, Threshold, VoteBasis, VoteChoice,
};

/// A member who may vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voter {
    pub person_id: String,
    pub function: MemberFunction,
}

/// A vote as cast, in the order cast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    pub person_id: String,
    pub choice: VoteChoice,
}

/// Everything the rule is applied to.
pub struct QuorumInput<'a> {
    pub members: &'a [Voter],
    pub recused: &'a [String],
    /// In the order cast; a member's latest vote counts.
    pub ballots: &'a [Ballot],
    pub rule: &'a QuorumRule,
    /// The choices of the item, in the order offered.
    pub options: &'a [VoteChoice],
    /// Decided when everyone eligible has voted and no option reached the threshold.
    pub without_majority: VoteChoice,
}

/// Votes one option needs out of `total`.
pub fn needed(threshold: Threshold, total: u32) -> u32 {
    match threshold {
        Threshold::Majority => total / 2 + 1,
        Threshold::TwoThirds => (2 * total).div_ceil(3),
        Threshold::Unanimous => total,
    }
    .max(1)
}

fn functions_text(functions: &[MemberFunction]) -> String {
    let labels: Vec<&str> = functions.iter().map(|f| f.label()).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn tally_text(tally: &[Tally]) -> String {
    let parts: Vec<String> = tally
        .iter()
        .filter(|t| t.count > 0)
        .map(|t| format!("{} {}", t.count, t.choice.label().to_lowercase()))
        .collect();
    if parts.is_empty() {
        "no votes yet".into()
    } else {
        parts.join(", ")
    }
}

pub fn evaluate(input: &QuorumInput) -> QuorumStatus {
    let recused: BTreeSet<&str> = input.recused.iter().map(String::as_str).collect();
    let eligible: Vec<&Voter> = input
        .members
        .iter()
        .filter(|m| !recused.contains(m.person_id.as_str()))
        .collect();
    let recused_members = input
        .members
        .iter()
        .filter(|m| recused.contains(m.person_id.as_str()))
        .count() as u32;

    // Each eligible member's latest vote.
    let counted: Vec<(&Voter, VoteChoice)> = eligible
        .iter()
        .filter_map(|member| {
            input
                .ballots
                .iter()
                .rev()
                .find(|b| b.person_id == member.person_id)
                .map(|b| (*member, b.choice))
        })
        .collect();
    let tally: Vec<Tally> = input
        .options
        .iter()
        .map(|option| Tally {
            choice: *option,
            count: counted.iter().filter(|(_, c)| c == option).count() as u32,
        })
        .collect();
    let yet_to_vote: Vec<String> = eligible
        .iter()
        .filter(|m| !counted.iter().any(|(v, _)| v.person_id == m.person_id))
        .map(|m| m.person_id.clone())
        .collect();

    let voted_functions: BTreeSet<MemberFunction> =
        counted.iter().map(|(m, _)| m.function).collect();
    let eligible_functions: BTreeSet<MemberFunction> =
        eligible.iter().map(|m| m.function).collect();
    let mut required: Vec<MemberFunction> = input.rule.required_functions.clone();
    required.sort();
    required.dedup();
    let missing_functions: Vec<MemberFunction> = required
        .iter()
        .copied()
        .filter(|f| !voted_functions.contains(f))
        .collect();
    let unrepresented_functions: Vec<MemberFunction> = missing_functions
        .iter()
        .copied()
        .filter(|f| !eligible_functions.contains(f))
        .collect();

    let eligible_count = eligible.len() as u32;
    let voted = counted.len() as u32;
    let total = match input.rule.basis {
        VoteBasis::EligibleMembers => eligible_count,
        VoteBasis::VotesCast => voted,
    };
    let needed = needed(input.rule.threshold, total);

    let mut status = QuorumStatus {
        outcome: None,
        without_majority: false,
        eligible: eligible_count,
        recused: recused_members,
        voted,
        needed,
        tally: tally.clone(),
        missing_functions: missing_functions.clone(),
        unrepresented_functions: unrepresented_functions.clone(),
        yet_to_vote: yet_to_vote.clone(),
        explanation: String::new(),
    };
    let counts = format!(
        "{voted} of {eligible_count} eligible member{} voted ({})",
        if eligible_count == 1 { "" } else { "s" },
        tally_text(&tally)
    );

    if eligible_count == 0 {
        status.explanation = if input.members.is_empty() {
            "The steering group has no members yet; add members before anything can be decided"
                .into()
        } else {
            "Every member is recused; no one is eligible to vote".into()
        };
        return status;
    }
    if !unrepresented_functions.is_empty() {
        status.explanation = format!(
            "No eligible member represents {}: add one to the steering group or change the \
             quorum rule. {counts}.",
            functions_text(&unrepresented_functions)
        );
        return status;
    }
    if !missing_functions.is_empty() {
        status.explanation = format!(
            "Waiting for a vote from {}. {counts}.",
            functions_text(&missing_functions)
        );
        return status;
    }
    if let Some(winner) = tally.iter().find(|t| t.count >= needed) {
        status.outcome = Some(winner.choice);
        status.explanation = format!(
            "Decided: {} by {} vote{} ({} needed). {counts}.",
            winner.choice.label().to_lowercase(),
            winner.count,
            if winner.count == 1 { "" } else { "s" },
            needed
        );
        return status;
    }
    if yet_to_vote.is_empty() {
        status.outcome = Some(input.without_majority);
        status.without_majority = true;
        status.explanation = format!(
            "Decided: no option reached {} votes once everyone had voted, so the outcome is \
             {}. {counts}.",
            needed,
            input.without_majority.label().to_lowercase()
        );
        return status;
    }
    let basis = match input.rule.basis {
        VoteBasis::EligibleMembers => format!("of {eligible_count} eligible members"),
        VoteBasis::VotesCast => format!("of the {voted} votes cast"),
    };
    status.explanation = format!(
        "Every required function has voted; one option needs {needed} votes {basis}. {counts}; \
         {} yet to vote.",
        yet_to_vote.len()
    );
    status
}

#[cfg(test)]
mod tests {
    use super::*;
    use MemberFunction::*;
    use VoteChoice::*;

    const APPROVAL: &[VoteChoice] = &[Approve, RequestChanges, Reject];

    fn group() -> Vec<Voter> {
        [
            ("helen", Hr),
            ("ana", Analytics),
            ("tomasz", Finance),
            ("marcus", Frontline),
            ("priya", Frontline),
            ("dana", Other),
        ]
        .iter()
        .map(|(id, f)| Voter {
            person_id: (*id).into(),
            function: *f,
        })
        .collect()
    }

    fn ballots(votes: &[(&str, VoteChoice)]) -> Vec<Ballot> {
        votes
            .iter()
            .map(|(id, c)| Ballot {
                person_id: (*id).into(),
                choice: *c,
            })
            .collect()
    }

    fn run(
        members: &[Voter],
        recused: &[&str],
        votes: &[(&str, VoteChoice)],
        rule: &QuorumRule,
    ) -> QuorumStatus {
        let recused: Vec<String> = recused.iter().map(|r| r.to_string()).collect();
        evaluate(&QuorumInput {
            members,
            recused: &recused,
            ballots: &ballots(votes),
            rule,
            options: APPROVAL,
            without_majority: RequestChanges,
        })
    }

    fn default_rule() -> QuorumRule {
        QuorumRule::default_rule()
    }

    #[test]
    fn thresholds_count_as_a_steering_group_expects() {
        assert_eq!(needed(Threshold::Majority, 6), 4);
        assert_eq!(needed(Threshold::Majority, 5), 3);
        assert_eq!(needed(Threshold::Majority, 1), 1);
        assert_eq!(needed(Threshold::TwoThirds, 6), 4);
        assert_eq!(needed(Threshold::TwoThirds, 5), 4);
        assert_eq!(needed(Threshold::TwoThirds, 3), 2);
        assert_eq!(needed(Threshold::Unanimous, 5), 5);
        assert_eq!(needed(Threshold::Majority, 0), 1, "never zero");
    }

    #[test]
    fn every_function_represented_and_a_majority_approving_is_approved() {
        let status = run(
            &group(),
            &[],
            &[
                ("helen", Approve),
                ("ana", Approve),
                ("tomasz", Approve),
                ("marcus", Approve),
            ],
            &default_rule(),
        );
        assert_eq!(status.outcome, Some(Approve));
        assert!(!status.without_majority);
        assert_eq!((status.eligible, status.voted, status.needed), (6, 4, 4));
        assert_eq!(status.yet_to_vote, vec!["priya", "dana"]);
        assert!(
            status.explanation.starts_with("Decided: approve"),
            "{}",
            status.explanation
        );
    }

    #[test]
    fn a_missing_function_leaves_it_pending_even_with_a_majority() {
        let status = run(
            &group(),
            &[],
            &[
                ("helen", Approve),
                ("ana", Approve),
                ("marcus", Approve),
                ("priya", Approve),
                ("dana", Approve),
            ],
            &default_rule(),
        );
        assert_eq!(status.outcome, None);
        assert_eq!(status.missing_functions, vec![Finance]);
        assert!(status.unrepresented_functions.is_empty());
        assert!(
            status
                .explanation
                .starts_with("Waiting for a vote from Finance"),
            "{}",
            status.explanation
        );
    }

    #[test]
    fn all_functions_but_no_majority_yet_is_pending() {
        let status = run(
            &group(),
            &[],
            &[
                ("helen", Approve),
                ("ana", Approve),
                ("tomasz", Approve),
                ("marcus", Reject),
            ],
            &default_rule(),
        );
        assert_eq!(status.outcome, None);
        assert!(status.missing_functions.is_empty());
        assert!(status
            .explanation
            .contains("needs 4 votes of 6 eligible members"));
        assert!(
            status.explanation.contains("3 approve, 1 reject"),
            "{}",
            status.explanation
        );
        assert!(status.explanation.contains("2 yet to vote"));
    }

    #[test]
    fn recused_members_do_not_count_towards_eligibility_votes_or_functions() {
        // Marcus sponsors the pilot and recuses: five are eligible, three approvals decide.
        let votes = [
            ("marcus", Approve),
            ("helen", Approve),
            ("ana", Approve),
            ("tomasz", Approve),
        ];
        let without_priya = run(&group(), &["marcus"], &votes, &default_rule());
        assert_eq!(without_priya.eligible, 5);
        assert_eq!(without_priya.recused, 1);
        assert_eq!(without_priya.outcome, None, "his vote does not count");
        assert_eq!(without_priya.missing_functions, vec![Frontline]);
        assert_eq!(without_priya.voted, 3);
        assert!(!without_priya.yet_to_vote.contains(&"marcus".to_string()));

        let mut with_priya = votes.to_vec();
        with_priya.push(("priya", RequestChanges));
        let decided = run(&group(), &["marcus"], &with_priya, &default_rule());
        assert_eq!(decided.needed, 3);
        assert_eq!(decided.outcome, Some(Approve));
    }

    #[test]
    fn a_function_whose_only_members_are_recused_cannot_be_represented() {
        let status = run(
            &group(),
            &["tomasz"],
            &[("helen", Approve), ("ana", Approve)],
            &default_rule(),
        );
        assert_eq!(status.unrepresented_functions, vec![Finance]);
        assert!(status
            .explanation
            .starts_with("No eligible member represents Finance"));
    }

    #[test]
    fn the_latest_vote_of_a_member_counts() {
        let status = run(
            &group(),
            &[],
            &[
                ("helen", Reject),
                ("ana", Approve),
                ("tomasz", Approve),
                ("marcus", Approve),
                ("helen", Approve),
            ],
            &default_rule(),
        );
        assert_eq!(status.outcome, Some(Approve));
        assert_eq!(status.tally[0].count, 4);
        assert_eq!(status.tally[2].count, 0, "the earlier reject is replaced");
    }

    #[test]
    fn a_majority_to_reject_rejects_and_to_request_changes_requests_changes() {
        let reject = run(
            &group(),
            &[],
            &[
                ("helen", Reject),
                ("ana", Reject),
                ("tomasz", Reject),
                ("marcus", Reject),
            ],
            &default_rule(),
        );
        assert_eq!(reject.outcome, Some(Reject));
        let changes = run(
            &group(),
            &[],
            &[
                ("helen", RequestChanges),
                ("ana", RequestChanges),
                ("tomasz", RequestChanges),
                ("marcus", RequestChanges),
            ],
            &default_rule(),
        );
        assert_eq!(changes.outcome, Some(RequestChanges));
    }

    #[test]
    fn a_split_vote_once_everyone_has_voted_takes_the_cautious_outcome() {
        let status = run(
            &group(),
            &[],
            &[
                ("helen", Approve),
                ("ana", Approve),
                ("tomasz", Approve),
                ("marcus", Reject),
                ("priya", Reject),
                ("dana", RequestChanges),
            ],
            &default_rule(),
        );
        assert_eq!(status.outcome, Some(RequestChanges));
        assert!(status.without_majority);
        assert!(status.yet_to_vote.is_empty());
    }

    #[test]
    fn votes_cast_basis_decides_once_the_required_functions_have_voted() {
        let rule = QuorumRule::new(
            vec![Hr, Finance, Frontline],
            Threshold::Majority,
            VoteBasis::VotesCast,
        );
        let two = run(
            &group(),
            &[],
            &[("helen", Approve), ("tomasz", Approve)],
            &rule,
        );
        assert_eq!(two.outcome, None);
        assert_eq!(two.missing_functions, vec![Frontline]);
        let three = run(
            &group(),
            &[],
            &[("helen", Approve), ("tomasz", Approve), ("priya", Reject)],
            &rule,
        );
        assert_eq!(three.needed, 2);
        assert_eq!(three.outcome, Some(Approve));
        let tie = run(
            &group(),
            &[],
            &[
                ("helen", Approve),
                ("tomasz", Reject),
                ("priya", Reject),
                ("dana", Approve),
            ],
            &rule,
        );
        assert_eq!(tie.outcome, None, "2-2 with two yet to vote waits");
    }

    #[test]
    fn two_thirds_and_unanimity() {
        let two_thirds = QuorumRule::new(vec![], Threshold::TwoThirds, VoteBasis::EligibleMembers);
        let members = &group()[..3];
        let status = run(
            members,
            &[],
            &[("helen", Approve), ("ana", Approve)],
            &two_thirds,
        );
        assert_eq!(status.outcome, Some(Approve));
        let unanimous = QuorumRule::new(vec![], Threshold::Unanimous, VoteBasis::EligibleMembers);
        let status = run(
            members,
            &[],
            &[("helen", Approve), ("ana", Approve)],
            &unanimous,
        );
        assert_eq!(status.outcome, None);
        let status = run(
            members,
            &[],
            &[("helen", Approve), ("ana", Approve), ("tomasz", Reject)],
            &unanimous,
        );
        assert_eq!(status.outcome, Some(RequestChanges));
        assert!(status.without_majority);
    }

    #[test]
    fn an_empty_or_fully_recused_group_cannot_decide() {
        let empty = run(&[], &[], &[], &default_rule());
        assert_eq!(empty.outcome, None);
        assert!(empty.explanation.contains("no members yet"));
        let members = &group()[..1];
        let recused = run(members, &["helen"], &[("helen", Approve)], &default_rule());
        assert_eq!(recused.outcome, None);
        assert!(recused.explanation.contains("recused"));
    }

    #[test]
    fn votes_from_people_outside_the_group_are_ignored() {
        let status = run(
            &group(),
            &[],
            &[
                ("stranger", Approve),
                ("helen", Approve),
                ("ana", Approve),
                ("tomasz", Approve),
            ],
            &default_rule(),
        );
        assert_eq!(status.voted, 3);
        assert_eq!(status.outcome, None);
    }

    #[test]
    fn the_rule_describes_itself() {
        assert_eq!(
            default_rule().description,
            "At least one vote from each of HR, Analytics, Finance and Front line; a \
             decision needs a majority of the eligible members. Recused members do not count."
        );
    }
}
