-- A model's calls are counted once by each account's last counted sequence, as the statistics are
-- (stat_applied), instead of by a row per call that nothing reads: an account's events reach the
-- models processor in order, and one handed again is at or below the account's last sequence.
CREATE TABLE model_calls_applied (
    account_id    VARCHAR(64) PRIMARY KEY,
    last_sequence BIGINT      NOT NULL
);
INSERT INTO model_calls_applied (account_id, last_sequence)
SELECT account_id, max(sequence_number) FROM model_calls_view GROUP BY account_id;
DROP TABLE model_calls_view;

-- transaction_id is txn_<account>_<sequence>: the primary key (account, sequence) already makes it
-- unique, and nothing looks a transaction up by it; the index cost every charge an insert
ALTER TABLE account_transactions_view DROP CONSTRAINT account_transactions_view_transaction_id_key;
