//! Agendas as made and as decided, what the generator reads about a coaching pair, and the
//! workspace's agenda settings.

pub mod agendas;
pub mod facts;
pub mod settings;
