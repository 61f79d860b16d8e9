-- Bumped by every reset of the statistics (in the reset's transaction). A node remembers which
-- leaderboard user rows (stat_model_period_user) exist between batches; a reset on any node empties
-- that table, and the statistics writer forgets what it remembered when the generation moved.
CREATE TABLE stat_generation (
    id         SMALLINT PRIMARY KEY,
    generation BIGINT   NOT NULL
);
INSERT INTO stat_generation (id, generation) VALUES (1, 0);
