-- How many open sessions each party (by keyed hash) has on hubs, kept by the statements that open
-- and end a session: a new session of a busy party reads this one row instead of counting its
-- thousands of hub routes. It equals the party's hub_routes rows at every commit.
create table hub_loads (
    real_number_hash varchar(64) not null,
    open_sessions    integer     not null,
    constraint hub_loads_pk primary key (real_number_hash)
);
insert into hub_loads (real_number_hash, open_sessions)
    select real_number_hash, count(*) from hub_routes group by real_number_hash;
