-- The study's user entity as one table definition (PostgreSQL): the key, the hot login columns, the cold
-- profile columns. Its layouts (monolith, fragmented, fragmented_hot_touch; monolith_covering adds an index)
-- are column partitions of this table: see dev.userbench.definition.StudyTable.
CREATE TABLE users (
    uid           uuid PRIMARY KEY,
    email         varchar(255) NOT NULL UNIQUE,
    password_hash char(64) NOT NULL,
    role          varchar(6) NOT NULL CHECK (role IN ('GUEST', 'MEMBER', 'ADMIN')),
    is_verified   boolean NOT NULL,
    name          varchar(255) NOT NULL,
    phone         varchar(64),
    location      varchar(255),
    bio           text,
    profile_image varchar(512),
    created_at    timestamptz NOT NULL,
    last_active   timestamptz NOT NULL
);
