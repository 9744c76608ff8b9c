-- CreateIndex
CREATE INDEX "order_shop_id_shopify_created_at_idx" ON "order"("shop_id", "shopify_created_at");
