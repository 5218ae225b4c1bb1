-- A retailer's own limit on calls started per hour; null: callmask.limits.retailer-calls-per-hour.
alter table retailers add column calls_per_hour integer;

-- Bucket4j's token buckets, shared by every instance on this database. id is 'retailer:<id>',
-- 'retailer-number:<keyed hash>' or 'customer:<keyed hash>': never a real number. state is
-- Bucket4j's serialised bucket; expires_at (epoch millis) is when the bucket is full again and
-- the row may be deleted.
create table rate_limit_buckets (
    id          varchar(128) primary key,
    state       bytea,
    expires_at  bigint
);

create index rate_limit_buckets_by_expiry on rate_limit_buckets (expires_at);
