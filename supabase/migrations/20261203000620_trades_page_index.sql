-- "My last 50 trades": each of the user's bots gives its newest rows straight from this index, in page order and
-- with the keyset's tie-breaker (id), so a page reads about 50 rows per bot from the index and 50 from the table
-- instead of sorting the user's whole history. It serves everything (bot_id, created_at desc) served.

create index trade_logs_bot_id_created_at_id_idx on public.trade_logs (bot_id, created_at desc, id desc);
drop index public.trade_logs_bot_id_created_at_idx;
