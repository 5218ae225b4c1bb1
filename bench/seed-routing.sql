-- Seeds a callmask database at schema V6 (bench/routing.sh migrates it there with SchemaAt) with :n
-- open sessions for the routing benchmark, set-based, with plaintext numbers as V6 stored them; the
-- app's V7 migrations then seal and hash them when the run starts, as for an existing installation. Run with
--   psql -v ON_ERROR_STOP=1 -v n=1000000 -h 127.0.0.1 -U postgres -d DB -f bench/seed-routing.sql
--
-- Shape (mirrors what SessionService.open / Sessions.insert write, see the comments per table):
--   pool_numbers: 200 active twilio numbers +918000000001 .. +918000000200, region IN
--   retailers:    ceil(:n / 100) real numbers +9198xxxxxxxx, each a party of 100 open sessions, holding
--                 100 DISTINCT masked numbers (the allocator's per-party rule), pool[(r + j) % 200]
--   customers:    :n distinct real numbers +9197xxxxxxxx, each in exactly one open session
--   sessions:     status 'open', created within the last hour, expiring in 30 days (the max TTL),
--                 open_key = the same SHA-256 SessionService.openKey computes
--   parties:      position 0 = retailer, 1 = customer (the order POST /v1/masked-calls opens them in)
--   routes:       one row per party, primary key (real_number, masked_number) holds by construction
\set ON_ERROR_STOP on
\timing on

set synchronous_commit = off;
set maintenance_work_mem = '256MB';
set work_mem = '64MB';

begin;

insert into pool_numbers (number, carrier, region, state, created_at)
select '+9180' || lpad(k::text, 8, '0'), 'twilio', 'IN', 'active', now() - interval '1 day'
from generate_series(1, 200) k;

-- One row per session with everything derived once. i = 1..n; retailer r = (i-1)/100 + 1; j = its
-- j-th session. IDs look like the app's ("ses_" + 24 hex chars of a random UUID): md5 of i is as
-- random for B-tree placement.
create temporary table seed on commit drop as
select i,
       'ses_' || substr(md5('session' || i), 1, 24)                         as session_id,
       'ord_' || i                                                          as reference,
       'ret_' || ((i - 1) / 100 + 1)                                        as retailer_id,
       'cus_' || i                                                          as customer_id,
       '+9198' || lpad(((i - 1) / 100 + 1)::text, 8, '0')                   as retailer_real,
       '+9180' || lpad(((((i - 1) / 100 + 1) + (i - 1) % 100) % 200 + 1)::text, 8, '0') as retailer_masked,
       '+9197' || lpad(i::text, 8, '0')                                     as customer_real,
       '+9180' || lpad(((i::bigint * 7919) % 200 + 1)::text, 8, '0')                as customer_masked,
       now() - (i % 3600) * interval '1 second'                             as created_at
from generate_series(1, :n) i;

-- Sessions.insert: (id, reference, 'open', open_key, created_at, expires_at). The open key is
-- SHA-256 of reference \0 role \0 e164 per party, roles sorted (customer < retailer), as in
-- SessionService.openKey.
insert into sessions (id, reference, status, open_key, created_at, expires_at)
select session_id, reference, 'open',
       encode(sha256(convert_to(reference, 'UTF8') || '\x00'::bytea || convert_to('customer', 'UTF8')
                     || '\x00'::bytea || convert_to(customer_real, 'UTF8') || '\x00'::bytea
                     || convert_to('retailer', 'UTF8') || '\x00'::bytea || convert_to(retailer_real, 'UTF8')),
              'hex'),
       created_at, created_at + interval '30 days'
from seed;

insert into parties (session_id, position, role, external_id, real_number, masked_number)
select session_id, 0, 'retailer', retailer_id, retailer_real, retailer_masked from seed
union all
select session_id, 1, 'customer', customer_id, customer_real, customer_masked from seed;

insert into routes (real_number, masked_number, session_id, position)
select retailer_real, retailer_masked, session_id, 0 from seed
union all
select customer_real, customer_masked, session_id, 1 from seed;

commit;

-- VACUUM (ANALYZE): fresh statistics, and hint bits and the visibility map set as autovacuum would have
-- left them on a live database, so the first dial-ins do not pay for writing them.
vacuum (analyze) pool_numbers;
vacuum (analyze) sessions;
vacuum (analyze) parties;
vacuum (analyze) routes;
-- Flush the seed's WAL and dirty pages now: otherwise the checkpoint it triggers (about 500 MB of WAL)
-- runs, spread out, through the measured minute and its fsyncs stall commits (seen in run 5).
checkpoint;

select (select count(*) from sessions where status = 'open') as open_sessions,
       (select count(*) from parties) as parties,
       (select count(*) from routes) as routes,
       (select count(distinct real_number) from routes where position = 0) as retailers,
       pg_size_pretty(pg_database_size(current_database())) as database_size;
