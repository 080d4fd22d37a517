-- A developer's contacts keep the order they were registered in, in a column of their own: their rows had no order
-- and no key, so Hibernate could only read them with a select of their own after the developer's. With an index a
-- peer's decision reads a developer, its domains and its contacts in one query.
alter table developer_contact add column ordinal integer;
update developer_contact c set ordinal = numbered.n
    from (select ctid, row_number() over (partition by developer_id order by ctid) - 1 as n
          from developer_contact) numbered
    where c.ctid = numbered.ctid;
alter table developer_contact alter column ordinal set not null;
alter table developer_contact add primary key (developer_id, ordinal);
