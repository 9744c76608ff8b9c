-- AlterTable
ALTER TABLE "inventory_level" ADD COLUMN     "title" TEXT;
