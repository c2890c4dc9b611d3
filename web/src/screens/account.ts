// The signed-in page: the token's claims, the user's methods and remembered devices.
import { settle, type Result, type Schemas } from "@latchkey/client";
import { alertBox, field, form, h, say, show, valueOf } from "../dom";
import { deliveryBox, messageFor, warningFor } from "../errors";
import { claimsOf, currentSession, forgetSession, latchkey, refreshSession } from "../session";
import { enrollBody, KIND_TITLES } from "../methods";
import { createKey, keysSupported, keyTrouble } from "../webauthn";
import { showSignIn } from "./signIn";
import { isSignedOut, signedOut, stepUp } from "./stepUp";

type Warning = Schemas["Warning"];
type Method = Schemas["MethodSummary"];


export async function showAccount(warnings: Warning[] = []): Promise<void> {
  const session = currentSession();
  if (!session) return showSignIn();
  const alert = alertBox();
  const [methods, devices, policy] = await Promise.all([
    settle(latchkey.api.GET("/me/methods")),
    settle(latchkey.api.GET("/me/devices")),
    settle(latchkey.api.GET("/me/policy")),
  ]);
  if (!methods.ok) {
    // An expired access token: one refresh, then the page again.
    if (methods.error.code === "invalid_token" && (await refreshSession())) return showAccount(warnings);
    return signedOut(methods.error);
  }
  const claims = claimsOf(session.access_token);
  const refresh = () => void showAccount();
  // Signed in with a password where a passkey would do: suggest one.
  const passkeys = methods.value.methods.filter((m) => m.kind === "webauthn" && m.passkey && m.status === "active");
  const allowsKeys = policy.ok && policy.value.allowed_kinds.includes("webauthn");
  const suggestPasskey =
    keysSupported() && allowsKeys && policy.ok && policy.value.passkey_sign_in && passkeys.length === 0;

  // An action that needs a recent second factor steps up first, then runs again.
  const act = async <T>(run: () => Promise<Result<T>>, done: (value: T) => void): Promise<void> => {
    const result = await run();
    if (result.ok) return done(result.value);
    if (result.error.code === "second_factor_required") return stepUp(showAccount, () => act(run, done));
    if (isSignedOut(result.error)) return signedOut(result.error);
    // After a step-up the page was drawn again: say it in the alert now on screen.
    say(alert.isConnected ? alert : (document.querySelector<HTMLElement>("#app .alert") ?? alert), messageFor(result.error));
  };

  show(
    h("h1", { tabindex: -1 }, "Your account"),
    ...warnings.map((w) => h("p", { class: "notice", role: "status", "data-warning": w.code }, warningFor(w.code))),
    h("p", {}, `Signed in as ${session.user.email} (${session.user.tenant}).`),
    session.user.roles.length
      ? h("p", {}, h("a", { href: `${import.meta.env.BASE_URL}admin/`, "data-testid": "console-link" }, "Administration"))
      : null,
    suggestPasskey
      ? h(
          "p",
          { class: "notice", role: "status", "data-testid": "passkey-suggestion" },
          "Next time, sign in without a password: create a passkey on this device. ",
          h("button", { type: "button", class: "secondary", onclick: () => addKey(true, act) }, "Create a passkey now"),
        )
      : null,
    h(
      "section",
      { "aria-labelledby": "claims-title" },
      h("h2", { id: "claims-title" }, "Access token"),
      h(
        "dl",
        { class: "claims", "data-testid": "claims" },
        ...Object.entries(claims).flatMap(([name, value]) => [
          h("dt", {}, name),
          h("dd", { "data-claim": name }, Array.isArray(value) ? value.join(" ") : String(value)),
        ]),
      ),
    ),
    h(
      "section",
      { "aria-labelledby": "methods-title" },
      h("h2", { id: "methods-title" }, "Two-step verification"),
      h(
        "ul",
        { class: "list", "data-testid": "methods" },
        ...methods.value.methods.map((m) =>
          h(
            "li",
            { "data-kind": m.kind },
            h("span", {}, `${methodTitle(m)} · ${m.hint}${m.primary ? " · primary" : ""}${m.status === "pending" ? " · not confirmed" : ""}${m.last_used_at ? ` · last used ${new Date(m.last_used_at).toLocaleDateString()}` : ""}`),
            m.primary || m.status !== "active"
              ? null
              : h("button", {
                  type: "button",
                  class: "secondary",
                  onclick: () =>
                    act(
                      () => settle(latchkey.api.POST("/me/methods/{method_id}/primary", { params: { path: { method_id: m.id } } })),
                      refresh,
                    ),
                  "aria-label": `Make primary: ${methodTitle(m)} ${m.hint}`,
                }, "Make primary"),
            h("button", {
              type: "button",
              class: "secondary",
              onclick: () =>
                act(
                  () => settle(latchkey.api.DELETE("/me/methods/{method_id}", { params: { path: { method_id: m.id } } })),
                  refresh,
                ),
              "aria-label": `Remove: ${methodTitle(m)} ${m.hint}`,
            }, "Remove"),
          ),
        ),
      ),
      h("p", { "data-testid": "recovery-left" }, `Recovery codes left: ${methods.value.recovery_codes_remaining}`),
      h(
        "p",
        { class: "actions" },
        ...(["totp", "sms", "email"] as const).map((kind) =>
          h("button", { type: "button", class: "secondary", onclick: () => addMethod(kind) }, `Add ${KIND_TITLES[kind].toLowerCase()}`),
        ),
        ...(keysSupported() && allowsKeys
          ? [
              h("button", { type: "button", class: "secondary", onclick: () => addKey(false, act) }, "Add a security key"),
              h("button", { type: "button", class: "secondary", onclick: () => addKey(true, act) }, "Create a passkey"),
            ]
          : []),
        h("button", {
          type: "button",
          class: "secondary",
          onclick: () => act(() => settle(latchkey.api.POST("/me/recovery-codes")), showRecoveryCodes),
        }, "New recovery codes"),
      ),
    ),
    h(
      "section",
      { "aria-labelledby": "devices-title" },
      h("h2", { id: "devices-title" }, "Remembered devices"),
      devices.ok && devices.value.length > 0
        ? h(
            "ul",
            { class: "list", "data-testid": "devices" },
            ...devices.value.map((d) =>
              h(
                "li",
                {},
                h("span", {}, `${d.label ?? "A browser"} · remembered until ${new Date(d.expires_at).toLocaleDateString()}`),
                h("button", {
                  type: "button",
                  class: "secondary",
                  onclick: () =>
                    act(
                      () => settle(latchkey.api.DELETE("/me/devices/{device_id}", { params: { path: { device_id: d.id } } })),
                      refresh,
                    ),
                  "aria-label": `Forget: ${d.label ?? "a browser"}, remembered until ${new Date(d.expires_at).toLocaleDateString()}`,
                }, "Forget"),
              ),
            ),
          )
        : h("p", {}, "No device skips the second step."),
    ),
    alert,
    h("button", {
      type: "button",
      onclick: async () => {
        const ended = await settle(latchkey.api.POST("/logout"));
        // An expired access token cannot end its session: refresh it, then log out.
        if (!ended.ok && ended.error.code === "invalid_token" && (await refreshSession())) {
          await settle(latchkey.api.POST("/logout"));
        }
        forgetSession();
        showSignIn("You are signed out.");
      },
    }, "Sign out"),
  );
}

