import { expect, test } from "@playwright/test";
import { countTo, enrollAuthenticatorApp, failNextTo, freshTotp, lastCode, shot, signIn, tenant, user } from "./support";

test("sign in without a second factor and see the token's claims", async ({ page, request }) => {
  const slug = await tenant(request, "off");
  const email = await user(request, slug);
  await signIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.locator('[data-claim="tenant"]')).toHaveText(slug);
  await expect(page.locator('[data-claim="amr"]')).toHaveText("pwd");
  await shot(page, "signed-in");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await signIn(page, slug, email, "not the password");
  await expect(page.getByRole("alert")).toHaveText("The company ID, user name or password is wrong.");
});

test("an authenticator app set up at login (QR code, copied secret), then asked for, then a remembered device", async ({ page, request }) => {
  const slug = await tenant(request, "required");
  const email = await user(request, slug);
  const used = new Set<string>();
  await signIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Set up two-step verification" })).toBeVisible();
  await page.getByRole("button", { name: "Authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await shot(page, "enroll-totp");
  await page.getByRole("button", { name: "Copy secret key" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel("Code").fill(await freshTotp(secret, used));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.locator('[data-claim="amr"]')).toHaveText("pwd otp mfa");
  await page.getByRole("button", { name: "Sign out" }).click();

  // Asked for at the next login; this device is remembered.
  await signIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  await expect(page.getByTestId("where")).toHaveText("Type the 6-digit code from your authenticator app.");
  await shot(page, "second-factor");
  await page.getByLabel("Code").fill(await freshTotp(secret, used));
  await page.getByLabel("Remember this device").check();
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("devices").getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Sign out" }).click();

  // The remembered device skips the second factor...
  await signIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.locator('[data-claim="amr"]')).toHaveText("pwd");
  // ... until it is forgotten.
  await page.getByTestId("devices").getByRole("button", { name: /^Forget/ }).click();
  await expect(page.getByText("No device skips the second step.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
});

test("SMS at login asks for the phone number first, then the code; a new code waits for its countdown", async ({ page, request }) => {
  const slug = await tenant(request, "required");
  const email = await user(request, slug);
  await signIn(page, slug, email);
  await page.getByRole("button", { name: "Text message" }).click();
  await expect(page.getByRole("heading", { name: "Your phone number" })).toBeVisible();
  await page.getByLabel("Phone number").fill("+358 40 123 4567");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Code").fill(await lastCode(request, "+358401234567"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  const before = await countTo(request, "+358401234567");
  await signIn(page, slug, email);
  await expect(page.getByTestId("where")).toHaveText("We sent a code by text message to +358 ••• •• 67.");
  const resend = page.getByRole("button", { name: /Send new code/ });
  await expect(resend).toBeDisabled();
  await expect(resend).toHaveText(/Send new code \(\d+ s\)/);
  const first = Number((await resend.textContent())?.match(/\d+/)?.[0]);
  await expect.poll(async () => Number((await resend.textContent())?.match(/\d+/)?.[0] ?? 0)).toBeLessThan(first);
  await shot(page, "resend-countdown");
  const code = await lastCode(request, "+358401234567", before);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator('[data-claim="amr"]')).toHaveText("pwd sms mfa");
});

test("a code the gateway failed to take is on its way: the page says so, and the retried code signs in", async ({ page, request }) => {
  const slug = await tenant(request, "required");
  const email = await user(request, slug);
  await failNextTo(request, "+358405556677", 1);
  await signIn(page, slug, email);
  await page.getByRole("button", { name: "Text message" }).click();
  await page.getByLabel("Phone number").fill("+358 40 555 6677");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "The code is on its way; it may take a minute. There is no need to ask for another.",
  );
  await shot(page, "code-delayed");
  // The outbox retries after its backoff (about 5 s): that very code arrives and signs in.
  await page.getByLabel("Code").fill(await lastCode(request, "+358405556677"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("switch to another method within the challenge", async ({ page, request }) => {
  const slug = await tenant(request, "required");
  const email = await user(request, slug, { phone_number: "+358401112233" });
  const used = new Set<string>();
  await signIn(page, slug, email);
  await enrollAuthenticatorApp(page, used);
  // A second method, by text message, from the account page.
  await page.getByRole("button", { name: "Add text message" }).click();
  await page.getByLabel("Phone number").fill("+358401112233");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Code").fill(await lastCode(request, "+358401112233"));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("methods").getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "Sign out" }).click();

  const before = await countTo(request, "+358401112233");
  await signIn(page, slug, email);
  await page.getByRole("button", { name: /Use text message/ }).click();
  await expect(page.getByTestId("where")).toHaveText("We sent a code by text message to +358 ••• •• 33.");
  await page.getByLabel("Code").fill(await lastCode(request, "+358401112233", before));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator('[data-claim="amr"]')).toHaveText("pwd sms mfa");

  // The text message becomes the primary method, and the app is removed.
  const methods = page.getByTestId("methods");
  await methods.locator('[data-kind="sms"]').getByRole("button", { name: /^Make primary/ }).click();
  await expect(methods.locator('[data-kind="sms"]')).toContainText("primary");
  await methods.locator('[data-kind="totp"]').getByRole("button", { name: /^Remove/ }).click();
  await expect(methods.getByRole("listitem")).toHaveCount(1);
  await expect(methods.locator('[data-kind="sms"]')).toBeVisible();
});

test("skip the suggestion, then do not show it again", async ({ page, request }) => {
  const slug = await tenant(request, "prompted");
  const email = await user(request, slug);
  await signIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Protect your account" })).toBeVisible();
  await shot(page, "enrollment-suggested");
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, slug, email);
  await page.getByRole("button", { name: "Do not show this again" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("a recovery code signs in once; five wrong codes lock the account with the time it ends", async ({ page, request }) => {
  const slug = await tenant(request, "required");
  const email = await user(request, slug);
  const used = new Set<string>();
  await signIn(page, slug, email);
  await enrollAuthenticatorApp(page, used);
  await page.getByRole("button", { name: "New recovery codes" }).click();
  // allTextContents does not wait: wait for the list the answer draws first.
  const items = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(items).toHaveCount(10);
  const codes = await items.allTextContents();
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, slug, email);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator('[data-warning="recovery_code_used"]')).toBeVisible();
  await expect(page.getByTestId("recovery-left")).toHaveText("Recovery codes left: 9");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, slug, email);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel("Code").fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert")).toContainText(`${5 - attempt} ${5 - attempt === 1 ? "attempt" : "attempts"} left`);
  }
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("locked")).toHaveText(/You can try again at \d{1,2}[:.]\d{2}/);
  await shot(page, "locked");
});

test("a code by email at login; a remembered device's session steps up before new recovery codes", async ({ page, request }) => {
  const slug = await tenant(request, "required");
  const email = await user(request, slug, { email_verified: true });
  await signIn(page, slug, email);
  await page.getByRole("button", { name: "Email" }).click();
  await expect(page.getByText(/We sent a code to/)).toBeVisible();
  await page.getByLabel("Code").fill(await lastCode(request, email));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator('[data-claim="amr"]')).toHaveText("pwd otp mfa");
  await page.getByRole("button", { name: "Sign out" }).click();

  // Remember this device: the next session has the password only...
  const before = await countTo(request, email);
  await signIn(page, slug, email);
  await page.getByLabel("Code").fill(await lastCode(request, email, before));
  await page.getByLabel("Remember this device").check();
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, slug, email);
  await expect(page.locator('[data-claim="amr"]')).toHaveText("pwd");

  // ... so new recovery codes ask for the second factor again first.
  const beforeStepUp = await countTo(request, email);
  await page.getByRole("button", { name: "New recovery codes" }).click();
  await expect(page.getByRole("heading", { name: "Confirm it is you" })).toBeVisible();
  await page.getByLabel("Code").fill(await lastCode(request, email, beforeStepUp));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
});
