use std::process::ExitCode;

/// Parsing and evaluation allocate many small values from every thread; mimalloc keeps that
/// cheap where the system allocator contends.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mi_option_e` (`mimalloc.h`, which keeps retired
/// options in place so the numbers hold); the Rust bindings do not name it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long mimalloc keeps freed memory before returning it to the system, in milliseconds.
/// Its default, a second, is most of a monorepo scan, whose reports allocate and free hundreds
/// of megabytes in that time, so memory freed by one report was still held while the next
/// allocated. A shorter delay spends more time returning and taking back memory; a longer one
/// lets the peak climb again. docs/performance.md has the measurements.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

fn main() -> ExitCode {
    // SAFETY: mimalloc's option setter is not thread-safe; no other thread exists yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    riveter::cli::main()
}
