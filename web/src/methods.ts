// The names of second-factor kinds as users read them, and the body that enrolls one.
import type { Schemas } from "@latchkey/client";

export type Kind = Schemas["MethodKind"];

export const KIND_TITLES: Record<Kind, string> = {
  totp: "Authenticator app",
  sms: "Text message",
  email: "Email",
  webauthn: "Security key or passkey",
};

/** The same, inside a sentence ("Use text message (+358 ••• •• 67) instead"). */
export const KIND_NAMES: Record<Kind, string> = {
  totp: "authenticator app",
  sms: "text message",
  email: "email",
  webauthn: "your security key",
};

/** `destination`: the phone number for `sms`, the address for `email` (absent: the profile's),
 * the key's name for `webauthn`. */
export function enrollBody(kind: Kind, destination?: string, passkey = false) {
  switch (kind) {
    case "webauthn":
      return { kind, name: destination || undefined, passkey };
    case "totp":
      return { kind } as const;
    case "sms":
      return { kind, phone_number: destination || undefined };
    case "email":
      return { kind, email: destination || undefined };
  }
}
