-- A customer's contacts keep the order they were registered in, in a column of their own: their rows had no order
-- and no key, so Hibernate read them with a select of their own after the customer and its domains. With an index
-- one query reads all three, once per decision.
alter table customer_contact add column ordinal integer;
update customer_contact c set ordinal = numbered.n
    from (select ctid, row_number() over (partition by customer_id order by ctid) - 1 as n
          from customer_contact) numbered
    where c.ctid = numbered.ctid;
alter table customer_contact alter column ordinal set not null;
alter table customer_contact add primary key (customer_id, ordinal);
drop index customer_contact_customer;
