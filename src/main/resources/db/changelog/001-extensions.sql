--liquibase formatted sql

--changeset cp:001-ltree
--comment: Materialized paths of the administrative tree use ltree (contrib; needs CREATE on the database or a superuser once).
create extension if not exists ltree;
