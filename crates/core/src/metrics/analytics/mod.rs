//! Pure figures behind the analytics: plain data in, plain data out.

pub mod flight_risk;
