// Forgot password (#/reset): a code to the user's verified address or phone, the second factor
// when the user has one, then the new password.
import { settle, type Schemas } from "@latchkey/client";
import { alertBox, field, form, h, say, show, valueOf } from "../dom";
import { messageFor } from "../errors";
import { KIND_NAMES } from "../methods";
import { keyTrouble, useKey } from "../webauthn";
import { latchkey } from "../session";
import { showSignIn } from "./signIn";

export function showReset(): void {
  const alert = alertBox();
  show(
    h("h1", { tabindex: -1 }, "Reset your password"),
    form(
      async (f) => {
        const result = await settle(
          latchkey.api.POST("/password-reset", { body: { tenant: valueOf(f, "tenant").toLowerCase(), identifier: valueOf(f, "identifier") } }),
        );
        if (result.ok) askCode(result.value.reset_id);
        else say(alert, messageFor(result.error));
      },
      field("Company ID", "tenant", { autocapitalize: "none", spellcheck: "false", required: true, autofocus: true }),
      field("Email or user name", "identifier", { autocomplete: "username", autocapitalize: "none", spellcheck: "false", required: true }),
      alert,
      h("button", { type: "submit" }, "Send code"),
    ),
    h("p", {}, h("a", { href: "#/" }, "Back to sign in")),
  );
}

/** An administrator's reset link carries the reset and its code: check them at once. */
export async function showResetLink(resetId: string, code: string): Promise<void> {
  const alert = alertBox();
  show(h("h1", { tabindex: -1 }, "Reset your password"), alert);
  const result = await settle(
    latchkey.api.POST("/password-reset/{reset_id}/verify", {
      params: { path: { reset_id: resetId as Schemas["ResetStarted"]["reset_id"] } },
      body: { code },
    }),
  );
  if (result.ok) next(result.value);
  else say(alert, messageFor(result.error));
}

function askCode(resetId: Schemas["ResetStarted"]["reset_id"]): void {
  const alert = alertBox();
  show(
    h("h1", { tabindex: -1 }, "Check your messages"),
    h("p", {}, "If the account exists, we sent a code to its verified email address or phone."),
    form(
      async (f) => {
        const result = await settle(
          latchkey.api.POST("/password-reset/{reset_id}/verify", {
            params: { path: { reset_id: resetId } },
            body: { code: valueOf(f, "code") },
          }),
        );
        if (result.ok) next(result.value);
        else say(alert, messageFor(result.error));
      },
      field("Code", "code", { inputmode: "numeric", autocomplete: "one-time-code", required: true, autofocus: true }),
      alert,
      h("button", { type: "submit" }, "Continue"),
    ),
  );
}

function whereTheCodeIs(method: Schemas["MethodSummary"] | null | undefined, sent: boolean): string {
  if (!method) return "Choose how to prove it is you, or use a recovery code.";
  if (method.kind === "totp") return "Type the code from your authenticator app.";
  if (method.kind === "webauthn") return "Use your security key or passkey.";
  return sent ? `Type the code we sent to ${method.hint}.` : `No code could be sent to ${method.hint}: choose another method.`;
}

function next(progress: Schemas["ResetProgress"]): void {
  if (progress.status === "new_password_required") return askPassword(progress.reset_id);
  const alert = alertBox();
  let method = progress.method;
  let keyOptions = progress.webauthn;
  // No method to ask (none usable): a recovery code is the way.
  let recovery = !method && progress.recovery_codes_available;
  // Whether a code went out to `method`: the answer's at first, then the switch's.
  let sent = progress.code_sent;
  const label = h("label", { for: "code" }, "Code");
  const input = h("input", { id: "code", name: "code", autocomplete: "one-time-code", required: true, autofocus: true });
  const where = h("p", {}, whereTheCodeIs(method, progress.code_sent));
  const toggle = h("button", { type: "button", class: "link", hidden: !progress.recovery_codes_available }, "Use a recovery code");
  const switchers = h("div", { class: "methods" });
  const codeForm = h("div", {});
  const useKeyButton = h("button", { type: "button" }, "Continue with your key");
  useKeyButton.addEventListener("click", async () => {
    if (!keyOptions) return say(alert, "Choose another method.");
    let credential;
    try {
      credential = await useKey(keyOptions);
    } catch (e) {
      return say(alert, keyTrouble(e));
    }
    const result = await settle(
      latchkey.api.POST("/password-reset/{reset_id}/second-factor", {
        params: { path: { reset_id: progress.reset_id } },
        body: { credential },
      }),
    );
    if (result.ok) next(result.value);
    else say(alert, messageFor(result.error));
  });
  const render = () => {
    const keyInPlay = method?.kind === "webauthn" && !recovery;
    useKeyButton.hidden = !keyInPlay;
    codeForm.hidden = keyInPlay;
    where.textContent = recovery ? "Type one of your recovery codes. Each works once." : whereTheCodeIs(method, sent);
    label.textContent = recovery ? "Recovery code" : "Code";
    input.setAttribute("inputmode", recovery ? "text" : "numeric");
    toggle.textContent = recovery ? "Use a code instead" : "Use a recovery code";
    switchers.replaceChildren(
      ...progress.methods
        .filter((m) => m.id !== method?.id && !m.disabled)
        .map((m) => h("button", { type: "button", class: "secondary", onclick: () => switchTo(m) }, `Use ${KIND_NAMES[m.kind]} (${m.hint}) instead`)),
    );
  };
  const switchTo = async (chosen: Schemas["MethodSummary"]) => {
    const result = await settle(
      latchkey.api.POST("/password-reset/{reset_id}/method", {
        params: { path: { reset_id: progress.reset_id } },
        body: { method_id: chosen.id },
      }),
    );
    if (!result.ok) return say(alert, messageFor(result.error));
    method = result.value.method;
    keyOptions = result.value.webauthn;
    recovery = false;
    sent = method.kind !== "totp" && method.kind !== "webauthn";
    render();
    say(alert, undefined);
  };
  toggle.addEventListener("click", () => {
    recovery = !recovery;
    render();
  });
  codeForm.append(
    form(
      async (f) => {
        const value = valueOf(f, "code");
        const result = await settle(
          latchkey.api.POST("/password-reset/{reset_id}/second-factor", {
            params: { path: { reset_id: progress.reset_id } },
            body: recovery ? { recovery_code: value } : { code: value },
          }),
        );
        if (result.ok) next(result.value);
        else say(alert, messageFor(result.error));
      },
      h("p", { class: "field" }, label, input),
      h("button", { type: "submit" }, "Continue"),
    ),
  );
  show(h("h1", { tabindex: -1 }, "Two-step verification"), where, codeForm, useKeyButton, alert, switchers, toggle);
  render();
}

function askPassword(resetId: Schemas["ResetStarted"]["reset_id"]): void {
  const alert = alertBox();
  show(
    h("h1", { tabindex: -1 }, "Choose a new password"),
    form(
      async (f) => {
        const result = await settle(
          latchkey.api.POST("/password-reset/{reset_id}/complete", {
            params: { path: { reset_id: resetId } },
            body: { new_password: (f.elements.namedItem("password") as HTMLInputElement).value },
          }),
        );
        if (result.ok) showSignIn("Your password is changed. Sign in with it.");
        else say(alert, messageFor(result.error));
      },
      field("New password", "password", { type: "password", autocomplete: "new-password", required: true, autofocus: true }),
      alert,
      h("button", { type: "submit" }, "Change password"),
    ),
  );
}
