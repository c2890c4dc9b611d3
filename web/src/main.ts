// Routes by the URL. The links Latchkey mails are pages here: `<public_url>/invitation#token=…`
// and `<public_url>/password-reset#reset_id=…&code=…` (public_url: this app, e.g. …/ui). Within
// the app: #/ sign in (or the account when signed in), #/reset. The login steps in between live
// in memory, never in the URL.
import { currentSession } from "./session";
import { showAccount } from "./screens/account";
import { showInvitation } from "./screens/invitation";
import { showReset, showResetLink } from "./screens/reset";
import { showSignIn } from "./screens/signIn";

function route(): void {
  const path = window.location.pathname.replace(/\/+$/, "");
  const hash = window.location.hash.replace(/^#/, "");
  const params = new URLSearchParams(hash);
  if (path.endsWith("/invitation") && params.get("token")) return void showInvitation(params.get("token") ?? "");
  if (path.endsWith("/password-reset") && params.get("reset_id") && params.get("code")) {
    return void showResetLink(params.get("reset_id") ?? "", params.get("code") ?? "");
  }
  if (hash === "/reset") showReset();
  else if (currentSession()) void showAccount();
  else showSignIn();
}

window.addEventListener("hashchange", route);
route();
