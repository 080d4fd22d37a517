-- The peer's statement moves from each review case to the signal that opened them: one copy per peer event instead
-- of one per listing (a 40 kB letter fanned out to 10,000 listings was 400 MB of rows, each compressed on its own).
-- A case finds it through peer_event_id, which is the signal's event_id. Signals recorded before this that opened no
-- case had no statement stored anywhere, and keep none.
alter table peer_signal add column statement text;

update peer_signal s
   set statement = c.peer_statement
  from (select distinct on (peer_event_id) peer_event_id, peer_statement
          from review_case
         where peer_event_id is not null and peer_statement is not null
         order by peer_event_id, id) c
 where c.peer_event_id = s.event_id;

alter table review_case drop column peer_statement;
