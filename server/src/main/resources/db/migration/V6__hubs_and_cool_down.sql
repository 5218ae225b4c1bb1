-- Hub numbers: shared numbers for busy parties, who pick the session by order code in a menu.
alter table pool_numbers add column kind varchar(8) default 'pool' not null;
alter table sessions add column order_code varchar(8);
alter table parties add column on_hub boolean default false not null;

-- One row per hub party of an OPEN session, deleted when the session ends. The primary key keeps
-- order codes unique among one party's open sessions on one hub, so a code names one session.
create table hub_routes (
    real_number  varchar(16) not null,
    hub_number   varchar(16) not null,
    order_code   varchar(8)  not null,
    session_id   varchar(40) not null references sessions (id),
    position     smallint    not null,
    primary key (real_number, hub_number, order_code)
);

create index hub_routes_by_session on hub_routes (session_id);

-- The last release of each (party, masked number) pair: during the cool-down that party does not
-- get the number again with someone else, so a late call back never reaches a stranger.
create table released_pairs (
    real_number        varchar(16) not null,
    masked_number      varchar(16) not null,
    counterpart_number varchar(16) not null,
    released_at        timestamp with time zone not null,
    primary key (real_number, masked_number)
);

-- Stickiness: the number a party last had with a given counterpart.
create index released_pairs_by_counterpart on released_pairs (real_number, counterpart_number, released_at);
