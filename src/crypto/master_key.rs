//! The master key: `LATCHKEY_MASTER_KEY` (32 bytes, base64), or in development a key
//! generated once into the data directory with owner-only permissions.

use std::io::Write;
use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rand::RngCore;

pub const MASTER_KEY_FILE: &str = "master.key";

pub fn decode_master_key(encoded: &str) -> Result<[u8; 32], String> {
    let bytes = STANDARD.decode(encoded.trim()).map_err(|e| format!("LATCHKEY_MASTER_KEY is not valid base64: {e}"))?;
    bytes.try_into().map_err(|b: Vec<u8>| format!("LATCHKEY_MASTER_KEY must decode to 32 bytes, got {}", b.len()))
}

pub fn load_or_create_master_key(configured: Option<&str>, data_dir: &Path) -> Result<[u8; 32], String> {
    if let Some(encoded) = configured {
        return decode_master_key(encoded);
    }
    let path = data_dir.join(MASTER_KEY_FILE);
    if path.exists() {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        return decode_master_key(&text).map_err(|e| format!("{}: {e}", path.display()));
    }
    std::fs::create_dir_all(data_dir).map_err(|e| format!("cannot create {}: {e}", data_dir.display()))?;
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    write_owner_only(&path, STANDARD.encode(key).as_bytes())?;
    tracing::warn!(
        path = %path.display(),
        "LATCHKEY_MASTER_KEY is not set: generated a development master key. \
         Set LATCHKEY_MASTER_KEY in production; losing this file makes every stored secret unreadable."
    );
    Ok(key)
}

fn write_owner_only(path: &Path, contents: &[u8]) -> Result<(), String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    file.write_all(contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_key_is_reused_and_private() {
        let dir = tempfile::tempdir().map_err(|e| e.to_string());
        let dir = dir.as_ref().map(|d| d.path()).unwrap_or(Path::new("/nonexistent"));
        let first = load_or_create_master_key(None, dir);
        let second = load_or_create_master_key(None, dir);
        assert!(first.is_ok());
        assert_eq!(first, second);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join(MASTER_KEY_FILE)).map(|m| m.permissions().mode() & 0o777);
            assert_eq!(mode.ok(), Some(0o600));
        }
    }

    #[test]
    fn configured_key_must_be_32_bytes() {
        assert!(decode_master_key(&STANDARD.encode([1u8; 31])).is_err());
        assert!(decode_master_key("not base64!").is_err());
        assert_eq!(decode_master_key(&STANDARD.encode([1u8; 32])), Ok([1u8; 32]));
    }
}
