--liquibase formatted sql

--changeset cp:031-name-search splitStatements:false
-- Name search asks that each word typed begins a word of the folded name, within the caller's
-- scope. The trigram index found every name containing the letters anywhere, in every commune (for
-- "thuy", 6,863 candidates across a province to find 109 in one commune) and none for words of one
-- or two letters. Instead: the words of the folded name and the codes of the units above the
-- child, prefixed with '@', as one tsvector in a GIN index. A query of prefix matches for the
-- words and the caller's unit codes is answered inside that index; the exact word-start condition
-- and the scope's ltree condition still hold on top of it.
create function child_search_words(search_name text, unit_path ltree) returns tsvector
language sql immutable parallel safe
return array_to_tsvector(string_to_array(search_name, ' '))
    || array_to_tsvector(string_to_array('@' || replace(cast(unit_path as text), '.', ' @'), ' '));

create index child_search_words_ix on child using gin (child_search_words(search_name, unit_path));
drop index child_search_name_trgm;
