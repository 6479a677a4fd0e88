-- CreateTable
CREATE TABLE "campaign_call_stats" (
    "id" BIGSERIAL NOT NULL,
    "campaignId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "outcome" TEXT NOT NULL,
    "disposition" TEXT NOT NULL,
    "blocked" TEXT NOT NULL,
    "calls" BIGINT NOT NULL,
    "durationSum" BIGINT NOT NULL,
    "durationN" BIGINT NOT NULL,
    "promises" BIGINT NOT NULL,

    CONSTRAINT "campaign_call_stats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_contact_stats" (
    "id" BIGSERIAL NOT NULL,
    "campaignId" TEXT NOT NULL,
    "contacts" BIGINT NOT NULL,
    "called" BIGINT NOT NULL,
    "contacted" BIGINT NOT NULL,

    CONSTRAINT "campaign_contact_stats_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "campaign_call_stats_campaignId_day_idx" ON "campaign_call_stats"("campaignId", "day");

-- CreateIndex
CREATE INDEX "campaign_contact_stats_campaignId_idx" ON "campaign_contact_stats"("campaignId");

-- AddForeignKey
ALTER TABLE "campaign_call_stats" ADD CONSTRAINT "campaign_call_stats_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_contact_stats" ADD CONSTRAINT "campaign_contact_stats_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The figures above are kept by triggers, in the same transaction as the change. A change appends
-- its net effect per key (an old row's contribution subtracted, a new one's added): writers only
-- ever insert, never wait on another writer's counter row, so concurrent dial workers cannot contend
-- or deadlock here. Row triggers with a WHEN clause for calls' inserts and updates and customers'
-- updates, so the dial path's own writes (scheduled -> dialing, contributing nothing) never run a
-- trigger; statement triggers (transition tables, one aggregated row per key) for deletes and for
-- customers' inserts, which come in bulk. A deleted campaign takes its rows with it (cascade) and
-- gets none back (the EXISTS).
CREATE FUNCTION calls_stats_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.outcome IS NOT NULL OR OLD.state = 'blocked' OR OLD.duration IS NOT NULL) THEN
    INSERT INTO campaign_call_stats ("campaignId", day, outcome, disposition, blocked, calls, "durationSum", "durationN", promises)
    SELECT OLD."campaignId",
           coalesce(((OLD."finishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Kolkata')::date, DATE '1970-01-01'),
           coalesce(OLD.outcome, ''), coalesce(OLD."outcomeDisposition", ''),
           CASE WHEN OLD.state = 'blocked' THEN coalesce(OLD."blockedReason", 'unknown') ELSE '' END,
           -1, -1 * coalesce(OLD.duration, 0), -1 * (OLD.duration IS NOT NULL)::int,
           -1 * coalesce(OLD.outcome = 'Contacted' AND OLD."extractedData" ? 'promise_to_pay_date', false)::int
    WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = OLD."campaignId");
  END IF;
  IF (NEW.outcome IS NOT NULL OR NEW.state = 'blocked' OR NEW.duration IS NOT NULL) THEN
    INSERT INTO campaign_call_stats ("campaignId", day, outcome, disposition, blocked, calls, "durationSum", "durationN", promises)
    SELECT NEW."campaignId",
           coalesce(((NEW."finishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Kolkata')::date, DATE '1970-01-01'),
           coalesce(NEW.outcome, ''), coalesce(NEW."outcomeDisposition", ''),
           CASE WHEN NEW.state = 'blocked' THEN coalesce(NEW."blockedReason", 'unknown') ELSE '' END,
           1, 1 * coalesce(NEW.duration, 0), 1 * (NEW.duration IS NOT NULL)::int,
           1 * coalesce(NEW.outcome = 'Contacted' AND NEW."extractedData" ? 'promise_to_pay_date', false)::int
    WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = NEW."campaignId");
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION calls_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO campaign_call_stats ("campaignId", day, outcome, disposition, blocked, calls, "durationSum", "durationN", promises)
  SELECT d."campaignId", d.day, d.outcome, d.disposition, d.blocked, sum(d.sign), sum(d.sign * coalesce(d.duration, 0)),
         sum(d.sign * (d.duration IS NOT NULL)::int), sum(d.sign * d.promise)
  FROM (
    SELECT r."campaignId",
           coalesce(((r."finishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Kolkata')::date, DATE '1970-01-01') AS day,
           coalesce(r.outcome, '') AS outcome,
           coalesce(r."outcomeDisposition", '') AS disposition,
           CASE WHEN r.state = 'blocked' THEN coalesce(r."blockedReason", 'unknown') ELSE '' END AS blocked,
           -1 AS sign,
           r.duration,
           coalesce(r.outcome = 'Contacted' AND r."extractedData" ? 'promise_to_pay_date', false)::int AS promise
    FROM old_rows r
    WHERE r.outcome IS NOT NULL OR r.state = 'blocked' OR r.duration IS NOT NULL
  ) d
  WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = d."campaignId")
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.sign) <> 0 OR sum(d.sign * coalesce(d.duration, 0)) <> 0 OR sum(d.sign * (d.duration IS NOT NULL)::int) <> 0
      OR sum(d.sign * d.promise) <> 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER calls_stats_insert AFTER INSERT ON calls FOR EACH ROW
WHEN (NEW.outcome IS NOT NULL OR NEW.state = 'blocked' OR NEW.duration IS NOT NULL)
EXECUTE FUNCTION calls_stats_row();
CREATE TRIGGER calls_stats_update AFTER UPDATE ON calls FOR EACH ROW
WHEN (((OLD.outcome IS NOT NULL OR OLD.state = 'blocked' OR OLD.duration IS NOT NULL) OR (NEW.outcome IS NOT NULL OR NEW.state = 'blocked' OR NEW.duration IS NOT NULL)) AND (
  OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD.state IS DISTINCT FROM NEW.state OR OLD.duration IS DISTINCT FROM NEW.duration
  OR OLD."outcomeDisposition" IS DISTINCT FROM NEW."outcomeDisposition" OR OLD."finishedAt" IS DISTINCT FROM NEW."finishedAt"
  OR OLD."blockedReason" IS DISTINCT FROM NEW."blockedReason" OR OLD."extractedData" IS DISTINCT FROM NEW."extractedData"
  OR OLD."campaignId" IS DISTINCT FROM NEW."campaignId"))
EXECUTE FUNCTION calls_stats_row();
CREATE TRIGGER calls_stats_delete AFTER DELETE ON calls REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION calls_stats_delete();

CREATE FUNCTION customers_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO campaign_contact_stats ("campaignId", contacts, called, contacted)
  SELECT d."campaignId", sum(d.sign), sum(d.sign * d.called), sum(d.sign * d.contacted)
  FROM (
    SELECT r."campaignId", 1 AS sign, (r."lastCallAt" IS NOT NULL)::int AS called,
           coalesce(r."lastCallStatus" = 'Contacted', false)::int AS contacted
    FROM new_rows r
  ) d
  WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = d."campaignId")
  GROUP BY 1
  HAVING sum(d.sign) <> 0 OR sum(d.sign * d.called) <> 0 OR sum(d.sign * d.contacted) <> 0;
  RETURN NULL;
END
$$;

CREATE FUNCTION customers_stats_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO campaign_contact_stats ("campaignId", contacts, called, contacted)
  SELECT d."campaignId", sum(d.sign), sum(d.sign * d.called), sum(d.sign * d.contacted)
  FROM (
    SELECT OLD."campaignId", -1 AS sign, (OLD."lastCallAt" IS NOT NULL)::int AS called, coalesce(OLD."lastCallStatus" = 'Contacted', false)::int AS contacted
    UNION ALL
    SELECT NEW."campaignId", 1, (NEW."lastCallAt" IS NOT NULL)::int, coalesce(NEW."lastCallStatus" = 'Contacted', false)::int
  ) d
  WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = d."campaignId")
  GROUP BY 1
  HAVING sum(d.sign) <> 0 OR sum(d.sign * d.called) <> 0 OR sum(d.sign * d.contacted) <> 0;
  RETURN NULL;
END
$$;

CREATE FUNCTION customers_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO campaign_contact_stats ("campaignId", contacts, called, contacted)
  SELECT d."campaignId", sum(d.sign), sum(d.sign * d.called), sum(d.sign * d.contacted)
  FROM (
    SELECT r."campaignId", -1 AS sign, (r."lastCallAt" IS NOT NULL)::int AS called,
           coalesce(r."lastCallStatus" = 'Contacted', false)::int AS contacted
    FROM old_rows r
  ) d
  WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = d."campaignId")
  GROUP BY 1
  HAVING sum(d.sign) <> 0 OR sum(d.sign * d.called) <> 0 OR sum(d.sign * d.contacted) <> 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER customers_stats_insert AFTER INSERT ON customers REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION customers_stats_insert();
CREATE TRIGGER customers_stats_update AFTER UPDATE ON customers FOR EACH ROW
WHEN ((OLD."lastCallAt" IS NULL) IS DISTINCT FROM (NEW."lastCallAt" IS NULL)
  OR OLD."lastCallStatus" IS DISTINCT FROM NEW."lastCallStatus" OR OLD."campaignId" IS DISTINCT FROM NEW."campaignId")
EXECUTE FUNCTION customers_stats_update();
CREATE TRIGGER customers_stats_delete AFTER DELETE ON customers REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION customers_stats_delete();

-- What already exists.
INSERT INTO campaign_call_stats ("campaignId", day, outcome, disposition, blocked, calls, "durationSum", "durationN", promises)
SELECT d."campaignId", d.day, d.outcome, d.disposition, d.blocked, sum(d.sign), sum(d.sign * coalesce(d.duration, 0)),
       sum(d.sign * (d.duration IS NOT NULL)::int), sum(d.sign * d.promise)
FROM (
  SELECT r."campaignId",
           coalesce(((r."finishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Kolkata')::date, DATE '1970-01-01') AS day,
           coalesce(r.outcome, '') AS outcome,
           coalesce(r."outcomeDisposition", '') AS disposition,
           CASE WHEN r.state = 'blocked' THEN coalesce(r."blockedReason", 'unknown') ELSE '' END AS blocked,
           1 AS sign,
           r.duration,
           coalesce(r.outcome = 'Contacted' AND r."extractedData" ? 'promise_to_pay_date', false)::int AS promise
    FROM calls r
    WHERE r.outcome IS NOT NULL OR r.state = 'blocked' OR r.duration IS NOT NULL
) d
WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = d."campaignId")
GROUP BY 1, 2, 3, 4, 5
HAVING sum(d.sign) <> 0 OR sum(d.sign * coalesce(d.duration, 0)) <> 0 OR sum(d.sign * (d.duration IS NOT NULL)::int) <> 0
    OR sum(d.sign * d.promise) <> 0;
  INSERT INTO campaign_contact_stats ("campaignId", contacts, called, contacted)
  SELECT d."campaignId", sum(d.sign), sum(d.sign * d.called), sum(d.sign * d.contacted)
  FROM (
    SELECT r."campaignId", 1 AS sign, (r."lastCallAt" IS NOT NULL)::int AS called,
           coalesce(r."lastCallStatus" = 'Contacted', false)::int AS contacted
    FROM customers r
  ) d
  WHERE EXISTS (SELECT 1 FROM campaigns k WHERE k.id = d."campaignId")
  GROUP BY 1
  HAVING sum(d.sign) <> 0 OR sum(d.sign * d.called) <> 0 OR sum(d.sign * d.contacted) <> 0;
