-- A session masks two parties for one reference (an order id) until it is closed or expires.
create table sessions (
    id          varchar(40)  primary key,
    reference   varchar(128) not null,
    status      varchar(16)  not null,
    -- hash of (reference, parties) while open, null once ended: at most one open session per
    -- reference and set of parties, so a repeated create returns the open one.
    open_key    varchar(64),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    ended_at    timestamp with time zone,
    constraint sessions_open_key unique (open_key)
);

create index sessions_by_reference on sessions (reference);
create index sessions_by_status_expiry on sessions (status, expires_at);

create table parties (
    session_id    varchar(40) not null references sessions (id),
    position      smallint    not null,
    role          varchar(32) not null,
    external_id   varchar(64),
    real_number   varchar(16) not null,
    masked_number varchar(16) not null references pool_numbers (number),
    primary key (session_id, position)
);

-- Finds the session a pair belonged to after it ended (to tell "expired" from "stranger").
create index parties_by_pair on parties (real_number, masked_number);

-- The routing table: one row per party of an OPEN session, deleted when the session ends.
-- Its primary key is the routing invariant: among open sessions, a (real number, masked number)
-- pair belongs to at most one session, so a dial-in (From, To) names one session or none.
create table routes (
    real_number   varchar(16) not null,
    masked_number varchar(16) not null,
    session_id    varchar(40) not null references sessions (id),
    position      smallint    not null,
    primary key (real_number, masked_number)
);

create index routes_by_session on routes (session_id);
