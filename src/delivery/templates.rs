//! What Latchkey says to people: the text of each message, rendered once when it is queued
//! (the outbox keeps the rendered text). SMS stay short: the code and the tenant's name, and
//! the WebOTP line when the tenant has a web origin. Emails are plain text plus an HTML part
//! with no links, remote images or tracking.

use super::Message;
use crate::domain::Channel;

/// "10 minutes", "1 minute", "90 seconds": a code's real lifetime.
fn lifetime(ttl_secs: i64) -> String {
    match ttl_secs {
        s if s % 60 == 0 && s >= 120 => format!("{} minutes", s / 60),
        60 => "1 minute".to_owned(),
        s => format!("{s} seconds"),
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A small self-contained HTML page: inline styles only, nothing fetched when it is opened.
fn html_page(title: &str, paragraphs: &[String]) -> String {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(p);
        body.push('\n');
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n</head>\n\
         <body style=\"margin:0;padding:24px;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;\
         font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff\">\n{body}</body>\n</html>\n",
        escape_html(title)
    )
}

/// An email without a code (notices, invitations).
fn email(to: &str, tenant: &str, subject: String, text: String, html: String) -> Message {
    Message {
        id: String::new(),
        channel: Channel::Email,
        to: to.to_owned(),
        subject: Some(subject),
        body: text,
        html: Some(html),
        code: None,
        tenant: tenant.to_owned(),
        context: None,
    }
}

/// The HTML of an email carrying a code: the intro, the code set large, then the footer.
fn code_html(subject: &str, intro: &str, code: &str, footer: &str) -> String {
    html_page(
        subject,
        &[
            format!("<p>{}</p>", escape_html(intro)),
            format!(
                "<p style=\"font-size:28px;font-weight:600;letter-spacing:4px;\
                 font-family:ui-monospace,Menlo,Consolas,monospace\">{}</p>",
                escape_html(code)
            ),
            format!("<p>{}</p>", escape_html(footer)),
        ],
    )
}

/// A message carrying `code` (the outbox's guard counts it as one).
fn with_code(
    channel: Channel,
    to: &str,
    tenant: &str,
    code: &str,
    (subject, body, html): (Option<String>, String, Option<String>),
) -> Message {
    Message {
        id: String::new(),
        channel,
        to: to.to_owned(),
        subject,
        body,
        html,
        code: Some(code.to_owned()),
        tenant: tenant.to_owned(),
        context: None,
    }
}

/// A sign-in code. By SMS: the code and the tenant's name, and the WebOTP line
/// (`@host #code`) when `web_host` is set, so the browser on that site can fill it in. By email:
/// both parts, stating when the code expires.
pub fn code(channel: Channel, to: &str, tenant: &str, code: &str, ttl_secs: i64, web_host: Option<&str>) -> Message {
    let (subject, body, html) = match channel {
        Channel::Sms => {
            let mut text = format!("{code} is your {tenant} sign-in code.");
            if let Some(host) = web_host {
                text.push_str(&format!("\n\n@{host} #{code}"));
            }
            (None, text, None)
        }
        Channel::Email => {
            let subject = format!("Your {tenant} sign-in code");
            let expiry = lifetime(ttl_secs);
            let warning = "If you did not try to sign in, change your password.";
            let text = format!("Your {tenant} sign-in code is {code}.\n\nIt expires in {expiry}. {warning}\n");
            let intro = format!("Your {tenant} sign-in code is");
            let html = code_html(&subject, &intro, code, &format!("It expires in {expiry}. {warning}"));
            (Some(subject), text, Some(html))
        }
    };
    with_code(channel, to, tenant, code, (subject, body, html))
}

/// The notice to a tenant's admin contact when its SMS balance falls to its threshold.
pub fn low_sms_balance(to: &str, tenant: &str, balance: i64) -> Message {
    let subject = format!("{tenant}: {balance} SMS left");
    let lines = [
        format!("The SMS budget of {tenant} is down to {balance} messages."),
        "When it reaches 0, sign-in codes are no longer sent by SMS: users are asked for their other \
         methods. Ask your Latchkey operator for a top-up."
            .to_owned(),
    ];
    let text = format!("{}\n\n{}\n", lines[0], lines[1]);
    let html = html_page(&subject, &lines.map(|l| format!("<p>{}</p>", escape_html(&l))));
    email(to, tenant, subject, text, html)
}

/// The invitation: the link to choose a password, and how long it stays valid.
pub fn invitation(to: &str, (tenant, company_id): (&str, &str), link: &str, days: i64) -> Message {
    let subject = format!("You are invited to {tenant}");
    let valid = if days == 1 { "1 day".to_owned() } else { format!("{days} days") };
    let lines = [
        format!("You have been invited to sign in to {tenant}. Your company ID is {company_id}: you type it when you sign in."),
        format!("Choose your password here (the link works once, for {valid}):"),
        link.to_owned(),
        "If you did not expect this invitation, ignore this email.".to_owned(),
    ];
    let text = lines.join("\n\n") + "\n";
    let html = html_page(
        &subject,
        &[
            format!("<p>{}</p>", escape_html(&lines[0])),
            format!("<p>{}</p>", escape_html(&lines[1])),
            format!("<p><a href=\"{}\">Choose your password</a></p>", escape_html(link)),
            format!("<p>{}</p>", escape_html(&lines[3])),
        ],
    );
    email(to, tenant, subject, text, html)
}

/// A password-reset code: by SMS the code and the tenant's name; by email both parts, with
/// the code's lifetime and what to do when the user did not ask.
pub fn password_reset_code(channel: Channel, to: &str, tenant: &str, code: &str, ttl_secs: i64) -> Message {
    let expiry = lifetime(ttl_secs);
    let not_you = "If you did not ask to reset your password, ignore this message: your password stays as it is.";
    let (subject, body, html) = match channel {
        Channel::Sms => (None, format!("{code} is your {tenant} password reset code. Not you? Ignore this."), None),
        Channel::Email => {
            let subject = format!("Your {tenant} password reset code");
            let text = format!("Your {tenant} password reset code is {code}.\n\nIt expires in {expiry}. {not_you}\n");
            let intro = format!("Your {tenant} password reset code is");
            let html = code_html(&subject, &intro, code, &format!("It expires in {expiry}. {not_you}"));
            (Some(subject), text, Some(html))
        }
    };
    with_code(channel, to, tenant, code, (subject, body, html))
}

/// The answer to a reset the tenant leaves to its administrators for this account (a user with a
/// second factor under `self_service_without_second_factor_users`, or one whose only factor
/// is the address the reset would use).
pub fn password_reset_refused(channel: Channel, to: &str, tenant: &str) -> Message {
    let ask = format!(
        "Someone asked to reset your {tenant} password. Your account uses two-step verification, so \
         {tenant} resets its password only through an administrator: ask your administrator or a colleague \
         who manages accounts. If you did not ask, ignore this message."
    );
    match channel {
        Channel::Sms => Message {
            id: String::new(),
            channel,
            to: to.to_owned(),
            subject: None,
            body: format!("{tenant}: to reset your password, ask your administrator. Not you? Ignore this."),
            html: None,
            code: None,
            tenant: tenant.to_owned(),
            context: None,
        },
        Channel::Email => {
            let subject = format!("Resetting your {tenant} password");
            let html = html_page(&subject, &[format!("<p>{}</p>", escape_html(&ask))]);
            email(to, tenant, subject, ask.clone() + "\n", html)
        }
    }
}

/// The link an administrator sends so the user can choose a new password.
pub fn password_reset_link(to: &str, tenant: &str, link: &str, hours: i64) -> Message {
    let subject = format!("Choose a new {tenant} password");
    let lines = [
        format!("Your administrator sent you this link to choose a new {tenant} password."),
        format!("It works once, for {hours} hours:"),
        link.to_owned(),
        "Choosing a new password signs you out everywhere. If you did not expect this email, tell your administrator."
            .to_owned(),
    ];
    let text = lines.join("\n\n") + "\n";
    let html = html_page(
        &subject,
        &[
            format!("<p>{}</p>", escape_html(&lines[0])),
            format!("<p>{}</p>", escape_html(&lines[1])),
            format!("<p><a href=\"{}\">Choose a new password</a></p>", escape_html(link)),
            format!("<p>{}</p>", escape_html(&lines[3])),
        ],
    );
    email(to, tenant, subject, text, html)
}

/// An SMS to a profile's old number when an administrator changed it.
pub fn phone_changed(to: &str, tenant: &str) -> Message {
    Message {
        id: String::new(),
        channel: Channel::Sms,
        to: to.to_owned(),
        subject: None,
        body: format!(
            "{tenant}: your sign-in codes now go to another phone number. Not you? Contact your administrator."
        ),
        html: None,
        code: None,
        tenant: tenant.to_owned(),
        context: None,
    }
}

/// A security notice: what happened on the account, when, from where, and what to do.
pub fn security_notice(
    to: &str,
    tenant: &str,
    what: &str,
    advice: &str,
    at: crate::domain::UnixTime,
    ip: Option<&str>,
    user_agent: Option<&str>,
) -> Message {
    let subject = format!("{tenant}: security notice");
    let mut what = what.to_owned();
    if let Some(first) = what.get(..1) {
        what = first.to_uppercase() + what.get(1..).unwrap_or_default();
    }
    let mut lines = vec![format!("{what}."), format!("When: {}", at.rfc3339())];
    if let Some(ip) = ip {
        lines.push(format!("From: {ip}"));
    }
    if let Some(agent) = user_agent {
        lines.push(format!("Browser or app: {}", agent.chars().take(200).collect::<String>()));
    }
    lines.push(advice.to_owned());
    let text = lines.join("\n\n") + "\n";
    let html = html_page(&subject, &lines.iter().map(|l| format!("<p>{}</p>", escape_html(l))).collect::<Vec<_>>());
    email(to, tenant, subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sms_holds_the_code_the_name_and_the_webotp_line() {
        let m = code(Channel::Sms, "+358401234567", "Acme", "123456", 600, Some("app.acme.example"));
        assert_eq!(m.body, "123456 is your Acme sign-in code.\n\n@app.acme.example #123456");
        assert!(m.html.is_none() && m.subject.is_none());
        let plain = code(Channel::Sms, "+358401234567", "Acme", "123456", 600, None);
        assert_eq!(plain.body, "123456 is your Acme sign-in code.");
    }

    #[test]
    fn email_states_the_real_lifetime_and_escapes_the_name() {
        let m = code(Channel::Email, "a@example.com", "Tom & <Jerry>", "654321", 300, None);
        assert!(m.body.contains("expires in 5 minutes"));
        let html = m.html.unwrap_or_default();
        assert!(html.contains("Tom &amp; &lt;Jerry&gt;") && html.contains("654321"));
        assert!(!html.contains("<Jerry>") && !html.contains("http"), "no raw markup, no links");
        assert_eq!(lifetime(60), "1 minute");
        assert_eq!(lifetime(90), "90 seconds");
    }
}
