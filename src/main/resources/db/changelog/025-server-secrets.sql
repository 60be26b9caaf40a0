--liquibase formatted sql

--changeset cp:025-server-secrets
--comment: Keys the service generates for itself and every instance shares, such as the one that signs page tokens.
create table server_secret (
    name       varchar(40) primary key,
    secret     bytea       not null check (length(secret) >= 32),
    created_at timestamptz not null default now()
);
comment on table server_secret is 'Keys the service generates on its first start and all its instances share; never exported';
