// Two-step verification (owners): the tenant's mode, groups and their rules, trusted networks,
// allowed methods, passkey sign-in, message limits and SMS countries. Every change is weighed by
// the server's preview (the evaluator a login uses) and said in words before it is saved.
import { settle, type Schemas } from "@latchkey/client";
import { alertBox, field, form, h, say, valueOf } from "../dom";
import { KIND_TITLES } from "../methods";
import { latchkey } from "../session";
import { act, destructive, frame, type Admin } from "./console";

type Settings = Schemas["TenantView"]["settings"];
type Change = Schemas["UpdateTenant"];
type Preview = Schemas["SettingsPreview"];

const MODES: [Schemas["TwoFactorMode"], string][] = [
  ["off", "Off: nobody is asked"],
  ["optional", "Optional: users who set one up are asked"],
  ["prompted", "Prompted: users without one are invited to set one up"],
  ["required", "Required: everyone must use one"],
];
const KINDS: Schemas["MethodKind"][] = ["totp", "sms", "email", "webauthn"];
const RULES: Schemas["GroupRule"][] = ["inherit", "optional", "prompted", "required"];

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The change the form describes: only what differs from the settings now. */
function changeOf(f: HTMLFormElement, now: Settings): Change {
  const change: Change = {};
  const mode = valueOf(f, "two_factor") as Schemas["TwoFactorMode"];
  if (mode !== now.two_factor) change.two_factor = mode;
  const kinds = KINDS.filter((k) => (f.elements.namedItem(`kind-${k}`) as HTMLInputElement).checked);
  if (kinds.join() !== now.allowed_methods.join()) change.allowed_methods = kinds;
  const networks = list(valueOf(f, "trusted_networks"));
  if (networks.join() !== now.trusted_networks.join()) change.trusted_networks = networks;
  const passkeys = (f.elements.namedItem("passkey_sign_in") as HTMLInputElement).checked;
  if (passkeys !== now.passkey_sign_in) change.passkey_sign_in = passkeys;
  const countries = list(valueOf(f, "sms_allowed_countries").toUpperCase());
  if (countries.join() !== now.sms_allowed_countries.join()) change.sms_allowed_countries = countries;
  const perUser = Number(valueOf(f, "per_user_per_hour"));
  const perNumber = Number(valueOf(f, "per_number_per_day"));
  if (perUser !== now.message_limits.per_user_per_hour || perNumber !== now.message_limits.per_number_per_day) {
    change.message_limits = { per_user_per_hour: perUser, per_number_per_day: perNumber };
  }
  return change;
}

/** What the preview says, in words. */
function effects(preview: Preview): HTMLElement[] {
  const line = (affected: Schemas["Affected"], text: (n: number) => string, id: string) =>
    affected.count
      ? h(
          "li",
          { "data-effect": id },
          text(affected.count),
          affected.examples.length ? ` (${affected.examples.map((u) => u.email).join(", ")}${affected.count > affected.examples.length ? ", …" : ""})` : "",
        )
      : null;
  const users = (n: number) => (n === 1 ? "1 user" : `${n} users`);
  const items = [
    line(preview.would_enroll, (n) => `${users(n)} ${n === 1 ? "has" : "have"} no second factor and will be asked to set one up`, "would_enroll"),
    line(preview.would_be_asked, (n) => `${users(n)} will be asked for their second factor`, "would_be_asked"),
    line(preview.would_no_longer_be_asked, (n) => `${users(n)} will no longer be asked for a second factor`, "would_no_longer_be_asked"),
    line(preview.would_lose_methods, (n) => `${users(n)} will have no allowed method left and must set up another`, "would_lose_methods"),
  ].filter((x) => x !== null);
  return items.length ? [h("ul", {}, ...items)] : [h("p", {}, `No sign-in of the ${users(preview.users)} changes.`)];
}

