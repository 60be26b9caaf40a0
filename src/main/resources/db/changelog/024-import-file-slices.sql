--liquibase formatted sql

--changeset cp:024-import-file-slices
-- Stored uncompressed, a file can be read a slice at a time (substring reads only the slices'
-- TOAST chunks), so a pass over a 50 MB file never holds the whole file in memory.
alter table import_job alter column content set storage external;
