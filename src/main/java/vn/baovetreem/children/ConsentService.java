package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.ChildRequests.ConsentWithdrawal;
import vn.baovetreem.children.ChildRequests.NewConsent;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.common.error.RequestValidator;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.http.ETags;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Consents for a child's data: the child's own from age 7, and a parent's or guardian's, each
 * for named purposes. Withdrawal keeps the record and is audited.
 */
@ApplicationScoped
public class ConsentService {

    /** From this age the child's own consent is needed (Decree 13/2023 Art. 20). */
    static final int CHILD_CONSENT_AGE = 7;
    static final int MAX_PER_CHILD = 100;

    private final ConsentRepository consents;
    private final ChildService childService;
    private final CodeListCatalog codes;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final RequestValidator validator;

    ConsentService(ConsentRepository consents, ChildService childService, CodeListCatalog codes, AccessPolicy access,
                   AuditTrail audit, RequestValidator validator) {
        this.consents = consents;
        this.childService = childService;
        this.codes = codes;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
    }

    /** Schema {@code Consent}. */
    public record ConsentView(UUID id, UUID childId, ChildConsent.Giver giver, String giverName, String relationship,
                              LocalDate givenOn, List<String> scopes, String note, String recordedBy, Instant recordedAt,
                              LocalDate withdrawnOn, String withdrawalReason, String withdrawnBy, boolean active) {
    }

    /** Schema {@code ConsentList}. */
    public record ConsentList(List<ConsentView> items) {
    }

    @Transactional
    public ConsentList list(UUID childId) {
        CurrentUser.Resolved user = access.check(Operation.READ_CHILDREN);
        Child child = childService.load(childId, user.scope());
        audit.recordRead("READ_CONSENTS", ChildService.RECORD_TYPE, child.id().toString(), child.unitPath());
        return new ConsentList(consents.of(child.id()).stream().map(ConsentService::view).toList());
    }

    @Transactional
    public Versioned<ConsentView> record(UUID childId, NewConsent request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_CHILDREN);
        validator.validate(request);
        Child child = childService.lockForChildRecords(childId, user.scope());
        if (consents.countOf(child.id()) >= MAX_PER_CHILD) {
            throw new ApiException.Conflict(ProblemCode.TOO_MANY_CONSENTS, "This record already holds " + MAX_PER_CHILD + " consents.");
        }
        Violations problems = new Violations();
        LocalDate today = childService.today();
        if (request.givenOn().isAfter(today) || request.givenOn().isBefore(child.dateOfBirth())) {
            problems.add("givenOn", "must be between the child's date of birth and today");
        } else if (request.giver() == ChildConsent.Giver.CHILD && child.ageOn(request.givenOn()) < CHILD_CONSENT_AGE) {
            problems.add("giver", "a child gives consent from age " + CHILD_CONSENT_AGE + "; this child was "
                    + child.ageOn(request.givenOn()) + " on " + request.givenOn());
        }
        if (request.giver() == ChildConsent.Giver.PARENT_OR_GUARDIAN) {
            if (request.relationship() == null || !codes.contains("caregiver-relationships", request.relationship())) {
                problems.add("relationship", "is required for a parent or guardian and must be a code of the caregiver-relationships list");
            }
        } else if (request.relationship() != null) {
            problems.add("relationship", "is only given for a parent or guardian");
        }
        for (int i = 0; i < request.scopes().size(); i++) {
            if (!codes.contains("consent-scopes", request.scopes().get(i))) {
                problems.add("scopes[" + i + "]", "is not a code of the consent-scopes list");
            }
        }
        problems.failIfAny("The consent has invalid values.");
        ChildConsent consent = ChildConsent.record(child.id(), request.giver(), Texts.clean(request.giverName()),
                request.relationship(), request.givenOn(), request.scopes().stream().distinct().toList(),
                Texts.clean(request.note()), user.username(), childService.now());
        consents.persistAndFlush(consent);
        ConsentView after = view(consent);
        audit.record("RECORD_CONSENT", ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), null, after);
        return new Versioned<>(after, consent.version());
    }

    @Transactional
    public Versioned<ConsentView> withdraw(UUID childId, UUID consentId, String ifMatch, ConsentWithdrawal request) {
        CurrentUser.Resolved user = access.check(Operation.WRITE_CHILDREN);
        validator.validate(request);
        Child child = childService.lockForChildRecords(childId, user.scope());
        ChildConsent consent = consents.findByIdOptional(consentId).filter(c -> c.childId().equals(child.id()))
                .orElseThrow(() -> new ApiException.NotFound("Consent", consentId.toString()));
        ETags.requireMatch(ifMatch, consent.version());
        if (consent.withdrawnOn() != null) {
            throw new ApiException.Conflict(ProblemCode.CONSENT_ALREADY_WITHDRAWN, "This consent was withdrawn on " + consent.withdrawnOn() + ".");
        }
        if (request.withdrawnOn().isBefore(consent.givenOn()) || request.withdrawnOn().isAfter(childService.today())) {
            throw ApiException.BadRequest.field(ProblemCode.VALIDATION_FAILED, "withdrawnOn", "withdrawnOn must be between the day consent was given and today.");
        }
        ConsentView before = view(consent);
        consent.withdraw(request.withdrawnOn(), Texts.clean(request.reason()), user.username());
        consents.flush();
        ConsentView after = view(consent);
        audit.record("WITHDRAW_CONSENT", ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), before, after);
        return new Versioned<>(after, consent.version());
    }

    static ConsentView view(ChildConsent c) {
        return new ConsentView(c.id(), c.childId(), c.giver(), c.giverName(), c.relationship(), c.givenOn(), c.scopes(),
                c.note(), c.recordedBy(), c.recordedAt(), c.withdrawnOn(), c.withdrawalReason(), c.withdrawnBy(),
                c.withdrawnOn() == null);
    }
}
