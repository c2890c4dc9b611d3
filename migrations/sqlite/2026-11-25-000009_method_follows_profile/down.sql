ALTER TABLE second_factor_methods DROP COLUMN follows_profile;
