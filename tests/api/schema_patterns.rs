//! The published schemas against the server: every value the server accepts for a patterned
//! field passes the field's schema in the served document (checked with a JSON Schema
//! validator, not by hand), and so do the server's own answers, so a validating client can read
//! the settings and write them back. Where a pattern can say exactly what the parser reads
//! (networks, slugs, user names) the two agree on every string, mutations of valid ones included.

use std::net::{Ipv4Addr, Ipv6Addr};

use latchkey::domain::network::parse_cidrs;
use latchkey::domain::tenant_policy::parse_origin;
use latchkey::domain::{PhoneNumber, Slug, Username};
use rand::{Rng, RngCore};
use serde_json::{json, Value};

use crate::helpers::*;

async fn served_document(app: &TestApp) -> Value {
    app.client.get(app.url("/openapi.json")).send().await.unwrap().json().await.unwrap()
}

/// The schema of `component.field` (of its items, for an array).
fn field_schema(doc: &Value, component: &str, field: &str) -> jsonschema::Validator {
    let mut schema = doc["components"]["schemas"][component]["properties"][field].clone();
    if schema["items"].is_object() {
        schema = schema["items"].clone();
    }
    if let Some(types) = schema["type"].as_array() {
        // `["string", "null"]`: the values checked here are the strings.
        assert!(types.contains(&json!("string")), "{component}.{field}: {schema}");
        schema["type"] = json!("string");
    }
    assert!(schema["pattern"].is_string(), "{component}.{field} has no pattern: {schema}");
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{component}.{field}: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, value: &str) {
    assert!(validator.is_valid(&json!(value)), "{what}: the server accepts {value:?}, the published schema refuses it");
}

/// Single-character edits of `seed`: deletions, insertions and replacements from `alphabet`.
fn mutations(seed: &str, alphabet: &[char], rng: &mut impl Rng, count: usize) -> Vec<String> {
    let chars: Vec<char> = seed.chars().collect();
    (0..count)
        .map(|_| {
            let mut c = chars.clone();
            for _ in 0..rng.random_range(1..=2) {
                let at = rng.random_range(0..=c.len());
                let ch = alphabet[rng.random_range(0..alphabet.len())];
                match rng.random_range(0..3) {
                    0 if at < c.len() => {
                        c.remove(at);
                    }
                    1 if at < c.len() => c[at] = ch,
                    _ => c.insert(at, ch),
                }
            }
            c.into_iter().collect()
        })
        .collect()
}

fn random_v6(rng: &mut impl RngCore) -> Ipv6Addr {
    let mut groups = [0u16; 8];
    for g in &mut groups {
        // Runs of zeros, so that `::` appears in many places.
        *g = if rng.random_bool(0.4) { 0 } else { rng.random() };
    }
    Ipv6Addr::from(groups)
}

/// An IPv6 address in the text forms people write: compressed, full, upper case, and with the
/// last 32 bits as IPv4.
fn v6_forms(ip: Ipv6Addr) -> Vec<String> {
    let g = ip.segments();
    let full = g.iter().map(|x| format!("{x:x}")).collect::<Vec<_>>().join(":");
    let padded = g.iter().map(|x| format!("{x:04X}")).collect::<Vec<_>>().join(":");
    let v4 = Ipv4Addr::from((u32::from(g[6]) << 16) | u32::from(g[7]));
    let head = g[..6].iter().map(|x| format!("{x:x}")).collect::<Vec<_>>().join(":");
    let compressed = ip.to_string();
    let mut forms = vec![compressed.clone(), compressed.to_uppercase(), full, padded, format!("{head}:{v4}")];
    // The compressed form with its tail as IPv4, where the tail is two groups of its own.
    if let Some(tail_at) = compressed.rfind(':') {
        let before = &compressed[..tail_at];
        if before.matches(':').count() >= 1 && !before.ends_with(':') {
            if let Some(prev) = before.rfind(':') {
                forms.push(format!("{}:{v4}", &compressed[..prev]));
            }
        }
    }
    forms.retain(|f| f.parse::<Ipv6Addr>().is_ok());
    forms
}

