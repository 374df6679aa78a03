use std::process::ExitCode;

/// Parsing and evaluation allocate many small values from every thread; mimalloc keeps that
/// cheap where the system allocator contends.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    riveter::cli::main()
}
