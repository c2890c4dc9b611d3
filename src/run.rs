//! What each CLI command does.

use std::io::Write;
use std::sync::Arc;

use crate::cli::{AdminKeyAction, Command, SigningKeyAction};
use crate::clock::{Clock, SystemClock};
use crate::config::{read_vars, Settings, DEFAULT_BIND};
use crate::crypto::{load_or_create_master_key, SecretBox};
use crate::service::{api_keys, signing_keys};
use crate::startup::{connect, Application, StartError};

pub async fn run(command: Command, settings: Settings) -> Result<(), StartError> {
    match command {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            connect(&settings, true)?;
            println!("migrations are up to date");
            Ok(())
        }
        Command::AdminKey { action: AdminKeyAction::Create { name } } => {
            let db = connect(&settings, settings.migrate_on_start)?;
            let key = api_keys::create_admin_key(&mut *db.get()?, &name, SystemClock.now())?;
            println!("{}", key.reveal());
            Ok(())
        }
        Command::AdminKey { action: AdminKeyAction::List } => {
            let db = connect(&settings, settings.migrate_on_start)?;
            for key in api_keys::list_admin_keys(&mut *db.get()?)? {
                let revoked = key.revoked_at.map(|at| format!("revoked {at}")).unwrap_or_else(|| "live".into());
                println!("{}  {}  {}  created {}  {}", key.id, key.prefix, key.name, key.created_at, revoked);
            }
            Ok(())
        }
        Command::AdminKey { action: AdminKeyAction::Revoke { id } } => {
            let db = connect(&settings, settings.migrate_on_start)?;
            let id = crate::domain::ApiKeyId::parse(&id).map_err(|_| {
                StartError::Setup(format!("{id:?} is not an admin key id (see `latchkey admin-key list`)"))
            })?;
            api_keys::revoke_admin_key(&db, &id, SystemClock.now())?;
            println!("revoked {id}");
            Ok(())
        }
        Command::SigningKey { action: SigningKeyAction::Rotate } => {
            let db = connect(&settings, settings.migrate_on_start)?;
            let master =
                load_or_create_master_key(settings.master_key.as_ref().map(|s| s.expose()), &settings.data_dir)
                    .map_err(StartError::Setup)?;
            let kid = signing_keys::rotate(&db, &SecretBox::new(&master), SystemClock.now())?;
            println!("{kid}");
            Ok(())
        }
        Command::Openapi => openapi(),
        Command::Healthcheck => healthcheck(),
        Command::Reference { page } => reference(page),
    }
}

/// Prints a generated page of the book.
pub fn reference(page: crate::cli::ReferencePage) -> Result<(), StartError> {
    let text = match page {
        crate::cli::ReferencePage::Configuration => crate::reference::configuration(),
        crate::cli::ReferencePage::ErrorCodes => crate::reference::error_codes(),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(StartError::Setup(format!("cannot write the page: {e}")))
        }
        _ => Ok(()),
    }
}

/// Prints the OpenAPI document. A reader that stops early (`| head`) is not an error.
pub fn openapi() -> Result<(), StartError> {
    let json = crate::http::openapi::document_json().map_err(|e| StartError::Setup(e.to_string()))?;
    let mut out = std::io::stdout().lock();
    match out.write_all(json.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(StartError::Setup(format!("cannot write the OpenAPI document: {e}")))
        }
        _ => Ok(()),
    }
}

/// Asks the server at `LATCHKEY_BIND` (environment or `LATCHKEY_CONFIG_FILE`) for `/healthz`.
pub fn healthcheck() -> Result<(), StartError> {
    let vars = read_vars().map_err(|e| StartError::Setup(e.to_string()))?;
    let bind = vars.get("LATCHKEY_BIND").map(|b| b.trim()).filter(|b| !b.is_empty()).unwrap_or(DEFAULT_BIND);
    let answer =
        crate::healthcheck::check(bind).map_err(|reason| StartError::Setup(format!("healthcheck: {reason}")))?;
    // Docker keeps this line in the container's health log; a closed stdout changes nothing.
    let _ = writeln!(std::io::stdout(), "{answer}");
    Ok(())
}

async fn serve(settings: Settings) -> Result<(), StartError> {
    let bind = settings.bind.clone();
    let backend = settings.database.backend;
    let app = tokio::task::spawn_blocking(move || Application::build_with_clock(settings, Arc::new(SystemClock)))
        .await
        .map_err(|e| StartError::Setup(e.to_string()))??;
    if let Some(key) = &app.minted_admin_key {
        // Printed once, to the terminal only: it is stored as a hash and never logged.
        println!("\n  First start: your platform admin API key (shown once, store it now):\n\n    {}\n", key.reveal());
    }
    tracing::info!(%bind, port = app.port(), ?backend, "Latchkey is serving");
    app.run_until_stopped().await.map_err(|e| StartError::Setup(e.to_string()))
}
