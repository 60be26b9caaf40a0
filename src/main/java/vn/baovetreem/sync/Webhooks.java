package vn.baovetreem.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registering, listing and removing webhooks, and the record of their deliveries (docs/sync.md). */
@ApplicationScoped
public class Webhooks {

    /** The event type of Decree 56 deadlines, beside the record types of {@link SyncedType}. */
    public static final String DEADLINES = "case-deadline";
    private static final String RECORD_TYPE = "webhook";
    private static final String DELIVERIES = "webhook-deliveries";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Later than any delivery: the keyset of the first page. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    /** Schema {@code NewWebhook}. */
    public record NewWebhook(@NotBlank @Size(max = 2000) String url,
                             @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 30) String> types,
                             @Size(max = 20) String unit) {
    }

    /** Schema {@code Webhook}; {@code secret} only in the answer to the registration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(UUID id, String url, List<String> types, String unit, Instant createdAt, String createdBy,
                              String secret) {
    }

    /** Schema {@code WebhookList}. */
    public record WebhookList(List<WebhookView> items) {
    }

    private final WebhookRepository webhooks;
    private final ChangeLogRepository log;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;
    private final PagingConfig paging;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, ChangeLogRepository log, UnitDirectory units, AccessPolicy access, AuditTrail audit,
             RequestValidator validator, PagingConfig paging, Clock clock) {
        this.webhooks = webhooks;
        this.log = log;
        this.units = units;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.paging = paging;
        this.clock = clock;
    }

    /** Registers a receiver of the changes made from now on; the answer holds its signing secret, shown this once. */
    @Transactional
    public WebhookView register(NewWebhook request) {
        CurrentUser.Resolved user = access.check(Operation.MANAGE_WEBHOOKS);
        validator.validate(request);
        requireHttpUrl(request.url());
        Set<String> types = new LinkedHashSet<>();
        for (String type : request.types()) {
            if (!type.equals(DEADLINES) && SyncedType.of(type).isEmpty()) {
                throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "types", "types must be among "
                        + String.join(", ", SyncedType.wireNames()) + ", " + DEADLINES + ".");
            }
            types.add(type);
        }
        String unitPath = request.unit() == null ? null : units.find(request.unit()).map(UnitDirectory.UnitSummary::path)
                .orElseThrow(() -> ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "unit", "unit must be the code of a known unit."));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        WebhookRepository.Webhook webhook = new WebhookRepository.Webhook(TimeOrderedIds.next(), request.url(), List.copyOf(types),
                request.unit(), unitPath, secret, log.horizon(), clock.instant(), user.username());
        webhooks.insert(webhook);
        WebhookView view = view(webhook, null);
        audit.record("CREATE", RECORD_TYPE, webhook.id().toString(), null, null, view);
        return view(webhook, WebhookSignature.format(secret));
    }

    @Transactional
    public WebhookList list() {
        access.check(Operation.MANAGE_WEBHOOKS);
        return new WebhookList(webhooks.active().stream().map(w -> view(w, null)).toList());
    }

    @Transactional
    public WebhookView get(UUID id) {
        access.check(Operation.MANAGE_WEBHOOKS);
        return view(find(id), null);
    }

    /** Stops the webhook: nothing more is queued or sent; its deliveries stay on record. */
    @Transactional
    public void remove(UUID id) {
        access.check(Operation.MANAGE_WEBHOOKS);
        WebhookView before = view(find(id), null);
        webhooks.remove(id, clock.instant());
        audit.record("DELETE", RECORD_TYPE, id.toString(), null, before, null);
    }

    /** The deliveries of a webhook, newest first. */
    @Transactional
    public Page<WebhookRepository.Delivery> deliveries(UUID id, Integer pageSize, String pageToken) {
        access.check(Operation.MANAGE_WEBHOOKS);
        find(id);
        PageRequest page = PageRequest.of(pageSize, PageToken.decode(pageToken, DELIVERIES, id.toString()), paging);
        PageRequest.Keyset<Instant> after = page.keyset(Instant::parse);
        List<WebhookRepository.Delivery> rows = webhooks.deliveries(id, after == null ? END_OF_TIME : after.key(),
                after == null ? new UUID(-1, -1) : after.id(), page.size() + 1);
        return Page.fromOverfetch(rows, page.size(),
                last -> PageToken.encode(DELIVERIES, id.toString(), PageRequest.Keyset.of(last.createdAt(), last.id())));
    }

    private WebhookRepository.Webhook find(UUID id) {
        return webhooks.find(id).orElseThrow(() -> new ApiException.NotFound("Webhook", id.toString()));
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && (uri.getScheme().equals("https") || uri.getScheme().equals("http")) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getFragment() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "url", "url must be an absolute http or https URL.");
    }

    private static WebhookView view(WebhookRepository.Webhook w, String secret) {
        return new WebhookView(w.id(), w.url(), w.types(), w.unitCode(), w.createdAt(), w.createdBy(), secret);
    }
}
