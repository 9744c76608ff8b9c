-- AlterTable
ALTER TABLE "return_policy" ADD COLUMN     "destination_rules" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "drop_off_instructions" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "drop_off_max_distance_km" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "mail_return_location_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];
