// Setting up a second factor at login: an authenticator app (QR code, or the secret key to
// copy), a phone number (asked first when the profile has none) or email; when the policy only
// suggests it, Continue / Skip / Do not show this again.
import { settle, type Schemas } from "@latchkey/client";
import { countdown } from "../countdown";
import { alertBox, field, form, h, say, show, valueOf } from "../dom";
import { deliveryBox, deliveryNote } from "../errors";
import { latchkey } from "../session";
import { enrollBody, type Kind } from "../methods";
import { createKey, keyTrouble } from "../webauthn";
import { follow, refused, type Who } from "./flow";

type Offer = Schemas["EnrollmentRequired"];

const CHOICES: Record<Kind, { title: string; detail: string }> = {
  totp: { title: "Authenticator app", detail: "Codes from an app on your phone, such as Google Authenticator." },
  sms: { title: "Text message", detail: "A code by text message to your phone." },
  email: { title: "Email", detail: "A code by email." },
  webauthn: { title: "Security key or passkey", detail: "A key on your keyring, or a passkey on this phone or computer." },
};

export function showEnrollment(offer: Offer, who: Who, optional: boolean, chosen?: Kind): void {
  if (chosen && offer.allowed_kinds.includes(chosen)) return startKind(offer, who, chosen, optional);
  const alert = alertBox();
  const skip = async (dontShowAgain: boolean) => {
    const result = await settle(
      latchkey.api.POST("/challenges/{challenge_id}/skip", {
        params: { path: { challenge_id: offer.challenge_id } },
        body: { dont_show_again: dontShowAgain },
      }),
    );
    if (result.ok) follow(result.value, who);
    else refused(result.error, (m) => say(alert, m));
  };
  show(
    h("h1", { tabindex: -1 }, optional ? "Protect your account" : "Set up two-step verification"),
    h(
      "p",
      {},
      optional
        ? "Add a second step to your sign-in: a code that only you can get."
        : "Your organisation asks for a second step at sign-in. Choose how you get your codes.",
    ),
    h(
      "ul",
      { class: "choices" },
      ...offer.allowed_kinds.map((kind) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", onclick: () => startKind(offer, who, kind, optional) },
            CHOICES[kind].title,
          ),
          h("span", {}, CHOICES[kind].detail),
        ),
      ),
    ),
    alert,
    optional
      ? h(
          "p",
          { class: "actions" },
          h("button", { type: "button", class: "secondary", onclick: () => skip(false) }, "Skip for now"),
          h("button", { type: "button", class: "secondary", onclick: () => skip(true) }, "Do not show this again"),
        )
      : null,
  );
}

function startKind(offer: Offer, who: Who, kind: Kind, optional: boolean): void {
  if (kind === "sms" && !offer.phone_number_on_profile) return askPhone(offer, who, optional);
  if (kind === "webauthn") return askKey(offer, who, optional);
  void enroll(offer, who, kind, optional);
}

function askPhone(offer: Offer, who: Who, optional: boolean): void {
  const alert = alertBox();
  show(
    h("h1", { tabindex: -1 }, "Your phone number"),
    h("p", {}, "Your profile has no phone number. Type the number your codes should go to."),
    form(
      async (f) => enroll(offer, who, "sms", optional, valueOf(f, "phone"), alert),
      field("Phone number", "phone", { type: "tel", autocomplete: "tel", placeholder: "+358 40 123 4567", autofocus: true }),
      alert,
      h("button", { type: "submit" }, "Send code"),
    ),
    h("button", { type: "button", class: "link", onclick: () => showEnrollment(offer, who, optional) }, "Back"),
  );
}

