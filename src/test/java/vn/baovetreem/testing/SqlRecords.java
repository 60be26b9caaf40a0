package vn.baovetreem.testing;

import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Records written straight into the tables, for the tests of repositories: as few columns as the
 * schema requires, in the caller's transaction (a {@code @TestTransaction} rolls them back).
 */
public final class SqlRecords {

    /** Thôn Ích Hữu of Yên Phúc, where the tests' children live. */
    public static final String VILLAGE = "06283_01";

    private SqlRecords() {
    }

    /** An active girl born in 2015 in {@link #VILLAGE}. */
    public static UUID child(EntityManager em) {
        return child(em, "2015-01-01", "ACTIVE", null);
    }

    /** An active girl born in 2015 in {@code village}. */
    public static UUID childIn(EntityManager em, String village) {
        return child(em, village, "2015-01-01", "ACTIVE", null);
    }

    /** A girl born on {@code born} in {@link #VILLAGE}, with {@code status} since {@code statusDate} (null for none). */
    public static UUID child(EntityManager em, String born, String status, String statusDate) {
        return child(em, VILLAGE, born, status, statusDate);
    }

    private static UUID child(EntityManager em, String village, String born, String status, String statusDate) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into child (id, full_name, search_name, sort_name, date_of_birth, sex, village_code, unit_path,
                                           status, status_date, merged_into_id, created_at, created_by, updated_at)
                        select ?1, 'Test', 'test', 'test', cast(?2 as date), 'FEMALE', u.code, p.path, ?3, cast(?4 as date),
                               case when ?3 = 'MERGED' then (select id from child limit 1) end, now(), 'test', now()
                        from admin_unit u join admin_unit_period p on p.unit_id = u.id and p.valid_to is null
                        where u.code = ?5""")
                .setParameter(1, id).setParameter(2, born).setParameter(3, status).setParameter(4, statusDate)
                .setParameter(5, village).executeUpdate();
        return id;
    }

    /** A case of abuse about {@code child}, received now by commune 06298. */
    public static UUID abuseCase(EntityManager em, UUID child) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into child_case (id, case_number, child_id, commune_code, unit_path, type, status, source_channel,
                                                received_at, abuse_forms, setting, child_in_danger, summary, reporter,
                                                created_at, created_by, updated_at)
                        select ?1, 'REPO-' || left(cast(?1 as text), 8), c.id, '06298', c.unit_path, 'ABUSE', 'RECEIVED', 'PHONE', now(),
                               '["PHYSICAL"]', 'HOME', false, 'Vết bầm trên tay', '{"name": "Lục Văn A"}', now(), 'test', now()
                        from child c where c.id = ?2""")
                .setParameter(1, id).setParameter(2, child).executeUpdate();
        return id;
    }

    /** A span of {@code kind} and {@code code} of {@code child} from {@code start} to {@code end} (null: still open). */
    public static UUID span(EntityManager em, UUID child, String kind, String code, String start, String end) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into child_episode (id, child_id, kind, code, start_date, end_date, created_at, created_by, updated_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as date), cast(?6 as date), now(), 'test', now())""")
                .setParameter(1, id).setParameter(2, child).setParameter(3, kind).setParameter(4, code).setParameter(5, start)
                .setParameter(6, end).executeUpdate();
        return id;
    }
}
