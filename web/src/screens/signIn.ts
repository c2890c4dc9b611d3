import { alertBox, field, form, h, say, show, valueOf } from "../dom";
import { deviceToken, latchkey } from "../session";
import { follow, refused } from "./flow";

export function showSignIn(notice?: string): void {
  const alert = alertBox();
  show(
    h("h1", { tabindex: -1 }, "Sign in"),
    notice ? h("p", { class: "notice", role: "status" }, notice) : null,
    form(
      async (f) => {
        const who = { tenant: valueOf(f, "tenant").toLowerCase(), identifier: valueOf(f, "identifier") };
        const password = (f.elements.namedItem("password") as HTMLInputElement).value;
        const result = await latchkey.login({
          ...who,
          password,
          device_token: deviceToken(who.tenant, who.identifier) ?? null,
        });
        if (result.ok) follow(result.value, who);
        else refused(result.error, (m) => say(alert, m));
      },
      field("Company ID", "tenant", { autocapitalize: "none", spellcheck: "false", required: true, autofocus: true }),
      field("Email or user name", "identifier", { autocomplete: "username", autocapitalize: "none", spellcheck: "false", required: true }),
      field("Password", "password", { type: "password", autocomplete: "current-password", required: true }),
      alert,
      h("button", { type: "submit" }, "Sign in"),
    ),
    h("p", {}, h("a", { href: "#/reset" }, "Forgot your password?")),
  );
}
