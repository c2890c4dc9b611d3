DROP TABLE invitations;
ALTER TABLE users DROP COLUMN email_verified;
