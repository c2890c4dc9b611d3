DROP TABLE user_group_members;
DROP TABLE user_groups;
ALTER TABLE users DROP COLUMN enrollment_prompt_dismissed;
ALTER TABLE tenants DROP COLUMN policy;
