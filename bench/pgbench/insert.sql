-- The database's own single-row insert rate: the same row shape as the baseline service's bench_row.
insert into bench_pg_row (payload, created_at)
values ('abuse report pgbench https://bench-intake.example/post/1 an excerpt of about the same size as a report', now());
