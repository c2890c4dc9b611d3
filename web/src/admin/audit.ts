// The audit trail: filters (user, event, time range), paging, each entry in words with who did it.
import { settle, type Schemas } from "@latchkey/client";
import { alertBox, field, form, h, say, valueOf } from "../dom";
import { latchkey } from "../session";
import { act, frame, type Admin, type Id } from "./console";

type Entry = Schemas["AuditEntry"];
type Event = Schemas["AuditEvent"];

/** Each event in words: "<who> <did what>". */
const WORDS: Record<Event, string> = {
  "login.password": "signed in with the password",
  "login.enrollment_skipped": "skipped setting up a second factor",
  "login.trusted_network": "signed in from a trusted network",
  "login.exempt": "signed in, exempt from the second factor",
  "login.passkey": "signed in with a passkey",
  "second_factor.challenge": "was asked for a second factor",
  "second_factor.enrollment_required": "was asked to set up a second factor",
  "second_factor.enrollment_suggested": "was invited to set up a second factor",
  "second_factor.code_resent": "asked for another code",
  "second_factor.method_switched": "switched to another method",
  "second_factor.unfinished": "did not finish the second factor",
  "second_factor.verify": "gave a second factor",
  "method.confirm": "confirmed a method",
  "method.enrolled": "set up a method",
  "method.enrollment_started": "started setting up a method",
  "method.primary_changed": "changed the primary method",
  "method.removed": "removed a method",
  "method.reset_by_admin": "had their second factor reset",
  "recovery_codes.generated": "made new recovery codes",
  "device.remembered": "had a device remembered",
  "device.revoked": "had a remembered device forgotten",
  "password.changed": "changed the password",
  "webauthn.counter_regression": "used a key whose counter went back (refused)",
  "account.locked": "was locked",
  "account.unlocked": "was unlocked",
  "user.exemption_changed": "had the exemption changed",
  "user.invited": "was invited",
  "invitation.revoked": "had an invitation withdrawn",
  "invitation.accepted": "accepted the invitation",
  "password_reset.requested": "asked to reset the password",
  "password_reset.link_sent": "was sent a password-reset link",
  "password_reset.verify": "gave a password-reset code",
  "password_reset.second_factor": "gave the reset's second factor",
  "password_reset.completed": "reset the password",
  "user.phone_number_changed": "had the phone number changed",
  "user.groups_changed": "had the groups changed",
  "delivery.refused": "was refused a message",
  "tenant.sms_budget_topped_up": "SMS budget topped up",
  "tenant.sms_budget_low": "SMS budget running low",
  "tenant.policy_changed": "security settings changed",
  "user.roles_changed": "had the role changed",
  "user.updated": "had the profile changed",
  "user.created": "was created",
  "user.deactivated": "was deactivated",
  "tenant.api_key_created": "API key created",
  "tenant.api_key_revoked": "API key revoked",
};

const OUTCOMES: Record<Schemas["AuditOutcome"], string> = { success: "", failure: " (failed)", locked: " (refused: locked)" };

