-- The example's migration: a column for the order's channel, an index on it, and a table it refers to.
CREATE TABLE channels(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
ALTER TABLE orders ADD COLUMN channel_id INTEGER REFERENCES channels(id);
CREATE INDEX orders_channel ON orders(channel_id);
