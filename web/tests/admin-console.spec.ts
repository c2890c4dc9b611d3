// The admin console (/ui/admin/) in Chromium, against a real Latchkey: an owner and an admin who
// sign in like everyone else and do what the help articles' administrators do.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { admin, enrollAuthenticatorApp, freshTotp, lastCode, lastMessage, PASSWORD, shot, unique } from "./support";

const adminKey = process.env.WEBTEST_ADMIN_KEY ?? "";
const STEP_UP_WINDOW_MS = 30_000; // LATCHKEY_STEP_UP_WINDOW_SECS in playwright.config.ts

async function signInToConsole(page: Page, slug: string, email: string) {
  await page.goto("/ui/admin/");
  await page.getByLabel("Company ID").fill(slug);
  await page.getByLabel("Email or user name").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A sensitive action may ask for the second factor again: answer it when it does. */
async function confirmIfAsked(page: Page, secret: string, used: Set<string>) {
  const asked = page.getByRole("heading", { name: "Confirm it is you" });
  if (await asked.isVisible().catch(() => false)) {
    await page.getByLabel("Code").fill(await freshTotp(secret, used));
    await page.getByRole("button", { name: "Continue" }).click();
  }
}

async function userId(request: APIRequestContext, slug: string, email: string): Promise<string> {
  const response = await request.get(`/admin/tenants/${slug}/users?q=${encodeURIComponent(email)}`, {
    headers: { Authorization: `Bearer ${adminKey}` },
  });
  return (await response.json()).users[0].id;
}

/** A user with an SMS method at `phone`, set up through the API as the user would. */
async function smsUser(request: APIRequestContext, slug: string, email: string, phone: string) {
  await admin(request, "POST", `/tenants/${slug}/users`, { email, password: PASSWORD, phone_number: phone });
  const login = await (await request.post("/login", { data: { tenant: slug, identifier: email, password: PASSWORD } })).json();
  const auth = { Authorization: `Bearer ${login.access_token}` };
  const added = await (await request.post("/me/methods", { data: { kind: "sms" }, headers: auth })).json();
  const code = await lastCode(request, phone);
  const confirmed = await request.post(`/me/methods/${added.method.id}/confirm`, { data: { code }, headers: auth });
  expect(confirmed.ok(), await confirmed.text()).toBeTruthy();
}

test("an owner and an admin run the tenant from the console", async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const slug = unique("clinic");
  await admin(request, "POST", "/tenants", { slug, name: "Acme Clinic", two_factor: "off" });
  await admin(request, "PATCH", `/tenants/${slug}`, { public_url: `http://127.0.0.1:${process.env.WEBTEST_PORT}/ui` });
  const ownerEmail = `${unique("owner")}@example.com`;
  await admin(request, "POST", `/tenants/${slug}/users`, { email: ownerEmail, password: PASSWORD });
  await admin(request, "PUT", `/tenants/${slug}/users/${await userId(request, slug, ownerEmail)}/roles`, { roles: ["owner"] });
  const nurse = `${unique("nurse")}@example.com`;
  await smsUser(request, slug, nurse, "+358401110001");
  const locked = `${unique("locked")}@example.com`;
  await admin(request, "POST", `/tenants/${slug}/users`, { email: locked, password: PASSWORD });
  for (let i = 0; i < 10; i++) {
    await request.post("/login", { data: { tenant: slug, identifier: locked, password: "not the password" } });
  }

  // The owner signs in with the tenant's flow: an administrator always sets up a second factor.
  const ownerSteps = new Set<string>();
  await signInToConsole(page, slug, ownerEmail);
  await expect(page.getByRole("heading", { name: "Set up two-step verification" })).toBeVisible();
  const ownerSecret = await enrollAuthenticatorApp(page, ownerSteps);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByTestId("users").getByRole("listitem")).toHaveCount(3);
  await shot(page, "console-users");

  // Two-step verification on for the tenant: what it will do is said before it is saved.
  await page.getByRole("link", { name: "Two-step verification" }).click();
  await page.getByLabel("Required: everyone must use one").check();
  await expect(page.getByTestId("preview")).toContainText("1 user has no second factor and will be asked to set one up");
  await expect(page.getByTestId("preview")).toContainText(locked);
  await shot(page, "console-two-step");
  await page.getByRole("button", { name: "Save" }).click();
  await confirmIfAsked(page, ownerSecret, ownerSteps);
  await expect(page.getByTestId("saved")).toHaveText("Saved.");

  // The owner invites an admin: the email names the company ID.
  const adminEmail = `${unique("admin")}@example.com`;
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await page.getByLabel("Email", { exact: true }).fill(adminEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("invited")).toContainText(`company ID ${slug}`);
  const mail = await lastMessage(request, adminEmail);
  expect(mail.body).toContain(`Your company ID is ${slug}`);
  await page.getByLabel("Find a user").fill(adminEmail.slice(0, 12));
  await page.getByRole("link", { name: adminEmail }).click();
  await page.getByLabel("Administration").selectOption("admin");
  await page.getByRole("button", { name: "Save role" }).click();
  await confirmIfAsked(page, ownerSecret, ownerSteps);
  await expect(page.getByTestId("done")).toHaveText("Role saved.");

  // The admin accepts, sets up an authenticator app, and opens the console.
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const adminPage = await context.newPage();
  const link = mail.body.match(/https?:\/\/\S+\/invitation#token=\S+/)?.[0] ?? "";
  await adminPage.goto(link);
  await expect(adminPage.getByTestId("company-id")).toContainText(slug);
  await adminPage.getByLabel("Password").fill(PASSWORD);
  await adminPage.getByRole("button", { name: "Create account" }).click();
  const adminSteps = new Set<string>();
  const adminSecret = await enrollAuthenticatorApp(adminPage, adminSteps);
  const signedInAt = Date.now();
  await adminPage.getByTestId("console-link").click();
  await expect(adminPage.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(adminPage.getByRole("link", { name: "Two-step verification" })).toHaveCount(0);

  // Finds the nurse by typing part of the email and fixes the phone number.
  await adminPage.getByLabel("Find a user").fill(nurse.slice(0, 10));
  await expect(adminPage.getByTestId("users").getByRole("listitem")).toHaveCount(1);
  await adminPage.getByRole("link", { name: nurse }).click();
  await adminPage.getByLabel("Phone number").fill("+358402220002");
  await adminPage.getByRole("button", { name: "Save profile" }).click();
  await expect(adminPage.getByTestId("done")).toHaveText("Profile saved.");
  // The nurse's next sign-in code goes to the new number.
  const login = await (await request.post("/login", { data: { tenant: slug, identifier: nurse, password: PASSWORD } })).json();
  expect(login.status).toBe("second_factor_required");
  expect(await lastCode(request, "+358402220002")).toMatch(/^\d{6}$/);

  // Unlocks the locked user, found with the filter.
  await adminPage.getByRole("link", { name: "Users", exact: true }).click();
  await adminPage.getByLabel("Lock").selectOption("true");
  await expect(adminPage.getByTestId("users").getByRole("listitem")).toHaveCount(1);
  await adminPage.getByRole("link", { name: locked }).click();
  await adminPage.getByRole("button", { name: "Unlock" }).click();
  await expect(adminPage.getByTestId("done")).toHaveText("Unlocked.");
  await expect(adminPage.getByTestId("lock-state")).toHaveText("Not locked.");

  // Resets the nurse's second factor: a sensitive action, so after the window the second factor again.
  await adminPage.waitForTimeout(Math.max(0, signedInAt + STEP_UP_WINDOW_MS + 1000 - Date.now()));
  await adminPage.getByRole("link", { name: "Users", exact: true }).click();
  await adminPage.getByLabel("Find a user").fill(nurse.slice(0, 10));
  await adminPage.getByRole("link", { name: nurse }).click();
  await adminPage.getByRole("button", { name: "Reset second factor" }).click();
  await adminPage.getByRole("button", { name: "Yes, reset second factor" }).click();
  await expect(adminPage.getByRole("heading", { name: "Confirm it is you" })).toBeVisible();
  await adminPage.getByLabel("Code").fill(await freshTotp(adminSecret, adminSteps));
  await adminPage.getByRole("button", { name: "Continue" }).click();
  await expect(adminPage.getByTestId("done")).toContainText("Second factor reset");
  await expect(adminPage.getByTestId("no-methods")).toBeVisible();
  await shot(adminPage, "console-user");

  // Reads these actions in the audit trail, in words, with who did them.
  await adminPage.getByRole("link", { name: "Audit trail" }).click();
  const trail = adminPage.getByTestId("audit");
  await expect(trail.locator("[data-event='method.reset_by_admin']")).toContainText(`had their second factor reset by ${adminEmail}`);
  await expect(trail.locator("[data-event='account.unlocked']")).toContainText(`was unlocked by ${adminEmail}`);
  await expect(trail.locator("[data-event='user.phone_number_changed']")).toContainText(`by ${adminEmail}`);
  await shot(adminPage, "console-audit");

  // The owner's settings page is not the admin's, and the API refuses it too.
  await adminPage.goto(`/ui/admin/#/two-step`);
  await expect(adminPage.getByRole("alert")).toHaveText("Your role does not allow this. Ask an owner of your organisation.");
  const session = JSON.parse((await adminPage.evaluate(() => sessionStorage.getItem("latchkey.session"))) ?? "{}");
  const refused = await request.patch(`/admin/tenants/${slug}`, {
    data: { two_factor: "off" },
    headers: { Authorization: `Bearer ${session.access_token}` },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toBe("insufficient_role");
  await context.close();
});
