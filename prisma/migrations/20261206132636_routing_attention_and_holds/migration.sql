-- CreateEnum
CREATE TYPE "payment_hold" AS ENUM ('OFF', 'PENDING', 'PENDING_OR_AUTHORIZED');

-- CreateEnum
CREATE TYPE "routing_hold" AS ENUM ('AWAITING_PAYMENT', 'HIGH_RISK');

-- AlterEnum
ALTER TYPE "routing_decision_status" ADD VALUE 'NEEDS_REVIEW';

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "routing_hold" "routing_hold",
ADD COLUMN     "routing_hold_since" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "routing_decision" ADD COLUMN     "attention_notified_at" TIMESTAMP(3),
ADD COLUMN     "handled_at" TIMESTAMP(3),
ADD COLUMN     "handled_by" TEXT;

-- AlterTable
ALTER TABLE "shop_settings" ADD COLUMN     "hold_high_risk" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "hold_unpaid" "payment_hold" NOT NULL DEFAULT 'PENDING';
