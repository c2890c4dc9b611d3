// Users: search as you type (email, user name, phone or name), filters, who has no second factor
// and who is locked; invite a user.
import { settle, type Schemas } from "@latchkey/client";
import { alertBox, field, form, h, say, valueOf } from "../dom";
import { latchkey } from "../session";
import { act, frame, type Admin, type Id } from "./console";

type User = Schemas["UserView"];

export async function showUsers(me: Admin): Promise<void> {
  const alert = alertBox();
  const list = h("ul", { class: "list users", "data-testid": "users", "aria-live": "polite" });
  const search = h("input", {
    id: "q",
    type: "search",
    placeholder: "Email, user name, phone or name",
    autocomplete: "off",
    autofocus: true,
  });
  const filter = (name: string, label: string, options: [string, string][]) =>
    h(
      "label",
      { class: "filter" },
      `${label} `,
      h("select", { id: name, name }, ...options.map(([value, text]) => h("option", { value }, text))),
    );
  const twoFactor = filter("two_factor", "Second factor", [["", "Any"], ["none", "None set up"], ["enrolled", "Set up"]]);
  const locked = filter("locked", "Lock", [["", "Any"], ["true", "Locked"], ["false", "Not locked"]]);
  const role = filter("role", "Role", [["", "Any"], ["admin", "Admin"], ["owner", "Owner"]]);
  const groups = await settle(latchkey.api.GET("/admin/tenants/{slug}/groups", { params: { path: { slug: me.tenant } } }));
  const group = filter("group", "Group", [["", "Any"], ...(groups.ok ? groups.value.map((g): [string, string] => [g.id, g.name]) : [])]);
  const selected = (el: HTMLElement) => el.querySelector("select")?.value || undefined;

  let asked = 0;
  const load = async () => {
    const mine = ++asked; // answers that arrive after a newer search are dropped
    const q = search.value.trim();
    const query = {
      q: q || undefined,
      two_factor: selected(twoFactor) as "none" | "enrolled" | undefined,
      locked: selected(locked) === undefined ? undefined : selected(locked) === "true",
      role: selected(role) as Schemas["Role"] | undefined,
      group: selected(group) as Id | undefined,
      limit: 50,
    };
    await act(
      () => showUsers(me),
      alert,
      () => settle(latchkey.api.GET("/admin/tenants/{slug}/users", { params: { path: { slug: me.tenant }, query } })),
      (page) => {
        if (mine !== asked) return;
        say(alert, undefined);
        list.replaceChildren(
          ...(page.users.length ? page.users.map(row) : [h("li", { class: "empty" }, "No user matches.")]),
        );
      },
    );
  };
  let timer: number | undefined;
  search.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 200);
  });
  for (const f of [twoFactor, locked, role, group]) f.addEventListener("change", () => void load());

  frame(
    me,
    "Users",
    h("p", { class: "field" }, h("label", { for: "q" }, "Find a user"), search),
    h("p", { class: "filters" }, twoFactor, locked, role, group),
    alert,
    list,
    inviteForm(me),
  );
  await load();
}

function row(user: User): HTMLElement {
  const locked = user.locked_until && new Date(user.locked_until) > new Date();
  return h(
    "li",
    { "data-user": user.email },
    h("a", { href: `#/users/${encodeURIComponent(user.id)}` }, user.display_name ? `${user.display_name} <${user.email}>` : user.email),
    user.roles.length ? h("span", { class: "badge" }, user.roles.join(", ")) : null,
    locked ? h("span", { class: "badge warn", "data-testid": "locked" }, "locked") : null,
    !user.active ? h("span", { class: "badge" }, "deactivated") : null,
  );
}

/** Invite a user: the email names the company ID they will type at sign-in. */
function inviteForm(me: Admin): HTMLElement {
  const alert = alertBox();
  const done = h("p", { role: "status", hidden: true, "data-testid": "invited" });
  return h(
    "section",
    { "aria-labelledby": "invite-title" },
    h("h2", { id: "invite-title" }, "Invite a user"),
    form(
      async (f) => {
        const email = valueOf(f, "invite_email");
        await act(
          () => showUsers(me),
          alert,
          () => settle(latchkey.api.POST("/admin/tenants/{slug}/invitations", { params: { path: { slug: me.tenant } }, body: { email } })),
          (invitation) => {
            say(alert, undefined);
            done.hidden = false;
            done.textContent = `Invitation sent to ${invitation.email}. They sign in with the company ID ${me.tenant}.`;
            f.reset();
          },
        );
      },
      field("Email", "invite_email", { type: "email", autocomplete: "off" }),
      alert,
      done,
      h("button", { type: "submit" }, "Send invitation"),
    ),
  );
}
