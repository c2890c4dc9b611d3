// What the browser tests need around the page: an administrator (the admin API, as a backend
// would call it), the messages Latchkey sent, and an authenticator app (RFC 6238, computed here
// from the secret the page lets the user copy).
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { createHmac, randomBytes } from "node:crypto";

export const PASSWORD = "correct horse battery staple";
const adminKey = process.env.WEBTEST_ADMIN_KEY ?? "";
const receiver = `http://127.0.0.1:${process.env.WEBTEST_RECEIVER_PORT}`;

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function admin(request: APIRequestContext, method: "POST" | "PATCH" | "PUT", path: string, data: object) {
  const response = await request.fetch(`/admin${path}`, {
    method,
    data,
    headers: { Authorization: `Bearer ${adminKey}` },
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBeTruthy();
  return response.json();
}

/** A tenant with the given second-factor rule; its public URL is this app, for mailed links. */
export async function tenant(request: APIRequestContext, twoFactor: "off" | "optional" | "prompted" | "required") {
  const slug = unique("clinic");
  await admin(request, "POST", "/tenants", { slug, name: "Acme Clinic", two_factor: twoFactor });
  await admin(request, "PATCH", `/tenants/${slug}`, { public_url: `http://127.0.0.1:${process.env.WEBTEST_PORT}/ui` });
  return slug;
}

export async function user(request: APIRequestContext, slug: string, extra: object = {}) {
  const email = `${unique("user")}@example.com`;
  await admin(request, "POST", `/tenants/${slug}/users`, { email, password: PASSWORD, ...extra });
  return email;
}

interface Sent {
  channel: "sms" | "email";
  to: string;
  body: string;
  code?: string | null;
}

async function messages(request: APIRequestContext): Promise<Sent[]> {
  return (await request.get(`${receiver}/messages`)).json();
}

/** The newest message to `to` once it arrived (the outbox sends in the background). */
export async function lastMessage(request: APIRequestContext, to: string, after = 0): Promise<Sent> {
  let found: Sent | undefined;
  await expect
    .poll(async () => {
      const sent = (await messages(request)).filter((m) => m.to === to);
      found = sent.length > after ? sent[sent.length - 1] : undefined;
      return found !== undefined;
    }, { timeout: 15_000 })
    .toBe(true);
  return found as Sent;
}

/** The next `count` deliveries to `to` fail with `status` (500: a gateway outage Latchkey retries). */
export async function failNextTo(request: APIRequestContext, to: string, count: number, status = 500): Promise<void> {
  const response = await request.post(`${receiver}/fail`, { data: { to, status, count } });
  expect(response.status()).toBe(204);
}

export async function countTo(request: APIRequestContext, to: string): Promise<number> {
  return (await messages(request)).filter((m) => m.to === to && m.code).length;
}

/** The newest code sent to `to` once more than `after` codes went there (security notices,
 * which carry no code, do not count). */
export async function lastCode(request: APIRequestContext, to: string, after = 0): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const codes = (await messages(request)).filter((m) => m.to === to && m.code).map((m) => m.code ?? "");
      code = codes.length > after ? codes[codes.length - 1] : "";
      return code !== "";
    }, { timeout: 15_000 })
    .toBe(true);
  return code;
}

function base32(secret: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator app shows for `secret` (SHA1, 6 digits, 30 s) at `at`. */
export function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

/** A code of a time step not used yet: each step signs in once. */
export async function freshTotp(secret: string, used: Set<string>): Promise<string> {
  for (;;) {
    const code = totp(secret);
    const step = String(Math.floor(Date.now() / 30_000));
    if (!used.has(step)) {
      used.add(step);
      return code;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function signIn(page: Page, slug: string, identifier: string, password = PASSWORD) {
  await page.goto("/ui/");
  await page.getByLabel("Company ID").fill(slug);
  await page.getByLabel("Email or user name").fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** On the enrollment screen: picks the authenticator app, copies the secret as a user would,
 * and confirms with a code computed from it. Returns the secret. */
export async function enrollAuthenticatorApp(page: Page, used: Set<string>): Promise<string> {
  await page.getByRole("button", { name: "Authenticator app" }).click();
  await page.getByRole("button", { name: "Copy secret key" }).click();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  await page.getByLabel("Code").fill(await freshTotp(secret, used));
  await page.getByRole("button", { name: "Continue" }).click();
  return secret;
}
