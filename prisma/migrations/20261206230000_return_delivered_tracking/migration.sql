-- AlterEnum
ALTER TYPE "return_status" ADD VALUE 'DELIVERED' BEFORE 'RECEIVED';

-- AlterTable
ALTER TABLE "return_request" ADD COLUMN     "self_ship_carrier" TEXT,
ADD COLUMN     "self_ship_tracking_number" TEXT;