/** How a method is named in the list: a key says whether it is a passkey. */
function methodTitle(m: Method): string {
  if (m.kind !== "webauthn") return KIND_TITLES[m.kind];
  return m.passkey ? "Passkey" : "Security key";
}

type Act = <T>(run: () => Promise<Result<T>>, done: (value: T) => void) => Promise<void>;

/** Adds a key: its name, then the browser creates it, then Latchkey checks and keeps it. */
function addKey(passkey: boolean, act: Act): void {
  const alert = alertBox();
  const title = passkey ? "Create a passkey" : "Add a security key";
  show(
    h("h1", { tabindex: -1 }, title),
    h(
      "p",
      {},
      passkey
        ? "A passkey lives on this phone or computer (or your password manager) and signs you in with your fingerprint, face or PIN."
        : "Plug in or hold your security key near the device when the browser asks.",
    ),
    form(
      async (f) => {
        const name = valueOf(f, "key-name");
        await act(
          () => settle(latchkey.api.POST("/me/methods", { body: enrollBody("webauthn", name, passkey) })),
          async (enrollment) => {
            if (!enrollment.webauthn) return say(alert, "Security keys are not available here.");
            let credential;
            try {
              credential = await createKey(enrollment.webauthn);
            } catch (e) {
              return say(alert, keyTrouble(e));
            }
            const confirmed = await settle(
              latchkey.api.POST("/me/methods/{method_id}/confirm", {
                params: { path: { method_id: enrollment.method.id } },
                body: { credential },
              }),
            );
            if (confirmed.ok) void showAccount();
            else say(alert, messageFor(confirmed.error));
          },
        );
      },
      field("Name it", "key-name", { placeholder: passkey ? "My laptop" : "YubiKey", maxlength: 64, autofocus: true }),
      alert,
      h("button", { type: "submit" }, passkey ? "Create passkey" : "Add key"),
    ),
    h("button", { type: "button", class: "link", onclick: () => showAccount() }, "Cancel"),
  );
}


