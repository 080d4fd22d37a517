-- The outbox holds only events that have not left yet: the relay deletes a row once the broker has accepted it,
-- instead of rewriting it with a sent_at (a new copy of the envelope and its index entries for every event).
-- Common migrations share the version line of the service migrations next to them, so this one takes a version
-- after every service's latest (appstore V3, hosting V2, notification V1).
delete from outbox_event where sent_at is not null;
drop index outbox_event_unsent;
alter table outbox_event drop column sent_at;
