-- Its rollback.
DROP INDEX orders_channel;
ALTER TABLE orders DROP COLUMN channel_id;
DROP TABLE channels;
