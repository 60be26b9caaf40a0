package vn.baovetreem.reports;

import vn.baovetreem.indicators.IndicatorService;
import vn.baovetreem.indicators.Xlsx;
import vn.baovetreem.plans.PlanProgressService;
import vn.baovetreem.plans.PlanRequests;
import vn.baovetreem.prevention.AwarenessActivityService.ActivityView;
import vn.baovetreem.reports.ReportService.Content;
import vn.baovetreem.reports.ReportService.VersionView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The cover sheet of a report's workbook, in the order of a Vietnamese commune report: results,
 * the progress of each target of the plan, the awareness work, difficulties and shortcomings,
 * proposals, then the signatures; the indicator sheets follow it.
 */
final class ReportWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /**
     * The cover's own columns (characters), shared by its two tables: the targets (No., target,
     * measured by, aim, result, numerator, denominator, assessment) and the awareness work (day,
     * content, channel, topics, place, adults, children, organiser).
     */
    static final int[] WIDTHS = {11, 34, 26, 20, 16, 9, 9, 18};

    private ReportWorkbook() {
    }

    /** {@code label} gives the Vietnamese label of a category, such as ({@code CHANNEL}, {@code SCHOOL_SESSION}). */
    /** {@code label} gives the Vietnamese label of a category, {@code unitName} the name of a village or commune by its code. */
    static void cover(Xlsx.Page page, VersionView version, LocalDate submittedOn, BinaryOperator<String> label,
                      UnaryOperator<String> unitName) {
        Content c = version.content();
        String title = c.period().kind() == ReportingPeriods.Kind.SIX_MONTH
                ? "BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC TRẺ EM 6 THÁNG ĐẦU NĂM " + c.period().year()
                : "BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC TRẺ EM NĂM " + c.period().year();
        page.motto()
                .title(title)
                .centred("Số liệu từ " + DAY.format(c.period().startsOn()) + " đến " + DAY.format(c.period().cutOff())
                        + "; lần nộp thứ " + version.number() + " ngày " + DAY.format(submittedOn))
                .heading("I. KẾT QUẢ THỰC HIỆN")
                .paragraph(c.narrative().results())
                .heading("II. TIẾN ĐỘ THỰC HIỆN CÁC MỤC TIÊU CỦA KẾ HOẠCH");
        PlanProgressService.Progress progress = c.progress();
        if (progress == null) {
            page.paragraph("Xã chưa có kế hoạch năm " + c.period().year() + " trong hệ thống.");
        } else {
            page.centred(progress.plan().title() + (progress.plan().documentNumber() == null ? ""
                    : " (số " + progress.plan().documentNumber() + ")"));
            Map<String, String> names = c.indicators().indicators().stream()
                    .collect(Collectors.toMap(IndicatorService.Result::key, IndicatorService.Result::nameVi, (a, b) -> a));
            page.tableRow(true, "STT", "Mục tiêu", "Đo bằng", "Chỉ tiêu", "Kết quả", "Tử số", "Mẫu số", "Đánh giá");
            for (PlanProgressService.TargetProgress t : progress.targets()) {
                page.tableRow(false, t.position(), t.description(),
                        t.measure().kind() == PlanRequests.MeasureKind.INDICATOR
                                ? names.getOrDefault(t.measure().indicatorKey(), t.measure().indicatorKey()) : "Số liệu báo cáo",
                        comparison(t.comparison()) + " " + amount(t.targetValue(), t.unit()), amount(t.value(), t.unit()),
                        t.numerator(), t.denominator(), status(t.status()));
            }
        }
        page.heading("III. CÔNG TÁC TRUYỀN THÔNG")
                .paragraph(c.awareness().sessions() + " buổi/lượt truyền thông, " + c.awareness().adultsReached() + " lượt người lớn và "
                        + c.awareness().childrenReached() + " lượt trẻ em được tiếp cận.");
        if (!c.awareness().activities().isEmpty()) {
            page.tableRow(true, "Ngày", "Nội dung", "Hình thức", "Chủ đề", "Địa bàn", "Người lớn", "Trẻ em", "Người tổ chức");
            for (ActivityView a : c.awareness().activities()) {
                page.tableRow(false, DAY.format(a.heldOn()), a.title(), label.apply("CHANNEL", a.channel()),
                        a.topics().stream().map(t -> label.apply("TOPIC", t)).collect(Collectors.joining("; ")),
                        unitName.apply(a.unitCode()), a.adultsReached(), a.childrenReached(), a.organiser());
            }
        }
        page.heading("IV. KHÓ KHĂN, TỒN TẠI")
                .paragraph(c.narrative().difficulties())
                .heading("V. ĐỀ XUẤT, KIẾN NGHỊ")
                .paragraph(c.narrative().proposals())
                .signatures();
    }

    private static String comparison(PlanRequests.Comparison comparison) {
        return switch (comparison) {
            case AT_LEAST -> "≥";
            case AT_MOST -> "≤";
            case EQUAL -> "=";
        };
    }

    /** A target's aim or value as it is written in Vietnamese: 83,8%, 20.000.000 đồng. */
    private static String amount(BigDecimal value, PlanRequests.TargetUnit unit) {
        if (value == null) {
            return "";
        }
        NumberFormat vietnamese = NumberFormat.getNumberInstance(Locale.forLanguageTag("vi-VN"));
        vietnamese.setMaximumFractionDigits(2);
        return switch (unit) {
            case PERCENT -> vietnamese.format(value) + "%";
            case YES_NO -> value.signum() == 0 ? "Không" : "Có";
            case VND -> vietnamese.format(value.setScale(0, RoundingMode.HALF_UP)) + " đồng";
            case COUNT -> vietnamese.format(value);
        };
    }

    private static String status(PlanProgressService.Status status) {
        return switch (status) {
            case MET -> "Đạt";
            case ON_TRACK -> "Đúng tiến độ";
            case AT_RISK -> "Có nguy cơ không đạt";
            case NOT_MET -> "Không đạt";
            case NO_DATA -> "Chưa có số liệu";
        };
    }
}
