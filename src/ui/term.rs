//! The terminal session: set-up, the event loop, and giving the terminal back in every case.
//!
//! The terminal is restored on quit, on error (the loop's result is returned only after
//! restoring), on panic (ratatui's hook restores, then ours says where to report), on SIGTERM,
//! SIGHUP and SIGINT (a flag checked between events), and around Ctrl-Z (we leave the
//! alternate screen, stop ourselves with SIGSTOP, and set everything up again on resume; a
//! SIGTSTP from outside, `kill -TSTP`, takes the same path).
//!
//! A terminal that hangs up (a closed SSH connection or terminal window) needs one more guard:
//! crossterm's reader then loops on reads that return nothing and never gives control back,
//! so the stop flag would never be seen and the process would spin. A watchdog thread ends the
//! process when the loop has not stopped within a second of a stop signal, or as soon as the
//! controlling terminal is gone.
//!
//! Keys are read by our own thread and decoder ([`super::input`]), not crossterm's reader, so
//! a half-read escape sequence cannot swallow the keys after it, a large paste is read at once,
//! and a closed terminal ends the interface ("the terminal closed") instead of spinning, with or
//! without a controlling terminal. Besides SIGTERM, SIGHUP and SIGINT, the other signals whose
//! default is to end the process (SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, …) restore the terminal too.

use std::io::stdout;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType};
use ratatui::DefaultTerminal;

use super::action::Action;
use super::app::App;
use super::input::{self, Decoder, Input};
use super::UiError;

/// Where a crash should be reported; printed after a panic, once the terminal is back.
pub const REPORT_HINT: &str = "parallax crashed: this is a bug, and your reports are untouched.\n\
Please report it on the parallax issue tracker (see the README, \"Reporting bugs\"), with the\n\
message above and the command you ran.";

/// How long to wait for an event before checking signals and the engine again.
const TICK: Duration = Duration::from_millis(150);

/// How often to look for the engine's result while it works, so the claims and marks of a
/// corpus that just missed the start-up grace appear a moment later, not a tick later.
const ENGINE_POLL: Duration = Duration::from_millis(20);

/// Engine polls per spinner step (about one [`TICK`]).
const SPIN_EVERY: usize = 7;

fn install_panic_message() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        eprintln!("\n{REPORT_HINT}");
    }));
}

/// Flags raised by signals: end the session cleanly, suspend it, or redraw at a new size.
struct Signals {
    stop: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    resize: Arc<AtomicBool>,
}

fn watch_signals() -> Signals {
    let signals = Signals {
        stop: Arc::new(AtomicBool::new(false)),
        suspend: Arc::new(AtomicBool::new(false)),
        resize: Arc::new(AtomicBool::new(false)),
    };
    #[cfg(unix)]
    {
        use signal_hook::consts::{
            SIGALRM, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
            SIGVTALRM, SIGWINCH, SIGXCPU, SIGXFSZ,
        };
        // Every catchable signal whose default would end the process and leave the terminal
        // raw. If registration fails we only lose the clean handling of that signal.
        for sig in [
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
            SIGXCPU, SIGXFSZ, SIGIO,
        ] {
            let _ = signal_hook::flag::register(sig, Arc::clone(&signals.stop));
        }
        let _ = signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.suspend));
        let _ = signal_hook::flag::register(SIGWINCH, Arc::clone(&signals.resize));
    }
    signals
}

