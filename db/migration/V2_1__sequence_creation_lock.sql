-- The row that transactions creating a new counter lock first, so that concurrent first uses of a
-- counter wait in line instead of deadlocking on the duplicate insert (InnoDB shared/exclusive locks).
INSERT INTO number_sequence (seq_name, next_value) VALUES ('#creation-lock', 0);
