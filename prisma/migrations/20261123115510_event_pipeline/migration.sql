-- CreateEnum
CREATE TYPE "job_run_status" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "order_routing_status" AS ENUM ('AWAITING_ROUTING', 'ROUTED', 'NEEDS_REVIEW');

-- AlterEnum
ALTER TYPE "webhook_delivery_status" ADD VALUE 'SKIPPED';

-- AlterTable
ALTER TABLE "webhook_delivery" ADD COLUMN     "duration_ms" INTEGER,
ADD COLUMN     "locked_until" TIMESTAMP(3),
ADD COLUMN     "next_attempt_at" TIMESTAMP(3),
ADD COLUMN     "started_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "job_run" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "job_run_status" NOT NULL DEFAULT 'RUNNING',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "last_error" TEXT,
    "result" JSONB,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "duration_ms" INTEGER,

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "shopify_id" TEXT NOT NULL,
    "legacy_resource_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "customer_id" TEXT,
    "customer_email" TEXT,
    "customer_phone" TEXT,
    "financial_status" TEXT,
    "fulfillment_status" TEXT,
    "cancelled_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "currency" TEXT,
    "total_price" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note_attributes" JSONB NOT NULL DEFAULT '[]',
    "shipping_address" JSONB,
    "line_items" JSONB NOT NULL DEFAULT '[]',
    "shopify_created_at" TIMESTAMP(3) NOT NULL,
    "shopify_updated_at" TIMESTAMP(3) NOT NULL,
    "routing_status" "order_routing_status",
    "routing_updated_at" TIMESTAMP(3),
    "redacted_at" TIMESTAMP(3),
    "synced_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_data_export" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "request_id" TEXT,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_data_export_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_run_shop_started_at_idx" ON "job_run"("shop", "started_at");

-- CreateIndex
CREATE INDEX "order_shop_id_customer_id_idx" ON "order"("shop_id", "customer_id");

-- CreateIndex
CREATE INDEX "order_shop_id_email_idx" ON "order"("shop_id", "email");

-- CreateIndex
CREATE INDEX "order_shop_id_shopify_updated_at_idx" ON "order"("shop_id", "shopify_updated_at");

-- CreateIndex
CREATE INDEX "order_shop_id_routing_status_idx" ON "order"("shop_id", "routing_status");

-- CreateIndex
CREATE UNIQUE INDEX "order_shop_id_shopify_id_key" ON "order"("shop_id", "shopify_id");

-- CreateIndex
CREATE INDEX "customer_data_export_shop_id_customer_id_idx" ON "customer_data_export"("shop_id", "customer_id");

-- CreateIndex
CREATE INDEX "webhook_delivery_status_next_attempt_at_idx" ON "webhook_delivery"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_data_export" ADD CONSTRAINT "customer_data_export_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
