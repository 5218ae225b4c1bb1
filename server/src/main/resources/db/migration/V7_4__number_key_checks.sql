-- Check values of the number keys: an instance whose keys differ from the ones that wrote the data
-- (another data dir's generated keys, a mistyped key) refuses to start instead of mis-routing.
create table number_key_checks (
    name  varchar(64)  primary key,
    check_value varchar(255) not null
);
