-- AlterTable
ALTER TABLE "return_line" ADD COLUMN     "exchange_bonus" DECIMAL(12,2),
ADD COLUMN     "exchange_sku" TEXT,
ADD COLUMN     "exchange_unit_price" DECIMAL(12,2),
ADD COLUMN     "exchange_variant_id" TEXT,
ADD COLUMN     "exchange_variant_title" TEXT,
ADD COLUMN     "shopify_exchange_line_item_id" TEXT;

-- AlterTable
ALTER TABLE "return_policy" ADD COLUMN     "exchange_allowed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "exchange_bonus_kind" TEXT NOT NULL DEFAULT 'PERCENT',
ADD COLUMN     "exchange_bonus_value" DECIMAL(12,2) NOT NULL DEFAULT 0,
ADD COLUMN     "exchange_pay_difference" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "exchange_timing" TEXT NOT NULL DEFAULT 'AFTER_RECEIPT';

-- AlterTable
ALTER TABLE "return_request" ADD COLUMN     "exchange_bonus" DECIMAL(12,2),
ADD COLUMN     "exchange_due" DECIMAL(12,2),
ADD COLUMN     "exchange_processed_at" TIMESTAMP(3),
ADD COLUMN     "exchange_timing" TEXT;
