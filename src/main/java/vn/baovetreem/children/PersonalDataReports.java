package vn.baovetreem.children;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.audit.AuditService;
import vn.baovetreem.audit.AuditService.AccessEntry;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.RecordRef;
import vn.baovetreem.children.ChildViews.ChildView;
import vn.baovetreem.children.ConsentService.ConsentView;
import vn.baovetreem.children.EpisodeService.EpisodeView;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.text.Printed;
import vn.baovetreem.indicators.Xlsx;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The data subject's report (Law 91/2025 on Personal Data Protection, exercised for a child by
 * the legal representative, Art. 24): everything the service holds about one child, for the
 * commune that holds the child's file, as JSON or as a workbook to print and hand over. Each
 * report is itself an audit event of the record.
 */
@ApplicationScoped
public class PersonalDataReports {

    /** Columns of the printed report: a number, then nine columns of equal width. */
    private static final int[] COLUMNS = {5, 15, 15, 15, 15, 15, 15, 15, 15, 15};
    /** The record's fields take the first three columns for the label. */
    private static final int LABEL_COLUMNS = 3;

    /** The commonest actions of the audit trail in words; the others are printed as their code. */
    private static final Map<String, String> ACTIONS = Map.of("READ", "Xem", "CREATE", "Tạo mới", "UPDATE", "Sửa",
            "PERSONAL_DATA_REPORT", "Lập thông báo dữ liệu cá nhân", "ANONYMISE", "Ẩn danh", "MERGE", "Gộp hồ sơ",
            "READ_CIRCUMSTANCES", "Xem nhóm hoàn cảnh", "READ_RISKS", "Xem nguy cơ", "READ_CONSENTS", "Xem sự đồng ý",
            "READ_TIMELINE", "Xem diễn biến vụ việc");
    private static final Map<String, String> RECORD_TYPES = Map.of(ChildService.RECORD_TYPE, "Hồ sơ trẻ em", "case", "Vụ việc",
            "intervention", "Hỗ trợ", "household", "Hộ gia đình");

    private final ChildRepository children;
    private final ChildViews views;
    private final EpisodeRepository episodes;
    private final ConsentRepository consents;
    private final Instance<ChildDataParticipant> participants;
    private final Retention retention;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final AuditService auditEvents;
    private final CodeListCatalog codes;
    private final Clock clock;

    PersonalDataReports(ChildRepository children, ChildViews views, EpisodeRepository episodes,
                        ConsentRepository consents, Instance<ChildDataParticipant> participants, Retention retention,
                        AccessPolicy access, AuditTrail audit, AuditService auditEvents, CodeListCatalog codes, Clock clock) {
        this.children = children;
        this.views = views;
        this.episodes = episodes;
        this.consents = consents;
        this.participants = participants;
        this.retention = retention;
        this.access = access;
        this.audit = audit;
        this.auditEvents = auditEvents;
        this.codes = codes;
        this.clock = clock;
    }

    /** The report gathered once, for either form. */
    private record Gathered(Instant generatedAt, String generatedBy, UnitDirectory.UnitSummary controller, ChildView child,
                            List<EpisodeView> circumstances, List<EpisodeView> risks, List<ConsentView> consents,
                            List<ChildDataParticipant.Section> sections, List<AccessEntry> access, Retention.Status retention) {
    }

    /** The printed report and its file name. */
    public record Printable(byte[] body, String fileName) {
    }

    /** Schema {@code PersonalDataReport}: properties in the order a reader goes through them. */
    @Transactional
    public Map<String, Object> report(UUID childId) {
        Gathered g = gather(childId);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generatedAt", g.generatedAt());
        report.put("generatedBy", g.generatedBy());
        report.put("controller", new ChildViews.UnitRef(g.controller().code(), g.controller().name()));
        report.put("child", g.child());
        report.put("circumstances", g.circumstances());
        report.put("risks", g.risks());
        report.put("consents", g.consents());
        g.sections().forEach(s -> report.put(s.key(), s.value()));
        report.put("access", g.access());
        report.put("retention", g.retention());
        return report;
    }

    /** Gathered in a transaction, written after it: no connection is held while the workbook is written. */
    public Printable printable(UUID childId) {
        Gathered g = QuarkusTransaction.joiningExisting().call(() -> gather(childId));
        byte[] body = Xlsx.document("Dữ liệu cá nhân", COLUMNS, page -> print(page, g));
        return new Printable(body, "du-lieu-ca-nhan_" + childId + ".xlsx");
    }

