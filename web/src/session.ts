// The signed-in session lives in sessionStorage (this tab only); remembered-device tokens in
// localStorage, one per company and user.
import { createLatchkey, settle, type Authenticated } from "@latchkey/client";

export const latchkey = createLatchkey({ baseUrl: window.location.origin });

const SESSION = "latchkey.session";

export function saveSession(session: Authenticated): void {
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  latchkey.setAccessToken(session.access_token);
}

export function currentSession(): Authenticated | undefined {
  const raw = sessionStorage.getItem(SESSION);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Authenticated;
  latchkey.setAccessToken(session.access_token);
  return session;
}

/** A new pair for the stored refresh token (the access token expired); false when refused. */
export async function refreshSession(): Promise<boolean> {
  const session = currentSession();
  if (!session) return false;
  const result = await settle(latchkey.api.POST("/token/refresh", { body: { refresh_token: session.refresh_token } }));
  if (!result.ok) return false;
  saveSession(result.value);
  return true;
}

export function forgetSession(): void {
  sessionStorage.removeItem(SESSION);
  latchkey.setAccessToken(undefined);
}

const deviceKey = (tenant: string, identifier: string) =>
  `latchkey.device.${tenant.toLowerCase()}.${identifier.toLowerCase()}`;

export function deviceToken(tenant: string, identifier: string): string | undefined {
  return localStorage.getItem(deviceKey(tenant, identifier)) ?? undefined;
}

export function rememberDevice(tenant: string, identifier: string, token: string): void {
  localStorage.setItem(deviceKey(tenant, identifier), token);
}

/** The claims of the access token, as the app shows them (verification is the backend's job). */
export function claimsOf(accessToken: string): Record<string, unknown> {
  const part = accessToken.split(".")[1] ?? "";
  const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(json) as Record<string, unknown>;
}

const TENANT = "latchkey.tenant";

/** The company ID last signed in to on this browser (prefilled, and passkeys offered for it). */
export function lastTenant(): string | undefined {
  return localStorage.getItem(TENANT) ?? undefined;
}

export function rememberTenant(tenant: string): void {
  localStorage.setItem(TENANT, tenant);
}
