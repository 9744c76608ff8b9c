-- AlterTable
ALTER TABLE "return_request" ADD COLUMN     "exchange_invoice_amount" DECIMAL(12,2),
ADD COLUMN     "exchange_invoice_currency" TEXT,
ADD COLUMN     "exchange_invoice_requested_at" TIMESTAMP(3),
ADD COLUMN     "exchange_invoice_sent_at" TIMESTAMP(3),
ADD COLUMN     "exchange_paid_at" TIMESTAMP(3),
ADD COLUMN     "exchange_routed_at" TIMESTAMP(3);

-- Exchanges Crossdock routed before the routing claim existed: routed once already.
UPDATE "return_request" r SET "exchange_routed_at" = r."exchange_processed_at"
WHERE r."exchange_processed_at" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "routing_decision" d WHERE d."shop_id" = r."shop_id" AND d."order_id" = r."order_id" AND d."trigger" = 'exchange');
