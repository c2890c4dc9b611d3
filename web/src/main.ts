// Routes by the URL. The links Latchkey mails are pages here: `<public_url>/invitation#token=…`
// and `<public_url>/password-reset#reset_id=…&code=…` (public_url: this app, e.g. …/ui). Within
// the app: #/ sign in (or the account when signed in), #/reset. Under /ui/admin/ the console
// for a tenant's administrators (admin/console.ts), behind the same sign-in. The login steps in between live
// in memory, never in the URL.
import { inConsole } from "./home";
import { showConsole } from "./admin/console";
import { currentSession } from "./session";
import { showAccount } from "./screens/account";
import { showInvitation } from "./screens/invitation";
import { showReset, showResetLink } from "./screens/reset";
import { showSignIn } from "./screens/signIn";

function route(): void {
  const path = window.location.pathname.replace(/\/+$/, "");
  const hash = window.location.hash.replace(/^#/, "");
  const params = new URLSearchParams(hash);
  // A mailed link's secret leaves the address bar (and the history) once read.
  const forget = () => window.history.replaceState(null, "", window.location.pathname);
  if (path.endsWith("/invitation") && params.get("token")) {
    forget();
    return void showInvitation(params.get("token") ?? "");
  }
  if (path.endsWith("/password-reset") && params.get("reset_id") && params.get("code")) {
    forget();
    return void showResetLink(params.get("reset_id") ?? "", params.get("code") ?? "");
  }
  if (hash === "/reset") {
    // Back to #/ at once, so the "Forgot your password?" link works again later.
    window.history.replaceState(null, "", window.location.pathname);
    showReset();
  }
  else if (inConsole()) void showConsole();
  else if (currentSession()) void showAccount();
  else showSignIn();
}

window.addEventListener("hashchange", route);
route();
