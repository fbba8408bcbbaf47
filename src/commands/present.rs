//! `present`: projector mode, and `present --notes`, the speaker-notes
//! follower. Loads the course first (errors print before the terminal is
//! touched), then hands over to `present::app`.

use crate::cli::*;
use crate::present::{app, slides, socket};
use crate::theme::{Theme, ThemeName};
use anyhow::Context;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: &PresentArgs) -> anyhow::Result<ExitCode> {
    let course = match crate::present::load::course(&ctx.source) {
        Ok(course) => course,
        Err(e) => {
            eprintln!("{}", e.text);
            eprintln!(
                "serverless-tutor: error: the course has {} error(s); `serverless-tutor validate` lists every problem",
                e.count
            );
            return Ok(ExitCode::from(1));
        }
    };
    let theme = Theme::from_env(ctx.theme.unwrap_or(ThemeName::HighContrast));
    let dir = socket::runtime_dir();
    if args.notes {
        let path = socket::socket_path(&dir?, &course.id);
        return match app::follow(&path, theme)? {
            app::FollowEnd::PresenterLeft => {
                println!("The presenter ended the presentation.");
                Ok(ExitCode::SUCCESS)
            }
            app::FollowEnd::Closed => Ok(ExitCode::SUCCESS),
        };
    }
    let deck = slides::deck_for(&course);
    let start = match &args.lesson {
        Some(id) => slides::lesson_start(&deck, id).with_context(|| {
            format!(
                "no lesson with id `{}` in this course",
                crate::content::sanitize::inline(id)
            )
        })?,
        None => 0,
    };
    let server = match dir.and_then(|d| socket::Server::bind(&socket::socket_path(&d, &course.id)))
    {
        Ok(server) => Some(server),
        Err(e @ socket::SocketError::Busy(_)) => return Err(e.into()),
        Err(e) => {
            eprintln!("serverless-tutor: warning: speaker notes are off: {e}");
            None
        }
    };
    app::present(&course.id, &deck, start, theme, server)?;
    Ok(ExitCode::SUCCESS)
}
