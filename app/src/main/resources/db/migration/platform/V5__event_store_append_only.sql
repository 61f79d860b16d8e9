-- The event log is append-only for everyone who connects, the application's own role and the
-- database owner included (the application usually connects as the owner, whom privileges do not
-- bind): UPDATE, DELETE and TRUNCATE of stored events are refused by triggers.
-- A change to an event's shape is an upcaster, never a rewrite. Whoever must really remove
-- events (a court order) does it on purpose, as a superuser, with
-- ALTER TABLE domainevententry DISABLE TRIGGER USER, in a reviewed migration.
CREATE FUNCTION massrouter_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domainevententry_append_only
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION massrouter_refuse_event_change();
CREATE TRIGGER domainevententry_no_truncate
    BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION massrouter_refuse_event_change();

-- Snapshots are a cache of state that the events already hold: Axon deletes an aggregate's older
-- snapshots when it stores a newer one, so DELETE stays allowed. A stored snapshot is never
-- changed in place: UPDATE and TRUNCATE are refused.
CREATE TRIGGER snapshotevententry_no_update
    BEFORE UPDATE ON snapshotevententry
    FOR EACH ROW EXECUTE FUNCTION massrouter_refuse_event_change();
CREATE TRIGGER snapshotevententry_no_truncate
    BEFORE TRUNCATE ON snapshotevententry
    FOR EACH STATEMENT EXECUTE FUNCTION massrouter_refuse_event_change();
