import { settle, type Schemas } from "@latchkey/client";
import { countdown } from "../countdown";
import { alertBox, checked, form, h, say, show, valueOf } from "../dom";
import { deliveryBox, deliveryNote } from "../errors";
import { KIND_NAMES } from "../methods";
import { latchkey } from "../session";
import { keyTrouble, useKey } from "../webauthn";
import { follow, refused, type Who } from "./flow";

type Challenge = Schemas["SecondFactorRequired"];
type Method = Schemas["MethodSummary"];

function whereTheCodeIs(method: Method, sent: boolean): string {
  switch (method.kind) {
    case "totp":
      return "Type the 6-digit code from your authenticator app.";
    case "sms":
      return sent ? `We sent a code by text message to ${method.hint}.` : `Send a code by text message to ${method.hint}.`;
    case "email":
      return sent ? `We sent a code by email to ${method.hint}.` : `Send a code by email to ${method.hint}.`;
    case "webauthn":
      return "Use your security key or passkey: press Continue, then touch the key or unlock this device.";
  }
}

export function showSecondFactor(challenge: Challenge, who: Who): void {
  let method = challenge.method;
  let keyOptions = challenge.webauthn;
  let useRecovery = false;
  const alert = alertBox();
  const where = h("p", { "data-testid": "where" }, whereTheCodeIs(method, challenge.code_sent));
  const codeField = h(
    "p",
    { class: "field" },
    h("label", { for: "code" }, "Code"),
    h("input", {
      id: "code",
      name: "code",
      inputmode: "numeric",
      autocomplete: "one-time-code",
      required: true,
      autofocus: true,
    }),
  );
  const resend = h("button", { type: "button", class: "secondary" }, "Send new code");
  const switchers = h("div", { class: "methods" });
  const useKeyButton = h("button", { type: "button" }, "Continue with your key");
  const codeForm = h("div", {});
  const recoveryToggle = h("button", { type: "button", class: "link" }, "Use a recovery code");

  // What the screen shows now: whether a code went out, and when another may be asked for.
  let sent = challenge.code_sent;
  let resendAt: string | null | undefined = challenge.resend_available_at;
  const render = () => {
    where.textContent = useRecovery
      ? "Type one of your recovery codes. Each works once."
      : whereTheCodeIs(method, sent);
    const label = codeField.querySelector("label");
    if (label) label.textContent = useRecovery ? "Recovery code" : "Code";
    // Recovery codes hold letters: a phone must offer its full keyboard for them.
    codeField.querySelector("input")?.setAttribute("inputmode", useRecovery ? "text" : "numeric");
    const keyInPlay = method.kind === "webauthn" && !useRecovery;
    useKeyButton.hidden = !keyInPlay;
    codeForm.hidden = keyInPlay;
    resend.hidden = useRecovery || method.kind === "totp" || method.kind === "webauthn";
    countdown(resend, "Send new code", resendAt ? new Date(resendAt) : undefined);
    switchers.replaceChildren(
      ...challenge.methods
        .filter((m) => m.id !== method.id && !m.disabled)
        .map((m) =>
          h(
            "button",
            { type: "button", class: "secondary", onclick: () => switchTo(m) },
            `Use ${KIND_NAMES[m.kind]} (${m.hint}) instead`,
          ),
        ),
    );
    recoveryToggle.hidden = !challenge.recovery_codes_available;
    recoveryToggle.textContent = useRecovery ? "Use a code instead" : "Use a recovery code";
  };

  const switchTo = async (next: Method) => {
    const result = await settle(
      latchkey.api.POST("/challenges/{challenge_id}/method", {
        params: { path: { challenge_id: challenge.challenge_id } },
        body: { method_id: next.id },
      }),
    );
    if (!result.ok) return refused(result.error, (m) => say(alert, m));
    method = result.value.method;
    keyOptions = result.value.webauthn;
    useRecovery = false;
    sent = result.value.code_sent;
    resendAt = result.value.resend_available_at;
    render();
    say(alert, deliveryNote(result.value));
  };

  resend.addEventListener("click", async () => {
    const result = await settle(
      latchkey.api.POST("/challenges/{challenge_id}/resend", {
        params: { path: { challenge_id: challenge.challenge_id } },
      }),
    );
    if (result.ok) {
      sent = result.value.code_sent;
      resendAt = result.value.resend_available_at;
      render();
      say(alert, deliveryNote(result.value) ?? "A new code is on its way.");
      return;
    }
    if (result.error.code === "resend_too_soon") countdown(resend, "Send new code", result.error.until());
    refused(result.error, (m) => say(alert, m));
  });

  useKeyButton.addEventListener("click", async () => {
    if (!keyOptions) return say(alert, "Choose another method.");
    useKeyButton.disabled = true;
    try {
      let credential;
      try {
        credential = await useKey(keyOptions);
      } catch (e) {
        return say(alert, keyTrouble(e));
      }
      const result = await latchkey.verify({ challenge_id: challenge.challenge_id, credential });
      if (result.ok) follow(result.value, who);
      else refused(result.error, (m) => say(alert, m));
    } finally {
      useKeyButton.disabled = false;
    }
  });

  recoveryToggle.addEventListener("click", () => {
    useRecovery = !useRecovery;
    render();
  });

  codeForm.append(form(
      async (f) => {
        const value = valueOf(f, "code");
        const result = await latchkey.verify({
          challenge_id: challenge.challenge_id,
          ...(useRecovery ? { recovery_code: value } : { code: value }),
          remember_device: checked(f, "remember"),
        });
        if (result.ok) follow(result.value, who);
        else refused(result.error, (m) => say(alert, m));
      },
      codeField,
      h(
        "p",
        { class: "check" },
        h("input", { type: "checkbox", id: "remember", name: "remember" }),
        h("label", { for: "remember" }, "Remember this device"),
      ),
      h("button", { type: "submit" }, "Verify"),
    ));
  show(
    h("h1", { tabindex: -1 }, "Two-step verification"),
    where,
    codeForm,
    useKeyButton,
    alert,
    resend,
    switchers,
    recoveryToggle,
    deliveryBox(challenge),
  );
  render();
}
