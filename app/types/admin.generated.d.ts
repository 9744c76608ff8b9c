/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type CrossdockAppInstallationQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type CrossdockAppInstallationQuery = { currentAppInstallation: Pick<AdminTypes.AppInstallation, 'id'> };

export type CrossdockAppMetafieldQueryVariables = AdminTypes.Exact<{
  namespace: AdminTypes.Scalars['String']['input'];
  key: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockAppMetafieldQuery = { currentAppInstallation: { metafield?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>> } };

export type CrossdockSetAppMetafieldsMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type CrossdockSetAppMetafieldsMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'namespace' | 'key' | 'value'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockCartVariantSearchQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockCartVariantSearchQuery = { productVariants: { nodes: Array<(
      Pick<AdminTypes.ProductVariant, 'id' | 'sku' | 'displayName'>
      & { product: Pick<AdminTypes.Product, 'status' | 'tags' | 'productType'> }
    )> } };

export type CrossdockCartVariantsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockCartVariantsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.ProductVariant, 'id' | 'sku' | 'displayName'>
    & { product: Pick<AdminTypes.Product, 'status' | 'tags' | 'productType'> }
  )>> };

export type CrossdockExchangeProductVariantsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockExchangeProductVariantsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.ProductVariant, 'id'>
    & { product: (
      Pick<AdminTypes.Product, 'id' | 'status'>
      & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'price'>> } }
    ) }
  )>> };

export type CrossdockReturnCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnInput;
}>;


export type CrossdockReturnCreateMutation = { returnCreate?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
      & { returnLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity'>
          & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
        ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity'>> }, exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'variantId' | 'quantity'>> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockReturnExchangeLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockReturnExchangeLinesQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id'>
    & { exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'processableQuantity' | 'processedQuantity'>> } }
  )> };

export type CrossdockReturnCancelMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockReturnCancelMutation = { returnCancel?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockOrderForRoutingQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockOrderForRoutingQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'cancelledAt'>
    & { shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'latitude' | 'longitude' | 'countryCodeV2' | 'provinceCode' | 'province' | 'city' | 'zip'>>, customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'sku' | 'name' | 'currentQuantity'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'tags' | 'productType'>> }
      )> }, fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'updatedAt'>
        & { assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, lineItems: { nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'remainingQuantity'>
            & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
          )> } }
      )> } }
  )> };

export type CrossdockFulfillmentOrderOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockFulfillmentOrderOrderQuery = { fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'orderId'>> };

export type CrossdockVariantStockQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockVariantStockQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.ProductVariant, 'id' | 'sku'>
    & { inventoryItem: (
      Pick<AdminTypes.InventoryItem, 'id'>
      & { inventoryLevels: { nodes: Array<(
          Pick<AdminTypes.InventoryLevel, 'updatedAt'>
          & { location: Pick<AdminTypes.Location, 'id'>, quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }
        )> } }
    ) }
  )>> };

export type CrossdockOrderRoutingStateQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  withProducts: AdminTypes.Scalars['Boolean']['input'];
}>;


export type CrossdockOrderRoutingStateQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'cancelledAt' | 'displayFinancialStatus'>
    & { risk: (
      Pick<AdminTypes.OrderRiskSummary, 'recommendation'>
      & { assessments: Array<Pick<AdminTypes.OrderRiskAssessment, 'riskLevel'>> }
    ), shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'latitude' | 'longitude' | 'countryCodeV2' | 'provinceCode' | 'province' | 'city' | 'zip'>>, customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, anyFulfillmentOrder: { nodes: Array<Pick<AdminTypes.FulfillmentOrder, 'id'>> }, fulfillmentOrders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'updatedAt'>
        & { deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'sku' | 'remainingQuantity' | 'productTitle' | 'variantTitle'>
            & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
          )> } }
      )> }, lineItems?: { nodes: Array<{ variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'tags' | 'productType'>> }> } }
  )> };

export type CrossdockOrderOpenFulfillmentOrdersQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockOrderOpenFulfillmentOrdersQuery = { order?: AdminTypes.Maybe<{ fulfillmentOrders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'updatedAt'>
        & { deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'sku' | 'remainingQuantity' | 'productTitle' | 'variantTitle'>
            & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
          )> } }
      )> } }> };

export type CrossdockFulfillmentOrderLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockFulfillmentOrderLinesQuery = { fulfillmentOrder?: AdminTypes.Maybe<{ lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'sku' | 'remainingQuantity' | 'productTitle' | 'variantTitle'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
      )> } }> };

export type CrossdockFulfillmentOrderMoveMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  newLocationId: AdminTypes.Scalars['ID']['input'];
  lines?: AdminTypes.InputMaybe<Array<AdminTypes.FulfillmentOrderLineItemInput> | AdminTypes.FulfillmentOrderLineItemInput>;
}>;