fn cidr_corpus(rng: &mut impl RngCore) -> Vec<String> {
    let mut corpus: Vec<String> = [
        "2001:db8:77::25/128",
        "::1/128",
        "::/0",
        "fe80::1/64",
        "2001:DB8::/32",
        "2001:db8:0:0:0:0:0:25/128",
        "::ffff:192.0.2.1",
        "64:ff9b::198.51.100.7/120",
        "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8",
        "1:2:3:4:5:6:1.2.3.4/128",
        "0:0:0:0:0:0:0:0",
        "10.0.0.0/8",
        "203.0.113.7/24",
        "127.0.0.1",
        "0.0.0.0/0",
        "255.255.255.255/32",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for _ in 0..300 {
        let ip = random_v6(rng);
        for form in v6_forms(ip) {
            corpus.push(match rng.random_range(0..3) {
                0 => form,
                _ => format!("{form}/{}", rng.random_range(0..=128)),
            });
        }
        let v4 = Ipv4Addr::from(rng.next_u32());
        corpus.push(format!("{v4}/{}", rng.random_range(0..=32)));
    }
    corpus
}

#[tokio::test]
async fn networks_the_server_accepts_are_exactly_those_the_schema_accepts() -> TestResult {
    let app = spawn_app().await;
    let doc = served_document(&app).await;
    let schema = field_schema(&doc, "UpdateTenant", "trusted_networks");
    let mut rng = rand::rng();
    let corpus = cidr_corpus(&mut rng);
    for value in &corpus {
        assert!(parse_cidrs([value.as_str()]).is_ok(), "the corpus holds valid networks: {value}");
        assert_valid(&schema, "trusted_networks", value);
        // The stored form too (the network address, canonical text).
        for stored in parse_cidrs([value.as_str()])? {
            assert_valid(&schema, "trusted_networks (stored)", &stored.to_string());
        }
    }
    // Near misses: the parser and the schema agree on each.
    let alphabet: Vec<char> = "0123456789abcdefABCDEFg:./ %".chars().collect();
    let mut disagreements = Vec::new();
    for seed in corpus.iter().take(400) {
        for candidate in mutations(seed, &alphabet, &mut rng, 20) {
            let server = parse_cidrs([candidate.as_str()]).is_ok();
            if server != schema.is_valid(&json!(candidate)) {
                disagreements.push((candidate, server));
            }
        }
    }
    assert!(disagreements.is_empty(), "(value, server accepts) where the schema says otherwise: {disagreements:?}");
    for refused in ["", " ", "10/8", "10.0.0.0/+8", "10.0.0.0/08", "fe80::1%eth0", "::1/129", "1::2::3"] {
        assert!(!schema.is_valid(&json!(refused)), "{refused:?}");
        assert!(parse_cidrs([refused]).is_err(), "{refused:?}");
    }
    Ok(())
}

/// Through the API: the values go in, the stored forms come out, and the answer goes back in.
#[tokio::test]
async fn the_servers_own_network_answers_pass_the_schema_and_go_back_in() -> TestResult {
    let app = spawn_app().await;
    let doc = served_document(&app).await;
    let schema = field_schema(&doc, "UpdateTenant", "trusted_networks");
    app.tenant("acme").await;
    let mut rng = rand::rng();
    let mut sample: Vec<String> = cidr_corpus(&mut rng).into_iter().take(17).collect();
    sample.extend(cidr_corpus(&mut rng).into_iter().skip(17).step_by(25).take(40));
    let tenant = app.patch_tenant("acme", json!({"trusted_networks": sample})).await;
    let stored = tenant["settings"]["trusted_networks"].as_array().ok_or("no trusted_networks")?.clone();
    assert!(!stored.is_empty());
    for value in &stored {
        assert_valid(&schema, "trusted_networks (answer)", value.as_str().ok_or("not a string")?);
    }
    assert!(stored.contains(&json!("2001:db8::25/128")), "{stored:?}");
    let again = app.patch_tenant("acme", json!({"trusted_networks": stored})).await;
    assert_eq!(again["settings"]["trusted_networks"], tenant["settings"]["trusted_networks"], "written back as read");

    let (status, err) = status_body(
        app.admin_send(reqwest::Method::PATCH, "/admin/tenants/acme", json!({"trusted_networks": [""]})).await,
    )
    .await;
    assert_eq!((status, err["error"].as_str()), (400, Some("invalid_cidr")), "{err}");
    Ok(())
}

/// The operator's trusted proxies are read by the same parser: what a setting accepts is what
/// the network schema publishes.
#[tokio::test]
async fn trusted_proxies_the_settings_accept_pass_the_network_schema() -> TestResult {
    let app = spawn_app().await;
    let doc = served_document(&app).await;
    let schema = field_schema(&doc, "UpdateTenant", "trusted_networks");
    let mut rng = rand::rng();
    let corpus: Vec<String> = cidr_corpus(&mut rng).into_iter().take(90).collect();
    let list = corpus.join(", ");
    let vars = [
        ("LATCHKEY_DATA_DIR".to_owned(), app.dir.path().display().to_string()),
        ("LATCHKEY_TRUSTED_PROXIES".to_owned(), list),
    ]
    .into_iter()
    .collect();
    let settings = latchkey::config::Settings::from_map(&vars)?;
    assert!(!settings.trusted_proxies.is_empty());
    for value in &corpus {
        assert_valid(&schema, "LATCHKEY_TRUSTED_PROXIES", value);
    }
    Ok(())
}

#[tokio::test]
async fn slugs_and_user_names_the_server_accepts_are_exactly_those_the_schema_accepts() -> TestResult {
    let app = spawn_app().await;
    let doc = served_document(&app).await;
    let mut rng = rand::rng();
    let spaces: Vec<char> = " \t\u{85}\u{a0}\u{3000}\u{feff}\u{200b}".chars().collect();
    let mut alphabet: Vec<char> = "aZ09-._@".chars().collect();
    alphabet.extend(&spaces);

    let slug_schemas = [
        field_schema(&doc, "CreateTenant", "slug"),
        field_schema(&doc, "LoginRequest", "tenant"),
        field_schema(&doc, "StartReset", "tenant"),
    ];
    let slug_seeds = ["acme", "a1", "st-marys-clinic", " acme ", &"x".repeat(63), "a-b-c-d"];
    for seed in slug_seeds {
        assert!(Slug::parse(seed).is_ok(), "{seed:?}");
        for candidate in std::iter::once(seed.to_owned()).chain(mutations(seed, &alphabet, &mut rng, 300)) {
            let server = Slug::parse(&candidate).is_ok();
            for schema in &slug_schemas {
                assert_eq!(server, schema.is_valid(&json!(candidate)), "slug {candidate:?}: server accepts = {server}");
            }
        }
    }
    let name_schemas = [
        field_schema(&doc, "CreateUser", "username"),
        field_schema(&doc, "UpdateUser", "username"),
        field_schema(&doc, "CreateInvitation", "username"),
    ];
    for seed in ["alice", "Alice.M", "n_colleague-2", " bob ", &"u".repeat(64), "0ab"] {
        assert!(Username::parse(seed).is_ok(), "{seed:?}");
        for candidate in std::iter::once(seed.to_owned()).chain(mutations(seed, &alphabet, &mut rng, 300)) {
            let server = Username::parse(&candidate).is_ok();
            for schema in &name_schemas {
                assert_eq!(
                    server,
                    schema.is_valid(&json!(candidate)),
                    "username {candidate:?}: server accepts = {server}"
                );
            }
        }
    }
    // Through the API, with the server's answer read back through the schema.
    let r = app.admin_post("/admin/tenants", json!({"slug": " padded-co ", "name": "Padded"})).await;
    let (status, tenant) = status_body(r).await;
    assert_eq!(status, 201, "{tenant}");
    assert!(slug_schemas[0].is_valid(&tenant["slug"]), "{tenant}");
    let body = json!({"email": "m@example.com", "password": PASSWORD, "username": " Mixed.Case "});
    let (status, user) = status_body(app.admin_post("/admin/tenants/padded-co/users", body).await).await;
    assert_eq!((status, user["username"].as_str()), (201, Some("mixed.case")), "{user}");
    assert!(name_schemas[0].is_valid(&user["username"]));
    Ok(())
}

/// Phone numbers and origins: the server reads more than a pattern can refuse (a number's
/// place in its country's numbering plan, a punycode label's validity), so here every value the
/// server accepts, and every answer it gives, passes the schema.
#[tokio::test]
async fn phone_numbers_and_origins_the_server_accepts_pass_the_schema() -> TestResult {
    let app = spawn_app().await;
    let doc = served_document(&app).await;
    let mut rng = rand::rng();
    let phone_schemas = [
        field_schema(&doc, "CreateUser", "phone_number"),
        field_schema(&doc, "UpdateUser", "phone_number"),
        field_schema(&doc, "AcceptInvitation", "phone_number"),
    ];
    let phone_alphabet: Vec<char> = "0123456789 ().-+x\t\u{a0}".chars().collect();
    let mut accepted = 0;
    for seed in ["+358401234567", "+358 40 123 4567", "+1 (415) 555-0100", "+44 20 7946 0958", " +49.30.901820 "] {
        assert!(PhoneNumber::parse(seed).is_ok(), "{seed:?}");
        for candidate in std::iter::once(seed.to_owned()).chain(mutations(seed, &phone_alphabet, &mut rng, 300)) {
            if let Ok(parsed) = PhoneNumber::parse(&candidate) {
                accepted += 1;
                for schema in &phone_schemas {
                    assert_valid(schema, "phone_number", &candidate);
                    assert_valid(schema, "phone_number (stored)", parsed.as_str());
                }
            }
        }
    }
    assert!(accepted > 100, "the mutations kept many valid numbers ({accepted})");

    let origin = field_schema(&doc, "UpdateTenant", "web_origin");
    let origins = [
        "https://app.example.com",
        "https://app.example.com/",
        " https://App.Example.COM ",
        "https://app.example.com:8443",
        "https://app.example.com:65535",
        "https://203.0.113.5",
        "https://[2001:db8::1]:8443",
        "https://xn--bcher-kva.example",
        "http://localhost:5173",
        "http://LOCALHOST",
        "http://127.0.0.1:8080/",
        "http://[::1]:3000",
        "https://a-b.c-d.example",
    ];
    let origin_alphabet: Vec<char> = "aZ09-.:/[]@ ".chars().collect();
    let mut accepted = 0;
    for seed in origins {
        assert!(parse_origin(seed).is_ok(), "{seed:?}");
        for candidate in std::iter::once(seed.to_owned()).chain(mutations(seed, &origin_alphabet, &mut rng, 300)) {
            if let Ok(stored) = parse_origin(&candidate) {
                accepted += 1;
                assert_valid(&origin, "web_origin", &candidate);
                assert_valid(&origin, "web_origin (stored)", &stored);
            }
        }
    }
    assert!(accepted > 100, "the mutations kept many valid origins ({accepted})");

    // Through the API.
    app.tenant("acme").await;
    let tenant = app.patch_tenant("acme", json!({"web_origin": " https://App.Example.com:8443/ "})).await;
    let stored = tenant["settings"]["web_origin"].as_str().ok_or("no web_origin")?.to_owned();
    assert_eq!(stored, "https://app.example.com:8443");
    assert_valid(&origin, "web_origin (answer)", &stored);
    let body = json!({"email": "p@example.com", "password": PASSWORD, "phone_number": "+358 (40) 123-4567"});
    let (status, user) = status_body(app.admin_post("/admin/tenants/acme/users", body).await).await;
    assert_eq!(status, 201, "{user}");
    assert_valid(&phone_schemas[0], "phone_number (answer)", user["phone_number"].as_str().ok_or("no phone")?);
    Ok(())
}
