-- The example's database: a small shop's schema with a few wide tables, triggers and views,
-- and 40 side tables with an index each. Built with: sqlite3 app.db < app.sql
CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, name TEXT, street TEXT, city TEXT,
    zip TEXT, country TEXT, phone TEXT, created_at TEXT DEFAULT CURRENT_TIMESTAMP, updated_at TEXT);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),
    status TEXT NOT NULL DEFAULT 'new', total_cents INTEGER NOT NULL, currency TEXT NOT NULL DEFAULT 'EUR',
    shipping_street TEXT, shipping_city TEXT, shipping_zip TEXT, shipping_country TEXT, note TEXT,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP, updated_at TEXT);
CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_status ON orders(status, created_at);
CREATE TABLE order_items(order_id INTEGER NOT NULL REFERENCES orders(id), line INTEGER NOT NULL,
    sku TEXT NOT NULL, quantity INTEGER NOT NULL, price_cents INTEGER NOT NULL, PRIMARY KEY(order_id, line));
CREATE TABLE audit_log(id INTEGER PRIMARY KEY, table_name TEXT, row_id INTEGER, action TEXT, at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TRIGGER orders_audit_update AFTER UPDATE ON orders BEGIN
    INSERT INTO audit_log(table_name, row_id, action) VALUES ('orders', new.id, 'update');
END;
CREATE TRIGGER orders_audit_delete AFTER DELETE ON orders BEGIN
    INSERT INTO audit_log(table_name, row_id, action) VALUES ('orders', old.id, 'delete');
END;
CREATE VIEW open_orders AS SELECT o.id, c.email, o.total_cents FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.status IN ('new', 'paid');
CREATE VIEW revenue_by_day AS SELECT date(created_at) AS day, sum(total_cents) AS cents FROM orders GROUP BY 1;
CREATE TABLE side_1(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_1_score ON side_1(score);
CREATE TABLE side_2(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_2_score ON side_2(score);
CREATE TABLE side_3(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_3_score ON side_3(score);
CREATE TABLE side_4(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_4_score ON side_4(score);
CREATE TABLE side_5(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_5_score ON side_5(score);
CREATE TABLE side_6(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_6_score ON side_6(score);
CREATE TABLE side_7(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_7_score ON side_7(score);
CREATE TABLE side_8(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_8_score ON side_8(score);
CREATE TABLE side_9(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_9_score ON side_9(score);
CREATE TABLE side_10(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_10_score ON side_10(score);
CREATE TABLE side_11(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_11_score ON side_11(score);
CREATE TABLE side_12(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_12_score ON side_12(score);
CREATE TABLE side_13(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_13_score ON side_13(score);
CREATE TABLE side_14(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_14_score ON side_14(score);
CREATE TABLE side_15(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_15_score ON side_15(score);
CREATE TABLE side_16(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_16_score ON side_16(score);
CREATE TABLE side_17(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_17_score ON side_17(score);
CREATE TABLE side_18(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_18_score ON side_18(score);
CREATE TABLE side_19(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_19_score ON side_19(score);
CREATE TABLE side_20(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_20_score ON side_20(score);
CREATE TABLE side_21(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_21_score ON side_21(score);
CREATE TABLE side_22(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_22_score ON side_22(score);
CREATE TABLE side_23(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_23_score ON side_23(score);
CREATE TABLE side_24(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_24_score ON side_24(score);
CREATE TABLE side_25(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_25_score ON side_25(score);
CREATE TABLE side_26(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_26_score ON side_26(score);
CREATE TABLE side_27(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_27_score ON side_27(score);
CREATE TABLE side_28(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_28_score ON side_28(score);
CREATE TABLE side_29(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_29_score ON side_29(score);
CREATE TABLE side_30(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_30_score ON side_30(score);
CREATE TABLE side_31(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_31_score ON side_31(score);
CREATE TABLE side_32(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_32_score ON side_32(score);
CREATE TABLE side_33(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_33_score ON side_33(score);
CREATE TABLE side_34(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_34_score ON side_34(score);
CREATE TABLE side_35(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_35_score ON side_35(score);
CREATE TABLE side_36(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_36_score ON side_36(score);
CREATE TABLE side_37(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_37_score ON side_37(score);
CREATE TABLE side_38(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_38_score ON side_38(score);
CREATE TABLE side_39(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_39_score ON side_39(score);
CREATE TABLE side_40(id INTEGER PRIMARY KEY, name TEXT, score INTEGER); CREATE INDEX side_40_score ON side_40(score);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO customers(id, email, name, city) SELECT i, 'c' || i || '@example.org', 'Customer ' || i, 'Berlin' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO orders(id, customer_id, total_cents) SELECT i, 1 + i % 200, i * 13 FROM n;