/** A key: its name, then a passkey (signs in on its own where allowed) or a security key. */
function askKey(offer: Offer, who: Who, optional: boolean): void {
  const alert = alertBox();
  const start = async (f: HTMLFormElement, passkey: boolean) => {
    const result = await settle(
      latchkey.api.POST("/challenges/{challenge_id}/enroll", {
        params: { path: { challenge_id: offer.challenge_id } },
        body: enrollBody("webauthn", valueOf(f, "key-name"), passkey),
      }),
    );
    if (!result.ok) return refused(result.error, (m) => say(alert, m));
    if (!result.value.webauthn) return say(alert, "Security keys are not available here.");
    let credential;
    try {
      credential = await createKey(result.value.webauthn);
    } catch (e) {
      return say(alert, keyTrouble(e));
    }
    const verified = await latchkey.verify({ challenge_id: offer.challenge_id, credential });
    if (verified.ok) follow(verified.value, who);
    else refused(verified.error, (m) => say(alert, m));
  };
  let passkey = true;
  show(
    h("h1", { tabindex: -1 }, "Your security key or passkey"),
    h("p", {}, "A passkey lives on this phone or computer (or your password manager); a security key on your keyring."),
    form(
      async (f) => start(f, passkey),
      field("Name it", "key-name", { placeholder: "My laptop", maxlength: 64, autofocus: true }),
      alert,
      h("p", { class: "actions" },
        h("button", { type: "submit", onclick: () => (passkey = true) }, "Create a passkey"),
        h("button", { type: "submit", class: "secondary", onclick: () => (passkey = false) }, "Use a security key"),
      ),
    ),
    h("button", { type: "button", class: "link", onclick: () => showEnrollment(offer, who, optional) }, "Back"),
  );
}

async function enroll(
  offer: Offer,
  who: Who,
  kind: Kind,
  optional: boolean,
  destination?: string,
  alert: HTMLElement = alertBox(),
): Promise<void> {
  const result = await settle(
    latchkey.api.POST("/challenges/{challenge_id}/enroll", {
      params: { path: { challenge_id: offer.challenge_id } },
      body: enrollBody(kind, destination),
    }),
  );
  if (!result.ok) return refused(result.error, (m) => say(alert, m));
  confirm(offer, who, result.value, optional);
}

/** The method is pending: the code from the app (or the one sent) confirms it and signs in. */
function confirm(offer: Offer, who: Who, enrollment: Schemas["Enrollment"], optional: boolean): void {
  const alert = alertBox();
  const totp = enrollment.totp;
  const copy = h("button", { type: "button", class: "secondary", "data-secret": totp?.secret ?? "" }, "Copy secret key");
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(totp?.secret ?? "");
      copy.textContent = "Copied";
    } catch {
      copy.textContent = "Copy it from above";
    }
  });
  const resend = h("button", { type: "button", class: "secondary" }, "Send new code");
  resend.addEventListener("click", async () => {
    const result = await settle(
      latchkey.api.POST("/challenges/{challenge_id}/resend", {
        params: { path: { challenge_id: offer.challenge_id } },
      }),
    );
    if (result.ok) {
      countdown(resend, "Send new code", result.value.resend_available_at ? new Date(result.value.resend_available_at) : undefined);
      say(alert, deliveryNote(result.value) ?? "A new code is on its way.");
    } else {
      if (result.error.code === "resend_too_soon") countdown(resend, "Send new code", result.error.until());
      refused(result.error, (m) => say(alert, m));
    }
  });
  show(
    h("h1", { tabindex: -1 }, totp ? "Scan the QR code" : "Type the code"),
    totp
      ? h(
          "div",
          { class: "qr" },
          h("img", {
            src: `data:image/png;base64,${totp.qr_png_base64}`,
            alt: "QR code to add your account to an authenticator app",
            width: 200,
            height: 200,
          }),
          h("p", {}, "Scan it with your authenticator app. Cannot scan? Type or copy this secret key into the app:"),
          h("p", {}, h("code", { class: "secret", "data-testid": "secret" }, totp.secret)),
          copy,
        )
      : h("p", {}, `We sent a code to ${enrollment.method.hint}.`),
    deliveryBox(enrollment),
    form(
      async (f) => {
        const result = await latchkey.verify({ challenge_id: offer.challenge_id, code: valueOf(f, "code") });
        if (result.ok) follow(result.value, who);
        else refused(result.error, (m) => say(alert, m));
      },
      field("Code", "code", { inputmode: "numeric", autocomplete: "one-time-code", required: true, autofocus: true }),
      alert,
      h("button", { type: "submit" }, "Continue"),
    ),
    totp ? null : resend,
    h("button", { type: "button", class: "link", onclick: () => showEnrollment(offer, who, optional) }, "Choose another method"),
  );
}
