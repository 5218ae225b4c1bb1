-- The operator console (io.callmask.console): its history and live view read the newest calls
-- first, with or without a date range; without this index that is a sort of the whole table.
create index calls_by_time on calls (created_at);
