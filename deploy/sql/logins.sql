-- Run once by the db-setup service with the administrator's (sa) login, never by the app.
-- Two logins, each with only what it needs:
--   ideabox_owner: owns the IdeaBox database; used by "migrate" to change its tables.
--   ideabox_app:   the web nodes; reads and writes rows, cannot change the schema or other databases.
-- Passwords come from sqlcmd variables (deploy/.env), never from this file.
IF DB_ID(N'IdeaBox') IS NULL CREATE DATABASE IdeaBox;
GO
IF SUSER_ID(N'ideabox_owner') IS NULL CREATE LOGIN ideabox_owner WITH PASSWORD = N'$(OWNER_PASSWORD)', CHECK_POLICY = ON;
IF SUSER_ID(N'ideabox_app') IS NULL CREATE LOGIN ideabox_app WITH PASSWORD = N'$(APP_PASSWORD)', CHECK_POLICY = ON;
GO
USE IdeaBox;
IF USER_ID(N'ideabox_owner') IS NULL CREATE USER ideabox_owner FOR LOGIN ideabox_owner;
IF USER_ID(N'ideabox_app') IS NULL CREATE USER ideabox_app FOR LOGIN ideabox_app;
ALTER ROLE db_owner ADD MEMBER ideabox_owner;
ALTER ROLE db_datareader ADD MEMBER ideabox_app;
ALTER ROLE db_datawriter ADD MEMBER ideabox_app;
GO
