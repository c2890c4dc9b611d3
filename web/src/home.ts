// Where a signed-in user lands: the console under /ui/admin/, else the account page.
import type { Schemas } from "@latchkey/client";
import { showConsole } from "./admin/console";
import { showAccount } from "./screens/account";

export function inConsole(): boolean {
  return /\/admin(\/|$)/.test(window.location.pathname);
}

export function showHome(warnings: Schemas["Warning"][] = []): void {
  if (inConsole()) void showConsole();
  else void showAccount(warnings);
}
