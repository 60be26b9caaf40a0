package vn.baovetreem.imports;

/** What a file holds, with the Vietnamese names its template uses. */
public enum ImportKind {
    CHILDREN("Trẻ em", "danh sách trẻ em"),
    CIRCUMSTANCES("Hoàn cảnh", "hoàn cảnh đặc biệt và nguy cơ của trẻ em"),
    INTERVENTIONS("Hỗ trợ", "các dịch vụ hỗ trợ trẻ em");

    private final String sheet;
    private final String title;

    ImportKind(String sheet, String title) {
        this.sheet = sheet;
        this.title = title;
    }

    /** The name of the template's sheet to fill. */
    String sheet() {
        return sheet;
    }

    /** What the template is for, in Vietnamese. */
    String title() {
        return title;
    }
}
