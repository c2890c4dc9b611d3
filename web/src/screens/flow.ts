// Where each answer of the login API leads: the one place that switches on `status`.
import type { LoginResponse, LatchkeyError, Schemas } from "@latchkey/client";
import { messageFor } from "../errors";
import { rememberDevice, saveSession } from "../session";
import { showHome } from "../home";
import { showEnrollment } from "./enrollment";
import { showLocked } from "./locked";
import { showSecondFactor } from "./secondFactor";

/** Who is signing in, for the remembered-device token. */
export interface Who {
  tenant: string;
  identifier: string;
}

/** `chosen`: a kind the user already picked (on the invitation page), enrolled at once. */
export function follow(step: LoginResponse, who: Who, chosen?: Schemas["MethodKind"]): void {
  switch (step.status) {
    case "authenticated":
      if (step.device_token) rememberDevice(who.tenant, who.identifier, step.device_token);
      saveSession(step);
      showHome(step.warnings ?? []);
      return;
    case "second_factor_required":
      showSecondFactor(step, who);
      return;
    case "enrollment_required":
      showEnrollment(step, who, false, chosen);
      return;
    case "enrollment_suggested":
      showEnrollment(step, who, true);
      return;
  }
}

/** A refusal that ends the screen (a lock) leads away; others are said where they happened. */
export function refused(error: LatchkeyError, say: (message: string) => void): void {
  if (error.code === "account_locked") return showLocked(error);
  if (error.code === "sso_required" && error.ssoUrl?.startsWith("https://")) {
    window.location.assign(error.ssoUrl);
    return;
  }
  say(messageFor(error));
}
