//! Coaching networks, pure: a coach's progress toward each level of the standard and the
//! validity of certifications, ranking coaches for a coachee, and a pair's cadence read
//! from their sessions.

pub mod cadence;
pub mod matching;
pub mod progress;
