-- Hibernate takes peer_signal ids from the existing sequence in blocks of 50, so recording a signal no longer forces
-- an insert of its own in the middle of the inbox transaction; each nextval reserves a whole block.
alter sequence peer_signal_id_seq increment by 50;
