-- AlterTable
ALTER TABLE "shop_settings" ADD COLUMN     "shipment_email_statuses" TEXT[] DEFAULT ARRAY['ATTEMPTED_DELIVERY', 'DELAYED', 'FAILURE']::TEXT[];

-- CreateTable
CREATE TABLE "shipment_event" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "shopify_event_id" TEXT NOT NULL,
    "fulfillment_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "happened_at" TIMESTAMP(3) NOT NULL,
    "estimated_delivery_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipment_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shipment_event_shop_id_fulfillment_id_idx" ON "shipment_event"("shop_id", "fulfillment_id");

-- CreateIndex
CREATE INDEX "shipment_event_shop_id_order_id_idx" ON "shipment_event"("shop_id", "order_id");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_event_shop_id_shopify_event_id_key" ON "shipment_event"("shop_id", "shopify_event_id");

-- AddForeignKey
ALTER TABLE "shipment_event" ADD CONSTRAINT "shipment_event_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
