// The hand-written layer over the generated types (`schema.d.ts`) and openapi-fetch: errors as
// typed values carrying their stable codes, `Retry-After` exposed, and the login steps as a
// union to switch on. Every call goes through `api`, typed from the OpenAPI document.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, paths } from "./schema";
export type Schemas = components["schemas"];
export type ErrorCode = Schemas["ErrorCode"];
export type LoginResponse = Schemas["LoginResponse"];
export type LoginStatus = LoginResponse["status"];
export type Authenticated = Schemas["Authenticated"];
export type MethodKind = Schemas["MethodKind"];
/** WebAuthn options to create a key (`{publicKey}`: for `PublicKeyCredential.parseCreationOptionsFromJSON`). */
export type WebauthnCreationOptions = Schemas["CreationOptionsJson"];
/** WebAuthn options to sign with a key (`{publicKey, mediation?}`: for `parseRequestOptionsFromJSON`). */
export type WebauthnRequestOptions = Schemas["RequestOptionsJson"];
/** A key's answer, `credential.toJSON()`: send it as `credential`. */
export type WebauthnCredential = Schemas["CredentialJson"];
export type PasskeyLoginStarted = Schemas["PasskeyLoginStarted"];

/** A refusal from Latchkey (or no answer at all: `network_error`). */
export class LatchkeyError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network_error" | "unexpected_response";
  /** Seconds to wait before trying again (423, 429, 503), from the body or `Retry-After`. */
  readonly retryAfter?: number;
  /** Wrong codes (or refused key answers) left before the account locks (with `invalid_code`,
   * `invalid_credential` or `user_verification_required` at a second-factor step). */
  readonly attemptsRemaining?: number;
  /** Where to sign in instead (with `sso_required`). */
  readonly ssoUrl?: string;
  readonly requestId?: string;

  constructor(init: {
    status: number;
    code: LatchkeyError["code"];
    message: string;
    retryAfter?: number;
    attemptsRemaining?: number;
    ssoUrl?: string;
    requestId?: string;
  }) {
    super(init.message);
    this.name = "LatchkeyError";
    this.status = init.status;
    this.code = init.code;
    this.retryAfter = init.retryAfter;
    this.attemptsRemaining = init.attemptsRemaining;
    this.ssoUrl = init.ssoUrl;
    this.requestId = init.requestId;
  }

  /** When a lock (`account_locked`) or a wait ends, as seen from `now`. */
  until(now: Date = new Date()): Date | undefined {
    return this.retryAfter === undefined ? undefined : new Date(now.getTime() + this.retryAfter * 1000);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LatchkeyError };

type Answer<T> = { data?: T; error?: unknown; response: Response };

function retryAfterOf(body: Partial<Schemas["ErrorBody"]> | undefined, response: Response): number | undefined {
  if (typeof body?.retry_after === "number") return body.retry_after;
  const header = Number(response.headers.get("Retry-After"));
  return Number.isFinite(header) && header > 0 ? header : undefined;
}

/** Turns an openapi-fetch answer into a `Result`; never throws. */
export async function settle<T>(request: Promise<Answer<T>>): Promise<Result<T>> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: new LatchkeyError({ status: 0, code: "network_error", message }) };
  }
  const { response } = answer;
  if (response.ok) return { ok: true, value: answer.data as T };
  const body = (typeof answer.error === "object" && answer.error !== null ? answer.error : undefined) as
    | Partial<Schemas["ErrorBody"]>
    | undefined;
  return {
    ok: false,
    error: new LatchkeyError({
      status: response.status,
      code: body?.error ?? "unexpected_response",
      message: body?.message ?? `HTTP ${response.status}`,
      retryAfter: retryAfterOf(body, response),
      attemptsRemaining: body?.attempts_remaining ?? undefined,
      ssoUrl: body?.sso_url ?? undefined,
      requestId: body?.request_id ?? response.headers.get("X-Request-Id") ?? undefined,
    }),
  };
}

export interface LatchkeyOptions {
  /** Where Latchkey answers, e.g. `https://auth.example.com` (no trailing slash needed). */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
}

export interface Latchkey {
  /** Every endpoint, typed from the OpenAPI document (openapi-fetch). */
  api: Client<paths>;
  /** The access token sent as `Authorization: Bearer …` from now on (`undefined`: none). */
  setAccessToken(token: string | undefined): void;
  /** `POST /login`: the first step; switch on `status` of the value. */
  login(body: Schemas["LoginRequest"]): Promise<Result<LoginResponse>>;
  /** `POST /verify`: a code, a recovery code or a key's answer (`credential`) for the challenge. */
  verify(body: Schemas["VerifyRequest"]): Promise<Result<LoginResponse>>;
  /** `POST /login/passkey`: a passkey sign-in for the tenant; sign `webauthn`, then `verify`. */
  loginWithPasskey(tenant: string): Promise<Result<PasskeyLoginStarted>>;
}

export function createLatchkey(options: LatchkeyOptions): Latchkey {
  let accessToken: string | undefined;
  const api = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ""), fetch: options.fetch });
  api.use({
    onRequest({ request }) {
      if (accessToken && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${accessToken}`);
      }
      return request;
    },
  });
  return {
    api,
    setAccessToken(token) {
      accessToken = token;
    },
    login: (body) => settle(api.POST("/login", { body })),
    verify: (body) => settle(api.POST("/verify", { body })),
    loginWithPasskey: (tenant) => settle(api.POST("/login/passkey", { body: { tenant } })),
  };
}

/** The login step a response leads to, for a `switch` over `step.status`. */
export function isSignedIn(step: LoginResponse): step is Extract<LoginResponse, { status: "authenticated" }> {
  return step.status === "authenticated";
}
