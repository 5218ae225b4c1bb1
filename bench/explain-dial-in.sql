-- EXPLAIN (ANALYZE, BUFFERS) of the statements one dial-in runs (CallService.dialIn), on the
-- benchmark database after the load, for one random open pair. Used by bench/routing.sh.
\set ON_ERROR_STOP on
set track_io_timing = on;
select real_number_hash as real, masked_number as masked from routes tablesample system (1) limit 1 \gset
select 'CA' || md5(random()::text) as sid, 'call_explain' || substr(md5(random()::text), 1, 12) as call_id \gset
\echo '-- 1. Calls.findByLegSid: is this CallSid a retry? (no row for a new call)'
explain (analyze, buffers, costs off) select call_id from legs where carrier_sid = :'sid';
\echo '-- 2. Sessions.findOpenByPair: the routing lookup'
explain (analyze, buffers, costs off)
select s.id, s.reference, s.status, s.created_at, s.expires_at, s.ended_at,
       p.position, p.role, p.external_id, p.real_number_sealed, p.masked_number
from sessions s join parties p on p.session_id = s.id
join routes r on r.session_id = s.id
where r.real_number_hash = :'real' and r.masked_number = :'masked'
order by p.position;
select r.session_id as session_id, r.position as position from routes r
where r.real_number_hash = :'real' and r.masked_number = :'masked' \gset
\echo '-- 3./4. Calls.insert and Calls.insertLeg in one transaction, then commit (timed)'
\timing on
begin;
explain (analyze, buffers, costs off)
insert into calls (id, session_id, direction, caller_position, carrier, created_at)
values (:'call_id', :'session_id', 'dial-in', :position, 'twilio', now());
explain (analyze, buffers, costs off)
insert into legs (carrier_sid, call_id, leg, status, status_rank, updated_at)
values (:'sid', :'call_id', 'caller', 'ringing', 2, now());
commit;
\timing off
\echo '-- 5. Events.record (only on a rejected dial-in; rolled back here)'
begin;
explain (analyze, buffers, costs off)
insert into events (type, session_id, call_id, detail, created_at)
values ('dial-in.rejected', null, null, 'A dial-in was turned away: unknown-caller.', now());
rollback;
\echo '-- table sizes after the run'
select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) as total_size
from pg_stat_user_tables order by pg_total_relation_size(relid) desc;
