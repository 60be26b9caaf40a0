package vn.baovetreem.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.persistence.Copy;
import vn.baovetreem.common.persistence.NativeValues;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.security.Scope;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhooks, their deliveries and the deadline events they are told of: the SQL of push. */
@ApplicationScoped
public class WebhookRepository {

    /** A registered webhook; {@code unitPath} null for everywhere. */
    record Webhook(UUID id, String url, List<String> types, String unitCode, String unitPath, byte[] secret,
                   Position after, Instant createdAt, String createdBy) {

        /** Where the records it is told of lie. */
        Scope scope() {
            return unitPath == null ? Scope.everything() : Scope.of(List.of(unitPath));
        }
    }

    /** A delivery claimed for an attempt. */
    record Claimed(UUID id, String eventType, String payload, int attempts, String url, byte[] secret) {
    }

    /** Schema {@code WebhookDelivery}: a delivery as its list shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(UUID id, String eventType, String status, int attempts, Integer lastStatus, String lastError,
                    Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    /** A deadline event raised now. */
    record DeadlineEvent(UUID caseId, String caseNumber, String step, String event, Instant dueAt, String unitPath) {
    }

    /** An event to queue for one webhook. */
    record Queued(UUID webhookId, String eventType, String payload) {
    }

    private static final String COLUMNS = """
            id, url, array_to_string(types, ',') as types, unit_code, cast(unit_path as text) as unit_path, secret, cast(after_tx as text) as after_tx,
            after_seq, created_at, created_by""";

    private final EntityManager em;

    WebhookRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Webhook w) {
        em.createNativeQuery("""
                        insert into webhook (id, url, types, unit_code, unit_path, secret, after_tx, after_seq, created_at, created_by)
                        values (:id, :url, cast(:types as text[]), cast(:unitCode as text), cast(cast(:unitPath as text) as ltree),
                                decode(:secret, 'base64'), cast(:afterTx as xid8), :afterSeq, :createdAt, :createdBy)""")
                .setParameter("id", w.id()).setParameter("url", w.url()).setParameter("types", NativeValues.array(w.types()))
                .setParameter("unitCode", w.unitCode()).setParameter("unitPath", w.unitPath())
                .setParameter("secret", Base64.getEncoder().encodeToString(w.secret()))
                .setParameter("afterTx", Long.toString(w.after().tx())).setParameter("afterSeq", w.after().seq())
                .setParameter("createdAt", OffsetDateTime.ofInstant(w.createdAt(), ZoneOffset.UTC))
                .setParameter("createdBy", w.createdBy())
                .executeUpdate();
    }

    /** The webhooks not removed, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Webhook> active() {
        return Row.all(em.createNativeQuery("select " + COLUMNS + " from webhook where removed_at is null order by created_at, id",
                Tuple.class)).stream().map(WebhookRepository::webhook).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Webhook> find(UUID id) {
        return Row.all(em.createNativeQuery("select " + COLUMNS + " from webhook where id = :id and removed_at is null", Tuple.class)
                .setParameter("id", id)).stream().findFirst().map(WebhookRepository::webhook);
    }

    /** The webhook, locked for this transaction; empty when removed or when another instance holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Webhook> lock(UUID id) {
        return Row.all(em.createNativeQuery("select " + COLUMNS
                        + " from webhook where id = :id and removed_at is null for update skip locked", Tuple.class)
                .setParameter("id", id)).stream().findFirst().map(WebhookRepository::webhook);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(UUID id, Instant at) {
        return em.createNativeQuery("update webhook set removed_at = :at where id = :id and removed_at is null")
                .setParameter("id", id).setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate() == 1;
    }

    /** Queues {@code events} to be sent from {@code at}, and moves {@code webhook} on to {@code after} in the change log. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(List<Queued> events, Instant at) {
        Copy rows = Copy.into("webhook_delivery", "id", "webhook_id", "event_type", "payload", "status", "attempts",
                "next_attempt_at", "created_at");
        for (Queued e : events) {
            rows.row(TimeOrderedIds.next(), e.webhookId(), e.eventType(), e.payload(), "PENDING", 0, at, at);
        }
        rows.send(em);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void moveOn(UUID webhook, Position after) {
        em.createNativeQuery("update webhook set after_tx = cast(:tx as xid8), after_seq = :seq where id = :id")
                .setParameter("tx", Long.toString(after.tx())).setParameter("seq", after.seq()).setParameter("id", webhook)
                .executeUpdate();
    }

    /**
     * Raises each deadline of an open case that falls due within {@code window} ({@code DUE_SOON})
     * or has passed ({@code OVERDUE}) and was not raised before; another instance raising the same
     * at the same moment gets none of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeadlineEvent> raiseDeadlines(Instant now, Duration window) {
        return Row.all(em.createNativeQuery("""
                        with raised as (
                            insert into case_deadline_event (case_id, step, event, due_at, raised_at)
                            select d.case_id, d.step, case when d.due_at <= :now then 'OVERDUE' else 'DUE_SOON' end, d.due_at, :now
                            from case_deadline d join child_case c on c.id = d.case_id
                            where d.met_at is null and c.status not like 'CLOSED%' and d.due_at <= :until
                            on conflict do nothing
                            returning case_id, step, event, due_at)
                        select r.case_id, c.case_number, r.step, r.event, r.due_at, cast(c.unit_path as text) as unit_path
                        from raised r join child_case c on c.id = r.case_id
                        order by r.due_at, r.case_id, r.step""", Tuple.class)
                        .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter("until", OffsetDateTime.ofInstant(now.plus(window), ZoneOffset.UTC)))
                .stream().map(r -> new DeadlineEvent(r.uuid("case_id"), r.text("case_number"), r.text("step"), r.text("event"),
                        r.instant("due_at"), r.text("unit_path"))).toList();
    }

    /**
     * Up to {@code limit} deliveries due, each held for {@code lease} so that no other instance
     * sends it meanwhile; one whose attempt never reports (the instance stopped) is sent again after it.
     */
    @Transactional
    public List<Claimed> claimDue(Instant now, Duration lease, int limit) {
        return Row.all(em.createNativeQuery("""
                        with due as (
                            select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id
                            where d.status = 'PENDING' and d.next_attempt_at <= :now and w.removed_at is null
                            order by d.next_attempt_at limit :limit for update of d skip locked)
                        update webhook_delivery d set next_attempt_at = :leaseEnd
                        from due, webhook w
                        where d.id = due.id and w.id = d.webhook_id
                        returning d.id, d.event_type, cast(d.payload as text) as payload, d.attempts, w.url, w.secret""", Tuple.class)
                        .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter("leaseEnd", OffsetDateTime.ofInstant(now.plus(lease), ZoneOffset.UTC))
                        .setParameter("limit", limit))
                .stream().map(r -> new Claimed(r.uuid("id"), r.text("event_type"), r.text("payload"), r.integer("attempts"),
                        r.text("url"), (byte[]) r.tuple().get("secret"))).toList();
    }

    /** Records an attempt: delivered, to be retried at {@code retryAt}, or failed for good when that is null. */
    @Transactional
    public void attempted(UUID delivery, boolean delivered, Integer status, String error, Instant at, Instant retryAt) {
        em.createNativeQuery("""
                        update webhook_delivery set attempts = attempts + 1, last_status = :status, last_error = :error,
                               status = :state, delivered_at = :deliveredAt, next_attempt_at = coalesce(:retryAt, next_attempt_at)
                        where id = :id""")
                .setParameter("status", status).setParameter("error", error)
                .setParameter("state", delivered ? "DELIVERED" : retryAt == null ? "FAILED" : "PENDING")
                .setParameter("deliveredAt", delivered ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : null)
                .setParameter("retryAt", retryAt == null ? null : OffsetDateTime.ofInstant(retryAt, ZoneOffset.UTC))
                .setParameter("id", delivery)
                .executeUpdate();
    }

    /** The deliveries of {@code webhook} older than the keyset {@code (before, beforeId)}, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> deliveries(UUID webhook, Instant before, UUID beforeId, int limit) {
        return Row.all(em.createNativeQuery("""
                        select id, event_type, status, attempts, last_status, last_error, created_at, next_attempt_at, delivered_at
                        from webhook_delivery
                        where webhook_id = :webhook and (created_at, id) < (:before, :beforeId)
                        order by created_at desc, id desc limit :limit""", Tuple.class)
                        .setParameter("webhook", webhook)
                        .setParameter("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                        .setParameter("beforeId", beforeId)
                        .setParameter("limit", limit))
                .stream().map(r -> new Delivery(r.uuid("id"), r.text("event_type"), r.text("status"), r.integer("attempts"),
                        r.maybeInteger("last_status"), r.text("last_error"), r.instant("created_at"), r.instant("next_attempt_at"),
                        r.instant("delivered_at"))).toList();
    }

    private static Webhook webhook(Row r) {
        return new Webhook(r.uuid("id"), r.text("url"), Arrays.asList(r.text("types").split(",")), r.text("unit_code"), r.text("unit_path"),
                (byte[]) r.tuple().get("secret"), new Position(Long.parseLong(r.text("after_tx")), r.bigint("after_seq")),
                r.instant("created_at"), r.text("created_by"));
    }
}
