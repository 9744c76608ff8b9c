-- AlterTable
ALTER TABLE "return_policy" ADD COLUMN     "free_postage_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "postage_cap" DECIMAL(12,2),
ADD COLUMN     "postage_payer" TEXT NOT NULL DEFAULT 'FLAT';
