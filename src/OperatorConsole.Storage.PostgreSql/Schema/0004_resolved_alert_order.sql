-- The resolved alerts newest first, as pruning all but the newest kept reads them: firing alerts, which are never
-- pruned, are not in it, so old firing alerts are neither counted nor walked past.

CREATE INDEX IF NOT EXISTS alerts_resolved_received ON alerts (received_at DESC, id DESC) WHERE resolved;
