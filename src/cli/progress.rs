//! A progress line for scans that take more than a second, on a terminal only: never in CI
//! logs, never when standard error is piped, never with RIVETER_PROGRESS=never.

use crate::scan;
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Progress {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl scan::Progress for Progress {
    /// Starts the line's thread, which shows nothing before the first second.
    fn reading(&mut self, total: usize) -> Arc<AtomicUsize> {
        let files_read = Arc::new(AtomicUsize::new(0));
        if wanted() {
            let (done, counted) = (self.done.clone(), files_read.clone());
            self.thread = Some(std::thread::spawn(move || show(total, &done, &counted)));
        }
        files_read
    }

    fn read(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn wanted() -> bool {
    let never = std::env::var("RIVETER_PROGRESS").is_ok_and(|v| v == "never");
    // CI systems set CI=true; their logs are not terminals to redraw.
    let ci = std::env::var_os("CI").is_some();
    !never && !ci && std::io::stderr().is_terminal()
}

fn show(total: usize, done: &AtomicBool, files_read: &AtomicUsize) {
    let started = Instant::now();
    let mut shown = false;
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
        if started.elapsed() < Duration::from_secs(1) {
            continue;
        }
        let files = files_read.load(Ordering::Relaxed).min(total);
        eprint!(
            "\rriveter: {files}/{total} files read ({:.0}s)",
            started.elapsed().as_secs_f64()
        );
        let _ = std::io::stderr().flush();
        shown = true;
    }
    if shown {
        // Clear the line, so the report starts clean.
        eprint!("\r\x1b[2K");
    }
}
