-- An SMS method enrolled from the profile's number follows the profile when the number changes.
ALTER TABLE second_factor_methods ADD COLUMN follows_profile BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE second_factor_methods SET follows_profile = TRUE
WHERE kind = 'sms'
  AND destination = (SELECT users.phone_number FROM users WHERE users.id = second_factor_methods.user_id);
