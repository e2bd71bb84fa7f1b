-- Add user preferences table
--
-- revision: 3f2a9c1b7d4e
-- down_revision: 001
-- create_date: 2025-01-15 12:00:00

-- +upgrade
CREATE TABLE user_preferences (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id UUID NOT NULL,
    theme VARCHAR(20) DEFAULT 'light' NOT NULL,
    notifications_enabled BOOLEAN DEFAULT TRUE NOT NULL,
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_user_preferences_user_id ON user_preferences (user_id);

-- +downgrade
DROP TABLE user_preferences;
