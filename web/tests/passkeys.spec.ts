// Security keys and passkeys in a real browser: Chromium's DevTools virtual authenticator plays
// the key (WebAuthn.addVirtualAuthenticator), so the page's navigator.credentials calls, the
// browser's checks (origin, relying party) and Latchkey's all run for real. The page is opened at
// http://localhost (a relying party must be a domain name, never 127.0.0.1), the tenant's
// web_origin.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { admin, PASSWORD, shot, tenant, user } from "./support";

const local = `http://localhost:${process.env.WEBTEST_PORT}`;

async function virtualKey(page: Page, transport: "usb" | "internal" = "usb") {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport,
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    /** Not touched any more: it answers nothing (another authenticator does). */
    untouched: () => cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled: false }),
    touched: () => cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled: true }),
    userVerified: (isUserVerified: boolean) => cdp.send("WebAuthn.setUserVerified", { authenticatorId, isUserVerified }),
    /** The same credentials on an authenticator that cannot verify its user (a key without its PIN). */
    withoutPin: async () => {
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
      const other = await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: { protocol: "ctap2", transport: "usb", hasUserVerification: false, automaticPresenceSimulation: true },
      });
      for (const credential of credentials) {
        await cdp.send("WebAuthn.addCredential", { authenticatorId: other.authenticatorId, credential });
      }
    },
  };
}

async function keyTenant(request: APIRequestContext, twoFactor: "optional" | "required") {
  const slug = await tenant(request, twoFactor);
  await admin(request, "PATCH", `/tenants/${slug}`, { web_origin: local, passkey_sign_in: true });
  return slug;
}

async function passwordSignIn(page: Page, slug: string, email: string) {
  await page.goto(`${local}/ui/`);
  await page.getByLabel("Company ID").fill(slug);
  await page.getByLabel("Email or user name").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

test("a security key and a passkey are added on the account page, each signs in, and a key is removed", async ({ page, request }) => {
  const usbKey = await virtualKey(page, "usb");
  const slug = await keyTenant(request, "optional");
  const email = await user(request, slug);
  await passwordSignIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("passkey-suggestion")).toBeVisible();

  await page.getByRole("button", { name: "Add a security key" }).click();
  await page.getByLabel("Name it").fill("YubiKey");
  await page.getByRole("button", { name: "Add key" }).click();
  await expect(page.getByTestId("methods")).toContainText("Security key · YubiKey · primary");

  // The passkey on this computer (the USB key stays plugged in but is not touched: it holds a
  // credential of this account, which the browser would refuse to register twice).
  await usbKey.untouched();
  const laptop = await virtualKey(page, "internal");
  await page.getByRole("button", { name: "Create a passkey", exact: true }).click();
  await page.getByLabel("Name it").fill("Laptop");
  await page.getByRole("button", { name: "Create passkey" }).click();
  await expect(page.getByTestId("methods")).toContainText("Passkey · Laptop");
  await expect(page.getByTestId("passkey-suggestion")).toHaveCount(0);
  await shot(page, "passkeys-account");

  // Signed out, the sign-in page offers the passkey as autofill on the identifier field (the
  // virtual authenticator picks it at once, as a person would from the list): no password.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.locator('[data-claim="amr"]')).toHaveText("hwk mfa");

  // The button, while the autofill waits.
  await laptop.untouched();
  await signOut(page);
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();
  await laptop.touched();
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.locator('[data-claim="amr"]')).toHaveText("hwk mfa");

  // A password, then the security key as the second factor.
  await laptop.untouched();
  await usbKey.touched();
  await signOut(page);
  await passwordSignIn(page, slug, email);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  await shot(page, "passkeys-second-factor");
  await page.getByRole("button", { name: "Continue with your key" }).click();
  await expect(page.locator('[data-claim="amr"]')).toHaveText("pwd hwk mfa");

  await page.getByRole("button", { name: "Remove: Security key YubiKey" }).click();
  await expect(page.getByTestId("methods")).not.toContainText("YubiKey");
  await expect(page.getByTestId("methods")).toContainText("Passkey · Laptop");
});

test("a key that does not verify its user, and a forged signature, are refused with clear words", async ({ page, request }) => {
  const key = await virtualKey(page);
  const slug = await keyTenant(request, "required");
  const email = await user(request, slug);
  await passwordSignIn(page, slug, email);
  await page.getByRole("button", { name: "Security key or passkey" }).click();
  await page.getByLabel("Name it").fill("Office key");
  await page.getByRole("button", { name: "Use a security key" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await signOut(page);

  // The person does not give the key's PIN: the browser stops, and the page says what to do.
  await key.userVerified(false);
  await passwordSignIn(page, slug, email);
  await page.getByRole("button", { name: "Continue with your key" }).click();
  await expect(page.getByRole("alert")).toContainText("no touch, no PIN or fingerprint");
  await key.userVerified(true);

  // A signature changed on its way: refused, and the attempts left are told.
  await page.route("**/verify", async (route) => {
    const body = route.request().postDataJSON();
    const signature: string = body.credential.response.signature;
    body.credential.response.signature = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByRole("button", { name: "Continue with your key" }).click();
  await expect(page.getByRole("alert")).toContainText("could not be verified");
  await expect(page.getByRole("alert")).toContainText("attempts left");
  await page.unroute("**/verify");
  await page.getByRole("button", { name: "Continue with your key" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await signOut(page);

  // The key was registered with its PIN; the same key answering without one is refused by
  // Latchkey, and the page says why.
  await key.withoutPin();
  await passwordSignIn(page, slug, email);
  await page.getByRole("button", { name: "Continue with your key" }).click();
  await expect(page.getByRole("alert")).toContainText("needs its PIN or fingerprint");
  await shot(page, "passkeys-user-verification");
});
