import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireDemoShop, signInToDemoShop } from "~/demo/demo.server";

// Demo only (404 otherwise): sign in to the simulated shop and open the admin.
async function signIn() {
  const shop = requireDemoShop();
  const headers = await signInToDemoShop(shop);
  return redirect(`/app?shop=${encodeURIComponent(shop)}`, { headers });
}

export const loader = (_args: LoaderFunctionArgs) => signIn();
export const action = (_args: ActionFunctionArgs) => signIn();
