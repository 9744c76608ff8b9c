-- AlterTable
ALTER TABLE "return_policy" ADD COLUMN     "return_outcomes" TEXT[] DEFAULT ARRAY['REFUND']::TEXT[],
ADD COLUMN     "store_credit_bonus_kind" TEXT NOT NULL DEFAULT 'PERCENT',
ADD COLUMN     "store_credit_bonus_value" DECIMAL(12,2) NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "return_request" ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'REFUND',
ADD COLUMN     "store_credit_amount" DECIMAL(12,2),
ADD COLUMN     "store_credit_bonus" DECIMAL(12,2),
ADD COLUMN     "store_credit_requested_at" TIMESTAMP(3),
ADD COLUMN     "store_credit_transaction_id" TEXT,
ADD COLUMN     "store_credited_at" TIMESTAMP(3);
