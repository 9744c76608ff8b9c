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

interface ShopData {
  shop: {
    name: string;
    email: string;
    myshopifyDomain: string;
    currencyCode: string;
    ianaTimezone: string;
    shopAddress: { countryCodeV2: string | null };
    plan: { publicDisplayName: string };
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
    countryCode: shop.shopAddress.countryCodeV2,
    plan: shop.plan.publicDisplayName,
  };
}
