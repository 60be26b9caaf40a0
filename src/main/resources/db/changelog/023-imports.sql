--liquibase formatted sql

--changeset cp:023-imports
create table import_job (
    id              uuid          primary key,
    kind            varchar(20)   not null,
    format          varchar(10)   not null,
    mode            varchar(10)   not null,
    match_by        varchar(20)   not null,
    dry_run         boolean       not null,
    allow_partial   boolean       not null,
    status          varchar(10)   not null,
    file_name       text,
    file_size       int           not null,
    content         bytea         not null,
    rows_read       int           not null default 0,
    rows_valid      int           not null default 0,
    rows_invalid    int           not null default 0,
    rows_written    int           not null default 0,
    rows_unchanged  int           not null default 0,
    message         text,
    username        text          not null,
    subject         text          not null,
    client_id       text,
    roles           text          not null,
    unit_code       varchar(20),
    unit_path       ltree,
    attempts        int           not null default 0,
    heartbeat_at    timestamptz,
    created_at      timestamptz   not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    constraint import_job_status_ck check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);
comment on table import_job is 'Bulk imports as jobs: the file, who started it (their roles and unit, which the job acts with), progress and outcome';
create index import_job_queue_ix on import_job (status, created_at);

create table import_error (
    job_id       uuid          not null references import_job (id),
    seq          int           not null,
    row_number   int           not null,
    column_name  text,
    value        text,
    message      text          not null,
    primary key (job_id, seq)
);
comment on table import_error is 'The row-level problems of an import, in file order';
