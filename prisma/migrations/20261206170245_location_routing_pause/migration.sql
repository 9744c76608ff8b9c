-- AlterTable
ALTER TABLE "location" ADD COLUMN     "routing_paused_at" TIMESTAMP(3),
ADD COLUMN     "routing_paused_by" TEXT,
ADD COLUMN     "routing_paused_note" TEXT;
