//! Coaching-network tables: the versioned certification standard, the coaches, the
//! evidence (observed sessions, coachees' feedback), certifications, and what the coaching
//! events say about a coach (hours, load, sessions with each coachee).

pub mod certifications;
pub mod evidence;
pub mod facts;
pub mod roster;
pub mod standards;