export async function showTwoStep(me: Admin): Promise<void> {
  const alert = alertBox();
  const page = () => showTwoStep(me);
  const slug = { slug: me.tenant };
  let settings: Settings | undefined;
  await act(page, alert, () => settle(latchkey.api.GET("/admin/tenants/{slug}", { params: { path: slug } })), (t) => {
    settings = t.settings;
  });
  if (!settings) return frame(me, "Two-step verification", alert);
  const now = settings;
  const preview = h("div", { class: "notice", role: "status", "data-testid": "preview", hidden: true });
  const saved = h("p", { role: "status", hidden: true, "data-testid": "saved" });

  const settingsForm = form(
    async (f) => {
      const body = changeOf(f, now);
      if (!Object.keys(body).length) return say(alert, "Nothing to save.");
      await act(page, alert, () => settle(latchkey.api.PATCH("/admin/tenants/{slug}", { params: { path: slug }, body })), async () => {
        await page();
        const box = document.querySelector<HTMLElement>("[data-testid=saved]");
        if (box) {
          box.hidden = false;
          box.textContent = "Saved.";
        }
      });
    },
    h("fieldset", {}, h("legend", {}, "Who is asked"), ...MODES.map(([mode, text]) =>
      h("p", { class: "check" }, h("input", { type: "radio", name: "two_factor", id: `mode-${mode}`, value: mode, checked: mode === now.two_factor }), h("label", { for: `mode-${mode}` }, text)),
    )),
    h("fieldset", {}, h("legend", {}, "Methods users may use"), ...KINDS.map((k) =>
      h("p", { class: "check" }, h("input", { type: "checkbox", id: `kind-${k}`, name: `kind-${k}`, checked: now.allowed_methods.includes(k) }), h("label", { for: `kind-${k}` }, KIND_TITLES[k])),
    )),
    h("p", { class: "check" }, h("input", { type: "checkbox", id: "passkey_sign_in", name: "passkey_sign_in", checked: now.passkey_sign_in }), h("label", { for: "passkey_sign_in" }, "Users may sign in with a passkey alone")),
    field("Trusted networks (not asked from inside them; CIDRs, separated by commas)", "trusted_networks", { value: now.trusted_networks.join(", "), placeholder: "192.0.2.0/24" }),
    field("Text messages only to these countries (e.g. FI, SE; empty: any)", "sms_allowed_countries", { value: now.sms_allowed_countries.join(", ") }),
    field("Codes per user per hour", "per_user_per_hour", { type: "number", min: 1, value: now.message_limits.per_user_per_hour }),
    field("Codes per phone number or address per day", "per_number_per_day", { type: "number", min: 1, value: now.message_limits.per_number_per_day }),
    preview,
    alert,
    saved,
    h("button", { type: "submit" }, "Save"),
  );
  // Each change is weighed before it is saved.
  let asked = 0;
  settingsForm.addEventListener("change", async () => {
    const mine = ++asked;
    const body = changeOf(settingsForm, now);
    if (!Object.keys(body).length) {
      preview.hidden = true;
      return;
    }
    const result = await settle(latchkey.api.POST("/admin/tenants/{slug}/settings/preview", { params: { path: slug }, body }));
    if (mine !== asked) return;
    if (!result.ok) return void act(page, alert, async () => result, () => undefined);
    say(alert, undefined);
    preview.hidden = false;
    preview.replaceChildren(h("p", {}, "If you save this change:"), ...effects(result.value));
  });

  frame(me, "Two-step verification", settingsForm, await groupsSection(me, page));
}

async function groupsSection(me: Admin, page: () => Promise<void>): Promise<HTMLElement> {
  const alert = alertBox();
  const slug = { slug: me.tenant };
  const groups = await settle(latchkey.api.GET("/admin/tenants/{slug}/groups", { params: { path: slug } }));
  const rule = (name: string, current: Schemas["GroupRule"]) =>
    h("select", { name }, ...RULES.map((r) => h("option", { value: r, selected: r === current }, r === "inherit" ? "As the organisation" : `At least ${r}`)));
  return h(
    "section",
    { "aria-labelledby": "groups-title" },
    h("h2", { id: "groups-title" }, "Groups"),
    alert,
    h(
      "ul",
      { class: "list" },
      ...(groups.ok ? groups.value : []).map((g) =>
        h(
          "li",
          {},
          form(
            async (f) => {
              const body = { two_factor: valueOf(f, "rule") as Schemas["GroupRule"] };
              await act(page, alert, () => settle(latchkey.api.PATCH("/admin/tenants/{slug}/groups/{group_id}", { params: { path: { ...slug, group_id: g.id } }, body })), page);
            },
            h("label", { class: "filter" }, `${g.name} `, rule("rule", g.two_factor)),
            " ",
            h("button", { type: "submit", class: "secondary" }, "Save"),
            " ",
            destructive("Delete", `Delete the group ${g.name}?`, () =>
              act(page, alert, () => settle(latchkey.api.DELETE("/admin/tenants/{slug}/groups/{group_id}", { params: { path: { ...slug, group_id: g.id } } })), page),
            ),
          ),
        ),
      ),
    ),
    form(
      async (f) => {
        const body = { name: valueOf(f, "group_name"), two_factor: valueOf(f, "new_rule") as Schemas["GroupRule"] };
        await act(page, alert, () => settle(latchkey.api.POST("/admin/tenants/{slug}/groups", { params: { path: slug }, body })), page);
      },
      field("New group", "group_name"),
      h("label", { class: "filter" }, "Rule ", rule("new_rule", "inherit")),
      " ",
      h("button", { type: "submit", class: "secondary" }, "Add group"),
    ),
  );
}
