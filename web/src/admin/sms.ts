// SMS: the balance, the messages per day of the last 30 days as a chart, the low-balance
// threshold (owners), and failed messages with "retry".
import { settle, type Schemas } from "@latchkey/client";
import { alertBox, field, form, h, say, valueOf } from "../dom";
import { latchkey } from "../session";
import { act, frame, type Admin } from "./console";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text) el.textContent = text;
  return el;
}

/** One bar per day of the last 30 (UTC), days without messages included; sizes as attributes, not styles (the CSP). */
function chart(usage: Schemas["DailyUsage"][]): Node {
  const counts = new Map<string, number>(usage.map((u) => [u.day, u.messages]));
  const days: [string, number][] = [];
  for (let i = 29; i >= 0; i--) {
    const day = new Date(Date.now() - i * 86_400_000).toISOString().slice(0, 10);
    days.push([day, counts.get(day) ?? 0]);
  }
  const most = Math.max(1, ...days.map(([, n]) => n));
  const total = days.reduce((sum, [, n]) => sum + n, 0);
  const chartEl = svg("svg", { viewBox: "0 0 300 110", role: "img", "aria-label": `${total} text messages in the last 30 days`, class: "chart", "data-testid": "sms-chart" });
  days.forEach(([day, n], i) => {
    const height = Math.round((n / most) * 100);
    const bar = svg("rect", { x: i * 10 + 1, y: 100 - height, width: 8, height: Math.max(height, n ? 1 : 0), class: "bar" });
    bar.append(svg("title", {}, `${day}: ${n}`));
    chartEl.append(bar);
  });
  chartEl.append(svg("line", { x1: 0, y1: 100.5, x2: 300, y2: 100.5, class: "axis" }));
  return chartEl;
}

export async function showSms(me: Admin): Promise<void> {
  const alert = alertBox();
  const page = () => showSms(me);
  const slug = { slug: me.tenant };
  let budget: Schemas["SmsBudget"] | undefined;
  await act(page, alert, () => settle(latchkey.api.GET("/admin/tenants/{slug}/sms-budget", { params: { path: slug } })), (b) => {
    budget = b;
  });
  if (!budget) return frame(me, "SMS", alert);
  const tenant = me.owner ? await settle(latchkey.api.GET("/admin/tenants/{slug}", { params: { path: slug } })) : undefined;
  const failed = await settle(latchkey.api.GET("/admin/tenants/{slug}/outbox", { params: { path: slug, query: { status: "failed", limit: 50 } } }));
  const status = h("p", { role: "status", hidden: true, "data-testid": "sms-done" });

  frame(
    me,
    "SMS",
    alert,
    status,
    h("p", { class: "balance", "data-testid": "balance" }, budget.balance === null || budget.balance === undefined ? "Unlimited text messages." : `${budget.balance} text messages left.`),
    h("section", { "aria-labelledby": "usage-title" }, h("h2", { id: "usage-title" }, "Messages per day, last 30 days"), chart(budget.usage)),
    tenant?.ok
      ? form(
          async (f) => {
            const body = { sms_budget_low_threshold: Number(valueOf(f, "threshold")) };
            await act(page, alert, () => settle(latchkey.api.PATCH("/admin/tenants/{slug}", { params: { path: slug }, body })), () => {
              status.hidden = false;
              status.textContent = "Threshold saved.";
            });
          },
          field("Tell the administrators when this many messages are left (0: never)", "threshold", {
            type: "number",
            min: 0,
            value: tenant.value.settings.sms_budget_low_threshold,
          }),
          h("button", { type: "submit", class: "secondary" }, "Save threshold"),
        )
      : null,
    h(
      "section",
      { "aria-labelledby": "failed-title" },
      h("h2", { id: "failed-title" }, "Messages that could not be delivered"),
      failed.ok && failed.value.length
        ? h(
            "ul",
            { class: "list", "data-testid": "failed" },
            ...failed.value.map((m) =>
              h(
                "li",
                {},
                `${m.channel} to ${m.recipient}, ${new Date(m.created_at).toLocaleString()}: ${m.last_error ?? "failed"} `,
                h(
                  "button",
                  {
                    type: "button",
                    class: "secondary",
                    onclick: () =>
                      act(page, alert, () => settle(latchkey.api.POST("/admin/tenants/{slug}/outbox/{message_id}/retry", { params: { path: { ...slug, message_id: m.id } } })), async () => {
                        await page();
                        say(document.querySelector<HTMLElement>("[data-testid=sms-done]") ?? alert, "Sent again.");
                      }),
                  },
                  "Retry",
                ),
              ),
            ),
          )
        : h("p", {}, "None."),
    ),
  );
}
