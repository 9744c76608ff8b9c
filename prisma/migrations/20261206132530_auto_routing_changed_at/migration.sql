-- AlterTable
ALTER TABLE "shop_settings" ADD COLUMN     "auto_routing_changed_at" TIMESTAMP(3);
