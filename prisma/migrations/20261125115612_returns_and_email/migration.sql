-- CreateEnum
CREATE TYPE "return_status" AS ENUM ('REQUESTED', 'APPROVED', 'DECLINED', 'IN_TRANSIT', 'RECEIVED', 'REFUNDED', 'CLOSED', 'CANCELED');

-- CreateEnum
CREATE TYPE "return_method" AS ENUM ('MAIL', 'DROP_OFF');

-- CreateEnum
CREATE TYPE "email_status" AS ENUM ('PENDING', 'SENT', 'FAILED', 'OUTBOX');

-- CreateTable
CREATE TABLE "return_policy" (
    "shop_id" TEXT NOT NULL,
    "window_days" INTEGER NOT NULL DEFAULT 30,
    "final_sale_tags" TEXT[] DEFAULT ARRAY['final-sale']::TEXT[],
    "non_returnable_product_types" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "return_shipping_fee" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "restocking_fee_percent" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "allowed_methods" TEXT[] DEFAULT ARRAY['MAIL', 'DROP_OFF']::TEXT[],
    "default_return_location_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "return_policy_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "return_rule_set" (
    "shop_id" TEXT NOT NULL,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "updated_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "return_rule_set_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "return_request" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "rma" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "order_name" TEXT NOT NULL,
    "shopify_return_id" TEXT,
    "source" TEXT NOT NULL DEFAULT 'PORTAL',
    "status" "return_status" NOT NULL DEFAULT 'REQUESTED',
    "method" "return_method" NOT NULL DEFAULT 'MAIL',
    "return_location_id" TEXT,
    "customer_id" TEXT,
    "customer_email" TEXT,
    "customer_name" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "total_value" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "return_shipping_fee" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "restocking_fee" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "flag_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decline_reason" TEXT,
    "decline_note" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMP(3),
    "reverse_fulfillment_order_id" TEXT,
    "reverse_delivery_id" TEXT,
    "label_carrier" TEXT,
    "label_tracking_number" TEXT,
    "label_tracking_url" TEXT,
    "label_created_at" TIMESTAMP(3),
    "received_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "return_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_line" (
    "id" TEXT NOT NULL,
    "return_id" TEXT NOT NULL,
    "fulfillment_line_item_id" TEXT NOT NULL,
    "line_item_id" TEXT NOT NULL,
    "shopify_return_line_item_id" TEXT,
    "variant_id" TEXT,
    "sku" TEXT,
    "title" TEXT NOT NULL,
    "variant_title" TEXT,
    "product_type" TEXT,
    "product_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(12,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "customer_note" TEXT,
    "disposition" TEXT,
    "disposition_location_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "return_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_event" (
    "id" TEXT NOT NULL,
    "return_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "message" TEXT,
    "data" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "return_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_message" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "email_status" NOT NULL DEFAULT 'PENDING',
    "provider_message_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "email_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "return_request_shop_id_status_created_at_idx" ON "return_request"("shop_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "return_request_shop_id_order_id_idx" ON "return_request"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "return_request_shop_id_customer_id_idx" ON "return_request"("shop_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "return_request_shop_id_rma_key" ON "return_request"("shop_id", "rma");

-- CreateIndex
CREATE UNIQUE INDEX "return_request_shop_id_shopify_return_id_key" ON "return_request"("shop_id", "shopify_return_id");

-- CreateIndex
CREATE INDEX "return_line_return_id_idx" ON "return_line"("return_id");

-- CreateIndex
CREATE INDEX "return_event_return_id_created_at_idx" ON "return_event"("return_id", "created_at");

-- CreateIndex
CREATE INDEX "email_message_shop_id_created_at_idx" ON "email_message"("shop_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_message_shop_id_idempotency_key_key" ON "email_message"("shop_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "return_policy" ADD CONSTRAINT "return_policy_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_rule_set" ADD CONSTRAINT "return_rule_set_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_request" ADD CONSTRAINT "return_request_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_line" ADD CONSTRAINT "return_line_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "return_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_event" ADD CONSTRAINT "return_event_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "return_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_message" ADD CONSTRAINT "email_message_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
