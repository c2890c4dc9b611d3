DROP TABLE signing_keys;
DROP TABLE refresh_tokens;
DROP TABLE sessions;
DROP TABLE api_keys;
DROP TABLE users;
DROP TABLE tenants;
