package vn.baovetreem.cases;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.baovetreem.cases.CaseRequests.Separation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Schema {@code CaseTransition}: one step of the Decree 56 workflow, a record per action holding
 * the fields that action uses and no other. The field of another action is refused as unknown, so
 * nothing is silently dropped, and what an action needs is validated with the request, before the
 * case is read. {@link CaseAction} says when each step may be taken and where it leads.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "action")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CaseStep.AssessInitial.class, name = "ASSESS_INITIAL"),
        @JsonSubTypes.Type(value = CaseStep.ProtectEmergency.class, name = "PROTECT_EMERGENCY"),
        @JsonSubTypes.Type(value = CaseStep.Separate.class, name = "SEPARATE"),
        @JsonSubTypes.Type(value = CaseStep.ExtendSeparation.class, name = "EXTEND_SEPARATION"),
        @JsonSubTypes.Type(value = CaseStep.EndSeparation.class, name = "END_SEPARATION"),
        @JsonSubTypes.Type(value = CaseStep.AssessDetailed.class, name = "ASSESS_DETAILED"),
        @JsonSubTypes.Type(value = CaseStep.HoldConference.class, name = "HOLD_CONFERENCE"),
        @JsonSubTypes.Type(value = CaseStep.SubmitPlan.class, name = "SUBMIT_PLAN"),
        @JsonSubTypes.Type(value = CaseStep.ApprovePlan.class, name = "APPROVE_PLAN"),
        @JsonSubTypes.Type(value = CaseStep.ReturnPlan.class, name = "RETURN_PLAN"),
        @JsonSubTypes.Type(value = CaseStep.StartImplementation.class, name = "START_IMPLEMENTATION"),
        @JsonSubTypes.Type(value = CaseStep.Review.class, name = "REVIEW"),
        @JsonSubTypes.Type(value = CaseStep.Close.class, name = "CLOSE"),
        @JsonSubTypes.Type(value = CaseStep.Replan.class, name = "REPLAN"),
        @JsonSubTypes.Type(value = CaseStep.CloseUnsubstantiated.class, name = "CLOSE_UNSUBSTANTIATED"),
        @JsonSubTypes.Type(value = CaseStep.Assign.class, name = "ASSIGN"),
        @JsonSubTypes.Type(value = CaseStep.Transfer.class, name = "TRANSFER"),
        @JsonSubTypes.Type(value = CaseStep.AcceptTransfer.class, name = "ACCEPT_TRANSFER"),
        @JsonSubTypes.Type(value = CaseStep.DeclineTransfer.class, name = "DECLINE_TRANSFER"),
        @JsonSubTypes.Type(value = CaseStep.Escalate.class, name = "ESCALATE"),
        @JsonSubTypes.Type(value = CaseStep.ReturnEscalation.class, name = "RETURN_ESCALATION")})
public sealed interface CaseStep {

    /** The action this step takes (its JSON name in {@code action}, above). */
    default CaseAction action() {
        return switch (this) {
            case AssessInitial s -> CaseAction.ASSESS_INITIAL;
            case ProtectEmergency s -> CaseAction.PROTECT_EMERGENCY;
            case Separate s -> CaseAction.SEPARATE;
            case ExtendSeparation s -> CaseAction.EXTEND_SEPARATION;
            case EndSeparation s -> CaseAction.END_SEPARATION;
            case AssessDetailed s -> CaseAction.ASSESS_DETAILED;
            case HoldConference s -> CaseAction.HOLD_CONFERENCE;
            case SubmitPlan s -> CaseAction.SUBMIT_PLAN;
            case ApprovePlan s -> CaseAction.APPROVE_PLAN;
            case ReturnPlan s -> CaseAction.RETURN_PLAN;
            case StartImplementation s -> CaseAction.START_IMPLEMENTATION;
            case Review s -> CaseAction.REVIEW;
            case Close s -> CaseAction.CLOSE;
            case Replan s -> CaseAction.REPLAN;
            case CloseUnsubstantiated s -> CaseAction.CLOSE_UNSUBSTANTIATED;
            case Assign s -> CaseAction.ASSIGN;
            case Transfer s -> CaseAction.TRANSFER;
            case AcceptTransfer s -> CaseAction.ACCEPT_TRANSFER;
            case DeclineTransfer s -> CaseAction.DECLINE_TRANSFER;
            case Escalate s -> CaseAction.ESCALATE;
            case ReturnEscalation s -> CaseAction.RETURN_ESCALATION;
        };
    }

    /** When it happened (default now): deadlines are met by it. */
    Instant occurredAt();

    /** What was done or decided; required where the step is the note (emergency protection, findings, a district comment). */
    String note();

