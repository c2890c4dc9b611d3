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
