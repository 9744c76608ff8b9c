-- CreateTable
CREATE TABLE "market" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "shopify_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "synced_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "market_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "market_shop_id_shopify_id_key" ON "market"("shop_id", "shopify_id");

-- AddForeignKey
ALTER TABLE "market" ADD CONSTRAINT "market_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
