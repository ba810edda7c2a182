-- A second entity: a product catalogue whose rows carry a long description and specification text that listing
-- and checkout never read. MySQL/MariaDB dialect, to show any of the three is read.
CREATE TABLE products (
    product_id     BIGINT NOT NULL,
    sku            VARCHAR(32) NOT NULL,
    title          VARCHAR(200) NOT NULL,
    price          DECIMAL(10,2) NOT NULL,
    stock          INT NOT NULL,
    category       VARCHAR(40) NOT NULL,
    brand          VARCHAR(80),
    image_url      VARCHAR(300),
    description    TEXT,
    specifications TEXT,
    updated_at     DATETIME NOT NULL,
    PRIMARY KEY (product_id),
    UNIQUE KEY ux_products_sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
