--liquibase formatted sql

--changeset cp:004-idempotency-record
create table idempotency_record (
    caller       text        not null,
    idem_key     text        not null,
    fingerprint  text        not null,
    status       integer,
    body         text,
    location     text,
    etag         text,
    created_at   timestamptz not null,
    primary key (caller, idem_key)
);
comment on table idempotency_record is 'Idempotency-Key claims and the responses they replay';
create index idempotency_record_expiry_ix on idempotency_record (caller, created_at);
