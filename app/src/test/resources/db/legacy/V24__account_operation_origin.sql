-- Operation ids by origin (issue 10). Until now client-chosen request ids and the ids the server
-- derived for its own operations ('settle:<hold>', 'topup:<payment>', ...) shared one key space
-- per account, so a client could pre-claim a server operation by metering usage under its id.
-- The key is now (account, origin, id). Existing rows get their origin from the kind of movement
-- they recorded (which the server decided, whatever the id says), and server-derived ids lose the
-- prefix that the origin now carries. A client's charge recorded as 'settle:x' stays (usage,
-- 'settle:x') and no longer blocks the settlement of hold x.
ALTER TABLE account_operation ADD COLUMN origin VARCHAR(32);
-- the old key would collide while ids lose their prefixes ('settle:x' and 'x' both become 'x')
ALTER TABLE account_operation DROP CONSTRAINT account_operation_pkey;

UPDATE account_operation SET
    origin = CASE kind
        WHEN 'charge' THEN 'usage'
        WHEN 'hold' THEN 'hold'
        WHEN 'settle' THEN 'settlement'
        WHEN 'release' THEN 'release'
        WHEN 'topup' THEN 'topup'
        WHEN 'payment_refund' THEN 'payment_refund'
        WHEN 'refund' THEN 'usage_refund'
        WHEN 'adjustment' THEN 'adjustment'
    END,
    operation_id = CASE
        WHEN kind = 'hold' AND operation_id LIKE 'hold:%' THEN substr(operation_id, 6)
        WHEN kind = 'settle' AND operation_id LIKE 'settle:%' THEN substr(operation_id, 8)
        WHEN kind = 'release' AND operation_id LIKE 'release:%' THEN substr(operation_id, 9)
        WHEN kind = 'topup' AND operation_id LIKE 'topup:%' THEN substr(operation_id, 7)
        WHEN kind = 'payment_refund' AND operation_id LIKE 'payment-refund:%' THEN substr(operation_id, 16)
        -- a refund named its charge by the bare id: a metered charge of that id, else a gateway
        -- call's settlement (the order in which the refund looked them up)
        WHEN kind = 'refund' AND operation_id LIKE 'refund:%' THEN
            CASE WHEN EXISTS (SELECT 1 FROM account_operation c WHERE c.account_id = account_operation.account_id
                              AND c.kind = 'charge' AND c.operation_id = substr(account_operation.operation_id, 8))
                 THEN 'usage:' ELSE 'settlement:' END || substr(operation_id, 8)
        WHEN kind = 'adjustment' AND operation_id LIKE 'adjustment:%' THEN substr(operation_id, 12)
        ELSE operation_id
    END;

ALTER TABLE account_operation ALTER COLUMN origin SET NOT NULL;
ALTER TABLE account_operation ADD PRIMARY KEY (account_id, origin, operation_id);
