-- GET /billing/transactions?request_id=...: one call's charge, looked up right after the call
CREATE INDEX account_transactions_view_operation_idx ON account_transactions_view (account_id, operation_id);
