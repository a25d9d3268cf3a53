-- HONG_KONG_MACAO_TAIWAN (22 characters) did not fit VARCHAR(20): registering such an enterprise failed with a 500.
ALTER TABLE enterprise ALTER COLUMN ownership TYPE VARCHAR(40);
