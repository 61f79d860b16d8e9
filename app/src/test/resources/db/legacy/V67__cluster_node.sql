-- The nodes that run event processors, each with its last heartbeat: a node that holds more than
-- its fair share of a processor's segments (segments / live nodes, rounded up) releases the rest
-- for a while, so that nodes which joined later claim them (SegmentBalancer). A node that stops
-- deletes its row; a node that died is forgotten once its heartbeat is old.
CREATE TABLE cluster_node (
    node_id      VARCHAR(200) PRIMARY KEY,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);
