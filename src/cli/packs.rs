//! `riveter packs list|show|coverage|docs`.

use super::PacksCommand;
use crate::rules::pack_docs;

pub fn run(command: PacksCommand) -> u8 {
    let result = match command {
        PacksCommand::List => pack_docs::list().map(|text| print!("{text}")),
        PacksCommand::Show { name } => pack_docs::show(&name).map(|text| print!("{text}")),
        PacksCommand::Coverage => pack_docs::coverage().map(|text| print!("{text}")),
        PacksCommand::Docs { output } => pack_docs::docs().and_then(|text| match output {
            Some(path) => {
                std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
            }
            None => {
                print!("{text}");
                Ok(())
            }
        }),
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("error: {}", crate::escape::terminal::block(&message));
            2
        }
    }
}
