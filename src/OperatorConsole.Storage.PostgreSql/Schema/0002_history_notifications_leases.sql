-- Kill-switch history out of the switch record (a page is one range of the primary key), outgoing-webhook
-- deliveries, and the leases that keep background work on one instance at a time.

CREATE TABLE IF NOT EXISTS kill_switch_history (
    switch_id text COLLATE "C" NOT NULL, version bigint NOT NULL, doc jsonb NOT NULL,
    PRIMARY KEY (switch_id, version));

CREATE TABLE IF NOT EXISTS webhooks (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, created_at timestamptz NOT NULL);
-- next_due is NULL once a delivery is settled, so the due index holds only pending ones.
CREATE TABLE IF NOT EXISTS notification_deliveries (
    id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL,
    webhook_id text COLLATE "C" NOT NULL, occurrence text COLLATE "C" NOT NULL, next_due timestamptz, created_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS notification_deliveries_due ON notification_deliveries (next_due) WHERE next_due IS NOT NULL;
CREATE INDEX IF NOT EXISTS notification_deliveries_occurrence ON notification_deliveries (occurrence);
CREATE INDEX IF NOT EXISTS notification_deliveries_created ON notification_deliveries (created_at);
CREATE INDEX IF NOT EXISTS notification_deliveries_webhook ON notification_deliveries (webhook_id, created_at);

-- Times are the database's own clock (now()), so instances with skewed clocks agree on who holds a lease.
CREATE TABLE IF NOT EXISTS work_leases (name text COLLATE "C" PRIMARY KEY, holder text NOT NULL, expires_at timestamptz NOT NULL);
