package vn.baovetreem.interventions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import vn.baovetreem.common.persistence.CopyTable;
import vn.baovetreem.common.persistence.InOrder;
import vn.baovetreem.common.persistence.JdbcRows;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Queries of supports: keyset pages of ids in the caller's scope, newest start first; an import's supports written in bulk. */
@ApplicationScoped
public class InterventionRepository implements PanacheRepositoryBase<Intervention, UUID> {

    /** Supports as rows of the table; a correction never writes the support's child, case, batch and place, and who recorded it when. */
    private static final CopyTable<Intervention> ROWS = new CopyTable<>("intervention",
            Set.of("child_id", "case_id", "batch_id", "unit_path", "created_at", "created_by"),
            i -> new Object[]{i.id(), i.childId(), i.caseId(), i.batchId(), i.unitPath(), i.type(), i.protectionLevel(), i.provider(),
                    i.providerSearch(), i.fundingSource(), i.amountVnd(), i.monthlyAmountVnd(),
                    i.allowanceGroup() == null ? null : i.allowanceGroup().name(), i.startDate(), i.endDate(), i.status().name(),
                    i.outcome(), i.cancellationReason(), i.planDeviationReason(), i.note(), i.version(), i.createdAt(), i.createdBy(),
                    i.updatedAt()},
            "id", "child_id", "case_id", "batch_id", "unit_path", "type", "protection_level", "provider", "provider_search",
            "funding_source", "amount_vnd", "monthly_amount_vnd", "allowance_group", "start_date", "end_date", "status", "outcome",
            "cancellation_reason", "plan_deviation_reason", "note", "version", "created_at", "created_by", "updated_at");

    Optional<Intervention> findInScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(i -> scope.contains(i.unitPath()));
    }

    Optional<Intervention> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(i -> scope.contains(i.unitPath()));
    }

    List<Intervention> findAllInOrder(List<UUID> ids) {
        return InOrder.load(getEntityManager(), Intervention.class, ids);
    }

    /** Inserts new supports with one {@code COPY}. */
    void insertAll(Collection<Intervention> supports) {
        ROWS.insert(getEntityManager(), supports);
    }

    /** Writes supports changed outside Hibernate in one statement that checks their versions ({@link CopyTable#change}). */
    void changeAll(Collection<Intervention> supports) {
        ROWS.change(getEntityManager(), supports);
    }

    /** Filters of the list; every field is optional. */
    record Filter(UUID childId, UUID caseId, String type, String protectionLevel, InterventionStatus status,
                  String fundingSource, String providerWords, Scope unit, LocalDate activeFrom,
                  LocalDate activeTo) {
    }

    /** The position after which the next page starts. */
    record Cursor(LocalDate startDate, UUID id) {
    }

    @SuppressWarnings("unchecked")
    List<UUID> pageOfIds(Filter f, Scope scope, Cursor after, int limit) {
        ScopedQuery query = new ScopedQuery("select i.id from intervention i", scope, "i.unit_path")
                .under(f.unit())
                .equal("i.child_id", "childId", f.childId())
                .equal("i.case_id", "caseId", f.caseId())
                .equal("i.type", "type", f.type())
                .equal("i.protection_level", "level", f.protectionLevel())
                .equal("i.status", "status", f.status() == null ? null : f.status().name())
                .equal("i.funding_source", "funding", f.fundingSource())
                .where("i.provider_search like :provider escape '\\'", "provider", f.providerWords() == null ? null
                        : "%" + ScopedQuery.escapeLike(f.providerWords()) + "%")
                .where("i.start_date <= :activeTo", "activeTo", f.activeTo())
                .where("(i.end_date is null or i.end_date >= :activeFrom)", "activeFrom", f.activeFrom());
        if (after != null) {
            query.append(" and (i.start_date, i.id) < (:afterDate, :afterId)", Map.of("afterDate", after.startDate(), "afterId", after.id()));
        }
        query.append(" order by i.start_date desc, i.id desc", Map.of());
        return query.build(getEntityManager(), limit).getResultList();
    }

    /** Every support of a child, for a merge. */
    List<Intervention> ofChild(UUID childId) {
        return list("childId", childId);
    }

    /** Records a batch: the supports given together to several children, under the unit above them all. */
    void insertBatch(UUID id, String title, String unitPath, int size, Instant at, String by) {
        getEntityManager().createNativeQuery("""
                        insert into intervention_batch (id, title, unit_path, size, created_at, created_by)
                        values (?1, ?2, cast(?3 as ltree), ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, title).setParameter(3, unitPath).setParameter(4, size)
                .setParameter(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).setParameter(6, by)
                .executeUpdate();
    }

    /** Every support of these children, read without Hibernate ({@link JdbcRows}): an import's batches check their rows against them. */
    List<Intervention> ofChildren(Collection<UUID> childIds) {
        return JdbcRows.list(getEntityManager(), "select * from intervention where child_id = any(?)", Intervention::stored,
                new JdbcRows.ArrayParameter("uuid", childIds));
    }

    /** The supports of these children. */
    @SuppressWarnings("unchecked")
    List<UUID> idsOfChildren(List<UUID> childIds) {
        return getEntityManager().createNativeQuery("select id from intervention where child_id = any(?1)")
                .setParameter(1, childIds.toArray(UUID[]::new)).getResultList();
    }

    /**
     * Erases what identifies anyone in these children's supports (the retention rule): provider,
     * outcome, reasons and note; type, dates, amounts and status stay.
     */
    void anonymiseOfChildren(List<UUID> childIds, Instant at) {
        getEntityManager().createNativeQuery("""
                        update intervention set provider = null, provider_search = null, outcome = null, cancellation_reason = null,
                               plan_deviation_reason = null, note = null, version = version + 1, updated_at = ?2
                        where child_id = any(?1)""")
                .setParameter(1, childIds.toArray(UUID[]::new)).setParameter(2, at).executeUpdate();
    }
}
