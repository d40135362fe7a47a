//! Keys and raw mode, shared by the pager and the option selector: one [`Key`] type, one
//! mapping from crossterm events, and one guard that puts the terminal in raw mode (and, for
//! the pager, on the alternate screen) and restores it on every way out: return, error, panic
//! (the guard's `Drop` runs while unwinding) and a termination signal (see [`Raw::enter`]).
//! The pager and the selector themselves are pure state machines over [`Key`].

use std::io::{self, Write};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};

/// A key press (or a resize), as the interactive parts of `course` see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// A letter typed with Ctrl held (`Ctrl('c')`).
    Ctrl(char),
    Up,
    Down,
    Left,
    Right,
    Tab,
    BackTab,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Backspace,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

/// Map a crossterm event to a [`Key`]; `None` for key releases, mouse and focus events and
/// keys nothing uses.
pub fn key_of(event: &Event) -> Option<Key> {
    let KeyEvent {
        code,
        modifiers,
        kind,
        ..
    } = match event {
        Event::Resize(w, h) => return Some(Key::Resize(*w, *h)),
        Event::Key(k) => k,
        _ => return None,
    };
    if *kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = modifiers.contains(KeyModifiers::CONTROL);
    Some(match *code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        _ => return None,
    })
}

/// Wait for the next key press or resize.
pub fn read_key() -> io::Result<Key> {
    loop {
        if let Some(key) = key_of(&event::read()?) {
            return Ok(key);
        }
    }
}

/// What a key did to a line being typed at the bottom of a screen (a `/` search).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// The text changed.
    Editing,
    /// Esc, or Backspace on an empty line: no more typing. (Ctrl-C is the caller's: it
    /// interrupts.)
    Cancelled,
    /// Enter, with the text typed.
    Done(String),
    /// A key that does nothing here.
    Ignored,
}

/// Apply `key` to the line `input` (the pager's and the home screen's search).
pub fn edit_line(input: &mut String, key: Key) -> Typed {
    match key {
        Key::Char(c) => input.push(c),
        Key::Backspace => {
            if input.pop().is_none() {
                return Typed::Cancelled;
            }
        }
        Key::Enter => return Typed::Done(std::mem::take(input)),
        Key::Esc => return Typed::Cancelled,
        _ => return Typed::Ignored,
    }
    Typed::Editing
}

/// What a live [`Raw`] guard has changed, and whether the run is ending. One lock over both,
/// taken by [`Raw::enter`] and by [`restore`], because the interrupt handler restores the
/// terminal on its own thread while the main thread may be entering raw mode (issue 9: Ctrl-C
/// right as the editor that `e` opened closed: the handler found nothing to undo, the main
/// thread entered raw mode again, and `course` exited leaving the terminal raw).
struct Mode {
    /// 0 nothing, 1 raw mode, 2 raw mode and the alternate screen.
    active: u8,
    /// The interrupt handler has restored the terminal and is ending the run: raw mode is
    /// never entered again.
    ending: bool,
}

static MODE: std::sync::Mutex<Mode> = std::sync::Mutex::new(Mode {
    active: 0,
    ending: false,
});

/// The lock over [`MODE`]; a panic while it was held (a failed write) does not stop a later
/// restore.
fn mode() -> std::sync::MutexGuard<'static, Mode> {
    MODE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Raw mode (and optionally the alternate screen with the cursor hidden) for as long as this
/// lives.
pub struct Raw(());

impl Raw {
    /// Enter raw mode; `alternate` also switches to the alternate screen. In raw mode the
    /// terminal sends Ctrl-C as a key, not a signal; out of it (an editor just closed) a
    /// Ctrl-C, SIGTERM or SIGHUP ends `course` through the one interrupt handler, which
    /// restores the terminal first (`end`). Once it has, this never returns: the run is
    /// ending, and raw mode entered now would outlive it.
    pub fn enter(alternate: bool) -> io::Result<Raw> {
        static CLEANUP: std::sync::Once = std::sync::Once::new();
        CLEANUP.call_once(|| crate::process::on_interrupt(end));
        let mut mode = mode();
        if mode.ending {
            drop(mode);
            loop {
                std::thread::park();
            }
        }
        terminal::enable_raw_mode()?;
        mode.active = 1;
        if alternate {
            // Undone here on an error, under the lock this holds (a guard dropped now would
            // wait for it).
            if let Err(e) = execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide) {
                undo(&mut mode);
                return Err(e);
            }
            mode.active = 2;
        }
        Ok(Raw(()))
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        restore();
    }
}

/// Undo what the live guard did (nothing when there is none). Safe to call twice.
pub fn restore() {
    undo(&mut mode());
}

/// The interrupt handler's cleanup: [`restore`], and no raw mode from now on (the handler
/// exits next).
fn end() {
    let mut mode = mode();
    mode.ending = true;
    undo(&mut mode);
}

fn undo(mode: &mut Mode) {
    match std::mem::take(&mut mode.active) {
        0 => return,
        2 => {
            let _ = execute!(io::stdout(), cursor::Show, terminal::LeaveAlternateScreen);
        }
        // The selector hides the cursor while it draws its menu.
        _ => {
            let _ = execute!(io::stdout(), cursor::Show);
        }
    }
    let _ = terminal::disable_raw_mode();
    let _ = io::stdout().flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_from_crossterm() {
        let k = |code, m| key_of(&Event::Key(KeyEvent::new(code, m)));
        assert_eq!(k(KeyCode::Up, KeyModifiers::NONE), Some(Key::Up));
        assert_eq!(k(KeyCode::BackTab, KeyModifiers::SHIFT), Some(Key::BackTab));
        assert_eq!(
            k(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Key::Ctrl('c'))
        );
        assert_eq!(
            k(
                KeyCode::Char('F'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            ),
            Some(Key::Ctrl('f'))
        );
        assert_eq!(
            k(KeyCode::Char('주'), KeyModifiers::NONE),
            Some(Key::Char('주'))
        );
        assert_eq!(k(KeyCode::F(5), KeyModifiers::NONE), None);
        let mut release = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(key_of(&Event::Key(release)), None);
        assert_eq!(key_of(&Event::Resize(80, 24)), Some(Key::Resize(80, 24)));
    }

    #[test]
    fn restore_without_a_guard_does_nothing() {
        restore();
        restore();
        assert_eq!(mode().active, 0);
    }
}
