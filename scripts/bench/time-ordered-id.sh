# Sourced by the benchmarks that write rows themselves: TIME_ORDERED_ID_SQL is an SQL expression
# for a time-ordered id (UUID version 7), like the ones the service gives
# (common/persistence/TimeOrderedIds): a random UUID with the milliseconds since 1970 in its first
# six bytes and its version bits set to 7.
# shellcheck disable=SC2034
TIME_ORDERED_ID_SQL="encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
    substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid"
