-- A peer decision about a developer with thousands of listings opens thousands of cases in one transaction.
-- Hibernate now takes review_case ids from the existing sequence in blocks of 50 (the entity's allocationSize), so
-- those inserts go out in JDBC batches; each nextval reserves a whole block, so the column default stays safe.
alter sequence review_case_id_seq increment by 50;
-- which listings already have a case for a peer decision: one lookup per signal instead of one per listing
create index review_case_by_peer_decision on review_case (peer_decision_id) where trigger_kind = 'PEER_SIGNAL';