pub(super) fn enter() -> Result<DefaultTerminal, UiError> {
    let terminal = ratatui::try_init()?;
    execute!(stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

pub(super) fn leave() {
    // Best effort: on SIGHUP the terminal may already be gone.
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Run the interface until the user quits. `engine` delivers the alignment if it was not ready
/// when the app was built (`app.aligning`).
///
/// # Errors
/// The terminal could not be set up or written to.
pub fn run(mut app: App, engine: Option<mpsc::Receiver<super::Engine>>) -> Result<(), UiError> {
    install_panic_message();
    // Before the terminal is taken, so "no terminal to read keys from" prints on a clean screen.
    let (tx, keys) = mpsc::channel();
    input::spawn_reader(tx)?;
    let signals = watch_signals();
    let mut terminal = enter()?;
    let done = Arc::new(AtomicBool::new(false));
    spawn_watchdog(Arc::clone(&signals.stop), Arc::clone(&done));
    let result = event_loop(&mut terminal, &mut app, engine.as_ref(), &signals, &keys);
    done.store(true, Ordering::Relaxed);
    leave();
    result
}

/// How long the event loop may take to notice a stop signal before the watchdog ends the process.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// See the module documentation: end the process if the event loop cannot.
fn spawn_watchdog(stop: Arc<AtomicBool>, done: Arc<AtomicBool>) {
    // Only watch the controlling terminal if there is one to begin with.
    let had_tty = controlling_tty_alive();
    std::thread::spawn(move || {
        let mut stopping_since: Option<Instant> = None;
        loop {
            std::thread::sleep(Duration::from_millis(250));
            if done.load(Ordering::Relaxed) {
                return;
            }
            let stuck = stop.load(Ordering::Relaxed)
                && stopping_since.get_or_insert_with(Instant::now).elapsed() > STOP_GRACE;
            if stuck || (had_tty && !controlling_tty_alive()) {
                // Best effort: if the terminal is still there, give it back first.
                leave();
                std::process::exit(0);
            }
        }
    });
}

/// Whether the controlling terminal can still be opened (it cannot once it has hung up).
fn controlling_tty_alive() -> bool {
    #[cfg(unix)]
    {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_ok()
    }
    #[cfg(not(unix))]
    {
        true
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    engine: Option<&mpsc::Receiver<super::Engine>>,
    signals: &Signals,
    keys: &mpsc::Receiver<Input>,
) -> Result<(), UiError> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    // Lets the end-to-end tests prove that a panic gives the terminal back; off otherwise.
    let test_panic = std::env::var_os("PARALLAX_TEST_PANIC_KEY").is_some();
    let mut decoder = Decoder::default();
    let mut events = Vec::new();
    let mut polls = 0usize;
    loop {
        super::effects::run_pending(terminal, app)?;
        terminal.draw(|f| f.render_widget(&*app, f.area()))?;
        if app.quit || signals.stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if signals.suspend.swap(false, Ordering::Relaxed) {
            app.suspend = true;
        }
        if app.suspend {
            app.suspend = false;
            suspend(terminal)?;
            signals.resize.store(true, Ordering::Relaxed);
            continue;
        }
        if signals.resize.swap(false, Ordering::Relaxed) {
            let size = terminal.size()?;
            events.push(Event::Resize(size.width, size.height));
        }
        if app.aligning {
            match engine.map(mpsc::Receiver::try_recv) {
                Some(Ok(super::Engine::Done(a))) => app.finish_alignment(a),
                Some(Ok(super::Engine::Progress(p))) => app.engine_progress(p),
                // The engine's thread died (a panic there is a bug): stop cleanly and say so.
                Some(Err(mpsc::TryRecvError::Disconnected)) | None => {
                    return Err(UiError::Engine);
                }
                Some(Err(mpsc::TryRecvError::Empty)) => {}
            }
        }
        if events.is_empty() {
            // A half-read sequence waits only briefly for its next byte (see `input`).
            let wait = if decoder.has_pending() {
                input::SEQUENCE_TIMEOUT
            } else if app.aligning {
                ENGINE_POLL
            } else {
                TICK
            };
            match keys.recv_timeout(wait) {
                Ok(Input::Bytes(b)) => decoder.feed(&b, &mut events),
                Ok(Input::Closed) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(UiError::TerminalClosed);
                }
                Err(mpsc::RecvTimeoutError::Timeout) if decoder.has_pending() => {
                    decoder.flush(&mut events);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    polls = polls.wrapping_add(1);
                    // The spinner turns at the tick's pace, however often the engine is polled.
                    if app.aligning && polls.is_multiple_of(SPIN_EVERY) {
                        app.update(Action::Tick);
                    }
                    continue;
                }
            }
            // Take everything already read before drawing again, so held keys, wheel bursts
            // and pastes never make the screen lag behind.
            while let Ok(more) = keys.try_recv() {
                match more {
                    Input::Bytes(b) => decoder.feed(&b, &mut events),
                    Input::Closed => return Err(UiError::TerminalClosed),
                }
            }
        }
        for ev in events.drain(..) {
            if test_panic && matches!(&ev, Event::Key(k) if k.code == KeyCode::Char('!')) {
                panic!("panic requested by PARALLAX_TEST_PANIC_KEY");
            }
            if let Some(a) = to_action(app, &ev) {
                app.update(a);
            }
            if app.quit || app.suspend {
                // Keys typed before a quit or a suspend are not for the next session.
                break;
            }
        }
        events.clear();
    }
}

/// Give the terminal back, stop until the shell resumes us, then take it again.
fn suspend(terminal: &mut DefaultTerminal) -> Result<(), UiError> {
    #[cfg(unix)]
    {
        leave();
        // Raw mode swallowed the terminal's own Ctrl-Z, and our SIGTSTP handler only sets a
        // flag, so stop with SIGSTOP; execution continues here after SIGCONT (`fg`).
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
        *terminal = enter()?;
        // A fresh terminal redraws every cell; clearing directly (not `Terminal::clear`, which
        // asks the terminal for the cursor and can wait on a silent one) removes the rest.
        execute!(stdout(), Clear(ClearType::All))?;
    }
    #[cfg(not(unix))]
    let _ = terminal;
    Ok(())
}

/// Translate a terminal event into an action, if it means one.
fn to_action(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if app.search.editing {
                let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
                return match k.code {
                    KeyCode::Char('c') if ctrl => Some(Action::Quit),
                    KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
                    KeyCode::Backspace => Some(Action::SearchBackspace),
                    KeyCode::Enter => Some(Action::SearchConfirm),
                    KeyCode::Esc => Some(Action::Back),
                    _ => None,
                };
            }
            app.keymap.action(k)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                x: m.column,
                y: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                x: m.column,
                y: m.row,
                down: false,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        _ => None,
    }
}
