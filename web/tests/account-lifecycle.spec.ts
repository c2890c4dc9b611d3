import { expect, test } from "@playwright/test";
import { admin, enrollAuthenticatorApp, freshTotp, lastCode, lastMessage, PASSWORD, shot, signIn, tenant, unique, user } from "./support";

const NEW_PASSWORD = "a brand new passphrase 42";

test("an invitation link registers the user, who sets up an authenticator app on the way", async ({ page, request }) => {
  const slug = await tenant(request, "optional");
  const email = `${unique("invitee")}@example.com`;
  await admin(request, "POST", `/tenants/${slug}/invitations`, { email });
  const mail = await lastMessage(request, email);
  const link = mail.body.match(/https?:\/\/\S+\/invitation#token=\S+/)?.[0];
  expect(link, mail.body).toBeTruthy();

  await page.goto(link ?? "");
  await expect(page.getByRole("heading", { name: "Join Acme Clinic" })).toBeVisible();
  await expect(page.getByText(`You were invited as ${email}.`)).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Authenticator app").check();
  await shot(page, "invitation");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Scan the QR code" })).toBeVisible();
  await page.getByRole("button", { name: "Copy secret key" }).click();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  await page.getByLabel("Code").fill(await freshTotp(secret, new Set()));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("methods").getByRole("listitem")).toHaveCount(1);
});

test("forgot password: a code by email, then the new password signs in", async ({ page, request }) => {
  const slug = await tenant(request, "off");
  const email = await user(request, slug, { email_verified: true });
  await page.goto("/ui/");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Company ID").fill(slug);
  await page.getByLabel("Email or user name").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { name: "Check your messages" })).toBeVisible();
  await page.getByLabel("Code").fill(await lastCode(request, email));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed. Sign in with it.")).toBeVisible();

  await signIn(page, slug, email, PASSWORD);
  await expect(page.getByRole("alert")).toHaveText("The company ID, user name or password is wrong.");
  await signIn(page, slug, email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("an administrator's reset link opens at the new password", async ({ page, request }) => {
  const slug = await tenant(request, "off");
  const email = await user(request, slug, { email_verified: true });
  const users = await request.get(`/admin/tenants/${slug}/users`, {
    headers: { Authorization: `Bearer ${process.env.WEBTEST_ADMIN_KEY}` },
  });
  const id = (await users.json()).users.find((u: { email: string }) => u.email === email).id;
  await admin(request, "POST", `/tenants/${slug}/users/${id}/password-reset`, {});
  const mail = await lastMessage(request, email);
  const link = mail.body.match(/https?:\/\/\S+\/password-reset#\S+/)?.[0];
  expect(link, mail.body).toBeTruthy();
  await page.goto(link ?? "");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await signIn(page, slug, email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("forgot password with a second factor: the code by email, then the authenticator app", async ({ page, request }) => {
  const slug = await tenant(request, "required");
  const email = await user(request, slug, { email_verified: true });
  const used = new Set<string>();
  await signIn(page, slug, email);
  const secret = await enrollAuthenticatorApp(page, used);
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Company ID").fill(slug.toUpperCase());
  await page.getByLabel("Email or user name").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Code").fill(await lastCode(request, email));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Type the code from your authenticator app.")).toBeVisible();
  await page.getByLabel("Code").fill(await freshTotp(secret, used));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed. Sign in with it.")).toBeVisible();
});
