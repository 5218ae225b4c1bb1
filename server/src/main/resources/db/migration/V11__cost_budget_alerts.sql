-- Cost monitoring (io.callmask.cost): the months whose projected spend was seen over the budget.
-- The primary key makes the cost.budget-projected-over event once per month, across instances.
create table cost_budget_alerts (
    budget_month varchar(7) primary key,
    created_at   timestamp with time zone not null
);
