-- Whether and how an order was routed is one record: its routing decisions (routing_decision). The
-- order's own routing_status repeated it, was not updated by a re-route, and could disagree.

-- DropIndex
DROP INDEX "order_shop_id_routing_status_idx";

-- AlterTable
ALTER TABLE "order" DROP COLUMN "routing_status",
DROP COLUMN "routing_updated_at";

-- DropEnum
DROP TYPE "order_routing_status";
