// Compiled (never run) by `npm test`: values the document does not allow must not compile.
import type { Schemas } from "../src/index";

type MethodView = Schemas["MethodSummary"];
type User = Schemas["UserView"];

// @ts-expect-error: not a method kind
export const pigeon: Schemas["MethodKind"] = "carrier-pigeon";
// @ts-expect-error: not a two-factor mode
export const sometimes: Schemas["TwoFactorMode"] = "sometimes";
// @ts-expect-error: not an RFC 3339 date-time
export const yesterday: User["created_at"] = "yesterday";
// @ts-expect-error: not a UUID
export const badId: MethodView["id"] = "42";

export const fine: User["created_at"] = "2026-11-25T09:30:00Z";
export const kind: Schemas["MethodKind"] = "totp";

// WebAuthn: the answer the browser's credential.toJSON() gives, typed; one proof per /verify.
import type { WebauthnCredential } from "../src/index";
export const keyAnswer: WebauthnCredential = {
  id: "AAEC",
  rawId: "AAEC",
  type: "public-key",
  response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "MEUC", userHandle: null },
  clientExtensionResults: {},
};
export const withKey: Schemas["VerifyRequest"] = { challenge_id: "0f4c8a2e-6b1d-4c5f-9a3e-7b2d1c6f8a90", credential: keyAnswer };
export const passkey: Schemas["EnrollRequest"] = { kind: "webauthn", name: "YubiKey 5", passkey: true };
// @ts-expect-error: passkey is only for webauthn
export const passkeyTotp: Schemas["EnrollRequest"] = { kind: "totp", passkey: true };
