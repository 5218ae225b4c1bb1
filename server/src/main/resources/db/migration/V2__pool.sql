-- The platform's rented numbers, which parties see and dial instead of each other's real numbers.
create table pool_numbers (
    number      varchar(16) primary key,
    carrier     varchar(32) not null,
    region      varchar(2)  not null,
    state       varchar(16) not null,
    created_at  timestamp with time zone not null
);
