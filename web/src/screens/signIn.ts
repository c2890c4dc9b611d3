import { settle } from "@latchkey/client";
import { alertBox, field, form, h, say, show, valueOf } from "../dom";
import { deviceToken, latchkey, lastTenant, rememberTenant } from "../session";
import { autofillSupported, keysSupported, keyTrouble, useKey } from "../webauthn";
import { follow, refused } from "./flow";

/** The passkey autofill waiting on the identifier field, cancelled when the page moves on. */
let autofill: AbortController | undefined;

export function showSignIn(notice?: string): void {
  autofill?.abort();
  const alert = alertBox();
  const tenantOf = (f: HTMLFormElement | null) => (f ? valueOf(f, "tenant").toLowerCase() : "");
  const passkeyButton = h("button", { type: "button", class: "secondary", hidden: true }, "Sign in with a passkey");
  const signInForm = form(
    async (f) => {
      autofill?.abort();
      const who = { tenant: tenantOf(f), identifier: valueOf(f, "identifier") };
      const password = (f.elements.namedItem("password") as HTMLInputElement).value;
      const result = await latchkey.login({
        ...who,
        password,
        device_token: deviceToken(who.tenant, who.identifier) ?? null,
      });
      if (result.ok) {
        rememberTenant(who.tenant);
        follow(result.value, who);
      } else refused(result.error, (m) => say(alert, m));
    },
    field("Company ID", "tenant", {
      autocapitalize: "none",
      spellcheck: "false",
      required: true,
      autofocus: true,
      value: lastTenant() ?? undefined,
    }),
    field("Email or user name", "identifier", {
      autocomplete: "username webauthn",
      autocapitalize: "none",
      spellcheck: "false",
      required: true,
    }),
    field("Password", "password", { type: "password", autocomplete: "current-password", required: true }),
    alert,
    h("button", { type: "submit" }, "Sign in"),
    passkeyButton,
  );

  /** A passkey sign-in for the typed company: `conditional` waits as autofill on the field. */
  const withPasskey = async (tenant: string, conditional?: AbortController) => {
    const started = await settle(latchkey.api.POST("/login/passkey", { body: { tenant } }));
    if (!started.ok) {
      if (!conditional) refused(started.error, (m) => say(alert, m));
      return;
    }
    passkeyButton.hidden = false;
    let credential;
    try {
      credential = await useKey(started.value.webauthn, conditional?.signal);
    } catch (e) {
      if (!conditional) say(alert, keyTrouble(e));
      return;
    }
    const result = await latchkey.verify({ challenge_id: started.value.challenge_id, credential });
    if (result.ok) {
      rememberTenant(tenant);
      follow(result.value, { tenant, identifier: "" });
    } else refused(result.error, (m) => say(alert, m));
  };

  passkeyButton.addEventListener("click", () => {
    autofill?.abort();
    const tenant = tenantOf(signInForm);
    if (!tenant) return say(alert, "Type your company ID first.");
    void withPasskey(tenant);
  });

  /** Offers passkeys for the company typed (or remembered): the button, and autofill. */
  const offerPasskeys = async () => {
    const tenant = tenantOf(signInForm);
    autofill?.abort();
    if (!tenant || !keysSupported()) return;
    if (await autofillSupported()) {
      autofill = new AbortController();
      void withPasskey(tenant, autofill);
    } else {
      const open = await settle(latchkey.api.POST("/login/passkey", { body: { tenant } }));
      passkeyButton.hidden = !open.ok;
    }
  };
  signInForm.querySelector("#tenant")?.addEventListener("change", () => void offerPasskeys());

  show(
    h("h1", { tabindex: -1 }, "Sign in"),
    notice ? h("p", { class: "notice", role: "status" }, notice) : null,
    signInForm,
    h("p", {}, h("a", { href: "#/reset" }, "Forgot your password?")),
  );
  void offerPasskeys();
}