export type CrossdockFulfillmentOrderMoveMutation = { fulfillmentOrderMove?: AdminTypes.Maybe<{ movedFulfillmentOrder?: AdminTypes.Maybe<(
      Pick<AdminTypes.FulfillmentOrder, 'id'>
      & { order: (
        Pick<AdminTypes.Order, 'id'>
        & { fulfillmentOrders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
            Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'updatedAt'>
            & { deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
                Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'sku' | 'remainingQuantity' | 'productTitle' | 'variantTitle'>
                & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
              )> } }
          )> } }
      ) }
    )>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderMoveFulfillmentOrderMoveUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockLocationInventoryQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockLocationInventoryQuery = { location?: AdminTypes.Maybe<(
    Pick<AdminTypes.Location, 'id'>
    & { inventoryLevels: { nodes: Array<(
        Pick<AdminTypes.InventoryLevel, 'updatedAt'>
        & { item: (
          Pick<AdminTypes.InventoryItem, 'id' | 'sku'>
          & { variants?: AdminTypes.Maybe<{ nodes: Array<Pick<AdminTypes.ProductVariant, 'id'>> }> }
        ), quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type CrossdockLocationInventoryChangesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockLocationInventoryChangesQuery = { location?: AdminTypes.Maybe<(
    Pick<AdminTypes.Location, 'id'>
    & { inventoryLevels: { nodes: Array<(
        Pick<AdminTypes.InventoryLevel, 'updatedAt'>
        & { item: Pick<AdminTypes.InventoryItem, 'id'> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type CrossdockVariantInventoryQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  levels: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockVariantInventoryQuery = { productVariants: { nodes: Array<(
      Pick<AdminTypes.ProductVariant, 'id' | 'sku' | 'displayName'>
      & { inventoryItem: (
        Pick<AdminTypes.InventoryItem, 'id'>
        & { inventoryLevels: { nodes: Array<(
            Pick<AdminTypes.InventoryLevel, 'updatedAt'>
            & { location: Pick<AdminTypes.Location, 'id'>, quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }
          )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
      ) }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type CrossdockInventoryItemLevelsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockInventoryItemLevelsQuery = { inventoryItem?: AdminTypes.Maybe<(
    Pick<AdminTypes.InventoryItem, 'id'>
    & { inventoryLevels: { nodes: Array<(
        Pick<AdminTypes.InventoryLevel, 'updatedAt'>
        & { location: Pick<AdminTypes.Location, 'id'>, quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type CrossdockLocationsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockLocationsQuery = { locations: { nodes: Array<(
      Pick<AdminTypes.Location, 'id' | 'legacyResourceId' | 'name' | 'isActive' | 'fulfillsOnlineOrders' | 'shipsInventory'>
      & { address: Pick<AdminTypes.LocationAddress, 'address1' | 'address2' | 'city' | 'province' | 'provinceCode' | 'zip' | 'country' | 'countryCode' | 'phone' | 'latitude' | 'longitude'>, localPickupSettingsV2?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryLocalPickupSettings, 'pickupTime' | 'instructions'>> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type CrossdockMarketsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  regions: AdminTypes.Scalars['Int']['input'];
}>;


export type CrossdockMarketsQuery = { markets: { nodes: Array<(
      Pick<AdminTypes.Market, 'id' | 'name' | 'status'>
      & { conditions?: AdminTypes.Maybe<{ regionsCondition?: AdminTypes.Maybe<{ regions: { nodes: Array<Pick<AdminTypes.MarketRegionCountry, 'code'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> }> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type CrossdockMarketRegionsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockMarketRegionsQuery = { market?: AdminTypes.Maybe<{ conditions?: AdminTypes.Maybe<{ regionsCondition?: AdminTypes.Maybe<{ regions: { nodes: Array<Pick<AdminTypes.MarketRegionCountry, 'code'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> }> }> };

export type CrossdockFulfilledOrderCountsQueryVariables = AdminTypes.Exact<{
  currentFulfilled: AdminTypes.Scalars['String']['input'];
  currentPartial: AdminTypes.Scalars['String']['input'];
  previousFulfilled: AdminTypes.Scalars['String']['input'];
  previousPartial: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockFulfilledOrderCountsQuery = { currentFulfilled?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>>, currentPartial?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>>, previousFulfilled?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>>, previousPartial?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>> };

export type CrossdockImportOrdersQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockImportOrdersQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id'>
      & { returns: { nodes: Array<Pick<AdminTypes.Return, 'id' | 'createdAt'>> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type CrossdockOrderBalanceQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockOrderBalanceQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'displayFinancialStatus'>
    & { totalOutstandingSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
  )> };

export type CrossdockOrderInvoiceSendMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  email?: AdminTypes.InputMaybe<AdminTypes.EmailInput>;
}>;


export type CrossdockOrderInvoiceSendMutation = { orderInvoiceSend?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id'>>, userErrors: Array<Pick<AdminTypes.OrderInvoiceSendUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockOrdersChangedQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockOrdersChangedQuery = { orders: { nodes: Array<Pick<AdminTypes.Order, 'id' | 'updatedAt'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type CrossdockOrderSnapshotsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockOrderSnapshotsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'legacyResourceId' | 'name' | 'email' | 'phone' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'closedAt' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'currencyCode' | 'tags'>
    & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, customer?: AdminTypes.Maybe<(
      Pick<AdminTypes.Customer, 'id'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
    )>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'province' | 'provinceCode' | 'zip' | 'countryCodeV2' | 'phone' | 'latitude' | 'longitude'>>, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'sku' | 'name' | 'quantity' | 'requiresShipping'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )> } }
  )>> };

export type CrossdockOrderSummariesQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockOrderSummariesQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'displayFulfillmentStatus'>
      & { shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'city' | 'countryCodeV2'>> }
    )> } };

export type CrossdockPortalOrderByNameQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockPortalOrderByNameQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'phone'>
      & { customer?: AdminTypes.Maybe<{ defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'phone'>> }
    )> } };

export type CrossdockPortalOrderTrackingQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockPortalOrderTrackingQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'processedAt' | 'updatedAt' | 'cancelledAt' | 'closedAt' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'currencyCode'>
    & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'latitude' | 'longitude'>>, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'name' | 'sku' | 'quantity' | 'unfulfilledQuantity'>
        & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )> }, fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
        & { deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, assignedLocation: (
          Pick<AdminTypes.FulfillmentOrderAssignedLocation, 'name'>
          & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }
        ), lineItems: { nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'remainingQuantity'>
            & { lineItem: Pick<AdminTypes.LineItem, 'id' | 'name'> }
          )> } }
      )> }, fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'name' | 'status' | 'displayStatus' | 'createdAt' | 'updatedAt' | 'inTransitAt' | 'estimatedDeliveryAt' | 'deliveredAt'>
      & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id' | 'name'>>, trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>>, fulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.FulfillmentLineItem, 'id' | 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id' | 'name'> }
        )> }, events: { nodes: Array<Pick<AdminTypes.FulfillmentEvent, 'status' | 'happenedAt' | 'message'>> } }
    )> }
  )> };

export type CrossdockPortalLocationsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockPortalLocationsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Location, 'id' | 'name'>
    & { address: Pick<AdminTypes.LocationAddress, 'address1' | 'address2' | 'city' | 'province' | 'zip' | 'country' | 'countryCode' | 'phone' | 'formatted'>, localPickupSettingsV2?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryLocalPickupSettings, 'instructions' | 'pickupTime'>> }
  )>> };

export type CrossdockPortalCustomerOrdersQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockPortalCustomerOrdersQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'cancelledAt' | 'displayFulfillmentStatus'>
      & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>> }
    )> } };

export type CrossdockProductByHandleQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockProductByHandleQuery = { products: { nodes: Array<(
      Pick<AdminTypes.Product, 'id' | 'legacyResourceId' | 'title' | 'handle' | 'description'>
      & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'legacyResourceId' | 'title' | 'sku' | 'price' | 'availableForSale'>> } }
    )> } };

export type CrossdockProductHandlesQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
}>;


export type CrossdockProductHandlesQuery = { products: { nodes: Array<Pick<AdminTypes.Product, 'title' | 'handle'>> } };

export type CrossdockReturnSuggestedOutcomeQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lines: Array<AdminTypes.SuggestedOutcomeReturnLineItemInput> | AdminTypes.SuggestedOutcomeReturnLineItemInput;
}>;


export type CrossdockReturnSuggestedOutcomeQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id'>
    & { suggestedFinancialOutcome?: AdminTypes.Maybe<{ financialTransfer?: AdminTypes.Maybe<(
        { __typename: 'InvoiceReturnOutcome' }
        & { amount: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      ) | (
        { __typename: 'RefundReturnOutcome' }
        & { amount: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, suggestedTransactions: Array<{ amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, parentTransaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id'>> }> }
      )> }> }
  )> };

export type CrossdockReturnProcessMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnProcessInput;
}>;


export type CrossdockReturnProcessMutation = { returnProcess?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'status'>
      & { refunds: { nodes: Array<(
          Pick<AdminTypes.Refund, 'id' | 'createdAt'>
          & { totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockReturnForSyncQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockReturnForSyncQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id' | 'name' | 'status' | 'createdAt' | 'requestApprovedAt' | 'closedAt'>
    & { decline?: AdminTypes.Maybe<Pick<AdminTypes.ReturnDecline, 'reason' | 'note'>>, order: (
      Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'currencyCode' | 'presentmentCurrencyCode' | 'customerLocale'>
      & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id' | 'displayName' | 'firstName' | 'lastName'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'countryCodeV2' | 'latitude' | 'longitude'>>, fulfillments: Array<(
        Pick<AdminTypes.Fulfillment, 'deliveredAt'>
        & { fulfillmentLineItems: { nodes: Array<Pick<AdminTypes.FulfillmentLineItem, 'id'>> } }
      )> }
    ), refunds: { nodes: Array<Pick<AdminTypes.Refund, 'id'>> }, returnLineItems: { nodes: Array<(
        Pick<AdminTypes.ReturnLineItem, 'customerNote' | 'id' | 'quantity' | 'processedQuantity'>
        & { returnReasonDefinition?: AdminTypes.Maybe<Pick<AdminTypes.ReturnReasonDefinition, 'handle'>>, fulfillmentLineItem: (
          Pick<AdminTypes.FulfillmentLineItem, 'id'>
          & { lineItem: (
            Pick<AdminTypes.LineItem, 'id' | 'title' | 'variantTitle' | 'sku'>
            & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'tags' | 'productType'>>, discountedUnitPriceAfterAllDiscountsSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
          ) }
        ) }
      ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity'>> }, reverseFulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.ReverseFulfillmentOrder, 'id' | 'status'>
        & { lineItems: { nodes: Array<(
            Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
            & { fulfillmentLineItem?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentLineItem, 'id'>>, dispositions: Array<(
              Pick<AdminTypes.ReverseFulfillmentOrderDisposition, 'id' | 'quantity' | 'type'>
              & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }
            )> }
          )> }, reverseDeliveries: { nodes: Array<(
            Pick<AdminTypes.ReverseDelivery, 'id'>
            & { deliverable?: AdminTypes.Maybe<{ tracking?: AdminTypes.Maybe<Pick<AdminTypes.ReverseDeliveryTrackingV2, 'carrierName' | 'number' | 'url'>> }> }
          )> } }
      )> } }
  )> };

export type CrossdockReturnFeesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockReturnFeesQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id'>
    & { order: Pick<AdminTypes.Order, 'presentmentCurrencyCode'>, returnShippingFees: Array<{ amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }>, returnLineItems: { nodes: Array<(
        Pick<AdminTypes.ReturnLineItem, 'id'>
        & { restockingFee?: AdminTypes.Maybe<{ amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }> }
      ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id'>> } }
  )> };

export type CrossdockReturnCloseMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockReturnCloseMutation = { returnClose?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status' | 'closedAt'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockReturnOfReverseFulfillmentOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockReturnOfReverseFulfillmentOrderQuery = { reverseFulfillmentOrder?: AdminTypes.Maybe<(
    Pick<AdminTypes.ReverseFulfillmentOrder, 'id'>
    & { order?: AdminTypes.Maybe<{ returns: { nodes: Array<(
          Pick<AdminTypes.Return, 'id'>
          & { reverseFulfillmentOrders: { nodes: Array<Pick<AdminTypes.ReverseFulfillmentOrder, 'id'>> } }
        )> } }> }
  )> };

export type CrossdockOrderForReturnQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockOrderForReturnQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'phone' | 'createdAt' | 'cancelledAt' | 'customerLocale' | 'currencyCode' | 'presentmentCurrencyCode'>
    & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id' | 'displayName' | 'firstName' | 'lastName'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'name' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'province' | 'provinceCode' | 'zip' | 'country' | 'countryCodeV2' | 'phone' | 'latitude' | 'longitude'>>, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'title' | 'variantTitle' | 'sku' | 'quantity'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'tags' | 'productType'>>, discountedUnitPriceAfterAllDiscountsSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )> } }
  )> };

