-- Retailers and orders pushed by the platform. Numbers are E.164 strings.
create table retailers (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    phone       varchar(16)  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

create table orders (
    id             varchar(64) primary key,
    retailer_id    varchar(64) not null references retailers (id),
    customer_id    varchar(64),
    customer_phone varchar(16) not null,
    status         varchar(32) not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

create index orders_by_retailer on orders (retailer_id);
