//! What each CLI command does.

use std::sync::Arc;

use crate::cli::{AdminKeyAction, Command, SigningKeyAction};
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
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
        Command::SigningKey { action: SigningKeyAction::Rotate } => {
            let db = connect(&settings, settings.migrate_on_start)?;
            let master =
                load_or_create_master_key(settings.master_key.as_ref().map(|s| s.expose()), &settings.data_dir)
                    .map_err(StartError::Setup)?;
            let kid = signing_keys::rotate(&db, &SecretBox::new(&master), SystemClock.now())?;
            println!("{kid}");
            Ok(())
        }
        Command::Openapi => {
            let json = crate::http::openapi::document_json().map_err(|e| StartError::Setup(e.to_string()))?;
            print!("{json}");
            Ok(())
        }
    }
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
