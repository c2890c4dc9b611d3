// A user: profile (a new phone number takes the SMS method along), methods with "reset second
// factor", remembered devices, lock, groups, roles (owners), a password-reset link, and why the
// user is (not) asked for a second factor from an address.
import { settle, type Schemas } from "@latchkey/client";
import { alertBox, field, form, h, say, valueOf } from "../dom";
import { KIND_TITLES } from "../methods";
import { latchkey } from "../session";
import { act, destructive, frame, type Admin, type Id } from "./console";

type User = Schemas["UserView"];

const DECISIONS: Record<Schemas["DecisionName"], string> = {
  authenticate: "is not asked for a second factor",
  second_factor: "is asked for a second factor",
  enroll: "must set up a second factor",
  enrollment_suggested: "is invited to set up a second factor (and may skip it)",
  refuse: "cannot sign in here (the organisation signs in elsewhere)",
};

export async function showUser(me: Admin, id: Id): Promise<void> {
  const alert = alertBox();
  const page = () => showUser(me, id);
  const path = { slug: me.tenant, user_id: id };
  let user: User | undefined;
  await act(page, alert, () => settle(latchkey.api.GET("/admin/tenants/{slug}/users/{user_id}", { params: { path } })), (u) => {
    user = u;
  });
  if (!user) return frame(me, "User", alert, h("p", {}, h("a", { href: "#/users" }, "Back to users")));
  const u = user;
  const status = h("p", { role: "status", class: "notice", hidden: true, "data-testid": "done" });
  const done = (text: string) => async () => {
    await page();
    const box = document.querySelector<HTMLElement>("[data-testid=done]");
    if (box) {
      box.hidden = false;
      box.textContent = text;
    }
  };
  const locked = u.locked_until && new Date(u.locked_until) > new Date();
  const groups = await settle(latchkey.api.GET("/admin/tenants/{slug}/groups", { params: { path: { slug: me.tenant } } }));

  frame(
    me,
    u.display_name ? `${u.display_name} (${u.email})` : u.email,
    h("p", {}, h("a", { href: "#/users" }, "← All users")),
    status,
    alert,
    h(
      "section",
      { "aria-labelledby": "profile-title" },
      h("h2", { id: "profile-title" }, "Profile"),
      form(
        async (f) => {
          // Only what changed: the audit trail names the fields an administrator changed.
          const email = valueOf(f, "email");
          const name = valueOf(f, "display_name") || null;
          const phone = valueOf(f, "phone_number").replace(/[\s-]/g, "") || null;
          const body: Schemas["UpdateUser"] = {};
          if (email !== u.email) body.email = email;
          if (name !== (u.display_name ?? null)) body.display_name = name;
          if (phone !== (u.phone_number ?? null)) body.phone_number = phone;
          if (!Object.keys(body).length) return say(alert, "Nothing to save.");
          await act(page, alert, () => settle(latchkey.api.PATCH("/admin/tenants/{slug}/users/{user_id}", { params: { path }, body })), done("Profile saved."));
        },
        field("Email", "email", { type: "email", value: u.email }),
        field("Name", "display_name", { value: u.display_name ?? "" }),
        field("Phone number", "phone_number", { type: "tel", value: u.phone_number ?? "", placeholder: "+358 40 123 4567" }),
        h("p", { class: "hint" }, "Text-message codes go to this number: a method set up from the old number follows it."),
        h("button", { type: "submit" }, "Save profile"),
      ),
      h("p", {}, u.last_sign_in_at ? `Last signed in ${new Date(u.last_sign_in_at).toLocaleString()}.` : "Has never signed in."),
    ),
    h(
      "section",
      { "aria-labelledby": "methods-title" },
      h("h2", { id: "methods-title" }, "Two-step verification"),
      u.methods?.length
        ? h(
            "ul",
            { class: "list", "data-testid": "user-methods" },
            ...u.methods.map((m) =>
              h(
                "li",
                {},
                `${m.name ?? KIND_TITLES[m.kind]} ${m.hint ? `(${m.hint})` : ""}`,
                m.primary ? h("span", { class: "badge" }, "primary") : null,
                m.status === "pending" ? h("span", { class: "badge" }, "not confirmed") : null,
                m.disabled ? h("span", { class: "badge warn" }, "no longer allowed") : null,
                m.last_used_at ? ` · last used ${new Date(m.last_used_at).toLocaleDateString()}` : "",
              ),
            ),
          )
        : h("p", { "data-testid": "no-methods" }, "No second factor set up."),
      u.methods?.length
        ? destructive("Reset second factor", "Remove every method, recovery code and remembered device of this user?", () =>
            act(page, alert, () => settle(latchkey.api.DELETE("/admin/tenants/{slug}/users/{user_id}/methods", { params: { path } })), done("Second factor reset: the user sets one up again at the next sign-in.")),
          )
        : null,
      h("h3", {}, "Remembered devices"),
      u.devices?.length
        ? h("ul", { class: "list" }, ...u.devices.map((d) => h("li", {}, `${d.label ?? "A browser"} · until ${new Date(d.expires_at).toLocaleDateString()}`)))
        : h("p", {}, "None."),
    ),
    h(
      "section",
      { "aria-labelledby": "lock-title" },
      h("h2", { id: "lock-title" }, "Sign-in"),
      locked
        ? h(
            "p",
            { "data-testid": "lock-state" },
            `Locked after too many failed attempts, until ${new Date(u.locked_until ?? "").toLocaleString()}. `,
            h(
              "button",
              {
                type: "button",
                onclick: () =>
                  act(page, alert, () => settle(latchkey.api.POST("/admin/tenants/{slug}/users/{user_id}/unlock", { params: { path } })), done("Unlocked.")),
              },
              "Unlock",
            ),
          )
        : h("p", { "data-testid": "lock-state" }, u.active ? "Not locked." : "Deactivated: cannot sign in."),
      destructive("Send a password-reset link", `Email a password-reset link to ${u.email}?`, () =>
        act(page, alert, () => settle(latchkey.api.POST("/admin/tenants/{slug}/users/{user_id}/password-reset", { params: { path } })), done("Password-reset link sent.")),
      ),
      " ",
      u.active
        ? destructive("Deactivate", `Deactivate ${u.email}? Their sessions end and they can no longer sign in.`, () =>
            act(page, alert, () => settle(latchkey.api.DELETE("/admin/tenants/{slug}/users/{user_id}", { params: { path } })), done("Deactivated.")),
          )
        : null,
    ),
    groups.ok && groups.value.length
      ? h(
          "section",
          { "aria-labelledby": "groups-title" },
          h("h2", { id: "groups-title" }, "Groups"),
          form(
            async (f) => {
              const group_ids = groups.value.filter((g) => (f.elements.namedItem(`group-${g.id}`) as HTMLInputElement | null)?.checked).map((g) => g.id);
              await act(page, alert, () => settle(latchkey.api.PUT("/admin/tenants/{slug}/users/{user_id}/groups", { params: { path }, body: { group_ids } })), done("Groups saved."));
            },
            ...groups.value.map((g) =>
              h(
                "p",
                { class: "check" },
                h("input", { type: "checkbox", id: `group-${g.id}`, name: `group-${g.id}`, checked: u.groups?.some((m) => m.id === g.id) ?? false }),
                h("label", { for: `group-${g.id}` }, `${g.name} (${g.two_factor})`),
              ),
            ),
            h("button", { type: "submit" }, "Save groups"),
          ),
        )
      : null,
    me.owner ? rolesSection(me, u, page, alert, done) : null,
    whySection(me, u),
  );
}

