-- CreateEnum
CREATE TYPE "location_kind" AS ENUM ('WAREHOUSE', 'STORE');

-- CreateEnum
CREATE TYPE "webhook_delivery_status" AS ENUM ('RECEIVED', 'QUEUED', 'PROCESSING', 'PROCESSED', 'FAILED', 'DISCARDED');

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN,
    "locale" TEXT,
    "collaborator" BOOLEAN,
    "emailVerified" BOOLEAN,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "country" TEXT,
    "plan" TEXT,
    "installed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_settings" (
    "shop_id" TEXT NOT NULL,
    "auto_routing" BOOLEAN NOT NULL DEFAULT true,
    "stock_buffer" INTEGER NOT NULL DEFAULT 0,
    "low_stock_threshold" INTEGER NOT NULL DEFAULT 3,
    "show_exact_counts" BOOLEAN NOT NULL DEFAULT false,
    "portal_brand_name" TEXT,
    "portal_logo_url" TEXT,
    "portal_brand_color" TEXT,
    "default_locale" TEXT NOT NULL DEFAULT 'en',
    "return_window_days" INTEGER NOT NULL DEFAULT 30,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shop_settings_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "location" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "shopify_id" TEXT NOT NULL,
    "legacy_resource_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address1" TEXT,
    "address2" TEXT,
    "city" TEXT,
    "province" TEXT,
    "province_code" TEXT,
    "zip" TEXT,
    "phone" TEXT,
    "country_code" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "fulfills_online_orders" BOOLEAN NOT NULL DEFAULT true,
    "pickup_enabled" BOOLEAN NOT NULL DEFAULT false,
    "pickup_time" TEXT,
    "pickup_instructions" TEXT,
    "kind" "location_kind" NOT NULL DEFAULT 'WAREHOUSE',
    "priority" INTEGER NOT NULL DEFAULT 100,
    "daily_capacity" INTEGER,
    "stock_buffer" INTEGER,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "synced_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_level" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "inventory_item_id" TEXT NOT NULL,
    "variant_id" TEXT,
    "sku" TEXT,
    "location_id" TEXT NOT NULL,
    "available" INTEGER NOT NULL DEFAULT 0,
    "on_hand" INTEGER NOT NULL DEFAULT 0,
    "committed" INTEGER NOT NULL DEFAULT 0,
    "incoming" INTEGER NOT NULL DEFAULT 0,
    "shopify_updated_at" TIMESTAMP(3) NOT NULL,
    "synced_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inventory_level_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "triggered_at" TIMESTAMP(3),
    "api_version" TEXT,
    "payload" JSONB NOT NULL,
    "status" "webhook_delivery_status" NOT NULL DEFAULT 'RECEIVED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "shop_domain_key" ON "shop"("domain");

-- CreateIndex
CREATE INDEX "location_shop_id_is_active_priority_idx" ON "location"("shop_id", "is_active", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "location_shop_id_shopify_id_key" ON "location"("shop_id", "shopify_id");

-- CreateIndex
CREATE INDEX "inventory_level_shop_id_variant_id_idx" ON "inventory_level"("shop_id", "variant_id");

-- CreateIndex
CREATE INDEX "inventory_level_shop_id_sku_idx" ON "inventory_level"("shop_id", "sku");

-- CreateIndex
CREATE INDEX "inventory_level_location_id_idx" ON "inventory_level"("location_id");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_level_shop_id_inventory_item_id_location_id_key" ON "inventory_level"("shop_id", "inventory_item_id", "location_id");

-- CreateIndex
CREATE INDEX "webhook_delivery_shop_status_idx" ON "webhook_delivery"("shop", "status");

-- CreateIndex
CREATE INDEX "webhook_delivery_shop_received_at_idx" ON "webhook_delivery"("shop", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_delivery_shop_webhook_id_key" ON "webhook_delivery"("shop", "webhook_id");

-- AddForeignKey
ALTER TABLE "shop_settings" ADD CONSTRAINT "shop_settings_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "location" ADD CONSTRAINT "location_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_level" ADD CONSTRAINT "inventory_level_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_level" ADD CONSTRAINT "inventory_level_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;