function showRecoveryCodes(codes: Schemas["RecoveryCodes"]): void {
  show(
    h("h1", { tabindex: -1 }, "Your recovery codes"),
    h("p", {}, "Keep them somewhere safe. Each works once, when you cannot get a code. The old codes no longer work."),
    h("ul", { class: "codes", "data-testid": "recovery-codes" }, ...codes.codes.map((c) => h("li", {}, h("code", {}, c)))),
    h("button", { type: "button", onclick: () => showAccount() }, "Done"),
  );
}

/** Adds a method: the app's QR code or a code sent, then a code to confirm it. */
async function addMethod(kind: Method["kind"]): Promise<void> {
  const alert = alertBox();
  const start = async (destination?: string) => {
    const result = await settle(latchkey.api.POST("/me/methods", { body: enrollBody(kind, destination) }));
    if (!result.ok) return say(alert, messageFor(result.error));
    confirmMethod(result.value);
  };
  if (kind === "totp") return start();
  show(
    h("h1", { tabindex: -1 }, kind === "sms" ? "Add a phone" : "Add an email address"),
    form(
      async (f) => start(valueOf(f, "destination")),
      kind === "sms"
        ? field("Phone number", "destination", { type: "tel", autocomplete: "tel", autofocus: true })
        : field("Email address", "destination", { type: "email", autocomplete: "email", autofocus: true }),
      alert,
      h("button", { type: "submit" }, "Send code"),
    ),
    h("button", { type: "button", class: "link", onclick: () => showAccount() }, "Cancel"),
  );
}

function confirmMethod(enrollment: Schemas["Enrollment"]): void {
  const alert = alertBox();
  const totp = enrollment.totp;
  show(
    h("h1", { tabindex: -1 }, "Confirm the method"),
    totp
      ? h(
          "div",
          { class: "qr" },
          h("img", { src: `data:image/png;base64,${totp.qr_png_base64}`, alt: "QR code for your authenticator app", width: 200, height: 200 }),
          h("p", {}, "Secret key: ", h("code", { "data-testid": "secret" }, totp.secret)),
        )
      : h("p", {}, `We sent a code to ${enrollment.method.hint}.`),
    deliveryBox(enrollment),
    form(
      async (f) => {
        const result = await settle(
          latchkey.api.POST("/me/methods/{method_id}/confirm", {
            params: { path: { method_id: enrollment.method.id } },
            body: { code: valueOf(f, "code") },
          }),
        );
        if (result.ok) void showAccount();
        else say(alert, messageFor(result.error));
      },
      field("Code", "code", { inputmode: "numeric", autocomplete: "one-time-code", autofocus: true }),
      alert,
      h("button", { type: "submit" }, "Confirm"),
    ),
    h("button", { type: "button", class: "link", onclick: () => showAccount() }, "Cancel"),
  );
}