export type CrossdockOrderFulfillmentsForReturnQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockOrderFulfillmentsForReturnQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'status' | 'displayStatus' | 'createdAt' | 'deliveredAt'>
      & { location?: AdminTypes.Maybe<{ address: Pick<AdminTypes.LocationAddress, 'countryCode'> }>, fulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.FulfillmentLineItem, 'id' | 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
        )> } }
    )> }
  )>, returnableFulfillments: { nodes: Array<(
      Pick<AdminTypes.ReturnableFulfillment, 'id'>
      & { returnableFulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnableFulfillmentLineItem, 'quantity'>
          & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
        )> } }
    )> } };

export type CrossdockReturnQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockReturnQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
    & { decline?: AdminTypes.Maybe<Pick<AdminTypes.ReturnDecline, 'reason' | 'note'>>, returnLineItems: { nodes: Array<(
        Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity'>
        & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
      ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity'>> }, reverseFulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.ReverseFulfillmentOrder, 'id' | 'status'>
        & { lineItems: { nodes: Array<(
            Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
            & { fulfillmentLineItem?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentLineItem, 'id'>> }
          )> }, reverseDeliveries: { nodes: Array<(
            Pick<AdminTypes.ReverseDelivery, 'id'>
            & { deliverable?: AdminTypes.Maybe<{ tracking?: AdminTypes.Maybe<Pick<AdminTypes.ReverseDeliveryTrackingV2, 'carrierName' | 'number' | 'url'>>, label?: AdminTypes.Maybe<Pick<AdminTypes.ReverseDeliveryLabelV2, 'publicFileUrl'>> }> }
          )> } }
      )> } }
  )> };

export type CrossdockReturnRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnRequestInput;
}>;


export type CrossdockReturnRequestMutation = { returnRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
      & { returnLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity'>
          & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
        ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity'>> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockReturnReasonDefinitionsQueryVariables = AdminTypes.Exact<{
  handles?: AdminTypes.InputMaybe<Array<AdminTypes.Scalars['String']['input']> | AdminTypes.Scalars['String']['input']>;
}>;


export type CrossdockReturnReasonDefinitionsQuery = { returnReasonDefinitions: { nodes: Array<Pick<AdminTypes.ReturnReasonDefinition, 'id' | 'handle'>> } };

export type CrossdockReturnApproveRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnApproveRequestInput;
}>;


export type CrossdockReturnApproveRequestMutation = { returnApproveRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockReturnDeclineRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnDeclineRequestInput;
}>;


