use std::process::ExitCode;

fn main() -> ExitCode {
    riveter::cli::main()
}
