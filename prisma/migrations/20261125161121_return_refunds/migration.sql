-- AlterTable
ALTER TABLE "return_request" ADD COLUMN     "refunded_amount" DECIMAL(12,2),
ADD COLUMN     "refunded_at" TIMESTAMP(3);
