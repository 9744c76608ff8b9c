import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { demoActivityBody, demoActivityState, runDemoActivityStep } from "~/demo/activity.server";
import { requireDemoShop } from "~/demo/demo.server";

// Demo only (404 otherwise): what the demo shop holds (GET), and the staff's side of the demo's
// "shop in use" (POST, JSON), driven by scripts/demo-activity.ts at the demo's start.
export const loader = async (_args: LoaderFunctionArgs) => Response.json(await demoActivityState(requireDemoShop()));

export const action = async ({ request }: ActionFunctionArgs) => {
  const shop = requireDemoShop();
  const parsed = demoActivityBody.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false, notes: ["bad request"] }, { status: 400 });
  return Response.json(await runDemoActivityStep(shop, parsed.data));
};