function rolesSection(
  me: Admin,
  u: User,
  page: () => Promise<void>,
  alert: HTMLElement,
  done: (text: string) => () => Promise<void>,
): HTMLElement {
  const current = u.roles[0] ?? "";
  return h(
    "section",
    { "aria-labelledby": "roles-title" },
    h("h2", { id: "roles-title" }, "Role"),
    form(
      async (f) => {
        const role = valueOf(f, "role") as Schemas["Role"] | "";
        const body = { roles: role ? [role] : [] };
        await act(page, alert, () => settle(latchkey.api.PUT("/admin/tenants/{slug}/users/{user_id}/roles", { params: { path: { slug: me.tenant, user_id: u.id } }, body })), done("Role saved."));
      },
      h(
        "p",
        { class: "field" },
        h("label", { for: "role" }, "Administration"),
        h(
          "select",
          { id: "role", name: "role" },
          ...[
            ["", "None"],
            ["admin", "Admin: users, their methods, locks and invitations"],
            ["owner", "Owner: also the security settings, keys and roles"],
          ].map(([value, text]) => h("option", { value, selected: value === current }, text)),
        ),
      ),
      h("button", { type: "submit" }, "Save role"),
    ),
  );
}

/** "Why is this user (not) asked for a second factor", from an address, in words. */
function whySection(me: Admin, u: User): HTMLElement {
  const alert = alertBox();
  const answer = h("div", { "data-testid": "why", "aria-live": "polite" });
  return h(
    "section",
    { "aria-labelledby": "why-title" },
    h("h2", { id: "why-title" }, "Why is this user (not) asked for a second factor?"),
    form(
      async (f) => {
        const ip = valueOf(f, "ip") || undefined;
        await act(
          () => showUser(me, u.id),
          alert,
          () => settle(latchkey.api.GET("/admin/tenants/{slug}/users/{user_id}/policy", { params: { path: { slug: me.tenant, user_id: u.id }, query: { ip } } })),
          (why) => {
            say(alert, undefined);
            answer.replaceChildren(
              h("p", {}, `Signing in${ip ? ` from ${ip}` : ""}, ${u.email} ${DECISIONS[why.decision]}.`),
              h("ul", {}, ...why.reasons.map((r) => h("li", {}, r))),
            );
          },
        );
      },
      field("From the address (optional)", "ip", { placeholder: "203.0.113.7", autocomplete: "off" }),
      alert,
      h("button", { type: "submit", class: "secondary" }, "Explain"),
    ),
    answer,
  );
}
