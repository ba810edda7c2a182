-- A shop's traffic on its catalogue: listing cards and cart checks dominate, the product page is rarer,
-- stock moves with orders, and the catalogue team edits descriptions now and then.
-- name: card
-- weight: 50
SELECT product_id, title, price, image_url FROM products WHERE product_id = ?;

-- name: cart_check
-- weight: 20
SELECT price, stock FROM products WHERE sku = ?;

-- name: product_page
-- weight: 15
SELECT * FROM products WHERE product_id = ?;

-- name: stock_update
-- weight: 12
UPDATE products SET stock = ?, updated_at = ? WHERE product_id = ?;

-- name: edit_description
-- weight: 2
UPDATE products SET description = ?, updated_at = ? WHERE product_id = ?;

-- name: new_product
-- weight: 1
INSERT INTO products (product_id, sku, title, price, stock, category, brand, image_url, description, specifications, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
