--liquibase formatted sql

--changeset cp:015-working-calendar
create table calendar_year (
    year        int          primary key,
    version     bigint       not null default 0,
    updated_at  timestamptz  not null,
    updated_by  text         not null
);
comment on table calendar_year is 'A year of the working-day calendar; its version is the ETag of /calendars/{year}';

create table calendar_day (
    day        date         primary key,
    kind       varchar(20)  not null,
    name       text         not null,
    confirmed  boolean      not null,
    constraint calendar_day_kind_ck check (kind in ('HOLIDAY', 'WORKING_WEEKEND'))
);
comment on table calendar_day is 'Exceptions to Monday-Friday: public holidays and compensatory days off (HOLIDAY), and Saturdays worked in exchange (WORKING_WEEKEND)';

insert into calendar_year (year, updated_at, updated_by) values (2024, now(), 'seed'), (2025, now(), 'seed'), (2026, now(), 'seed');

-- Labour Code 2019 Art. 112 holidays with the Prime Minister's swaps for civil servants. 2024 and 2025 are
-- from the published schedules as the project recalls them; 2026 Tết is confirmed from press reports of the
-- approved schedule (14-22 February); the other 2026 days follow the Labour Code rules and are marked
-- unconfirmed until an administrator checks them against the official notice.
insert into calendar_day (day, kind, name, confirmed) values
    ('2024-01-01', 'HOLIDAY', 'Tết Dương lịch', true),
    ('2024-02-08', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2024-02-09', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2024-02-12', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2024-02-13', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2024-02-14', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2024-04-18', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', true),
    ('2024-04-29', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5)', true),
    ('2024-04-30', 'HOLIDAY', 'Ngày Chiến thắng', true),
    ('2024-05-01', 'HOLIDAY', 'Quốc tế Lao động', true),
    ('2024-05-04', 'WORKING_WEEKEND', 'Làm bù cho thứ Hai 29/4', true),
    ('2024-09-02', 'HOLIDAY', 'Quốc khánh', true),
    ('2024-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', true),
    ('2025-01-01', 'HOLIDAY', 'Tết Dương lịch', true),
    ('2025-01-27', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 08/02)', true),
    ('2025-01-28', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2025-01-29', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2025-01-30', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2025-01-31', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2025-02-08', 'WORKING_WEEKEND', 'Làm bù cho thứ Hai 27/01', true),
    ('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', true),
    ('2025-04-26', 'WORKING_WEEKEND', 'Làm bù cho thứ Sáu 02/5', true),
    ('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng', true),
    ('2025-05-01', 'HOLIDAY', 'Quốc tế Lao động', true),
    ('2025-05-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', true),
    ('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', true),
    ('2025-09-02', 'HOLIDAY', 'Quốc khánh', true),
    ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch', false),
    ('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán', true),
    ('2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4)', false),
    ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng', false),
    ('2026-05-01', 'HOLIDAY', 'Quốc tế Lao động', false),
    ('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', false),
    ('2026-09-02', 'HOLIDAY', 'Quốc khánh', false);
