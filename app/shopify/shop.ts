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
      shopAddress {
        countryCodeV2
      }
      plan {
        publicDisplayName
      }
    }
  }
`;

export async function fetchShop(graphql: AdminGraphql): Promise<ShopSnapshot> {
  const { shop } = await adminRequest(graphql, SHOP_QUERY);
  return {
    domain: shop.myshopifyDomain,
    name: shop.name,
    email: shop.email,
    currencyCode: shop.currencyCode,
    timezone: shop.ianaTimezone,
    countryCode: shop.shopAddress.countryCodeV2 ?? null,
    plan: shop.plan.publicDisplayName,
  };
}
