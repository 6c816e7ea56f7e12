-- A route's alerts newest first, as joining a new alert to its route's open incident reads them: a seek and a short
-- walk, page by page. The route key's own index served only that read, and this one's first column does its work.

CREATE INDEX IF NOT EXISTS alerts_route_received ON alerts (route_key, received_at DESC, id DESC);
DROP INDEX IF EXISTS alerts_route_key;
