//! storyscope: explore a story's people, places and timeline in the terminal.
//!
//! Data flows one way: files -> [`corpus`] -> [`analysis`] -> [`tui`] state -> frames.

pub mod analysis;
pub mod cache;
pub mod corpus;
pub mod corrections;
pub mod export;
pub mod jsonl;
pub mod litbank_eval;
pub mod progress;
pub mod tui;
