-- The console's store in PostgreSQL: one table per collection of the LiteDB store. Each row holds the record's JSON
-- in "doc" (the same JSON the LiteDB store keeps) and, as plain columns, the fields the repositories filter or sort on.
-- Ids and text sort keys use the "C" collation, so ORDER BY compares them ordinally, as the LiteDB store does.

CREATE TABLE IF NOT EXISTS meta (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);

CREATE TABLE IF NOT EXISTS ledger (
    sequence bigint PRIMARY KEY,
    ts timestamptz NOT NULL,
    timestamp text NOT NULL,
    actor text NOT NULL,
    action text COLLATE "C" NOT NULL,
    subject text COLLATE "C" NOT NULL,
    outcome text NOT NULL,
    payload text NOT NULL,
    previous_hash text NOT NULL,
    hash text NOT NULL);
CREATE INDEX IF NOT EXISTS ledger_ts ON ledger (ts);
CREATE INDEX IF NOT EXISTS ledger_actor ON ledger (actor);

CREATE TABLE IF NOT EXISTS runbooks (
    id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL,
    slug text COLLATE "C" NOT NULL, version integer NOT NULL, source_path text, declared_id text);
CREATE INDEX IF NOT EXISTS runbooks_slug ON runbooks (slug);
CREATE INDEX IF NOT EXISTS runbooks_source_path ON runbooks (source_path);
CREATE INDEX IF NOT EXISTS runbooks_declared_id ON runbooks (declared_id);
CREATE TABLE IF NOT EXISTS runbook_files (sha256 text PRIMARY KEY, content bytea NOT NULL);

CREATE TABLE IF NOT EXISTS runs (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, slug text NOT NULL, started_at bigint NOT NULL);
CREATE INDEX IF NOT EXISTS runs_slug ON runs (slug);
CREATE INDEX IF NOT EXISTS runs_started_at ON runs (started_at);

CREATE TABLE IF NOT EXISTS users (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS sign_in_sessions (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, started_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS sign_in_sessions_started_at ON sign_in_sessions (started_at);

CREATE TABLE IF NOT EXISTS incidents (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, status text NOT NULL);
CREATE INDEX IF NOT EXISTS incidents_status ON incidents (status);
CREATE TABLE IF NOT EXISTS incident_timeline (
    id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL,
    incident_id text COLLATE "C" NOT NULL, at_ticks bigint NOT NULL, kind text COLLATE "C" NOT NULL, pinned boolean NOT NULL);
CREATE INDEX IF NOT EXISTS incident_timeline_order ON incident_timeline (incident_id, at_ticks, id);
CREATE INDEX IF NOT EXISTS incident_timeline_kind_order ON incident_timeline (incident_id, kind, at_ticks, id);
CREATE INDEX IF NOT EXISTS incident_timeline_pinned ON incident_timeline (incident_id) WHERE pinned;
CREATE TABLE IF NOT EXISTS evidence_records (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, incident_id text NOT NULL);
CREATE INDEX IF NOT EXISTS evidence_records_incident ON evidence_records (incident_id);
CREATE TABLE IF NOT EXISTS post_incident_records (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, open_follow_ups integer NOT NULL);
CREATE TABLE IF NOT EXISTS attachments (
    id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, incident_id text NOT NULL, sha256 text NOT NULL, content bytea NOT NULL);
CREATE INDEX IF NOT EXISTS attachments_incident ON attachments (incident_id);

CREATE TABLE IF NOT EXISTS guarded_tokens (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, expires_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS guarded_tokens_expires_at ON guarded_tokens (expires_at);
CREATE TABLE IF NOT EXISTS guarded_policies (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);

CREATE TABLE IF NOT EXISTS kill_switches (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, version bigint NOT NULL);
CREATE INDEX IF NOT EXISTS kill_switches_version ON kill_switches (version);
CREATE TABLE IF NOT EXISTS kill_switch_evidence (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, switch_id text NOT NULL);
CREATE INDEX IF NOT EXISTS kill_switch_evidence_switch ON kill_switch_evidence (switch_id);

CREATE TABLE IF NOT EXISTS lockdowns (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, active boolean NOT NULL);
CREATE TABLE IF NOT EXISTS lockdown_snapshots (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);

CREATE TABLE IF NOT EXISTS scopes (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS manifests (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, scope_id text NOT NULL);
CREATE INDEX IF NOT EXISTS manifests_scope ON manifests (scope_id);
CREATE TABLE IF NOT EXISTS rollbacks (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, scope_id text NOT NULL, drill boolean NOT NULL);
CREATE INDEX IF NOT EXISTS rollbacks_scope ON rollbacks (scope_id);
CREATE TABLE IF NOT EXISTS releases (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, scope_id text NOT NULL);
CREATE INDEX IF NOT EXISTS releases_scope ON releases (scope_id);

CREATE TABLE IF NOT EXISTS health_checks (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS health_check_states (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
-- Results in insertion order (seq), as the LiteDB store keeps them by ObjectId.
CREATE TABLE IF NOT EXISTS health_check_results (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, doc jsonb NOT NULL, check_id text NOT NULL);
CREATE INDEX IF NOT EXISTS health_check_results_check ON health_check_results (check_id, seq);

CREATE TABLE IF NOT EXISTS alert_rules (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS alerts (
    id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL,
    received_at timestamptz NOT NULL, route_key text NOT NULL, incident_id text NOT NULL, routed boolean NOT NULL, resolved boolean NOT NULL);
CREATE INDEX IF NOT EXISTS alerts_received_at ON alerts (received_at);
CREATE INDEX IF NOT EXISTS alerts_route_key ON alerts (route_key);
CREATE INDEX IF NOT EXISTS alerts_incident ON alerts (incident_id);
CREATE TABLE IF NOT EXISTS alert_deliveries (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, received_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS alert_deliveries_received_at ON alert_deliveries (received_at);
CREATE TABLE IF NOT EXISTS alert_silences (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, incident_id text NOT NULL);
CREATE INDEX IF NOT EXISTS alert_silences_incident ON alert_silences (incident_id);

CREATE TABLE IF NOT EXISTS launches (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL, scope_id text NOT NULL);
CREATE INDEX IF NOT EXISTS launches_scope ON launches (scope_id);
CREATE TABLE IF NOT EXISTS launch_duties (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS launch_bundles (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