export async function showAudit(me: Admin, filters: URLSearchParams = new URLSearchParams(), cursor?: string): Promise<void> {
  const alert = alertBox();
  const page = () => showAudit(me, filters, cursor);
  const slug = { slug: me.tenant };
  const emails = new Map<string, string>();
  const emailOf = async (id: Id) => {
    if (!emails.has(id)) {
      const user = await settle(latchkey.api.GET("/admin/tenants/{slug}/users/{user_id}", { params: { path: { ...slug, user_id: id } } }));
      emails.set(id, user.ok ? user.value.email : "a removed user");
    }
    return emails.get(id) ?? id;
  };
  // A user is named by email in the filter; the trail is filtered by their id.
  let userId: Id | undefined;
  const email = filters.get("user") ?? "";
  if (email) {
    const found = await settle(latchkey.api.GET("/admin/tenants/{slug}/users", { params: { path: slug, query: { q: email, limit: 5 } } }));
    userId = found.ok ? found.value.users.find((u) => u.email === email.toLowerCase())?.id : undefined;
    if (!userId) return void frame(me, "Audit trail", filterForm(me, filters), h("p", { role: "alert", class: "alert" }, `No user ${email}.`));
  }
  type Time = `${number}-${number}-${number}T${number}:${number}:${number}${string}`;
  const day = (name: string, end: boolean): Time | undefined => {
    const value = filters.get(name);
    return value ? (`${value}T${end ? "23:59:59" : "00:00:00"}Z` as Time) : undefined;
  };
  const query = {
    user_id: userId,
    event: (filters.get("event") || undefined) as Event | undefined,
    since: day("since", false),
    until: day("until", true),
    limit: 25,
    cursor,
  };
  let trail: Schemas["AuditPage"] | undefined;
  await act(page, alert, () => settle(latchkey.api.GET("/admin/tenants/{slug}/audit", { params: { path: slug, query } })), (t) => {
    trail = t;
  });
  if (!trail) return frame(me, "Audit trail", filterForm(me, filters), alert);
  const rows = await Promise.all(trail.events.map((e) => sentence(e, emailOf)));
  const next = trail.next_cursor;
  frame(
    me,
    "Audit trail",
    filterForm(me, filters),
    alert,
    h("ol", { class: "list audit", "data-testid": "audit" }, ...(rows.length ? rows : [h("li", {}, "Nothing recorded.")])),
    h(
      "p",
      {},
      cursor ? h("button", { type: "button", class: "secondary", onclick: () => showAudit(me, filters) }, "Newest") : null,
      " ",
      next ? h("button", { type: "button", class: "secondary", onclick: () => showAudit(me, filters, next) }, "Older") : null,
    ),
  );
}

async function sentence(e: Entry, emailOf: (id: Id) => Promise<string>): Promise<HTMLElement> {
  const subject = e.user_id ? await emailOf(e.user_id) : "";
  const by = e.actor?.user_id ? ` by ${await emailOf(e.actor.user_id)}` : e.actor?.key_id ? " by an API key" : "";
  const when = new Date(e.created_at).toLocaleString();
  const text = `${subject ? `${subject} ` : ""}${WORDS[e.event] ?? e.event}${OUTCOMES[e.outcome]}${by}`;
  return h(
    "li",
    { "data-event": e.event },
    h("time", { datetime: e.created_at }, when),
    " ",
    subject ? text : text.charAt(0).toUpperCase() + text.slice(1),
    e.detail ? h("span", { class: "detail" }, ` · ${e.detail}`) : null,
    e.ip ? h("span", { class: "detail" }, ` · from ${e.ip}`) : null,
  );
}

function filterForm(me: Admin, filters: URLSearchParams): HTMLElement {
  const alert = alertBox();
  return form(
    async (f) => {
      const next = new URLSearchParams();
      for (const name of ["user", "event", "since", "until"]) {
        const value = valueOf(f, name);
        if (value) next.set(name, value);
      }
      say(alert, undefined);
      await showAudit(me, next);
    },
    h(
      "p",
      { class: "filters" },
      field("User (email)", "user", { type: "email", value: filters.get("user") ?? "" }),
      h(
        "p",
        { class: "field" },
        h("label", { for: "event" }, "Event"),
        h(
          "select",
          { id: "event", name: "event" },
          h("option", { value: "" }, "Any"),
          ...Object.entries(WORDS).map(([value, text]) => h("option", { value, selected: value === filters.get("event") }, `${value}: ${text}`)),
        ),
      ),
      field("From", "since", { type: "date", value: filters.get("since") ?? "" }),
      field("To", "until", { type: "date", value: filters.get("until") ?? "" }),
    ),
    alert,
    h("button", { type: "submit", class: "secondary" }, "Show"),
  );
}