    private Gathered gather(UUID childId) {
        CurrentUser.Resolved user = access.check(Operation.READ_PERSONAL_DATA_REPORT);
        Child child = children.findInScope(childId, user.scope()).orElseThrow(() -> ChildService.notFound(childId));
        LocalDate today = LocalDate.now(clock);
        List<ChildEpisode> spans = episodes.allOf(child.id());
        List<ChildDataParticipant.Section> sections = participants.stream()
                .map(p -> p.describe(child.id()))
                .sorted(Comparator.comparing(ChildDataParticipant.Section::key)).toList();
        // The access log covers the record, the duplicates merged into it and every record of the other features.
        List<UUID> ids = Stream.concat(Stream.of(child.id()), children.mergedInto(child.id()).stream()).toList();
        List<RecordRef> records = new ArrayList<>(ids.stream().map(id -> new RecordRef(ChildService.RECORD_TYPE, id.toString())).toList());
        participants.forEach(p -> records.addAll(p.records(ids)));
        List<AccessEntry> log = auditEvents.accessLog(records);
        audit.record("PERSONAL_DATA_REPORT", ChildService.RECORD_TYPE, child.id().toString(), child.unitPath(), null, null);
        return new Gathered(clock.instant(), user.username(), user.unit(), views.full(child, today, false),
                spans.stream().filter(e -> e.kind() == EpisodeKind.CIRCUMSTANCE).map(e -> EpisodeService.view(e, today)).toList(),
                spans.stream().filter(e -> e.kind() == EpisodeKind.RISK).map(e -> EpisodeService.view(e, today)).toList(),
                consents.of(child.id()).stream().map(ConsentService::view).toList(), sections, log, retention.status(child));
    }

