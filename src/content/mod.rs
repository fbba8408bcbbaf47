//! Course files → the model. Pure functions: bytes in, [`model::Course`] and
//! diagnostics out. Nothing here touches the terminal.

pub mod diagnostics;
pub mod first;
pub mod lang;
pub mod lesson;
pub mod load;
pub mod markdown;
pub mod model;
mod pool;
pub mod quizfile;
pub(crate) mod report;
pub mod sanitize;
pub mod source;
