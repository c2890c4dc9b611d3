import { defineConfig } from "vite";

// Built for /ui/, where Latchkey serves it (LATCHKEY_UI_DIR=web/dist). `npm run dev` proxies
// the API to a local Latchkey (LATCHKEY_URL, default http://127.0.0.1:8080).
const api = process.env.LATCHKEY_URL ?? "http://127.0.0.1:8080";
const paths = ["/login", "/verify", "/challenges", "/me", "/token", "/logout", "/invitations", "/password-reset", "/admin"];

export default defineConfig({
  base: "/ui/",
  build: { outDir: "dist", emptyOutDir: true },
  server: { proxy: Object.fromEntries(paths.map((p) => [p, api])) },
});
