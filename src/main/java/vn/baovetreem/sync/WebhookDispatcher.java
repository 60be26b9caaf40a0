package vn.baovetreem.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.baovetreem.common.error.DatabaseErrors;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Push, on a scheduler thread and never in a request: queues an event per change after each
 * webhook's position in the change log (in its order, up to the oldest running transaction, like
 * the feed) and per deadline raised, then posts the deliveries due, in parallel, each signed, with
 * a time limit. A receiver that is slow or down costs this thread its time limit, never a request;
 * its deliveries are retried with back-off and every attempt is recorded. Delivery is at least once
 * (an instance stopped mid-post sends again after the lease): receivers deduplicate on {@code webhook-id}.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int CHANGES_PER_RUN = 1000;
    private static final int POSTS_PER_RUN = 50;
    private static final String SOURCE = "urn:cp:commune-child-protection";

    @ConfigMapping(prefix = "cp.webhooks")
    interface Config {
        /** How often the job queues and posts events (read by {@link #run()}'s schedule). */
        @WithDefault("2s")
        String every();

        /** A Decree 56 deadline raises {@code DUE_SOON} once it is this close. */
        @WithDefault("P1D")
        Duration deadlineWindow();

        /** The wait before the first retry; each later one waits twice as long as the one before. */
        @WithDefault("PT10S")
        Duration retryAfter();

        /** The longest wait between two attempts. */
        @WithDefault("PT6H")
        Duration retryAtMost();

        /** Attempts before a delivery is given up as failed. */
        @WithDefault("15")
        int attempts();

        /** How long a receiver has to answer a post. */
        @WithDefault("PT5S")
        Duration timeout();
    }

    private record Attempt(WebhookRepository.Claimed delivery, Integer status, String error) {
    }

    private final WebhookRepository webhooks;
    private final ChangeLogRepository log;
    private final Config config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(WebhookRepository webhooks, ChangeLogRepository log, Config config, ObjectMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.log = log;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "webhooks", every = "{cp.webhooks.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            // Nothing is lost: the changes stay after the webhook's position, and a claimed delivery is tried again when its lease ends.
            LOG.warnf("Could not queue or deliver webhook events; the next run tries again: %s", DatabaseErrors.describe(e));
        }
    }

    private void dispatch() {
        List<WebhookRepository.Webhook> active = webhooks.active();
        if (active.isEmpty()) {
            return;
        }
        Position horizon = log.horizon();
        for (WebhookRepository.Webhook webhook : active) {
            QuarkusTransaction.requiringNew().run(() -> queueChanges(webhook, horizon));
        }
        if (active.stream().anyMatch(w -> w.types().contains(Webhooks.DEADLINES))) {
            QuarkusTransaction.requiringNew().run(this::queueDeadlines);
        }
        deliver();
    }

    /** Queues the changes after the webhook's position; another instance holding the webhook does it instead. */
    private void queueChanges(WebhookRepository.Webhook registered, Position horizon) {
        WebhookRepository.Webhook webhook = webhooks.lock(registered.id()).orElse(null);
        Set<SyncedType> types = EnumSet.noneOf(SyncedType.class);
        if (webhook != null) {
            webhook.types().forEach(t -> SyncedType.of(t).ifPresent(types::add));
        }
        if (webhook == null || types.isEmpty()) {
            return;
        }
        List<ChangeLogRepository.Change> changes = log.after(webhook.after(), horizon, types, webhook.scope(), null, CHANGES_PER_RUN);
        Instant now = clock.instant();
        webhooks.queue(changes.stream().map(c -> new WebhookRepository.Queued(webhook.id(), eventType(c),
                changeEvent(c))).toList(), now);
        webhooks.moveOn(webhook.id(), changes.size() == CHANGES_PER_RUN ? changes.getLast().position() : webhook.after().max(horizon));
    }

    private void queueDeadlines() {
        Instant now = clock.instant();
        List<WebhookRepository.DeadlineEvent> raised = webhooks.raiseDeadlines(now, config.deadlineWindow());
        if (raised.isEmpty()) {
            return;
        }
        List<WebhookRepository.Queued> queued = new ArrayList<>();
        for (WebhookRepository.Webhook webhook : webhooks.active()) {
            if (!webhook.types().contains(Webhooks.DEADLINES)) {
                continue;
            }
            raised.stream().filter(e -> webhook.scope().contains(e.unitPath()))
                    .forEach(e -> queued.add(new WebhookRepository.Queued(webhook.id(), deadlineType(e), deadlineEvent(e))));
        }
        webhooks.queue(queued, now);
    }

    private void deliver() {
        Instant now = clock.instant();
        List<WebhookRepository.Claimed> due = webhooks.claimDue(now, config.timeout().multipliedBy(2).plusSeconds(30), POSTS_PER_RUN);
        List<CompletableFuture<Attempt>> posts = due.stream().map(this::post).toList();
        for (CompletableFuture<Attempt> post : posts) {
            Attempt attempt = post.join();
            WebhookRepository.Claimed d = attempt.delivery();
            boolean delivered = attempt.status() != null && attempt.status() / 100 == 2;
            Instant at = clock.instant();
            Instant retryAt = delivered || d.attempts() + 1 >= config.attempts() ? null : at.plus(backoff(d.attempts()));
            webhooks.attempted(d.id(), delivered, attempt.status(), attempt.error(), at, retryAt);
            if (!delivered && retryAt == null) {
                LOG.warnf("Webhook delivery %s given up after %d attempts: %s", d.id(), d.attempts() + 1, attempt.error());
            }
        }
    }

    private CompletableFuture<Attempt> post(WebhookRepository.Claimed d) {
        String id = eventId(d.payload());
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url())).timeout(config.timeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(d.secret(), id, timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(d, null, "invalid URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null
                        ? new Attempt(d, response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode())
                        : new Attempt(d, null, describe(error)));
    }

    /** The CloudEvent's id, which is also the {@code webhook-id}: the same on every attempt. */
    private String eventId(String payload) {
        try {
            return json.readTree(payload).path("id").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A queued event is not JSON", e);
        }
    }

    /** The wait after {@code attempts} failed attempts: doubling from the first, up to the most. */
    private Duration backoff(int attempts) {
        Duration wait = config.retryAfter().multipliedBy(1L << Math.min(attempts, 30));
        return wait.compareTo(config.retryAtMost()) > 0 ? config.retryAtMost() : wait;
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static String eventType(ChangeLogRepository.Change c) {
        return "vn.baovetreem." + c.type().wireName() + "." + c.change().toLowerCase(Locale.ROOT);
    }

    private static String deadlineType(WebhookRepository.DeadlineEvent e) {
        return "vn.baovetreem." + Webhooks.DEADLINES + "." + e.event().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A CloudEvent naming the record changed, never its content: the receiver reads that with its own rights. */
    private String changeEvent(ChangeLogRepository.Change c) {
        ObjectNode data = json.createObjectNode().put("type", c.type().wireName()).put("id", c.recordId().toString())
                .put("change", c.change()).put("occurredAt", c.occurredAt().toString());
        if (c.childId() != null) {
            data.put("childId", c.childId().toString());
        }
        return cloudEvent(c.position().format(), eventType(c), c.type().wireName() + "/" + c.recordId(), c.occurredAt(), data);
    }

    private String deadlineEvent(WebhookRepository.DeadlineEvent e) {
        ObjectNode data = json.createObjectNode().put("caseId", e.caseId().toString()).put("caseNumber", e.caseNumber())
                .put("step", e.step()).put("event", e.event()).put("dueAt", e.dueAt().toString());
        return cloudEvent(e.caseId() + "/" + e.step() + "/" + e.event(), deadlineType(e), "case/" + e.caseId(), clock.instant(), data);
    }

    private String cloudEvent(String id, String type, String subject, Instant time, ObjectNode data) {
        ObjectNode event = json.createObjectNode().put("specversion", "1.0").put("id", id).put("source", SOURCE).put("type", type)
                .put("subject", subject).put("time", time.toString()).put("datacontenttype", "application/json");
        event.set("data", data);
        return event.toString();
    }
}
