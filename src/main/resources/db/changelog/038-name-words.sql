--liquibase formatted sql

--changeset cp:038-name-words splitStatements:false
-- The words of each child's folded name, each word's children in name order, once under the
-- province (the first unit of the child's path) and once under the unit below it (a commune). A
-- name search of provinces or of communes, sorted by name, reads for each word beginning with the
-- typed one the first page of its children in scope and merges them (ChildRepository.pageOfIds):
-- a page costs a page, where the name index (changelog 031) hands over every match to be sorted
-- (for "h", 41% of a province's names). Searches of deeper units (a village) and those sorted
-- otherwise still go through the name index, which holds each unit's code (docs/performance.md,
-- "Name search").
--
-- Kept in the writer's transaction by statement triggers, so a search sees a write at once and a
-- COPY of 500 children writes their words in one statement. A record merged into another is not
-- listed (a search leaves such records out unless asked for them), and the index carries the unit
-- path and the folded name, so that a search by name and scope reads no child's row but those of
-- the page it answers.
create table child_name_word (
    unit_key     ltree             not null,
    word         text collate "C"  not null,
    sort_name    text              not null,
    child_id     uuid              not null,
    unit_path    ltree             not null,
    search_name  text              not null
);
comment on table child_name_word is 'Each word of each child''s folded name (search_name), under the first and second units of its path, in name order (sort_name, id): the name search''s lists';

-- The rows listing a child: each word of its folded name under the first two units of its path (the
-- same unit twice for a path of one), none for a record merged into another.
create function child_name_word_rows(c child) returns setof child_name_word
language sql immutable parallel safe as $$
    select distinct k.unit_key, x.word, c.sort_name, c.id, c.unit_path, c.search_name
    from unnest(array[subpath(c.unit_path, 0, 1), subpath(c.unit_path, 0, least(2, nlevel(c.unit_path)))]) as k(unit_key)
    cross join unnest(string_to_array(c.search_name, ' ')) as x(word)
    where x.word <> '' and c.status <> 'MERGED'
$$;

create function child_name_words() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into child_name_word select r.* from new_rows n cross join child_name_word_rows(n) r;
    elsif tg_op = 'DELETE' then
        delete from child_name_word w
        using (select r.* from old_rows o cross join child_name_word_rows(o) r) g
        where (w.unit_key, w.word, w.sort_name, w.child_id) = (g.unit_key, g.word, g.sort_name, g.child_id);
    else
        -- One record whose name, unit or merge changed (the trigger's condition). The old rows go before the new come:
        -- a key may stay the same while what it carries changes.
        delete from child_name_word w
        using child_name_word_rows(old) g
        where (w.unit_key, w.word, w.sort_name, w.child_id) = (g.unit_key, g.word, g.sort_name, g.child_id);
        insert into child_name_word select * from child_name_word_rows(new);
    end if;
    return null;
end $$;

-- Inserts and deletes a statement at a time (an import's COPY of 500 children in one insert). An update is
-- looked at row by row, so that the many that change none of these columns (a child's version moved by a
-- new span, say) cost no more than the condition.
create trigger child_name_words_insert after insert on child
    referencing new table as new_rows for each statement execute function child_name_words();
create trigger child_name_words_update after update on child for each row
    when ((new.search_name, new.sort_name, new.unit_path, new.status) is distinct from (old.search_name, old.sort_name, old.unit_path, old.status))
    execute function child_name_words();
create trigger child_name_words_delete after delete on child
    referencing old table as old_rows for each statement execute function child_name_words();

insert into child_name_word select r.* from child c cross join child_name_word_rows(c) r;
alter table child_name_word add primary key (unit_key, word, sort_name, child_id) include (unit_path, search_name);
analyze child_name_word;
