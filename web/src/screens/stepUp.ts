// A second factor again, for a change that needs one (the account page's, the console's
// sensitive actions): a step-up challenge, then `/verify` opens a new session.
import { settle, type LatchkeyError } from "@latchkey/client";
import { alertBox, field, form, h, say, show, time, valueOf } from "../dom";
import { messageFor } from "../errors";
import { forgetSession, latchkey, saveSession } from "../session";
import { keyTrouble, useKey, type KeyAnswer } from "../webauthn";
import { showSignIn } from "./signIn";

export function isSignedOut(error: LatchkeyError): boolean {
  return error.code === "invalid_token" || error.code === "missing_credentials";
}

export function signedOut(error: LatchkeyError): void {
  forgetSession();
  showSignIn(messageFor(error));
}

/** `back` draws the page that asked again; `then` runs with the new session, on that page. */
export async function stepUp(back: () => Promise<void>, then: () => Promise<void>): Promise<void> {
  const alert = alertBox();
  const challenge = await settle(latchkey.api.POST("/me/step-up"));
  if (!challenge.ok) {
    if (isSignedOut(challenge.error)) return signedOut(challenge.error);
    return void back().then(() => say(document.querySelector<HTMLElement>("#app .alert") ?? alert, messageFor(challenge.error)));
  }
  const finish = async (proof: { code: string } | { credential: KeyAnswer }) => {
    const result = await latchkey.verify({ challenge_id: challenge.value.challenge_id, ...proof });
    if (!result.ok) return say(alert, messageFor(result.error));
    if (result.value.status !== "authenticated") return say(alert, messageFor({ code: "unexpected_response" } as LatchkeyError));
    // The step-up opened a new session: end the one it replaces.
    await settle(latchkey.api.POST("/logout"));
    saveSession(result.value);
    await back();
    await then();
  };
  const keyOptions = challenge.value.webauthn;
  const method = challenge.value.method;
  show(
    h("h1", { tabindex: -1 }, "Confirm it is you"),
    h(
      "p",
      {},
      method.kind === "webauthn"
        ? "Use your security key or passkey."
        : method.kind === "totp"
          ? "Type the code from your authenticator app."
          : `We sent a code to ${method.hint}.`,
    ),
    keyOptions
      ? form(
          async () => {
            try {
              await finish({ credential: await useKey(keyOptions) });
            } catch (e) {
              say(alert, keyTrouble(e));
            }
          },
          alert,
          h("button", { type: "submit", autofocus: true }, "Continue with your key"),
        )
      : form(
          async (f) => finish({ code: valueOf(f, "code") }),
          field("Code", "code", { inputmode: "numeric", autocomplete: "one-time-code", autofocus: true }),
          alert,
          h("button", { type: "submit" }, "Continue"),
        ),
    h("p", {}, `This code is valid until ${time(challenge.value.expires_at)}.`),
  );
}
