/**
 * Returns: returnRequest, returnCreate, returnApproveRequest, returnDeclineRequest, returnCancel,
 * returnClose, returnReopen, reverseDeliveryCreateWithShipping, reverseDeliveryShippingUpdate,
 * reverseFulfillmentOrderDispose; and fulfillmentEventCreate.
 */
import { createFulfillmentEvent } from "../../store/fulfillment-events";
import type { DispositionType, FulfillmentEventStatus, ReturnDeclineReason, ReturnReason } from "../../store/records";
import {
  approveReturn,
  cancelReturn,
  closeReturn,
  createReturn,
  createReverseDelivery,
  declineReturn,
  disposeItems,
  reopenReturn,
  updateReverseDelivery,
  type DispositionInput,
  type ReturnLineInput,
} from "../../store/returns";
import type { ExchangeLineInput } from "../../store/exchanges";
import { processReturn } from "../../store/return-processing";
import type { Outcome } from "../../store/user-errors";
import type { GraphqlContext, ResolverMap } from "../context";
import { inputId } from "../ids";

interface LineInput {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReason?: ReturnReason | null;
  returnReasonDefinitionId?: string | null;
  returnReasonNote?: string | null;
  customerNote?: string | null;
  restockingFee?: { percentage: number } | null;
}

interface MoneyInput {
  amount: string;
  currencyCode: string;
}

export interface ExchangeInput {
  variantId?: string | null;
  quantity: number;
  appliedDiscount?: { description?: string | null; value: { amount?: MoneyInput | null; percentage?: number | null } } | null;
  giftCardCodes?: string[] | null;
}

export function exchangeLines(lines: ExchangeInput[] | null | undefined): ExchangeLineInput[] {
  return (lines ?? []).map((l) => ({
    ...(l.variantId != null ? { variantId: inputId("ProductVariant", l.variantId) } : {}),
    quantity: l.quantity,
    appliedDiscount: l.appliedDiscount ?? null,
    giftCardCodes: l.giftCardCodes ?? null,
  }));
}

function returnLines(lines: LineInput[]): ReturnLineInput[] {
  return lines.map((l) => ({
    fulfillmentLineItemId: inputId("FulfillmentLineItem", l.fulfillmentLineItemId),
    quantity: l.quantity,
    returnReason: l.returnReason ?? null,
    ...(l.returnReasonDefinitionId != null ? { returnReasonDefinitionId: inputId("ReturnReasonDefinition", l.returnReasonDefinitionId) } : {}),
    returnReasonNote: l.returnReasonNote ?? null,
    customerNote: l.customerNote ?? null,
    restockingFee: l.restockingFee ?? null,
  }));
}

interface DisposeInput {
  reverseFulfillmentOrderLineItemId: string;
  quantity: number;
  dispositionType: DispositionType;
  locationId?: string | null;
}

function dispositions(inputs: DisposeInput[]): DispositionInput[] {
  return inputs.map((d) => ({
    reverseFulfillmentOrderLineItemId: inputId("ReverseFulfillmentOrderLineItem", d.reverseFulfillmentOrderLineItemId),
    quantity: d.quantity,
    dispositionType: d.dispositionType,
    ...(d.locationId != null ? { locationId: inputId("Location", d.locationId) } : {}),
  }));
}

interface ReturnProcessArgs {
  input: {
    returnId: string;
    returnLineItems?: { id: string; quantity: number; dispositions?: DisposeInput[] | null }[] | null;
    exchangeLineItems?: { id: string; quantity: number }[] | null;
    financialTransfer?: {
      issueRefund?: {
        orderTransactions: { parentId: string; transactionAmount: MoneyInput }[];
        allowOverRefunding?: boolean | null;
        refundMethods?: unknown[] | null;
      } | null;
    } | null;
    refundShipping?: { fullRefund?: boolean | null; shippingRefundAmount?: MoneyInput | null } | null;
    refundDuties?: unknown[] | null;
    note?: string | null;
    notifyCustomer?: boolean | null;
    tipLineId?: string | null;
  };
}

