//! A tmux server of our own for end-to-end tests on the real binary.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const BINARY: &str = env!("CARGO_BIN_EXE_storyscope");
pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/night_ferry.txt"
);
const TIMEOUT: Duration = Duration::from_secs(15);

/// A tmux server on its own socket, killed on drop.
pub struct Tmux {
    socket: String,
    /// Environment for the programs the server starts.
    env: Vec<(String, String)>,
}

impl Tmux {
    pub fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Starts `command` in a detached session of the given size, with a
    /// cache directory of the test's own (and the saved places in a folder
    /// inside it: a place saved by one test must not be restored by the next).
    pub fn start(name: &str, width: u16, height: u16, command: &str, cache: &Path) -> Tmux {
        let tmux = Tmux {
            socket: format!("storyscope-{name}-{}", std::process::id()),
            env: vec![
                ("XDG_CACHE_HOME".into(), cache.display().to_string()),
                (
                    "XDG_STATE_HOME".into(),
                    cache.join("state").display().to_string(),
                ),
                // And the reader's corrections.
                (
                    "XDG_DATA_HOME".into(),
                    cache.join("data").display().to_string(),
                ),
                // The user's own key file must not change what the test sends.
                (
                    "XDG_CONFIG_HOME".into(),
                    "/nonexistent-storyscope-test-config".into(),
                ),
            ],
        };
        let output = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(output.status.success(), "tmux new-session: {output:?}");
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let mut command = Command::new("tmux");
        command
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX");
        for (key, value) in &self.env {
            command.env(key, value);
        }
        command.output().expect("tmux runs")
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    /// Types text literally (no key-name lookup).
    pub fn type_text(&self, text: &str) {
        assert!(self
            .run(&["send-keys", "-t", "0", "-l", text])
            .status
            .success());
    }

    /// Pastes `text` the way a terminal does: in bracketed-paste markers
    /// when the program asked for them.
    pub fn paste(&self, text: &str) {
        assert!(self.run(&["set-buffer", "--", text]).status.success());
        assert!(self
            .run(&["paste-buffer", "-p", "-t", "0"])
            .status
            .success());
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    pub fn pane_flag(&self, format: &str) -> String {
        let output = self.run(&["display-message", "-p", "-t", "0", format]);
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// The process id of the pane's first program (the shell).
    pub fn pane_pid(&self) -> u32 {
        self.pane_flag("#{pane_pid}").parse().expect("a pane pid")
    }

    /// Polls the screen until `check` holds; fails with the last screen.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        self.wait_for_within(what, TIMEOUT, check)
    }

    /// [`Tmux::wait_for`] with its own time limit (a long analysis on a
    /// loaded machine).
    pub fn wait_for_within(
        &self,
        what: &str,
        limit: Duration,
        check: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The children of process `pid` (Linux).
pub fn children_of(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// A script running the app with `args`, then printing its exit status
/// and the terminal settings that matter (`icanon echo isig` when cooked,
/// `-icanon -echo -isig` when raw mode was left on); the sleep keeps the
/// pane open to look at them. Returns the command that runs it.
pub fn app_command(dir: &Path, args: &str) -> String {
    app_command_with(dir, "", args)
}

/// [`app_command`] run from `dir`, with `env` (shell assignments such as
/// `COLORFGBG='0;15'`) before the binary. Each call writes a script of its
/// own, so two sessions of one test never share one.
pub fn app_command_with(dir: &Path, env: &str, args: &str) -> String {
    static SCRIPTS: AtomicUsize = AtomicUsize::new(0);
    assert!(Path::new(BINARY).exists());
    let script = dir.join(format!(
        "run-{}.sh",
        SCRIPTS.fetch_add(1, Ordering::Relaxed)
    ));
    let body = format!(
        "cd '{}'\n\
         {env} '{BINARY}' {args}\n\
         echo EXITED:$?\n\
         echo \"STTY: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$' | tr '\\n' ' ')\"\n\
         sleep 600\n",
        dir.display()
    );
    std::fs::write(&script, body).expect("write the script");
    format!("sh '{}'", script.display())
}

/// The cooked-mode settings line `app_command` prints.
pub const COOKED: &str = "STTY: isig icanon echo";
