-- A model's price history (projection "model-prices", rebuildable): one row per price it had, its
-- first (ModelAddedEvent, no previous price) and every change (ModelPriceChangedEvent), keyed by
-- the event's place in the model's stream, so an event applied twice inserts nothing.
-- Prices in nanos per million tokens; cache_read NULL: cached prompt tokens cost the input price.
CREATE TABLE model_prices_view (
    model_id                  VARCHAR(128) NOT NULL,
    sequence_number           BIGINT       NOT NULL,
    input_nanos               BIGINT       NOT NULL CHECK (input_nanos >= 0),
    output_nanos              BIGINT       NOT NULL CHECK (output_nanos >= 0),
    cache_read_nanos          BIGINT       CHECK (cache_read_nanos >= 0),
    currency                  VARCHAR(3)   NOT NULL,
    previous_input_nanos      BIGINT,
    previous_output_nanos     BIGINT,
    previous_cache_read_nanos BIGINT,
    previous_currency         VARCHAR(3),
    changed_at                TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (model_id, sequence_number)
);
