-- Report counts per UTC day, category and reporter type, so that GET /stats reads a few thousand rows instead of
-- every report. Kept by statement triggers, so reports written in plain SQL are counted too. The table holds deltas
-- and is never updated in place: each statement that inserts reports appends one row per day, category and type it
-- touched, so concurrent intake never waits for a lock here. ReportCountCompaction folds the deltas of each key into
-- one row now and then; the count of a key is always the sum of its rows.
create table abuse_report_count (
    day           date        not null,
    category      varchar(64) not null,
    reporter_type varchar(32) not null,
    reports       bigint      not null
);
create index abuse_report_count_day on abuse_report_count (day);

create function abuse_report_count_inserted() returns trigger language plpgsql as $$
begin
    insert into abuse_report_count (day, category, reporter_type, reports)
    select cast(received_at at time zone 'UTC' as date), category, reporter_type, count(*)
      from new_reports group by 1, 2, 3;
    return null;
end $$;

create function abuse_report_count_deleted() returns trigger language plpgsql as $$
begin
    insert into abuse_report_count (day, category, reporter_type, reports)
    select cast(received_at at time zone 'UTC' as date), category, reporter_type, -count(*)
      from old_reports group by 1, 2, 3;
    return null;
end $$;

create function abuse_report_count_updated() returns trigger language plpgsql as $$
begin
    insert into abuse_report_count (day, category, reporter_type, reports)
    select day, category, reporter_type, sum(reports) from (
        select cast(received_at at time zone 'UTC' as date) as day, category, reporter_type, 1 as reports from new_reports
        union all
        select cast(received_at at time zone 'UTC' as date), category, reporter_type, -1 from old_reports) changed
     group by 1, 2, 3 having sum(reports) <> 0;
    return null;
end $$;

create function abuse_report_count_truncated() returns trigger language plpgsql as $$
begin
    delete from abuse_report_count;
    return null;
end $$;

create trigger abuse_report_counted_insert after insert on abuse_report
    referencing new table as new_reports for each statement execute function abuse_report_count_inserted();
create trigger abuse_report_counted_delete after delete on abuse_report
    referencing old table as old_reports for each statement execute function abuse_report_count_deleted();
create trigger abuse_report_counted_update after update on abuse_report
    referencing old table as old_reports new table as new_reports
    for each statement execute function abuse_report_count_updated();
create trigger abuse_report_counted_truncate after truncate on abuse_report
    for each statement execute function abuse_report_count_truncated();

-- the reports already stored
insert into abuse_report_count (day, category, reporter_type, reports)
select cast(received_at at time zone 'UTC' as date), category, reporter_type, count(*) from abuse_report group by 1, 2, 3;

-- time to decision: the first report of each decided case is one index probe
create index abuse_report_case_received on abuse_report (case_id, received_at);
