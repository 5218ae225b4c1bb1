-- The plaintext number columns go; V7.1 has sealed and hashed every row.
alter table retailers drop column phone;
alter table retailers alter column phone_sealed set not null;

alter table orders drop column customer_phone;
alter table orders alter column customer_phone_hash set not null;

drop index parties_by_pair;
alter table parties drop column real_number;
alter table parties alter column real_number_hash set not null;
-- Finds the session a pair belonged to after it ended (to tell "expired" from "stranger").
create index parties_by_pair on parties (real_number_hash, masked_number);

-- The routing tables are rebuilt so that their primary keys, the routing invariant, are on the hash:
-- among open sessions a (real number, masked number) pair belongs to at most one session.
create table routes_v7 (
    real_number_hash varchar(64) not null,
    masked_number    varchar(16) not null,
    session_id       varchar(40) not null references sessions (id),
    position         smallint    not null,
    constraint routes_pk primary key (real_number_hash, masked_number)
);
insert into routes_v7 (real_number_hash, masked_number, session_id, position)
    select real_number_hash, masked_number, session_id, position from routes;
drop table routes;
alter table routes_v7 rename to routes;
create index routes_by_session on routes (session_id);

-- One row per hub party of an OPEN session; the key keeps order codes unique per party and hub.
create table hub_routes_v7 (
    real_number_hash varchar(64) not null,
    hub_number       varchar(16) not null,
    order_code       varchar(8)  not null,
    session_id       varchar(40) not null references sessions (id),
    position         smallint    not null,
    constraint hub_routes_pk primary key (real_number_hash, hub_number, order_code)
);
insert into hub_routes_v7 (real_number_hash, hub_number, order_code, session_id, position)
    select real_number_hash, hub_number, order_code, session_id, position from hub_routes;
drop table hub_routes;
alter table hub_routes_v7 rename to hub_routes;
create index hub_routes_by_session on hub_routes (session_id);

-- The last release of each (party, masked number) pair, for the cool-down and stickiness.
create table released_pairs_v7 (
    real_number_hash varchar(64) not null,
    masked_number    varchar(16) not null,
    counterpart_hash varchar(64) not null,
    released_at      timestamp with time zone not null,
    constraint released_pairs_pk primary key (real_number_hash, masked_number)
);
insert into released_pairs_v7 (real_number_hash, masked_number, counterpart_hash, released_at)
    select real_number_hash, masked_number, counterpart_hash, released_at from released_pairs;
drop table released_pairs;
alter table released_pairs_v7 rename to released_pairs;
create index released_pairs_by_counterpart on released_pairs (real_number_hash, counterpart_hash, released_at);
create index released_pairs_by_time on released_pairs (released_at);
