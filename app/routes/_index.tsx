import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { demoShop } from "~/demo/demo.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return { demoShop: demoShop() };
};

const features = [
  ["Order routing", "Rules decide which location fulfills each order or line, and every decision is explained."],
  ["Returns desk", "A queue of return requests with rules that approve, decline or flag, labels and restocking."],
  ["Pickup on product pages", "Live stock per store and in-store pickup, carried through to the order."],
  ["Customer portal", "Order tracking and self-service returns in English, Tiếng Việt and 简体中文."],
];

export default function Landing() {
  const { demoShop } = useLoaderData<typeof loader>();
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 720, margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
      <h1>Crossdock</h1>
      <p>Omnichannel order management for Shopify merchants who sell from warehouses and stores.</p>
      <ul>
        {features.map(([title, text]) => (
          <li key={title}>
            <strong>{title}.</strong> {text}
          </li>
        ))}
      </ul>
      {demoShop ? (
        <Form method="post" action="/demo/login">
          <p>
            Demo mode: the admin runs against a local Shopify with the seeded shop <code>{demoShop}</code>.
          </p>
          <button type="submit">Open the demo admin</button>
        </Form>
      ) : (
        <p>Install Crossdock from the Shopify App Store, then open it from your Shopify admin.</p>
      )}
    </main>
  );
}
