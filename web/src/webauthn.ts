// The browser's side of security keys and passkeys: Latchkey sends WebAuthn Level 3 JSON, which
// goes straight into the browser's parsers, and takes `credential.toJSON()` back.
import type { Schemas } from "@latchkey/client";

type Creation = Schemas["CreationOptionsJson"];
type Request = Schemas["RequestOptionsJson"];
export type KeyAnswer = Schemas["CredentialJson"];
type Registration = Schemas["RegistrationResponseJSON"];
type Assertion = Schemas["AuthenticationResponseJSON"];

/** Whether this browser can use keys with JSON options (every current browser). */
export function keysSupported(): boolean {
  return (
    typeof PublicKeyCredential !== "undefined" &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
    typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function"
  );
}

/** Whether the browser offers passkeys as autofill on a field (conditional mediation). */
export async function autofillSupported(): Promise<boolean> {
  return keysSupported() && typeof PublicKeyCredential.isConditionalMediationAvailable === "function"
    ? PublicKeyCredential.isConditionalMediationAvailable()
    : false;
}

/** Creates a key with the options of an enrollment. */
export async function createKey(options: Creation): Promise<Registration> {
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(
    options.publicKey as unknown as PublicKeyCredentialCreationOptionsJSON,
  );
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException("no key answered", "NotAllowedError");
  return credential.toJSON() as unknown as Registration;
}

/** Signs a challenge's options with one of the user's keys (or, for a passkey sign-in, any
 * passkey the browser holds; `conditional` offers them as autofill). */
export async function useKey(options: Request, conditional?: AbortSignal): Promise<Assertion> {
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(
    options.publicKey as unknown as PublicKeyCredentialRequestOptionsJSON,
  );
  const request: CredentialRequestOptions = conditional
    ? { publicKey, mediation: "conditional", signal: conditional }
    : { publicKey };
  const credential = (await navigator.credentials.get(request)) as PublicKeyCredential | null;
  if (!credential) throw new DOMException("no key answered", "NotAllowedError");
  return credential.toJSON() as unknown as Assertion;
}

/** What to tell the person when the browser's ceremony failed (before Latchkey saw anything). */
export function keyTrouble(error: unknown): string | undefined {
  console.warn("the key ceremony failed:", error);
  const name = error instanceof DOMException ? error.name : "";
  switch (name) {
    case "AbortError":
      return undefined; // the page itself cancelled it (autofill replaced by a button)
    case "InvalidStateError":
      return "This key is already registered. Use another key.";
    case "NotAllowedError":
      return "The key did not confirm it is you (no touch, no PIN or fingerprint, or cancelled). Try again, or use another method.";
    case "SecurityError":
      return "This page's address cannot use security keys. Open the sign-in page at its usual address.";
    default:
      return "Your browser could not use the key. Try again, or use another method.";
  }
}
