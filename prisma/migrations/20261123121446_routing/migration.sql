-- CreateEnum
CREATE TYPE "routing_decision_status" AS ENUM ('PENDING', 'APPLIED', 'SUGGESTED', 'NOT_ROUTABLE', 'FAILED');

-- CreateTable
CREATE TABLE "routing_rule_set" (
    "shop_id" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "updated_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "routing_rule_set_pkey" PRIMARY KEY ("shop_id")
);

-- CreateTable
CREATE TABLE "routing_decision" (
    "id" TEXT NOT NULL,
    "shop_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "order_name" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "created_by" TEXT,
    "status" "routing_decision_status" NOT NULL,
    "strategy" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "plan" JSONB,
    "moves" JSONB NOT NULL DEFAULT '[]',
    "excluded_location_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "shipping_location_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "parcels" INTEGER NOT NULL DEFAULT 0,
    "km" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cost" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "unfilled_units" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "routing_decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "routing_decision_shop_id_created_at_idx" ON "routing_decision"("shop_id", "created_at");

-- CreateIndex
CREATE INDEX "routing_decision_shop_id_status_decided_at_idx" ON "routing_decision"("shop_id", "status", "decided_at");

-- CreateIndex
CREATE UNIQUE INDEX "routing_decision_shop_id_order_id_revision_key" ON "routing_decision"("shop_id", "order_id", "revision");

-- AddForeignKey
ALTER TABLE "routing_rule_set" ADD CONSTRAINT "routing_rule_set_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_decision" ADD CONSTRAINT "routing_decision_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
