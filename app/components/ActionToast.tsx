import { useRouteLoaderData } from "@remix-run/react";
import { Toast } from "@shopify/polaris";
import { useEffect, useState } from "react";

/**
 * A toast confirming what an action did ("Rules saved", "2 returns approved"). Inside Shopify admin it
 * is App Bridge's toast (`shopify.toast.show`); outside (the demo) it is Polaris' Toast in the app's
 * Frame (app/routes/app.tsx). `event` is the action's result: each new result shows its toast once,
 * even when two saves in a row say the same words.
 */
export function ActionToast({ event, message, error = false }: { event: unknown; message: string | null | undefined; error?: boolean }) {
  const embedded = useRouteLoaderData<{ embedded: boolean }>("routes/app")?.embedded ?? false;
  const [shown, setShown] = useState<{ message: string; error: boolean } | null>(null);
  useEffect(() => {
    if (!event || !message) return;
    if (embedded && typeof shopify !== "undefined") shopify.toast.show(message, { isError: error });
    else setShown({ message, error });
  }, [event, message, error, embedded]);
  if (embedded || !shown) return null;
  return <Toast content={shown.message} error={shown.error} onDismiss={() => setShown(null)} />;
}