export type CrossdockReturnDeclineRequestMutation = { returnDeclineRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'status'>
      & { decline?: AdminTypes.Maybe<Pick<AdminTypes.ReturnDecline, 'reason' | 'note'>> }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockReverseDeliveryCreateWithShippingMutationVariables = AdminTypes.Exact<{
  reverseFulfillmentOrderId: AdminTypes.Scalars['ID']['input'];
  reverseDeliveryLineItems: Array<AdminTypes.ReverseDeliveryLineItemInput> | AdminTypes.ReverseDeliveryLineItemInput;
  trackingInput?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryTrackingInput>;
  labelInput?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryLabelInput>;
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type CrossdockReverseDeliveryCreateWithShippingMutation = { reverseDeliveryCreateWithShipping?: AdminTypes.Maybe<{ reverseDelivery?: AdminTypes.Maybe<(
      Pick<AdminTypes.ReverseDelivery, 'id'>
      & { deliverable?: AdminTypes.Maybe<{ tracking?: AdminTypes.Maybe<Pick<AdminTypes.ReverseDeliveryTrackingV2, 'carrierName' | 'number' | 'url'>>, label?: AdminTypes.Maybe<Pick<AdminTypes.ReverseDeliveryLabelV2, 'publicFileUrl'>> }> }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockReverseDeliveryShippingUpdateMutationVariables = AdminTypes.Exact<{
  reverseDeliveryId: AdminTypes.Scalars['ID']['input'];
  trackingInput?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryTrackingInput>;
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type CrossdockReverseDeliveryShippingUpdateMutation = { reverseDeliveryShippingUpdate?: AdminTypes.Maybe<{ reverseDelivery?: AdminTypes.Maybe<Pick<AdminTypes.ReverseDelivery, 'id'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockShipmentForNoticeQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CrossdockShipmentForNoticeQuery = { fulfillment?: AdminTypes.Maybe<(
    Pick<AdminTypes.Fulfillment, 'id' | 'status'>
    & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>>, order: (
      Pick<AdminTypes.Order, 'id' | 'name' | 'email' | 'customerLocale' | 'cancelledAt'>
      & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'displayName'>> }
    ) }
  )> };

export type CrossdockShopQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type CrossdockShopQuery = { shop: (
    Pick<AdminTypes.Shop, 'name' | 'email' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone'>
    & { shopAddress: Pick<AdminTypes.ShopAddress, 'countryCodeV2'>, plan: Pick<AdminTypes.ShopPlan, 'publicDisplayName'> }
  ) };

export type CrossdockStoreCreditCreditMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  creditInput: AdminTypes.StoreCreditAccountCreditInput;
}>;


export type CrossdockStoreCreditCreditMutation = { storeCreditAccountCredit?: AdminTypes.Maybe<{ storeCreditAccountTransaction?: AdminTypes.Maybe<(
      Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id' | 'createdAt'>
      & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
    )>, userErrors: Array<Pick<AdminTypes.StoreCreditAccountCreditUserError, 'field' | 'message' | 'code'>> }> };

export type CrossdockCustomerStoreCreditsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  accounts: AdminTypes.Scalars['String']['input'];
}>;


export type CrossdockCustomerStoreCreditsQuery = { customer?: AdminTypes.Maybe<(
    Pick<AdminTypes.Customer, 'id'>
    & { storeCreditAccounts: { nodes: Array<(
        Pick<AdminTypes.StoreCreditAccount, 'id'>
        & { transactions: { nodes: Array<(
            Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id' | 'createdAt'>
            & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
          ) | (
            Pick<AdminTypes.StoreCreditAccountDebitRevertTransaction, 'createdAt'>
            & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
          ) | (
            Pick<AdminTypes.StoreCreditAccountDebitTransaction, 'createdAt'>
            & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
          ) | (
            Pick<AdminTypes.StoreCreditAccountExpirationTransaction, 'createdAt'>
            & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
          )> } }
      )> } }
  )> };

interface GeneratedQueryTypes {
  "#graphql\n  query CrossdockAppInstallation {\n    currentAppInstallation {\n      id\n    }\n  }\n": {return: CrossdockAppInstallationQuery, variables: CrossdockAppInstallationQueryVariables},
  "#graphql\n  query CrossdockAppMetafield($namespace: String!, $key: String!) {\n    currentAppInstallation {\n      metafield(namespace: $namespace, key: $key) {\n        value\n      }\n    }\n  }\n": {return: CrossdockAppMetafieldQuery, variables: CrossdockAppMetafieldQueryVariables},
  "#graphql\n  query CrossdockCartVariantSearch($first: Int!, $query: String!) {\n    productVariants(first: $first, query: $query) {\n      nodes {\n        id\n        sku\n        displayName\n        product {\n          status\n          tags\n          productType\n        }\n      }\n    }\n  }\n": {return: CrossdockCartVariantSearchQuery, variables: CrossdockCartVariantSearchQueryVariables},
  "#graphql\n  query CrossdockCartVariants($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on ProductVariant {\n        id\n        sku\n        displayName\n        product {\n          status\n          tags\n          productType\n        }\n      }\n    }\n  }\n": {return: CrossdockCartVariantsQuery, variables: CrossdockCartVariantsQueryVariables},
  "#graphql\n  query CrossdockExchangeProductVariants($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on ProductVariant {\n        id\n        product {\n          id\n          status\n          variants(first: 100) {\n            nodes {\n              id\n              title\n              sku\n              price\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockExchangeProductVariantsQuery, variables: CrossdockExchangeProductVariantsQueryVariables},
  "#graphql\n  query CrossdockReturnExchangeLines($id: ID!) {\n    return(id: $id) {\n      id\n      exchangeLineItems(first: 50) {\n        nodes {\n          id\n          processableQuantity\n          processedQuantity\n        }\n      }\n    }\n  }\n": {return: CrossdockReturnExchangeLinesQuery, variables: CrossdockReturnExchangeLinesQueryVariables},
  "#graphql\n  query CrossdockOrderForRouting($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      createdAt\n      cancelledAt\n      shippingAddress {\n        latitude\n        longitude\n        countryCodeV2\n        provinceCode\n        province\n        city\n        zip\n      }\n      customAttributes {\n        key\n        value\n      }\n      lineItems(first: 50) {\n        nodes {\n          id\n          sku\n          name\n          currentQuantity\n          variant {\n            id\n          }\n          product {\n            tags\n            productType\n          }\n        }\n      }\n      fulfillmentOrders(first: 5, query: \"status:open\") {\n        nodes {\n          id\n          status\n          updatedAt\n          assignedLocation {\n            location {\n              id\n            }\n          }\n          deliveryMethod {\n            methodType\n          }\n          lineItems(first: 20) {\n            nodes {\n              id\n              remainingQuantity\n              lineItem {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockOrderForRoutingQuery, variables: CrossdockOrderForRoutingQueryVariables},
  "#graphql\n  query CrossdockFulfillmentOrderOrder($id: ID!) {\n    fulfillmentOrder(id: $id) {\n      orderId\n    }\n  }\n": {return: CrossdockFulfillmentOrderOrderQuery, variables: CrossdockFulfillmentOrderOrderQueryVariables},
  "#graphql\n  query CrossdockVariantStock($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on ProductVariant {\n        id\n        sku\n        inventoryItem {\n          id\n          inventoryLevels(first: 50) {\n            nodes {\n              updatedAt\n              location {\n                id\n              }\n              quantities(names: [\"available\"]) {\n                name\n                quantity\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockVariantStockQuery, variables: CrossdockVariantStockQueryVariables},
  "#graphql\n  query CrossdockOrderRoutingState($id: ID!, $withProducts: Boolean!) {\n    order(id: $id) {\n      id\n      name\n      createdAt\n      cancelledAt\n      displayFinancialStatus\n      risk {\n        recommendation\n        assessments {\n          riskLevel\n        }\n      }\n      shippingAddress {\n        latitude\n        longitude\n        countryCodeV2\n        provinceCode\n        province\n        city\n        zip\n      }\n      customAttributes {\n        key\n        value\n      }\n      anyFulfillmentOrder: fulfillmentOrders(first: 1) {\n        nodes {\n          id\n        }\n      }\n      fulfillmentOrders(first: 5, query: \"status:open\") {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          status\n          updatedAt\n          deliveryMethod {\n            methodType\n          }\n          assignedLocation {\n            location {\n              id\n            }\n          }\n          lineItems(first: 20) {\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n            nodes {\n              id\n              sku\n              remainingQuantity\n              productTitle\n              variantTitle\n              variant {\n                id\n              }\n            }\n          }\n        }\n      }\n      lineItems(first: 50) @include(if: $withProducts) {\n        nodes {\n          variant {\n            id\n          }\n          product {\n            tags\n            productType\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockOrderRoutingStateQuery, variables: CrossdockOrderRoutingStateQueryVariables},
  "#graphql\n  query CrossdockOrderOpenFulfillmentOrders($id: ID!, $after: String) {\n    order(id: $id) {\n      fulfillmentOrders(first: 5, after: $after, query: \"status:open\") {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          status\n          updatedAt\n          deliveryMethod {\n            methodType\n          }\n          assignedLocation {\n            location {\n              id\n            }\n          }\n          lineItems(first: 20) {\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n            nodes {\n              id\n              sku\n              remainingQuantity\n              productTitle\n              variantTitle\n              variant {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockOrderOpenFulfillmentOrdersQuery, variables: CrossdockOrderOpenFulfillmentOrdersQueryVariables},
  "#graphql\n  query CrossdockFulfillmentOrderLines($id: ID!, $after: String) {\n    fulfillmentOrder(id: $id) {\n      lineItems(first: 50, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          sku\n          remainingQuantity\n          productTitle\n          variantTitle\n          variant {\n            id\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockFulfillmentOrderLinesQuery, variables: CrossdockFulfillmentOrderLinesQueryVariables},
  "#graphql\n  query CrossdockLocationInventory($id: ID!, $first: Int!, $after: String, $query: String) {\n    location(id: $id) {\n      id\n      inventoryLevels(first: $first, after: $after, query: $query) {\n        nodes {\n          updatedAt\n          item {\n            id\n            sku\n            variants(first: 1) {\n              nodes {\n                id\n              }\n            }\n          }\n          quantities(names: [\"available\", \"on_hand\", \"committed\", \"incoming\"]) {\n            name\n            quantity\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": {return: CrossdockLocationInventoryQuery, variables: CrossdockLocationInventoryQueryVariables},
  "#graphql\n  query CrossdockLocationInventoryChanges($id: ID!, $first: Int!, $after: String, $query: String!) {\n    location(id: $id) {\n      id\n      inventoryLevels(first: $first, after: $after, query: $query) {\n        nodes {\n          updatedAt\n          item {\n            id\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": {return: CrossdockLocationInventoryChangesQuery, variables: CrossdockLocationInventoryChangesQueryVariables},
  "#graphql\n  query CrossdockVariantInventory($first: Int!, $levels: Int!, $after: String) {\n    productVariants(first: $first, after: $after) {\n      nodes {\n        id\n        sku\n        displayName\n        inventoryItem {\n          id\n          inventoryLevels(first: $levels) {\n            nodes {\n              updatedAt\n              location {\n                id\n              }\n              quantities(names: [\"available\", \"on_hand\", \"committed\"]) {\n                name\n                quantity\n              }\n            }\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: CrossdockVariantInventoryQuery, variables: CrossdockVariantInventoryQueryVariables},
  "#graphql\n  query CrossdockInventoryItemLevels($id: ID!, $first: Int!, $after: String) {\n    inventoryItem(id: $id) {\n      id\n      inventoryLevels(first: $first, after: $after) {\n        nodes {\n          updatedAt\n          location {\n            id\n          }\n          quantities(names: [\"available\", \"on_hand\", \"committed\"]) {\n            name\n            quantity\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": {return: CrossdockInventoryItemLevelsQuery, variables: CrossdockInventoryItemLevelsQueryVariables},
  "#graphql\n  query CrossdockLocations($first: Int!, $after: String) {\n    locations(first: $first, after: $after, includeInactive: true) {\n      nodes {\n        id\n        legacyResourceId\n        name\n        isActive\n        fulfillsOnlineOrders\n        shipsInventory\n        address {\n          address1\n          address2\n          city\n          province\n          provinceCode\n          zip\n          country\n          countryCode\n          phone\n          latitude\n          longitude\n        }\n        localPickupSettingsV2 {\n          pickupTime\n          instructions\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: CrossdockLocationsQuery, variables: CrossdockLocationsQueryVariables},
  "#graphql\n  query CrossdockMarkets($first: Int!, $after: String, $regions: Int!) {\n    markets(first: $first, after: $after, sortKey: NAME) {\n      nodes {\n        id\n        name\n        status\n        conditions {\n          regionsCondition {\n            regions(first: $regions) {\n              nodes {\n                ... on MarketRegionCountry {\n                  code\n                }\n              }\n              pageInfo {\n                hasNextPage\n                endCursor\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: CrossdockMarketsQuery, variables: CrossdockMarketsQueryVariables},
  "#graphql\n  query CrossdockMarketRegions($id: ID!, $first: Int!, $after: String) {\n    market(id: $id) {\n      conditions {\n        regionsCondition {\n          regions(first: $first, after: $after) {\n            nodes {\n              ... on MarketRegionCountry {\n                code\n              }\n            }\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockMarketRegionsQuery, variables: CrossdockMarketRegionsQueryVariables},
  "#graphql\n  query CrossdockFulfilledOrderCounts($currentFulfilled: String!, $currentPartial: String!, $previousFulfilled: String!, $previousPartial: String!) {\n    currentFulfilled: ordersCount(query: $currentFulfilled, limit: null) {\n      count\n      precision\n    }\n    currentPartial: ordersCount(query: $currentPartial, limit: null) {\n      count\n      precision\n    }\n    previousFulfilled: ordersCount(query: $previousFulfilled, limit: null) {\n      count\n      precision\n    }\n    previousPartial: ordersCount(query: $previousPartial, limit: null) {\n      count\n      precision\n    }\n  }\n": {return: CrossdockFulfilledOrderCountsQuery, variables: CrossdockFulfilledOrderCountsQueryVariables},
  "#graphql\n  query CrossdockImportOrders($first: Int!, $after: String, $query: String!) {\n    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT) {\n      nodes {\n        id\n        returns(first: 5) {\n          nodes {\n            id\n            createdAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: CrossdockImportOrdersQuery, variables: CrossdockImportOrdersQueryVariables},
  "#graphql\n  query CrossdockOrderBalance($id: ID!) {\n    order(id: $id) {\n      id\n      displayFinancialStatus\n      totalOutstandingSet {\n        presentmentMoney {\n          amount\n          currencyCode\n        }\n      }\n    }\n  }\n": {return: CrossdockOrderBalanceQuery, variables: CrossdockOrderBalanceQueryVariables},
  "#graphql\n  query CrossdockOrdersChanged($first: Int!, $after: String, $query: String!) {\n    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {\n      nodes {\n        id\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: CrossdockOrdersChangedQuery, variables: CrossdockOrdersChangedQueryVariables},
  "#graphql\n  query CrossdockOrderSnapshots($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Order {\n        id\n        legacyResourceId\n        name\n        email\n        phone\n        createdAt\n        updatedAt\n        cancelledAt\n        closedAt\n        displayFinancialStatus\n        displayFulfillmentStatus\n        currencyCode\n        totalPriceSet {\n          shopMoney {\n            amount\n          }\n        }\n        tags\n        customAttributes {\n          key\n          value\n        }\n        customer {\n          id\n          defaultEmailAddress {\n            emailAddress\n          }\n          defaultPhoneNumber {\n            phoneNumber\n          }\n        }\n        shippingAddress {\n          firstName\n          lastName\n          company\n          address1\n          address2\n          city\n          province\n          provinceCode\n          zip\n          countryCodeV2\n          phone\n          latitude\n          longitude\n        }\n        lineItems(first: 20) {\n          nodes {\n            id\n            sku\n            name\n            quantity\n            requiresShipping\n            variant {\n              id\n            }\n            originalUnitPriceSet {\n              shopMoney {\n                amount\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockOrderSnapshotsQuery, variables: CrossdockOrderSnapshotsQueryVariables},
  "#graphql\n  query CrossdockOrderSummaries($first: Int!, $query: String) {\n    orders(first: $first, sortKey: CREATED_AT, reverse: true, query: $query) {\n      nodes {\n        id\n        name\n        createdAt\n        displayFulfillmentStatus\n        shippingAddress {\n          city\n          countryCodeV2\n        }\n      }\n    }\n  }\n": {return: CrossdockOrderSummariesQuery, variables: CrossdockOrderSummariesQueryVariables},
  "#graphql\n  query CrossdockPortalOrderByName($query: String!) {\n    orders(first: 3, query: $query) {\n      nodes {\n        id\n        name\n        email\n        phone\n        customer {\n          defaultEmailAddress {\n            emailAddress\n          }\n          defaultPhoneNumber {\n            phoneNumber\n          }\n        }\n        shippingAddress {\n          phone\n        }\n      }\n    }\n  }\n": {return: CrossdockPortalOrderByNameQuery, variables: CrossdockPortalOrderByNameQueryVariables},
  "#graphql\n  query CrossdockPortalOrderTracking($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      createdAt\n      processedAt\n      updatedAt\n      cancelledAt\n      closedAt\n      displayFinancialStatus\n      displayFulfillmentStatus\n      currencyCode\n      totalPriceSet {\n        shopMoney {\n          amount\n          currencyCode\n        }\n      }\n      totalRefundedSet {\n        shopMoney {\n          amount\n          currencyCode\n        }\n      }\n      customer {\n        id\n      }\n      shippingAddress {\n        latitude\n        longitude\n      }\n      lineItems(first: 30) {\n        nodes {\n          id\n          name\n          sku\n          quantity\n          unfulfilledQuantity\n          originalUnitPriceSet {\n            shopMoney {\n              amount\n              currencyCode\n            }\n          }\n        }\n      }\n      fulfillmentOrders(first: 5) {\n        nodes {\n          id\n          status\n          deliveryMethod {\n            methodType\n          }\n          assignedLocation {\n            name\n            location {\n              id\n            }\n          }\n          lineItems(first: 10) {\n            nodes {\n              remainingQuantity\n              lineItem {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n      fulfillments(first: 5) {\n        id\n        name\n        status\n        displayStatus\n        createdAt\n        updatedAt\n        inTransitAt\n        estimatedDeliveryAt\n        deliveredAt\n        location {\n          id\n          name\n        }\n        trackingInfo(first: 3) {\n          company\n          number\n          url\n        }\n        fulfillmentLineItems(first: 10) {\n          nodes {\n            id\n            quantity\n            lineItem {\n              id\n              name\n            }\n          }\n        }\n        events(first: 10, sortKey: HAPPENED_AT, reverse: true) {\n          nodes {\n            status\n            happenedAt\n            message\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockPortalOrderTrackingQuery, variables: CrossdockPortalOrderTrackingQueryVariables},
  "#graphql\n  query CrossdockPortalLocations($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Location {\n        id\n        name\n        address {\n          address1\n          address2\n          city\n          province\n          zip\n          country\n          countryCode\n          phone\n          formatted\n        }\n        localPickupSettingsV2 {\n          instructions\n          pickupTime\n        }\n      }\n    }\n  }\n": {return: CrossdockPortalLocationsQuery, variables: CrossdockPortalLocationsQueryVariables},
  "#graphql\n  query CrossdockPortalCustomerOrders($query: String!) {\n    orders(first: 10, query: $query, sortKey: CREATED_AT, reverse: true) {\n      nodes {\n        id\n        name\n        createdAt\n        cancelledAt\n        displayFulfillmentStatus\n        customer {\n          id\n        }\n      }\n    }\n  }\n": {return: CrossdockPortalCustomerOrdersQuery, variables: CrossdockPortalCustomerOrdersQueryVariables},
  "#graphql\n  query CrossdockProductByHandle($query: String!) {\n    products(first: 1, query: $query) {\n      nodes {\n        id\n        legacyResourceId\n        title\n        handle\n        description\n        variants(first: 100) {\n          nodes {\n            id\n            legacyResourceId\n            title\n            sku\n            price\n            availableForSale\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockProductByHandleQuery, variables: CrossdockProductByHandleQueryVariables},
  "#graphql\n  query CrossdockProductHandles($first: Int!) {\n    products(first: $first, query: \"status:active\") {\n      nodes {\n        title\n        handle\n      }\n    }\n  }\n": {return: CrossdockProductHandlesQuery, variables: CrossdockProductHandlesQueryVariables},
  "#graphql\n  query CrossdockReturnSuggestedOutcome($id: ID!, $lines: [SuggestedOutcomeReturnLineItemInput!]!) {\n    return(id: $id) {\n      id\n      suggestedFinancialOutcome(returnLineItems: $lines, exchangeLineItems: []) {\n        financialTransfer {\n          __typename\n          ... on RefundReturnOutcome {\n            amount {\n              presentmentMoney {\n                amount\n                currencyCode\n              }\n            }\n            suggestedTransactions {\n              amountSet {\n                presentmentMoney {\n                  amount\n                  currencyCode\n                }\n              }\n              parentTransaction {\n                id\n              }\n            }\n          }\n          ... on InvoiceReturnOutcome {\n            amount {\n              presentmentMoney {\n                amount\n                currencyCode\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockReturnSuggestedOutcomeQuery, variables: CrossdockReturnSuggestedOutcomeQueryVariables},
  "#graphql\n  query CrossdockReturnForSync($id: ID!) {\n    return(id: $id) {\n      id\n      name\n      status\n      createdAt\n      requestApprovedAt\n      closedAt\n      decline {\n        reason\n        note\n      }\n      order {\n        id\n        name\n        email\n        currencyCode\n        presentmentCurrencyCode\n        customerLocale\n        customer {\n          id\n          displayName\n          firstName\n          lastName\n        }\n        shippingAddress {\n          countryCodeV2\n          latitude\n          longitude\n        }\n        fulfillments(first: 5) {\n          deliveredAt\n          fulfillmentLineItems(first: 20) {\n            nodes {\n              id\n            }\n          }\n        }\n      }\n      refunds(first: 10) {\n        nodes {\n          id\n        }\n      }\n      returnLineItems(first: 25) {\n        nodes {\n          id\n          quantity\n          processedQuantity\n          ... on ReturnLineItem {\n            returnReasonDefinition {\n              handle\n            }\n            customerNote\n            fulfillmentLineItem {\n              id\n              lineItem {\n                id\n                title\n                variantTitle\n                sku\n                variant {\n                  id\n                }\n                product {\n                  tags\n                  productType\n                }\n                discountedUnitPriceAfterAllDiscountsSet {\n                  shopMoney {\n                    amount\n                  }\n                  presentmentMoney {\n                    amount\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n      reverseFulfillmentOrders(first: 2) {\n        nodes {\n          id\n          status\n          lineItems(first: 25) {\n            nodes {\n              id\n              totalQuantity\n              fulfillmentLineItem {\n                id\n              }\n              dispositions {\n                id\n                quantity\n                type\n                location {\n                  id\n                }\n              }\n            }\n          }\n          reverseDeliveries(first: 2) {\n            nodes {\n              id\n              deliverable {\n                ... on ReverseDeliveryShippingDeliverable {\n                  tracking {\n                    carrierName\n                    number\n                    url\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockReturnForSyncQuery, variables: CrossdockReturnForSyncQueryVariables},
  "#graphql\n  query CrossdockReturnFees($id: ID!) {\n    return(id: $id) {\n      id\n      order {\n        presentmentCurrencyCode\n      }\n      returnShippingFees {\n        amountSet {\n          presentmentMoney {\n            amount\n          }\n        }\n      }\n      returnLineItems(first: 25) {\n        nodes {\n          id\n          ... on ReturnLineItem {\n            restockingFee {\n              amountSet {\n                presentmentMoney {\n                  amount\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockReturnFeesQuery, variables: CrossdockReturnFeesQueryVariables},
  "#graphql\n  query CrossdockReturnOfReverseFulfillmentOrder($id: ID!) {\n    reverseFulfillmentOrder(id: $id) {\n      id\n      order {\n        returns(first: 25, reverse: true) {\n          nodes {\n            id\n            reverseFulfillmentOrders(first: 5) {\n              nodes {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockReturnOfReverseFulfillmentOrderQuery, variables: CrossdockReturnOfReverseFulfillmentOrderQueryVariables},
  "#graphql\n  query CrossdockOrderForReturn($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      email\n      phone\n      createdAt\n      cancelledAt\n      customerLocale\n      currencyCode\n      presentmentCurrencyCode\n      totalPriceSet {\n        shopMoney {\n          amount\n          currencyCode\n        }\n        presentmentMoney {\n          amount\n          currencyCode\n        }\n      }\n      customer {\n        id\n        displayName\n        firstName\n        lastName\n      }\n      shippingAddress {\n        name\n        firstName\n        lastName\n        company\n        address1\n        address2\n        city\n        province\n        provinceCode\n        zip\n        country\n        countryCodeV2\n        phone\n        latitude\n        longitude\n      }\n      lineItems(first: 50) {\n        nodes {\n          id\n          title\n          variantTitle\n          sku\n          quantity\n          variant {\n            id\n          }\n          product {\n            id\n            tags\n            productType\n          }\n          discountedUnitPriceAfterAllDiscountsSet {\n            shopMoney {\n              amount\n              currencyCode\n            }\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockOrderForReturnQuery, variables: CrossdockOrderForReturnQueryVariables},
  "#graphql\n  query CrossdockOrderFulfillmentsForReturn($id: ID!) {\n    order(id: $id) {\n      id\n      fulfillments(first: 5) {\n        id\n        status\n        displayStatus\n        createdAt\n        deliveredAt\n        location {\n          address {\n            countryCode\n          }\n        }\n        fulfillmentLineItems(first: 25) {\n          nodes {\n            id\n            quantity\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n    returnableFulfillments(orderId: $id, first: 5) {\n      nodes {\n        id\n        returnableFulfillmentLineItems(first: 25) {\n          nodes {\n            quantity\n            fulfillmentLineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockOrderFulfillmentsForReturnQuery, variables: CrossdockOrderFulfillmentsForReturnQueryVariables},
  "#graphql\n  query CrossdockReturn($id: ID!) {\n    return(id: $id) {\n      id\n      name\n      status\n      decline {\n        reason\n        note\n      }\n      returnLineItems(first: 50) {\n        nodes {\n          id\n          quantity\n          ... on ReturnLineItem {\n            fulfillmentLineItem {\n              id\n            }\n          }\n        }\n      }\n      reverseFulfillmentOrders(first: 2) {\n        nodes {\n          id\n          status\n          lineItems(first: 50) {\n            nodes {\n              id\n              totalQuantity\n              fulfillmentLineItem {\n                id\n              }\n            }\n          }\n          reverseDeliveries(first: 5) {\n            nodes {\n              id\n              deliverable {\n                ... on ReverseDeliveryShippingDeliverable {\n                  tracking {\n                    carrierName\n                    number\n                    url\n                  }\n                  label {\n                    publicFileUrl\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockReturnQuery, variables: CrossdockReturnQueryVariables},
  "#graphql\n  query CrossdockReturnReasonDefinitions($handles: [String!]) {\n    returnReasonDefinitions(first: 20, handles: $handles) {\n      nodes {\n        id\n        handle\n      }\n    }\n  }\n": {return: CrossdockReturnReasonDefinitionsQuery, variables: CrossdockReturnReasonDefinitionsQueryVariables},
  "#graphql\n  query CrossdockShipmentForNotice($id: ID!) {\n    fulfillment(id: $id) {\n      id\n      status\n      trackingInfo(first: 3) {\n        company\n        number\n        url\n      }\n      order {\n        id\n        name\n        email\n        customerLocale\n        cancelledAt\n        customer {\n          displayName\n        }\n      }\n    }\n  }\n": {return: CrossdockShipmentForNoticeQuery, variables: CrossdockShipmentForNoticeQueryVariables},
  "#graphql\n  query CrossdockShop {\n    shop {\n      name\n      email\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n      shopAddress {\n        countryCodeV2\n      }\n      plan {\n        publicDisplayName\n      }\n    }\n  }\n": {return: CrossdockShopQuery, variables: CrossdockShopQueryVariables},
  "#graphql\n  query CrossdockCustomerStoreCredits($id: ID!, $accounts: String!) {\n    customer(id: $id) {\n      id\n      storeCreditAccounts(first: 5, query: $accounts) {\n        nodes {\n          id\n          transactions(first: 50, reverse: true, query: \"type:credit\") {\n            nodes {\n              createdAt\n              amount {\n                amount\n                currencyCode\n              }\n              ... on StoreCreditAccountCreditTransaction {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: CrossdockCustomerStoreCreditsQuery, variables: CrossdockCustomerStoreCreditsQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation CrossdockSetAppMetafields($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        namespace\n        key\n        value\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockSetAppMetafieldsMutation, variables: CrossdockSetAppMetafieldsMutationVariables},
  "#graphql\n  mutation CrossdockReturnCreate($input: ReturnInput!) {\n    returnCreate(returnInput: $input) {\n      return {\n        id\n        name\n        status\n        returnLineItems(first: 50) {\n          nodes {\n            id\n            quantity\n            ... on ReturnLineItem {\n              fulfillmentLineItem {\n                id\n              }\n            }\n          }\n        }\n        exchangeLineItems(first: 50) {\n          nodes {\n            id\n            variantId\n            quantity\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReturnCreateMutation, variables: CrossdockReturnCreateMutationVariables},
  "#graphql\n  mutation CrossdockReturnCancel($id: ID!) {\n    returnCancel(id: $id) {\n      return {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReturnCancelMutation, variables: CrossdockReturnCancelMutationVariables},
  "#graphql\n  mutation CrossdockFulfillmentOrderMove($id: ID!, $newLocationId: ID!, $lines: [FulfillmentOrderLineItemInput!]) {\n    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $lines) {\n      movedFulfillmentOrder {\n        id\n        order {\n          id\n          fulfillmentOrders(first: 5, query: \"status:open\") {\n            pageInfo {\n              hasNextPage\n              endCursor\n            }\n            nodes {\n              id\n              status\n              updatedAt\n              deliveryMethod {\n                methodType\n              }\n              assignedLocation {\n                location {\n                  id\n                }\n              }\n              lineItems(first: 20) {\n                pageInfo {\n                  hasNextPage\n                  endCursor\n                }\n                nodes {\n                  id\n                  sku\n                  remainingQuantity\n                  productTitle\n                  variantTitle\n                  variant {\n                    id\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockFulfillmentOrderMoveMutation, variables: CrossdockFulfillmentOrderMoveMutationVariables},
  "#graphql\n  mutation CrossdockOrderInvoiceSend($id: ID!, $email: EmailInput) {\n    orderInvoiceSend(id: $id, email: $email) {\n      order {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockOrderInvoiceSendMutation, variables: CrossdockOrderInvoiceSendMutationVariables},
  "#graphql\n  mutation CrossdockReturnProcess($input: ReturnProcessInput!) {\n    returnProcess(input: $input) {\n      return {\n        id\n        status\n        refunds(first: 10) {\n          nodes {\n            id\n            createdAt\n            totalRefundedSet {\n              presentmentMoney {\n                amount\n                currencyCode\n              }\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReturnProcessMutation, variables: CrossdockReturnProcessMutationVariables},
  "#graphql\n  mutation CrossdockReturnClose($id: ID!) {\n    returnClose(id: $id) {\n      return {\n        id\n        status\n        closedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReturnCloseMutation, variables: CrossdockReturnCloseMutationVariables},
  "#graphql\n  mutation CrossdockReturnRequest($input: ReturnRequestInput!) {\n    returnRequest(input: $input) {\n      return {\n        id\n        name\n        status\n        returnLineItems(first: 50) {\n          nodes {\n            id\n            quantity\n            ... on ReturnLineItem {\n              fulfillmentLineItem {\n                id\n              }\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReturnRequestMutation, variables: CrossdockReturnRequestMutationVariables},
  "#graphql\n  mutation CrossdockReturnApproveRequest($input: ReturnApproveRequestInput!) {\n    returnApproveRequest(input: $input) {\n      return {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReturnApproveRequestMutation, variables: CrossdockReturnApproveRequestMutationVariables},
  "#graphql\n  mutation CrossdockReturnDeclineRequest($input: ReturnDeclineRequestInput!) {\n    returnDeclineRequest(input: $input) {\n      return {\n        id\n        status\n        decline {\n          reason\n          note\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReturnDeclineRequestMutation, variables: CrossdockReturnDeclineRequestMutationVariables},
  "#graphql\n  mutation CrossdockReverseDeliveryCreateWithShipping(\n    $reverseFulfillmentOrderId: ID!\n    $reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!\n    $trackingInput: ReverseDeliveryTrackingInput\n    $labelInput: ReverseDeliveryLabelInput\n    $notifyCustomer: Boolean\n  ) {\n    reverseDeliveryCreateWithShipping(\n      reverseFulfillmentOrderId: $reverseFulfillmentOrderId\n      reverseDeliveryLineItems: $reverseDeliveryLineItems\n      trackingInput: $trackingInput\n      labelInput: $labelInput\n      notifyCustomer: $notifyCustomer\n    ) {\n      reverseDelivery {\n        id\n        deliverable {\n          ... on ReverseDeliveryShippingDeliverable {\n            tracking {\n              carrierName\n              number\n              url\n            }\n            label {\n              publicFileUrl\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReverseDeliveryCreateWithShippingMutation, variables: CrossdockReverseDeliveryCreateWithShippingMutationVariables},
  "#graphql\n  mutation CrossdockReverseDeliveryShippingUpdate($reverseDeliveryId: ID!, $trackingInput: ReverseDeliveryTrackingInput, $notifyCustomer: Boolean) {\n    reverseDeliveryShippingUpdate(reverseDeliveryId: $reverseDeliveryId, trackingInput: $trackingInput, notifyCustomer: $notifyCustomer) {\n      reverseDelivery {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockReverseDeliveryShippingUpdateMutation, variables: CrossdockReverseDeliveryShippingUpdateMutationVariables},
  "#graphql\n  mutation CrossdockStoreCreditCredit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {\n    storeCreditAccountCredit(id: $id, creditInput: $creditInput) {\n      storeCreditAccountTransaction {\n        id\n        createdAt\n        amount {\n          amount\n          currencyCode\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CrossdockStoreCreditCreditMutation, variables: CrossdockStoreCreditCreditMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
