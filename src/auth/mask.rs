//! Hints that let a user recognise a destination without revealing it.

/// `+358401234567` → `+358 ••• •• 67`: the country code and the last two digits.
pub fn phone_hint(e164: &str) -> String {
    let digits: Vec<char> = e164.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 6 {
        return "••••".into();
    }
    let cc_len = if digits[0] == '1' || digits[0] == '7' {
        1
    } else if digits.len() > 10 {
        3
    } else {
        2
    };
    let cc: String = digits[..cc_len].iter().collect();
    let last: String = digits[digits.len() - 2..].iter().collect();
    format!("+{cc} ••• •• {last}")
}

/// `alice@example.com` → `a•••e@example.com`.
pub fn email_hint(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first = local.chars().next().unwrap_or('•');
            let last = if local.chars().count() > 2 { local.chars().last().unwrap_or('•') } else { '•' };
            format!("{first}•••{last}@{domain}")
        }
        None => "•••".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_hide_the_middle() {
        assert_eq!(phone_hint("+358401234567"), "+358 ••• •• 67");
        assert_eq!(phone_hint("+14155550100"), "+1 ••• •• 00");
        assert_eq!(email_hint("alice@example.com"), "a•••e@example.com");
        assert_eq!(email_hint("al@example.com"), "a••••@example.com");
        assert!(!phone_hint("+358401234567").contains("4012345"));
    }
}
