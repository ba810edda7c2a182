-- The study's default mix (login=70, profile_view=15, login_touch=10, profile_edit=4, signup=1) as statements
-- on the single table. login_touch is its write only (its read is a login).
-- name: login
-- weight: 70
SELECT uid, password_hash, role, is_verified FROM users WHERE email = ?;

-- name: profile_view
-- weight: 15
SELECT uid, email, password_hash, role, is_verified, name, phone, location, bio, profile_image, created_at, last_active
FROM users WHERE uid = ?;

-- name: login_touch
-- weight: 10
UPDATE users SET last_active = ? WHERE uid = ?;

-- name: profile_edit
-- weight: 4
UPDATE users SET bio = ?, location = ? WHERE uid = ?;

-- name: signup
-- weight: 1
INSERT INTO users (uid, email, password_hash, role, is_verified, name, phone, location, bio, profile_image, created_at, last_active)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
