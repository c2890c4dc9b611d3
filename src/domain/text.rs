//! Free text that people see (names, labels): one line, no control characters, and none of the
//! invisible formatting characters that let a name pretend to be another (bidi overrides such as
//! U+202E, zero-width joiners, byte-order marks, tag characters).

use super::{ErrorCode, Invalid};

/// Invisible formatting characters refused besides the control characters (`char::is_control`:
/// U+0000–U+001F and U+007F–U+009F). One list, read by [`is_unsafe_char`] and by the OpenAPI
/// patterns (`domain::schema`), so the document refuses exactly what the server refuses.
pub const INVISIBLE_RANGES: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{2028}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{E0000}', '\u{E007F}'),
];

/// Characters refused in any text shown to people or written to logs.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || INVISIBLE_RANGES.iter().any(|&(from, to)| (from..=to).contains(&c))
}

pub fn has_unsafe_chars(s: &str) -> bool {
    s.chars().any(is_unsafe_char)
}

/// A trimmed, non-empty line of at most `max_chars` safe characters.
pub fn line(input: &str, max_chars: usize, code: ErrorCode, field: &str) -> Result<String, Invalid> {
    let text = input.trim();
    if text.is_empty() || text.chars().count() > max_chars {
        return Err(Invalid::new(code, format!("{field} must have 1-{max_chars} characters")));
    }
    if has_unsafe_chars(text) {
        return Err(Invalid::new(code, format!("{field} must not contain control or invisible formatting characters")));
    }
    Ok(text.to_owned())
}

/// A value safe to put in a log line: printable characters kept, the rest escaped, and cut at
/// `max_chars`, so a client cannot forge log lines or send terminal escapes through it.
pub fn for_log(input: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for (i, c) in input.chars().enumerate() {
        if i == max_chars {
            out.push('…');
            break;
        }
        if is_unsafe_char(c) || c == '"' || c == '\\' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_refuse_controls_and_bidi_overrides() {
        assert_eq!(line("  Acme Clinic ", 200, ErrorCode::InvalidName, "name").ok(), Some("Acme Clinic".into()));
        assert_eq!(
            line("Zoë Ääkkönen 山田", 200, ErrorCode::InvalidName, "name").ok(),
            Some("Zoë Ääkkönen 山田".into())
        );
        for bad in ["", "   ", "a\0b", "evil\u{202E}gpj.exe", "a\u{200B}b", "line\nbreak", "\u{1b}[31mred", "x\u{FEFF}"]
        {
            assert!(line(bad, 200, ErrorCode::InvalidName, "name").is_err(), "{bad:?}");
        }
        assert!(line(&"a".repeat(201), 200, ErrorCode::InvalidName, "name").is_err());
    }

    #[test]
    fn log_values_cannot_forge_lines() {
        let forged = "acme\n2026-01-01 INFO admin logged in\u{1b}[2J";
        let logged = for_log(forged, 64);
        assert!(!logged.contains('\n') && !logged.contains('\u{1b}'));
        assert!(logged.starts_with("acme\\n"));
        assert_eq!(for_log(&"x".repeat(100), 10).chars().count(), 11);
    }
}
