package vn.baovetreem.audit;

import vn.baovetreem.common.persistence.NativeValues;

import java.util.Collection;

/** A record the audit trail names: its type (such as {@code case}) and id. */
public record RecordRef(String type, String id) {

    /** The types of {@code refs} and their ids, as two parallel {@code text[]} literals for {@code unnest}. */
    static String[] arrays(Collection<RecordRef> refs) {
        return new String[]{NativeValues.array(refs.stream().map(RecordRef::type).toList()),
                NativeValues.array(refs.stream().map(RecordRef::id).toList())};
    }

    /** SQL that is true for an {@code audit_event} row naming one of the records of parameters ?1 and ?2. */
    static final String MATCHES = "(record_type, record_id) in (select * from unnest(cast(?1 as text[]), cast(?2 as text[])))";
}
