-- the provider-failure check reads the calls of the last minute or so
CREATE INDEX generations_view_finished_idx ON generations_view (finished_at);
