// Registration from an invitation link (#/invite/<token>): choose a password and, where the
// tenant allows it, set up a second factor right away.
import { settle, type Schemas } from "@latchkey/client";
import { alertBox, field, form, h, say, show, valueOf } from "../dom";
import { messageFor } from "../errors";
import { latchkey } from "../session";
import { KIND_TITLES } from "../methods";
import { follow } from "./flow";


export async function showInvitation(token: string): Promise<void> {
  const info = await settle(latchkey.api.GET("/invitations/{token}", { params: { path: { token } } }));
  if (!info.ok) {
    return show(h("h1", { tabindex: -1 }, "Invitation"), h("p", { class: "alert", role: "alert" }, messageFor(info.error)));
  }
  const invitation = info.value;
  const alert = alertBox();
  const offersTwoFactor = invitation.two_factor !== "off" && invitation.allowed_methods.length > 0;
  show(
    h("h1", { tabindex: -1 }, `Join ${invitation.tenant.name}`),
    h("p", {}, `You were invited as ${invitation.email}. Choose a password (at least ${invitation.password_rules.min_length} characters).`),
    h("p", { "data-testid": "company-id" }, "Your company ID is ", h("strong", {}, invitation.tenant.slug), ": you type it when you sign in."),
    form(
      async (f) => {
        const enroll = valueOf(f, "enroll") as Schemas["MethodKind"] | "";
        const result = await settle(
          latchkey.api.POST("/invitations/{token}/accept", {
            params: { path: { token } },
            body: {
              password: (f.elements.namedItem("password") as HTMLInputElement).value,
              enroll: enroll || null,
              phone_number: enroll === "sms" ? valueOf(f, "phone") || null : null,
            },
          }),
        );
        if (result.ok) follow(result.value, { tenant: invitation.tenant.slug, identifier: invitation.email }, enroll || undefined);
        else say(alert, messageFor(result.error));
      },
      field("Password", "password", { type: "password", autocomplete: "new-password", required: true, autofocus: true }),
      offersTwoFactor
        ? h(
            "fieldset",
            {},
            h("legend", {}, "Two-step verification"),
            h("p", { class: "check" }, h("input", { type: "radio", id: "enroll-none", name: "enroll", value: "", checked: true }), h("label", { for: "enroll-none" }, invitation.two_factor === "required" ? "Set it up at my first sign-in" : "Not now")),
            ...invitation.allowed_methods.map((kind) =>
              h("p", { class: "check" }, h("input", { type: "radio", id: `enroll-${kind}`, name: "enroll", value: kind }), h("label", { for: `enroll-${kind}` }, KIND_TITLES[kind])),
            ),
            invitation.allowed_methods.includes("sms") ? field("Phone number (for text messages)", "phone", { type: "tel", autocomplete: "tel" }) : null,
          )
        : null,
      alert,
      h("button", { type: "submit" }, "Create account"),
    ),
  );
}