    /** The initial assessment (Form 02), within 12 hours of the report. */
    record AssessInitial(Instant occurredAt,
                         @Size(max = 4000) String note,
                         @NotBlank @Size(max = 10) String riskLevel,
                         @NotNull Boolean emergency) implements CaseStep {
    }

    /** Emergency protection; the note says what was done. */
    record ProtectEmergency(Instant occurredAt,
                            @NotBlank @Size(max = 4000) String note) implements CaseStep {
    }

    /** Temporary separation from the caregiver (Form 07). */
    record Separate(Instant occurredAt,
                    @Size(max = 4000) String note,
                    @NotNull @Valid Separation separation) implements CaseStep {
    }

    /** A later end for the active separation. */
    record ExtendSeparation(Instant occurredAt,
                            @Size(max = 4000) String note,
                            @NotNull LocalDate endsOn,
                            @NotBlank @Size(max = 500) String reason) implements CaseStep {
    }

    /** The end of the active separation, on the day it occurred. */
    record EndSeparation(Instant occurredAt,
                         @Size(max = 4000) String note) implements CaseStep {
    }

    /** The detailed assessment (Form 03); the note holds its findings. */
    record AssessDetailed(Instant occurredAt,
                          @NotBlank @Size(max = 4000) String note,
                          @Size(max = 10) String riskLevel) implements CaseStep {
    }

    /** The case conference that decides on a plan. */
    record HoldConference(Instant occurredAt,
                          @Size(max = 4000) String note,
                          @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 200) String> participants,
                          @NotBlank @Size(max = 4000) String decisions) implements CaseStep {
    }

    /** Submits the latest plan version for approval. */
    record SubmitPlan(Instant occurredAt,
                      @Size(max = 4000) String note) implements CaseStep {
    }

    /** The chair's approval, which freezes the version. */
    record ApprovePlan(Instant occurredAt,
                       @Size(max = 4000) String note) implements CaseStep {
    }

    /** The chair's return of the plan for changes. */
    record ReturnPlan(Instant occurredAt,
                      @Size(max = 4000) String note,
                      @NotBlank @Size(max = 500) String reason) implements CaseStep {
    }

    /** The approved plan is being carried out. */
    record StartImplementation(Instant occurredAt,
                               @Size(max = 4000) String note) implements CaseStep {
    }

    /** The review of the plan (Form 06). */
    record Review(Instant occurredAt,
                  @Size(max = 4000) String note,
                  @NotBlank @Size(max = 30) String reviewOutcome,
                  @Size(max = 10) String riskLevel) implements CaseStep {
    }

    /** Closes the case after a review. */
    record Close(Instant occurredAt,
                 @Size(max = 4000) String note,
                 @NotBlank @Size(max = 30) String closureReason,
                 @Size(max = 30) String handlingOutcome) implements CaseStep {
    }

    /** Back to planning after a review. */
    record Replan(Instant occurredAt,
                  @Size(max = 4000) String note,
                  @NotBlank @Size(max = 500) String reason) implements CaseStep {
    }

    /** Closes a report that was not substantiated. */
    record CloseUnsubstantiated(Instant occurredAt,
                                @Size(max = 4000) String note,
                                @NotBlank @Size(max = 500) String reason,
                                @Size(max = 30) String handlingOutcome) implements CaseStep {
    }

    /** Assigns the officer who handles the case. */
    record Assign(Instant occurredAt,
                  @Size(max = 4000) String note,
                  @NotBlank @Size(max = 100) String officer) implements CaseStep {
    }

    /** Proposes to hand the case to another commune. */
    record Transfer(Instant occurredAt,
                    @Size(max = 4000) String note,
                    @NotBlank @Size(max = 20) String toCommuneCode,
                    @NotBlank @Size(max = 500) String reason) implements CaseStep {
    }

    /** The receiving commune takes the case over. */
    record AcceptTransfer(Instant occurredAt,
                          @Size(max = 4000) String note) implements CaseStep {
    }

    /** The receiving commune declines the case. */
    record DeclineTransfer(Instant occurredAt,
                           @Size(max = 4000) String note,
                           @NotBlank @Size(max = 500) String reason) implements CaseStep {
    }

    /** Asks the district to supervise the case. */
    record Escalate(Instant occurredAt,
                    @Size(max = 4000) String note,
                    @NotBlank @Size(max = 500) String reason) implements CaseStep {
    }

    /** The district's answer to an escalation; the note holds its comment. */
    record ReturnEscalation(Instant occurredAt,
                            @NotBlank @Size(max = 4000) String note) implements CaseStep {
    }
}
