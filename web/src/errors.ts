// What the user reads for each stable error code; never the server's own wording.
import type { LatchkeyError, Schemas } from "@latchkey/client";
import { h, time } from "./dom";

const MESSAGES: Partial<Record<LatchkeyError["code"], string>> = {
  invalid_credentials: "The company ID, user name or password is wrong.",
  invalid_slug: "A company ID is lower-case letters, digits and dashes.",
  invalid_code: "That code is not right.",
  code_required: "Type the code.",
  challenge_expired: "This sign-in took too long. Start again.",
  challenge_used: "This sign-in is already finished. Start again.",
  resend_too_soon: "Wait a moment before asking for another code.",
  resend_limit_reached: "No more codes can be sent for this sign-in. Start again.",
  delivery_failed: "The code could not be delivered there. Choose another method.",
  delivery_delayed: "The code is on its way; it may take a minute. There is no need to ask for another.",
  too_many_messages: "Too many codes were sent. Try again later, or choose another method.",
  sms_budget_exhausted: "Text messages are not available right now. Choose another method.",
  sms_country_not_allowed: "Text messages cannot be sent to this number. Choose another method.",
  invalid_phone_number: "Type the phone number with its country code, for example +358 40 123 4567.",
  phone_number_required: "Type your phone number.",
  invalid_email: "Type a valid email address.",
  method_not_allowed: "Your organisation does not allow this method.",
  enrollment_incomplete: "Finish setting up the method first.",
  password_too_short: "The password is too short.",
  password_too_long: "The password is too long.",
  password_too_common: "This password is too common. Choose another.",
  password_equals_email: "The password may not be your email address.",
  password_equals_username: "The password may not be your user name.",
  invitation_not_found: "This invitation link is not valid.",
  invitation_expired: "This invitation has expired. Ask for a new one.",
  password_reset_disabled: "Your organisation resets passwords through its administrators.",
  password_reset_expired: "This reset took too long. Start again.",
  password_reset_not_found: "This reset is not valid. Start again.",
  last_method: "This is your only method: add another before removing it.",
  rate_limited: "Too many attempts. Wait a moment and try again.",
  overloaded: "The service is busy. Try again in a moment.",
  database_unavailable: "The service is not available right now. Try again in a moment.",
  network_error: "The service cannot be reached. Check your connection.",
  invalid_token: "You were signed out. Sign in again.",
  sso_required: "Your organisation signs in elsewhere.",
  two_factor_unavailable: "None of your second-factor methods can be used. Contact your administrator.",
  invalid_credential: "Your key's answer could not be verified. Try again with your key.",
  user_verification_required: "Your key needs its PIN or fingerprint. Set one up on the key, or use another key.",
  authenticator_not_allowed: "Your organisation does not accept this model of key. Use an approved one.",
  webauthn_unavailable: "Security keys cannot be used at this address. Contact your administrator.",
  passkey_sign_in_disabled: "Your organisation does not offer passkey sign-in. Sign in with your password.",
  malformed_credential: "Your browser sent an answer that could not be read. Try again.",
  insufficient_role: "Your role does not allow this. Ask an owner of your organisation.",
  insufficient_scope: "This key may only check tokens.",
  mfa_required: "Administrators sign in with a second factor. Sign out and sign in again.",
  step_up_required: "Confirm it is you with your second factor first.",
  owner_protected: "Only an owner may change an owner's account.",
  last_owner: "This is the last owner: make someone else an owner first.",
  forbidden: "You may not do this.",
  not_found: "It no longer exists.",
  email_taken: "Someone in your organisation already has this email address.",
  username_taken: "Someone in your organisation already has this user name.",
  user_inactive: "The user is deactivated.",
  invitation_pending: "The user has not accepted the invitation yet: invite them again.",
  invalid_query: "Type at most 100 characters.",
  invalid_country: "Write two-letter country codes, for example FI, SE.",
  invalid_limits: "The limits must be whole numbers of 1 or more.",
  group_exists: "A group with this name exists.",
  invalid_name: "Type a name.",
};

export function messageFor(error: LatchkeyError): string {
  if (error.code === "account_locked") {
    const until = error.until();
    return until
      ? `Too many wrong attempts: the account is locked until ${time(until)}.`
      : "Too many wrong attempts: the account is locked for now.";
  }
  if (error.code === "invalid_credential" && error.attemptsRemaining !== undefined) {
    const left = error.attemptsRemaining;
    return `Your key's answer could not be verified. ${left} ${left === 1 ? "attempt" : "attempts"} left before the account locks.`;
  }
  if (error.code === "invalid_code" && error.attemptsRemaining !== undefined) {
    const left = error.attemptsRemaining;
    return `That code is not right. ${left} ${left === 1 ? "attempt" : "attempts"} left before the account locks.`;
  }
  return MESSAGES[error.code] ?? `Something went wrong (${error.code}).`;
}

const WARNINGS: Record<Schemas["WarningCode"], string> = {
  phone_number_missing: "Your profile has no phone number: ask your administrator to add it.",
  recovery_codes_low: "You have few recovery codes left: make a new set and keep it safe.",
  recovery_code_used: "You signed in with a recovery code. Make a new set if you lost your device.",
  no_recovery_codes: "You have no recovery codes: make a set and keep it safe.",
  no_second_factor: "Your account has no second step: set one up to protect it.",
  method_not_allowed: "Your organisation no longer allows your method: set up another one.",
};

export function warningFor(code: Schemas["WarningCode"]): string {
  return WARNINGS[code];
}

/** What to say about a code an answer queued but could not send at once (on its way, or refused). */
export function deliveryNote(answer: { delivery_error?: LatchkeyError["code"] | null }): string | undefined {
  return answer.delivery_error ? messageFor({ code: answer.delivery_error } as LatchkeyError) : undefined;
}

/** The note about an answer's code on screen: a calm notice while it is on its way, an alert when
 * it will not come (nothing when it went out). */
export function deliveryBox(answer: { delivery_error?: LatchkeyError["code"] | null }): HTMLElement | null {
  const note = deliveryNote(answer);
  if (!note) return null;
  return answer.delivery_error === "delivery_delayed"
    ? h("p", { class: "notice", role: "status" }, note)
    : h("p", { class: "alert", role: "alert" }, note);
}
