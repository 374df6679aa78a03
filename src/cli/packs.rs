//! `riveter packs list|show|docs`.

use super::PacksCommand;
use crate::rules::catalog;

pub fn run(command: PacksCommand) -> u8 {
    let result = match command {
        PacksCommand::List => catalog::list().map(|text| print!("{text}")),
        PacksCommand::Show { name } => catalog::show(&name).map(|text| print!("{text}")),
        PacksCommand::Docs { output } => catalog::docs().and_then(|text| match output {
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
            eprintln!("error: {message}");
            2
        }
    }
}
