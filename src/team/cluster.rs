//! A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a fresh directory
//! under the system's temporary directory, `pg_ctl` on a free port of 127.0.0.1, stopped and
//! removed on drop.
//!
//! `initdb` and `postgres` refuse to run as root; as root the cluster runs as the `postgres`
//! system user that the server package creates (through `runuser`).

use super::{Settings, TeamError};
use postgres::{Client, NoTls};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A running (or stopped) throwaway cluster.
#[derive(Debug)]
pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    run_as: Option<String>,
    running: bool,
}

/// Why no cluster could be started.
#[derive(Debug)]
pub enum Unavailable {
    /// The server binaries are not installed (the message says what was looked for).
    NotInstalled(String),
    /// They are installed but the cluster did not come up.
    Failed(String),
}

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unavailable::NotInstalled(m) | Unavailable::Failed(m) => f.write_str(m),
        }
    }
}

/// The directory holding `initdb` and `pg_ctl`: from `pg_config --bindir`, else the newest
/// `/usr/lib/postgresql/N/bin`.
pub fn find_bindir() -> Option<PathBuf> {
    let has = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output()
        && out.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if has(&dir) {
            return Some(dir);
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            has(&bin).then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> Result<u16, Unavailable> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| Unavailable::Failed(format!("no free port: {e}")))
}

impl Cluster {
    /// Creates and starts a cluster whose superuser is `postgres`, trusting local TCP logins.
    /// `fast` turns off fsync (for tests; benchmarks that quote figures keep it on). Commits
    /// still reach the operating system before they are acknowledged (`synchronous_commit`
    /// stays on), so a server killed with [`Cluster::stop`] keeps every commit a client saw:
    /// only a crash of the machine itself could lose them.
    pub fn start(fast: bool) -> Result<Cluster, Unavailable> {
        let Some(bin) = find_bindir() else {
            return Err(Unavailable::NotInstalled(
                "PostgreSQL server binaries (initdb, pg_ctl) not found; install the postgresql \
                 package"
                    .into(),
            ));
        };
        let run_as = is_root().then(|| "postgres".to_string());
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir =
            std::env::temp_dir().join(format!("dossier-pg-{}-{n}-{nanos:x}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| Unavailable::Failed(format!("{}: {e}", dir.display())))?;
        let mut cluster = Cluster {
            bin,
            dir,
            port: free_port()?,
            run_as,
            running: false,
        };
        if let Some(user) = &cluster.run_as {
            let owned = Command::new("chown")
                .arg(format!("{user}:"))
                .arg(&cluster.dir)
                .status();
            if !owned.is_ok_and(|s| s.success()) {
                return Err(Unavailable::Failed(format!(
                    "cannot give {} to the {user} user (does it exist?)",
                    cluster.dir.display()
                )));
            }
        }
        let data = cluster.data_dir();
        cluster.run(
            "initdb",
            &[
                "-D",
                &data.display().to_string(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
        )?;
        let conf = format!(
            "listen_addresses = '127.0.0.1'\nport = {}\nunix_socket_directories = '{}'\n\
             max_connections = 50\nshared_buffers = 128MB\n{}",
            cluster.port,
            cluster.dir.display(),
            if fast {
                "fsync = off\nfull_page_writes = off\n"
            } else {
                ""
            }
        );
        let conf_path = data.join("postgresql.auto.conf");
        let mut existing = std::fs::read_to_string(&conf_path).unwrap_or_default();
        existing.push_str(&conf);
        std::fs::write(&conf_path, existing)
            .map_err(|e| Unavailable::Failed(format!("{}: {e}", conf_path.display())))?;
        cluster.start_server()?;
        Ok(cluster)
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn run(&self, tool: &str, args: &[&str]) -> Result<(), Unavailable> {
        let program = self.bin.join(tool);
        let mut cmd = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        cmd.args(args).current_dir(&self.dir);
        let out = cmd
            .output()
            .map_err(|e| Unavailable::Failed(format!("{}: {e}", program.display())))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(Unavailable::Failed(format!(
                "{tool} failed: {}{}",
                String::from_utf8_lossy(&out.stderr),
                String::from_utf8_lossy(&out.stdout)
            )))
        }
    }

    /// Starts the server (again, after [`Cluster::stop`]) on the same port.
    pub fn start_server(&mut self) -> Result<(), Unavailable> {
        let data = self.data_dir().display().to_string();
        let log = self.dir.join("server.log").display().to_string();
        self.run(
            "pg_ctl",
            &["-D", &data, "-l", &log, "-w", "-t", "60", "start"],
        )?;
        self.running = true;
        Ok(())
    }

    /// Stops the server at once (`-m immediate`: like a crash or a pulled cable, no goodbye to
    /// clients); the data stays for [`Cluster::start_server`].
    pub fn stop(&mut self) -> Result<(), Unavailable> {
        let data = self.data_dir().display().to_string();
        self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"])?;
        self.running = false;
        Ok(())
    }

    /// The TCP port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A URL for `user` on database `db` (no TLS; the cluster has no certificate).
    pub fn url(&self, db: &str) -> String {
        format!("postgres://127.0.0.1:{}/{db}?sslmode=disable", self.port)
    }

    /// Settings for `user` on `db` with an optional password.
    pub fn settings(
        &self,
        db: &str,
        user: &str,
        password: Option<&str>,
    ) -> Result<Settings, TeamError> {
        let pw = password.map(str::to_string);
        Settings::new(&self.url(db), Some(user), &move |_, _, _, _| pw.clone())
    }

    /// A superuser connection to the `postgres` database.
    pub fn admin(&self) -> Result<Client, TeamError> {
        self.superuser("postgres")
    }

    /// A superuser connection to the database `db`.
    pub fn superuser(&self, db: &str) -> Result<Client, TeamError> {
        let url = format!(
            "host=127.0.0.1 port={} user=postgres dbname={db}",
            self.port
        );
        Client::connect(&url, NoTls).map_err(|source| TeamError::Connect {
            server: format!("127.0.0.1:{}", self.port),
            source,
        })
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.running {
            let data = self.data_dir().display().to_string();
            let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
