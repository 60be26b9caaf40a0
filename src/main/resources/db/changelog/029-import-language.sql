--liquibase formatted sql

--changeset cp:029-import-language
-- A file with Vietnamese headers gets its report in Vietnamese unless its reader asks otherwise.
alter table import_job add column language varchar(2) not null default 'en';
alter table import_job add constraint import_job_language_ck check (language in ('en', 'vi'));
comment on column import_job.language is 'The language of the file''s headers (vi when any is a Vietnamese header): the report''s language by default';
