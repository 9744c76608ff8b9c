-- AlterTable
ALTER TABLE "return_request" ADD COLUMN     "shop_currency" TEXT,
ADD COLUMN     "shop_value" DECIMAL(12,2);