/** `{return, userErrors}` payloads. */
function returnPayload<T>(result: Outcome<T>, pick: (value: T) => unknown = (value) => value) {
  return result.ok ? { return: pick(result.value), userErrors: [] } : { return: null, userErrors: result.userErrors };
}

function deliveryPayload<T>(result: Outcome<T>) {
  return result.ok ? { reverseDelivery: result.value, userErrors: [] } : { reverseDelivery: null, userErrors: result.userErrors };
}

interface TrackingInput {
  number?: string | null;
  url?: string | null;
}

export const returnMutations: ResolverMap = {
  Mutation: {
    returnRequest: (
      _s: unknown,
      args: { input: { orderId: string; returnLineItems: LineInput[]; returnShippingFee?: { amount: MoneyInput } | null } },
      ctx: GraphqlContext,
    ) =>
      returnPayload(
        createReturn(ctx.shop, {
          fieldRoot: "input",
          status: "REQUESTED",
          orderId: inputId("Order", args.input.orderId),
          lines: returnLines(args.input.returnLineItems),
          shippingFee: args.input.returnShippingFee?.amount ?? null,
        }),
      ),
    returnCreate: (
      _s: unknown,
      args: {
        returnInput: {
          orderId: string;
          returnLineItems: LineInput[];
          returnShippingFee?: { amount: MoneyInput } | null;
          requestedAt?: string | null;
          exchangeLineItems?: ExchangeInput[] | null;
        };
      },
      ctx: GraphqlContext,
    ) => {
      const input = args.returnInput;
      return returnPayload(
        createReturn(ctx.shop, {
          fieldRoot: "returnInput",
          status: "OPEN",
          orderId: inputId("Order", input.orderId),
          lines: returnLines(input.returnLineItems),
          shippingFee: input.returnShippingFee?.amount ?? null,
          exchangeLines: exchangeLines(input.exchangeLineItems),
          createdAt: input.requestedAt ?? null,
        }),
      );
    },
    returnProcess: (_s: unknown, args: ReturnProcessArgs, ctx: GraphqlContext) => {
      const input = args.input;
      const refund = input.financialTransfer?.issueRefund;
      return returnPayload(
        processReturn(ctx.shop, {
          returnId: inputId("Return", input.returnId),
          lines: (input.returnLineItems ?? []).map((l) => ({ id: inputId("ReturnLineItem", l.id), quantity: l.quantity, dispositions: dispositions(l.dispositions ?? []) })),
          exchangeLineItems: (input.exchangeLineItems ?? []).map((l) => ({ id: inputId("ExchangeLineItem", l.id), quantity: l.quantity })),
          refund: refund
            ? {
                orderTransactions: refund.orderTransactions.map((t) => ({
                  parentId: inputId("OrderTransaction", t.parentId),
                  amount: t.transactionAmount.amount,
                  currencyCode: t.transactionAmount.currencyCode,
                })),
                allowOverRefunding: refund.allowOverRefunding ?? false,
                refundMethods: refund.refundMethods ?? null,
              }
            : null,
          refundShipping: input.refundShipping ?? null,
          refundDuties: input.refundDuties ?? null,
          note: input.note ?? null,
        }),
        (processed) => processed.ret,
      );
    },
    returnApproveRequest: (_s: unknown, args: { input: { id: string; notifyCustomer?: boolean | null } }, ctx: GraphqlContext) =>
      returnPayload(approveReturn(ctx.shop, inputId("Return", args.input.id), { notifyCustomer: args.input.notifyCustomer ?? false })),
    returnDeclineRequest: (
      _s: unknown,
      args: { input: { id: string; declineReason: ReturnDeclineReason; declineNote?: string | null; notifyCustomer?: boolean | null } },
      ctx: GraphqlContext,
    ) =>
      returnPayload(
        declineReturn(ctx.shop, inputId("Return", args.input.id), {
          reason: args.input.declineReason,
          note: args.input.declineNote ?? null,
          notifyCustomer: args.input.notifyCustomer ?? false,
        }),
      ),
    returnCancel: (_s: unknown, args: { id: string; notifyCustomer?: boolean | null }, ctx: GraphqlContext) =>
      returnPayload(cancelReturn(ctx.shop, inputId("Return", args.id), { notifyCustomer: args.notifyCustomer ?? false })),
    returnClose: (_s: unknown, args: { id: string }, ctx: GraphqlContext) => returnPayload(closeReturn(ctx.shop, inputId("Return", args.id))),
    returnReopen: (_s: unknown, args: { id: string }, ctx: GraphqlContext) => returnPayload(reopenReturn(ctx.shop, inputId("Return", args.id))),
    reverseDeliveryCreateWithShipping: (
      _s: unknown,
      args: {
        reverseFulfillmentOrderId: string;
        reverseDeliveryLineItems: { reverseFulfillmentOrderLineItemId: string; quantity: number }[];
        trackingInput?: TrackingInput | null;
        labelInput?: { fileUrl: string } | null;
        notifyCustomer?: boolean | null;
      },
      ctx: GraphqlContext,
    ) =>
      deliveryPayload(
        createReverseDelivery(ctx.shop, {
          reverseFulfillmentOrderId: inputId("ReverseFulfillmentOrder", args.reverseFulfillmentOrderId),
          lines: args.reverseDeliveryLineItems.map((l) => ({
            reverseFulfillmentOrderLineItemId: inputId("ReverseFulfillmentOrderLineItem", l.reverseFulfillmentOrderLineItemId),
            quantity: l.quantity,
          })),
          tracking: args.trackingInput ?? null,
          labelFileUrl: args.labelInput?.fileUrl ?? null,
          notifyCustomer: args.notifyCustomer ?? true,
        }),
      ),
    reverseDeliveryShippingUpdate: (
      _s: unknown,
      args: { reverseDeliveryId: string; trackingInput?: TrackingInput | null; labelInput?: { fileUrl: string } | null; notifyCustomer?: boolean | null },
      ctx: GraphqlContext,
    ) =>
      deliveryPayload(
        updateReverseDelivery(ctx.shop, inputId("ReverseDelivery", args.reverseDeliveryId), {
          tracking: args.trackingInput ?? null,
          labelFileUrl: args.labelInput?.fileUrl ?? null,
          notifyCustomer: args.notifyCustomer ?? null,
        }),
      ),
    reverseFulfillmentOrderDispose: (
      _s: unknown,
      args: {
        dispositionInputs: { reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: DispositionType; locationId?: string | null }[];
      },
      ctx: GraphqlContext,
    ) => {
      const result = disposeItems(ctx.shop, dispositions(args.dispositionInputs));
      return result.ok
        ? { reverseFulfillmentOrderLineItems: result.value, userErrors: [] }
        : { reverseFulfillmentOrderLineItems: null, userErrors: result.userErrors };
    },
    fulfillmentEventCreate: (
      _s: unknown,
      args: {
        fulfillmentEvent: {
          fulfillmentId: string;
          status: FulfillmentEventStatus;
          happenedAt?: string | null;
          estimatedDeliveryAt?: string | null;
          message?: string | null;
          address1?: string | null;
          city?: string | null;
          province?: string | null;
          country?: string | null;
          zip?: string | null;
          latitude?: number | null;
          longitude?: number | null;
        };
      },
      ctx: GraphqlContext,
    ) => {
      const { fulfillmentId, ...input } = args.fulfillmentEvent;
      const result = createFulfillmentEvent(ctx.shop, inputId("Fulfillment", fulfillmentId), input);
      return result.ok ? { fulfillmentEvent: result.value, userErrors: [] } : { fulfillmentEvent: null, userErrors: result.userErrors };
    },
  },
};
