-- CreateTable
CREATE TABLE "customer_data_redaction" (
    "shop_id" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_data_redaction_pkey" PRIMARY KEY ("shop_id","field")
);

-- AddForeignKey
ALTER TABLE "customer_data_redaction" ADD CONSTRAINT "customer_data_redaction_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
