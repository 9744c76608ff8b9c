-- The storefront availability cache asks PostgreSQL "which variants of this shop changed since I last
-- asked" instead of re-reading every cached variant's levels (app/services/availability-cache.server.ts).
-- Each inventory level records the transaction that last wrote it (xid8: 64 bits, never wraps), and a
-- reader remembers the oldest transaction still running when it last asked (the snapshot's xmin): a
-- write it could not see then has an id at least that large, whatever order the writers commit in.

-- AddColumn (existing rows get this migration's transaction)
ALTER TABLE "inventory_level" ADD COLUMN "change_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- Every update, by any writer, records its transaction (inserts take the default above).
CREATE FUNCTION "inventory_level_stamp_change_xid"() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN NEW.change_xid := pg_current_xact_id(); RETURN NEW; END';
CREATE TRIGGER "inventory_level_change_xid" BEFORE UPDATE ON "inventory_level"
  FOR EACH ROW EXECUTE FUNCTION "inventory_level_stamp_change_xid"();

-- CreateIndex
CREATE INDEX "inventory_level_shop_id_change_xid_idx" ON "inventory_level"("shop_id", "change_xid");

-- A variant's levels are read from the index alone (index-only scan): its entries sit together there,
-- where in the table each level is on a page of its own.
DROP INDEX "inventory_level_shop_id_variant_id_idx";
CREATE INDEX "inventory_level_shop_id_variant_id_location_id_available_idx" ON "inventory_level"("shop_id", "variant_id", "location_id", "available");
