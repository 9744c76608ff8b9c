import type { ShopSnapshot } from "../domain/shops/shop";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

export const SHOP_QUERY = `#graphql
  query CrossdockShop {
    shop {
      name
      email
      myshopifyDomain
      currencyCode
      ianaTimezone
      billingAddress {
        countryCodeV2
      }
      plan {
        displayName
      }
    }
  }
`;

interface ShopData {
  shop: {
    name: string;
    email: string;
    myshopifyDomain: string;
    currencyCode: string;
    ianaTimezone: string;
    billingAddress: { countryCodeV2: string | null };
    plan: { displayName: string };
  };
}

export async function fetchShop(graphql: AdminGraphql): Promise<ShopSnapshot> {
  const { shop } = await adminRequest<ShopData>(graphql, SHOP_QUERY);
  return {
    domain: shop.myshopifyDomain,
    name: shop.name,
    email: shop.email,
    currencyCode: shop.currencyCode,
    timezone: shop.ianaTimezone,
    countryCode: shop.billingAddress.countryCodeV2,
    plan: shop.plan.displayName,
  };
}