    private void print(Xlsx.Page page, Gathered g) {
        ChildView c = g.child();
        page.motto(g.controller().name())
                .title("THÔNG BÁO DỮ LIỆU CÁ NHÂN CỦA TRẺ EM DO ỦY BAN NHÂN DÂN XÃ LƯU GIỮ")
                .centred("(Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; lập lúc " + Printed.time(g.generatedAt(), clock.getZone())
                        + " bởi " + g.generatedBy() + ")")
                .heading("I. HỒ SƠ TRẺ EM")
                .field(LABEL_COLUMNS, "Họ và tên", c.fullName())
                .field(LABEL_COLUMNS, "Ngày sinh", Printed.day(c.dateOfBirth()) + (c.birthDateEstimated() ? " (ước tính)" : ""))
                .field(LABEL_COLUMNS, "Giới tính", codes.labelVi("sexes", c.sex()))
                .field(LABEL_COLUMNS, "Dân tộc", codes.labelVi("ethnic-groups", c.ethnicity()))
                .field(LABEL_COLUMNS, "Số định danh cá nhân", c.personalId())
                .field(LABEL_COLUMNS, "Thôn", c.village() == null ? "" : c.village().name())
                .field(LABEL_COLUMNS, "Địa chỉ", c.address())
                .field(LABEL_COLUMNS, "Ngày đăng ký khai sinh", Printed.day(c.birthRegisteredOn()))
                .field(LABEL_COLUMNS, "Thẻ bảo hiểm y tế", c.healthInsuranceCard())
                .field(LABEL_COLUMNS, "Hộ nghèo, cận nghèo", codes.labelVi("poverty-status", c.povertyStatus()))
                .field(LABEL_COLUMNS, "Tình trạng đi học", codes.labelVi("school-status", c.schoolStatus()))
                .field(LABEL_COLUMNS, "Khuyết tật", codes.labelVi("disability-levels", c.disabilityLevel()))
                .field(LABEL_COLUMNS, "Tình trạng cha mẹ", codes.labelVi("parents-status", c.parentsStatus()))
                .field(LABEL_COLUMNS, "Người chăm sóc", c.caregivers().stream()
                        .map(k -> k.name() + " (" + codes.labelVi("caregiver-relationships", k.relationship()) + ")"
                                + (k.phone() == null ? "" : ", " + k.phone()))
                        .collect(Collectors.joining("; ")))
                .field(LABEL_COLUMNS, "Ghi chú", c.note())
                .field(LABEL_COLUMNS, "Tình trạng hồ sơ", status(c.status()) + (c.statusDate() == null ? "" : " từ " + Printed.day(c.statusDate())))
                .field(LABEL_COLUMNS, "Lập hồ sơ", Printed.time(c.createdAt(), clock.getZone()) + " bởi " + c.createdBy());
        table(page, "II. NHÓM HOÀN CẢNH ĐẶC BIỆT VÀ NGUY CƠ",
                List.of("Loại", "Nhóm", "Từ ngày", "Đến ngày", "Lý do kết thúc", "Ghi chú"),
                Stream.concat(g.circumstances().stream(), g.risks().stream()).map(e -> List.of(
                        e.kind() == EpisodeKind.CIRCUMSTANCE ? "Hoàn cảnh đặc biệt" : "Nguy cơ",
                        codes.labelVi(e.kind() == EpisodeKind.CIRCUMSTANCE ? "special-circumstance-groups" : "risk-categories", e.code()),
                        Printed.day(e.startDate()), Printed.day(e.endDate()), Printed.text(e.endReason()), Printed.text(e.note()))).toList());
        table(page, "III. SỰ ĐỒNG Ý XỬ LÝ DỮ LIỆU",
                List.of("Người đồng ý", "Quan hệ", "Ngày", "Mục đích", "Rút lại ngày", "Lý do rút lại"),
                g.consents().stream().map(k -> List.of(k.giverName(), codes.labelVi("caregiver-relationships", k.relationship()),
                        Printed.day(k.givenOn()), k.scopes().stream().map(x -> codes.labelVi("consent-scopes", x)).collect(Collectors.joining(", ")),
                        Printed.day(k.withdrawnOn()), Printed.text(k.withdrawalReason()))).toList());
        int number = 4;
        for (ChildDataParticipant.Section s : g.sections()) {
            table(page, roman(number++) + ". " + s.title().toUpperCase(Locale.forLanguageTag("vi")), s.header(), s.rows());
        }
        table(page, roman(number) + ". NHỮNG LẦN XEM, THAY ĐỔI HỒ SƠ",
                List.of("Thời điểm", "Người thực hiện", "Ứng dụng", "Thao tác", "Hồ sơ"),
                g.access().stream().map(a -> List.of(Printed.time(a.occurredAt().toInstant(), clock.getZone()), a.actor(),
                        Printed.text(a.clientId()), ACTIONS.getOrDefault(a.action(), a.action()),
                        RECORD_TYPES.getOrDefault(a.recordType(), a.recordType()))).toList());
        page.heading("THỜI HẠN LƯU GIỮ")
                .paragraph(g.retention().rule() + " " + retentionOfThisRecord(g.retention()))
                .signatures();
    }

    private static String status(ChildStatus status) {
        return switch (status) {
            case ACTIVE -> "Đang quản lý";
            case MOVED_AWAY -> "Đã chuyển đi";
            case DECEASED -> "Đã mất";
            case MERGED -> "Đã gộp vào hồ sơ khác";
        };
    }

    private static String retentionOfThisRecord(Retention.Status status) {
        if (status.anonymisedAt() != null) {
            return "Hồ sơ này đã được ẩn danh.";
        }
        return status.dueOn() == null ? "Trẻ đang được bảo vệ, hỗ trợ: hồ sơ chưa có hạn ẩn danh."
                : "Hồ sơ này sẽ được ẩn danh từ ngày " + Printed.day(status.dueOn()) + ".";
    }

    /** A numbered table under {@code heading}, or a line saying there is nothing. */
    private static void table(Xlsx.Page page, String heading, List<String> header, List<List<String>> rows) {
        page.heading(heading);
        if (rows.isEmpty()) {
            page.paragraph("(không có)");
            return;
        }
        page.tableRow(true, Stream.concat(Stream.of("STT"), header.stream()).toArray(String[]::new));
        for (int i = 0; i < rows.size(); i++) {
            page.tableRow(false, Stream.concat(Stream.of(String.valueOf(i + 1)), rows.get(i).stream()).toArray(String[]::new));
        }
    }

    private static String roman(int n) {
        return switch (n) {
            case 4 -> "IV";
            case 5 -> "V";
            case 6 -> "VI";
            case 7 -> "VII";
            case 8 -> "VIII";
            default -> String.valueOf(n);
        };
    }
}
